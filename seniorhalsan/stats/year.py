"""A year's figures (or the year so far), alone or beside the same days of the year before.

Each grouped query runs once per call: for the overview it answers for both periods
at once, grouped by year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import extract, select

from ..db.models import ActivitySession, Contact, Feedback, GroupMeeting, Outreach, Training
from ..db.session import Ctx
from ..roles import requires
from ..services.low_attendance import current_rule
from .activities import activities
from .attendance import attendance
from .feedback import feedback
from .figures import YearFigures
from .goals import evaluate, set_goals
from .outreach import outreach
from .reference import Reference, load_reference
from .signups import signups
from .spans import Span
from .support import groups, services, trainings
from .volunteers import volunteers


def figures_of(ctx: Ctx, spans: Sequence[Span], reference: Reference) -> list[YearFigures]:
    """The figures of each span (in different years), in the order given.

    Each activity is compared with the same days a year earlier, and each goal with last
    year's figure. Only a span with goals needs the whole of its year before (any figure can
    have a goal); for the others the year before is each activity's sessions and visits, one
    light query, so that the time a year takes does not double once there is history.
    """
    goals = set_goals(ctx, (span.year for span in spans))
    before = [span.year_before() for span in spans if span.year > 1900 and span.year_before() not in spans]
    counted = [*spans, *dict.fromkeys(b for b in before if goals[b.year + 1])]
    compared = list(dict.fromkeys(b for b in before if b not in counted))
    visits = attendance(ctx, counted, reference)
    support = services(ctx, counted, reference)
    meetings = groups(ctx, counted, reference)
    trained = trainings(ctx, counted, reference)
    said = feedback(ctx, counted, reference)
    signed = signups(ctx, counted, reference)
    offered = activities(ctx, counted, reference, current_rule(ctx), compared=compared)
    told = outreach(ctx, counted)
    helped = volunteers(ctx, counted)
    base = {
        span.year: YearFigures(
            year=span.year,
            attendance=visits[span.year],
            services=support[span.year],
            groups=meetings[span.year],
            trainings=trained[span.year],
            feedback=said[span.year],
            signups=signed[span.year],
            activities=offered[span.year],
            goals=(),
            outreach=told[span.year],
            volunteers=helped[span.year],
            first=span.first,
            last=span.last,
        )
        for span in counted
    }
    return [replace(base[span.year], goals=evaluate(goals[span.year], base[span.year], base.get(span.year - 1),
                                                    reference))
            for span in spans]


@requires("statistics")
def year_stats(ctx: Ctx, year: int, *, until: dt.date | None = None,
               reference: Reference | None = None) -> YearFigures:
    """The figures of `seniorhalsan stats` for one unit and year (or the year up to `until`).

    Pass the `reference` when the caller needs its labels too, so that it is read once.
    """
    span = Span.of(year, until)
    return figures_of(ctx, [span], reference or load_reference(ctx))[0]


@dataclass(frozen=True)
class YearOverview:
    """What the statistics page shows: a period's figures beside the same days of the year
    before (None before 1900), the Swedish names of their keys, and the years to choose from."""

    figures: YearFigures
    previous: YearFigures | None
    labels: dict[str, dict[str, str]]
    years: tuple[int, ...]  # the years with data, newest first

    @property
    def year(self) -> int:
        return self.figures.year

    @property
    def first(self) -> dt.date:
        return self.figures.first

    @property
    def last(self) -> dt.date:
        return self.figures.last


@requires("statistics")
def year_overview(ctx: Ctx, year: int, *, until: dt.date | None = None) -> YearOverview:
    """What the statistics page shows for a year, or for the year up to `until`."""
    span = Span.of(year, until)
    spans = [span] if year - 1 < 1900 else [span, span.year_before()]
    reference = load_reference(ctx)
    computed = figures_of(ctx, spans, reference)
    return YearOverview(
        figures=computed[0],
        previous=computed[1] if len(computed) > 1 else None,
        labels=reference.labels,
        years=tuple(years_with_data(ctx)),
    )


@requires("statistics")
def years_with_data(ctx: Ctx) -> list[int]:
    """Years with sessions, contacts, group meetings, trainings, feedback or outreach, newest first."""
    found: set[int] = set()
    for model, column in (
        (ActivitySession, ActivitySession.held_on),
        (Contact, Contact.contact_date),
        (GroupMeeting, GroupMeeting.held_on),
        (Training, Training.held_on),
        (Feedback, Feedback.received_on),
        (Outreach, Outreach.held_on),
    ):
        year = extract("year", column)
        query = select(year).where(model.unit_id == ctx.unit_id).group_by(year)
        found.update(int(y) for y in ctx.session.scalars(query))
    return sorted(found, reverse=True)
