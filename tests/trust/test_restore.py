"""Restore: a copy is checked in full before anything is touched, and put in place in one step."""

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest

from seniorhalsan import stats
from seniorhalsan.database import MissingDatabase, open_database
from seniorhalsan.db.backup import list_backups, take_backup
from seniorhalsan.paths import sqlite_url
from seniorhalsan.services import accounts
from tests import factories

PASSWORD = "ett-långt-lösen"


def cli(*args, user=None, password=PASSWORD):
    env = {**os.environ, "SENIORHALSAN_PASSWORD": password}
    command = [sys.executable, "-m", "seniorhalsan", *args] + (["--user", user] if user else [])
    result = subprocess.run(command, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert "Traceback" not in result.stderr
    return result


def add_visits(path, total):
    db = open_database(sqlite_url(path), daily_backup=False)
    factories.session(db, factories.activity(db, f"Gympa {total}"), factories.place_named(db, "Axelsberg"),
                      dt.date(2025, 3, 3), total=total)
    db.dispose()


def visits(path):
    db = open_database(sqlite_url(path), daily_backup=False)
    try:
        return db.read(stats.year_stats, 2025).attendance.visits
    finally:
        db.dispose()


def integrity(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def copy_and_live(db_path, tmp_path):
    """A backup with 3 visits, and the live database with 3 + 5."""
    add_visits(db_path, 3)
    backup = take_backup(db_path, "manuell")
    add_visits(db_path, 5)
    return backup, db_path


def test_a_copy_from_a_newer_version_is_refused_and_the_live_database_keeps_working(copy_and_live, tmp_path):
    backup, live = copy_and_live
    newer = tmp_path / "nyare.sqlite3"
    shutil.copy(backup, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    result = cli("restore", str(newer), "--yes", "--db", str(live))
    assert result.returncode == 1 and "skapad med en nyare version av programmet" in result.stderr
    assert visits(live) == 8
    assert cli("stats", "--year", "2025", "--db", str(live)).returncode == 0
    assert [p.name for p in live.parent.iterdir() if ".ersatt" in p.name] == []


def test_a_partial_copy_is_refused_and_the_live_database_keeps_working(copy_and_live, tmp_path):
    _backup, live = copy_and_live
    partial = tmp_path / "del.sqlite3"
    with sqlite3.connect(partial) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('0004')")
        conn.execute("CREATE TABLE units (id INTEGER PRIMARY KEY, key TEXT)")
        conn.execute("CREATE TABLE activity_sessions (id INTEGER PRIMARY KEY)")
    result = cli("restore", str(partial), "--yes", "--db", str(live))
    assert result.returncode == 1 and "Ingenting har ändrats" in result.stderr
    assert visits(live) == 8
    assert cli("stats", "--year", "2025", "--db", str(live)).returncode == 0


KILLER = r"""
import os, signal, sys
from pathlib import Path
from seniorhalsan.restore import restore_database
stop_at, seen = int(sys.argv[3]), []
def step(name):
    seen.append(name)
    if len(seen) == stop_at:
        print(name, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
restore_database(Path(sys.argv[1]), Path(sys.argv[2]), on_step=step)
print("klart", flush=True)
"""

CRASHED_WRITER = r"""
import datetime as dt, os, sys
from seniorhalsan.database import open_database
from seniorhalsan.paths import sqlite_url
from tests import factories
db = open_database(sqlite_url(sys.argv[1]), daily_backup=False)
factories.session(db, factories.activity(db, "Sista"), factories.place_named(db, "Axelsberg"), dt.date(2025, 4, 4),
                  total=100)
os._exit(0)  # as if killed: the last session is only in the WAL, which stays beside the file
"""


def test_a_kill_at_every_step_of_restore_leaves_a_working_database(copy_and_live, tmp_path):
    backup, live = copy_and_live
    subprocess.run([sys.executable, "-c", CRASHED_WRITER, str(live)], check=True, timeout=120, env=os.environ.copy())
    assert live.with_name(live.name + "-wal").stat().st_size > 0
    pristine = tmp_path / "orört"
    pristine.mkdir()
    for p in live.parent.glob(live.name + "*"):
        shutil.copy(p, pristine / p.name)
    steps = []
    for stop_at in range(1, 30):
        for p in live.parent.glob(live.name + "*"):
            p.unlink()
        for p in pristine.iterdir():
            shutil.copy(p, live.parent / p.name)
        child = subprocess.run([sys.executable, "-c", KILLER, str(backup), str(live), str(stop_at)],
                               capture_output=True, text=True, timeout=120, env=os.environ.copy())
        assert "Traceback" not in child.stderr, child.stderr
        killed = child.returncode == -signal.SIGKILL
        assert killed or (child.returncode == 0 and "klart" in child.stdout), child.stderr
        assert live.exists(), f"no database after a kill at {child.stdout.strip()}"
        assert integrity(live) == "ok"
        seen = visits(live)  # opens (and migrates, cleans up) like the next command would
        assert seen in (108, 3), (child.stdout, seen)
        assert integrity(live) == "ok"
        assert not list(live.parent.glob(f".{live.name}.aterstall-*"))  # no copy of personal data left
        if not killed:
            assert seen == 3
            break
        steps.append(child.stdout.strip())
        assert seen == (3 if "ersatt" in steps[-1] else 108), steps
    assert len(steps) >= 9 and steps[-1] == "ersatt"


def test_a_missing_database_beside_its_backups_is_an_error_not_a_new_database(copy_and_live):
    _backup, live = copy_and_live
    for p in live.parent.glob(live.name + "*"):
        p.unlink()
    with pytest.raises(MissingDatabase) as missing:
        open_database(sqlite_url(live))
    assert missing.value.backup == list_backups(live)[0]
    result = cli("stats", "--year", "2025", "--db", str(live))
    assert result.returncode == 1 and "saknas" in result.stderr and "seniorhalsan restore" in result.stderr
    assert cli("restore", str(missing.value.backup), "--yes", "--db", str(live)).returncode == 0
    assert visits(live) == 3


def with_accounts(path):
    db = open_database(sqlite_url(path), daily_backup=False)
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="maria", password=PASSWORD, role="samordnare")
    db.dispose()


def test_restoring_needs_the_unit_heads_login(db_path, tmp_path):
    add_visits(db_path, 3)
    with_accounts(db_path)
    backup = take_backup(db_path, "manuell")
    add_visits(db_path, 5)
    assert "--user" in cli("restore", str(backup), "--yes", "--db", str(db_path)).stderr
    refused = cli("restore", str(backup), "--yes", "--db", str(db_path), user="maria")
    assert refused.returncode == 1 and "får inte" in refused.stderr
    assert visits(db_path) == 8
    assert cli("restore", str(backup), "--yes", "--db", str(db_path), user="karin").returncode == 0
    assert visits(db_path) == 3


def test_a_damaged_database_is_restored_only_by_the_unit_head_of_its_backup(db_path):
    add_visits(db_path, 3)
    with_accounts(db_path)
    backup = take_backup(db_path, "manuell")
    with open(db_path, "r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(4096 * 3))
    anyone = cli("restore", str(backup), "--yes", "--db", str(db_path))
    assert anyone.returncode == 1 and "--user" in anyone.stderr
    wrong = cli("restore", str(backup), "--yes", "--db", str(db_path), user="karin", password="fel-lösenord-här")
    assert wrong.returncode == 1 and "Fel användarnamn eller lösenord" in wrong.stderr
    done = cli("restore", str(backup), "--yes", "--db", str(db_path), user="karin")
    assert done.returncode == 0 and ".ersatt-" in done.stdout
    assert visits(db_path) == 3
