"""What the command line and the window call: gather through `Database.read`, build, write.

Each function reads in one transaction, builds the document from plain values (no
session is held while the PDF is laid out) and writes the file all at once, so the
window can run the same functions on a worker thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..db.session import Database
from .base import Built
from .figures import collect_year
from .folder import render_folder
from .folder_data import collect_folder
from .output import check_target, write_file
from .staff_report import collect_staff, render_staff
from .workbook import render_workbook
from .yearly import render_year


@dataclass(frozen=True)
class Written:
    """A document on disk, for the caller's message to the user."""

    path: Path
    pages: int
    missing: frozenset[str]
    title: str

    def warning(self) -> str:
        """A Swedish note about characters the fonts could not print, or ''."""
        if not self.missing:
            return ""
        shown = " ".join(sorted(self.missing))
        return (f"Obs: några tecken finns inte i typsnitten och har utelämnats eller skrivits som ? "
                f"på något ställe: {shown}")


def _write(path, built: Built, title: str) -> Written:
    return Written(write_file(path, built.data), built.pages, built.missing, title)


def write_folder(db: Database, term_code: str, path: str | os.PathLike, *, booklet: bool = False,
                 draft: bool = False) -> Written:
    """The term folder as a PDF: A4 pages, or an A5 booklet imposed on A4 sheets.

    Refused (FolderNotReady) until the unit has written its contact details, unless a draft
    with UTKAST on every page."""
    check_target(path, ".pdf")
    data = db.read(collect_folder, term_code)
    title = f"Utkast: {data.title}" if draft else data.title
    return _write(path, render_folder(data, booklet=booklet, draft=draft), title)


def write_year_report(db: Database, year: int, path: str | os.PathLike, *, tertial: int | None = None) -> Written:
    """The year's statistics (or tertial report 1 or 2) as a PDF."""
    check_target(path, ".pdf")
    figures = db.read(collect_year, year, tertial=tertial)
    return _write(path, render_year(figures), figures.title)


def write_year_workbook(db: Database, year: int, path: str | os.PathLike) -> Written:
    """The year's tables as an XLSX workbook, one sheet per table."""
    check_target(path, ".xlsx")
    figures = db.read(collect_year, year)
    return Written(write_file(path, render_workbook(figures)), 0, frozenset(), figures.title)


def write_staff_report(db: Database, year: int, path: str | os.PathLike, *, name: str | None = None) -> Written:
    """Each staff member's own figures for a year as a PDF: the named one's, the signed-in person's own,
    or (for the unit head, without a name) everyone's, one section each."""
    check_target(path, ".pdf")
    data = db.read(collect_staff, year, name=name)
    return _write(path, render_staff(data), data.title)
