"""Tertials and terms: the usual dates of a term, shared by the window and the schedule import."""

import datetime as dt

from seniorhalsan.periods import suggest_term_dates
from seniorhalsan.services.schedule import TermInfo


def test_a_term_gets_last_years_dates_on_the_same_weekdays():
    vt = TermInfo(1, "vt", 2026, dt.date(2026, 1, 12), dt.date(2026, 6, 5), 1)
    ht = TermInfo(2, "ht", 2026, dt.date(2026, 8, 24), dt.date(2026, 12, 11), 1)
    assert suggest_term_dates("vt", 2027, [vt, ht]) == (dt.date(2027, 1, 11), dt.date(2027, 6, 4))
    assert suggest_term_dates("ht", 2027, [vt, ht]) == (dt.date(2027, 8, 23), dt.date(2027, 12, 10))


def test_without_last_years_term_the_usual_dates():
    for year in range(2024, 2035):
        starts, ends = suggest_term_dates("vt", year)
        assert starts.isoweekday() == 1 and dt.date(year, 1, 8) <= starts <= dt.date(year, 1, 14)
        assert ends.isoweekday() == 5 and dt.date(year, 6, 1) <= ends <= dt.date(year, 6, 7)
        starts, ends = suggest_term_dates("ht", year)
        assert starts.isoweekday() == 1 and dt.date(year, 8, 20) <= starts <= dt.date(year, 8, 26)
        assert ends.isoweekday() == 5 and dt.date(year, 12, 8) <= ends <= dt.date(year, 12, 14)
    assert suggest_term_dates("sommar", 2027) == (dt.date(2027, 6, 15), dt.date(2027, 8, 14))
