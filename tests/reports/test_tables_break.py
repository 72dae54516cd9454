"""Every report's tables: a page break never leaves one row alone at the foot of a page or at
the top of the next, wherever the table happens to start."""

from reportlab.lib.pagesizes import A5
from reportlab.platypus import Spacer

from seniorhalsan.reports.base import Report
from tests.reports import pdftools


class _Rows(Report):
    pagesize = A5
    base_size = 14

    def __init__(self, above: float, rows: int) -> None:
        self.above, self.rows = above, rows
        super().__init__()

    def story(self):
        rows = [["Dag", "Vad"], *([f"Rad {n:02d}", "Något"] for n in range(self.rows))]
        return [Spacer(1, self.above), self.table(rows, [self.frame_width / 2] * 2)]


def test_no_row_is_left_alone_wherever_the_table_starts(tmp_path):
    report = _Rows(0, 0)
    frame = report.pagesize[1] - 2 * report.margin - report.footer_height
    seen = set()
    # the table starts lower and lower down the page: with room for all of it, 5, 4 … 1½, 1 and no rows
    for step in range(36):
        above = frame - 180 + step * 5
        built = _Rows(above, 6).build()
        counts = [len([line for line in page.splitlines() if line.startswith("Rad")])
                  for page in pdftools.text(built.data, tmp_path, layout=True).split("\f")[:-1]]
        assert sum(counts) == 6 and 1 not in counts, (above, counts)
        seen.add(tuple(counts))
    assert len(seen) >= 3  # the break did move through the table (6; 4 + 2; 2 + 4 …)
