"""The engine: SQLite pragmas (foreign keys, WAL, busy timeout) and real transactions.

Nothing here assumes SQLite beyond the connect hooks; any SQLAlchemy URL works.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import OperationalError

from ..errors import UserError
from ..private import create_private_file, ensure_private_dir, tighten

BUSY_TIMEOUT_MS = 10_000
BRIEF_TIMEOUT_MS = 200

BUSY_MESSAGE = ("Databasen är upptagen: någon annan sparar i den just nu (till exempel en import). "
                "Försök igen om en stund; ingenting har ändrats.")
FULL_MESSAGE = ("Disken är full, så databasen kunde inte spara. Frigör utrymme (töm papperskorgen, flytta stora "
                "filer) och försök igen; ingenting har ändrats.")


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine whose errors never carry the values of a statement (they would put personal
    data into the log file); a new SQLite file is made readable by its owner only."""
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            prepare_sqlite_file(path)
        engine = create_engine(
            url,
            hide_parameters=True,
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
        _install_sqlite_hooks(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def prepare_sqlite_file(path: Path) -> list[Path]:
    """The folder and an empty file made private before SQLite creates them with the umask's
    permissions (its WAL and shared-memory files take the file's own); an existing file and its
    companions are tightened. Returns the files that were tightened."""
    if not path.parent.exists():
        ensure_private_dir(path.parent)
    if not path.exists():
        create_private_file(path)
        return []
    return [p for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")) if tighten(p)]


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        # cleared personal data (gallring) is overwritten in the file, not left in free pages
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        # A writing transaction takes the write lock at once, so two writers queue
        # behind the busy timeout instead of failing half-way.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def refusal_for(exc: BaseException) -> UserError | None:
    """A Swedish refusal for a database that is busy or a disk that is full, else None."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return UserError(FULL_MESSAGE)
    if not isinstance(exc, OperationalError):
        return None
    detail = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in detail or "database is busy" in detail or "database table is locked" in detail:
        return UserError(BUSY_MESSAGE)
    if "disk is full" in detail or "no space left" in detail:
        return UserError(FULL_MESSAGE)
    return None


def driver_connection(conn: Connection) -> DBAPIConnection:
    """The driver's own connection under `conn`, for a PRAGMA that must not begin a transaction."""
    raw = conn.connection.dbapi_connection
    if raw is None:  # the pool has invalidated it: only after an error on this connection
        raise RuntimeError("the database connection was invalidated")
    return raw


@contextmanager
def brief_write(engine: Engine) -> Iterator[Connection]:
    """A transaction that gives up after a moment when another writer holds the lock (raising
    OperationalError), for a write that may be skipped, such as the time of a login."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = driver_connection(conn)
        if sqlite:  # on the driver's connection: a statement here would begin a transaction
            raw.execute(f"PRAGMA busy_timeout={BRIEF_TIMEOUT_MS}")
        try:
            with conn.begin():
                if not sqlite and engine.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {BRIEF_TIMEOUT_MS}")
                yield conn
        finally:
            if sqlite:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
