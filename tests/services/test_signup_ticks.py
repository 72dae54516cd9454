"""Who came, ticked on the list, is the planned session's count: Närvaro and the statistics see it once."""

import datetime as dt

import pytest

from seniorhalsan import stats
from seniorhalsan.errors import ValidationError
from seniorhalsan.operations.attendance import RecordCounts
from seniorhalsan.operations.signups import CancelSignup, TickPresence
from seniorhalsan.services import attendance_days, attendance_history, signup_people
from seniorhalsan.services.attendance import CountInput
from seniorhalsan.services.attendance_slots import SessionKey
from tests.signup_helpers import PAST_TRIP_DAY, on, series, sign_up_people, trip


def day_of(db, occasion, day):
    return db.read(attendance_days.day_sessions, place_id=occasion.place_id, day=day)


def people_of(db, occasion):
    return db.read(signup_people.participants, occasion.list_id)


def test_ticks_become_the_sessions_count_and_ticking_again_changes_it(db):
    occasion = trip(db, day=PAST_TRIP_DAY)
    astrid, bertil, cecilia, david = sign_up_people(db, occasion, 4)
    ticked = db.perform(TickPresence(occasion.list_id, PAST_TRIP_DAY, (astrid.id, bertil.id, cecilia.id),
                                     (bertil.id,))).value
    assert (ticked.women, ticked.men, ticked.other, ticked.total, ticked.new_visitors) == (2, 1, 0, 3, 1)
    [session] = day_of(db, occasion, PAST_TRIP_DAY)
    assert session.schedule_entry_id == occasion.entry_id and session.session_id == ticked.session_id
    assert (session.women, session.men, session.other, session.total, session.new_visitors) == (2, 1, 0, 3, 1)

    again = db.perform(TickPresence(occasion.list_id, PAST_TRIP_DAY, (astrid.id, bertil.id, cecilia.id, david.id),
                                    ())).value
    assert again.session_id == ticked.session_id
    [session] = day_of(db, occasion, PAST_TRIP_DAY)
    assert (session.women, session.men, session.total, session.new_visitors) == (2, 2, 4, None)
    assert db.read(attendance_history.count_sessions, place_id=occasion.place_id) == 1
    figures = db.read(stats.year_stats, 2026)
    assert figures.attendance.visits == 4 and figures.attendance.sessions == 1
    assert figures.signups.total.attended == 4
    assert [p.present_days for p in people_of(db, occasion)] == [(PAST_TRIP_DAY,)] * 4


def test_ticks_fill_the_session_a_count_was_typed_for_not_one_beside_it(db):
    occasion = trip(db, day=PAST_TRIP_DAY)
    people = sign_up_people(db, occasion, 3)
    key = SessionKey(place_id=occasion.place_id, day=PAST_TRIP_DAY, schedule_entry_id=occasion.entry_id)
    db.perform(RecordCounts((CountInput(key, total=12),)))
    db.perform(TickPresence(occasion.list_id, PAST_TRIP_DAY, tuple(p.id for p in people)))
    [session] = day_of(db, occasion, PAST_TRIP_DAY)
    assert (session.women, session.men, session.total) == (2, 1, 3)
    assert db.read(stats.year_stats, 2026).attendance.visits == 3


def test_without_everyones_kön_the_count_is_a_total(db):
    occasion = trip(db, day=PAST_TRIP_DAY)
    people = sign_up_people(db, occasion, 6)  # Folke's kön is not known
    ticked = db.perform(TickPresence(occasion.list_id, PAST_TRIP_DAY, (people[0].id, people[5].id))).value
    assert (ticked.women, ticked.men, ticked.other, ticked.total) == (None, None, None, 2)
    [session] = day_of(db, occasion, PAST_TRIP_DAY)
    assert (session.women, session.total) == (None, 2)
    assert db.read(stats.year_stats, 2026).attendance.unspecified == 2


def test_a_series_is_ticked_day_by_day(db):
    course = series(db, weekday=1)  # Mondays
    people = sign_up_people(db, course, 3)
    monday, next_monday = dt.date(2026, 11, 9), dt.date(2026, 11, 16)
    db.perform(TickPresence(course.list_id, monday, (people[0].id, people[1].id)))
    db.perform(TickPresence(course.list_id, next_monday, (people[0].id,), (people[0].id,)))
    assert [s.total for s in day_of(db, course, monday)] == [2]
    assert [(s.total, s.new_visitors) for s in day_of(db, course, next_monday)] == [(1, 1)]
    assert [p.present_days for p in people_of(db, course)] == [(monday, next_monday), (monday,), ()]
    assert db.read(stats.year_stats, 2026).signups.total.attended == 2


def test_someone_who_leaves_a_series_after_coming_stays_in_its_figures_without_a_name(db):
    course = series(db, weekday=1, places=2)
    astrid, bertil, _cecilia = sign_up_people(db, course, 3)
    db.perform(TickPresence(course.list_id, dt.date(2026, 11, 9), (astrid.id, bertil.id)))
    left = db.perform(CancelSignup(course.list_id, participant_id=astrid.id)).value
    assert [p.name for p in left.moved_up] == ["Cecilia Lund"]
    assert [p.name for p in people_of(db, course)] == ["Bertil Holm", "Cecilia Lund"]
    total = db.read(stats.year_stats, 2026).signups.total
    assert (total.signed_up, total.attended, total.waiting_list, total.distinct_persons) == (3, 2, 0, 3)


@pytest.mark.parametrize("day, field", [
    (dt.date(2026, 11, 10), "date"),   # a Tuesday: the course meets on Mondays
    (dt.date(2026, 11, 23), "date"),   # a Monday still to come
])
def test_ticks_for_a_day_the_occasion_did_not_meet_are_refused_and_change_nothing(db, unchanged, day, field):
    course = series(db, weekday=1)
    people = sign_up_people(db, course, 2)
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(TickPresence(course.list_id, day, (people[0].id,)))
    assert refused.value.fields == [field]


def test_ticks_of_someone_not_on_the_list_or_new_without_coming_are_refused(db, unchanged):
    occasion = trip(db, day=PAST_TRIP_DAY)
    people = sign_up_people(db, occasion, 2)
    other = trip(db, day=PAST_TRIP_DAY, name="Bussutflykt till Kastellet")
    stranger = sign_up_people(db, other, 3)[2]
    with unchanged():
        with pytest.raises(ValidationError) as refused:
            db.perform(TickPresence(occasion.list_id, PAST_TRIP_DAY, (people[0].id, stranger.id)))
        assert refused.value.fields == ["present"]
        with pytest.raises(ValidationError) as refused:
            db.perform(TickPresence(occasion.list_id, PAST_TRIP_DAY, (people[0].id,), (people[1].id,)))
        assert refused.value.fields == ["new_visitors"]


def test_a_trip_cannot_be_ticked_before_it_happens(db, unchanged):
    occasion = trip(db)
    people = sign_up_people(db, occasion, 1)
    with on(db, occasion.on_date - dt.timedelta(days=1)), unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(TickPresence(occasion.list_id, occasion.on_date, (people[0].id,)))
    assert "framtiden" in str(refused.value)
