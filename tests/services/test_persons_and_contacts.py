"""Persons and their support contacts: minimal data, validated, refused without a trace."""

import datetime as dt

import pytest

from seniorhalsan.errors import ValidationError
from seniorhalsan.services import contacts, persons
from tests import factories
from tests.conftest import TODAY


def test_a_person_gets_a_reference_when_none_is_given(db):
    first = factories.person(db)
    second = factories.person(db, reference="FX-7")
    third = factories.person(db)
    assert (first.reference, second.reference, third.reference) == ("P00001", "FX-7", "P00003")


def test_a_birth_year_that_makes_someone_140_is_refused(db, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        factories.person(db, birth_year=TODAY.year - 140)
    assert refused.value.fields == ["birth_year"]
    assert "140 år" in str(refused.value)


@pytest.mark.parametrize("gender", ["kvinna", "Kvinna", "K", "man", "M", "annat"])
def test_gender_may_be_written_in_several_ways(db, gender):
    assert factories.person(db, gender=gender).gender in ("kvinna", "man", "annat")


def test_all_bad_fields_are_reported_at_once(db, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        factories.person(db, birth_year="nittonhundra", gender="robot", email="inte-en-adress")
    assert refused.value.fields == ["birth_year", "gender", "email"]


def test_a_reference_belongs_to_one_person(db, unchanged):
    factories.person(db, reference="A1")
    with unchanged(), pytest.raises(ValidationError) as refused:
        factories.person(db, reference="a1")
    assert "används redan" in str(refused.value)


def test_find_persons_by_reference_or_name(db):
    factories.person(db, reference="FX-1", name="Astrid Ekholt")
    factories.person(db, reference="SH-2", name="Bertil Ahlgren")
    assert [p.reference for p in db.read(persons.find_persons, "ekh")] == ["FX-1"]
    assert [p.reference for p in db.read(persons.find_persons, "sh-")] == ["SH-2"]


def test_a_contact_with_its_checklist(db):
    who = factories.person(db)
    saved = factories.contact(db, who.id, tasks=["brandvarnare", "Byte av glödlampor"], minutes="45",
                              note="Bytte batteri")
    card = db.read(contacts.list_contacts, person_id=who.id)
    assert card == [saved]
    assert saved.tasks == ("brandvarnare", "glodlampor")
    assert (saved.minutes, saved.kind_label, saved.service_name) == (45, "Hembesök", "Fixartjänst")


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"day": TODAY + dt.timedelta(days=3)}, "date"),
        ({"kind": "brevduva"}, "contact_kind"),
        ({"minutes": -5}, "minutes"),
        ({"tasks": ["måla om köket"]}, "tasks"),
        ({"service": "hemtjänst"}, "service"),
    ],
)
def test_bad_contacts_are_refused(db, unchanged, changes, field):
    who = factories.person(db)
    with unchanged(), pytest.raises(ValidationError) as refused:
        factories.contact(db, who.id, **changes)
    assert field in refused.value.fields


def test_a_stranger_cannot_be_visited(db, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        factories.contact(db, 9999)
    assert refused.value.fields == ["person"]
