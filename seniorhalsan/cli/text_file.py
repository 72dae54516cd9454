"""A text file named on the command line (a goal's analysis, the feedback summary), read as UTF-8
with or without BOM; a file that cannot be read is refused in Swedish, naming the field."""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError


def read_text_file(path: str, field: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UserError(f"{field}: filen {path} finns inte.") from exc
    except UnicodeDecodeError as exc:
        raise UserError(f"{field}: filen {path} är inte sparad som UTF-8.") from exc
    except OSError as exc:
        raise UserError(f"{field}: filen {path} kunde inte läsas: {exc.strerror or exc}.") from exc
