"""Erasure lasts: a restored or copied-back backup does not bring an erased person back, old
backups go after the retention period, and old Tyck till items lose their contact field."""

import datetime as dt
import os
import shutil
import subprocess
import sys

from sqlalchemy import text

from seniorhalsan.database import open_database
from seniorhalsan.db.backup import list_backups, take_backup
from seniorhalsan.paths import sqlite_url
from seniorhalsan.restore import restore_database
from seniorhalsan.services import access_log, feedback, persons, retention
from tests import factories

NAME = "Astrid Unikadóttir"


def file_bytes(path):
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def erased_after_a_backup(db_path):
    db = open_database(sqlite_url(db_path), daily_backup=False)
    who = factories.person(db, reference="ERASE-1", name=NAME, phone="08-765 43 21", note="Bor ensam på Tellusgatan")
    factories.contact(db, who.id, day=dt.date(2026, 10, 1), note="Hembesök hos Astrid")
    factories.person(db, reference="KVAR-1", name="Bo Kvarsson")
    backup = take_backup(db_path, "manuell")
    db.call(retention.erase_person, who.id)
    db.dispose()
    return backup, who


def test_erasure_then_restore_of_an_earlier_backup_leaves_no_trace_of_the_name(db_path):
    backup, who = erased_after_a_backup(db_path)
    assert NAME.encode() in file_bytes(backup)  # the backup from before still has it
    result = subprocess.run([sys.executable, "-m", "seniorhalsan", "restore", str(backup), "--yes", "--db",
                             str(db_path)], capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert "1 personer som gallrats efter att kopian togs gallrades igen" in result.stdout
    for secret in (NAME, "ERASE-1", "Tellusgatan", "Hembesök hos Astrid", "765 43 21"):
        assert secret.encode() not in file_bytes(db_path), secret
    db = open_database(sqlite_url(db_path), daily_backup=False)
    assert db.read(persons.get_person, who.id).erased
    assert db.read(persons.person_by_reference, "KVAR-1").name == "Bo Kvarsson"
    log = [(e.operation, e.record_type, e.record_id, e.detail) for e in db.read(access_log.search)]
    assert ("gallra", "person", who.id, "på begäran") in log  # the erasure itself, carried over
    assert any(op == "gallra" and rid == who.id and "gallrad igen" in (d or "") for op, _t, rid, d in log)
    assert any(op == "aterstalla" and "1 gallringar gjordes om" in d for op, _t, _r, d in log)
    db.dispose()


def test_a_backup_copied_back_by_hand_is_erased_again_when_opened(db_path):
    backup, who = erased_after_a_backup(db_path)
    for p in db_path.parent.glob(db_path.name + "-*"):
        p.unlink()
    shutil.copy(backup, db_path)
    db = open_database(sqlite_url(db_path), daily_backup=False)
    assert db.read(persons.get_person, who.id).erased
    assert any("gallrats igen" in n for n in db.notices)
    db.dispose()
    assert NAME.encode() not in file_bytes(db_path)
    again = open_database(sqlite_url(db_path), daily_backup=False)
    assert again.notices == []  # done once; the next opening only compares the register
    again.dispose()


def test_restore_carries_the_newer_log_rows_and_notes_itself(db_path):
    db = open_database(sqlite_url(db_path), daily_backup=False)
    who = factories.person(db, reference="LOG-1")
    backup = take_backup(db_path, "manuell")
    for _ in range(3):
        db.read(persons.get_person, who.id)
    before = db.read(access_log.count)
    db.dispose()
    done = restore_database(backup, db_path, username="karin")
    assert done.carried == 3
    db = open_database(sqlite_url(db_path), daily_backup=False)
    entries = db.read(access_log.search)
    assert len(entries) == before + 1
    assert (entries[0].username, entries[0].operation, entries[0].record_type) == ("karin", "aterstalla", "databas")
    db.dispose()


def test_backups_and_replaced_files_older_than_the_retention_period_are_deleted(db_path):
    factories.person(open_database(sqlite_url(db_path), daily_backup=False), reference="X")
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    old = folder / f"{db_path.stem}-20200101-120000-000000-start.sqlite3"
    recent = folder / f"{db_path.stem}-{dt.date.today():%Y%m%d}-080000-000000-manuell.sqlite3"
    old_replaced = db_path.with_name(f"{db_path.stem}.ersatt-20210505-101010.sqlite3")
    for p in (old, recent, old_replaced):
        shutil.copy(db_path, p)
    open_database(sqlite_url(db_path)).dispose()
    assert not old.exists() and not old_replaced.exists()
    assert recent.exists() and recent in list_backups(db_path)


def test_gallring_clears_the_contact_of_old_feedback(db):
    old = db.call(feedback.register_feedback, received_on=dt.date(2022, 3, 1), type="klagomål", from_key="senior",
                  about_key="bemotande", text="Otrevligt bemötande", contact="Gun Gunnarsson, Storgatan 1")
    new = db.call(feedback.register_feedback, received_on=dt.date(2026, 3, 1), type="synpunkt", from_key="senior",
                  about_key="annat", text="Fler stolar", contact="Per, 070-111 11 11")
    assert db.read(retention.preview, older_than_years=3).feedback == 1
    done = db.call(retention.gallra, older_than_years=3)
    assert done.feedback == 1
    assert db.read(feedback.get_feedback, old.id).contact is None
    assert db.read(feedback.get_feedback, old.id).text == "Otrevligt bemötande"
    assert db.read(feedback.get_feedback, new.id).contact == "Per, 070-111 11 11"
    with db.engine.connect() as conn:
        rows = conn.execute(text("select operation, record_type, record_id from access_log "
                                 "where record_type = 'synpunkt' and operation = 'gallra'")).all()
    assert rows == [("gallra", "synpunkt", old.id)]
