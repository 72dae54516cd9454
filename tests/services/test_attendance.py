"""Attendance: counts split by gender or a total alone, and every refusal leaves no trace."""

import datetime as dt

import pytest

from seniorhalsan.errors import Conflict, ValidationError
from seniorhalsan.services import attendance, attendance_days, attendance_history, places, schedule
from tests import factories
from tests.conftest import TODAY

DAY = dt.date(2026, 3, 10)  # a Tuesday


@pytest.fixture
def axelsberg(db):
    return factories.place_named(db, "Axelsberg")


@pytest.fixture
def gympa(db, axelsberg):
    return factories.activity(db, "Seniorgympa", place_id=axelsberg.id)


def record(db, axelsberg, gympa, **kw):
    kw.setdefault("held_on", DAY)
    return db.call(attendance.record_attendance, activity_id=gympa.id, place_id=axelsberg.id, **kw)


def test_split_count_is_stored_with_its_total(db, axelsberg, gympa):
    saved = record(db, axelsberg, gympa, women=12, men=3, other=1, new_visitors=2)
    again = db.read(attendance_days.get_session, saved.session_id)
    assert (again.women, again.men, again.other, again.total, again.new_visitors) == (12, 3, 1, 16, 2)


def test_a_total_alone_is_accepted(db, axelsberg, gympa):
    saved = record(db, axelsberg, gympa, total=25)
    assert (saved.women, saved.men, saved.other, saved.total) == (None, None, None, 25)


def test_empty_parts_of_a_split_count_are_zero(db, axelsberg, gympa):
    saved = record(db, axelsberg, gympa, women="9", men="")
    assert (saved.women, saved.men, saved.other, saved.total) == (9, 0, 0, 9)


@pytest.mark.parametrize(
    "counts, field",
    [
        ({"women": -1}, "women"),
        ({"men": "tre"}, "men"),
        ({"women": 5, "men": 1, "total": 7}, "total"),
        ({"total": 4, "new_visitors": 5}, "new_visitors"),
        ({"total": 100_000}, "total"),
        ({"women": 2.5}, "women"),
    ],
)
def test_bad_counts_are_refused_naming_the_field(db, axelsberg, gympa, unchanged, counts, field):
    with unchanged(), pytest.raises(ValidationError) as refused:
        record(db, axelsberg, gympa, **counts)
    assert field in refused.value.fields


