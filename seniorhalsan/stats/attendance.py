"""Visits to the activities: one grouped query by year, month, kind of activity and place."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, extract, func, select
from sqlalchemy.sql.elements import ColumnElement

from ..db.models import Activity, ActivitySession
from ..db.session import Ctx
from ..periods import TERTIALS
from ..vocabulary import NOT_GIVEN
from .figures import AttendanceFigures, MonthFigures, PlaceFigures, tertials
from .reference import Reference
from .spans import Span, by_year, row_year, span_group, within


@dataclass(frozen=True)
class _Group:
    year: int
    month: int
    kind_id: int | None  # None: the activity has no type yet
    place_id: int
    visits: int
    women: int
    men: int
    other: int
    unspecified: int
    new_visitors: int
    new_counted: int  # held sessions whose new visitors were counted
    sessions: int
    cancelled: int


def _groups(ctx: Ctx, spans: Sequence[Span]) -> list[_Group]:
    s = ActivitySession
    held = s.cancelled.is_(False)
    by_span, month = span_group(s.held_on, spans), extract("month", s.held_on)

    def held_sum(value: Any, when: ColumnElement[bool] = held) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((when, value), else_=0)), 0)

    query = (
        select(
            *by_span,
            month,
            Activity.kind_id,
            s.place_id,
            held_sum(s.total),
            held_sum(s.women),
            held_sum(s.men),
            held_sum(s.other),
            held_sum(s.total, held & s.women.is_(None)),
            held_sum(s.new_visitors),
            held_sum(1, held & s.new_visitors.is_not(None)),
            func.sum(case((held, 1), else_=0)),
            func.sum(case((held, 0), else_=1)),
        )
        .join(Activity, Activity.id == s.activity_id)
        .where(s.unit_id == ctx.unit_id, within(s.held_on, spans))
        .group_by(*by_span, month, Activity.kind_id, s.place_id)
    )
    n = len(by_span)
    groups = []
    for row in ctx.session.execute(query):
        month_of, kind_id, place_id, *sums = row[n:]
        groups.append(_Group(row_year(row[:n], spans), int(month_of), kind_id, place_id, *(int(v) for v in sums)))
    return groups


def attendance(ctx: Ctx, spans: Sequence[Span], reference: Reference) -> dict[int, AttendanceFigures]:
    """Each span's attendance, by the span's year."""
    grouped: dict[int, list[_Group]] = {span.year: [] for span in spans}
    for group in _groups(ctx, spans):
        grouped[group.year].append(group)
    return {year: _figures(span, grouped[year], reference) for year, span in by_year(spans).items()}


def _figures(span: Span, groups: list[_Group], reference: Reference) -> AttendanceFigures:
    kind_key: dict[int | None, str] = {k.id: k.key for k in reference.kinds}
    by_kind: dict[str, int] = {k.key: 0 for k in reference.kinds}
    by_kind[NOT_GIVEN] = 0
    by_tertial: dict[str, int] = defaultdict(int)
    months = {m: [0, 0, 0, 0] for m in range(1, span.last.month + 1)}
    # a place is shown when a session was held there in the period: a place of the reference
    # data the unit never used that year is not a row of zeros
    names = reference.place_names(span.last, {g.place_id for g in groups if g.sessions})
    places = {name: [0, 0, 0, 0] for name in names.values()}
    for g in groups:
        by_kind[kind_key.get(g.kind_id, NOT_GIVEN)] += g.visits  # no type (None) yet: NOT_GIVEN
        by_tertial[TERTIALS[(g.month - 1) // 4]] += g.visits
        tallies = [months[g.month]] + ([places[names[g.place_id]]] if g.place_id in names else [])
        for tally in tallies:
            tally[0] += g.visits
            tally[1] += g.women
            tally[2] += g.men
            tally[3] += g.sessions
    new_counted = sum(g.new_counted for g in groups)
    cancelled = sum(g.cancelled for g in groups)
    return AttendanceFigures(
        visits=sum(g.visits for g in groups),
        women=sum(g.women for g in groups),
        men=sum(g.men for g in groups),
        other=sum(g.other for g in groups),
        unspecified=sum(g.unspecified for g in groups),
        # nobody counted new visitors, or marked a session cancelled: not recorded, which is not 0
        new_visitors=sum(g.new_visitors for g in groups) if new_counted else None,
        sessions=sum(g.sessions for g in groups),
        by_tertial=tertials(by_tertial),
        by_kind=by_kind,
        places=tuple(sorted((PlaceFigures(name, *tally) for name, tally in places.items()),
                            key=lambda p: (-p.visits, p.name))),
        months=tuple(MonthFigures(month, *tally) for month, tally in months.items()),
        cancelled=cancelled or None,
        new_visitors_sessions=new_counted,
    )
