"""The outreach log's figures: events and people reached, in all and per kind; one grouped query.

A period without any entry in the log has nothing recorded (None, "–"), not zero events. People
reached are None where no entry of the period (or of the kind) had a count: an advert's readers are
seldom counted, and a 0 would read as "it reached nobody".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from ..db.models import Outreach
from ..db.session import Ctx
from ..vocabulary import OUTREACH_KINDS
from .figures import JSON
from .spans import Span, by_year, row_year, span_group, within


@dataclass(frozen=True)
class OutreachCounts:
    events: int | None = None
    reached: int | None = None  # None: no event counted the people it reached
    # beside the JSON
    counted: int = 0  # events whose people reached were counted

    def to_json(self) -> JSON:
        return {"events": self.events, "reached": self.reached}


@dataclass(frozen=True)
class OutreachFigures:
    """The period's outreach in all and per kind (every kind, in its order); None when the log has
    no entry in the period."""

    total: OutreachCounts = OutreachCounts()
    by_kind: Mapping[str, OutreachCounts] = field(default_factory=dict)

    @property
    def recorded(self) -> bool:
        return self.total.events is not None

    def to_json(self) -> JSON:
        return {**self.total.to_json(), "by_kind": {key: c.to_json() for key, c in self.by_kind.items()}}


def outreach(ctx: Ctx, spans: Sequence[Span]) -> dict[int, OutreachFigures]:
    """Each span's outreach, by the span's year."""
    o = Outreach
    by_span = span_group(o.held_on, spans)
    found: dict[int, dict[str, list[int]]] = {year: {} for year in by_year(spans)}
    for *key, kind, events, reached, counted in ctx.session.execute(
        select(*by_span, o.kind, func.count(), func.sum(o.reached), func.count(o.reached))
        .where(o.unit_id == ctx.unit_id, within(o.held_on, spans))
        .group_by(*by_span, o.kind)
    ):
        found[row_year(key, spans)][kind] = [int(events), int(reached or 0), int(counted)]
    return {year: _figures(kinds) for year, kinds in found.items()}


def _counts(events: int, reached: int, counted: int) -> OutreachCounts:
    return OutreachCounts(events, reached if counted else None, counted)


def _figures(kinds: dict[str, list[int]]) -> OutreachFigures:
    if not kinds:
        return OutreachFigures(by_kind=dict.fromkeys(OUTREACH_KINDS, OutreachCounts()))
    # a kind the program no longer lists still counts in the totals, under its own key
    by_kind = {key: _counts(*kinds.get(key, (0, 0, 0))) for key in OUTREACH_KINDS}
    by_kind |= {key: _counts(*values) for key, values in kinds.items() if key not in OUTREACH_KINDS}
    sums = [sum(values[i] for values in kinds.values()) for i in range(3)]
    return OutreachFigures(_counts(*sums), by_kind)
