"""Occasions that take sign-ups, built through the schedule and the sign-up operations."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

from seniorhalsan.operations.signups import OpenSignups, SignUp
from seniorhalsan.services import schedule
from tests import factories
from tests.conftest import TODAY

AUTUMN = (dt.date(2026, 8, 17), dt.date(2026, 12, 18))  # TODAY lies in it
TRIP_DAY = dt.date(2026, 12, 5)  # a Saturday after TODAY
PAST_TRIP_DAY = dt.date(2026, 11, 14)  # a Saturday before TODAY


@contextmanager
def on(db, day: dt.date):
    """The database's today is `day` inside the block (signing up before an occasion now past)."""
    db.clock = lambda: day
    try:
        yield
    finally:
        db.clock = lambda: TODAY


def autumn(db):
    existing = [t for t in db.read(schedule.list_terms) if t.kind == "ht" and t.year == 2026]
    return existing[0] if existing else factories.term(db, kind="ht", year=2026, starts_on=AUTUMN[0],
                                                       ends_on=AUTUMN[1])


def trip(db, *, day=TRIP_DAY, places=4, name="Dagsutflykt till Skultuna bruk", kind="utflykt", place="Axelsberg",
         leader_id=None, last_day=None):
    """A dated occasion of the autumn term, open for sign-ups (opened before it took place)."""
    term = autumn(db)
    found = factories.activity(db, name, kind=kind, leader_id=leader_id)
    where = factories.place_named(db, place)
    entry = db.call(schedule.add_entry, term_id=term.id, activity_id=found.id, place_id=where.id, on_date=day,
                    starts_at=dt.time(9), ends_at=dt.time(16))
    with on(db, min(TODAY, day - dt.timedelta(days=20))):
        return db.perform(OpenSignups(entry.id, places, last_day)).value


def series(db, *, weekday=1, places=8, name="Min hälsa", kind="halsa", place="Fruängsgården", leader_id=None):
    """A course that meets every week of the autumn term, open for sign-ups from its start."""
    term = autumn(db)
    found = factories.activity(db, name, kind=kind, leader_id=leader_id)
    where = factories.place_named(db, place)
    entry = db.call(schedule.add_entry, term_id=term.id, activity_id=found.id, place_id=where.id, weekday=weekday,
                    starts_at=dt.time(13), ends_at=dt.time(15))
    with on(db, AUTUMN[0]):
        return db.perform(OpenSignups(entry.id, places)).value


PEOPLE = [("Astrid Ek", "070-111 11 01", "kvinna"), ("Bertil Holm", "070-111 11 02", "man"),
          ("Cecilia Lund", "070-111 11 03", "kvinna"), ("David Berg", "070-111 11 04", "man"),
          ("Elsa Nyström", "070-111 11 05", "kvinna"), ("Folke Ström", "070-111 11 06", None)]


def sign_up_people(db, occasion, count: int, *, day: dt.date | None = None, people=PEOPLE):
    """The first `count` people of PEOPLE (or those given) signed up in order."""
    with on(db, day or min(TODAY, (occasion.on_date or AUTUMN[0]) - dt.timedelta(days=1))):
        return [db.perform(SignUp(occasion.list_id, name, phone, gender=gender)).value.participant
                for name, phone, gender in people[:count]]
