"""Each activity's sessions and visits in a period, the sessions per kind of activity, and the
activities whose latest sessions all had few visitors: one grouped query.

The sessions of the period are numbered per activity from the latest back (a window function),
so that the same query that adds them up also finds where the latest run of sessions with few
visitors ends. Only held sessions count; the run is over those with a count, in the order they
were held (several places of an activity together).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import case, func, select

from ..db.models import Activity, ActivitySession
from ..db.session import Ctx
from ..services.low_attendance import LowAttendance
from ..vocabulary import NOT_GIVEN
from .figures import JSON
from .reference import Reference
from .spans import Span, by_year, row_year, span_group, within


@dataclass(frozen=True)
class ActivityFigures:
    """One activity's held sessions in the period and their visits."""

    name: str
    kind: str  # the activity kind's key, or NOT_GIVEN
    sessions: int  # held, not cancelled
    visits: int
    women: int
    men: int
    other: int
    unspecified: int  # counted as a total alone
    # beside the JSON
    counted: int = 0  # held sessions with a count: what the average is of
    low_in_a_row: int = 0  # the latest counted sessions, in a row, with fewer visitors than the unit's limit
    flagged: bool = False  # low_in_a_row reached the unit's limit
    sessions_before: int | None = None  # the same days a year earlier; None when not computed
    visits_before: int | None = None

    @property
    def average(self) -> float | None:
        """Visits per counted session; None when no session was counted."""
        return self.visits / self.counted if self.counted else None

    def to_json(self) -> JSON:
        average = self.average
        return {
            "sessions": self.sessions,
            "visits": self.visits,
            "women": self.women,
            "men": self.men,
            "other": self.other,
            "unspecified": self.unspecified,
            "average": None if average is None else round(average, 1),
        }


def average_text(average: float | None) -> str:
    """Visits per session the Swedish way, to one decimal: '13,1', or '–' when nothing was counted."""
    from babel.numbers import format_decimal

    from ..formatting import LOCALE, UNRECORDED

    return UNRECORDED if average is None else format_decimal(average, format="#,##0.0", locale=LOCALE)


@dataclass(frozen=True)
class ActivityTable:
    """The period's activities (those with a held session) and sessions per kind of activity.
    In the JSON these stand under `attendance`."""

    by_activity: Mapping[str, ActivityFigures] = field(default_factory=dict)  # by name, in name order
    sessions_by_kind: Mapping[str, int] = field(default_factory=dict)  # every kind in its order, then NOT_GIVEN
    # beside the JSON
    rule: LowAttendance = LowAttendance()
    sessions_by_kind_before: Mapping[str, int] | None = None  # the same days a year earlier

    def most_visited(self) -> list[ActivityFigures]:
        return sorted(self.by_activity.values(), key=lambda a: (-a.visits, a.name))

    @property
    def flagged(self) -> list[ActivityFigures]:
        return [a for a in self.by_activity.values() if a.flagged]

    def to_json(self) -> JSON:
        return {"by_activity": {name: a.to_json() for name, a in self.by_activity.items()},
                "sessions_by_kind": dict(self.sessions_by_kind)}


@dataclass
class _Tally:
    name: str
    kind: str
    values: list[int]  # sessions, visits, women, men, other, unspecified, counted, low_in_a_row (a year
    # before that is only compared with: sessions and visits)


