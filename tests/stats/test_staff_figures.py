"""Each staff member's own figures: worked out by hand on the small year of tests/reach_data.py; an
instructor gets their own, the unit head anyone's or everyone's."""

import datetime as dt

import pytest

from seniorhalsan.errors import Forbidden, NotFound
from seniorhalsan.operations.accounts import CreateAccount
from seniorhalsan.operations.support import AddGroupMeeting
from seniorhalsan.services import accounts
from seniorhalsan.stats.staff import staff_figures
from tests import factories, reach_data
from tests.signup_helpers import trip
from tests.stats.test_queries import run_once

D = dt.date
PASSWORD = "ett-långt-lösen"


@pytest.fixture
def reach(db):
    made = reach_data.build(db)
    db.perform(AddGroupMeeting("fixartjanst", D(2025, 10, 1), "informationstraff", "Fallprevention", 14,
                               staff_id=made.staff["Tomas"]))
    db.perform(AddGroupMeeting("fixartjanst", D(2025, 10, 8), "informationstraff", "Fallprevention", 9,
                               staff_id=made.staff["Tomas"]))
    return db, made


def sign_in(db, name):
    db.actor = db.call(accounts.login, username=name, password=PASSWORD)


def accounts_for(db, made):
    db.perform(CreateAccount(username="karin", password=PASSWORD, role="enhetschef"))
    sign_in(db, "karin")
    db.perform(CreateAccount(username="tomas", password=PASSWORD, role="instruktor", services=("fixartjanst",),
                             staff_id=made.staff["Tomas"]))
    db.perform(CreateAccount(username="ingrid", password=PASSWORD, role="instruktor", services=("it_stod",)))


def test_a_fixares_year(reach):
    db, _made = reach
    [tomas] = db.read(staff_figures, 2025, name="Tomas Greger")
    # A once, B twice, C, D: five Fixartjänst contacts with four persons (A's 2024 visit is another year)
    assert tomas.services["fixartjanst"].to_json() == {"contacts": 5, "persons": 4}
    assert list(tomas.services) == ["fixartjanst"]  # B's Syn- och hörselstöd contact was someone else's
    assert tomas.groups["informationstraff"].to_json() == {"meetings": 2, "participants": 23}
    assert (tomas.trainings.meetings, tomas.trainings.participants) == (1, 11)
    assert tomas.sessions == () and not tomas.outreach.recorded


def test_sessions_led_follow_the_schedule_row_then_the_activity(reach):
    db, _made = reach
    figures = {f.name: f for f in db.read(staff_figures, 2025)}
    stig, petra = figures["Stig Holmér"], figures["Petra Nyholm"]
    assert [(a.name, a.sessions, a.visits) for a in stig.sessions] == [("Canasta", 2, 19), ("Seniorgympa", 1, 5)]
    assert (petra.sessions_led, petra.visits_led) == (1, 25)  # her Tuesday; the Monday row was Stig's
    assert petra.outreach.to_json() == {"meetings": 2, "participants": 12}
    assert petra.to_json()["outreach"] == {"events": 2, "reached": 12}


def test_everyone_is_those_who_work_here_and_those_with_a_figure(reach):
    db, _made = reach
    names = [f.name for f in db.read(staff_figures, 2025)]
    # Gun left in 2024 and led nothing in 2025; Ulla works here and has nothing yet
    assert names == ["Petra Nyholm", "Stig Holmér", "Tomas Greger", "Ulla Berg"]
    assert [f.name for f in db.read(staff_figures, 2024)] == ["Gun Ahlberg", "Petra Nyholm", "Stig Holmér",
                                                              "Tomas Greger", "Ulla Berg"]
    assert {f.name: f.empty for f in db.read(staff_figures, 2025)}["Ulla Berg"]


def test_sign_ups_of_the_occasions_a_staff_member_leads(db):
    from seniorhalsan.operations.signups import SignUp

    leader = factories.staff_member(db, "Elin Strandberg")
    occasion = trip(db, places=2, leader_id=leader.id)
    for name, phone in (("Astrid Ek", "070-111 11 01"), ("Bertil Holm", "070-111 11 02"),
                        ("Cecilia Lund", "070-111 11 03")):
        db.perform(SignUp(occasion.list_id, name, phone))
    [elin] = db.read(staff_figures, 2026, name="Elin Strandberg")
    assert (elin.signups.occasions, elin.signups.signed_up, elin.signups.attended) == (1, 2, 0)  # one waits


def test_an_instructor_gets_their_own_and_no_one_elses(reach):
    db, made = reach
    accounts_for(db, made)
    sign_in(db, "tomas")
    assert [f.name for f in db.read(staff_figures, 2025)] == ["Tomas Greger"]
    assert [f.name for f in db.read(staff_figures, 2025, name="tomas greger")] == ["Tomas Greger"]
    with pytest.raises(Forbidden) as refused:
        db.read(staff_figures, 2025, name="Petra Nyholm")
    assert "dina egna siffror" in str(refused.value)
    sign_in(db, "ingrid")  # an account not tied to a staff member has no own figures to print
    with pytest.raises(Forbidden) as refused:
        db.read(staff_figures, 2025)
    assert "inte knutet till någon medarbetare" in str(refused.value)


def test_the_unit_head_gets_anyones_and_everyones(reach):
    db, made = reach
    accounts_for(db, made)
    sign_in(db, "karin")
    assert [f.name for f in db.read(staff_figures, 2025, name="Petra Nyholm")] == ["Petra Nyholm"]
    assert len(db.read(staff_figures, 2025)) == 4
    with pytest.raises(NotFound):
        db.read(staff_figures, 2025, name="Ingen Alls")


def test_everyones_figures_come_from_one_query_each(reach):
    db, _made = reach
    seen = run_once(db, staff_figures, 2025)
    assert len([sql for sql in seen if "GROUP BY" in sql]) == 6
