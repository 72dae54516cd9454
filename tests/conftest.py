"""Shared fixtures: a real database file per test, copied from one migrated template."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.engine import make_url

from seniorhalsan.database import open_database
from seniorhalsan.paths import sqlite_url

# Tests run as if today were this day, so "a date in the future" means the same every year.
TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashes():
    """Argon2 with its smallest cost inside the test process (the tests run the command in
    it too, see tests/commandline.py). The program itself keeps the library's defaults;
    one test in tests/cli/test_cli.py starts it as a process and checks them."""
    from argon2 import PasswordHasher

    from seniorhalsan.services import accounts

    accounts._hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Logs and default files go to a temporary folder, never the user's own."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SENIORHALSAN_DATA_DIR", str(folder))
    monkeypatch.delenv("SENIORHALSAN_DB", raising=False)
    monkeypatch.delenv("SENIORHALSAN_DB_URL", raising=False)
    monkeypatch.delenv("SENIORHALSAN_UNIT", raising=False)
    return folder


# With SENIORHALSAN_TEST_PG set to a PostgreSQL server URL, every test that asks for a
# database gets a fresh PostgreSQL database instead of a SQLite file (.ci/run does both).
PG_SERVER = os.environ.get("SENIORHALSAN_TEST_PG")


def on_postgresql() -> bool:
    return bool(PG_SERVER)


def _pg_admin():
    return create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")


def _pg_url(name: str) -> str:
    return make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    """A migrated empty database: a SQLite file each test copies, or one PostgreSQL
    database that is emptied before each test (faster than creating one per test)."""
    if on_postgresql():
        name = f"sh_test_{os.getpid()}"
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        open_database(_pg_url(name)).dispose()
        yield name
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        return
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(sqlite_url(path)).dispose()
    yield path


@pytest.fixture
def db_url(template_db, tmp_path):
    """The URL of a fresh, migrated database with only the reference data, for one test."""
    if on_postgresql():
        url = _pg_url(template_db)
        engine = create_engine(url)
        with engine.begin() as conn:
            names = conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
            )).scalars().all()
            # the access log refuses TRUNCATE by a trigger; a superuser may switch triggers off for a moment
            conn.execute(text("SET session_replication_role = replica"))
            conn.execute(text("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " RESTART IDENTITY CASCADE"))
            conn.execute(text("SET session_replication_role = DEFAULT"))
        engine.dispose()
        yield url
        return
    path = tmp_path / "seniorhalsan.sqlite3"
    shutil.copy(template_db, path)
    yield sqlite_url(path)


@pytest.fixture
def db_path(db_url) -> Path:
    """A SQLite file, for tests about the file itself (backups, pragmas, damage)."""
    if on_postgresql():
        pytest.skip("gäller SQLite-filen")
    return Path(make_url(db_url).database)


@pytest.fixture
def db(db_url):
    database = open_database(db_url, daily_backup=False)
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


REFUSALS = ("vagrad", "inloggning_nekad", "inloggning_last")  # the access log's rows of a refusal


@pytest.fixture
def unchanged(db):
    """Use as `with unchanged(): ...` around a call that must be refused without a trace
    (beyond the access log's row that records the refusal)."""
    from contextlib import contextmanager

    def without_refusals(tables):
        log = tables.get("access_log", [])
        return {**tables, "access_log": [row for row in log if row[4] not in REFUSALS]}

    @contextmanager
    def guard():
        before = snapshot(db)
        yield
        assert without_refusals(snapshot(db)) == without_refusals(before)

    return guard
