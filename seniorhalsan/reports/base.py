"""The report base class: page templates, the stylesheet, the footer and table helpers.

Each document subclasses `Report` and implements `story()`; the base builds it to PDF
bytes with the fonts registered once and a footer "Sida N av M" on every page but the
cover. Renderers only format numbers computed elsewhere (the statistics service).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from ..errors import UserError
from . import fonts

TEXT = colors.HexColor("#111111")
ACCENT = colors.HexColor("#0b3d6b")  # dark blue: 11:1 against white, also as a background for white text
BAND = colors.HexColor("#e9eef4")  # light enough that black text on it keeps its contrast
RULE = colors.HexColor("#44546a")


def stylesheet(base: float) -> dict[str, ParagraphStyle]:
    """The one stylesheet, scaled from the body size (14 pt for seniors, 10 pt for officials)."""
    fonts.register()
    lead = 1.3

    def style(name: str, size: float, font: str = fonts.REGULAR, **kw) -> ParagraphStyle:
        kw.setdefault("leading", size * lead)
        kw.setdefault("textColor", TEXT)
        return ParagraphStyle(name, fontName=font, fontSize=size, bulletFontName=font, bulletFontSize=size, **kw)

    return {
        "body": style("body", base, spaceAfter=base * 0.6),
        "lead": style("lead", base * 1.15, spaceAfter=base * 0.6),
        "note": style("note", base, font=fonts.ITALIC, spaceAfter=base * 0.6),
        "flags": style("flags", base, font=fonts.BOLD, spaceAfter=base * 0.2),
        "title": style("title", base * 2.6, font=fonts.BOLD, textColor=ACCENT, leading=base * 3.1,
                       spaceAfter=base * 0.8),
        "cover_unit": style("cover_unit", base * 1.4, font=fonts.BOLD, spaceAfter=base * 1.2),
        "cover_line": style("cover_line", base * 1.3, spaceAfter=base * 0.5),
        "h1": style("h1", base * 1.7, font=fonts.BOLD, textColor=ACCENT, spaceBefore=base * 0.4,
                    spaceAfter=base * 0.6, keepWithNext=True),
        "h2": style("h2", base * 1.35, font=fonts.BOLD, textColor=ACCENT, spaceBefore=base * 0.9,
                    spaceAfter=base * 0.3, keepWithNext=True),
        "h3": style("h3", base * 1.15, font=fonts.BOLD, spaceBefore=base * 0.7, spaceAfter=base * 0.2,
                    keepWithNext=True),
        "cell": style("cell", base, leading=base * 1.2),
        "cell_bold": style("cell_bold", base, font=fonts.BOLD, leading=base * 1.2),
        "cell_num": style("cell_num", base, leading=base * 1.2, alignment=TA_RIGHT),
        "cell_head": style("cell_head", base, font=fonts.BOLD, leading=base * 1.2, textColor=colors.white),
        "cell_head_num": style("cell_head_num", base, font=fonts.BOLD, leading=base * 1.2,
                               textColor=colors.white, alignment=TA_RIGHT),
        "cell_title": style("cell_title", base * 1.3, font=fonts.BOLD, textColor=colors.white,
                            leading=base * 1.55),
        "item": style("item", base, spaceAfter=base * 0.15, leftIndent=base, bulletIndent=0),
        "footer": style("footer", base, alignment=TA_CENTER),
        "left": style("left", base, alignment=TA_LEFT),
    }


class KeptTable(Table):
    """A table that never leaves one row alone on either side of a page break: a row by
    itself at the top of a page (under the repeated header) or at the foot of the last one."""

    def _getFirstPossibleSplitRowPosition(self, availHeight, ignoreSpans=0):  # reportlab's name
        split = super()._getFirstPossibleSplitRowPosition
        n = split(availHeight, ignoreSpans)
        rows = len(self._rowHeights)
        if 0 < n < rows:
            if rows - n < 2:  # at least two rows go on: the last place to split before them
                n = split(sum(self._rowHeights[: rows - 2]), ignoreSpans)
            head = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
            if n - head < 2:
                return 0  # fewer than two would stay: the whole table starts on the next page
        return n


@dataclass
class Built:
    """A finished document: its bytes, its page count and the characters the fonts lacked."""

    data: bytes
    pages: int
    missing: frozenset[str] = field(default_factory=frozenset)


class _NumberedCanvas(Canvas):
    """Holds every page until the end, so that each footer can say how many pages there are."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self.page_footer = None

    def showPage(self) -> None:  # reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()
        self.page_footer = None

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            if self.page_footer is not None:
                self.page_footer(self, total)
            Canvas.showPage(self)
        self.page_count = total
        Canvas.save(self)


