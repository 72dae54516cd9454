"""The unit itself: its name and texts saved together, and the Kom igång steps read from what is recorded."""

import datetime as dt

import pytest

from seniorhalsan.errors import ValidationError
from seniorhalsan.operations.catalogue import CreatePlace, CreateStaff, UpdatePlace, UpdateStaff, UpdateUnit
from seniorhalsan.services import lookups, places, schedule, texts, units
from seniorhalsan.services.texts import CONTACT_EMAIL, CONTACT_PHONE, UNIT_HEAD
from tests import factories
from tests.conftest import TODAY


def test_the_unit_and_its_texts_are_saved_together_or_not_at_all(db, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(UpdateUnit(name="  ", texts=((UNIT_HEAD, "Karin Berg"),)))
    assert refused.value.fields == ["name"]
    outcome = db.perform(UpdateUnit(name="Seniorhälsan Hägersten", district="Hägersten-Älvsjö",
                                    texts=((UNIT_HEAD, "Karin Berg"),)))
    assert outcome.changes.topics >= {"unit", "texts"}
    assert db.read(lookups.unit).name == "Seniorhälsan Hägersten"
    assert db.read(texts.get_text, UNIT_HEAD) == "Karin Berg"


def progress(db):
    return db.read(units.setup_progress).steps


def test_each_step_of_kom_igang_ticks_itself_from_what_is_recorded(db):
    for place in db.read(places.list_places):  # the places' names only, as the unit's own data starts
        db.perform(UpdatePlace(place.id, address=""))
    assert not any(progress(db).values())  # nothing of the unit's own yet
    name = db.read(lookups.unit).name
    db.perform(UpdateUnit(name=name, texts=((CONTACT_PHONE, "08-508 12 345"),)))
    assert not progress(db)["unit"]  # the folder needs an e-mail address too
    db.perform(UpdateUnit(name=name, texts=((CONTACT_EMAIL, "seniorhalsan@example.org"),)))
    assert progress(db)["unit"] and not db.read(units.setup_progress).complete

    axelsberg = db.read(places.find_place, "Axelsberg")
    db.perform(UpdatePlace(axelsberg.id, address="Hägerstensvägen 1"))
    assert progress(db)["places"]

    volunteer = db.perform(CreateStaff(name="Gun Volontär", kind="volontar")).value
    assert progress(db)["staff"]
    db.perform(UpdateStaff(volunteer.id, volunteer.version, "Gun Volontär", "volontar", None, None, None, (), False))
    assert not progress(db)["staff"]  # she left: no one works here

    gympa = factories.activity(db, "Seniorgympa")
    assert progress(db)["activities"]

    past = factories.term(db, kind="vt", year=2026)  # ended before today: no schedule to count
    db.call(schedule.add_entry, term_id=past.id, activity_id=gympa.id, place_id=axelsberg.id, weekday=1,
            starts_at=dt.time(10))
    assert not progress(db)["schedule"]
    factories.scheduled_term(db)
    found = db.read(units.setup_progress)
    assert found.steps["schedule"] and found.term == "ht2026" and found.term_entries == 1


def test_the_unit_step_is_done_when_the_folder_could_be_printed(db):
    """A new database has no contact details of the unit's (the program invents none)."""
    assert not progress(db)["unit"] and not db.read(texts.get_text, CONTACT_PHONE)
    db.perform(UpdateUnit(name="Seniorhälsan", texts=((CONTACT_PHONE, "08-508 12 345"), (CONTACT_EMAIL, "  "))))
    assert not progress(db)["unit"]


def test_a_place_in_use_needs_an_address_and_a_closed_one_does_not_count(db):
    for place in db.read(places.list_places):
        db.perform(UpdatePlace(place.id, address=""))
    assert not progress(db)["places"]
    new = db.perform(CreatePlace(name="Träffpunkt Solgården", address="Solgårdsvägen 3",
                                 closed_on=TODAY - dt.timedelta(days=1))).value
    assert not progress(db)["places"]
    db.perform(UpdatePlace(new.id, reopen=True))
    assert progress(db)["places"]


def test_a_unit_that_has_counted_sessions_is_not_new_even_between_two_terms(db):
    factories.session(db, factories.activity(db), factories.place_named(db, "Axelsberg"), dt.date(2025, 3, 3), total=9)
    found = db.read(units.setup_progress)
    assert not found.steps["schedule"] and not found.complete  # no term now, places without addresses …
    assert found.counted and not found.offered  # … yet no Kom igång for a unit that has counted
