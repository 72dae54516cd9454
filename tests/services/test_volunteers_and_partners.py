"""The volunteer register (what, where, from when to when), gallrad some years after a volunteer
left with every number kept; the partner register, used by outreach and by the folder."""

import datetime as dt
import json

import pytest

from seniorhalsan import stats
from seniorhalsan.errors import ValidationError
from seniorhalsan.operations.accounts import Gallra
from seniorhalsan.operations.catalogue import CreatePlace, CreateStaff, EndVolunteer, UpdatePlace, UpdateStaff
from seniorhalsan.operations.outreach import AddOutreach
from seniorhalsan.services import places, staff
from seniorhalsan.services.staff import ERASED_NAME
from tests import factories, reach_data

D = dt.date


def volunteer(db, name):
    return next(s for s in db.read(staff.list_staff, include_inactive=True) if s.name == name)


def test_a_volunteers_entry_says_what_where_and_from_when_to_when(db):
    axelsberg = factories.place_named(db, "Axelsberg")
    fruangen = factories.place_named(db, "Fruängens centrum")
    made = db.perform(CreateStaff("Stig Holmér", kind="volontar", phone="070-174 06 42", helps_with="Leder Canasta",
                                  places=(axelsberg.id, fruangen.id), started_on=D(2024, 1, 15))).value
    assert (made.helps_with, made.place_names, made.started_on, made.ended_on, made.active) == (
        "Leder Canasta", ("Axelsberg", "Fruängens centrum"), D(2024, 1, 15), None, True)
    ended = db.perform(EndVolunteer(made.id, D(2026, 10, 31))).value
    assert (ended.ended_on, ended.active) == (D(2026, 10, 31), False)
    back = db.perform(UpdateStaff(made.id, ended.version, "Stig Holmér", "volontar", None, "070-174 06 42", None, (),
                                  True, "Leder Canasta", (axelsberg.id,), D(2024, 1, 15), None)).value
    assert (back.active, back.ended_on, back.place_names) == (True, None, ("Axelsberg",))  # back again


def test_a_volunteer_cannot_leave_before_starting_or_in_the_future(db, unchanged):
    made = db.perform(CreateStaff("Gun", kind="volontar", started_on=D(2025, 5, 1))).value
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(EndVolunteer(made.id, D(2025, 4, 30)))
    assert refused.value.fields == ["ended_on"] and "före dagen hen började" in str(refused.value)
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(EndVolunteer(made.id, D(2027, 1, 1)))
    assert refused.value.fields == ["ended_on"]
    employee = factories.staff_member(db, "Anna Anställd")
    with unchanged(), pytest.raises(Exception) as refused:
        db.perform(EndVolunteer(employee.id))
    assert "ingen volontär" in str(refused.value)


def test_a_volunteer_marked_as_no_longer_here_leaves_today(db):
    made = db.perform(CreateStaff("Ulla", kind="volontar", started_on=D(2025, 2, 1))).value
    left = db.perform(UpdateStaff(made.id, made.version, "Ulla", "volontar", None, None, None, (), False,
                                  started_on=D(2025, 2, 1))).value
    assert left.ended_on == db.clock() and not left.active


def test_gallring_clears_a_volunteer_who_left_long_ago_and_keeps_the_numbers(db):
    reach_data.build(db)
    gun = volunteer(db, "Gun Ahlberg")
    before = {year: db.read(stats.year_stats, year).to_json() for year in (2024, 2025)}
    # Gun left 2024-06-30: within the three years of the unit's setting, she stays
    assert db.perform(Gallra()).value.volunteers == 0
    done = db.perform(Gallra(1)).value
    assert done.volunteers == 1
    cleared = volunteer(db, ERASED_NAME)
    assert cleared.id == gun.id and cleared.erased
    assert (cleared.phone, cleared.email, cleared.helps_with) == (None, None, None)
    assert cleared.started_on == D(2023, 5, 1) and cleared.ended_on == D(2024, 6, 30)
    assert volunteer(db, "Stig Holmér").phone == "070-174 06 42"  # still with the unit
    after = {year: db.read(stats.year_stats, year).to_json() for year in (2024, 2025)}
    assert json.dumps(after, sort_keys=True) == json.dumps(before, sort_keys=True)
    assert after[2024]["volunteers"] == {"active": 2, "sessions": 1, "visits": 30}  # Disco she led still counts
    assert db.perform(Gallra(1)).value.volunteers == 0  # done once


def test_the_partner_register_is_the_places_of_kind_partner(db):
    care = db.perform(CreatePlace("Vårdcentralen", kind="partner", contact="08-465 004 24",
                                  together="Vi informerar personalen.")).value
    bio = factories.place_named(db, "Bio Aspen")
    db.perform(UpdatePlace(bio.id, contact="Biografen", together="Bio och lunch."))
    register = {p.name: (p.contact, p.together) for p in db.read(places.list_partners)}
    assert register == {"Bio Aspen": ("Biografen", "Bio och lunch."),
                        "Västertorps sim- och idrottshall": (None, None),
                        "Vårdcentralen": ("08-465 004 24", "Vi informerar personalen.")}
    emptied = db.perform(UpdatePlace(care.id, together="")).value
    assert emptied.together is None and emptied.contact == "08-465 004 24"


def test_outreach_names_a_partner_of_the_register_only(db, unchanged):
    axelsberg = factories.place_named(db, "Axelsberg")
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(AddOutreach(D(2025, 3, 1), "informationsmote", axelsberg.id))
    assert refused.value.fields == ["partner"] and "ingen samarbetspartner" in str(refused.value)
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(AddOutreach(D(2099, 3, 1), "skrivelse", reached=-3))
    assert sorted(refused.value.fields) == ["date", "outreach_kind", "reached"]
