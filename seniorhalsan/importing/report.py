"""What an import did, or why it was refused: every bad line with its column and reason,
up to a limit, so that a file of nothing but errors is refused quickly."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import RowsRefused, UserError, ValidationError
from ..formatting import number
from ..vocabulary import fold

if TYPE_CHECKING:
    from .reader import Row, Table

MAX_ERRORS = 1000  # an import stops checking after this many bad lines
SHOWN_ERRORS = 200  # of which the message lists this many


@dataclass(frozen=True)
class LineError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Rad {self.line}, kolumn {self.column}: {self.message}"


@dataclass
class ImportReport:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    created_records: list[str] = field(default_factory=list)
    untyped: list[str] = field(default_factory=list)  # activities created without a type
    errors: list[LineError] = field(default_factory=list)
    unchecked: int = 0  # lines not read once the import stopped at MAX_ERRORS

    def error(self, line: int, column: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(LineError(line, column, message))

    def refused(self, line: int, exc: UserError, columns: Mapping[str, str], *, other: str,
                unknown: str | None = None) -> None:
        """A line the rules refused, under the file's own column names (`columns`: field key →
        column); a field without a column goes under `unknown` (else its label), a refusal of the
        whole line under `other`."""
        if isinstance(exc, ValidationError):
            for error in exc.errors:
                self.error(line, columns.get(error.field, unknown or error.label.lower()), error.message)
        else:
            self.error(line, other, str(exc))

    def saved(self, result: Any) -> None:
        """Count what an operation saved (its `created`, `updated` and `unchanged`)."""
        self.created += result.created
        self.updated += result.updated
        self.unchanged += result.unchanged

    @property
    def full(self) -> bool:
        """True once MAX_ERRORS bad lines are found: the import stops reading."""
        return len(self.errors) >= MAX_ERRORS

    def summary(self) -> str:
        text = (
            f"{number(self.rows)} rader lästes: {number(self.created)} nya, {number(self.updated)} ändrade, "
            f"{number(self.unchanged)} fanns redan."
        )
        if self.created_records:
            text += "\nSkapades också: " + ", ".join(self.created_records) + "."
        if self.untyped:
            n = len(self.untyped)
            which = "aktivitet behöver" if n == 1 else "aktiviteter behöver"
            text += (f"\n{number(n)} {which} en typ (filen angav ingen): {', '.join(self.untyped)}. "
                     "Till dess räknas deras besök under \"Typ ej angiven\"; välj typen under Aktiviteter och schema.")
        return text


def checked_rows(table: Table, report: ImportReport) -> Iterator[Row]:
    """The file's rows, each counted in the report, until it has MAX_ERRORS bad lines: then the
    rest is counted, not read (`report.unchecked`), and the import ends quickly."""
    last_line = 1
    for row in table:
        if report.full:
            report.unchecked = table.lines_after(last_line)
            return
        report.rows += 1
        last_line = row.line
        yield row


Item = TypeVar("Item")
Saved = TypeVar("Saved")


def save_chunk(report: ImportReport, pending: Sequence[tuple[int, Item]], *,
               save: Callable[[tuple[Item, ...]], Saved], check: Callable[[tuple[Item, ...]], object],
               refused: Callable[[int, UserError], None]) -> Saved | None:
    """A chunk of a file's lines (line number and what it says) saved all at once through the
    window's operation (`save`); once a line has been refused, later chunks are only checked
    (`check`), for the report. Each refused line goes to `refused(line, error)`. None when
    nothing was saved."""
    if not pending:
        return None
    items = tuple(item for _line, item in pending)
    try:
        if report.errors:
            check(items)
            return None
        return save(items)
    except RowsRefused as exc:
        for index, error in sorted(exc.failures.items()):
            refused(pending[index][0], error)
        return None


class ImportRefused(UserError):
    """The file had bad lines; nothing was saved."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        found = len(report.errors)
        counted = f"minst {number(found)}" if report.full else number(found)
        lines = [f"Filen importerades inte: {counted} fel. Inget sparades."]
        lines += [str(e) for e in report.errors[:SHOWN_ERRORS]]
        if found > SHOWN_ERRORS:
            lines.append(f"… och {number(found - SHOWN_ERRORS)} fel till.")
        if report.full:
            lines.append(f"Kontrollen stoppades efter {number(MAX_ERRORS)} fel: "
                         f"{number(report.unchecked)} rader till lästes inte. Rätta felen och importera igen.")
        super().__init__("\n".join(lines))


def suggestions(name: str, known: list[str]) -> str:
    """ ' Menade du: A, B?' for a misspelt name, or an empty string."""
    folded = {fold(k): k for k in known}
    close = difflib.get_close_matches(fold(name), list(folded), n=3, cutoff=0.6)
    if not close:
        close = [key for key in folded if fold(name) and (fold(name) in key or key in fold(name))][:3]
    return f" Menade du: {', '.join(folded[c] for c in close)}?" if close else ""
