"""Opening a database: engine, migrations (with a backup first), reference data, unit."""

from __future__ import annotations

import logging
import os

from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from . import reference
from .db import migrate
from .db.backup import take_backup
from .db.engine import make_engine, sqlite_path
from .db.session import Database
from .errors import UserError
from .paths import database_url

log = logging.getLogger(__name__)


def open_database(url: str | None = None, *, unit_key: str | None = None) -> Database:
    """Open (creating or upgrading when needed) the database at `url`."""
    url = url or database_url()
    unit_key = unit_key or os.environ.get("SENIORHALSAN_UNIT") or None
    try:
        path = sqlite_path(url)
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise UserError(f"Databasadressen '{url}' känns inte igen: {exc}") from exc

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
    return Database(engine, unit_id, url=url)


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
