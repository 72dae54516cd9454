"""Sign-up lists: places, the waiting list in order, the same phone once, and refusals that change nothing."""

import datetime as dt

import pytest

from seniorhalsan import stats
from seniorhalsan.errors import NotFound, ValidationError
from seniorhalsan.operations.schedule import UpdateEntry
from seniorhalsan.operations.signups import CancelSignup, ChangeSignups, OpenSignups, RemoveSignups, SignUp
from seniorhalsan.services import schedule, signup_people, signups
from seniorhalsan.services.signup_people import phone_key
from tests import factories
from tests.signup_helpers import PEOPLE, TRIP_DAY, autumn, on, series, sign_up_people, trip


def names(db, occasion):
    people = db.read(signup_people.participants, occasion.list_id)
    return ([p.name for p in people if p.has_place], [p.name for p in people if not p.has_place])


def test_a_full_occasion_puts_the_next_person_on_the_waiting_list(db):
    occasion = trip(db, places=4)
    signed = sign_up_people(db, occasion, 6)
    assert [(p.status, p.number) for p in signed] == [("plats", 1), ("plats", 2), ("plats", 3), ("plats", 4),
                                                      ("reserv", 1), ("reserv", 2)]
    assert names(db, occasion) == (["Astrid Ek", "Bertil Holm", "Cecilia Lund", "David Berg"],
                                   ["Elsa Nyström", "Folke Ström"])
    now = db.read(signups.get_occasion, occasion.list_id)
    assert (now.places, now.taken, now.waiting, now.free) == (4, 4, 2, 0)


def test_the_waiting_list_moves_up_in_order_and_says_whom_to_call(db):
    occasion = trip(db, places=2)
    sign_up_people(db, occasion, 5)  # Astrid, Bertil with places; Cecilia, David, Elsa waiting
    with on(db, TRIP_DAY - dt.timedelta(days=3)):
        first = db.perform(CancelSignup(occasion.list_id, phone="070-111 11 01")).value
        assert first.name == "Astrid Ek"
        assert [(p.name, p.phone, p.number) for p in first.moved_up] == [("Cecilia Lund", "070-111 11 03", 2)]
        second = db.perform(CancelSignup(occasion.list_id, phone="0701111102")).value
        assert [p.name for p in second.moved_up] == ["David Berg"]
        waiting = db.perform(CancelSignup(occasion.list_id, phone="070-111 11 05")).value
        assert waiting.moved_up == ()  # someone on the waiting list leaves no place behind
    assert names(db, occasion) == (["Cecilia Lund", "David Berg"], [])


def test_more_places_go_to_the_first_on_the_waiting_list(db):
    occasion = trip(db, places=2)
    sign_up_people(db, occasion, 5)
    with on(db, TRIP_DAY - dt.timedelta(days=3)):
        changed = db.perform(ChangeSignups(occasion.list_id, 4, TRIP_DAY - dt.timedelta(days=2))).value
        assert [p.name for p in changed.moved_up] == ["Cecilia Lund", "David Berg"]
        assert changed.occasion.last_day == TRIP_DAY - dt.timedelta(days=2)
        with pytest.raises(ValidationError, match="4 har redan en plats"):
            db.perform(ChangeSignups(occasion.list_id, 3))
    assert names(db, occasion)[1] == ["Elsa Nyström"]


@pytest.mark.parametrize("again", ["070-111 11 01", "0701111101", "+46 70 111 11 01", "070/111 11 01"])
def test_the_same_phone_is_not_signed_up_twice(db, unchanged, again):
    occasion = trip(db)
    sign_up_people(db, occasion, 1)
    with on(db, TRIP_DAY - dt.timedelta(days=5)), unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(SignUp(occasion.list_id, "Astrid Ek igen", again))
    assert refused.value.fields == ["phone"]
    assert "Astrid Ek har en plats" in str(refused.value)
    assert phone_key(again) == "0701111101"


def test_the_same_phone_may_stand_on_another_list(db):
    first, second = trip(db), series(db)
    sign_up_people(db, first, 1)
    sign_up_people(db, second, 1)
    assert names(db, second) == (["Astrid Ek"], [])


@pytest.mark.parametrize("fields, refused", [
    (dict(name="", phone="070-111 11 01"), ["name"]),
    (dict(name="Astrid", phone=""), ["phone"]),
    (dict(name="Astrid", phone="ring mig"), ["phone"]),
    (dict(name="Astrid", phone="070-111 11 01", email="astrid.example"), ["email"]),
    (dict(name="Astrid", phone="070-111 11 01", gender="kanske"), ["gender"]),
    (dict(name="Astrid", phone="070-111 11 01", note="x" * 201), ["note"]),
])
def test_a_refused_sign_up_names_its_field_and_changes_nothing(db, unchanged, fields, refused):
    occasion = trip(db)
    with on(db, TRIP_DAY - dt.timedelta(days=5)), unchanged(), pytest.raises(ValidationError) as error:
        db.perform(SignUp(occasion.list_id, **fields))
    assert error.value.fields == refused


