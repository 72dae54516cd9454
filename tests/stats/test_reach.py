"""Outreach, routes in and the volunteers' sessions, worked out by hand on a small year
(tests/reach_data.py says what it holds)."""

import datetime as dt

import pytest

from seniorhalsan import stats
from tests import reach_data

D = dt.date


@pytest.fixture
def reach(db):
    reach_data.build(db)
    return db


def test_new_persons_are_counted_by_how_they_found_each_service(reach):
    figures = reach.read(stats.year_stats, 2025)
    fixare = figures.services["fixartjanst"]
    assert fixare.new_persons == 3  # B, C and D; A came first in 2024
    routes = {k: n for k, n in fixare.new_persons_by_route.items() if n}
    assert routes == {"bistandshandlaggare": 1, "senior_connect": 1, "ej_angiven": 1}
    assert sum(fixare.new_persons_by_route.values()) == fixare.new_persons
    assert {k: n for k, n in figures.services["syn_horsel"].new_persons_by_route.items() if n} == {"anhorig": 1}
    assert not any(figures.services["it_stod"].new_persons_by_route.values())
    before = reach.read(stats.year_stats, 2024).services["fixartjanst"].new_persons_by_route
    assert {k: n for k, n in before.items() if n} == {"vardcentral": 1}


def test_a_route_belongs_to_the_person_and_the_service_not_to_a_contact(reach):
    from seniorhalsan.operations.support import AddContact, DeleteContact
    from seniorhalsan.services import contacts, persons, routes

    c = reach.read(persons.person_by_reference, "C")
    first = reach.read(contacts.list_contacts, person_id=c.id)[0]
    asked = reach.read(routes.route_question, person_id=c.id, service="fixartjanst", contact_id=first.id)
    assert asked.ask and asked.route == "senior_connect"
    reach.perform(AddContact(c.id, "fixartjanst", D(2025, 11, 10), "telefon"))
    assert not reach.read(routes.route_question, person_id=c.id, service="fixartjanst").ask
    reach.perform(DeleteContact(first.id))  # the first is gone; the route stays with the person
    assert reach.read(routes.route_question, person_id=c.id, service="fixartjanst").route == "senior_connect"
    assert reach.read(stats.year_stats, 2025).services["fixartjanst"].new_persons_by_route["senior_connect"] == 1


def test_outreach_is_counted_by_kind_with_the_people_reached_where_counted(reach):
    told = reach.read(stats.year_stats, 2025).outreach
    assert (told.total.events, told.total.reached, told.total.counted) == (4, 12, 1)
    assert told.by_kind["informationsmote"].to_json() == {"events": 2, "reached": 12}
    assert told.by_kind["annons"].to_json() == {"events": 1, "reached": None}  # an advert's readers: not counted
    assert told.by_kind["massa_bord"].to_json() == {"events": 0, "reached": None}
    assert list(told.by_kind)[:3] == ["informationsmote", "massa_bord", "annons"]
    assert reach.read(stats.year_stats, 2024).outreach.total.reached == 50


def test_a_year_without_outreach_has_it_unrecorded(db):
    told = db.read(stats.year_stats, 2025).to_json()["outreach"]
    assert told["events"] is None and told["reached"] is None
    assert told["by_kind"]["annons"] == {"events": None, "reached": None}


def test_the_volunteers_active_and_the_sessions_they_led(reach):
    helped = reach.read(stats.year_stats, 2025).volunteers
    # Stig and Ulla (Gun left in 2024); Stig's Canasta 10 + 9 and the Monday Seniorgympa row he led, 5
    assert helped.to_json() == {"active": 2, "sessions": 3, "visits": 24}
    assert [(a.name, a.sessions, a.visits) for a in helped.activities] == [("Canasta", 2, 19), ("Seniorgympa", 1, 5)]
    before = reach.read(stats.year_stats, 2024).volunteers
    assert before.to_json() == {"active": 2, "sessions": 1, "visits": 30}  # Stig from January, Gun until June


def test_the_json_has_the_new_keys(reach):
    figures = reach.read(stats.year_stats, 2025).to_json()
    assert figures["outreach"]["events"] == 4 and figures["outreach"]["reached"] == 12
    assert figures["volunteers"] == {"active": 2, "sessions": 3, "visits": 24}
    assert figures["services"]["fixartjanst"]["new_persons_by_route"]["ej_angiven"] == 1
    assert list(figures["services"]["fixartjanst"]["new_persons_by_route"])[-1] == "ej_angiven"


def test_the_stats_table_tells_the_same(reach):
    from seniorhalsan.cli import data

    table = reach.read(data._stats_table, 2025)
    assert "Att nå fler" in table
    assert "Utåtriktat arbete                                    4  12 nådda" in table
    assert "Annons                                             1  nådda: ej registrerat" in table
    assert "biståndshandläggare 1, senior connect 1, ej angiven 1" in table
    assert "Aktiva volontärer                                    2  ledde 3 tillfällen med 24 besök" in table
