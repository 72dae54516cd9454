"""Transactions: one user action is one transaction, owned by the caller of the services.

The window, the importer and the command line never hold an ORM session; they hand a
service function to `Database.call` (writes) or `Database.read` (reads), which runs it
inside its own transaction and returns the plain values it produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..errors import Conflict

from .engine import is_sqlite

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

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Ctx]:
        """A context for services; committed on success, rolled back on any error."""
        maker = self._writer if write else self._reader
        with maker() as session:
            ctx = Ctx(session=session, unit_id=self.unit_id, actor=self.actor, today=self.clock())
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

    def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a service that changes data, as one transaction."""
        with self.transaction(write=True) as ctx:
            return fn(ctx, *args, **kwargs)

    def read(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a service that only reads."""
        with self.transaction(write=False) as ctx:
            return fn(ctx, *args, **kwargs)

    def dispose(self) -> None:
        self.engine.dispose()


def _write_log(session: Session, entries: list[dict[str, Any]]) -> None:
    from .models import AccessLogEntry

    if entries:
        session.execute(AccessLogEntry.__table__.insert(), entries)
