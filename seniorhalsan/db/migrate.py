"""Schema migrations with Alembic, applied when a database is opened.

Alembic itself (a fifth of a second to import) is loaded only when a database is not
at the newest revision, `HEAD`; a test keeps `HEAD` equal to the newest migration.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from .engine import driver_connection

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0011"


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _at_head(engine: Engine) -> bool:
    """True when the database records the newest revision (read without Alembic)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]


def has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def upgrade(engine: Engine, *, before: Callable[[str | None], None] | None = None) -> bool:
    """Bring the schema to the newest revision; True if anything was applied.

    `before` is called with the current revision when a database that already holds
    data is about to change, so a backup can be taken first.
    """
    if _at_head(engine):
        return False
    from alembic import command

    current = current_revision(engine)
    if current == head_revision():
        return False
    if before is not None and has_tables(engine):
        before(current)
    cfg = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = driver_connection(conn)
        if sqlite:
            # SQLite changes a column by building the table anew and dropping the old one; with
            # foreign keys enforced, dropping a table others refer to would fail. They are checked
            # all at once before the migration is committed instead (SQLite's own procedure).
            raw.execute("PRAGMA foreign_keys=OFF")  # on the driver's connection, outside a transaction
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("the migration left rows whose references do not hold")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
    return True
