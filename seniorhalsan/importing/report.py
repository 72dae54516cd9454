"""What an import did, or why it was refused: every bad line with its column and reason."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..errors import UserError
from ..vocabulary import fold


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
    errors: list[LineError] = field(default_factory=list)

    def error(self, line: int, column: str, message: str) -> None:
        self.errors.append(LineError(line, column, message))

    def summary(self) -> str:
        text = (
            f"{self.rows} rader lästes: {self.created} nya, {self.updated} ändrade, "
            f"{self.unchanged} fanns redan."
        )
        if self.created_records:
            text += "\nSkapades också: " + ", ".join(self.created_records) + "."
        return text


class ImportRefused(UserError):
    """The file had bad lines; nothing was saved."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        lines = [f"Filen importerades inte: {len(report.errors)} fel. Inget sparades."]
        lines += [str(e) for e in report.errors[:200]]
        if len(report.errors) > 200:
            lines.append(f"… och {len(report.errors) - 200} fel till.")
        super().__init__("\n".join(lines))


def suggestions(name: str, known: list[str]) -> str:
    """ ' Menade du: A, B?' for a misspelt name, or an empty string."""
    folded = {fold(k): k for k in known}
    close = difflib.get_close_matches(fold(name), list(folded), n=3, cutoff=0.6)
    if not close:
        close = [key for key in folded if fold(name) and (fold(name) in key or key in fold(name))][:3]
    return f" Menade du: {', '.join(folded[c] for c in close)}?" if close else ""
