"""Reading a spreadsheet: CSV (any delimiter, UTF-8 with or without BOM, Windows-1252) or XLSX.

A file is read as a stream, one row at a time, each time its rows are walked: an import of
a large file holds only what it has checked, never the whole file.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import UserError
from ..vocabulary import fold

MAX_BYTES = 50 * 1024 * 1024
CHUNK = 1 << 20


class Row(NamedTuple):
    """One line of the file (a tuple: tens of thousands are made in an import)."""

    line: int
    values: dict[str, Any]

    def get(self, column: str) -> Any:
        return self.values.get(column)

    def text(self, column: str) -> str:
        value = self.values.get(column)
        if type(value) is str:
            return value  # stripped when the row was read
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


@dataclass(frozen=True)
class Table:
    """A file's headers mapped to the importer's column names; iterating it reads its rows
    (again, from the file, each time)."""

    path: Path
    columns: tuple[str, ...]
    places: tuple[tuple[str, int], ...]  # each column and the index of the cell it is read from

    def __iter__(self) -> Iterator[Row]:
        _headers, raw_rows, close = _open(self.path)
        places = self.places
        try:
            for line, cells in raw_rows:
                if not any(map(_filled, cells)):
                    continue
                width = len(cells)
                yield Row(line, {column: cells[i].strip() if isinstance(cells[i], str) else cells[i]
                                 for column, i in places if i < width})
        finally:
            close()

    def preview(self, limit: int) -> list[Row]:
        """The first `limit` rows, to show before anything is imported."""
        return list(islice(self, limit))

    def count(self) -> int:
        return sum(1 for _row in self)

    def lines_after(self, line: int) -> int:
        """How many lines the file has after `line` (counted, not read as rows)."""
        if self.path.suffix.lower() in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

            workbook = load_workbook(self.path, read_only=True)
            try:
                last = workbook.worksheets[0].max_row or line
            finally:
                workbook.close()
        else:
            last, ended = 0, True
            with open(self.path, "rb") as fh:
                while chunk := fh.read(CHUNK):
                    last += chunk.count(b"\n")
                    ended = chunk.endswith(b"\n")
            last += 0 if ended else 1
        return max(0, last - line)


def header_key(text: Any) -> str:
    return re.sub(r"[\s_\-]+", " ", fold(str(text or ""))).strip()


def read_table(path: str | Path, aliases: dict[str, str]) -> Table:
    """A file's table; `aliases` maps folded header spellings to column names. Only the
    first line is read here."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Filen {path} finns inte.")
    if path.stat().st_size > MAX_BYTES:
        raise UserError(f"Filen {path.name} är för stor för att importeras (högst 50 MB).")
    if path.suffix.lower() == ".xls":
        raise UserError("Äldre Excel-filer (.xls) kan inte läsas; spara som .xlsx eller CSV.")
    headers, _rows, close = _open(path)
    close()
    columns = [aliases.get(header_key(h), header_key(h) or None) for h in headers]
    # where each column is read from: its first heading, when a heading is repeated
    first: dict[str, int] = {}
    for index, column in enumerate(columns):
        if column and column not in first:
            first[column] = index
    return Table(path, tuple(c for c in columns if c), tuple(first.items()))


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


RawRows = tuple[list[str], Iterator[tuple[int, list[Any]]], Callable[[], None]]


def _open(path: Path) -> RawRows:
    """The file's headers, its rows (line number and cells) and how to close it."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path)


def encoding_of(path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 as Excel writes it."""
    with open(path, "rb") as fh:
        start = fh.read(4)
        if start.startswith(b"\xef\xbb\xbf"):
            return "utf-8-sig"
        if start.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(CHUNK):
                if b"\x00" in chunk:
                    raise UserError(f"Filen {path.name} är ingen textfil (CSV) eller Excel-fil (.xlsx).")
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def _read_csv(path: Path) -> RawRows:
    # open while the rows are read, and closed by the caller (the `close` returned last)
    fh = open(path, encoding=encoding_of(path), errors="replace", newline="")  # noqa: SIM115
    try:
        first_line = ""
        while not first_line.strip():
            first_line = fh.readline()
            if not first_line:
                raise UserError(f"Filen {path.name} är tom.")
        delimiter = max((";", ",", "\t"), key=first_line.count)
        fh.seek(0)
        reader = csv.reader(fh, delimiter=delimiter)
        for headers in reader:
            if any(h.strip() for h in headers):
                break
        else:  # a lone quote and nothing more, for one
            raise UserError(f"Filen {path.name} har ingen rad med rubriker.")
    except csv.Error as exc:
        fh.close()
        raise UserError(f"Filen {path.name} kunde inte läsas som CSV: {exc}") from None
    except BaseException:
        fh.close()
        raise

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for cells in reader:
                yield reader.line_num, cells
        except csv.Error as exc:
            raise UserError(f"Filen {path.name} kunde inte läsas som CSV: rad {reader.line_num}: {exc}") from None

    return headers, rows(), fh.close


def _read_xlsx(path: Path) -> RawRows:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise UserError(f"Filen {path.name} kunde inte läsas som Excel-fil: {exc}") from None
    try:
        rows_iter = workbook.worksheets[0].iter_rows(values_only=True)
        headers = [str(h) if h is not None else "" for h in next(rows_iter)]
    except StopIteration:
        workbook.close()
        raise UserError(f"Filen {path.name} är tom.") from None
    except BaseException:
        workbook.close()
        raise

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for index, cells in enumerate(rows_iter, start=2):
            yield index, [_cell(c) for c in cells]

    return headers, rows(), workbook.close


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


_DAY_FIRST = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_TIME_OF_DAY = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")  # as a spreadsheet writes a date


def parse_date(value: Any) -> dt.date | None:
    """A date from a cell: a real date, 2026-03-14, 20260314, 14/3/2026 or 14.3.2026 (a time of
    day after it is allowed, any other text is not); None when it is none of these."""
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
    match = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})" + _TIME_OF_DAY.pattern, text) \
        or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups()[:3])
    elif match := re.fullmatch(_DAY_FIRST.pattern + _TIME_OF_DAY.pattern, text):
        day, month, year = (int(g) for g in match.groups()[:3])
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