def test_no_sign_up_after_the_occasion(db, unchanged):
    occasion = trip(db)
    with on(db, TRIP_DAY + dt.timedelta(days=1)), unchanged(), pytest.raises(ValidationError, match="redan varit"):
        db.perform(SignUp(occasion.list_id, "Sen Senare", "070-999 99 99"))


def test_a_cancellation_of_someone_not_on_the_list_is_refused_and_changes_nothing(db, unchanged):
    occasion = trip(db)
    sign_up_people(db, occasion, 2)
    with on(db, TRIP_DAY - dt.timedelta(days=5)), unchanged(), pytest.raises(NotFound, match="finns inte på listan"):
        db.perform(CancelSignup(occasion.list_id, phone="070-000 00 00"))


def test_opening_a_list_is_refused_twice_and_for_an_occasion_past(db, unchanged):
    occasion = trip(db)
    term = autumn(db)
    gone = factories.activity(db, "Bio på Bio Aspen", kind="kultur")
    entry = db.call(schedule.add_entry, term_id=term.id, activity_id=gone.id,
                    place_id=factories.place_named(db, "Axelsberg").id, on_date=dt.date(2026, 9, 1),
                    starts_at=dt.time(14))
    with unchanged():
        with pytest.raises(ValidationError, match="tar redan emot anmälningar"):
            db.perform(OpenSignups(occasion.entry_id, 10))
        with pytest.raises(ValidationError, match="redan varit"):
            db.perform(OpenSignups(entry.id, 10))
        with pytest.raises(ValidationError) as error:
            db.perform(OpenSignups(occasion.entry_id, 0, TRIP_DAY + dt.timedelta(days=1)))
        assert set(error.value.fields) == {"places", "last_day", "occasion"}


def test_a_list_nobody_signed_up_on_can_be_taken_back(db, unchanged):
    occasion = trip(db)
    db.perform(RemoveSignups(occasion.list_id))
    assert db.read(signups.list_occasions) == []
    again = trip(db, name="Bussutflykt till Kastellet")
    sign_up_people(db, again, 1)
    with unchanged(), pytest.raises(ValidationError, match="har anmälda"):
        db.perform(RemoveSignups(again.list_id))


def test_a_term_series_lists_its_meetings(db):
    course = series(db, weekday=1)
    assert course.is_series and course.term_code == "ht2026"
    days = course.meeting_days()
    assert days[0] == dt.date(2026, 8, 17) and days[-1] == dt.date(2026, 12, 14) and len(days) == 18
    assert "måndagar" in course.title


def test_the_folder_learns_the_last_day_to_sign_up(db):
    occasion = trip(db, last_day=TRIP_DAY - dt.timedelta(days=7))
    sign_up_people(db, occasion, 1)
    info = db.read(signups.signup_info, autumn(db).id)
    assert info == {occasion.entry_id: signups.SignupInfo(occasion.entry_id, occasion.activity_id, TRIP_DAY, 4, 3,
                                                          TRIP_DAY - dt.timedelta(days=7))}


def test_a_list_follows_its_row_on_the_schedule_and_outlives_it(db):
    occasion = trip(db)
    sign_up_people(db, occasion, 1, people=PEOPLE)
    moved = TRIP_DAY + dt.timedelta(days=1)
    other = factories.place_named(db, "Fruängsgården")
    entry = db.read(schedule.list_schedule, occasion.term_id)[0]
    db.perform(UpdateEntry(entry.id, entry.version, entry.activity_id, other.id, entry.starts_at, entry.ends_at,
                           None, None, on_date=moved))
    now = db.read(signups.get_occasion, occasion.list_id)
    assert (now.on_date, now.place_name) == (moved, "Fruängsgården")
    sign_up_people(db, occasion, 2, people=PEOPLE[1:])  # a change to the list keeps what the row says now
    db.call(schedule.remove_entry, occasion.entry_id)
    kept = db.read(signups.get_occasion, occasion.list_id)
    assert kept.entry_id is None and kept.taken == 3 and kept.activity_name == occasion.activity_name
    assert (kept.on_date, kept.place_name) == (moved, "Fruängsgården")
    assert db.read(stats.year_stats, 2026).signups.by_kind["utflykt"].signed_up == 3


def test_an_activity_without_a_type_takes_sign_ups_and_is_counted_under_ej_angiven(db):
    """An import may create an activity without a type; its list opens, and the year's figures
    count it under "Typ ej angiven", as the visits."""
    occasion = trip(db, kind=None, name="Utflykt utan typ", places=3)
    assert occasion.kind is None and occasion.places == 3
    sign_up_people(db, occasion, 2)
    figures = db.read(stats.year_stats, TRIP_DAY.year).signups
    assert (figures.total.occasions, figures.total.signed_up) == (1, 2)
    assert figures.by_kind["ej_angiven"].signed_up == 2
    assert list(figures.by_kind)[-1] == "ej_angiven"
