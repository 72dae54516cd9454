"""Each role's boundaries, proved through the services and through the command line."""

import datetime as dt

import pytest

from seniorhalsan import importing, stats
from seniorhalsan.database import open_database
from seniorhalsan.errors import Forbidden
from seniorhalsan.services import (
    access_log,
    accounts,
    activities,
    attendance,
    attendance_days,
    contacts,
    feedback,
    groups,
    persons,
    retention,
    schedule,
)
from tests import commandline, factories

PASSWORD = "ett-långt-lösen"
ROLES = ("karin", "maria", "fixaren", "itpedagogen", "lisa")
# user: role (and services)
USERS = {
    "karin": ("enhetschef", []),
    "maria": ("samordnare", []),
    "fixaren": ("instruktor", ["fixartjanst"]),
    "itpedagogen": ("instruktor", ["it_stod"]),
    "lisa": ("lasare", []),
}


@pytest.fixture
def unit(db):
    """Accounts for every role, and a little of everything to read and change."""
    for name in USERS:  # karin first: the first account is the unit head's
        role, services = USERS[name]
        db.call(accounts.create_account, username=name, password=PASSWORD, role=role, services=services)
        if name == "karin":
            db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    place = factories.place_named(db, "Axelsberg")
    gympa = factories.activity(db, "Seniorgympa")
    term = factories.term(db)
    person = factories.person(db, reference="FX-1")
    factories.contact(db, person.id, service="fixartjanst", day=dt.date(2026, 3, 3))
    item = db.call(feedback.register_feedback, received_on=dt.date(2026, 2, 2), type="synpunkt", from_key="senior",
                   about_key="annat", text="Mer kaffe")
    db.actor = None
    return dict(place=place, gympa=gympa, term=term, person=person, item=item)


def sign_in(db, name):
    db.actor = db.call(accounts.login, username=name, password=PASSWORD)


OPERATIONS = {
    "count attendance": (
        {"karin", "maria"},
        lambda db, u: db.call(attendance.record_attendance, activity_id=u["gympa"].id, place_id=u["place"].id,
                              held_on=dt.date(2026, 3, 10), total=12)),
    "read a day": (
        {"karin", "maria"},
        lambda db, u: db.read(attendance_days.day_sessions, place_id=u["place"].id, day=dt.date(2026, 3, 10))),
    "add an activity": (
        {"karin", "maria"},
        lambda db, u: db.call(activities.create_activity, name="Qigong", kind="fysisk")),
    "change the schedule": (
        {"karin", "maria"},
        lambda db, u: db.call(schedule.add_entry, term_id=u["term"].id, activity_id=u["gympa"].id,
                              place_id=u["place"].id, weekday=1, starts_at="10:00")),
    "register feedback": (
        {"karin", "maria"},
        lambda db, u: db.call(feedback.register_feedback, received_on=dt.date(2026, 3, 1), type="beröm",
                              from_key="senior", text="Tack!")),
    "answer feedback": (
        {"karin", "maria"},
        lambda db, u: db.call(feedback.record_answer, u["item"].id, answered_on=dt.date(2026, 3, 1))),
    "read the statistics": (set(USERS), lambda db, u: db.read(stats.year_stats, 2026)),
    "create a person": (
        {"karin", "fixaren", "itpedagogen"},
        lambda db, u: db.call(persons.create_person, birth_year=1944, gender="man")),
    "read a fixartjänst card": ({"karin", "fixaren"}, lambda db, u: db.read(persons.get_person, u["person"].id)),
    "log a home visit (fixartjänst)": (
        {"karin", "fixaren"},
        lambda db, u: db.call(contacts.add_contact, person_id=u["person"].id, service="fixartjanst",
                              contact_date=dt.date(2026, 4, 1), kind="hembesok")),
    "add a carer group meeting": (
        {"karin"},
        lambda db, u: db.call(groups.add_group_meeting, service="anhorigstod", held_on=dt.date(2026, 4, 1),
                              kind="grupp", title="Anhöriggrupp", participants=6)),
    "list the accounts": ({"karin"}, lambda db, u: db.read(accounts.list_accounts)),
    "search the access log": ({"karin"}, lambda db, u: db.read(access_log.search)),
    "clear old data": ({"karin"}, lambda db, u: db.call(retention.gallra, older_than_years=5)),
}


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("user", ROLES)
def test_role_boundaries_in_the_services(db, unit, unchanged, user, operation):
    allowed, call = OPERATIONS[operation]
    sign_in(db, user)
    if user in allowed:
        call(db, unit)
    else:
        with unchanged(), pytest.raises(Forbidden) as refused:
            call(db, unit)
        assert "Ingenting har ändrats" in str(refused.value) or "inte" in str(refused.value)


