"""Reading a spreadsheet: CSV (any delimiter, UTF-8 with or without BOM, Windows-1252) or XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import UserError
from ..vocabulary import fold

MAX_BYTES = 50 * 1024 * 1024


class Row(NamedTuple):
    """One line of the file (a tuple: tens of thousands are made in an import)."""

    line: int
    values: dict[str, Any]

    def get(self, column: str) -> Any:
        return self.values.get(column)

    def text(self, column: str) -> str:
        value = self.values.get(column)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


@dataclass(frozen=True)
class Table:
    """The rows of a file with their headers mapped to the importer's column names."""

    columns: tuple[str, ...]
    rows: list[Row]


def header_key(text: Any) -> str:
    return re.sub(r"[\s_\-]+", " ", fold(str(text or ""))).strip()


def read_table(path: str | Path, aliases: dict[str, str]) -> Table:
    """Read a file; `aliases` maps folded header spellings to column names."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Filen {path} finns inte.")
    if path.stat().st_size > MAX_BYTES:
        raise UserError(f"Filen {path.name} är för stor för att importeras (högst 50 MB).")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        headers, raw_rows = _read_xlsx(path)
    elif path.suffix.lower() == ".xls":
        raise UserError("Äldre Excel-filer (.xls) kan inte läsas; spara som .xlsx eller CSV.")
    else:
        headers, raw_rows = _read_csv(path)
    columns = []
    for header in headers:
        columns.append(aliases.get(header_key(header), header_key(header) or None))
    # where each column is read from: its first heading, when a heading is repeated
    first: dict[str, int] = {}
    for index, column in enumerate(columns):
        if column and column not in first:
            first[column] = index
    places = list(first.items())
    rows = []
    for line, cells in raw_rows:
        if not any(map(_filled, cells)):
            continue
        width = len(cells)
        rows.append(Row(line, {column: cells[i].strip() if isinstance(cells[i], str) else cells[i]
                               for column, i in places if i < width}))
    return Table(tuple(c for c in columns if c), rows)


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as Excel writes it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    text = decode(path.read_bytes())
    if "\x00" in text:
        raise UserError(f"Filen {path.name} är ingen textfil (CSV) eller Excel-fil (.xlsx).")
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
        rows = []
        for cells in reader:
            rows.append((reader.line_num, cells))
    except StopIteration:
        raise UserError(f"Filen {path.name} är tom.") from None
    except csv.Error as exc:
        raise UserError(f"Filen {path.name} kunde inte läsas som CSV: rad {reader.line_num}: {exc}") from None
    return headers, rows


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise UserError(f"Filen {path.name} kunde inte läsas som Excel-fil: {exc}") from None
    try:
        sheet = workbook.worksheets[0]
        rows_iter = sheet.iter_rows(values_only=True)
        try:
            headers = [str(h) if h is not None else "" for h in next(rows_iter)]
        except StopIteration:
            raise UserError(f"Filen {path.name} är tom.") from None
        rows = []
        for index, cells in enumerate(rows_iter, start=2):
            rows.append((index, [_cell(c) for c in cells]))
        return headers, rows
    finally:
        workbook.close()


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def parse_date(value: Any) -> dt.date | None:
    """A date from a cell: a real date, 2026-03-14, 20260314, 14/3/2026 or 14.3.2026."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if type(value) is str and len(value) == 10:
        try:  # the usual ÅÅÅÅ-MM-DD, before the other spellings are tried
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    text = str(value or "").strip()
    if not text:
        return None
    text = text.split(" ")[0].split("T")[0]
    for candidate in (text, text.replace("/", "-")):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            pass
    if re.fullmatch(r"\d{8}", text):
        try:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
    match = _DAY_FIRST.match(text)
    if match:
        try:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            return None
    return None
