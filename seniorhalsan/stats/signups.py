"""Sign-ups: occasions, places offered, people signed up, who came, the waiting list and the
distinct persons, for the period and per kind of activity; two grouped queries.

An occasion counts in the period its day lies in (a series: its term's first day). `signed_up`
are those holding a place (and those who left a series after coming to it), `waiting_list`
those still waiting, `attended` those ticked present at least once, and `distinct_persons`
the different people among the signed up, told apart by the pseudonym each keeps after
gallring has cleared the names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, select

from ..db.models import Activity, ScheduleEntry, SignupList, SignupParticipant, SignupPresence, Term
from ..db.session import Ctx
from ..services.signups import followed
from ..vocabulary import NOT_GIVEN
from .figures import JSON
from .reference import Reference
from .spans import Span, by_year, row_year, span_group, within


@dataclass(frozen=True)
class SignupCounts:
    occasions: int = 0
    places_offered: int = 0
    signed_up: int = 0
    attended: int = 0
    waiting_list: int = 0
    distinct_persons: int = 0

    def to_json(self) -> JSON:
        return {
            "occasions": self.occasions,
            "places_offered": self.places_offered,
            "signed_up": self.signed_up,
            "attended": self.attended,
            "waiting_list": self.waiting_list,
            "distinct_persons": self.distinct_persons,
        }


@dataclass(frozen=True)
class SignupFigures:
    """The period's sign-ups in all, and per kind of activity (every kind, in its order)."""

    total: SignupCounts = SignupCounts()
    by_kind: Mapping[str, SignupCounts] = field(default_factory=dict)

    def to_json(self) -> JSON:
        return {**self.total.to_json(), "by_kind": {key: c.to_json() for key, c in self.by_kind.items()}}


def _day(on_date: Any) -> ColumnElement[date]:
    """The day an occasion counts on: its date, or its term's first day for a series."""
    return func.coalesce(on_date, Term.starts_on)


def signups(ctx: Ctx, spans: Sequence[Span], reference: Reference) -> dict[int, SignupFigures]:
    """Each span's sign-ups, by the span's year."""
    activity_id, _place_id, on_date = followed()
    day = _day(on_date)
    by_span = span_group(day, spans)
    n = len(by_span)
    lists = (
        select(*by_span, Activity.kind_id, func.count(), func.sum(SignupList.places))
        .join(Term, Term.id == SignupList.term_id)
        .outerjoin(ScheduleEntry, ScheduleEntry.id == SignupList.schedule_entry_id)
        .join(Activity, Activity.id == activity_id)
        .where(SignupList.unit_id == ctx.unit_id, within(day, spans))
        .group_by(*by_span, Activity.kind_id)
    )
    p = SignupParticipant
    holds = p.status.in_(("plats", "slutat"))
    came = exists().where(SignupPresence.participant_id == p.id)
    people = (
        select(*by_span, Activity.kind_id, p.pseudonym, func.sum(case((holds, 1), else_=0)),
               func.sum(case((p.status == "reserv", 1), else_=0)), func.sum(case((came, 1), else_=0)))
        .join(SignupList, SignupList.id == p.list_id)
        .join(Term, Term.id == SignupList.term_id)
        .outerjoin(ScheduleEntry, ScheduleEntry.id == SignupList.schedule_entry_id)
        .join(Activity, Activity.id == activity_id)
        .where(SignupList.unit_id == ctx.unit_id, within(day, spans))
        .group_by(*by_span, Activity.kind_id, p.pseudonym)
    )
    kind_key = {k.id: k.key for k in reference.kinds}
    # tally[year][kind] = [occasions, places, signed up, attended, waiting]; persons[year][kind] = pseudonyms
    tally: dict[int, dict[str, list[int]]] = {y: defaultdict(lambda: [0] * 5) for y in by_year(spans)}
    persons: dict[int, dict[str, set[int]]] = {y: defaultdict(set) for y in by_year(spans)}
    for row in ctx.session.execute(lists):
        kind_id, occasions, places = row[n:]
        counts = tally[row_year(row[:n], spans)][kind_key.get(kind_id, NOT_GIVEN)]  # no type yet: NOT_GIVEN
        counts[0] += int(occasions)
        counts[1] += int(places or 0)
    for row in ctx.session.execute(people):
        kind_id, pseudonym, signed, waiting, attended = row[n:]
        year, kind = row_year(row[:n], spans), kind_key.get(kind_id, NOT_GIVEN)
        counts = tally[year][kind]
        counts[2] += int(signed or 0)
        counts[3] += int(attended or 0)
        counts[4] += int(waiting or 0)
        if signed:
            persons[year][kind].add(pseudonym)
    return {year: _figures(tally[year], persons[year], reference) for year in by_year(spans)}


def _figures(tally: dict[str, list[int]], persons: dict[str, set[int]], reference: Reference) -> SignupFigures:
    def counts(values: list[int], who: set[int]) -> SignupCounts:
        occasions, places, signed, attended, waiting = values
        return SignupCounts(occasions, places, signed, attended, waiting, len(who))

    everyone: set[int] = set().union(*persons.values())
    sums = [sum(v[i] for v in tally.values()) for i in range(5)]
    return SignupFigures(
        total=counts(sums, everyone),
        by_kind={key: counts(tally.get(key, [0] * 5), persons.get(key, set()))
                 for key in (*(k.key for k in reference.kinds), NOT_GIVEN)},
    )
