"""Restoring a SQLite database from a copy, so that a kill at any moment leaves a working one.

The copy is checked in full in a private working folder beside the database: it must be a
Seniorhälsan database of a schema revision the program knows, it is migrated there, every
table of the program must be in it, and its statistics must compute. Erasures recorded
since are done again in it, and the current access log's newer rows are carried into it.
Only then does one `os.replace` put it in place: before that the old database is untouched,
after it the new one is complete.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select

from . import erasures, stats
from .database import open_database
from .db import migrate
from .db.backup import REPLACED, check_sqlite, fsync_folder, private_copy, schema_revision, take_backup
from .db.models import AccessLogEntry, Base, Unit
from .db.session import NO_ACCOUNT, Database
from .errors import UserError
from .paths import sqlite_url
from .private import create_private_file
from .services import retention

log = logging.getLogger(__name__)

NEWER = "skapad med en nyare version av programmet"


class RestoreRefused(UserError):
    """The copy cannot be used; nothing was changed."""


@dataclass(frozen=True)
class Restored:
    saved: Path | None  # the backup taken of the database that was replaced (a sound one)
    replaced: Path | None  # a damaged file that was replaced, kept beside the database
    reapplied: tuple[erasures.Erasure, ...]
    carried: int  # access-log rows carried over from the replaced database
    revision: str  # the copy's schema revision before it was brought up to date


def known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    return [s.revision for s in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()]


def check_copy(backup: Path) -> str:
    """The copy's schema revision, or a refusal saying what is wrong with it."""
    problem = check_sqlite(backup, full=True)
    if problem:
        raise RestoreRefused(f"Säkerhetskopian {backup} kan inte användas: {problem}. Ingenting har ändrats.")
    revision = schema_revision(backup)
    if revision is None:
        raise RestoreRefused(f"{backup} är ingen Seniorhälsan-databas. Ingenting har ändrats.")
    if revision not in known_revisions():
        if revision.isdigit() and migrate.HEAD.isdigit() and int(revision) > int(migrate.HEAD):
            raise RestoreRefused(f"Säkerhetskopian {backup} är {NEWER} (schemaversion {revision}; den här "
                                 f"versionen känner till {migrate.HEAD}). Ingenting har ändrats.")
        raise RestoreRefused(f"Säkerhetskopian {backup} har en okänd schemaversion ({revision}). "
                             "Ingenting har ändrats.")
    return revision


@contextmanager
def database_of_copy(source: Path, *, unit_key: str | None = None) -> Iterator[Database]:
    """A backup opened in a private temporary copy (the backup itself is never written to), to
    check a login against it when the database itself is damaged or gone."""
    with tempfile.TemporaryDirectory(prefix="seniorhalsan-inloggning-") as folder:  # 0700
        copy = private_copy(source, Path(folder) / "konton.sqlite3")
        db = open_database(sqlite_url(copy), unit_key=unit_key, daily_backup=False, backup_before_migrate=False)
        try:
            yield db
        finally:
            db.dispose()


def restore_database(
    backup: Path,
    target: Path,
    *,
    username: str | None = None,
    on_step: Callable[[str], None] | None = None,
) -> Restored:
    """Put a checked, brought-up-to-date copy of `backup` at `target` by one atomic rename.

    `username` is who restores (for the access log); `on_step` is told each step as it is done.
    """
    step = on_step or (lambda _name: None)
    revision = check_copy(backup)
    step("kontrollerad")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.aterstall-"))  # 0700
    try:
        candidate = private_copy(backup, work / target.name)
        step("kopierad")
        reapplied, carried = _prepare(candidate, backup, target, revision, username, step)
        saved = take_backup(target, "fore-aterstallning") if target.exists() and check_sqlite(target) is None else None
        step("sakerhetskopierad")
        replaced = _set_aside(target, work)
        step("undanlagd")
        os.replace(candidate, target)  # the one step that changes which database is there
        fsync_folder(target.parent)
        step("ersatt")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Restored(saved, replaced, tuple(reapplied), carried, revision)


def _prepare(candidate: Path, backup: Path, target: Path, revision: str, username: str | None,
             step: Callable[[str], None]) -> tuple[list[erasures.Erasure], int]:
    """Migrate and check the copy in its working folder; erasures and the log brought up to date."""
    try:
        db = open_database(sqlite_url(candidate), daily_backup=False, backup_before_migrate=False)
    except UserError as exc:
        raise RestoreRefused(f"Säkerhetskopian {backup} kunde inte öppnas och uppdateras: {exc} "
                             "Ingenting har ändrats.") from exc
    try:
        step("uppdaterad")
        missing = sorted(set(Base.metadata.tables) - set(inspect(db.engine).get_table_names()))
        if missing:
            raise RestoreRefused(f"{backup} saknar delar av en Seniorhälsan-databas ({', '.join(missing)}). "
                                 "Ingenting har ändrats.")
        units = _units(db)
        for unit_id in units.values():
            _in_unit(db, unit_id).read(stats.year_stats, dt.date.today().year)
        step("statistik")
        newest = _newest_log_row(db)  # before this restore writes rows of its own
        register = erasures.load(erasures.register_path(sqlite_url(target)))
        reapplied = [e for unit_id in units.values()
                     for e in _in_unit(db, unit_id).call(retention.reapply_erasures, register)]
        step("gallringar")
        carried = _carry_log(target, db, units, newest)
        _note_restore(db, units, backup, username, revision, len(reapplied), carried)
        step("logg")
        _make_self_contained(db, candidate)
        step("klar")
    except Exception as exc:
        if isinstance(exc, UserError):
            raise
        log.exception("Kopian klarade inte kontrollen")
        raise RestoreRefused(f"Säkerhetskopian {backup} klarade inte kontrollen (detaljerna finns i loggfilen). "
                             "Ingenting har ändrats.") from exc
    finally:
        db.dispose()
    return reapplied, carried


