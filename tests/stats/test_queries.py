"""Each grouped query runs once per request: the statements are counted on the connection."""

import datetime as dt
from collections import Counter
from contextlib import contextmanager

from sqlalchemy import event

from seniorhalsan import stats
from seniorhalsan.cli import data
from seniorhalsan.reports.figures import collect_year

D = dt.date


@contextmanager
def statements(db):
    """The SQL of every statement sent to the database inside the block."""
    seen: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def run_once(db, fn, *args, **kwargs) -> list[str]:
    with statements(db) as seen:
        db.read(fn, *args, **kwargs)
    twice = [sql for sql, n in Counter(seen).items() if n > 1]
    assert not twice, f"{fn.__name__} ran the same statement more than once:\n" + "\n\n".join(twice)
    return seen


def grouped(seen: list[str]) -> list[str]:
    return [sql for sql in seen if "GROUP BY" in sql]


def queries(seen: list[str]) -> list[str]:
    """The statements that read (not the transaction's BEGIN)."""
    return [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]


def test_the_year_and_the_year_before_come_from_the_same_queries(year):
    alone = run_once(year, stats.year_stats, 2025)
    years = run_once(year, stats.years_with_data)
    for until in (None, D(2025, 4, 30)):
        overview = run_once(year, stats.year_overview, 2025, until=until)
        # the year before is answered by the same queries, not by more of them
        assert len(queries(overview)) == len(queries(alone)) + len(queries(years))


def test_a_report_reads_its_figures_and_their_names_once(year):
    for tertial, until in ((None, None), (1, D(2025, 4, 30)), (2, D(2025, 8, 31))):
        alone = run_once(year, stats.year_stats, 2025, until=until)
        report = run_once(year, collect_year, 2025, tertial=tertial)
        assert grouped(report) == grouped(alone)


def test_the_table_of_the_stats_command_reads_everything_once(year):
    seen = run_once(year, data._stats_table, 2025)
    assert len(grouped(seen)) == len(grouped(run_once(year, stats.year_stats, 2025)))


def test_the_figures_are_the_same_whichever_request_asked(year):
    overview = year.read(stats.year_overview, 2025, until=D(2025, 8, 31))
    assert overview.figures == year.read(collect_year, 2025, tertial=2).stats
    assert overview.previous == year.read(stats.year_stats, 2024, until=D(2024, 8, 31))
