"""Schema migrations with Alembic, applied when a database is opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_tables(engine: Engine) -> bool:
    from sqlalchemy import inspect

    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def upgrade(engine: Engine, *, before: Callable[[str | None], None] | None = None) -> bool:
    """Bring the schema to the newest revision; True if anything was applied.

    `before` is called with the current revision when a database that already holds
    data is about to change, so a backup can be taken first.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return False
    if before is not None and has_tables(engine):
        before(current)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
