"""The window's language: Swedish source strings, an English catalogue, babel formatting.

Every visible string is written `_("Svensk text")`; `pybabel extract` collects them into
`resources/translations/seniorhalsan.pot` and `en/LC_MESSAGES/seniorhalsan.po` holds the
English. Pages listen to `notifier.changed` and set their texts again, so switching
language never loses what is being typed.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import cache

from PySide6.QtCore import QLocale, QObject, Signal

from ..paths import resource

log = logging.getLogger(__name__)
LANGUAGES = {"sv": "Svenska", "en": "English"}
LOCALES = {"sv": "sv_SE", "en": "en_GB"}


class _Notifier(QObject):
    changed = Signal(str)


notifier = _Notifier()
_current = "sv"


@cache
def catalogue(language: str) -> dict[str, str]:
    """msgid → translation for a language (Swedish needs none)."""
    if language == "sv":
        return {}
    # the .po itself is read (no compiled .mo): nothing to build, and the same in a wheel and a bundle
    path = resource("translations", language, "LC_MESSAGES", "seniorhalsan.po")
    if not path.is_file():
        log.warning("Översättningen till %s saknas (%s); texterna visas på svenska.", language, path)
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        po = read_po(fh)
    texts = {m.id: m.string for m in po if m.id and isinstance(m.id, str) and m.string}
    log.info("Översättningen till %s: %d texter.", language, len(texts))
    return texts


def _(message: str) -> str:
    if _current == "sv":
        return message
    return catalogue(_current).get(message, message)


def language() -> str:
    return _current


def set_language(code: str) -> None:
    """Switch language; Qt's own words (calendar, buttons) follow through QLocale."""
    global _current
    code = code if code in LANGUAGES else "sv"
    QLocale.setDefault(QLocale(LOCALES[code]))
    if code != _current:
        _current = code
        notifier.changed.emit(code)


def locale() -> str:
    return LOCALES[_current]


# babel is imported where it is first needed, after the window has shown itself
def number(value: int | float | None) -> str:
    from babel.numbers import format_decimal

    return "" if value is None else format_decimal(value, locale=locale())


def percent(part: float, whole: float) -> str:
    from babel.numbers import format_percent

    return "–" if not whole else format_percent(part / whole, locale=locale())


def plural(n: int, one: str, many: str, **values: object) -> str:
    """A count with its word in the right form: `one` for 1, `many` otherwise, both translated
    and holding `{n}` ("1 synpunkt", "3 synpunkter"). Swedish and English have these two forms."""
    return (one if n == 1 else many).format(n=number(n), **values)


def capitalised(text: str) -> str:
    """The first letter upper case, the rest as it was ("november" stays small in Swedish,
    "November" stays capital in English; str.capitalize would lower it)."""
    return text[:1].upper() + text[1:]


def date_text(day: dt.date, style: str = "medium", *, capital: bool = False) -> str:
    """A date in the window's language; `capital` for one that begins a line or a title."""
    from babel.dates import format_date

    text = format_date(day, format=style, locale=locale())
    return capitalised(text) if capital else text


def weekday_names() -> list[str]:
    """Monday first, in the current language."""
    from babel.dates import format_date

    monday = dt.date(2024, 1, 1)
    return [format_date(monday + dt.timedelta(days=i), format="EEEE", locale=locale()) for i in range(7)]
