"""Import of attendance counts: datum;mötesplats;aktivitet;kvinnor;män;övriga (or totalt)[;nya][;start].

Each line is a count for a session of a place's day, saved through the same operation as
the window's day (`RecordCounts`): a line fills the planned session of the schedule (the
one starting at the line's time when the file has a `start` column, otherwise the n-th
line of a place, day and activity fills the n-th of its sessions that day), and only a
line beyond them becomes an extra session. Importing a file twice therefore adds nothing
the second time, and counts typed in Närvaro are the same sessions the file fills.
"""

from __future__ import annotations

from collections import Counter

from ..db.session import Ctx
from ..errors import FieldError, ValidationError
from ..operations.attendance import RecordCounts
from ..roles import requires
from ..services.attendance import CountInput, record_counts
from ..services.attendance_slots import SessionKey
from .cells import count_cells, date_cell, time_cell
from .names import Names
from .reader import Row, Table
from .report import ImportRefused, ImportReport, checked_rows, save_chunk

ALIASES = {
    "datum": "datum",
    "dag": "datum",
    "motesplats": "mötesplats",
    "plats": "mötesplats",
    "aktivitet": "aktivitet",
    "start": "start",
    "starttid": "start",
    "tid": "start",
    "kl": "start",
    "slut": "slut",
    "sluttid": "slut",
    "kvinnor": "kvinnor",
    "man": "män",
    "ovriga": "övriga",
    "ovrigt": "övriga",
    "annat": "övriga",
    "totalt": "totalt",
    "total": "totalt",
    "antal": "totalt",
    "nya": "nya",
    "nya besokare": "nya",
    "typ": "typ",
    "aktivitetstyp": "typ",
}

COUNT_COLUMNS = {"women": "kvinnor", "men": "män", "other": "övriga", "total": "totalt", "new_visitors": "nya"}
COLUMN_OF_FIELD = {
    **COUNT_COLUMNS,
    "cancelled": "totalt",
    "date": "datum",
    "place": "mötesplats",
    "activity": "aktivitet",
    "session": "datum",
}
CHUNK_ROWS = 5000  # lines checked and saved together; a large file is never held whole


@requires("attendance")
def import_attendance(ctx: Ctx, table: Table, *, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="närvaro")
    _check_columns(table)
    names = Names(ctx, report, create_missing)
    occurrences: Counter[tuple] = Counter()
    count_columns = {key: column for key, column in COUNT_COLUMNS.items() if column in table.columns}
    pending: list[tuple[int, CountInput]] = []
    for row in checked_rows(table, report):
        count = _read_row(ctx, row, report, names, occurrences, count_columns)
        if count is None:
            continue
        pending.append((row.line, count))
        if len(pending) >= CHUNK_ROWS:
            _save(ctx, pending, report)
            pending = []
    _save(ctx, pending, report)
    if report.errors:
        raise ImportRefused(report)
    return report


def _check_columns(table: Table) -> None:
    columns = set(table.columns)
    missing = [c for c in ("datum", "mötesplats", "aktivitet") if c not in columns]
    if not {"kvinnor", "män", "övriga", "totalt"} & columns:
        missing.append("kvinnor;män;övriga eller totalt")
    if missing:
        raise ValidationError(FieldError(
            "columns",
            "filen saknar " + ", ".join(missing)
            + ". Första raden ska vara datum;mötesplats;aktivitet;kvinnor;män;övriga"
            " eller datum;mötesplats;aktivitet;totalt (med nya och start som valfria kolumner).",
        ))


def _read_row(ctx: Ctx, row: Row, report: ImportReport, names: Names, occurrences: Counter[tuple],
              count_columns: dict[str, str]) -> CountInput | None:
    """The line's count with its session named by place, day, activity, start and which of
    the file's lines for them it is (`occurrences` counts them); None if a cell is wrong (reported)."""
    errors = len(report.errors)
    day = date_cell(report, row, "datum", today=ctx.today)
    place_id = names.place(row, day)
    activity_id = names.activity(row)
    start = time_cell(report, row, "start")
    end = time_cell(report, row, "slut")
    counts = count_cells(report, row, count_columns)
    if counts is not None and counts.get("women") is None and counts.get("men") is None \
            and counts.get("other") is None and counts.get("total") is None:
        report.error(row.line, "totalt", "ange antal besökare.")
    if len(report.errors) > errors or day is None or place_id is None or activity_id is None or counts is None:
        return None
    same = (place_id, day, activity_id, start)
    occurrences[same] += 1
    key = SessionKey(place_id, day, activity_id, None, None, start, end, occurrences[same])
    return CountInput(key, counts.get("women"), counts.get("men"), counts.get("other"), counts.get("total"),
                      counts.get("new_visitors"), replace_note=False)


def _save(ctx: Ctx, pending: list[tuple[int, CountInput]], report: ImportReport) -> None:
    """Save a chunk of lines through the window's operation (see `save_chunk`)."""
    saved = save_chunk(
        report, pending, save=lambda counts: RecordCounts(counts).apply(ctx),
        check=lambda counts: record_counts(ctx, counts, write=False),
        refused=lambda line, exc: report.refused(line, exc, COLUMN_OF_FIELD, other="datum"))
    if saved is not None:
        report.saved(saved)
