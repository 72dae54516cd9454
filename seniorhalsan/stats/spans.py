"""The periods the statistics cover: a year, or a year up to a day of it, and their SQL filters.

Every span starts on 1 January and several spans lie in different years, so one grouped
query answers for a period and the same period of the year before at once, its rows
grouped by the span's year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, literal, or_
from sqlalchemy.sql.elements import ColumnElement

from ..errors import UserError


def period(year: int, until: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """1 January up to 31 December, or up to `until`; a Swedish refusal for an unreasonable year."""
    if not 1900 <= year <= 2999:
        raise UserError(f"År: {year} är inget rimligt år.")
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if until is not None:
        if until.year != year:
            raise UserError(f"Till och med: {until.isoformat()} ligger inte i {year}.")
        last = until
    return first, last


def same_day_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class Span:
    """1 January of `last`'s year up to `last`."""

    last: dt.date

    @classmethod
    def of(cls, year: int, until: dt.date | None = None) -> Span:
        return cls(period(year, until)[1])

    @property
    def year(self) -> int:
        return self.last.year

    @property
    def first(self) -> dt.date:
        return dt.date(self.last.year, 1, 1)

    def year_before(self) -> Span:
        """The same days a year earlier, to compare like with like."""
        return Span(same_day_year_before(self.last))


def span_year(column: Any, spans: Sequence[Span]) -> ColumnElement[Any]:
    """The year of the span a date in `within(column, spans)` lies in; a constant for one span.

    Comparing the date with the spans' first days costs less than taking its year apart
    (SQLite keeps a date as text), which counts when the rows are many.
    """
    if len(spans) == 1:
        return literal(spans[0].year)
    latest_first = sorted(spans, key=lambda s: s.first, reverse=True)
    return case(*((column >= span.first, literal(span.year)) for span in latest_first))


def span_group(column: Any, spans: Sequence[Span]) -> list[ColumnElement[Any]]:
    """What to select and group by first so that the rows of different spans stay apart:
    nothing when there is one span."""
    return [] if len(spans) == 1 else [span_year(column, spans)]


def row_year(key: Sequence[Any], spans: Sequence[Span]) -> int:
    """The span's year of a row whose first columns were `span_group(...)`."""
    return int(key[0]) if key else spans[0].year


def within(column: Any, spans: Iterable[Span]) -> ColumnElement[bool]:
    """`column` lies in one of the spans.

    The outer bounds come first, as one range an index on the date can walk; the days
    between two spans that do not meet (May to December of the year before a tertial)
    are left out by a filter on that range.
    """
    ranges = _ranges(spans)
    bounds = and_(column >= ranges[0][0], column <= ranges[-1][1])
    if len(ranges) == 1:
        return bounds
    return and_(bounds, or_(*(and_(column >= first, column <= last) for first, last in ranges)))


def _ranges(spans: Iterable[Span]) -> list[tuple[dt.date, dt.date]]:
    """The spans as date ranges in order, those that meet joined into one."""
    out: list[tuple[dt.date, dt.date]] = []
    for span in sorted(spans, key=lambda s: s.first):
        if out and span.first <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], span.last))
        else:
            out.append((span.first, span.last))
    if not out:
        raise ValueError("no span to filter on")
    return out


def by_year(spans: Sequence[Span]) -> dict[int, Span]:
    """The spans by their year; two spans in one year could not be told apart by a date."""
    found = {span.year: span for span in spans}
    if len(found) != len(spans):
        raise ValueError("spans must lie in different years")
    return found
