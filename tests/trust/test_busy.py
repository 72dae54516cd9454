"""A reader never fails because a writer is busy; a writer that waits too long is told so in Swedish."""

import os
import subprocess
import sys
import time

import pytest

from seniorhalsan.database import open_database
from seniorhalsan.paths import sqlite_url
from seniorhalsan.services import accounts
from tests.conftest import snapshot

PASSWORD = "ett-långt-lösen"

HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # the write lock, as a long import holds it
conn.execute("INSERT INTO unit_texts (unit_id, key, body) VALUES (1, 'import.pågår', 'x')")
print("håller", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


@pytest.fixture
def with_accounts(db_path):
    db = open_database(sqlite_url(db_path))  # today's backup is taken now, as on any first start of the day
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.dispose()
    return db_path


def hold_write_lock(path, seconds):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().strip() == "håller"
    return holder


def release(holder):
    holder.kill()
    holder.wait()
    holder.stdout.close()


def cli(path, *args):
    env = {**os.environ, "SENIORHALSAN_PASSWORD": PASSWORD, "SENIORHALSAN_NEW_PASSWORD": "ett-annat-långt-lösen"}
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "seniorhalsan", *args, "--db", str(path), "--user", "karin"],
                            capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert "Traceback" not in result.stderr
    return result, time.monotonic() - started


def test_stats_while_an_import_holds_the_write_lock(with_accounts):
    holder = hold_write_lock(with_accounts, 20)
    try:
        result, took = cli(with_accounts, "stats", "--year", "2026", "--json")
    finally:
        release(holder)
    assert result.returncode == 0, result.stderr
    assert took < 8  # it never waited for the lock (SQLite's wait is 10 s)


def test_a_successful_login_writes_nothing_but_a_failed_one_is_counted(with_accounts):
    db = open_database(sqlite_url(with_accounts), daily_backup=False)
    accounts.sign_in(db, username="karin", password=PASSWORD)  # the time of the first login is saved
    before = snapshot(db)
    holder = hold_write_lock(with_accounts, 20)
    try:
        started = time.monotonic()
        assert accounts.sign_in(db, username="karin", password=PASSWORD).username == "karin"
        assert time.monotonic() - started < 3
    finally:
        release(holder)
    assert snapshot(db) == before
    with pytest.raises(accounts.LoginFailed):
        accounts.sign_in(db, username="karin", password="inte-rätt-lösen")
    after = snapshot(db)["access_log"]
    assert len(after) == len(before["access_log"]) + 1 and "inloggning_nekad" in after[-1]
    db.dispose()


def test_a_writer_that_waits_too_long_is_told_in_swedish(with_accounts):
    holder = hold_write_lock(with_accounts, 14)
    try:
        result, took = cli(with_accounts, "user", "add", "maria", "--role", "samordnare")
    finally:
        release(holder)
    assert result.returncode == 1 and "Databasen är upptagen" in result.stderr, result.stderr
    assert took >= 9  # it waited for the lock before it gave up


PAUSED_IMPORT = r"""
import sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from seniorhalsan.cli.main import main

@event.listens_for(Engine, "after_cursor_execute")
def written(conn, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith("INSERT INTO ACTIVITY_SESSIONS"):
        print("skriver", flush=True)
        sys.stdin.readline()  # the import waits here, inside its transaction, holding the write lock

sys.exit(main(sys.argv[1:]))
"""


def test_stats_while_a_real_import_is_half_way(with_accounts, tmp_path):
    db = open_database(sqlite_url(with_accounts), daily_backup=False)
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    from tests import factories

    factories.activity(db, "Seniorgympa")
    db.dispose()
    path = tmp_path / "stor.csv"
    path.write_text("datum;mötesplats;aktivitet;totalt\n"
                    + "".join(f"2025-03-{1 + n % 28:02d};Axelsberg;Seniorgympa;{n % 30}\n" for n in range(12000)),
                    encoding="utf-8")
    env = {**os.environ, "SENIORHALSAN_PASSWORD": PASSWORD}
    child = subprocess.Popen([sys.executable, "-c", PAUSED_IMPORT, "import", "attendance", str(path), "--db",
                              str(with_accounts), "--user", "karin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "skriver"  # the import holds the lock now
        result, took = cli(with_accounts, "stats", "--year", "2025", "--json")
        assert result.returncode == 0, result.stderr
        assert took < 8
        _out, err = child.communicate("\n" * 100, timeout=120)  # let it write on and finish
        assert child.returncode == 0, err
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    after, _took = cli(with_accounts, "stats", "--year", "2025", "--json")
    assert '"sessions": 12000' in after.stdout
