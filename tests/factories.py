"""Small builders of the unit's records through the services, for readable tests."""

from __future__ import annotations

import datetime as dt

from seniorhalsan.services import activities, attendance, contacts, persons, places, schedule, staff


def place(db, name="Testgården", **kw):
    return db.call(places.create_place, name=name, **kw)


def place_named(db, name):
    return db.read(places.find_place, name)


def activity(db, name="Testgympa", kind="fysisk", **kw):
    return db.call(activities.create_activity, name=name, kind=kind, **kw)


def session(db, activity, place, day, **counts):
    """A session held (or cancelled) with its counts: women/men/other, total, new_visitors."""
    return db.call(attendance.record_attendance, activity_id=activity.id, place_id=place.id, held_on=day, **counts)


def staff_member(db, name="Test Testsson", **kw):
    return db.call(staff.create_staff, name=name, **kw)


def person(db, birth_year=1940, gender="kvinna", **kw):
    return db.call(persons.create_person, birth_year=birth_year, gender=gender, **kw)


def contact(db, person_id, service="fixartjanst", day=dt.date(2025, 3, 3), kind="hembesok", **kw):
    return db.call(contacts.add_contact, person_id=person_id, service=service, contact_date=day, kind=kind, **kw)


def term(db, kind="vt", year=2026, starts_on=dt.date(2026, 1, 12), ends_on=dt.date(2026, 6, 5)):
    return db.call(schedule.create_term, kind=kind, year=year, starts_on=starts_on, ends_on=ends_on)


def scheduled_term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 17), ends_on=dt.date(2026, 12, 18)):
    """A term going on now (the tests' today) with one weekly session on its schedule."""
    gympa = activity(db, "Schemagympa")
    where = place_named(db, "Axelsberg")
    made = term(db, kind=kind, year=year, starts_on=starts_on, ends_on=ends_on)
    db.call(schedule.add_entry, term_id=made.id, activity_id=gympa.id, place_id=where.id, weekday=1,
            starts_at=dt.time(10), ends_at=dt.time(11))
    return made
