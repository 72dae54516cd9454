"""Backups, restore and damaged files: nothing entered is ever lost."""

import datetime as dt
import os
import sqlite3

import pytest

from seniorhalsan import stats
from seniorhalsan.database import DamagedDatabase, open_database
from seniorhalsan.db.backup import backup_day, check_sqlite, list_backups
from seniorhalsan.paths import sqlite_url
from seniorhalsan.restore import restore_database
from seniorhalsan.services import attendance
from tests import factories
from tests.commandline import run


def count(db_path, visits):
    db = open_database(sqlite_url(db_path), daily_backup=False)
    gympa = factories.activity(db, f"Gympa {visits}")
    db.call(attendance.record_attendance, activity_id=gympa.id, place_id=factories.place_named(db, "Axelsberg").id,
            held_on=dt.date(2025, 3, 3), total=visits)
    db.dispose()


def visits(db_path):
    db = open_database(sqlite_url(db_path), daily_backup=False)
    try:
        return db.read(stats.year_stats, 2025).attendance.visits
    finally:
        db.dispose()


def test_one_backup_a_day_when_opened(db_path):
    open_database(sqlite_url(db_path)).dispose()
    open_database(sqlite_url(db_path)).dispose()
    backups = list_backups(db_path)
    assert len(backups) == 1 and backup_day(backups[0]) == dt.date.today()
    assert check_sqlite(backups[0]) is None


def test_backup_and_restore_through_the_command_line(db_path, tmp_path):
    count(db_path, 10)
    copy = tmp_path / "kopia.sqlite3"
    result = run("backup", str(copy), "--db", str(db_path))
    assert result.returncode == 0 and copy.exists()
    count(db_path, 5)
    assert visits(db_path) == 15

    refused = run("restore", str(copy), "--db", str(db_path))  # no terminal to ask on
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert visits(db_path) == 15

    assert run("restore", str(copy), "--yes", "--db", str(db_path)).returncode == 0
    assert visits(db_path) == 10
    assert any("fore-aterstallning" in p.name for p in list_backups(db_path))


def test_restoring_into_a_new_path_creates_it(db_path, tmp_path):
    count(db_path, 7)
    target = tmp_path / "ny" / "återställd.sqlite3"
    assert run("restore", str(db_path), "--db", str(target)).returncode == 0
    assert visits(target) == 7


def test_a_bad_backup_is_refused_before_anything_changes(db_path, tmp_path):
    count(db_path, 3)
    junk = tmp_path / "trasig.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    result = run("restore", str(junk), "--yes", "--db", str(db_path))
    assert result.returncode == 1 and "kan inte användas" in result.stderr
    not_ours = tmp_path / "annan.sqlite3"
    sqlite3.connect(not_ours).execute("create table x(y)").connection.commit()
    assert run("restore", str(not_ours), "--yes", "--db", str(db_path)).returncode == 1
    assert visits(db_path) == 3


def test_a_damaged_file_points_to_the_newest_good_backup(db_path):
    count(db_path, 4)
    open_database(sqlite_url(db_path)).dispose()  # today's backup
    with open(db_path, "r+b") as fh:  # scribble over the middle of the file
        fh.seek(4096)
        fh.write(os.urandom(4096 * 3))
    with pytest.raises(DamagedDatabase) as damaged:
        open_database(sqlite_url(db_path))
    assert damaged.value.backup == list_backups(db_path)[0]
    assert "seniorhalsan restore" in str(damaged.value)
    result = run("stats", "--year", "2025", "--db", str(db_path))
    assert result.returncode == 1 and "skadad" in result.stderr
    done = restore_database(damaged.value.backup, db_path)
    assert done.replaced is not None and done.replaced.exists()  # the damaged file is kept aside
    assert visits(db_path) == 4


def test_a_postgresql_database_is_not_backed_up_by_file(tmp_path):
    result = run("backup", "--db-url", "postgresql+psycopg://nobody@127.0.0.1:1/x")
    assert result.returncode == 1 and "pg_dump" in result.stderr


def test_a_database_opened_ahead_of_the_window_still_refuses_a_damaged_file(db_path):
    """The window opens its database on a thread while it starts; a damaged file is refused the
    same, on the window's side, which then offers the newest good backup."""
    from seniorhalsan.ui.ahead import OpenedAhead

    count(db_path, 1)
    with open(db_path, "r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(4096 * 3))
    ahead = OpenedAhead(sqlite_url(db_path))
    with pytest.raises(DamagedDatabase):
        ahead.result()


def test_a_folder_named_with_uri_characters_is_checked_and_backed_up_itself(db_path, tmp_path):
    """'#', '%' and spaces are ordinary in a folder name (on Windows too), not URI syntax."""
    folder = tmp_path / "Enhet #2 100% klar"
    folder.mkdir()
    moved = folder / "seniorhalsan.sqlite3"
    db_path.replace(moved)
    count(moved, 6)
    (tmp_path / "Enhet ").touch()  # what the '#' would cut the path down to
    assert run("backup", "--db", str(moved)).returncode == 0
    assert visits(list_backups(moved)[0]) == 6
    with open(moved, "r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(4096 * 3))
    assert check_sqlite(moved) is not None
