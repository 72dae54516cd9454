"""A full disk: the daily backup is skipped with a Swedish note, never leaves a partial file,
and the command still does its work."""

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from seniorhalsan.database import open_database
from seniorhalsan.db.backup import backups_dir, list_backups, take_backup
from seniorhalsan.paths import sqlite_url


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB filesystem of its own (tmpfs), where this machine lets the test make one."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a small filesystem needs root and mount")
    mount = tmp_path / "liten"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("no small filesystem can be made here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def database_on(disk, db_path):
    """A database of about 600 KB on the small disk."""
    db = open_database(sqlite_url(db_path), daily_backup=False)
    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.executemany("INSERT INTO unit_texts (unit_id, key, body) VALUES (1, ?, ?)",
                         [(f"text.{n}", "x" * 20_000) for n in range(30)])
    path = disk / "seniorhalsan.sqlite3"
    shutil.copy(db_path, path)
    return path


def fill(disk, leave):
    free = shutil.disk_usage(disk).free
    with open(disk / "utfyllnad", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def leftovers(path):
    folder = backups_dir(path)
    return [p.name for p in folder.iterdir() if not p.name.endswith(".sqlite3")] if folder.exists() else []


def test_the_daily_backup_is_skipped_when_the_disk_is_short_and_stats_still_works(small_disk, db_path):
    path = database_on(small_disk, db_path)
    fill(small_disk, leave=200_000)
    result = subprocess.run([sys.executable, "-m", "seniorhalsan", "stats", "--year", "2026", "--db", str(path)],
                            capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "säkerhetskopia togs inte" in result.stderr and "ledigt utrymme" in result.stderr
    assert list_backups(path) == [] and leftovers(path) == []


def test_a_backup_that_fills_the_disk_removes_what_it_wrote(small_disk, db_path):
    path = database_on(small_disk, db_path)
    fill(small_disk, leave=300_000)  # room for half a copy
    with pytest.raises(OSError) as full:
        take_backup(path, "manuell")
    assert full.value.errno == 28
    assert list_backups(path) == [] and leftovers(path) == []
    result = subprocess.run([sys.executable, "-m", "seniorhalsan", "backup", "--db", str(path)],
                            capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1 and "kunde inte sparas" in result.stderr
    assert leftovers(path) == []
    again = subprocess.run([sys.executable, "-m", "seniorhalsan", "stats", "--year", "2026", "--db", str(path)],
                           capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert again.returncode == 0, again.stderr
    assert leftovers(path) == []
