"""Opening a database: engine, migrations (with a backup first), reference data, unit."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from . import erasures, reference
from .db import migrate
from .db.backup import (
    backup_day,
    check_sqlite,
    has_room_for_backup,
    is_seniorhalsan_database,
    list_backups,
    newest_good_backup,
    prune_older_than,
    replaced_copies,
    take_backup,
)
from .db.engine import make_engine, prepare_sqlite_file, refusal_for, sqlite_path
from .db.session import Database
from .errors import UserError
from .paths import database_url

log = logging.getLogger(__name__)


class DamagedDatabase(UserError):
    """The file failed its integrity check; `backup` is the newest good backup, if any."""

    def __init__(self, path: Path, problem: str, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        message = f"Databasfilen {path} är skadad ({problem})."
        if backup is not None:
            day = backup_day(backup)
            message += (
                f" Den senaste fungerande säkerhetskopian är från {day.isoformat() if day else '?'}: {backup}. "
                f"Återställ den med: seniorhalsan restore {backup} --db {path}"
            )
        else:
            message += " Det finns ingen fungerande säkerhetskopia bredvid den."
        super().__init__(message)


class MissingDatabase(UserError):
    """The file is gone but its backups are there: a new empty database would hide that (and open
    to anyone, without accounts), so the user is pointed to the newest backup instead."""

    def __init__(self, path: Path, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        message = f"Databasfilen {path} saknas, men det finns säkerhetskopior av den bredvid."
        if backup is not None:
            message += f" Återställ den senaste med: seniorhalsan restore {backup} --db {path}"
        super().__init__(message)


def open_database(
    url: str | None = None,
    *,
    unit_key: str | None = None,
    daily_backup: bool = True,
    backup_before_migrate: bool = True,
) -> Database:
    """Open (creating or upgrading when needed) the database at `url`.

    A SQLite file gets a quick integrity check first, a backup before any migration,
    and one backup a day when it is opened (the window does all this on a thread of its own
    while it starts: ui/ahead.py).
    Erasures recorded in the register beside the database are done again if the data has them.
    """
    url = url or database_url()
    unit_key = unit_key or os.environ.get("SENIORHALSAN_UNIT") or None
    try:
        path = sqlite_path(url)
        if path is not None:
            _refuse_missing(path)
            for tightened in prepare_sqlite_file(path):
                log.warning("Behörigheterna för %s var för vida; nu kan bara ägaren läsa filen.", tightened)
            _remove_unfinished_restores(path)
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise UserError(f"Databasadressen '{url}' känns inte igen: {exc}") from exc

    had_data = False
    if path is not None and path.exists() and path.stat().st_size > 0:
        problem = check_sqlite(path)
        if problem:
            engine.dispose()
            raise DamagedDatabase(path, problem, newest_good_backup(path))
        had_data = is_seniorhalsan_database(path)

    def backup_first(revision: str | None) -> None:
        if backup_before_migrate and path is not None and path.exists():
            try:
                saved = take_backup(path, f"fore-{revision or 'tom'}")
            except OSError as exc:
                raise UserError(f"Databasen behöver uppdateras, men säkerhetskopian före uppdateringen kunde inte "
                                f"tas ({exc.strerror or exc}). Frigör utrymme och försök igen; ingenting har "
                                "ändrats.") from exc
            log.info("Säkerhetskopia före migrering: %s", saved)

    try:
        migrate.upgrade(engine, before=backup_first)
        with Session(engine) as session, session.begin():
            unit_id = reference.install(session, unit_key=unit_key)
        db = Database(engine, unit_id, url=url)
        _reapply_erasures(db)
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        raise UserError(_describe_open_failure(url, exc)) from exc
    except BaseException:
        engine.dispose()
        raise
    if path is not None and had_data:
        _prune_old_copies(db, path)
        if daily_backup:
            _daily_backup(db, path)
    return db


def _refuse_missing(path: Path) -> None:
    if (not path.exists() or path.stat().st_size == 0) and (list_backups(path) or replaced_copies(path)):
        raise MissingDatabase(path, newest_good_backup(path))


def _remove_unfinished_restores(path: Path) -> None:
    """The working folder of a restore that was killed holds a copy of personal data: removed."""
    for folder in path.parent.glob(f".{path.name}.aterstall-*"):
        shutil.rmtree(folder, ignore_errors=True)


def _reapply_erasures(db: Database) -> None:
    from .services import retention

    register = erasures.load(erasures.register_path(db.url))
    if not register.erasures or db.read(retention.applied_digest) == register.digest:
        return  # the usual case: nothing to do, and no write (a reader never waits for a writer)
    done = db.call(retention.reapply_erasures, register)
    if done:
        log.warning("%d gallringar fanns inte i databasen och gjordes om.", len(done))
        db.notices.append(f"{len(done)} personer som gallrats fanns åter i databasen (från en äldre kopia) "
                          "och har gallrats igen.")


def _prune_old_copies(db: Database, path: Path) -> None:
    """Backups and replaced files older than the retention period go, as gallring clears the data."""
    from .db.models import UnitText
    from .services.retention import DEFAULT_YEARS, RETENTION_KEY

    with db.engine.connect() as conn:
        values = conn.execute(select(UnitText.body).where(UnitText.key == RETENTION_KEY)).scalars().all()
    years = min([int(v) for v in values if v.isdigit()] or [DEFAULT_YEARS])
    today = dt.date.today()
    cutoff = today.replace(year=today.year - years, day=min(today.day, 28))
    for removed in prune_older_than(path, cutoff):
        log.info("Äldre än gallringstiden, borttagen: %s", removed)


def _daily_backup(db: Database, path: Path) -> None:
    """At most one backup a day on open; a failure to back up is logged and told, never fatal."""
    newest = next(iter(list_backups(path)), None)
    if newest is not None and backup_day(newest) == dt.date.today():
        return
    if not has_room_for_backup(path):
        log.warning("Den dagliga säkerhetskopian togs inte: för lite ledigt utrymme på disken.")
        db.notices.append("Dagens säkerhetskopia togs inte: det finns för lite ledigt utrymme på disken. "
                          "Frigör utrymme; kopian tas nästa gång programmet öppnas.")
        return
    try:
        log.info("Daglig säkerhetskopia: %s", take_backup(path, "start"))
    except (OSError, sqlite3.Error) as exc:
        log.warning("Den dagliga säkerhetskopian kunde inte tas: %s", exc)
        db.notices.append("Dagens säkerhetskopia kunde inte tas (disken är full?). Ingenting annat påverkades; "
                          "kopian tas nästa gång programmet öppnas.")


def _describe_open_failure(url: str, exc: Exception) -> str:
    path = sqlite_path(url)
    detail = str(getattr(exc, "orig", exc)).strip()
    refusal = refusal_for(exc)
    if refusal is not None:
        return str(refusal)
    if path is not None:
        if "not a database" in detail or "malformed" in detail:
            return f"Databasfilen {path} är skadad eller är ingen Seniorhälsan-databas."
        if "locked" in detail:
            return f"Databasfilen {path} används av ett annat program just nu. Försök igen om en stund."
        return f"Databasfilen {path} kunde inte öppnas: {detail}"
    return f"Det gick inte att ansluta till databasen: {detail}"
