"""`seniorhalsan stats` prints the demo year exactly as the files in golden/ say.

The files were written by the program before its figures became typed, and the JSON
shape is a promise to whoever reads it (README, "Statistik"): a change in them is a
change in what the program says. When the statistics or the demo year change on
purpose, write them again with `python -m tests.stats.test_json DATABASE` on a demo
database made as in `demo_year` below, and read the difference before committing it.
"""

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from seniorhalsan import demo, stats
from tests.cli.test_cli import run

GOLDEN = Path(__file__).parent / "golden"
TERTIAL_ENDS = {"t1": dt.date(2025, 4, 30), "t2": dt.date(2025, 8, 31)}


def as_json(figures) -> str:
    return json.dumps(figures, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture
def demo_year(db):
    db.call(demo.generate, year=2025)
    return db


@pytest.mark.slow
def test_the_demo_year_prints_as_before(demo_year, db_url):
    for year in (2024, 2025):
        printed = run("stats", "--year", str(year), "--json", db=db_url)
        assert printed.returncode == 0, printed.stderr
        assert printed.stdout == (GOLDEN / f"demo-{year}.json").read_text(encoding="utf-8")
        table = run("stats", "--year", str(year), db=db_url)
        assert table.stdout == (GOLDEN / f"demo-{year}.txt").read_text(encoding="utf-8")
    for name, until in TERTIAL_ENDS.items():
        figures = demo_year.read(stats.year_stats, 2025, until=until)
        assert as_json(figures.to_json()) == (GOLDEN / f"demo-2025-{name}.json").read_text(encoding="utf-8")


def write_golden(path: str) -> None:
    """Write the files again from a demo database (generated with today 2026-11-20)."""
    import subprocess

    from seniorhalsan.database import open_database
    from seniorhalsan.paths import sqlite_url

    for year in (2024, 2025):
        for suffix, extra in (("json", ["--json"]), ("txt", [])):
            out = subprocess.run([sys.executable, "-m", "seniorhalsan", "--db", path, "stats", "--year", str(year),
                                  *extra], capture_output=True, check=True)
            (GOLDEN / f"demo-{year}.{suffix}").write_bytes(out.stdout)
    db = open_database(sqlite_url(Path(path)), daily_backup=False)
    try:
        for name, until in TERTIAL_ENDS.items():
            text = as_json(db.read(stats.year_stats, 2025, until=until).to_json())
            (GOLDEN / f"demo-2025-{name}.json").write_text(text, encoding="utf-8")
    finally:
        db.dispose()


if __name__ == "__main__":
    write_golden(sys.argv[1])
