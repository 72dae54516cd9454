"""Support's user actions as operations: what each saves, what it says it changed, and the
service boundaries they keep (a refusal, never a crash)."""

import datetime as dt

import pytest

from seniorhalsan.errors import Conflict, Forbidden, ValidationError
from seniorhalsan.operations.support import (
    AddContact,
    AddGroupMeeting,
    AddTraining,
    CreatePerson,
    DeleteContact,
    DeleteGroupMeeting,
    DeleteTraining,
    UpdateContact,
    UpdateGroupMeeting,
    UpdatePerson,
)
from seniorhalsan.services import accounts, contacts, groups, persons
from tests import factories
from tests.conftest import TODAY

PASSWORD = "ett-långt-lösen"


@pytest.fixture
def fixaren(db):
    """An instructor of Fixartjänst signed in; a person of IT-stöd they may not see."""
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="fixaren", password=PASSWORD, role="instruktor",
            services=["fixartjanst"])
    theirs = factories.person(db, reference="IT-1", name="Ingrid")
    factories.contact(db, theirs.id, service="it_stod", kind="telefon")
    db.actor = db.call(accounts.login, username="fixaren", password=PASSWORD)
    return theirs


def test_a_person_is_created_and_changed_and_each_says_what_it_changed(db):
    created = db.perform(CreatePerson(birth_year=1941, gender="kvinna", name="Astrid"))
    assert created.changes.topics == {"persons"} and created.changes.created == 1
    person = created.value
    assert person.reference == "P00001"
    changed = db.perform(UpdatePerson(person.id, person.version, birth_year=1941, gender="kvinna",
                                      reference=person.reference, name="Astrid Ekholt", phone="08-1"))
    assert changed.changes.topics == {"persons"} and changed.changes.updated == 1
    assert (changed.value.name, changed.value.phone, changed.value.version) == ("Astrid Ekholt", "08-1", 2)
    with pytest.raises(Conflict):  # the card read before the change
        db.perform(UpdatePerson(person.id, person.version, birth_year=1941, gender="kvinna", name="A"))


def test_a_card_saved_as_it_shows_judges_only_what_was_changed(db):
    """A birth year recorded long ago is not refused when only the phone number changes."""
    person = factories.person(db, reference="FX-1", birth_year=1940)
    db.clock = lambda: dt.date(2060, 1, 1)  # the person would be 120 now: too old for a new card
    saved = db.perform(UpdatePerson(person.id, person.version, birth_year=1940, gender="kvinna",
                                    reference="FX-1", phone="08-2")).value
    assert saved.phone == "08-2"
    with pytest.raises(ValidationError) as refused:
        db.perform(CreatePerson(birth_year=1940, gender="kvinna"))
    assert refused.value.fields == ["birth_year"]


def test_a_contact_is_added_corrected_and_deleted(db):
    person = factories.person(db, reference="FX-1")
    added = db.perform(AddContact(person.id, "fixartjanst", TODAY, "hembesok", minutes=30,
                                  tasks=("brandvarnare",)))
    assert added.changes.topics == {"contacts"}
    contact = added.value
    assert (contact.minutes, contact.tasks) == (30, ("brandvarnare",))
    corrected = db.perform(UpdateContact(contact.id, contact.version, TODAY, "telefon", minutes=15)).value
    assert (corrected.kind, corrected.minutes, corrected.tasks) == ("telefon", 15, ())
    removed = db.perform(DeleteContact(contact.id))
    assert removed.changes.topics == {"contacts"} and removed.changes.removed >= 1
    assert db.read(contacts.list_contacts, person_id=person.id) == []


def test_group_meetings_and_trainings(db):
    meeting = db.perform(AddGroupMeeting("anhorigstod", TODAY, "grupp", "Anhöriggruppen", 7))
    assert meeting.changes.topics == {"groups"}
    changed = db.perform(UpdateGroupMeeting(meeting.value.id, meeting.value.version, participants=9)).value
    assert (changed.participants, changed.title) == (9, "Anhöriggruppen")
    assert db.perform(DeleteGroupMeeting(changed.id)).changes.topics == {"groups"}
    training = db.perform(AddTraining(TODAY, "Hemtjänsten", 12, service="syn_horsel", minutes=90))
    assert training.changes.topics == {"trainings"}
    assert db.perform(DeleteTraining(training.value.id)).changes.topics == {"trainings"}
    assert db.read(groups.list_group_meetings) == [] and db.read(groups.list_trainings) == []


def test_a_refused_value_names_its_field_and_saves_nothing(db, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(AddGroupMeeting("anhorigstod", TODAY + dt.timedelta(days=2), "grupp", "", None))
    assert refused.value.fields == ["date", "group_title", "participants"]


def test_an_instructor_cannot_take_another_services_reference_and_is_not_told_it_exists(db, fixaren, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(CreatePerson(birth_year=1950, gender="man", reference="it-1"))
    assert refused.value.fields == ["reference"]
    message = str(refused.value)
    assert "enhetschefen" in message
    for telling in ("används", "finns", "IT-stöd", "Ingrid", "annan person"):
        assert telling not in message
    mine = db.perform(CreatePerson(birth_year=1950, gender="man", reference="FX-9")).value
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(UpdatePerson(mine.id, mine.version, birth_year=1950, gender="man", reference="IT-1"))
    assert refused.value.fields == ["reference"] and "används" not in str(refused.value)


def test_an_instructor_does_not_take_a_number_held_by_someone_they_cannot_see(db, fixaren):
    """P00002 is the next number, but a person of IT-stöd has it: the next free one is given."""
    db.actor = None
    factories.person(db, reference="P00002")
    factories.contact(db, db.read(persons.person_by_reference, "P00002").id, service="it_stod", kind="telefon")
    db.actor = db.call(accounts.login, username="fixaren", password=PASSWORD)
    assert db.perform(CreatePerson(birth_year=1950, gender="man")).value.reference == "P00003"


def test_every_service_boundary_is_a_refusal(db, fixaren, unchanged):
    db.actor = None
    it_meeting = db.call(groups.add_group_meeting, service="it_stod", held_on=TODAY, kind="kurs",
                         title="Surfplatta", participants=6)
    it_training = db.call(groups.add_training, service="it_stod", held_on=TODAY, audience="Hemtjänsten",
                          participants=5)
    it_contact = db.read(contacts.list_contacts, person_id=fixaren.id)[0]
    db.actor = db.call(accounts.login, username="fixaren", password=PASSWORD)
    refused_actions = [
        AddContact(fixaren.id, "fixartjanst", TODAY, "hembesok"),  # a person they cannot see
        AddContact(factories.person(db).id, "it_stod", TODAY, "telefon"),  # a service not theirs
        UpdateContact(it_contact.id, it_contact.version, TODAY, "telefon"),
        DeleteContact(it_contact.id),
        UpdatePerson(fixaren.id, None, birth_year=1940, gender="kvinna", phone="08-3"),
        AddGroupMeeting("it_stod", TODAY, "kurs", "Surfplatta", 4),
        UpdateGroupMeeting(it_meeting.id, it_meeting.version, participants=1),
        DeleteGroupMeeting(it_meeting.id),
        AddTraining(TODAY, "Hemtjänsten", 3, service="it_stod"),
        DeleteTraining(it_training.id),
    ]
    for action in refused_actions:
        with unchanged(), pytest.raises(Forbidden):
            db.perform(action)
    assert db.perform(AddTraining(TODAY, "Hemtjänsten", 3, service="fixartjanst")).value.participants == 3
