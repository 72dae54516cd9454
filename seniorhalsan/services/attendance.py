"""Sessions and their anonymous head counts: women, men, other, or a total alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import joinedload

from ..db.models import Activity, ActivitySession, Place, ScheduleEntry, Staff, Term
from ..db.session import Ctx
from ..errors import NotFound, UserError, ValidationError
from ..roles import requires
from .checks import Checker, check_version
from .lookups import owned


@dataclass(frozen=True)
class Counts:
    """A validated head count; `total` is None when nobody has counted yet."""

    women: int | None
    men: int | None
    other: int | None
    total: int | None
    new_visitors: int | None


def _given(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def check_counts(
    check: Checker,
    *,
    women: Any = None,
    men: Any = None,
    other: Any = None,
    total: Any = None,
    new_visitors: Any = None,
    cancelled: bool = False,
) -> Counts:
    """Validate a count given split by gender, or as a total alone.

    A split count fills empty parts with 0 and computes the total; a total given beside
    a split must agree with it. First-time visitors cannot outnumber the visitors.
    """
    w = check.count("women", women)
    m = check.count("men", men)
    o = check.count("other", other)
    t = check.count("total", total)
    n = check.count("new_visitors", new_visitors)
    split_given = _given(women) or _given(men) or _given(other)
    if split_given:
        w, m, o = w or 0, m or 0, o or 0
        computed = w + m + o
        if t is not None and t != computed:
            check.fail("total", f"{t} stämmer inte med kvinnor + män + övriga ({computed}).")
        t = computed
    else:
        w = m = o = None
    if n is not None and t is not None and n > t:
        check.fail("new_visitors", f"{n} nya kan inte vara fler än besökarna ({t}).")
    if n is not None and t is None:
        check.fail("new_visitors", "ange också hur många som kom.")
    if cancelled and t:
        check.fail("cancelled", "ett inställt tillfälle kan inte ha besökare.")
    if cancelled:
        w = m = o = t = n = None
    return Counts(w, m, o, t, n)


@dataclass(frozen=True)
class SessionInfo:
    """A session of a day: recorded (session_id set) or only planned by the schedule."""

    session_id: int | None
    schedule_entry_id: int | None
    activity_id: int
    activity_name: str
    activity_kind: str
    place_id: int
    place_name: str
    held_on: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    leader_name: str | None
    cancelled: bool
    women: int | None
    men: int | None
    other: int | None
    total: int | None
    new_visitors: int | None
    note: str | None
    version: int | None

    @property
    def recorded(self) -> bool:
        return self.session_id is not None

    @property
    def counted(self) -> bool:
        return self.total is not None or self.cancelled


def _from_session(s: ActivitySession, leader: Staff | None = None) -> SessionInfo:
    leader = leader or s.activity.leader
    return SessionInfo(
        session_id=s.id,
        schedule_entry_id=s.schedule_entry_id,
        activity_id=s.activity_id,
        activity_name=s.activity.name,
        activity_kind=s.activity.kind.key,
        place_id=s.place_id,
        place_name=s.place.name,
        held_on=s.held_on,
        starts_at=s.starts_at,
        ends_at=s.ends_at,
        leader_name=leader.name if leader else None,
        cancelled=s.cancelled,
        women=s.women,
        men=s.men,
        other=s.other,
        total=s.total,
        new_visitors=s.new_visitors,
        note=s.note,
        version=s.version,
    )


def _from_entry(e: ScheduleEntry, day: dt.date) -> SessionInfo:
    leader = e.leader or e.activity.leader
    return SessionInfo(
        session_id=None,
        schedule_entry_id=e.id,
        activity_id=e.activity_id,
        activity_name=e.activity.name,
        activity_kind=e.activity.kind.key,
        place_id=e.place_id,
        place_name=e.place.name,
        held_on=day,
        starts_at=e.starts_at,
        ends_at=e.ends_at,
        leader_name=leader.name if leader else None,
        cancelled=False,
        women=None,
        men=None,
        other=None,
        total=None,
        new_visitors=None,
        note=None,
        version=None,
    )


def _session_options():
    return (
        joinedload(ActivitySession.activity).joinedload(Activity.kind),
        joinedload(ActivitySession.activity).joinedload(Activity.leader),
        joinedload(ActivitySession.place),
    )


def _entries_on(ctx: Ctx, place_id: int, day: dt.date) -> list[ScheduleEntry]:
    query = (
        select(ScheduleEntry)
        .join(Term)
        .where(
            Term.unit_id == ctx.unit_id,
            Term.starts_on <= day,
            Term.ends_on >= day,
            ScheduleEntry.place_id == place_id,
            or_(ScheduleEntry.weekday == day.isoweekday(), ScheduleEntry.on_date == day),
        )
        .options(
            joinedload(ScheduleEntry.activity).joinedload(Activity.kind),
            joinedload(ScheduleEntry.activity).joinedload(Activity.leader),
            joinedload(ScheduleEntry.place),
            joinedload(ScheduleEntry.leader),
        )
    )
    return list(ctx.session.scalars(query))


@requires("attendance")
def day_sessions(ctx: Ctx, *, place_id: int, day: dt.date) -> list[SessionInfo]:
    """The sessions of a day at a place: the term schedule merged with what was recorded."""
    owned(ctx, Place, place_id, "Mötesplatsen")
    recorded = list(
        ctx.session.scalars(
            select(ActivitySession)
            .where(ActivitySession.place_id == place_id, ActivitySession.held_on == day)
            .options(*_session_options())
            .order_by(ActivitySession.id)
        )
    )
    by_entry = {s.schedule_entry_id: s for s in recorded if s.schedule_entry_id is not None}
    rows: list[SessionInfo] = []
    for entry in _entries_on(ctx, place_id, day):
        session = by_entry.pop(entry.id, None)
        rows.append(_from_session(session, entry.leader) if session else _from_entry(entry, day))
    taken = {r.session_id for r in rows}
    rows.extend(_from_session(s) for s in recorded if s.id not in taken)
    rows.sort(key=lambda r: (r.starts_at is None, r.starts_at or dt.time(), r.activity_name))
    return rows


@requires("attendance")
def record_attendance(
    ctx: Ctx,
    *,
    held_on: dt.date | None = None,
    session_id: int | None = None,
    schedule_entry_id: int | None = None,
    activity_id: int | None = None,
    place_id: int | None = None,
    starts_at: dt.time | None = None,
    ends_at: dt.time | None = None,
    women: Any = None,
    men: Any = None,
    other: Any = None,
    total: Any = None,
    new_visitors: Any = None,
    cancelled: bool = False,
    note: str | None = None,
    version: int | None = None,
) -> SessionInfo:
    """Save a session's count: an existing session, a scheduled slot, or an extra session.

    - `session_id`: correct a recorded session (pass the `version` you read).
    - `schedule_entry_id` + `held_on`: the scheduled slot of that day.
    - `activity_id` + `place_id` + `held_on`: an extra session not on the schedule.
    """
    check = Checker()
    counts = check_counts(
        check, women=women, men=men, other=other, total=total, new_visitors=new_visitors, cancelled=cancelled
    )
    note = check.text("note", note)

    if session_id is not None:
        session = owned(ctx, ActivitySession, session_id, "Tillfället")
        check_version("Tillfället", session, version)
        if counts.total is not None and session.held_on > ctx.today:
            check.fail("date", f"{session.held_on.isoformat()} ligger i framtiden; räkna besökare efter tillfället.")
        check.done()
        _apply(session, counts, cancelled, note)
        ctx.session.flush()
        return _from_session(session)

    entry = None
    if schedule_entry_id is not None:
        entry = ctx.session.get(ScheduleEntry, schedule_entry_id)
        if entry is None or entry.term.unit_id != ctx.unit_id:
            raise NotFound(f"Schemaraden med id {schedule_entry_id} finns inte.")
        activity_id, place_id = entry.activity_id, entry.place_id
        starts_at = starts_at or entry.starts_at
        ends_at = ends_at or entry.ends_at

    day = check.date("date", held_on, today=None if cancelled and counts.total is None else ctx.today)
    start = check.time("start", starts_at)
    end = check.time("end", ends_at)
    if start and end and end <= start:
        check.fail("end", "måste vara efter starttiden.")
    activity = place = None
    if activity_id is None:
        check.fail("activity", "måste väljas.")
    else:
        try:
            activity = owned(ctx, Activity, activity_id, "Aktiviteten")
        except NotFound as exc:
            check.fail("activity", str(exc))
    if place_id is None:
        check.fail("place", "måste väljas.")
    else:
        try:
            place = owned(ctx, Place, place_id, "Mötesplatsen")
        except NotFound as exc:
            check.fail("place", str(exc))
    if place is not None and day is not None:
        check_place_open(check, place, day)
    if entry is not None and day is not None and not _entry_applies(entry, day):
        check.fail("date", f"{entry.activity.name} står inte på schemat {day.isoformat()}.")
    check.done()

    if entry is not None:
        existing = ctx.session.scalar(
            select(ActivitySession).where(
                ActivitySession.schedule_entry_id == entry.id, ActivitySession.held_on == day
            )
        )
        if existing is not None:
            check_version("Tillfället", existing, version)
            _apply(existing, counts, cancelled, note)
            ctx.session.flush()
            return _from_session(existing)

    session = ActivitySession(
        unit_id=ctx.unit_id,
        activity_id=activity.id,
        place_id=place.id,
        held_on=day,
        starts_at=start,
        ends_at=end,
        schedule_entry_id=entry.id if entry else None,
    )
    _apply(session, counts, cancelled, note)
    ctx.session.add(session)
    ctx.session.flush()
    return _from_session(session)


class RowsRefused(UserError):
    """Some rows of a day were refused; none of the day's rows were saved."""

    def __init__(self, failures: dict[int, UserError], names: dict[int, str]) -> None:
        self.failures = failures
        lines = ["Inget sparades. Rätta raderna och spara igen:"]
        lines += [f"{names.get(i, i)}: {exc}" for i, exc in sorted(failures.items())]
        super().__init__("\n".join(lines))


