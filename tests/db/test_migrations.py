"""Migrations: an empty file becomes a full database; models and migrations agree."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from seniorhalsan import reference
from seniorhalsan.database import open_database
from seniorhalsan.db import migrate
from seniorhalsan.db.backup import list_backups
from seniorhalsan.db.models import Base
from seniorhalsan.paths import sqlite_url
from seniorhalsan.services import lookups, places


def test_an_empty_file_is_migrated_and_gets_the_reference_data(tmp_path):
    path = tmp_path / "ny.sqlite3"
    db = open_database(sqlite_url(path))
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())
    assert len(db.read(places.list_places)) >= 10
    assert [s.key for s in db.read(lookups.services)] == [
        "it_stod", "fixartjanst", "syn_horsel", "anhorigstod", "aldrestod"]
    assert len(db.read(lookups.feedback_categories, "about")) == 12
    assert list_backups(path) == []  # a new file needs no backup
    db.dispose()


def test_models_and_migrations_agree(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_accounts_keep_their_services_through_the_staff_link_migration(db):
    """0008 copies the users table on SQLite (to add a named foreign key); the accounts' services,
    which would go with the old copy (ON DELETE CASCADE), are kept, up and down (and on PostgreSQL)."""
    from seniorhalsan.services import accounts

    db.call(accounts.create_account, username="karin", password="ett-långt-lösen", role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password="ett-långt-lösen")
    db.call(accounts.create_account, username="tomas", password="ett-långt-lösen", role="instruktor",
            services=["fixartjanst", "it_stod"])

    def services() -> dict:
        with db.engine.connect() as conn:
            return dict(conn.execute(text(
                "SELECT u.username, count(s.service_id) FROM users u LEFT JOIN user_services s ON s.user_id = u.id "
                "GROUP BY u.username")).all())

    for revision in ("0005", "head"):
        with db.engine.begin() as conn:
            cfg = migrate.alembic_config()
            cfg.attributes["connection"] = conn
            (command.downgrade if revision != "head" else command.upgrade)(cfg, revision)
        assert services() == {"karin": 0, "tomas": 2}


def test_opening_again_changes_nothing_and_keeps_the_unit(db_path):
    first = open_database(sqlite_url(db_path))
    unit = first.unit_id
    first.dispose()
    second = open_database(sqlite_url(db_path))
    assert second.unit_id == unit
    assert len(second.read(places.list_places)) == len(reference.load()["places"])
    with second.engine.connect() as conn:
        assert conn.execute(text("select count(*) from units")).scalar() == 1
    second.dispose()


def test_a_database_that_needs_migrating_is_backed_up_first(db_path):
    db = open_database(sqlite_url(db_path), daily_backup=False)
    with db.engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    db.dispose()
    assert list_backups(db_path) == []

    reopened = open_database(sqlite_url(db_path), daily_backup=False)
    assert migrate.current_revision(reopened.engine) == migrate.head_revision()
    assert [p.name.rsplit("-", 1)[-1] for p in list_backups(db_path)] == ["tom.sqlite3"]
    reopened.dispose()


def test_sqlite_runs_with_foreign_keys_and_wal(db_path, db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_a_damaged_file_gives_a_clear_message(tmp_path):
    import pytest

    from seniorhalsan.errors import UserError

    path = tmp_path / "trasig.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(UserError) as refused:
        open_database(sqlite_url(path))
    assert "skadad" in str(refused.value)


def test_the_newest_revision_is_known_without_reading_the_migrations():
    """Opening a database compares with HEAD and loads Alembic only when a migration is due."""
    assert migrate.head_revision() == migrate.HEAD


def test_activities_without_a_type_come_with_a_migration_that_keeps_every_reference(db_path):
    """0007 builds the activities table anew on SQLite: sessions and the schedule still point at it."""
    import datetime as dt

    from seniorhalsan.services import activities
    from tests import factories

    db = open_database(sqlite_url(db_path), daily_backup=False)
    gympa = factories.activity(db, "Gympa", kind="fysisk")
    place = db.read(places.list_places)[0]
    factories.session(db, gympa, place, dt.date(2025, 3, 3), women=5, men=1)
    with db.engine.connect() as conn:  # back to 0006, as a database of the version before
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            cfg = migrate.alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0006")
        raw.execute("PRAGMA foreign_keys=ON")
    db.dispose()

    reopened = open_database(sqlite_url(db_path), daily_backup=False)
    assert migrate.current_revision(reopened.engine) == migrate.HEAD
    with reopened.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # enforced again
        assert conn.execute(text("select count(*) from activity_sessions")).scalar() == 1
    assert reopened.read(activities.get_activity, gympa.id).kind == "fysisk"
    untyped = factories.activity(reopened, "Qigong", kind=None)
    assert untyped.kind is None
    reopened.dispose()


def test_staff_keep_their_services_through_the_volunteer_register_migration(db):
    """0010 adds the volunteer register's columns to staff; taking them away again must not copy the
    table (its services would go with the old copy, ON DELETE CASCADE), up and down."""
    from seniorhalsan.services import staff

    db.call(staff.create_staff, name="Tomas Fixare", services=["fixartjanst", "aldrestod"])

    def services() -> dict:
        with db.engine.connect() as conn:
            return dict(conn.execute(text(
                "SELECT s.name, count(x.service_id) FROM staff s LEFT JOIN staff_services x ON x.staff_id = s.id "
                "GROUP BY s.name")).all())

    for revision in ("0009", "head"):
        with db.engine.begin() as conn:
            cfg = migrate.alembic_config()
            cfg.attributes["connection"] = conn
            (command.downgrade if revision != "head" else command.upgrade)(cfg, revision)
        assert services() == {"Tomas Fixare": 2}
