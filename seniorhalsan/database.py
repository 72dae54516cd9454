"""Opening a database: engine, migrations (with a backup first), reference data, unit."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from . import reference
from .db import migrate
from .db.backup import (
    IntegrityCheck,
    backup_day,
    check_sqlite,
    is_seniorhalsan_database,
    list_backups,
    newest_good_backup,
    take_backup,
)
from .db.engine import make_engine, sqlite_path
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


def open_database(
    url: str | None = None,
    *,
    unit_key: str | None = None,
    daily_backup: bool = True,
    checked: IntegrityCheck | None = None,
) -> Database:
    """Open (creating or upgrading when needed) the database at `url`.

    A SQLite file gets a quick integrity check first, a backup before any migration,
    and one backup a day when it is opened. `checked` is that check already started
    (the window starts it before it loads the data layer); it counts for its own file only.
    """
    url = url or database_url()
    unit_key = unit_key or os.environ.get("SENIORHALSAN_UNIT") or None
    try:
        path = sqlite_path(url)
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise UserError(f"Databasadressen '{url}' känns inte igen: {exc}") from exc

    had_data = False
    if path is not None and path.exists() and path.stat().st_size > 0:
        problem = checked.result() if checked is not None and checked.path == path else check_sqlite(path)
        if problem:
            engine.dispose()
            raise DamagedDatabase(path, problem, newest_good_backup(path))
        had_data = is_seniorhalsan_database(path)

    def backup_first(revision: str | None) -> None:
        if path is not None and path.exists():
            saved = take_backup(path, f"fore-{revision or 'tom'}")
            log.info("Säkerhetskopia före migrering: %s", saved)

    try:
        migrate.upgrade(engine, before=backup_first)
        with Session(engine) as session, session.begin():
            unit_id = reference.install(session, unit_key=unit_key)
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        raise UserError(_describe_open_failure(url, exc)) from exc
    if daily_backup and had_data:
        _daily_backup(path)
    return Database(engine, unit_id, url=url)


def _daily_backup(path: Path) -> None:
    """At most one backup a day on open; a failure to back up is logged, not fatal."""
    newest = next(iter(list_backups(path)), None)
    if newest is not None and backup_day(newest) == dt.date.today():
        return
    try:
        log.info("Daglig säkerhetskopia: %s", take_backup(path, "start"))
    except OSError:
        log.exception("Den dagliga säkerhetskopian kunde inte tas")


def _describe_open_failure(url: str, exc: Exception) -> str:
    path = sqlite_path(url)
    detail = str(getattr(exc, "orig", exc)).strip()
    if path is not None:
        if "not a database" in detail or "malformed" in detail:
            return f"Databasfilen {path} är skadad eller är ingen Seniorhälsan-databas."
        if "locked" in detail:
            return f"Databasfilen {path} används av ett annat program just nu. Försök igen om en stund."
        return f"Databasfilen {path} kunde inte öppnas: {detail}"
    return f"Det gick inte att ansluta till databasen: {detail}"
