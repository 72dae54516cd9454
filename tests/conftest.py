"""Shared fixtures: a real database file per test, copied from one migrated template."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from sqlalchemy import MetaData, select  # noqa: E402

from seniorhalsan.database import open_database  # noqa: E402
from seniorhalsan.paths import sqlite_url  # noqa: E402

# Tests run as if today were this day, so "a date in the future" means the same every year.
TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Logs and default files go to a temporary folder, never the user's own."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SENIORHALSAN_DATA_DIR", str(folder))
    monkeypatch.delenv("SENIORHALSAN_DB", raising=False)
    monkeypatch.delenv("SENIORHALSAN_DB_URL", raising=False)
    monkeypatch.delenv("SENIORHALSAN_UNIT", raising=False)
    return folder


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(sqlite_url(path))
    db.dispose()
    return path


@pytest.fixture
def db_path(template_db, tmp_path) -> Path:
    path = tmp_path / "seniorhalsan.sqlite3"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def db(db_path):
    database = open_database(sqlite_url(db_path), daily_backup=False)
    database.clock = lambda: TODAY
    yield database
    database.dispose()


def snapshot(database) -> dict[str, list[tuple]]:
    """Every row of every table, to prove that a refused operation changed nothing."""
    meta = MetaData()
    meta.reflect(bind=database.engine)
    with database.engine.connect() as conn:
        return {
            name: sorted(tuple(str(v) for v in row) for row in conn.execute(select(table)))
            for name, table in meta.tables.items()
        }


@pytest.fixture
def unchanged(db):
    """Use as `with unchanged(): ...` around a call that must be refused without a trace."""
    from contextlib import contextmanager

    @contextmanager
    def guard():
        before = snapshot(db)
        yield
        assert snapshot(db) == before

    return guard
