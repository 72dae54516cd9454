"""Who may do what with sign-up lists: samordnare and enhetschef all of it, an instructor sees and
ticks the lists of what they lead, a reader only the figures. Every refusal changes nothing."""

import datetime as dt

import pytest

from seniorhalsan import stats
from seniorhalsan.errors import Forbidden
from seniorhalsan.operations.attendance import RecordCounts
from seniorhalsan.operations.signups import CancelSignup, OpenSignups, SignUp, TickPresence
from seniorhalsan.reports.signup_lists import collect_list
from seniorhalsan.services import accounts, attendance_days, schedule, signup_people, signups
from seniorhalsan.services.attendance import CountInput
from seniorhalsan.services.attendance_slots import SessionKey
from tests import commandline, factories
from tests.signup_helpers import PAST_TRIP_DAY, autumn, series, sign_up_people, trip

PASSWORD = "ett-långt-lösen"
USERS = {  # username: role, services, display name
    "karin": ("enhetschef", [], None),
    "maria": ("samordnare", [], None),
    "jonas": ("instruktor", ["it_stod"], "Jonas Hedlund"),
    "petra": ("instruktor", ["it_stod"], "Petra Nyholm"),
    "lisa": ("lasare", [], None),
}


@pytest.fixture
def unit(db):
    """A trip Jonas leads (ticked already), a course someone else leads, and an account for every role."""
    jonas = factories.staff_member(db, "Jonas Hedlund")
    petra = factories.staff_member(db, "Petra Nyholm")
    staff_of = {"Jonas Hedlund": jonas.id, "Petra Nyholm": petra.id}
    lena = factories.staff_member(db, "Lena Fors")
    outing = trip(db, day=PAST_TRIP_DAY, leader_id=jonas.id)
    course = series(db, leader_id=lena.id)
    people = sign_up_people(db, outing, 3)
    sign_up_people(db, course, 2)
    for name, (role, services, display) in USERS.items():
        db.call(accounts.create_account, username=name, password=PASSWORD, role=role, services=services,
                display_name=display, staff_id=staff_of.get(display))
        if name == "karin":
            db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    db.actor = None
    return dict(trip=outing, course=course, people=people)


def sign_in(db, name):
    db.actor = db.call(accounts.login, username=name, password=PASSWORD)


@pytest.mark.parametrize("name", ["karin", "maria"])
def test_the_unit_head_and_the_coordinators_manage_every_list(db, unit, name):
    sign_in(db, name)
    assert {o.list_id for o in db.read(signups.list_occasions)} == {unit["trip"].list_id, unit["course"].list_id}
    course = unit["course"]
    db.perform(SignUp(course.list_id, "Ny Person", "070-222 22 22", gender="kvinna"))
    db.perform(CancelSignup(course.list_id, phone="070-222 22 22"))
    assert len(db.read(signup_people.participants, course.list_id)) == 2
    db.perform(TickPresence(unit["trip"].list_id, PAST_TRIP_DAY, (unit["people"][0].id,)))


def test_an_instructor_sees_and_ticks_only_the_lists_of_what_they_lead(db, unit, unchanged):
    sign_in(db, "jonas")
    assert [o.list_id for o in db.read(signups.list_occasions)] == [unit["trip"].list_id]
    assert len(db.read(signup_people.participants, unit["trip"].list_id)) == 3
    assert db.read(collect_list, unit["trip"].list_id, "deltagare").people
    ticked = db.perform(TickPresence(unit["trip"].list_id, PAST_TRIP_DAY, tuple(p.id for p in unit["people"]))).value
    assert ticked.total == 3
    with unchanged():
        with pytest.raises(Forbidden, match="leder inte"):
            db.read(signup_people.participants, unit["course"].list_id)
        with pytest.raises(Forbidden, match="leder inte"):
            db.perform(TickPresence(unit["course"].list_id, dt.date(2026, 11, 16), ()))
        with pytest.raises(Forbidden, match="hantera anmälningar"):
            db.perform(SignUp(unit["trip"].list_id, "Ny Person", "070-222 22 22"))
        with pytest.raises(Forbidden):
            db.perform(CancelSignup(unit["trip"].list_id, participant_id=unit["people"][0].id))
        # the list's rule let the count of that one session through, not Närvaro in general
        key = SessionKey(place_id=unit["trip"].place_id, day=PAST_TRIP_DAY, schedule_entry_id=unit["trip"].entry_id)
        with pytest.raises(Forbidden, match="registrera närvaro"):
            db.perform(RecordCounts((CountInput(key, total=40),)))
    db.actor = None
    [session] = db.read(attendance_days.day_sessions, place_id=unit["trip"].place_id, day=PAST_TRIP_DAY)
    assert session.total == 3


def test_an_instructor_who_leads_nothing_sees_no_list(db, unit, unchanged):
    sign_in(db, "petra")
    assert db.read(signups.list_occasions) == []
    with unchanged(), pytest.raises(Forbidden):
        db.perform(TickPresence(unit["trip"].list_id, PAST_TRIP_DAY, (unit["people"][0].id,)))
    with pytest.raises(Forbidden):
        db.read(collect_list, unit["trip"].list_id, "ringlista")


def test_a_reader_sees_only_the_figures(db, unit, unchanged):
    sign_in(db, "lisa")
    assert db.read(stats.year_stats, 2026).signups.total.signed_up == 5
    with unchanged():
        for read in (lambda: db.read(signups.list_occasions),
                     lambda: db.read(signup_people.participants, unit["trip"].list_id),
                     lambda: db.read(collect_list, unit["trip"].list_id, "ringlista")):
            with pytest.raises(Forbidden):
                read()
        with pytest.raises(Forbidden):
            db.perform(OpenSignups(unit["course"].entry_id, 10))


def test_the_command_line_refuses_an_instructor_signing_up_in_swedish(db, db_url, unit):
    term = autumn(db)
    assert db.read(schedule.get_term, "ht2026").id == term.id
    done = commandline.run("signup", "add", "--activity", "Dagsutflykt till Skultuna bruk", "--date",
                           PAST_TRIP_DAY.isoformat(), "--name", "Ny", "--phone", "070-333 33 33",
                           "--db-url", db_url, "--user", "jonas",
                           env={"SENIORHALSAN_PASSWORD": PASSWORD})
    assert done.returncode == 1
    assert "får inte hantera anmälningar" in done.stderr
