"""The fonts of every printed document, registered once, and text made safe for them.

Atkinson Hyperlegible (made for low-vision readers) sets all text. A character it lacks
is set in DejaVu Sans when DejaVu has it (symbols, most emoji, Greek, Cyrillic); one that
neither font has is left out when it is a symbol or an invisible mark, and printed as "?"
when it is a letter, so a name never silently loses a letter. Every such character is
noted in a `Glyphs` tracker so that the caller can tell the user.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource

REGULAR = "AtkinsonHyperlegible"
BOLD = "AtkinsonHyperlegible-Bold"
ITALIC = "AtkinsonHyperlegible-Italic"
BOLD_ITALIC = "AtkinsonHyperlegible-BoldItalic"
FALLBACK = "DejaVuSans"

_FILES = {
    REGULAR: "AtkinsonHyperlegible-Regular.ttf",
    BOLD: "AtkinsonHyperlegible-Bold.ttf",
    ITALIC: "AtkinsonHyperlegible-Italic.ttf",
    BOLD_ITALIC: "AtkinsonHyperlegible-BoldItalic.ttf",
    FALLBACK: "DejaVuSans.ttf",
}

_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the fonts with reportlab; later calls (from any thread) do nothing."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            with resource("fonts", filename).open("rb") as fh:  # read whole: works inside a bundle too
                pdfmetrics.registerFont(TTFont(name, fh))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        # DejaVu is shipped in one weight only; <b> around a fallback character keeps that weight
        pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK, boldItalic=FALLBACK)
        # a chart starts from Helvetica, which is never embedded; our documents use no other font
        shapes.STATE_DEFAULTS["fontName"] = REGULAR
        _registered = True


@lru_cache(maxsize=4)
def _coverage(font_name: str) -> frozenset[int]:
    register()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def _invisible(ch: str) -> bool:
    """Joiners, variation selectors and control characters: nothing to print."""
    category = unicodedata.category(ch)
    return category in ("Cc", "Cf", "Co", "Cn", "Zl", "Zp") or 0xFE00 <= ord(ch) <= 0xFE0F


def _droppable(ch: str) -> bool:
    """Symbols and marks may go without a trace; a letter or digit never does."""
    return unicodedata.category(ch)[0] in ("S", "M")


class Glyphs:
    """Turns data text into what the fonts can print, and remembers what they could not."""

    def __init__(self) -> None:
        self.missing: set[str] = set()

    def _chars(self, text: str):
        """(character, font) pairs: font is None for the main font, FALLBACK, or skipped."""
        main, fallback = _coverage(REGULAR), _coverage(FALLBACK)
        for ch in unicodedata.normalize("NFC", text):
            if ch == "\n":
                yield ch, None
                continue
            if ch == "\t":
                ch = " "
            code = ord(ch)
            if code in main:
                yield ch, None
            elif _invisible(ch):
                continue
            elif code in fallback:
                yield ch, FALLBACK
            else:
                self.missing.add(ch)
                if not _droppable(ch):
                    yield "?", None

    def markup(self, text: str | None) -> str:
        """Paragraph markup for a data text: escaped, line breaks kept, fallback font where needed."""
        if not text:
            return ""
        out: list[str] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                out.append(f'<font name="{FALLBACK}">{escape("".join(run))}</font>')
                run.clear()

        for ch, font in self._chars(text):
            if font == FALLBACK:
                run.append(ch)
                continue
            flush()
            out.append("<br/>" if ch == "\n" else escape(ch))
        flush()
        return "".join(out)

    def plain(self, text: str | None) -> str:
        """Text for places that take one font only (chart labels): fallback characters left out."""
        if not text:
            return ""
        out = []
        for ch, font in self._chars(text):
            if font == FALLBACK:
                if not _droppable(ch):
                    out.append("?")
                self.missing.add(ch)
                continue
            out.append(" " if ch == "\n" else ch)
        return "".join(out)
