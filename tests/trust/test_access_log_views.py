"""The access log has no holes: search results and contact lists, refusals, and a log the
database itself keeps from being changed, deleted or truncated."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from seniorhalsan.database import open_database
from seniorhalsan.errors import Forbidden
from seniorhalsan.services import access_log, accounts, contacts, persons
from tests import factories
from tests.conftest import PG_SERVER, on_postgresql

PASSWORD = "ett-långt-lösen"


@pytest.fixture
def unit(db):
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    for name, role, services in (("tomas", "instruktor", ["fixartjanst"]), ("lisa", "lasare", [])):
        db.call(accounts.create_account, username=name, password=PASSWORD, role=role, services=services)
    people = [factories.person(db, reference=f"S{n}", name=f"Sven {n}", phone="08-1") for n in range(3)]
    for who in people:
        factories.contact(db, who.id, service="fixartjanst", day=dt.date(2026, 2, 2), note="Bytte glödlampa")
    return people


def rows(db, **filters):
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    return db.read(access_log.search, **filters)


def test_a_search_is_one_row_listing_the_persons_shown(db, unit):
    db.actor = accounts.sign_in(db, username="tomas", password=PASSWORD)
    shown = db.read(persons.find_persons, "Sven")
    assert len(shown) == 3
    assert db.read(persons.find_persons, "ingen sådan") == []
    views = [e for e in rows(db) if e.username == "tomas" and e.operation == "visa"]
    assert len(views) == 1  # an empty result showed nobody
    assert views[0].record_ids == tuple(sorted(p.id for p in unit)) and "sökresultat" in views[0].detail
    assert views[0] in rows(db, record_id=unit[1].id)  # a search for one of them finds the view


def test_a_contact_list_is_one_row_listing_its_persons(db, unit):
    db.actor = accounts.sign_in(db, username="tomas", password=PASSWORD)
    assert len(db.read(contacts.list_contacts, service="fixartjanst")) == 3
    views = [e for e in rows(db) if e.username == "tomas" and e.operation == "visa"]
    assert len(views) == 1 and views[0].record_ids == tuple(sorted(p.id for p in unit))
    assert "kontaktlista, 3 kontakter" in views[0].detail


def test_a_refused_attempt_is_logged(db, unit, unchanged):
    db.actor = accounts.sign_in(db, username="lisa", password=PASSWORD)
    with unchanged(), pytest.raises(Forbidden):
        db.read(persons.find_persons, "Sven")
    refused = [e for e in rows(db) if e.operation == "vagrad"]
    assert [(e.username, e.record_type) for e in refused] == [("lisa", "funktion")]
    assert refused[0].detail.startswith("persons.find_persons: ")


def test_a_refused_command_is_logged(db, db_url, unit):
    db.dispose()
    env = {**os.environ, "SENIORHALSAN_PASSWORD": PASSWORD}
    result = subprocess.run([sys.executable, "-m", "seniorhalsan", "access-log", "--db-url", db_url, "--user", "lisa"],
                            capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 1 and "får inte" in result.stderr
    check = open_database(db_url, daily_backup=False)
    refused = [e for e in rows(check) if e.operation == "vagrad"]
    assert [(e.username, e.detail.split(":")[0]) for e in refused] == [("lisa", "kommandot access-log")]
    check.dispose()


def test_the_database_refuses_to_change_or_delete_the_log(db, unit):
    for statement in ("UPDATE access_log SET username = 'någon'", "DELETE FROM access_log"):
        with pytest.raises(DBAPIError, match="åtkomstloggen kan inte ändras"), db.engine.begin() as conn:
            conn.execute(text(statement))
    if on_postgresql():
        with pytest.raises(DBAPIError, match="åtkomstloggen kan inte ändras"), db.engine.begin() as conn:
            conn.execute(text("TRUNCATE access_log"))
    assert len(rows(db)) > 0


@pytest.mark.skipif(not on_postgresql(), reason="PostgreSQL: the program's own role")
def test_the_programs_role_has_no_right_to_change_the_log(db_url):
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    name = f"sh_roll_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        conn.execute(text(f"CREATE ROLE \"{name}\" LOGIN PASSWORD 'pw'"))
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{name}"'))
    url = make_url(PG_SERVER).set(username=name, password="pw", database=name).render_as_string(hide_password=False)
    try:
        db = open_database(url, daily_backup=False)
        factories.person(db, reference="R1")  # a row in the log
        for statement in ("UPDATE access_log SET username = 'x'", "DELETE FROM access_log", "TRUNCATE access_log"):
            with pytest.raises(DBAPIError, match="permission denied"), db.engine.begin() as conn:
                conn.execute(text(statement))
        db.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        admin.dispose()
