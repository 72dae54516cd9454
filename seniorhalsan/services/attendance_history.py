"""A place's recorded sessions over time: its history in pages, the month at a glance, and
the planned sessions still waiting for their counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from ..db.models import Activity, ActivitySession
from ..db.session import Ctx
from ..errors import ValidationError
from ..roles import requires
from .attendance_slots import DayPlans, names, scheduled_places


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
    ids = select(s.id).where(s.unit_id == ctx.unit_id)
    if place_id is not None:
        ids = ids.where(s.place_id == place_id)
    page = ids.order_by(*newest_first).offset(max(0, offset)).limit(max(0, limit)).subquery()
    query = (
        select(s.id, s.held_on, s.starts_at, Activity.name, s.cancelled, s.women, s.men, s.other, s.total,
               s.new_visitors)
        .join(page, page.c.id == s.id)
        .join(Activity, Activity.id == s.activity_id)
        .order_by(*newest_first)
    )
    return [
        HistoryRow(session_id, held_on, starts_at, name, cancelled, women, men, other, total, new)
        for session_id, held_on, starts_at, name, cancelled, women, men, other, total, new in ctx.session.execute(query)
    ]


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



@dataclass(frozen=True)
class MissingCount:
    """A planned session of a past day with neither counts nor a cancellation."""

    day: dt.date
    place_id: int
    place_name: str
    starts_at: dt.time | None
    activity_name: str
    leader_name: str | None


@requires("attendance")
def missing_counts(ctx: Ctx, *, first: dt.date, last: dt.date, place_id: int | None = None) -> list[MissingCount]:
    """Every planned session from `first` to `last` (at most until yesterday: today's may not
    have been held yet) that has neither counts nor a cancellation, by day, place and time."""
    if last < first:
        raise ValidationError.of("date", "perioden slutar före den börjar.")
    last = min(last, ctx.today - dt.timedelta(days=1))
    if last < first:
        return []
    place_ids = scheduled_places(ctx, place_id, first, last)
    if not place_ids:
        return []
    plans = DayPlans(ctx, place_ids, first, last)
    waiting = []
    day = first
    while day <= last:
        for pid in sorted(place_ids):
            place = plans.places.get(pid)
            if (place is None or (place.opened_on and day < place.opened_on)
                    or (place.closed_on and day > place.closed_on)):
                continue
            for slot in plans.day(pid, day):
                row = slot.recorded
                if slot.planned and (row is None or (row["total"] is None and not row["cancelled"])):
                    waiting.append(slot)
        day += dt.timedelta(days=1)
    if not waiting:
        return []
    activities, staff = names(ctx, {s.activity_id for s in waiting},
                              {s.planned.leader_id for s in waiting if s.planned and s.planned.leader_id})
    out = []
    for slot in waiting:
        name, _kind, own_leader = activities[slot.activity_id]
        leader = (slot.planned.leader_id if slot.planned else None) or own_leader
        out.append(MissingCount(slot.day, slot.place_id, plans.places[slot.place_id].name, slot.starts_at, name,
                                staff.get(leader) if leader else None))
    out.sort(key=lambda m: (m.day, m.place_name, m.starts_at or dt.time(), m.activity_name))
    return out
