"""The year's statistics for the verksamhetsberättelse, and the tertial reports T1 and T2.

Every number comes from the statistics service through `tables.py`; this module only
lays the tables and charts out and writes the numbers the Swedish way (28 000, 65 %).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from ..formatting import UNRECORDED, change, date_long, number, share
from ..stats import template as city
from ..stats.activities import average_text
from . import charts
from .activity_tables import chart_data as activity_chart
from .base import RULE, Built, Report
from .figures import ReportFigures
from .goal_section import goal_section
from .tables import Change, Share, TableSpec, Unrecorded, month_name, year_tables

WIDE_MARGIN = 12 * mm  # the city's wide template needs the room
TEMPLATE_SIZE = 9
SHORT_TABLE = 12


def see_page(page: int | None) -> str:
    """What the template's summary cell says when the summary is too long for it."""
    return f"Sammanfattningen är för lång för rutan: den står på sida {page}." if page else \
        "Sammanfattningen är för lång för rutan: den står efter tabellen."


class PageMark(Flowable):
    """Takes no room; remembers the page it was drawn on (for a reference to that page)."""

    def __init__(self) -> None:
        super().__init__()
        self.page: int | None = None

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


def cell_text(value) -> str:
    """A table value as the reader sees it: '28 000', '65 %', '+37 %', '–' (not recorded), or blank."""
    if value is None:
        return ""
    if isinstance(value, Unrecorded):
        return UNRECORDED
    if isinstance(value, Share):
        return share(value.part, value.whole)
    if isinstance(value, Change):
        return change(value.now, value.before)
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):  # an average
        return average_text(value)
    return str(value)


