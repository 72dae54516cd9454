"""Killed mid-work (SIGKILL): the database opens, passes its check, and keeps what was saved."""

import datetime as dt
import os
import random
import signal
import subprocess
import sys

import pytest
from sqlalchemy import text

from seniorhalsan.database import open_database
from seniorhalsan.services import attendance_days, attendance_history
from tests import factories
from tests.conftest import on_postgresql

ENTRIES = r"""
import datetime as dt, sys
from seniorhalsan.database import open_database
from seniorhalsan.services import attendance, attendance_days, attendance_history
db = open_database(sys.argv[1], daily_backup=False)
activity, place = int(sys.argv[2]), int(sys.argv[3])
day = dt.date(2024, 1, 1)
for n in range(100000):
    saved = db.call(attendance.record_attendance, activity_id=activity, place_id=place,
                    held_on=day + dt.timedelta(days=n % 700), total=n % 97)
    print(saved.session_id, saved.total, flush=True)
"""


def integrity_ok(db) -> bool:
    if on_postgresql():
        return True  # the server guards its own files; what matters is below
    with db.engine.connect() as conn:
        return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.fixture
def catalogue(db):
    return factories.activity(db, "Seniorgympa").id, factories.place_named(db, "Axelsberg").id


def test_a_stream_of_single_entries_killed_again_and_again(db, db_url, catalogue):
    rng = random.Random(7)
    reported: dict[int, int] = {}
    for _round in range(4):
        child = subprocess.Popen([sys.executable, "-c", ENTRIES, db_url, *map(str, catalogue)],
                                 stdout=subprocess.PIPE, text=True, env=os.environ.copy())
        wanted = rng.randint(20, 120)
        for _ in range(wanted):
            line = child.stdout.readline()
            if not line:
                break
            session_id, total = map(int, line.split())
            reported[session_id] = total
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        check = open_database(db_url, daily_backup=False)
        assert integrity_ok(check)
        for session_id, total in reported.items():
            assert check.read(attendance_days.get_session, session_id).total == total
        check.dispose()
    assert len(reported) >= 80


# The command itself, with one listener added: after each insert of sessions it says how
# many rows it has written (inside its still open transaction) and waits for the test's word.
# The test kills it there, so the kill always lands after rows were written and before commit.
IMPORT = r"""
import sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from seniorhalsan.cli.main import main

@event.listens_for(Engine, "after_cursor_execute")
def written(conn, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith("INSERT INTO ACTIVITY_SESSIONS"):
        print(len(parameters) if executemany else 1, flush=True)
        sys.stdin.readline()

sys.exit(main(sys.argv[1:]))
"""


def start_import(path, db_url):
    return subprocess.Popen([sys.executable, "-c", IMPORT, "import", "attendance", str(path), "--db-url", db_url],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=os.environ.copy())


def test_an_import_killed_half_way_saves_all_or_nothing(db, db_url, catalogue, tmp_path):
    path = tmp_path / "stor.csv"
    start = dt.date(2023, 1, 2)
    lines = ["datum;mötesplats;aktivitet;kvinnor;män;övriga"]
    lines += [f"{start + dt.timedelta(days=n % 600)};Axelsberg;Seniorgympa;{n % 20};{n % 5};0" for n in range(20000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = db.read(attendance_history.count_sessions)
    rng = random.Random(11)
    for _round in range(2):
        wanted = rng.randint(1, 19999)  # killed once at least this many rows are written
        child = start_import(path, db_url)
        written = 0
        for line in child.stdout:
            written += int(line)
            if written >= wanted:
                break
            child.stdin.write("\n")  # not yet: write on
            child.stdin.flush()
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdin.close()
        child.stdout.close()
        assert written >= wanted, f"the import had written {written} rows when it was killed"
        check = open_database(db_url, daily_backup=False)
        assert integrity_ok(check)
        count = check.read(attendance_history.count_sessions)
        check.dispose()
        assert count == before, f"{count - before} of the {written} rows written before the kill were kept"

    # and let through, the same import saves every row: the rounds above killed a real import
    child = start_import(path, db_url)
    _out, _ = child.communicate("\n" * 100, timeout=120)
    assert child.returncode == 0
    assert db.read(attendance_history.count_sessions) == before + 20000
