"""Two clients on one database: no update silently lost, different sessions both saved."""

import datetime as dt
import threading

import pytest

from seniorhalsan.errors import Conflict
from seniorhalsan.operations.feedback import RecordAnswer
from seniorhalsan.services import attendance, attendance_days, attendance_history, feedback, persons
from tests import factories


def test_the_second_save_of_the_same_person_is_refused(two_clients, db):
    first, second = two_clients
    created = factories.person(db, reference="A1", name="Astrid")
    seen_by_first = first.read(persons.get_person, created.id)
    seen_by_second = second.read(persons.get_person, created.id)

    second.call(persons.update_person, created.id, version=seen_by_second.version, phone="08-111 11 11")
    with pytest.raises(Conflict, match="någon annan"):
        first.call(persons.update_person, created.id, version=seen_by_first.version, phone="08-222 22 22")
    newest = first.read(persons.get_person, created.id)
    assert newest.phone == "08-111 11 11" and newest.version == seen_by_second.version + 1


def test_the_second_answer_to_the_same_feedback_is_refused(two_clients, db):
    first, second = two_clients
    item = db.call(feedback.register_feedback, received_on=dt.date(2026, 10, 1), type="synpunkt",
                   from_key="senior", about_key="annat", text="Fler stolar", contact="Bo")
    first_view = first.read(feedback.get_feedback, item.id)
    second.perform(RecordAnswer(item.id, dt.date(2026, 10, 5), "Vi köper fler.", version=item.version))
    with pytest.raises(Conflict):
        first.perform(RecordAnswer(item.id, dt.date(2026, 10, 6), "Nej.", version=first_view.version))
    assert first.read(feedback.get_feedback, item.id).answer_text == "Vi köper fler."


def test_two_clients_count_different_sessions_at_the_same_time(two_clients, db):
    first, second = two_clients
    place = factories.place_named(db, "Axelsberg")
    gympa = factories.activity(db, "Seniorgympa")
    kor = factories.activity(db, "Kör", kind="kultur")
    errors: list[Exception] = []
    barrier = threading.Barrier(2)

    def count(client, activity, offset):
        try:
            barrier.wait()
            for day in range(1, 31):
                client.call(attendance.record_attendance, activity_id=activity.id, place_id=place.id,
                            held_on=dt.date(2026, 3, day), women=offset + day, men=1)
        except Exception as exc:  # surfaces in the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=count, args=(first, gympa, 0)),
               threading.Thread(target=count, args=(second, kor, 100))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert db.read(attendance_history.count_sessions, place_id=place.id) == 60
    sessions = db.read(attendance_days.day_sessions, place_id=place.id, day=dt.date(2026, 3, 7))
    day = {s.activity_name: s.total for s in sessions}
    assert day == {"Seniorgympa": 8, "Kör": 108}
