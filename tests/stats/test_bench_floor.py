"""The benchmarks' floor of the statistics computes the very JSON of `year_stats` by hand-written SQL.

On the demo year, which has every kind of figure (goals with targets for women and men, the share
answered in time, sign-ups, outreach, routes in, volunteers), so that a floor that drifts from the
program is caught here and not only when the benchmarks run.
"""

import sqlite3

import pytest
from sqlalchemy.engine import make_url

from benchmarks.stats_floor import year_stats_sql
from seniorhalsan import demo, stats
from tests.conftest import on_postgresql


@pytest.mark.slow
def test_the_floor_answers_as_the_program_does(db, db_url):
    db.call(demo.generate, year=2025)
    if on_postgresql():
        import psycopg

        conn = psycopg.connect(make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False),
                               autocommit=True)
    else:
        conn = sqlite3.connect(make_url(db_url).database)
    try:
        for year in (2024, 2025):
            program = db.read(stats.year_stats, year).to_json()
            if year == 2025:  # the year with goals; both have everything else
                assert program["goals"] and any("women" in goal for goal in program["goals"])
            assert program["signups"]["occasions"] and program["outreach"]["events"]
            assert year_stats_sql(conn, db.unit_id, year, db.clock()) == program
    finally:
        conn.close()