@requires("attendance")
def record_many(ctx: Ctx, items: list[dict[str, Any]]) -> list[SessionInfo]:
    """Save a day's rows together: all of them, or (if any is refused) none."""
    saved: list[SessionInfo] = []
    failures: dict[int, UserError] = {}
    names: dict[int, str] = {}
    for index, item in enumerate(items):
        names[index] = str(item.pop("label", index + 1))
        try:
            saved.append(record_attendance(ctx, **item))
        except UserError as exc:
            failures[index] = exc
    if failures:
        raise RowsRefused(failures, names)
    return saved


def check_place_open(check: Checker, place: Place, day: dt.date) -> None:
    if place.opened_on and day < place.opened_on:
        check.fail("place", f"{place.name} hade inte öppnat {day.isoformat()} (öppnade {place.opened_on.isoformat()}).")
    if place.closed_on and day > place.closed_on:
        check.fail("place", f"{place.name} var stängd {day.isoformat()} (stängde {place.closed_on.isoformat()}).")


def _entry_applies(entry: ScheduleEntry, day: dt.date) -> bool:
    term = entry.term
    if not term.starts_on <= day <= term.ends_on:
        return False
    return entry.on_date == day if entry.on_date else entry.weekday == day.isoweekday()


def _apply(session: ActivitySession, counts: Counts, cancelled: bool, note: str | None) -> None:
    session.cancelled = bool(cancelled)
    session.women, session.men, session.other = counts.women, counts.men, counts.other
    session.total, session.new_visitors = counts.total, counts.new_visitors
    session.note = note


