"""A5 pages imposed two to an A4 landscape sheet in saddle-stitch order, ready to fold.

Printed double-sided with "flip on short edge", the stack of sheets folded in the
middle reads as a booklet: sheet 1 carries pages N and 1 on its front and 2 and N−1 on
its back, sheet 2 pages N−2 and 3, then 4 and N−3, and so on. Pages past the last one
(the count is padded to a multiple of four) stay blank.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, IndirectObject, NameObject
from reportlab.lib.pagesizes import A4, landscape

SHEET = landscape(A4)


def padded(pages: int) -> int:
    """The page count rounded up to a multiple of four (one sheet holds four pages)."""
    return max(4, -(-pages // 4) * 4)


def booklet_order(pages: int) -> list[tuple[int | None, int | None]]:
    """(left, right) page numbers, 1-based, for each printed side in order; None is blank."""
    n = padded(pages)
    sides: list[tuple[int, int]] = []
    for i in range(n // 4):
        sides.append((n - 2 * i, 1 + 2 * i))  # front of sheet i + 1
        sides.append((2 + 2 * i, n - 1 - 2 * i))  # its back
    return [tuple(p if p <= pages else None for p in side) for side in sides]


def _form(writer: PdfWriter, page: PageObject) -> IndirectObject:
    """The page as a form XObject in `writer`: drawn where it is placed, its content untouched.

    (pypdf's merge_transformed_page would parse and rewrite every content stream, which
    takes most of a second for a folder; a form is copied as it is.)
    """
    contents = page.get("/Contents")
    parts = contents.get_object() if contents is not None else []
    streams = parts if isinstance(parts, ArrayObject) else [parts]
    form = DecodedStreamObject()
    form.set_data(b"\n".join(s.get_object().get_data() for s in streams))
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(float(v)) for v in page.mediabox]),
        NameObject("/Resources"): page["/Resources"].get_object().clone(writer),
    })
    return writer._add_object(form.flate_encode())


def impose(pdf: bytes) -> bytes:
    """Lay the pages of an A5 document out as a booklet on A4 landscape sheets."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    half = SHEET[0] / 2
    for left, right in booklet_order(len(reader.pages)):
        sheet = writer.add_blank_page(width=SHEET[0], height=SHEET[1])
        forms, drawing = DictionaryObject(), []
        for number, x_half in ((left, 0.0), (right, half)):
            if number is None:
                continue
            page = reader.pages[number - 1]
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            # the left page's right edge and the right page's left edge meet at the fold
            dx = x_half + (half - width if x_half == 0 else 0.0) - float(page.mediabox.left)
            dy = (SHEET[1] - height) / 2 - float(page.mediabox.bottom)
            name = f"/P{number}"
            forms[NameObject(name)] = _form(writer, page)
            drawing.append(f"q 1 0 0 1 {dx:.3f} {dy:.3f} cm {name} Do Q")
        sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): forms})
        content = DecodedStreamObject()
        content.set_data("\n".join(drawing).encode("ascii"))
        sheet[NameObject("/Contents")] = writer._add_object(content)
    writer.add_metadata({k: v for k, v in (reader.metadata or {}).items() if isinstance(v, str)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
