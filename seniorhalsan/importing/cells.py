"""A row's cells read as every import reads them: dates, times and counts, each refusal
reported with the row's line and column."""

from __future__ import annotations

import datetime as dt

from ..services.checks import Checker
from .reader import Row, parse_date
from .report import ImportReport


def date_cell(report: ImportReport, row: Row, column: str, *, today: dt.date, required: bool = True) -> dt.date | None:
    """A date between 1900 and next year, written as the README lists; text after it is refused."""
    text = row.text(column)
    if not text:
        if required:
            report.error(row.line, column, f"{column} saknas.")
        return None
    day = parse_date(row.get(column))
    if day is None:
        report.error(row.line, column, f"'{text}' är inget datum (skriv ÅÅÅÅ-MM-DD).")
        return None
    if not 1900 <= day.year <= today.year + 1:
        report.error(row.line, column, f"{day.isoformat()} ligger utanför åren 1900–{today.year + 1}.")
        return None
    return day


def time_cell(report: ImportReport, row: Row, column: str) -> dt.time | None:
    """A time of day (10:00, 10.00, 10) or nothing."""
    text = row.text(column)
    if not text:
        return None
    value = row.get(column)
    check = Checker()
    parsed = check.time(column, value if isinstance(value, dt.time) else text)
    for error in check.errors:
        report.error(row.line, column, error.message)
    return parsed


def count_cells(report: ImportReport, row: Row, columns: dict[str, str]) -> dict[str, int | None] | None:
    """The counts of `columns` (field key → column) as numbers, or None when any is wrong."""
    values: dict[str, int | None] = {}
    check = None
    for key, column in columns.items():
        value = row.values.get(column)
        if type(value) is str and value.isdigit() and value.isascii() and len(value) <= 4:
            values[key] = int(value)  # the usual cell, well under Checker's highest count: no checker needed
            continue
        check = check or Checker()
        values[key] = check.count(key, value)
    if check is None or not check.errors:
        return values
    for error in check.errors:
        report.error(row.line, columns[error.field], error.message)
    return None