def activities(ctx: Ctx, spans: Sequence[Span], reference: Reference,
               rule: LowAttendance, *, compared: Sequence[Span] = ()) -> dict[int, ActivityTable]:
    """Each span's activities, by the span's year; a span whose year before is among `spans`
    or `compared` (each activity's sessions and visits alone) is compared with it."""
    s = ActivitySession
    by_span = span_group(s.held_on, spans)
    # counted sessions are numbered from the latest back, apart from those without a count
    latest_first = func.row_number().over(
        partition_by=(*by_span, s.activity_id, s.total.is_(None)),
        order_by=(s.held_on.desc(), s.starts_at.desc().nulls_last(), s.id.desc()),
    )
    held = (
        select(*(year.label("span") for year in by_span), s.activity_id, s.women, s.men, s.other, s.total,
               latest_first.label("latest"))
        .where(s.unit_id == ctx.unit_id, s.cancelled.is_(False), within(s.held_on, spans))
        .subquery()
    )
    h = held.c
    group = [h.span] if by_span else []
    enough = case((h.total >= rule.below, h.latest))  # the latest session with enough visitors, counted back
    query = (
        select(*group, Activity.name, Activity.kind_id, func.count(), func.coalesce(func.sum(h.total), 0),
               func.coalesce(func.sum(h.women), 0), func.coalesce(func.sum(h.men), 0),
               func.coalesce(func.sum(h.other), 0),
               func.coalesce(func.sum(case((h.women.is_(None), h.total), else_=0)), 0),
               func.count(h.total), func.min(enough))
        .join(Activity, Activity.id == h.activity_id)
        .group_by(*group, Activity.name, Activity.kind_id)
    )
    kind_key = {k.id: k.key for k in reference.kinds}
    tallies: dict[int, dict[str, _Tally]] = {year: {} for year in by_year(spans)}
    n = len(group)
    for row in ctx.session.execute(query):
        name, kind_id, *numbers, first_enough = row[n:]
        counted = int(numbers[-1])
        # the run of few visitors ends at the latest session that had enough (or takes them all)
        low = counted if first_enough is None else int(first_enough) - 1
        tallies[row_year(row[:n], spans)][name] = _Tally(name, kind_key.get(kind_id, NOT_GIVEN),
                                                          [int(v) for v in numbers] + [low])
    if compared:
        tallies.update(_sessions_and_visits(ctx, compared, kind_key))
    return {year: _table(tallies[year], tallies.get(year - 1), reference, rule) for year in by_year(spans)}


def _sessions_and_visits(ctx: Ctx, spans: Sequence[Span], kind_key: dict[int, str]) -> dict[int, dict[str, _Tally]]:
    """Each activity's held sessions and visits in each span: all a year before needs to be compared
    with (no run of few visitors is looked for)."""
    s = ActivitySession
    by_span = span_group(s.held_on, spans)
    query = (
        select(*by_span, Activity.name, Activity.kind_id, func.count(), func.coalesce(func.sum(s.total), 0))
        .join(Activity, Activity.id == s.activity_id)
        .where(s.unit_id == ctx.unit_id, s.cancelled.is_(False), within(s.held_on, spans))
        .group_by(*by_span, Activity.name, Activity.kind_id)
    )
    tallies: dict[int, dict[str, _Tally]] = {year: {} for year in by_year(spans)}
    n = len(by_span)
    for row in ctx.session.execute(query):
        name, kind_id, sessions, visits = row[n:]
        tallies[row_year(row[:n], spans)][name] = _Tally(name, kind_key.get(kind_id, NOT_GIVEN),
                                                          [int(sessions), int(visits)])
    return tallies


def _table(now: dict[str, _Tally], before: dict[str, _Tally] | None, reference: Reference,
           rule: LowAttendance) -> ActivityTable:
    def sessions_by_kind(tallies: dict[str, _Tally]) -> dict[str, int]:
        out = {k.key: 0 for k in reference.kinds}
        out[NOT_GIVEN] = 0
        for t in tallies.values():
            out[t.kind] = out.get(t.kind, 0) + t.values[0]
        return out

    def figures(t: _Tally) -> ActivityFigures:
        sessions, visits, women, men, other, unspecified, counted, low = t.values
        earlier = before.get(t.name) if before is not None else None
        return ActivityFigures(
            t.name, t.kind, sessions, visits, women, men, other, unspecified, counted=counted, low_in_a_row=low,
            flagged=low >= rule.in_a_row,
            sessions_before=None if before is None else (earlier.values[0] if earlier else 0),
            visits_before=None if before is None else (earlier.values[1] if earlier else 0),
        )

    kinds_before = sessions_by_kind(before) if before is not None else None
    return ActivityTable(
        by_activity={name: figures(now[name]) for name in sorted(now)},
        sessions_by_kind=sessions_by_kind(now),
        rule=rule,
        sessions_by_kind_before=kinds_before,
    )