@requires("attendance")
def cancel_session(
    ctx: Ctx,
    *,
    held_on: dt.date | None = None,
    session_id: int | None = None,
    schedule_entry_id: int | None = None,
    note: str | None = None,
    version: int | None = None,
) -> SessionInfo:
    """Mark a session (or a scheduled slot of a day) as cancelled."""
    return record_attendance(
        ctx,
        held_on=held_on,
        session_id=session_id,
        schedule_entry_id=schedule_entry_id,
        cancelled=True,
        note=note,
        version=version,
    )


@requires("attendance")
def delete_session(ctx: Ctx, session_id: int) -> None:
    """Remove a session recorded by mistake (a cancelled one is marked, not deleted)."""
    session = owned(ctx, ActivitySession, session_id, "Tillfället")
    ctx.session.delete(session)
    ctx.session.flush()


@requires("attendance")
def get_session(ctx: Ctx, session_id: int) -> SessionInfo:
    return _from_session(owned(ctx, ActivitySession, session_id, "Tillfället"))


@dataclass(frozen=True)
class HistoryRow:
    """A recorded session in a place's history list (cheap to fetch in pages)."""

    session_id: int
    held_on: dt.date
    starts_at: dt.time | None
    activity_name: str
    cancelled: bool
    women: int | None
    men: int | None
    other: int | None
    total: int | None
    new_visitors: int | None


