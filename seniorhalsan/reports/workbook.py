"""The year report's tables as an XLSX workbook for the controller: one sheet per table.

Numbers are stored as numbers and shares as fractions with a percent format, so that
the controller can add and compare them; the layout follows the PDF's tables.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..formatting import UNRECORDED
from .figures import ReportFigures
from .output import FORMULA_START
from .tables import Change, Share, TableSpec, Unrecorded, year_tables

HEADER_ROW = 4  # rows 1–2: title and period
HEADER_FILL = PatternFill("solid", fgColor="0B3D6B")
HEADER_FONT = Font(bold=True, color="FFFFFF")
SHARE_FORMAT = "0 %"
CHANGE_FORMAT = '+0 %;"\u2212"0 %;0 %'  # a real minus sign, as in the PDF
NUMBER_FORMAT = "#,##0"  # Excel shows the reader's own thousands separator
AVERAGE_FORMAT = "#,##0.0"
_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def sheet_name(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\, unique."""
    base = name.translate(_FORBIDDEN).strip("'")[:31] or "Blad"
    candidate, n = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


def _clean(text: str) -> str:
    """Drop control characters, which openpyxl refuses in a cell."""
    return "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32)


def _write_value(cell, value) -> None:
    if isinstance(value, Share):
        cell.value = value.value
        cell.number_format = SHARE_FORMAT
    elif isinstance(value, Change):
        cell.value = value.value
        cell.number_format = CHANGE_FORMAT
    elif isinstance(value, Unrecorded):
        cell.value = UNRECORDED  # text, not 0: a sum over the column leaves it out
        cell.alignment = Alignment(horizontal="right")
    elif isinstance(value, int):
        cell.value = value
        cell.number_format = NUMBER_FORMAT
    elif isinstance(value, float):  # an average
        cell.value = value
        cell.number_format = AVERAGE_FORMAT
    elif value is not None:
        cell.value = _clean(str(value))


def _sheet(book: Workbook, spec: TableSpec, figures: ReportFigures, taken: set[str]) -> None:
    ws = book.create_sheet(sheet_name(spec.sheet, taken))
    ws["A1"] = _clean(spec.title)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = _clean(f"{figures.unit_name}. {figures.period_text}.")
    for col, title in enumerate(spec.columns, start=1):
        cell = ws.cell(HEADER_ROW, col, _clean(title))
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(spec.rows, start=HEADER_ROW + 1):
        for c, value in enumerate(row.cells, start=1):
            cell = ws.cell(r, c)
            if c == 1 and row.note:
                value = f"{value} ({row.note})"
            _write_value(cell, value)
            if c == 1 and row.indent:
                cell.alignment = Alignment(indent=1)
        if row.group:
            ws.cell(r, 1).font = Font(bold=True)
    last = HEADER_ROW + len(spec.rows)
    if "sections" in spec.extra:
        for first, end in spec.extra["sections"]:
            ws.cell(HEADER_ROW + 1 + first, 1).font = Font(bold=True)
            ws.cell(HEADER_ROW + 1 + first, 1).alignment = Alignment(wrap_text=True, vertical="top")
            if end > first:
                ws.merge_cells(start_row=HEADER_ROW + 1 + first, start_column=1, end_row=HEADER_ROW + 1 + end,
                               end_column=1)
    if "summary" in spec.extra and spec.rows:
        column = len(spec.columns)
        top = ws.cell(HEADER_ROW + 1, column, _clean(spec.extra["summary"]) or None)
        top.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=HEADER_ROW + 1, start_column=column, end_row=last, end_column=column)
    if spec.note:
        ws.cell(last + 2, 1, _clean(spec.note)).font = Font(italic=True)
    total = sum(spec.widths)
    for col, weight in enumerate(spec.widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(9.0, 100 * weight / total)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)


def _as_text(ws) -> None:
    """Every text cell stays text: a place or summary typed as "=HYPERLINK(…)" is shown, never run.
    (openpyxl reads a string that starts with "=" as a formula; the workbook holds no formulas.)"""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and (cell.data_type == "f" or cell.value.startswith(FORMULA_START)):
                cell.data_type = "s"
                cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


def render_workbook(figures: ReportFigures) -> bytes:
    """The workbook as bytes: the same tables as the PDF, one sheet each."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for spec in year_tables(figures):
        _sheet(book, spec, figures, taken)
    for ws in book.worksheets:
        _as_text(ws)
    book.properties.title = figures.title
    book.properties.creator = "Seniorhälsan"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
