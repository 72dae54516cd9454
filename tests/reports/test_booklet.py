"""The booklet's imposition: which page lands left and right on each printed side."""

import io

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

from seniorhalsan.reports.booklet import SHEET, booklet_order, impose, padded
from tests.reports import pdftools


def numbered_pages(n: int) -> bytes:
    """An A5 document whose page k says only "Sidan k"."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A5)
    for k in range(1, n + 1):
        canvas.setFont("Helvetica", 30)
        canvas.drawCentredString(A5[0] / 2, A5[1] / 2, f"Sidan {k}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (4, [(4, 1), (2, 3)]),
        (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
        (12, [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]),
        # padded to eight: the pages past the fifth are blank
        (5, [(None, 1), (2, None), (None, 3), (4, 5)]),
    ],
)
def test_saddle_stitch_order(pages, expected):
    assert booklet_order(pages) == expected


def test_page_counts_are_padded_to_whole_sheets():
    assert [padded(n) for n in (1, 4, 5, 8, 9, 13)] == [4, 4, 8, 8, 12, 16]


def side_text(pdf: bytes, tmp_path, side: int, half: int) -> str:
    width, height = SHEET
    crop = (half * width / 2, 0, width / 2, height)
    return pdftools.squash(pdftools.text(pdf, tmp_path, first=side, last=side, crop=crop))


@pytest.mark.parametrize("pages", [4, 8, 12, 6])
def test_imposed_sheets_carry_the_pages_in_folding_order(pages, tmp_path):
    imposed = impose(numbered_pages(pages))
    order = booklet_order(pages)
    assert pdftools.info(imposed, tmp_path)["Pages"] == str(padded(pages) // 2)
    width, height = pdftools.page_size(imposed, tmp_path)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    for side, (left, right) in enumerate(order, start=1):
        assert side_text(imposed, tmp_path, side, 0) == (f"Sidan {left}" if left else "")
        assert side_text(imposed, tmp_path, side, 1) == (f"Sidan {right}" if right else "")
