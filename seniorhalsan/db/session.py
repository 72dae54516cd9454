"""Transactions: one user action is one transaction, owned by the caller of the services.

The window, the importer and the command line never hold an ORM session. They hand an
operation (`seniorhalsan.operations`) to `Database.perform`, which applies it inside its own
transaction and returns its value with what it changed, or a reading service function to
`Database.read`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..errors import Conflict
from .changes import ChangeLog
from .engine import is_sqlite

if TYPE_CHECKING:
    from ..operations.base import Operation, Outcome

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Actor:
    """Who is acting; None in a context means a database without accounts."""

    username: str
    role: str
    services: frozenset[str] = frozenset()


@dataclass
class Ctx:
    """What a service needs: the session it works in, the unit, who acts, and today."""

    session: Session
    unit_id: int
    actor: Actor | None = None
    today: dt.date = field(default_factory=dt.date.today)
    log: list[dict[str, Any]] = field(default_factory=list)  # access-log entries to write
    changes: ChangeLog = field(default_factory=ChangeLog)  # what the transaction changed

    def flush_log(self) -> None:
        """Write the access-log entries gathered so far, in this transaction: a long import
        writes them as it goes instead of holding them all until it commits."""
        _write_log(self.session, self.log)
        self.log.clear()


class Database:
    """An opened, migrated database of one unit."""

    def __init__(self, engine: Engine, unit_id: int, *, url: str) -> None:
        self.engine = engine
        self.url = url
        self.unit_id = unit_id
        self.actor: Actor | None = None
        self.clock: Callable[[], dt.date] = dt.date.today
        write_engine = engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite(url) else engine
        self._writer = sessionmaker(bind=write_engine, expire_on_commit=False)
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        event.listen(self._writer, "after_flush", _track_flush)

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Ctx]:
        """A context for services; committed on success, rolled back on any error."""
        maker = self._writer if write else self._reader
        with maker() as session:
            ctx = Ctx(session=session, unit_id=self.unit_id, actor=self.actor, today=self.clock())
            session.info["changes"] = ctx.changes
            try:
                yield ctx
                if write:
                    _write_log(session, ctx.log)
                    session.commit()
                else:
                    session.rollback()
            except StaleDataError as exc:
                session.rollback()
                raise Conflict(
                    "Någon annan sparade samma uppgifter samtidigt. De nya uppgifterna visas; gör om din ändring."
                ) from exc
            except BaseException:
                session.rollback()
                raise
        if ctx.log and not write:
            # what was read is logged even though the reading transaction wrote nothing
            with self._writer() as session:
                _write_log(session, ctx.log)
                session.commit()

    def perform(self, operation: Operation[T]) -> Outcome[T]:
        """Apply a user action as one transaction: its value, and what it changed."""
        from ..operations.base import Outcome

        with self.transaction(write=True) as ctx:
            hold_locks(ctx, operation.locks)
            value = operation.apply(ctx)
        return Outcome(value, ctx.changes.frozen())

    def try_out(self, operation: Operation[T]) -> T:
        """Apply a user action and undo it: what it would do (an import's preview)."""
        with self.transaction(write=False) as ctx:
            return operation.apply(ctx)

    def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a service function that changes data, as one transaction: for tests and the
        demo generator, which build records directly; user actions go through `perform`."""
        with self.transaction(write=True) as ctx:
            return fn(ctx, *args, **kwargs)

    def read(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a service that only reads."""
        with self.transaction(write=False) as ctx:
            return fn(ctx, *args, **kwargs)

    def dispose(self) -> None:
        self.engine.dispose()


def hold_locks(ctx: Ctx, names: tuple[str, ...]) -> None:
    """On PostgreSQL, wait for other transactions of the unit holding the same named locks
    (released at commit). SQLite needs none: its writers take turns (BEGIN IMMEDIATE)."""
    if not names or ctx.session.get_bind().dialect.name != "postgresql":
        return
    for name in sorted(set(names)):
        ctx.session.execute(
            text("SELECT pg_advisory_xact_lock(:unit, hashtext(:name))"), {"unit": ctx.unit_id, "name": name}
        )


def _track_flush(session: Session, _flush_context: Any) -> None:
    """Note in the transaction's change log what each flush creates, changes and removes."""
    changes: ChangeLog | None = session.info.get("changes")
    if changes is None:
        return
    for obj in session.new:
        changes.table(obj.__table__.name, created=1)
    for obj in session.dirty:
        if session.is_modified(obj):
            changes.table(obj.__table__.name, updated=1)
    for obj in session.deleted:
        changes.table(obj.__table__.name, removed=1)


def _write_log(session: Session, entries: list[dict[str, Any]]) -> None:
    from .bulk import insert_many
    from .models import AccessLogEntry

    insert_many(session, AccessLogEntry.__table__, entries)  # an import's thousands of entries in one go