def test_an_instructor_finds_only_their_services_persons(db, unit):
    db.actor = None
    it_person = factories.person(db, reference="IT-1")
    factories.contact(db, it_person.id, service="it_stod", day=dt.date(2026, 5, 5), kind="motesplats")
    newcomer = factories.person(db, reference="NY-1")  # no contact yet: anyone with the right may take them on
    sign_in(db, "fixaren")
    assert {p.reference for p in db.read(persons.find_persons, "")} == {"FX-1", "NY-1"}
    assert db.read(persons.person_by_reference, "IT-1") is None
    with pytest.raises(Forbidden):
        db.read(persons.get_person, it_person.id)
    assert [c.service_key for c in db.read(contacts.list_contacts)] == ["fixartjanst"]
    assert db.read(persons.get_person, newcomer.id).reference == "NY-1"


def test_an_instructor_imports_only_their_services_contacts(db, unit, tmp_path):
    path = tmp_path / "kontakter.csv"
    path.write_text("datum;tjänst;person;födelseår;kön;kontakttyp\n2026-05-05;IT-stöd;IT-9;1950;kvinna;telefon\n",
                    encoding="utf-8")
    sign_in(db, "fixaren")
    with pytest.raises(importing.ImportRefused) as refused:
        db.call(importing.import_file, "contacts", path)
    assert "du arbetar inte med IT-stöd" in str(refused.value)
    sign_in(db, "itpedagogen")
    assert db.call(importing.import_file, "contacts", path).created == 1


def test_reads_and_changes_of_persons_are_in_the_access_log(db, unit):
    sign_in(db, "fixaren")
    db.read(persons.get_person, unit["person"].id)
    db.call(persons.update_person, unit["person"].id, phone="08-1")
    sign_in(db, "karin")
    entries = [(e.username, e.operation, e.record_type, e.record_id) for e in db.read(access_log.search)]
    assert ("fixaren", "visa", "person", unit["person"].id) in entries
    assert ("fixaren", "andra", "person", unit["person"].id) in entries
    assert ("karin", "skapa", "synpunkt", unit["item"].id) in entries


def cli(db_url, *args, user=None, password=PASSWORD, new_password=None):
    env = {"SENIORHALSAN_USER": None, "SENIORHALSAN_PASSWORD": password, "SENIORHALSAN_NEW_PASSWORD": new_password}
    return commandline.run(*args, "--db-url", db_url, *(["--user", user] if user else []), env=env)


def test_role_boundaries_through_the_command_line(db, db_url, unit, tmp_path):
    db.dispose()
    no_login = cli(db_url, "stats", "--year", "2026")
    assert no_login.returncode == 1 and "--user" in no_login.stderr
    wrong = cli(db_url, "stats", "--year", "2026", user="lisa", password="fel-lösenord")
    assert wrong.returncode == 1 and "Fel användarnamn eller lösenord" in wrong.stderr
    assert cli(db_url, "stats", "--year", "2026", "--json", user="lisa").returncode == 0

    counts = tmp_path / "närvaro.csv"
    counts.write_text("datum;mötesplats;aktivitet;totalt\n2026-03-10;Axelsberg;Seniorgympa;9\n", encoding="utf-8")
    refused = cli(db_url, "import", "attendance", str(counts), user="lisa")
    assert refused.returncode == 1 and "får inte registrera närvaro" in refused.stderr
    assert cli(db_url, "import", "attendance", str(counts), user="maria").returncode == 0

    assert cli(db_url, "user", "list", user="maria").returncode == 1
    listing = cli(db_url, "user", "list", user="karin")
    assert listing.returncode == 0 and "fixaren" in listing.stdout
    assert cli(db_url, "gallra", "--yes", user="fixaren").returncode == 1
    assert cli(db_url, "access-log", user="karin").returncode == 0
    assert cli(db_url, "report", "year", "--year", "2026", "-o", str(tmp_path / "r.pdf"), user="lisa").returncode == 0
    assert cli(db_url, "report", "folder", "--term", "vt2026", "--draft", "-o", str(tmp_path / "f.pdf"),
               user="lisa").returncode == 0  # a draft: the unit has not written its contact details

    added = cli(db_url, "user", "add", "nisse", "--role", "lasare", user="karin", new_password="nytt-långt-lösen")
    assert added.returncode == 0, added.stderr
    assert cli(db_url, "stats", "--year", "2026", user="nisse", password="nytt-långt-lösen").returncode == 0
    assert cli(db_url, "user", "disable", "nisse", user="karin").returncode == 0
    disabled = cli(db_url, "stats", "--year", "2026", user="nisse", password="nytt-långt-lösen")
    assert disabled.returncode == 1 and "avstängt" in disabled.stderr
    reopened = open_database(db_url, daily_backup=False)
    reopened.dispose()