def test_a_date_in_the_future_is_refused(db, axelsberg, gympa, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        record(db, axelsberg, gympa, held_on=TODAY + dt.timedelta(days=1), total=3)
    assert refused.value.fields == ["date"]
    assert "framtiden" in str(refused.value)


def test_a_session_at_a_place_closed_that_day_is_refused(db, axelsberg, gympa, unchanged):
    db.call(places.close_place, axelsberg.id, closed_on=dt.date(2026, 2, 28))
    with unchanged(), pytest.raises(ValidationError) as refused:
        record(db, axelsberg, gympa, total=10)
    assert "place" in refused.value.fields
    assert "stängd" in str(refused.value)
    # the day before it closed is still fine
    assert record(db, axelsberg, gympa, held_on=dt.date(2026, 2, 27), total=10).total == 10


def test_a_cancelled_session_has_no_visitors(db, axelsberg, gympa, unchanged):
    with unchanged(), pytest.raises(ValidationError):
        record(db, axelsberg, gympa, cancelled=True, total=4)
    saved = record(db, axelsberg, gympa, cancelled=True, note="Ledaren sjuk")
    assert saved.cancelled and saved.total is None


def test_the_day_comes_from_the_term_schedule(db, axelsberg, gympa):
    term = factories.term(db)
    entry = db.call(schedule.add_entry, term_id=term.id, activity_id=gympa.id, place_id=axelsberg.id,
                    weekday=2, starts_at=dt.time(10), ends_at=dt.time(11))
    planned = db.read(attendance_days.day_sessions, place_id=axelsberg.id, day=DAY)
    assert [(s.activity_name, s.recorded) for s in planned] == [("Seniorgympa", False)]
    assert db.read(attendance_days.day_sessions, place_id=axelsberg.id, day=DAY + dt.timedelta(days=1)) == []

    db.call(attendance.record_attendance, schedule_entry_id=entry.id, held_on=DAY, women=8, men=2)
    extra = record(db, axelsberg, factories.activity(db, "Öppen scen", kind="kultur"), total=40)
    rows = db.read(attendance_days.day_sessions, place_id=axelsberg.id, day=DAY)
    assert [(s.activity_name, s.total, s.recorded) for s in rows] == [
        ("Seniorgympa", 10, True),
        ("Öppen scen", 40, True),
    ]
    # saving the slot again corrects the same session instead of adding one
    db.call(attendance.record_attendance, schedule_entry_id=entry.id, held_on=DAY, women=9, men=2,
            version=rows[0].version)
    assert db.read(attendance_history.count_sessions, place_id=axelsberg.id) == 2
    assert extra.session_id != rows[0].session_id


def test_a_slot_cannot_be_recorded_on_a_day_it_does_not_run(db, axelsberg, gympa, unchanged):
    term = factories.term(db)
    entry = db.call(schedule.add_entry, term_id=term.id, activity_id=gympa.id, place_id=axelsberg.id,
                    weekday=2, starts_at=dt.time(10))
    with unchanged(), pytest.raises(ValidationError):
        db.call(attendance.record_attendance, schedule_entry_id=entry.id, held_on=DAY + dt.timedelta(days=1), total=5)


def test_a_stale_correction_is_refused(db, axelsberg, gympa):
    saved = record(db, axelsberg, gympa, total=10)
    db.call(attendance.record_attendance, session_id=saved.session_id, total=11, version=saved.version)
    with pytest.raises(Conflict):
        db.call(attendance.record_attendance, session_id=saved.session_id, total=12, version=saved.version)
    assert db.read(attendance_days.get_session, saved.session_id).total == 11


def test_history_and_month_summary(db, axelsberg, gympa):
    for day in (1, 2, 2, 15):
        record(db, axelsberg, gympa, held_on=dt.date(2026, 4, day), women=5, men=1)
    record(db, axelsberg, gympa, held_on=dt.date(2026, 4, 20), cancelled=True)
    history = db.read(attendance_history.list_sessions, place_id=axelsberg.id, offset=0, limit=2)
    assert [h.held_on.day for h in history] == [20, 15]
    summary = db.read(attendance_history.month_summary, place_id=axelsberg.id, year=2026, month=4)
    assert [(d.day.day, d.sessions, d.cancelled, d.visits) for d in summary] == [
        (1, 1, 0, 6), (2, 2, 0, 12), (15, 1, 0, 6), (20, 0, 1, 0),
    ]


def test_the_pages_of_a_history_join_up_newest_first(db, axelsberg, gympa):
    kor = factories.activity(db, "Kör", kind="kultur")
    made = []
    for day in (3, 1, 2, 2, 5, 4, 2):
        made.append(record(db, axelsberg, gympa, held_on=dt.date(2026, 5, day), starts_at=dt.time(9 + day), total=day))
    made.append(record(db, axelsberg, kor, held_on=dt.date(2026, 5, 2), starts_at=dt.time(8), total=30))
    record(db, factories.place_named(db, "Gröndal"), gympa, held_on=dt.date(2026, 5, 6), total=99)
    whole = db.read(attendance_history.list_sessions, place_id=axelsberg.id, offset=0, limit=100)
    pages = [row for offset in range(0, 9, 3)
             for row in db.read(attendance_history.list_sessions, place_id=axelsberg.id, offset=offset, limit=3)]
    assert pages == whole
    assert len(whole) == len(made) == db.read(attendance_history.count_sessions, place_id=axelsberg.id)
    # newest day first; on a day the latest start first; the same start: the one saved last first
    assert [(h.held_on.day, h.starts_at.hour) for h in whole] == [
        (5, 14), (4, 13), (3, 12), (2, 11), (2, 11), (2, 11), (2, 8), (1, 10)]
    same = [h.session_id for h in whole if (h.held_on.day, h.starts_at.hour) == (2, 11)]
    assert same == sorted(same, reverse=True)
    assert whole[-2].activity_name == "Kör" and whole[-2].total == 30
    assert db.read(attendance_history.list_sessions, place_id=axelsberg.id, offset=8, limit=3) == []
