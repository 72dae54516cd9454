"""Tertials, terms and month arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from typing import Protocol

from .errors import UserError
from .vocabulary import TERM_KINDS

TERTIALS = ("T1", "T2", "T3")


def tertial_of(day: dt.date) -> str:
    return TERTIALS[(day.month - 1) // 4]


def tertial_range(year: int, tertial: int) -> tuple[dt.date, dt.date]:
    """First and last day of tertial 1, 2 or 3 of a year."""
    if tertial not in (1, 2, 3):
        raise UserError("Tertial: ange 1, 2 eller 3.")
    first_month = 4 * (tertial - 1) + 1
    last_month = first_month + 3
    return dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day (31 jan + 1 → 28/29 feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_TERM_CODE = re.compile(r"^\s*(vt|sommar|ht)\s*-?\s*(\d{4})\s*$", re.IGNORECASE)


def parse_term_code(code: str) -> tuple[str, int]:
    """'ht2026' → ('ht', 2026). Term codes are vt, sommar or ht followed by the year."""
    match = _TERM_CODE.match(code or "")
    if not match:
        raise UserError(
            f"Termin: '{code}' känns inte igen. Skriv vt, sommar eller ht följt av året, t.ex. ht2026."
        )
    return match.group(1).lower(), int(match.group(2))


def term_code(kind: str, year: int) -> str:
    return f"{kind}{year}"


def term_title(kind: str, year: int) -> str:
    return f"{TERM_KINDS[kind]} {year}"


class HasTermDates(Protocol):
    """A term's code and dates, read-only (a frozen TermInfo has them so)."""

    @property
    def kind(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def starts_on(self) -> dt.date: ...
    @property
    def ends_on(self) -> dt.date: ...


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.isoweekday()) % 7)


def suggest_term_dates(kind: str, year: int, terms: Iterable[HasTermDates] = ()) -> tuple[dt.date, dt.date]:
    """The usual first and last day of a term: last year's dates of the same term moved 52 weeks
    on (the same weekdays), or else spring from the Monday after 8 January to the Friday after
    1 June, summer 15 June – 14 August, autumn from the Monday after 20 August to the Friday
    after 8 December. The window suggests them for a new term; an import creates a term with them."""
    for t in terms:
        if t.kind == kind and t.year == year - 1:
            return t.starts_on + dt.timedelta(weeks=52), t.ends_on + dt.timedelta(weeks=52)
    if kind == "vt":
        return _weekday_on_or_after(dt.date(year, 1, 8), 1), _weekday_on_or_after(dt.date(year, 6, 1), 5)
    if kind == "sommar":
        return dt.date(year, 6, 15), dt.date(year, 8, 14)
    return _weekday_on_or_after(dt.date(year, 8, 20), 1), _weekday_on_or_after(dt.date(year, 12, 8), 5)
