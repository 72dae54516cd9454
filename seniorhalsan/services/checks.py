"""Validation shared by the services and the importer: clear Swedish messages per field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal, overload

from ..errors import FieldError, ValidationError

MAX_COUNT = 10_000
MAX_MINUTES = 24 * 60
OLDEST_AGE = 115
YOUNGEST_AGE = 10


class Checker:
    """Collects every refused field of one operation, then refuses them together.

    A method called with `required=True` (the default of `date` and `choice`) is typed as
    giving a value, never None. When the value is missing or refused it does return None,
    but the refusal is recorded, and `done()` raises it before the caller saves anything:
    call `done()` before a required value is used (or test it for None first).
    """

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    # --- numbers -----------------------------------------------------------------
    @overload
    def count(self, field: str, value: Any, *, required: Literal[True], maximum: int = MAX_COUNT) -> int: ...
    @overload
    def count(self, field: str, value: Any, *, required: bool = False, maximum: int = MAX_COUNT) -> int | None: ...
    def count(self, field: str, value: Any, *, required: bool = False, maximum: int = MAX_COUNT) -> int | None:
        number = self.integer(field, value, required=required)
        if number is None:
            return None
        if number < 0:
            self.fail(field, "antalet kan inte vara negativt.")
            return None
        if number > maximum:
            self.fail(field, f"{number} är orimligt många; kontrollera siffran (högst {maximum}).")
            return None
        return number

    @overload
    def integer(self, field: str, value: Any, *, required: Literal[True]) -> int: ...
    @overload
    def integer(self, field: str, value: Any, *, required: bool = False) -> int | None: ...
    def integer(self, field: str, value: Any, *, required: bool = False) -> int | None:
        if type(value) is str and value.isdigit() and value.isascii():
            return int(value)  # the common case of a spreadsheet cell, before the careful checks
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, "måste fyllas i.")
            return None
        if isinstance(value, bool):
            self.fail(field, "ska vara ett heltal.")
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, float):
            if value.is_integer():
                return int(value)
            self.fail(field, f"{value} är inget heltal.")
            return None
        if isinstance(value, str):
            cleaned = value.strip().replace("\u00a0", "").replace(" ", "")
            if cleaned.lstrip("-").isdigit() and cleaned.isascii():
                return int(cleaned)
            self.fail(field, f"'{value.strip()}' är inget heltal.")
            return None
        self.fail(field, "ska vara ett heltal.")
        return None

    def minutes(self, field: str, value: Any) -> int | None:
        number = self.integer(field, value)
        if number is None:
            return None
        if not 0 <= number <= MAX_MINUTES:
            self.fail(field, f"ange mellan 0 och {MAX_MINUTES} minuter.")
            return None
        return number

    # --- dates -------------------------------------------------------------------
    @overload
    def date(
        self, field: str, value: Any, *, today: dt.date | None = None, required: Literal[True] = True
    ) -> dt.date: ...
    @overload
    def date(self, field: str, value: Any, *, today: dt.date | None = None, required: bool) -> dt.date | None: ...
    def date(
        self, field: str, value: Any, *, today: dt.date | None = None, required: bool = True
    ) -> dt.date | None:
        """A date; with `today` given, a date after today is refused."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, "måste fyllas i.")
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                self.fail(field, f"'{value.strip()}' är inget datum (skriv ÅÅÅÅ-MM-DD).")
                return None
        if not isinstance(value, dt.date):
            self.fail(field, "ska vara ett datum.")
            return None
        if value.year < 1900:
            self.fail(field, f"{value.isoformat()} är för långt tillbaka.")
            return None
        if today is not None and value > today:
            self.fail(field, f"{value.isoformat()} ligger i framtiden.")
            return None
        return value

    @overload
    def time(self, field: str, value: Any, *, required: Literal[True]) -> dt.time: ...
    @overload
    def time(self, field: str, value: Any, *, required: bool = False) -> dt.time | None: ...
    def time(self, field: str, value: Any, *, required: bool = False) -> dt.time | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, "måste fyllas i.")
            return None
        if isinstance(value, dt.time):
            return value.replace(second=0, microsecond=0, tzinfo=None)
        if isinstance(value, str):
            text = value.strip().replace(".", ":")
            if re.fullmatch(r"\d:\d\d(:\d\d)?", text):
                text = "0" + text  # 8:15 as people write it; fromisoformat wants 08:15
            try:
                parsed = dt.time.fromisoformat(text if ":" in text else f"{int(text):02d}:00")
                return parsed.replace(second=0, microsecond=0)
            except ValueError:
                pass
        self.fail(field, f"'{value}' är ingen tid (skriv tt:mm).")
        return None

    # --- text --------------------------------------------------------------------
    @overload
    def text(self, field: str, value: Any, *, required: Literal[True], max_length: int = 255) -> str: ...
    @overload
    def text(self, field: str, value: Any, *, required: bool = False, max_length: int = 255) -> str | None: ...
    def text(self, field: str, value: Any, *, required: bool = False, max_length: int = 255) -> str | None:
        if value is None:
            if required:
                self.fail(field, "måste fyllas i.")
            return None
        cleaned = (value if isinstance(value, str) else str(value)).replace("\x00", "").strip()
        if not cleaned:
            if required:
                self.fail(field, "måste fyllas i.")
            return None
        if len(cleaned) > max_length:
            self.fail(field, f"texten är för lång ({len(cleaned)} tecken, högst {max_length}).")
            return None
        return cleaned

    @overload
    def choice(
        self,
        field: str,
        value: Any,
        options: dict[str, str],
        *,
        required: Literal[True] = True,
        aliases: dict[str, str] | None = None,
    ) -> str: ...
    @overload
    def choice(
        self,
        field: str,
        value: Any,
        options: dict[str, str],
        *,
        required: bool,
        aliases: dict[str, str] | None = None,
    ) -> str | None: ...
    def choice(
        self,
        field: str,
        value: Any,
        options: dict[str, str],
        *,
        required: bool = True,
        aliases: dict[str, str] | None = None,
    ) -> str | None:
        """A key of a word list; the user may type the key, the Swedish label or an alias."""
        from ..vocabulary import fold, lookup

        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, "måste väljas.")
            return None
        key = lookup(options, str(value))
        if key is None and aliases:
            key = aliases.get(fold(str(value)))
        if key is None:
            listed = ", ".join(label.lower() for label in options.values())
            self.fail(field, f"'{value}' känns inte igen; välj en av: {listed}.")
        return key

    def birth_year(self, field: str, value: Any, *, today: dt.date) -> int | None:
        year = self.integer(field, value, required=True)
        if year is None:
            return None
        if 0 <= year < 1000:  # typed short (41 for 1941): an age of 1985 years would only confuse
            example = f" (t.ex. 19{year:02d})" if year < 100 else ""
            self.fail(field, f"{year} är inget fyrsiffrigt år; skriv hela året{example}.")
            return None
        age = today.year - year
        if age > OLDEST_AGE:
            self.fail(field, f"{year} ger en ålder av {age} år; kontrollera året.")
            return None
        if age < YOUNGEST_AGE:
            self.fail(field, f"{year} ger en ålder av {age} år; kontrollera året.")
            return None
        return year


def check_version(field_label: str, record: Any, expected: int | None) -> None:
    """Refuse a save based on an old read: someone else saved in between."""
    from ..errors import Conflict

    if expected is not None and record.version != expected:
        raise Conflict(
            f"{field_label} har ändrats av någon annan sedan du öppnade den. "
            "De nya uppgifterna visas; gör om din ändring."
        )
