"""The goals' migration goes down and up again (on SQLite and on PostgreSQL)."""

from alembic import command
from sqlalchemy import inspect

from seniorhalsan.db import migrate
from seniorhalsan.operations.goals import SetGoal
from seniorhalsan.services.goals import list_goals


def _to(db, revision: str) -> None:
    with db.engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        (command.upgrade if revision == "head" else command.downgrade)(cfg, revision)


def test_the_goals_table_comes_and_goes_with_its_migration(db):
    db.perform(SetGoal(2026, "visits", 28000))
    _to(db, "0010")
    assert "goals" not in inspect(db.engine).get_table_names()
    _to(db, "head")
    assert "goals" in inspect(db.engine).get_table_names()
    assert db.read(list_goals, 2026) == []  # the goals went with the table
    db.perform(SetGoal(2026, "visits", 28000))
    assert [g.target for g in db.read(list_goals, 2026)] == [28000]
