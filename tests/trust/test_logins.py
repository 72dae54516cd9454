"""Logins: five failures in a row lock an account for 15 minutes; the unit head unlocks it;
new passwords are long and not common; every failed login is in the access log."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from sqlalchemy import text

from seniorhalsan.errors import Forbidden, ValidationError
from seniorhalsan.services import access_log, accounts

PASSWORD = "ett-långt-lösen"


@pytest.fixture
def staff(db):
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="maria", password=PASSWORD, role="samordnare")
    db.actor = None
    return db


def fail(db, name="maria", times=5):
    for _ in range(times):
        with pytest.raises(accounts.LoginFailed, match="Fel användarnamn eller lösenord"):
            accounts.sign_in(db, username=name, password="inte-rätt-lösen")


def log_rows(db):
    with db.engine.connect() as conn:
        return conn.execute(text("select username, operation, record_type from access_log where record_type = 'konto' "
                                 "order by id")).all()


def test_the_sixth_login_after_five_failures_is_refused_even_with_the_right_password(staff):
    db = staff
    fail(db, times=4)
    assert accounts.sign_in(db, username="maria", password=PASSWORD).username == "maria"  # four do not lock
    fail(db)
    with pytest.raises(accounts.LoginFailed, match="låst till kl"):
        accounts.sign_in(db, username="maria", password=PASSWORD)
    assert log_rows(db).count(("maria", "inloggning_nekad", "konto")) == 9
    assert log_rows(db)[-1] == ("maria", "inloggning_last", "konto")
    assert ("maria", "inloggad", "konto") in log_rows(db)  # the success after four failures ended that row
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    assert [a.locked_until is not None for a in db.read(accounts.list_accounts)] == [False, True]
    db.call(accounts.unlock_account, username="maria")
    assert accounts.sign_in(db, username="maria", password=PASSWORD).username == "maria"


def test_a_lock_ends_after_15_minutes(staff, monkeypatch):
    db = staff
    fail(db)
    with pytest.raises(accounts.LoginFailed, match="låst"):
        accounts.sign_in(db, username="maria", password=PASSWORD)
    later = dt.datetime.now() + dt.timedelta(minutes=16)
    monkeypatch.setattr(accounts, "now", lambda: later.replace(microsecond=0))
    assert accounts.sign_in(db, username="maria", password=PASSWORD).username == "maria"


def test_only_the_unit_head_unlocks(staff):
    db = staff
    fail(db, "karin")
    db.actor = accounts.sign_in(db, username="maria", password=PASSWORD)
    with pytest.raises(Forbidden):
        db.call(accounts.unlock_account, username="karin")
    with pytest.raises(accounts.LoginFailed, match="låst"):
        accounts.sign_in(db, username="karin", password=PASSWORD)


def test_failed_logins_with_unknown_names_are_logged_too(staff):
    db = staff
    with pytest.raises(accounts.LoginFailed):
        accounts.sign_in(db, username="okänd", password=PASSWORD)
    assert ("okänd", "inloggning_nekad", "konto") in log_rows(db)


@pytest.mark.parametrize("password", ["aaaaaaaa", "aaaaaaaaaa", "abababababab", "sommar2026!", "Password123",
                                      "qwertyuiop", "1234567890", "lösenord2026", "maria-maria-123"])
def test_a_weak_or_common_password_is_refused(staff, unchanged, password):
    db = staff
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.call(accounts.set_password, username="maria", password=password)
    assert refused.value.fields == ["password"]


def test_a_long_uncommon_password_is_accepted(staff):
    db = staff
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    db.call(accounts.set_password, username="maria", password="blå cykel vid Mälaren")
    assert accounts.sign_in(db, username="maria", password="blå cykel vid Mälaren").username == "maria"
    assert len(accounts.common_passwords()) > 5000


def cli(db_url, *args, user, password=PASSWORD):
    env = {**os.environ, "SENIORHALSAN_PASSWORD": password}
    result = subprocess.run([sys.executable, "-m", "seniorhalsan", *args, "--db-url", db_url, "--user", user],
                            capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert "Traceback" not in result.stderr
    return result


def test_the_command_line_locks_and_the_unit_head_unlocks(staff, db_url):
    staff.dispose()
    for _ in range(5):
        assert cli(db_url, "stats", "--year", "2026", user="maria", password="inte-rätt-lösen").returncode == 1
    locked = cli(db_url, "stats", "--year", "2026", user="maria")
    assert locked.returncode == 1 and "låst" in locked.stderr
    listing = cli(db_url, "user", "list", user="karin")
    assert "låst till" in listing.stdout
    assert cli(db_url, "user", "unlock", "maria", user="karin").returncode == 0
    assert cli(db_url, "stats", "--year", "2026", user="maria").returncode == 0
    again = cli(db_url, "user", "unlock", "maria", user="karin")
    assert again.returncode == 1 and "inte låst" in again.stderr


def test_the_log_lists_failed_logins_for_the_unit_head(staff):
    db = staff
    fail(db, times=2)
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    found = db.read(access_log.search, record_type="konto")
    assert [e.operation for e in found] == ["inloggning_nekad", "inloggning_nekad"]
    assert access_log.OPERATIONS["inloggning_nekad"] == "Fel lösenord"
