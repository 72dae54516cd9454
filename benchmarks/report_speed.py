"""How long the printed documents take to build on the demo year (medians, in seconds).

    .venv/bin/python benchmarks/report_speed.py [--runs N]

Builds a temporary demo database first (not timed). The goals: a term folder under a
second, the year report under two. Nothing here is asserted; the numbers are printed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from seniorhalsan import demo
from seniorhalsan.database import open_database
from seniorhalsan.paths import sqlite_url
from seniorhalsan.reports.figures import collect_year
from seniorhalsan.reports.folder import render_folder
from seniorhalsan.reports.folder_data import collect_folder
from seniorhalsan.reports.workbook import render_workbook
from seniorhalsan.reports.yearly import render_year

YEAR = 2025


def median_seconds(job, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        db = open_database(sqlite_url(Path(temp) / "demo.sqlite3"))
        db.call(demo.generate, year=YEAR)
        # the first build registers the fonts and warms caches; a user pays that once per session
        render_folder(db.read(collect_folder, f"ht{YEAR}"))
        jobs = {
            f"folder ht{YEAR}, A4 (read + build)": lambda: render_folder(db.read(collect_folder, f"ht{YEAR}")),
            f"folder ht{YEAR}, A5-häfte (read + build + imposition)":
                lambda: render_folder(db.read(collect_folder, f"ht{YEAR}"), booklet=True),
            f"folder sommar{YEAR}, A4": lambda: render_folder(db.read(collect_folder, f"sommar{YEAR}")),
            f"statistik {YEAR} (statistics + build)": lambda: render_year(db.read(collect_year, YEAR)),
            f"tertialrapport 2 {YEAR}": lambda: render_year(db.read(collect_year, YEAR, tertial=2)),
            f"arbetsbok {YEAR} (statistics + XLSX)": lambda: render_workbook(db.read(collect_year, YEAR)),
            f"  varav statistiken {YEAR}": lambda: db.read(collect_year, YEAR),
        }
        width = max(len(name) for name in jobs)
        for name, job in jobs.items():
            print(f"{name:<{width}}  {median_seconds(job, args.runs):6.3f} s")
        db.dispose()


if __name__ == "__main__":
    main()
