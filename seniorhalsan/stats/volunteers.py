"""Volunteers: how many were active in the period, and the sessions they led with their visits.

A volunteer is active in a period when the register's days (since, until) meet it, or when they
led a session in it; one whose start is not written counts from the beginning, one who left without
a day only by the sessions they led. A session is led by its schedule row's leader, or else by its
activity's. Two queries: the register, and the held sessions grouped by leader and activity. The
report names the activities, not the volunteers (as the year report does: "hålls av en volontär").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select

from ..db.models import Activity, ActivitySession, ScheduleEntry, Staff
from ..db.session import Ctx
from .figures import JSON
from .spans import Span, by_year, row_year, span_group, within


@dataclass(frozen=True)
class LedActivity:
    """Sessions of an activity led by someone (a volunteer, a staff member), and their visits."""

    name: str
    sessions: int
    visits: int


@dataclass(frozen=True)
class VolunteerFigures:
    active: int = 0
    sessions: int = 0  # held sessions led by a volunteer
    visits: int = 0  # their visitors
    # beside the JSON
    activities: tuple[LedActivity, ...] = ()  # the activities volunteers led, most sessions first

    def to_json(self) -> JSON:
        return {"active": self.active, "sessions": self.sessions, "visits": self.visits}


def session_leader() -> ColumnElement[int | None]:
    """Who led a session: its schedule row's leader, or else its activity's (outer-join ScheduleEntry)."""
    return func.coalesce(ScheduleEntry.leader_id, Activity.leader_id)


def led_sessions(ctx: Ctx, spans: Sequence[Span], *, leaders: Collection[int] | None = None,
                 volunteers_only: bool = False) -> list[tuple[int, int, str, int, int]]:
    """Held sessions and their visits as (year, leader, activity, sessions, visits): one grouped query,
    for the leaders given (None: anyone)."""
    s = ActivitySession
    leader = session_leader()
    by_span = span_group(s.held_on, spans)
    query = (
        select(*by_span, leader, Activity.name, func.count(), func.coalesce(func.sum(s.total), 0))
        .join(Activity, Activity.id == s.activity_id)
        .outerjoin(ScheduleEntry, ScheduleEntry.id == s.schedule_entry_id)
        .where(s.unit_id == ctx.unit_id, s.cancelled.is_(False), within(s.held_on, spans),
               leader.is_not(None) if leaders is None else leader.in_(sorted(leaders)))
        .group_by(*by_span, leader, Activity.name)
    )
    if volunteers_only:
        query = query.join(Staff, Staff.id == leader).where(Staff.kind == "volontar")
    n = len(by_span)
    return [(row_year(row[:n], spans), row[n], row[n + 1], int(row[n + 2]), int(row[n + 3]))
            for row in ctx.session.execute(query)]


def _in_period(first: dt.date, last: dt.date, started: dt.date | None, ended: dt.date | None, active: bool) -> bool:
    if started is not None and started > last:
        return False
    if ended is not None:
        return ended >= first
    return active  # left without a day: counted by the sessions they led alone


def volunteers(ctx: Ctx, spans: Sequence[Span]) -> dict[int, VolunteerFigures]:
    """Each span's volunteers, by the span's year."""
    register = ctx.session.execute(
        select(Staff.id, Staff.started_on, Staff.ended_on, Staff.active)
        .where(Staff.unit_id == ctx.unit_id, Staff.kind == "volontar")).all()
    leaders: dict[int, set[int]] = {year: set() for year in by_year(spans)}
    activities: dict[int, dict[str, list[int]]] = {year: defaultdict(lambda: [0, 0]) for year in by_year(spans)}
    for year, leader, activity, sessions, visits in led_sessions(ctx, spans, volunteers_only=True):
        leaders[year].add(leader)
        activities[year][activity][0] += sessions
        activities[year][activity][1] += visits
    out = {}
    for year, span in by_year(spans).items():
        active = {v.id for v in register if _in_period(span.first, span.last, v.started_on, v.ended_on, v.active)}
        led = sorted((LedActivity(name, *counts) for name, counts in activities[year].items()),
                     key=lambda a: (-a.sessions, a.name))
        out[year] = VolunteerFigures(len(active | leaders[year]), sum(a.sessions for a in led),
                                     sum(a.visits for a in led), tuple(led))
    return out
