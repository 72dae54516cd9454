"""The floor of a printed document: reportlab's plainest way to set the same text.

The program's story is walked for what it prints: every table (its cells' text, a cell
being one or more paragraphs, and column widths) and every paragraph (its text and
size). The floor sets the same text with `SimpleDocTemplate`: plain paragraphs and
tables of plain paragraphs (text in a table cell must wrap), in the same embedded font
at the same sizes, and pads with page breaks to the same number of pages. A row that
the program spans across the whole table (a heading over the rows below it) is set as
a cell of its own between the table's rows, as wide as the table. None of the
program's own work is in it: no data to read, no font fallback, no bands, spans,
kept-together blocks or repeated headers, no page templates and no "Sida N av M"
footer. Charts are left out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table
from reportlab.platypus.flowables import Flowable

from seniorhalsan.reports import fonts


@dataclass(frozen=True)
class Text:
    text: str
    size: float


Cell = tuple[Text, ...]  # a cell's paragraphs


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    full_rows: frozenset[int] = frozenset()  # rows spanned across the whole table


def _text(cell) -> Text:
    if isinstance(cell, Paragraph):
        return Text(cell.getPlainText(), cell.style.fontSize)
    return Text("" if cell is None else str(cell), 10)


def _cell(cell) -> Cell:
    """A cell's paragraphs: a cell may hold a list of flowables (a heading and its text)."""
    if isinstance(cell, (list, tuple)):
        return tuple(_text(f) for f in cell if isinstance(f, Paragraph))
    return (_text(cell),)


def _full_rows(table: Table) -> frozenset[int]:
    """The rows a SPAN command joins from the first column to the last."""
    columns = len(table._argW)
    out = set()
    for _name, (c0, r0), (c1, r1) in getattr(table, "_spanCmds", []):
        rows = len(table._cellvalues)
        if c0 == 0 and c1 in (-1, columns - 1):
            out.update(range(r0 % rows, r1 % rows + 1))
    return frozenset(out)


def contents(story: list[Flowable]) -> list[Text | Grid]:
    """What a story prints, in order: paragraphs and tables, also inside KeepTogether and the like."""
    out: list[Text | Grid] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Table):
                rows = tuple(tuple(_cell(c) for c in row) for row in item._cellvalues)
                out.append(Grid(rows, tuple(item._argW), _full_rows(item)))
            elif isinstance(item, Paragraph):
                out.append(_text(item))
            else:
                inner = getattr(item, "_content", None) or getattr(item, "_flowables", None)
                if isinstance(inner, (list, tuple)):
                    walk(inner)

    walk(story)
    return out


def shape(items: list[Text | Grid]) -> tuple[int, int]:
    """(tables, table rows) of a story's contents."""
    grids = [i for i in items if isinstance(i, Grid)]
    return len(grids), sum(len(g.rows) for g in grids)


def plain_document(items: list[Text | Grid], extra_pages: int = 0, pagesize=A4, passes: int = 1) -> tuple[bytes, int]:
    """The same text as a plain PDF, with `extra_pages` blank-ish pages after it; bytes and page count.

    `passes`: how many times the text is set. A table of contents with page numbers takes two,
    as in reportlab's own `multiBuild`: the numbers are known once the text has been set.
    """
    for _ in range(passes - 1):
        _plain_document(items, extra_pages, pagesize)
    return _plain_document(items, extra_pages, pagesize)


def _plain_document(items: list[Text | Grid], extra_pages: int, pagesize) -> tuple[bytes, int]:
    fonts.register()
    styles: dict[float, ParagraphStyle] = {}

    def para(t: Text) -> Paragraph:
        if t.size not in styles:
            styles[t.size] = ParagraphStyle(f"p{t.size}", fontName=fonts.REGULAR, fontSize=t.size,
                                            leading=t.size * 1.2)
        return Paragraph(escape(t.text), styles[t.size])

    def cell(texts: Cell) -> Paragraph | list[Paragraph]:
        return para(texts[0]) if len(texts) == 1 else [para(t) for t in texts]

    story: list[Flowable] = []
    for item in items:
        if not isinstance(item, Grid):
            story.append(para(item))
            continue
        rows: list[list] = []
        for i, row in enumerate(item.rows):
            if i not in item.full_rows:
                rows.append([cell(c) for c in row])
                continue
            if rows:
                story.append(Table(rows, colWidths=list(item.widths)))
                rows = []
            story.append(Table([[[para(t) for c in row for t in c]]], colWidths=[sum(item.widths)]))
        if rows:
            story.append(Table(rows, colWidths=list(item.widths)))
    for _ in range(extra_pages):
        story += [PageBreak(), para(Text(".", 10))]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=pagesize, initialFontName=fonts.REGULAR)
    doc.build(story)
    return buffer.getvalue(), doc.page


def padding(items: list[Text | Grid], pages: int, pagesize=A4) -> int:
    """How many pages the floor must add to reach the program's page count."""
    return max(0, pages - plain_document(items, 0, pagesize)[1])
