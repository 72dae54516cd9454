"""Files with personal data are their owner's only (0600 in 0700 folders), whatever the umask."""

import datetime as dt
import logging
import os
import stat
import subprocess
import sys

import pytest

from seniorhalsan.database import open_database
from seniorhalsan.db.backup import list_backups, take_backup
from seniorhalsan.paths import data_dir, sqlite_url
from seniorhalsan.reports import output
from seniorhalsan.services import access_log, attendance_history, retention
from tests import factories

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def wide_umask():
    """The usual umask of a desktop, under which files would otherwise be readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_its_wal_backups_and_data_folder_are_private(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("SENIORHALSAN_DATA_DIR", str(folder))
    path = data_dir() / "seniorhalsan.sqlite3"
    db = open_database(sqlite_url(path), daily_backup=False)
    factories.person(db, reference="P1", name="Astrid Andersson")
    wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
    assert wal.exists() and shm.exists()
    assert {p.name: mode(p) for p in (path, wal, shm)} == {p.name: 0o600 for p in (path, wal, shm)}
    assert mode(folder) == 0o700
    backup = take_backup(path, "manuell")
    assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
    db.dispose()


def test_an_existing_database_with_wide_permissions_is_tightened_on_open(db_path, caplog):
    for p in (db_path, db_path.parent):
        os.chmod(p, 0o755 if p.is_dir() else 0o644)
    with caplog.at_level(logging.WARNING):
        open_database(sqlite_url(db_path), daily_backup=False).dispose()
    assert mode(db_path) == 0o600
    assert any("för vida" in r.getMessage() and str(db_path) in r.getMessage() for r in caplog.records)


def test_the_log_file_and_the_daily_backup_are_private(db_path, _private_data_dir):
    db = open_database(sqlite_url(db_path), daily_backup=False)
    factories.person(db, reference="P1")
    db.dispose()
    env = {**os.environ}
    script = ("import os; os.umask(0o022); from seniorhalsan.cli.main import main; "
              f"raise SystemExit(main(['stats', '--year', '2025', '--db', {str(db_path)!r}]))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    log = _private_data_dir / "seniorhalsan.log"
    assert log.exists() and mode(log) == 0o600
    backups = list_backups(db_path)
    assert backups and all(mode(b) == 0o600 for b in backups) and mode(backups[0].parent) == 0o700


def test_exports_are_private(db, tmp_path):
    target = output.write_file(tmp_path / "statistik.pdf", b"%PDF-1.4 ...")
    assert mode(target) == 0o600
    factories.session(db, factories.activity(db), factories.place_named(db, "Axelsberg"), dt.date(2025, 3, 3), total=3)
    csv = tmp_path / "logg.csv"
    db.read(access_log.export_csv, csv)
    assert mode(csv) == 0o600
    assert db.read(attendance_history.count_sessions) == 1


def test_the_register_of_erasures_is_private(db, db_path):
    who = factories.person(db, reference="BORT-1", name="Bo Bortsson")
    db.call(retention.erase_person, who.id)
    register = db_path.with_name(db_path.name + ".gallringar.json")
    assert register.exists() and mode(register) == 0o600
    assert b"BORT-1" not in register.read_bytes() and b"Bortsson" not in register.read_bytes()
