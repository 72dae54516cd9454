"""The year report's (and a tertial report's) section of goals, laid out as the district reports its
indicators: one row per goal, the targets for women and men under it, and the unit head's analysis
under that, across the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from .goal_tables import columns, goal_lines, note

if TYPE_CHECKING:
    from .yearly import YearReport

SIZE = 9
WIDTHS = (5.2, 1.9, 1.9, 1.9, 1.9, 1.9, 3.3)


def goal_section(report: YearReport) -> list[Flowable]:
    """Nothing when the year has no goals: a unit that sets none gets no empty table."""
    f = report.f
    lines = goal_lines(f)
    if not lines:
        return []
    styles = report.sized(SIZE)
    indent = styles["cell"].clone("goal_part", leftIndent=SIZE)
    text = styles["cell"].clone("goal_analysis", leftIndent=SIZE * 0.5)
    rows: list[list] = [list(columns(f))]
    bands: list[int] = []
    spans: list[tuple] = []
    for band, line in enumerate(lines):
        rows.append([Paragraph(report.glyphs.markup(line.label), styles["cell_bold"]), *line.cells])
        bands.append(band)
        for label, cells in line.parts:
            rows.append([Paragraph(report.glyphs.markup(label), indent), *cells])
            bands.append(band)
        # one row per paragraph: a row is never split, and many short rows lay out better than one tall one
        blocks = [b.strip() for b in line.analysis.split("\n\n") if b.strip()]
        for index, block in enumerate(blocks):
            lead = "<b>Analys:</b> " if index == 0 else ""
            rows.append([Paragraph(lead + report.glyphs.markup(block).replace("\n", "<br/>"), text)]
                        + [None] * (len(WIDTHS) - 1))
            spans.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
            bands.append(band)
    total = sum(WIDTHS)
    widths = [report.frame_width * w / total for w in WIDTHS]
    # a page break comes between two goals, never between a goal and its analysis (an analysis is at
    # most 4 000 characters: a goal always fits on a page)
    together = [("NOSPLIT", (0, 1 + bands.index(band)), (-1, len(bands) - bands[::-1].index(band)))
                for band in range(len(lines))]
    # room between the year's target, set to the right, and the status after it
    status_gap = [("LEFTPADDING", (len(WIDTHS) - 1, 0), (len(WIDTHS) - 1, -1), SIZE * 1.4)]
    table = report.table(rows, widths, numeric=list(range(1, len(WIDTHS) - 1)), bands=bands,
                         extra=spans + together + status_gap, size=SIZE)
    intro = ("Enhetens mål för året, som stadsdelen redovisar sina indikatorer: utfallet för perioden, för "
             "kvinnor och män där siffran räknas så, samma dagar året före och årets mål.")
    # the heading goes with the table's first goal, which may be a third of a page with its analysis
    return [CondPageBreak(100 * mm), report.p("Mål och utfall", "h1"), report.p(intro, "body"), table,
            Spacer(1, 1.5 * mm),
            report.p(note(f), "note")]
