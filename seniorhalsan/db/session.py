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
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..errors import Conflict, Forbidden
from .changes import ChangeLog
from .engine import is_sqlite, refusal_for

NO_ACCOUNT = "(inget konto)"

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
    # entries written even when the action is refused and rolled back (refusals, failed logins)
    kept: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""  # the database's address, for what is kept beside it (the register of erasures)
    # steps that must be done before the transaction commits, or not at all (outside the database)
    before_commit: list[Callable[[], object]] = field(default_factory=list)

    def flush_log(self) -> None:
        """Write the access-log entries gathered so far, in this transaction: a long import
        writes them as it goes instead of holding them all until it commits."""
        _write_log(self.session, self.log)
        self.log.clear()


def log_entry(ctx: Ctx, operation: str, record_type: str, record_id: int | None = None,
              detail: str | None = None, *, record_ids: list[int] | None = None,
              username: str | None = None) -> dict[str, Any]:
    """One access-log row: who, when, what was done to which record (or records, for a list)."""
    return dict(
        unit_id=ctx.unit_id,
        at=dt.datetime.now().replace(microsecond=0),
        username=(username or (ctx.actor.username if ctx.actor else NO_ACCOUNT))[:40],
        operation=operation,
        record_type=record_type,
        record_id=record_id,
        detail=(detail or "")[:255] or None,
        record_ids="," + ",".join(map(str, record_ids)) + "," if record_ids else None,
    )

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
        self.notices: list[str] = []  # what opening the database wants the user to know (in Swedish)
        write_engine = engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite(url) else engine
        self._writer = sessionmaker(bind=write_engine, expire_on_commit=False)
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        event.listen(self._writer, "after_flush", _track_flush)

    @contextmanager
    def transaction(self, *, write: bool = True, what: str = "") -> Iterator[Ctx]:
        """A context for services; committed on success, rolled back on any error.

        A refusal by role is logged (`what` names the action) even though nothing else is kept.
        """
        maker = self._writer if write else self._reader
        with maker() as session:
            ctx = Ctx(session=session, unit_id=self.unit_id, actor=self.actor, today=self.clock(), url=self.url)
            session.info["changes"] = ctx.changes
            try:
                yield ctx
                if write:
                    _write_log(session, ctx.log + ctx.kept)
                    for step in ctx.before_commit:
                        step()
                    session.commit()
                else:
                    session.rollback()
            except StaleDataError as exc:
                session.rollback()
                raise Conflict(
                    "Någon annan sparade samma uppgifter samtidigt. De nya uppgifterna visas; gör om din ändring."
                ) from exc
            except OperationalError as exc:
                session.rollback()
                refusal = refusal_for(exc)
                if refusal is None:
                    raise
                raise refusal from exc
            except BaseException as exc:
                session.rollback()
                if isinstance(exc, Forbidden):
                    ctx.kept.append(log_entry(ctx, "vagrad", "funktion", detail=f"{what}: {exc}" if what else str(exc)))
                if ctx.kept:
                    self.write_log(ctx.kept)
                raise
        if not write and (ctx.log or ctx.kept):
            # what was read is logged even though the reading transaction wrote nothing
            self.write_log(ctx.log + ctx.kept)

    def write_log(self, entries: list[dict[str, Any]]) -> None:
        """Access-log rows in a transaction of their own."""
        try:
            with self._writer() as session:
                _write_log(session, entries)
                session.commit()
        except OperationalError as exc:
            refusal = refusal_for(exc)
            if refusal is None:
                raise
            raise refusal from exc

    def perform(self, operation: Operation[T]) -> Outcome[T]:
        """Apply a user action as one transaction: its value, and what it changed."""
        from ..operations.base import Outcome

        with self.transaction(write=True, what=type(operation).__name__) as ctx:
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
        with self.transaction(write=True, what=_name(fn)) as ctx:
            return fn(ctx, *args, **kwargs)

    def read(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a service that only reads."""
        with self.transaction(write=False, what=_name(fn)) as ctx:
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


def _name(fn: Callable[..., Any]) -> str:
    """`persons.get_person` for a service function, for the log of refusals."""
    module = getattr(fn, "__module__", "") or ""
    return f"{module.rsplit('.', 1)[-1]}.{getattr(fn, '__name__', '?')}".lstrip(".")


def _write_log(session: Session, entries: list[dict[str, Any]]) -> None:
    from .base import table_of
    from .bulk import insert_many
    from .models import AccessLogEntry

    insert_many(session, table_of(AccessLogEntry), entries)  # an import's thousands of entries in one go
