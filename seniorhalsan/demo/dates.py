"""The calendar of the demo year: Easter and the holidays the meeting places close on, and the terms' dates."""

from __future__ import annotations

import datetime as dt


def easter(year: int) -> dt.date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def holidays(year: int) -> set[dt.date]:
    """Days the meeting places are closed: public holidays and the eves around them."""
    e = easter(year)
    fixed = {(1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)}
    days = {dt.date(year, m, d) for m, d in fixed}
    days |= {e - dt.timedelta(days=2), e + dt.timedelta(days=1), e + dt.timedelta(days=39)}
    midsummer_eve = next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).isoweekday() == 5)
    days.add(midsummer_eve)
    return days


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> dt.date:
    day = dt.date(year, month, 1)
    while day.isoweekday() != weekday:
        day += dt.timedelta(days=1)
    return day + dt.timedelta(weeks=nth - 1)


def term_dates(year: int) -> dict[str, tuple[dt.date, dt.date]]:
    first_monday = nth_weekday(year, 1, 2, 1)
    return {
        "vt": (first_monday, nth_weekday(year, 6, 1, 5)),
        "sommar": (dt.date(year, 6, 15), dt.date(year, 8, 14)),
        "ht": (nth_weekday(year, 8, 4, 1), nth_weekday(year, 12, 2, 5)),
    }