def _units(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {key: unit_id for unit_id, key in conn.execute(select(Unit.id, Unit.key).order_by(Unit.id))}


def _in_unit(db: Database, unit_id: int) -> Database:
    return Database(db.engine, unit_id, url=db.url)


def _newest_log_row(db: Database) -> dt.datetime | None:
    with db.engine.connect() as conn:
        return conn.scalar(select(func.max(AccessLogEntry.at)))


def _carry_log(target: Path, db: Database, units: dict[str, int], newest: dt.datetime | None) -> int:
    """Rows of the current database's access log that the copy does not have (those written
    after the copy was taken, from `newest` on), so that a restore never winds the log back."""
    if not target.exists():
        return 0
    with db.engine.connect() as conn:
        have = set() if newest is None else set(conn.execute(
            select(AccessLogEntry.at, AccessLogEntry.username, AccessLogEntry.operation, AccessLogEntry.record_type,
                   AccessLogEntry.record_id, AccessLogEntry.detail).where(AccessLogEntry.at >= newest)))
    try:
        rows = _read_log(target, newest)
    except sqlite3.DatabaseError:
        log.warning("Åtkomstloggen i %s kunde inte läsas; den finns kvar i den ersatta filen.", target)
        return 0
    fallback = next(iter(units.values()))
    carried = []
    for key, at, username, operation, record_type, record_id, detail, record_ids in rows:
        at = dt.datetime.fromisoformat(at) if isinstance(at, str) else at
        if (at, username, operation, record_type, record_id, detail) in have:
            continue
        carried.append(dict(unit_id=units.get(key, fallback), at=at, username=username, operation=operation,
                            record_type=record_type, record_id=record_id, detail=detail, record_ids=record_ids))
    if carried:
        with db.engine.begin() as conn:
            conn.execute(AccessLogEntry.__table__.insert(), carried)
    return len(carried)


def _read_log(path: Path, since: dt.datetime | None) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(access_log)")}
        if not columns:
            return []
        ids = "a.record_ids" if "record_ids" in columns else "NULL"
        query = (f"SELECT u.key, a.at, a.username, a.operation, a.record_type, a.record_id, a.detail, {ids} "
                 "FROM access_log a LEFT JOIN units u ON u.id = a.unit_id")
        if since is None:
            return conn.execute(query + " ORDER BY a.id").fetchall()
        return conn.execute(query + " WHERE a.at >= ? ORDER BY a.id", (since.isoformat(sep=" "),)).fetchall()
    finally:
        conn.close()


def _note_restore(db: Database, units: dict[str, int], backup: Path, username: str | None, revision: str,
                  reapplied: int, carried: int) -> None:
    detail = (f"från {backup.name} (schemaversion {revision}); {reapplied} gallringar gjordes om; "
              f"{carried} loggrader fördes över")
    at = dt.datetime.now().replace(microsecond=0)
    with db.engine.begin() as conn:
        conn.execute(AccessLogEntry.__table__.insert(), [
            dict(unit_id=unit_id, at=at, username=(username or NO_ACCOUNT)[:40], operation="aterstalla",
                 record_type="databas", record_id=None, detail=detail[:255], record_ids=None)
            for unit_id in units.values()])


def _make_self_contained(db: Database, candidate: Path) -> None:
    """Everything in the one file (no WAL beside it), checked again, before it is put in place."""
    db.dispose()
    conn = sqlite3.connect(candidate)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
            raise RuntimeError("the copy could not leave WAL mode")
    finally:
        conn.close()
    problem = check_sqlite(candidate, full=True)
    if problem:
        raise RuntimeError(problem)


def _set_aside(target: Path, work: Path) -> Path | None:
    """Make the current database safe to replace in one rename: a sound one is taken out of WAL
    mode (its WAL must never meet the new file); a damaged one is copied aside with its WAL."""
    if not target.exists():
        return None
    wal = target.with_name(target.name + "-wal")
    if check_sqlite(target) is None:
        conn = sqlite3.connect(target, timeout=2)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError as exc:
            raise UserError(f"Databasen {target} används av ett annat program (till exempel fönstret). Stäng det och "
                            "försök igen; ingenting har ändrats.") from exc
        finally:
            conn.close()
        if mode == "delete" and not wal.exists():
            return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = target.with_name(f"{target.stem}{REPLACED}{stamp}{target.suffix}")
    for suffix in ("", "-wal", "-shm"):
        source = target.with_name(target.name + suffix)
        if source.exists():
            _copy_privately(source, work / "ersatt", kept.with_name(kept.name + suffix))
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    return kept


def _copy_privately(source: Path, temp: Path, destination: Path) -> None:
    """A byte-for-byte copy (a damaged file cannot be copied as a database), 0600, whole or not at all."""
    create_private_file(temp)
    with open(source, "rb") as src, open(temp, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.replace(temp, destination)
