"""A draft's marks: UTKAST in light grey across every page, and in words at its top."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors

from . import fonts
from .base import TEXT

DRAFT = "UTKAST"
WATERMARK = colors.HexColor("#d4d4d4")  # light enough that the text over it stays readable


def with_draft_marks(inner: Callable, pagesize: tuple[float, float], margin: float, size: float) -> Callable:
    """A page template's onPage that draws the marks first (under the page's content), then `inner`."""

    def on_page(canvas, doc) -> None:
        width, height = pagesize
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFont(fonts.BOLD, width / 5)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(55 if height > width else 35)
        canvas.drawCentredString(0, -width / 14, DRAFT)
        canvas.restoreState()
        # and in words at the top, where a reader (and pdftotext) finds it whole
        canvas.saveState()
        canvas.setFont(fonts.BOLD, size)
        canvas.setFillColor(TEXT)
        canvas.drawCentredString(width / 2, height - margin * 0.7, f"{DRAFT} – inte klar att dela ut")
        canvas.restoreState()
        inner(canvas, doc)

    return on_page
