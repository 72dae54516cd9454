"""Numbers, shares and dates written the Swedish way (28 000, 65 %), through babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent

LOCALE = "sv_SE"
MINUS = "\u2212"  # a real minus sign: a hyphen is a dash of the wrong length and may break a line
UNRECORDED = "–"  # in a figure's place when nobody recorded it in the period
NOT_RECORDED = "ej registrerat"  # the note beside it


def number(value: int | float, locale: str = LOCALE) -> str:
    return format_decimal(value, locale=locale)


def share(part: int | float, whole: int | float, locale: str = LOCALE) -> str:
    """`part` of `whole` as a whole percentage ('65 %'), or '–' when there is no whole."""
    if not whole:
        return "–"
    return format_percent(part / whole, locale=locale)


def change(now: int | float, before: int | float, locale: str = LOCALE) -> str:
    """The change from `before` to `now` as a signed percentage ('+37 %'), or '–'."""
    if not before:
        return "–"
    ratio = (now - before) / before
    if round(ratio * 100) == 0:
        return "±" + format_percent(0, locale=locale)  # not "-0 %" for a change too small to show
    value = format_percent(abs(ratio), locale=locale)
    return (MINUS if ratio < 0 else "+") + value


def date_long(day: dt.date, locale: str = LOCALE) -> str:
    return format_date(day, format="long", locale=locale)


def date_short(day: dt.date, locale: str = LOCALE) -> str:
    return format_date(day, format="short", locale=locale)


def time_short(moment: dt.time, locale: str = LOCALE) -> str:
    """A clock time as the locale writes it ('10:00')."""
    return format_time(moment, format="short", locale=locale)


def date_span(first: dt.date, last: dt.date, locale: str = LOCALE) -> str:
    """'25 augusti – 12 december 2025', with the year written once when both days share it."""
    if first.year == last.year:
        return f"{format_date(first, format='d MMMM', locale=locale)} – {date_long(last, locale)}"
    return f"{date_long(first, locale)} – {date_long(last, locale)}"


def weekday_date(day: dt.date, locale: str = LOCALE) -> str:
    """'Tisdag 17 juni': a day of the term, its year given elsewhere on the page."""
    text = format_date(day, format="EEEE d MMMM", locale=locale)
    return text[:1].upper() + text[1:]
