"""Numbers, shares and dates written the Swedish way (28 000, 65 %), through babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALE = "sv_SE"


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
    value = format_percent((now - before) / before, locale=locale)
    return value if value.startswith(("-", "−")) else "+" + value


def date_long(day: dt.date, locale: str = LOCALE) -> str:
    return format_date(day, format="long", locale=locale)


def date_short(day: dt.date, locale: str = LOCALE) -> str:
    return format_date(day, format="short", locale=locale)