@requires("attendance")
def count_sessions(ctx: Ctx, *, place_id: int | None = None) -> int:
    query = select(func.count()).select_from(ActivitySession).where(ActivitySession.unit_id == ctx.unit_id)
    if place_id is not None:
        query = query.where(ActivitySession.place_id == place_id)
    return ctx.session.scalar(query) or 0


@requires("attendance")
def list_sessions(
    ctx: Ctx, *, place_id: int | None = None, offset: int = 0, limit: int = 200
) -> list[HistoryRow]:
    """Recorded sessions, newest first, one page at a time."""
    s = ActivitySession
    newest_first = (s.held_on.desc(), s.starts_at.desc(), s.id.desc())
    # The page's ids first, counted off an index alone; only its own rows are then read in full,
    # so a page deep into a long history costs little more than the first.
    page = select(s.id).where(s.unit_id == ctx.unit_id)
    if place_id is not None:
        page = page.where(s.place_id == place_id)
    page = page.order_by(*newest_first).offset(max(0, offset)).limit(max(0, limit)).subquery()
    query = (
        select(s.id, s.held_on, s.starts_at, Activity.name, s.cancelled, s.women, s.men, s.other, s.total,
               s.new_visitors)
        .join(page, page.c.id == s.id)
        .join(Activity, Activity.id == s.activity_id)
        .order_by(*newest_first)
    )
    return [HistoryRow(*row) for row in ctx.session.execute(query)]


@dataclass(frozen=True)
class DaySummary:
    day: dt.date
    sessions: int
    cancelled: int
    visits: int
    women: int
    men: int


@requires("attendance")
def month_summary(ctx: Ctx, *, place_id: int, year: int, month: int) -> list[DaySummary]:
    """A place's month at a glance: per day, sessions held and cancelled and visits."""
    if not 1 <= month <= 12:
        raise ValidationError.of("month", "ange 1–12.")
    first = dt.date(year, month, 1)
    last = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
    s = ActivitySession
    query = (
        select(
            s.held_on,
            func.sum(case((s.cancelled.is_(False), 1), else_=0)),
            func.sum(case((s.cancelled.is_(True), 1), else_=0)),
            func.coalesce(func.sum(s.total), 0),
            func.coalesce(func.sum(s.women), 0),
            func.coalesce(func.sum(s.men), 0),
        )
        .where(s.unit_id == ctx.unit_id, s.place_id == place_id, s.held_on.between(first, last))
        .group_by(s.held_on)
        .order_by(s.held_on)
    )
    return [DaySummary(*row) for row in ctx.session.execute(query)]

