"""Places over time and the term schedule."""

import datetime as dt

import pytest

from seniorhalsan import stats
from seniorhalsan.errors import NotFound, ValidationError
from seniorhalsan.services import attendance, places, schedule
from tests import factories


def test_a_renamed_place_keeps_its_old_name_in_old_years(db):
    grondal = factories.place_named(db, "Gröndal")
    yoga = factories.activity(db, "Yoga")
    db.call(attendance.record_attendance, activity_id=yoga.id, place_id=grondal.id, held_on=dt.date(2025, 5, 5),
            total=7)
    db.call(places.rename_place, grondal.id, new_name="Gröndals träffpunkt", from_date=dt.date(2026, 1, 1))
    db.call(attendance.record_attendance, activity_id=yoga.id, place_id=grondal.id, held_on=dt.date(2026, 5, 5),
            total=9)

    assert db.read(stats.year_stats, 2025).attendance.by_place["Gröndal"] == 7
    assert "Gröndals träffpunkt" not in db.read(stats.year_stats, 2025).attendance.by_place
    assert db.read(stats.year_stats, 2026).attendance.by_place["Gröndals träffpunkt"] == 9
    assert db.read(places.find_place, "Gröndal", on=dt.date(2025, 6, 1)).id == grondal.id


def test_a_closed_place_is_not_in_use_after_it_closed(db):
    langbro = factories.place_named(db, "Långbroberg")
    yoga = factories.activity(db, "Yoga")
    db.call(attendance.record_attendance, activity_id=yoga.id, place_id=langbro.id, held_on=dt.date(2025, 5, 5),
            total=7)
    db.call(places.close_place, langbro.id, closed_on=dt.date(2025, 6, 30))
    names_2026 = {p.name for p in db.read(places.list_places, on=dt.date(2026, 1, 1))}
    assert "Långbroberg" not in names_2026
    assert "Långbroberg" in db.read(stats.year_stats, 2025).attendance.by_place
    assert "Långbroberg" not in db.read(stats.year_stats, 2026).attendance.by_place


def test_duplicate_place_names_are_refused(db, unchanged):
    with unchanged(), pytest.raises(ValidationError):
        factories.place(db, name="axelsberg")


def test_a_new_term_copies_the_weekly_schedule(db):
    axelsberg = factories.place_named(db, "Axelsberg")
    gympa = factories.activity(db, "Seniorgympa")
    vt = factories.term(db)
    db.call(schedule.add_entry, term_id=vt.id, activity_id=gympa.id, place_id=axelsberg.id, weekday=1,
            starts_at="10:00", ends_at="11.00")
    db.call(schedule.add_entry, term_id=vt.id, activity_id=gympa.id, place_id=axelsberg.id,
            on_date=dt.date(2026, 3, 3), starts_at="14:00")
    ht = db.call(schedule.copy_term, source_code="vt2026", kind="ht", year=2026,
                 starts_on=dt.date(2026, 8, 24), ends_on=dt.date(2026, 12, 11))
    copied = db.read(schedule.list_schedule, ht.id)
    assert [(e.weekday, e.starts_at, e.ends_at) for e in copied] == [(1, dt.time(10), dt.time(11))]
    assert db.read(schedule.get_term, "HT2026").code == "ht2026"


def test_term_codes_and_schedule_refusals(db, unchanged):
    vt = factories.term(db)
    gympa = factories.activity(db, "Seniorgympa")
    with pytest.raises(NotFound):
        db.read(schedule.get_term, "vt2030")
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.call(schedule.add_entry, term_id=vt.id, activity_id=gympa.id,
                place_id=factories.place_named(db, "Axelsberg").id, weekday=9, starts_at="25:00")
    assert refused.value.fields == ["weekday", "start"]
    with unchanged(), pytest.raises(ValidationError):
        factories.term(db)  # vt2026 exists already