class Report:
    """A printed document: subclasses set the page and type sizes and write `story()`."""

    pagesize: tuple[float, float]
    margin: float = 18 * mm
    base_size: float = 10
    title: str = ""
    author: str = ""
    cover_has_footer: bool = False

    def __init__(self) -> None:
        self.glyphs = fonts.Glyphs()
        self.styles = stylesheet(self.base_size)
        self._sized: dict[float, dict[str, ParagraphStyle]] = {self.base_size: self.styles}

    def sized(self, size: float) -> dict[str, ParagraphStyle]:
        """The stylesheet at another body size (a wide table set a little smaller)."""
        if size not in self._sized:
            self._sized[size] = stylesheet(size)
        return self._sized[size]

    # --- for subclasses ------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        raise NotImplementedError

    def footer_text(self) -> str:
        """Text at the footer's left; empty for a centred page number alone."""
        return ""

    # --- text and tables -----------------------------------------------------------------
    def p(self, text: str | None, style: str = "body") -> Paragraph:
        """A paragraph of data text (names, texts the unit wrote): escaped, with font fallback."""
        return Paragraph(self.glyphs.markup(text), self.styles[style])

    def markup(self, markup: str, style: str = "body") -> Paragraph:
        """A paragraph of the program's own markup (labels with <b>), not data."""
        return Paragraph(markup, self.styles[style])

    def paragraphs(self, text: str | None, style: str = "body") -> list[Paragraph]:
        """A text the unit wrote: a blank line starts a new paragraph, a line break is kept."""
        blocks = [b.strip() for b in (text or "").replace("\r\n", "\n").split("\n\n")]
        return [self.p(b, style) for b in blocks if b]

    def table(
        self,
        rows: Sequence[Sequence],
        widths: Sequence[float],
        *,
        header_rows: int = 1,
        numeric: Sequence[int] = (),
        bands: Sequence[int] | None = None,
        extra: Sequence[tuple] = (),
        size: float | None = None,
        padding: float = 0.35,
    ) -> Table:
        """A table whose header repeats on every page and whose rows never split.

        Cells may be strings (data, wrapped in paragraphs with font fallback), None, or
        ready flowables. `bands` gives each body row a band number; odd bands are shaded.
        """
        styles = self.sized(size) if size else self.styles
        body_style, num_style = styles["cell"], styles["cell_num"]
        head_style, head_num = styles["cell_head"], styles["cell_head_num"]
        cells = []
        for r, row in enumerate(rows):
            out = []
            for c, value in enumerate(row):
                if value is None or isinstance(value, Flowable):
                    out.append(value if value is not None else "")
                    continue
                if r < header_rows:
                    style = head_num if c in numeric else head_style
                else:
                    style = num_style if c in numeric else body_style
                out.append(Paragraph(self.glyphs.markup(str(value)), style))
            cells.append(out)
        pad = (size or self.base_size) * padding
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # empty cells too, or Helvetica creeps in
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ]
        if header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT))
        band_of = bands if bands is not None else list(range(len(rows) - header_rows))
        for i, band in enumerate(band_of):
            if band % 2:
                commands.append(("BACKGROUND", (0, header_rows + i), (-1, header_rows + i), BAND))
        commands.extend(extra)
        table = KeptTable(cells, colWidths=list(widths), repeatRows=header_rows, splitInRow=0, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    # --- building ------------------------------------------------------------------------
    @property
    def frame_width(self) -> float:
        return self.pagesize[0] - 2 * self.margin

    @property
    def footer_height(self) -> float:
        return self.base_size * 2.4

    def _frame(self, name: str, pagesize: tuple[float, float], margin: float | None = None) -> Frame:
        width, height = pagesize
        margin = margin or self.margin
        return Frame(margin, margin + self.footer_height, width - 2 * margin,
                     height - 2 * margin - self.footer_height, id=name, leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0)

    def page_templates(self) -> list[PageTemplate]:
        """A cover and the body pages; subclasses may add more (a landscape page)."""
        return [
            PageTemplate(id="cover", frames=[self._frame("cover", self.pagesize)], pagesize=self.pagesize,
                         **({"onPage": self._on_page} if self.cover_has_footer else {})),
            PageTemplate(id="body", frames=[self._frame("body", self.pagesize)], pagesize=self.pagesize,
                         onPage=self._on_page),
        ]

    def _on_page(self, canvas: _NumberedCanvas, doc: BaseDocTemplate, margin: float | None = None) -> None:
        """Marks the page for a footer; the canvas draws it once the page count is known."""
        left = self.glyphs.plain(self.footer_text())
        size = self.base_size if self.base_size >= 12 else self.base_size * 0.9
        margin = margin or self.margin
        y = margin

        def draw(c: Canvas, total: int) -> None:
            c.saveState()
            c.setFont(fonts.REGULAR, size)
            c.setFillColor(TEXT)
            label = f"Sida {c.getPageNumber()} av {total}"
            width = c._pagesize[0]
            if left:
                c.drawString(margin, y, left)
                c.drawRightString(width - margin, y, label)
            else:
                c.drawCentredString(width / 2, y, label)
            c.restoreState()

        canvas.page_footer = draw

    def build(self) -> Built:
        """The PDF as bytes; a layout that cannot be made gives a Swedish UserError."""
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=self.margin,
            rightMargin=self.margin,
            topMargin=self.margin,
            bottomMargin=self.margin,
            title=self.title,
            author=self.author,
            creator="Seniorhälsan",
            lang="sv-SE",
            # otherwise reportlab names Helvetica as the starting font: a font that is not embedded
            initialFontName=fonts.REGULAR,
            initialFontSize=self.base_size,
            pageTemplates=self.page_templates(),
        )
        made: list[_NumberedCanvas] = []

        def canvasmaker(*args, **kwargs):
            canvas = _NumberedCanvas(*args, **kwargs)
            made.append(canvas)
            return canvas

        try:
            doc.build(self.story(), canvasmaker=canvasmaker)
        except LayoutError as exc:
            raise UserError(
                "Dokumentet gick inte att ställa upp: något innehåll (troligen en mycket lång text) "
                "får inte plats på en sida. Korta texten och försök igen."
            ) from exc
        pages = getattr(made[-1], "page_count", 0) if made else 0
        return Built(buffer.getvalue(), pages, frozenset(self.glyphs.missing))
