"""Sample printouts of an invented year: every document, from a throw-away demo database.

    .venv/bin/python -m seniorhalsan.reports.samples [MAPP]      (standard: out/samples)

The user's own database is never opened.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .. import demo
from ..database import open_database
from ..errors import UserError
from ..paths import sqlite_url
from .api import write_folder, write_year_report, write_year_workbook
from .figures import set_feedback_summary

# what a unit head might write in the feedback template (the demo's feedback is invented too)
SUMMARIES = {
    None: (
        "Enheten har tagit emot synpunkter och klagomål som nästan alla kommer från seniorer. De flesta "
        "gäller tillgänglighet: önskemål om fler tillfällen, andra tider och mindre grupper.\n\n"
        "Åtgärder: fler pass med Balans & styrka, gympa utan musik och en rättad tid i foldern. De som "
        "lämnade en adress har fått svar. Under nästa år informerar vi mer om hur man lämnar synpunkter."
    ),
    1: "Synpunkterna under tertialet gäller mest tider och gruppernas storlek. Ett pass har lagts till.",
    2: "Under sommaren kom få synpunkter. Önskemålen om fler utflykter tas med i planeringen av hösten.",
}


def make_samples(folder: str | Path = "out/samples", *, year: int = 2025) -> list[Path]:
    """Fill a temporary database with the demo year and write every document into `folder`."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Mappen {out} kunde inte skapas: {exc.strerror or exc}.") from exc
    with tempfile.TemporaryDirectory(prefix="seniorhalsan-exempel-") as temp:
        db = open_database(sqlite_url(Path(temp) / "demo.sqlite3"))
        try:
            db.call(demo.generate, year=year)
            for tertial, text in SUMMARIES.items():
                db.call(set_feedback_summary, year=year, tertial=tertial, body=text)
            written = [
                write_folder(db, f"ht{year}", out / f"folder-ht{year}.pdf"),
                write_folder(db, f"ht{year}", out / f"folder-ht{year}-hafte.pdf", booklet=True),
                write_folder(db, f"sommar{year}", out / f"folder-sommar{year}.pdf"),
                write_folder(db, f"sommar{year}", out / f"folder-sommar{year}-hafte.pdf", booklet=True),
                write_year_report(db, year, out / f"statistik-{year}.pdf"),
                write_year_report(db, year, out / f"tertialrapport-{year}-t1.pdf", tertial=1),
                write_year_report(db, year, out / f"tertialrapport-{year}-t2.pdf", tertial=2),
                write_year_workbook(db, year, out / f"statistik-{year}.xlsx"),
            ]
        finally:
            db.dispose()
    return [w.path for w in written]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        for path in make_samples(args[0] if args else "out/samples"):
            print(path)
    except UserError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
