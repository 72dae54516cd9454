"""The figures of the year and tertial reports, read in one transaction, and the feedback summary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.session import Ctx
from ..errors import UserError
from ..formatting import date_span
from ..periods import TERTIALS, tertial_range
from ..roles import requires
from ..services import lookups, texts
from ..stats import YearFigures, load_reference, period, year_stats
from ..stats.spans import same_day_year_before

TERTIAL_MONTHS = {1: "januari–april", 2: "maj–augusti", 3: "september–december"}


@dataclass(frozen=True)
class ReportFigures:
    """What the statistics service computed for a year (or the year up to a tertial's end),
    with what the report says around it."""

    unit_name: str
    district: str | None
    year: int
    tertial: int | None  # None: the whole year (the verksamhetsberättelse)
    first: dt.date
    last: dt.date
    made_on: dt.date
    stats: YearFigures
    labels: dict[str, dict[str, str]]
    services: tuple[lookups.ServiceInfo, ...]
    feedback_summary: str

    @property
    def title(self) -> str:
        return f"Tertialrapport {self.tertial} {self.year}" if self.tertial else f"Statistik {self.year}"

    @property
    def period_text(self) -> str:
        if self.tertial:
            return f"Året till och med tertial {self.tertial}: {date_span(self.first, self.last)}"
        return f"Helåret {self.year}: {date_span(self.first, self.last)}"

    @property
    def tertials(self) -> tuple[str, ...]:
        """The tertials the period covers (all three for the year report)."""
        return TERTIALS[: self.tertial or 3]

    @property
    def unfinished(self) -> bool:
        return self.made_on < self.last

    @property
    def year_label(self) -> str:
        """The period's column heading: its year."""
        return str(self.year)

    @property
    def before(self) -> str:
        """The comparison period's column heading: the year before."""
        return str(self.year - 1)

    @property
    def before_text(self) -> str:
        """The days the comparison covers, for a footnote: the same days a year earlier."""
        first, last = self.first.replace(year=self.year - 1), same_day_year_before(self.last)
        return date_span(first, last)


def summary_key(year: int, tertial: int | None = None) -> str:
    """Where the unit head's "Sammanfattning och planerade åtgärder" is stored."""
    return f"report.feedback_summary.{year}" + (f".t{tertial}" if tertial else "")


def _check(year: int, tertial: int | None) -> None:
    period(year)  # a Swedish refusal for an unreasonable year
    if tertial not in (None, 1, 2):
        raise UserError("Tertial: ange 1 eller 2 (tertial 3 redovisas i årets statistik).")


@requires("statistics")
def get_feedback_summary(ctx: Ctx, *, year: int, tertial: int | None = None) -> str:
    """The free text of the feedback table for a year (or for tertial 1 or 2)."""
    _check(year, tertial)
    return texts.get_text(ctx, summary_key(year, tertial))


@requires("feedback")
def set_feedback_summary(ctx: Ctx, *, year: int, body: str | None, tertial: int | None = None) -> str:
    """Save the free text of the feedback table; an empty text removes it."""
    _check(year, tertial)
    return texts.set_text(ctx, summary_key(year, tertial), body)


@requires("statistics")
def collect_year(ctx: Ctx, year: int, *, tertial: int | None = None) -> ReportFigures:
    """Everything the year report (or a tertial report) shows, computed once."""
    _check(year, tertial)
    until = tertial_range(year, tertial)[1] if tertial else None
    unit = lookups.unit(ctx)
    reference = load_reference(ctx)
    figures = year_stats(ctx, year, until=until, reference=reference)
    return ReportFigures(
        unit_name=unit.name,
        district=unit.district,
        year=year,
        tertial=tertial,
        first=figures.first,
        last=figures.last,
        made_on=ctx.today,
        stats=figures,
        labels=reference.labels,
        services=reference.services,
        feedback_summary=texts.get_text(ctx, summary_key(year, tertial)),
    )
