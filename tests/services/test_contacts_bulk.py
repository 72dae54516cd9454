"""Many contacts at once: the rules of one contact and one new person, each line matched to the
contact it stands for, and another service's reference refused without telling it exists."""

import datetime as dt

import pytest

from seniorhalsan.errors import ValidationError
from seniorhalsan.operations.support import AddContacts
from seniorhalsan.services import accounts, contacts, persons
from seniorhalsan.services.attendance import RowsRefused
from seniorhalsan.services.contacts_bulk import ContactInput, add_contacts
from tests import factories

DAY = dt.date(2025, 3, 3)
PASSWORD = "ett-långt-lösen"


def line(reference="FX-1", **changes):
    fields = dict(reference=reference, birth_year=1941, gender="kvinna", service="fixartjanst", contact_date=DAY,
                  kind="hembesok")
    return ContactInput(**{**fields, **changes})


def test_new_persons_are_created_once_and_known_ones_matched(db):
    known = factories.person(db, reference="FX-1", birth_year=1941, gender="kvinna")
    saved = db.perform(AddContacts((line(), line("fx-2", birth_year=1939), line("FX-2", birth_year=1939,
                                                                                contact_date=DAY.replace(day=4))))).value
    assert (saved.created, saved.new_persons) == (3, ("fx-2",))
    assert db.read(persons.person_by_reference, "FX-1").id == known.id
    assert len(db.read(contacts.list_contacts, person_id=db.read(persons.person_by_reference, "FX-2").id)) == 2


def test_the_nth_line_stands_for_the_nth_recorded_contact(db):
    who = factories.person(db, reference="FX-1", birth_year=1941, gender="kvinna")
    first = factories.contact(db, who.id, day=DAY, minutes=30)
    lines = (line(minutes=30), line(minutes=45, occurrence=2), line(occurrence=3))
    saved = db.perform(AddContacts(lines)).value
    assert (saved.created, saved.updated, saved.unchanged) == (2, 0, 1)
    again = db.perform(AddContacts(lines)).value
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = db.perform(AddContacts((line(minutes=20, tasks=("brandvarnare",)),))).value
    assert (changed.created, changed.updated) == (0, 1)
    corrected = db.read(contacts.get_contact, first.id)
    assert (corrected.minutes, corrected.tasks, corrected.version) == (20, ("brandvarnare",), 2)
    # a line that does not speak of the checklist keeps it
    assert db.perform(AddContacts((line(minutes=25),))).value.updated == 1
    assert db.read(contacts.get_contact, first.id).tasks == ("brandvarnare",)


def test_every_refused_line_is_named_and_nothing_is_saved(db, unchanged):
    factories.person(db, reference="FX-1", birth_year=1941, gender="kvinna")
    lines = (line(), line(birth_year=1950), line("NY-1", birth_year=1880), line("NY-2", service="hemtjanst"),
             line("NY-3", kind="brevduva", minutes=-4), line("NY-4", tasks=("måla",)), line("NY-5", staff_id=999))
    with unchanged(), pytest.raises(RowsRefused) as refused:
        db.perform(AddContacts(lines))
    fields = {i: [e.field for e in exc.errors] for i, exc in refused.value.failures.items()}
    assert fields == {1: ["birth_year"], 2: ["birth_year"], 3: ["service"], 4: ["contact_kind", "minutes"],
                      5: ["tasks"], 6: ["staff"]}
    assert all(isinstance(exc, ValidationError) for exc in refused.value.failures.values())


def test_checking_only_writes_nothing(db, unchanged):
    with unchanged():
        assert db.read(add_contacts, (line("NY-1"), line("NY-2")), write=False).created == 0


@pytest.fixture
def fixaren(db):
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="fixaren", password=PASSWORD, role="instruktor",
            services=["fixartjanst"])
    theirs = factories.person(db, reference="IT-1", birth_year=1950, gender="kvinna")
    factories.contact(db, theirs.id, service="it_stod", kind="telefon")
    db.actor = db.call(accounts.login, username="fixaren", password=PASSWORD)
    return db


def test_another_services_person_is_refused_in_words_that_tell_nothing(fixaren, unchanged):
    with unchanged(), pytest.raises(RowsRefused) as refused:
        fixaren.perform(AddContacts((line("IT-1", birth_year=1950), line("it-1", birth_year=1999),
                                     line("NY-1"))))
    first, second = refused.value.failures[0].errors, refused.value.failures[1].errors
    assert [e.field for e in first] == [e.field for e in second] == ["reference"]
    # the same words whether the line's birth year agrees with the hidden person or not
    assert first[0].message.replace("IT-1", "X") == second[0].message.replace("it-1", "X")
    assert 2 not in refused.value.failures
    assert fixaren.perform(AddContacts((line("NY-1"),))).value.created == 1


def test_a_service_not_theirs_is_refused_by_its_field(fixaren, unchanged):
    with unchanged(), pytest.raises(RowsRefused) as refused:
        fixaren.perform(AddContacts((line("NY-1", service="it_stod", kind="telefon"),)))
    [error] = refused.value.failures[0].errors
    assert error.field == "service" and "du arbetar inte med IT-stöd" in error.message
