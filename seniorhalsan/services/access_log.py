"""The access log: every view of a person's data (a card, search results, a contact list), every
change to a person, contact or feedback item, every refusal and failed login, with who and when.
Services add entries; nothing here changes or deletes one."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select

from ..db.models import AccessLogEntry
from ..db.session import Ctx, log_entry
from ..roles import requires
from ..vocabulary import ACCESS_OPERATIONS as OPERATIONS
from ..vocabulary import ACCESS_RECORD_TYPES as RECORD_TYPES

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: dt.datetime
    username: str
    operation: str
    record_type: str
    record_id: int | None
    detail: str | None
    record_ids: tuple[int, ...] = ()


def note(ctx: Ctx, operation: str, record_type: str, record_id: int | None, detail: str | None = None) -> None:
    """Queue an entry; it is written with the transaction (or right after a read)."""
    ctx.log.append(log_entry(ctx, operation, record_type, record_id, detail))


def note_list(ctx: Ctx, record_type: str, ids: list[int], detail: str) -> None:
    """One entry for a view that showed several records (nothing when it showed none)."""
    unique = sorted(set(ids))
    if unique:
        ctx.log.append(log_entry(ctx, "visa", record_type, None, f"{detail} ({len(unique)} st.)", record_ids=unique))


def audited(operation: str, record_type: str, *, id_from: str = "result") -> Callable[[F], F]:
    """Log a successful call: the record id comes from the result's `id` or the first argument."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(ctx: Ctx, *args: Any, **kwargs: Any) -> Any:
            result = fn(ctx, *args, **kwargs)
            if id_from == "result":
                record_id = getattr(result, "id", None)
            else:
                record_id = args[0] if args else kwargs.get(id_from)
            note(ctx, operation, record_type, record_id)
            return result

        return wrapper  # type: ignore[return-value]

    return decorate


def _query(
    ctx: Ctx,
    username: str | None,
    record_type: str | None,
    record_id: int | None,
    since: dt.date | None,
    until: dt.date | None,
) -> Select[AccessLogEntry]:
    q = select(AccessLogEntry).where(AccessLogEntry.unit_id == ctx.unit_id)
    if username:
        q = q.where(func.lower(AccessLogEntry.username) == username.lower())
    if record_type:
        q = q.where(AccessLogEntry.record_type == record_type)
    if record_id is not None:
        q = q.where(or_(AccessLogEntry.record_id == record_id, AccessLogEntry.record_ids.like(f"%,{int(record_id)},%")))
    if since:
        q = q.where(AccessLogEntry.at >= dt.datetime.combine(since, dt.time.min))
    if until:
        q = q.where(AccessLogEntry.at <= dt.datetime.combine(until, dt.time.max))
    return q


@requires("accounts")
def search(
    ctx: Ctx,
    *,
    username: str | None = None,
    record_type: str | None = None,
    record_id: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    offset: int = 0,
    limit: int = 500,
) -> list[LogEntry]:
    """Entries, newest first, filtered by user, kind of record, record and dates."""
    q = _query(ctx, username, record_type, record_id, since, until)
    q = q.order_by(AccessLogEntry.at.desc(), AccessLogEntry.id.desc()).offset(offset).limit(limit)
    return [_entry(e) for e in ctx.session.scalars(q)]


def _entry(e: AccessLogEntry) -> LogEntry:
    ids = tuple(int(i) for i in (e.record_ids or "").split(",") if i)
    return LogEntry(e.id, e.at, e.username, e.operation, e.record_type, e.record_id, e.detail, ids)


@requires("accounts")
def export_csv(ctx: Ctx, path: str | Path, **filters: Any) -> int:
    """Write the matching entries to a CSV file (semicolons, UTF-8 with BOM for Excel), readable
    by its owner only, and complete or not at all; a name not ending in .csv is refused."""
    from ..reports.output import check_target, csv_text, write_file

    check_target(path, ".csv")
    q = _query(ctx, filters.get("username"), filters.get("record_type"), filters.get("record_id"),
               filters.get("since"), filters.get("until")).order_by(AccessLogEntry.at, AccessLogEntry.id)
    count = 0
    fh = io.StringIO(newline="")
    writer = csv.writer(fh, delimiter=";")
    writer.writerow(["tid", "användare", "åtgärd", "post", "id", "detalj", "visade poster"])
    for e in ctx.session.scalars(q):
        # names and details were typed by someone: never a formula in the reader's spreadsheet
        writer.writerow([e.at.isoformat(sep=" "), csv_text(e.username), OPERATIONS.get(e.operation, e.operation),
                         RECORD_TYPES.get(e.record_type, e.record_type), e.record_id or "", csv_text(e.detail),
                         (e.record_ids or "").strip(",").replace(",", " ")])
        count += 1
    # all at once and then renamed (readable by its owner only), like the reports: a file open
    # in Excel is refused in Swedish
    write_file(path, fh.getvalue().encode("utf-8-sig"))
    return count


@requires("accounts")
def count(ctx: Ctx, **filters: Any) -> int:
    q = _query(ctx, filters.get("username"), filters.get("record_type"), filters.get("record_id"),
               filters.get("since"), filters.get("until"))
    return ctx.session.scalar(select(func.count()).select_from(q.subquery())) or 0