class YearReport(Report):
    """The statistics of a year, or of the year up to the end of tertial 1 or 2."""

    pagesize = A4
    margin = 18 * mm
    base_size = 10
    cover_has_footer = True

    def __init__(self, figures: ReportFigures) -> None:
        self.f = figures
        self.title = f"{figures.title} – {figures.unit_name}"
        self.author = figures.unit_name
        self.specs = {spec.sheet: spec for spec in year_tables(figures)}
        self.summary_page: int | None = None  # where a summary too long for its cell stands
        self.summary_mark: PageMark | None = None
        super().__init__()

    def build(self) -> Built:
        built = super().build()
        mark = self.summary_mark
        if mark is not None and mark.page != self.summary_page:
            # the cell names the page the summary landed on, known once the pages are laid out
            self.summary_page = mark.page
            built = super().build()
        return built

    def footer_text(self) -> str:
        return f"{self.f.title} · {self.f.unit_name}"

    def page_templates(self) -> list[PageTemplate]:
        wide = landscape(A4)
        return [*super().page_templates(),
                PageTemplate(id="landscape", frames=[self._frame("landscape", wide, WIDE_MARGIN)], pagesize=wide,
                             onPage=lambda canvas, doc: self._on_page(canvas, doc, WIDE_MARGIN))]

    # --- the story -------------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        f = self.f
        out: list[Flowable] = [NextPageTemplate("body"), *self.title_block()]
        out += self.spec_block(self.specs["Året i siffror" if not f.tertial else "Perioden i siffror"], level="h2")
        out += self.spec_block(self.specs["Per tertial"], level="h3")
        out += goal_section(self)
        out += self.attendance()
        out += self.support()
        out += self.spec_block(self.specs["Gruppträffar"], level="h3",
                               lead=[CondPageBreak(60 * mm), self.p("Grupper och utbildningar", "h1")])
        out += self.spec_block(self.specs["Utbildningar"], level="h3")
        if f.stats.signups.total.occasions:  # a unit that takes no sign-ups gets no table of zeros
            out += self.spec_block(self.specs["Anmälan"], level="h1")
        out += self.reaching_out()
        out += [NextPageTemplate("landscape"), PageBreak(), *self.feedback()]
        return out

    def title_block(self) -> list[Flowable]:
        f = self.f
        kind = ("Tertialrapport: årets siffror hittills" if f.tertial
                else "Underlag till verksamhetsberättelsen")
        out = [self.p(f.title, "title"), self.p(kind, "lead"), self.p(f.unit_name, "body")]
        if f.district:
            out.append(self.p(f.district, "body"))
        out += [self.p(f.period_text, "body"), self.p(f"Framtagen {date_long(f.made_on)}.", "body")]
        if f.unfinished:
            out.append(self.p("Perioden är inte slut ännu: siffrorna gäller till och med i dag och kan ändras.",
                              "note"))
        return out

    def attendance(self) -> list[Flowable]:
        f = self.f
        # the section's heading names the first table too, and stays with it
        out = self.spec_block(self.specs["Besök"], level=None, lead=[self.p("Besök på aktiviteter", "h1")])
        months = f.stats.attendance.months
        series = [("Kvinnor", [m.women for m in months]), ("Män", [m.men for m in months]),
                  ("Annat, okänt eller utan uppdelning", [m.visits - m.women - m.men for m in months])]
        out += self.chart([month_name(m.month)[:3] for m in months], series, "Besök per månad", 66 * mm,
                          value_title="Antal besök", category_title="Månad")
        out += self.spec_block(self.specs["Månader"], level="h3")
        out += self.spec_block(self.specs["Aktivitetstyper"], level="h3")
        out += self.activities()
        places = [p for p in f.stats.attendance.places if p.visits]
        out += self.chart([p.name for p in places], [("Besök", [p.visits for p in places])],
                          "Besök per mötesplats", max(45 * mm, (len(places) * 4.6 + 28) * mm),
                          horizontal=True, value_title="Antal besök")
        out += self.spec_block(self.specs["Mötesplatser"], level="h3")
        return out

    def activities(self) -> list[Flowable]:
        """Sessions per kind, and each activity: a chart of the most visited and a table of them all."""
        out = self.spec_block(self.specs["Tillfällen per typ"], level="h3")
        names, series, others = activity_chart(self.f)
        title = f"De {len(names)} aktiviteterna med flest besök" if others else "Besök per aktivitet"
        out += self.chart(names, series, title, max(45 * mm, (len(names) * 4.6 + 34) * mm),
                          horizontal=True, value_title="Antal besök")
        if others:
            out.append(self.p(others, "note"))
        return out + self.spec_block(self.specs["Per aktivitet"], level="h3", small=True)

    def support(self) -> list[Flowable]:
        f = self.f
        out = self.spec_block(self.specs["Stöd och service"], level=None, small=True,
                              lead=[CondPageBreak(90 * mm), self.p("Stöd och service", "h1")])
        entries = [f.stats.services[s.key] for s in f.services]
        series = [("Nya personer", [e.new_persons for e in entries]),
                  ("Återkommande personer", [e.persons - e.new_persons for e in entries])]
        out += self.chart([s.name for s in f.services], series, "Nya och återkommande personer per insats",
                          62 * mm, horizontal=True, value_title="Antal personer")
        for svc in f.services:
            out += self.spec_block(self.specs[svc.name[:31]], level="h2")
        return out

    def reaching_out(self) -> list[Flowable]:
        """How the unit reached new people: outreach, the routes of its new persons, its volunteers."""
        out = self.spec_block(self.specs["Utåtriktat arbete"], level="h3",
                              lead=[CondPageBreak(70 * mm), self.p("Att nå fler: utåtriktat arbete, vägar in och "
                                                                   "volontärer", "h1")])
        # the routes' table and its note go together: a new page when they do not fit under the outreach
        out += self.spec_block(self.specs["Vägar in"], level="h3", small=True, lead=[CondPageBreak(125 * mm)])
        return out + self.spec_block(self.specs["Volontärer"], level="h3")

    def chart(self, categories, series, title: str, height: float, *, horizontal: bool = False,
              value_title: str = "", category_title: str = "") -> list[Flowable]:
        if not charts.has_values(series):
            return [self.p(title, "h3"), self.p("Inga siffror att visa för perioden.", "note")]
        drawing = charts.stacked_bars(categories, series, width=self.frame_width, height=height, title=title,
                                      horizontal=horizontal, clean=self.glyphs.plain, value_title=value_title,
                                      category_title=category_title)
        return [CondPageBreak(height + 6 * mm), Spacer(1, 3 * mm), drawing, Spacer(1, 2 * mm)]

    # --- tables ------------------------------------------------------------------------------
    def spec_block(self, spec: TableSpec, *, level: str | None = "h3", small: bool = False,
                   lead: list[Flowable] | None = None) -> list[Flowable]:
        out: list[Flowable] = list(lead or [])
        if level:
            heading = self.p(spec.title, level)
            heading.keepWithNext = False  # the page break keeps the heading with the table's first rows
            out += [CondPageBreak(40 * mm), heading]
        block: list[Flowable] = [self.spec_table(spec, self.frame_width, size=9 if small else None)]
        if spec.note:
            block += [Spacer(1, 1.5 * mm), self.p(spec.note, "note")]
        else:
            block.append(Spacer(1, 3 * mm))
        if len(spec.rows) <= SHORT_TABLE:
            # a short table is not worth splitting; the page breaks stay outside, where they are measured
            breaks = [f for f in out if isinstance(f, CondPageBreak)]
            return [*breaks, KeepTogether([f for f in out if not isinstance(f, CondPageBreak)] + block)]
        return out + block

    def spec_table(self, spec: TableSpec, width: float, *, extra=(), summary_cell=None, size=None, padding=0.35):
        total = sum(spec.widths)
        widths = [width * w / total for w in spec.widths]
        rows: list[list] = [list(r) for r in spec.extra.get("header", (spec.columns,))]
        header_rows = len(rows)
        commands = list(extra)
        styles = self.sized(size) if size else self.styles
        styles.setdefault("cell_indent", styles["cell"].clone("cell_indent", leftIndent=styles["cell"].fontSize))
        styles.setdefault("cell_head_centre", styles["cell_head"].clone("cell_head_centre", alignment=TA_CENTER))
        for first, last in spec.extra.get("header_spans", ()):
            # a group's heading stands over all of its columns, centred, with a rule under it
            rows[0][first] = Paragraph(self.glyphs.markup(rows[0][first]), styles["cell_head_centre"])
            commands.append(("SPAN", (first, 0), (last, 0)))
            commands.append(("LINEBELOW", (first, 0), (last, 0), 0.6, colors.white))
            commands.append(("LINEAFTER", (last, 0), (last, header_rows - 1), 0.6, colors.white))
        for index, row in enumerate(spec.rows, start=header_rows):
            if row.group:
                rows.append([Paragraph(self.label(row.cells[0], row.note), styles["cell_bold"])]
                            + [None] * (len(spec.columns) - 1))
                commands.append(("SPAN", (0, index), (-1, index)))
                continue
            texts, values = row.cells[: spec.numeric_from], row.cells[spec.numeric_from:]
            cells: list = []
            for i, text in enumerate(texts):
                style = "cell_indent" if row.indent and i == 0 else "cell"
                if spec.numeric_from > 1 and i == 0:
                    style = "cell_bold"  # the template's section names
                note = row.note if i == 0 else ""
                cells.append(Paragraph(self.label(text, note), styles[style]) if text else None)
            cells += [cell_text(v) for v in values]
            cells += [None] * (len(spec.columns) - len(cells))
            rows.append(cells)
        if summary_cell is not None:
            rows[header_rows][-1] = summary_cell
        numeric = range(spec.numeric_from, len(spec.columns) - (1 if "summary" in spec.extra else 0))
        bands = [0] * (len(rows) - header_rows) if "summary" in spec.extra else None  # the template is plain
        return self.table(rows, widths, header_rows=header_rows, bands=bands, numeric=list(numeric), extra=commands,
                          size=size, padding=padding)

    def label(self, text: str, note: str = "") -> str:
        """A row's label with its note after it, in italics: "Nya besökare (ej registrerat)"."""
        out = self.glyphs.markup(text)
        return out + f" <i>({self.glyphs.markup(note)})</i>" if note else out

    def feedback(self) -> list[Flowable]:
        """The city's template on a landscape page; the summary column spans the rows when it fits."""
        spec = self.specs["Synpunkter och klagomål"]
        wide_w = landscape(A4)[0] - 2 * WIDE_MARGIN
        # what is left of the landscape frame under the heading and the introduction
        wide_h = landscape(A4)[1] - 2 * WIDE_MARGIN - self.footer_height - self.base_size * 5
        styles = self.sized(TEMPLATE_SIZE)
        n = len(spec.rows)
        sections = [("SPAN", (0, a + 1), (0, b + 1)) for a, b in spec.extra["sections"] if b > a]
        sections.append(("LINEAFTER", (0, 1), (-2, -1), 0.4, RULE))  # the template is a grid
        sections += [("LINEBELOW", (0, b + 1), (-1, b + 1), 1.2, styles["cell"].textColor)
                     for _, b in spec.extra["sections"]]
        summary = spec.extra["summary"].strip()
        if not self.f.tertial:
            intro = "Stadens mall. VB är årets sista tertial (september–december); totalt är hela året."
        else:
            intro = f"Stadens mall, ifylld till och med tertial {self.f.tertial}; senare tertial är tomma."
        out: list[Flowable] = [self.p(spec.title, "h1"), self.p(f"{intro} {city.DEVIATIONS_NOTE}", "body")]
        pointer = Paragraph(self.glyphs.markup(see_page(self.summary_page)), styles["cell"])
        plain = self.spec_table(spec, wide_w, extra=sections, size=TEMPLATE_SIZE, padding=0.28)
        _, table_height = plain.wrap(wide_w, 10_000)
        if table_height > wide_h:
            # too long for one page: no spans, so that the table may run on to the next page
            out.append(self.spec_table(spec, wide_w, size=TEMPLATE_SIZE, padding=0.28,
                                       summary_cell=pointer if summary else None))
            return out + self.summary_below(summary)
        column = wide_w * spec.widths[-1] / sum(spec.widths) - TEMPLATE_SIZE * 0.7
        text = "<br/><br/>".join(self.glyphs.markup(b.strip()) for b in summary.split("\n\n") if b.strip())
        cell = Paragraph(text, styles["cell"])
        fits = cell.wrap(column, 10_000)[1] <= table_height - plain._rowHeights[0]
        if not fits:
            cell = pointer
        # nothing written leaves the cell empty, as on the city's form: no words of the program's own
        out.append(self.spec_table(spec, wide_w, extra=[*sections, ("SPAN", (6, 1), (6, n))],
                                   summary_cell=cell if summary else None, size=TEMPLATE_SIZE, padding=0.28))
        return out + (self.summary_below(summary) if summary and not fits else [])

    def summary_below(self, summary: str) -> list[Flowable]:
        if not summary:
            return []
        self.summary_mark = PageMark()
        paragraphs = self.paragraphs(summary)
        # the mark, the heading and the first paragraph stay on one page: the cell names that page
        lead = KeepTogether([self.summary_mark, self.p("Sammanfattning och planerade åtgärder", "h3"), paragraphs[0]])
        return [lead, *paragraphs[1:]]


def render_year(figures: ReportFigures) -> Built:
    """The year report (or a tertial report) as PDF bytes."""
    return YearReport(figures).build()
