"""Import of a term's schedule: mötesplats;veckodag;start;slut;aktivitet[;ledare] (or datum for a dated event).

A row is matched with the term's schedule on place, weekday (or date) and activity. Among the
rows and schedule rows of one such key, a row with the same start time as a schedule row is that
row; the others are paired in order of start time, and only rows beyond the schedule's become
new rows. So a file imported twice changes nothing the second time, and a changed time changes
the row it was. Rows are saved through the window's operations (`AddEntry`, `UpdateEntry`);
schedule rows the file does not mention stay.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from ..db.session import Ctx
from ..errors import FieldError, NotFound, UserError, ValidationError
from ..operations.schedule import AddEntry, CreateTerm, UpdateEntry
from ..periods import parse_term_code, suggest_term_dates, term_title
from ..roles import requires
from ..services import activities as activity_service
from ..services import schedule as schedule_service
from ..services.schedule import EntryInfo, TermInfo
from ..vocabulary import WEEKDAYS, fold
from .cells import date_cell, time_cell
from .names import Names
from .reader import Row, Table
from .report import ImportRefused, ImportReport, checked_rows

ALIASES = {
    "motesplats": "mötesplats",
    "plats": "mötesplats",
    "veckodag": "veckodag",
    "dag": "veckodag",
    "datum": "datum",
    "start": "start",
    "starttid": "start",
    "borjar": "start",
    "kl": "start",
    "slut": "slut",
    "sluttid": "slut",
    "slutar": "slut",
    "aktivitet": "aktivitet",
    "ledare": "ledare",
    "anteckning": "anteckning",
    "typ": "typ",
    "aktivitetstyp": "typ",
}

COLUMN_OF_FIELD = {
    "activity": "aktivitet",
    "place": "mötesplats",
    "weekday": "veckodag",
    "date": "datum",
    "start": "start",
    "end": "slut",
    "leader": "ledare",
    "note": "anteckning",
}
FOLDED_DAYS = tuple(fold(day) for day in WEEKDAYS)  # mandag … sondag


@dataclass(frozen=True)
class Key:
    """What a file row and a schedule row are matched on, within the term."""

    place_id: int
    activity_id: int
    weekday: int | None
    on_date: dt.date | None


@dataclass(frozen=True)
class Line:
    """A checked row of the file."""

    line: int
    starts_at: dt.time
    ends_at: dt.time | None
    leader_id: int | None
    note: str | None


@requires("catalogue")
def import_schedule(ctx: Ctx, table: Table, *, term: str, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="schema")
    _check_columns(table)
    the_term = _term(ctx, term, report, create_missing)
    names = Names(ctx, report, create_missing)
    lines: dict[Key, list[Line]] = defaultdict(list)
    for row in checked_rows(table, report):
        read = _read_row(ctx, row, report, names, the_term)
        if read is not None:
            lines[read[0]].append(read[1])
    if not report.full:
        _save(ctx, the_term, lines, report, set(table.columns))
    if report.errors:
        raise ImportRefused(report)
    return report


def _check_columns(table: Table) -> None:
    columns = set(table.columns)
    missing = [c for c in ("mötesplats", "start", "aktivitet") if c not in columns]
    if not {"veckodag", "datum"} & columns:
        missing.insert(1, "veckodag eller datum")
    if missing:
        raise ValidationError(FieldError(
            "columns",
            "filen saknar " + ", ".join(missing)
            + ". Första raden ska vara mötesplats;veckodag;start;slut;aktivitet;ledare"
            " (datum i stället för veckodag för ett enstaka tillfälle; slut och ledare får vara tomma).",
        ))


def _term(ctx: Ctx, code: str, report: ImportReport, create_missing: bool) -> TermInfo:
    """The term the file is for; an unknown one is created with the usual dates when asked to."""
    kind, year = parse_term_code(code)
    try:
        return schedule_service.get_term(ctx, code)
    except NotFound:
        terms = schedule_service.list_terms(ctx)
        starts_on, ends_on = suggest_term_dates(kind, year, terms)
        if not create_missing:
            raise ValidationError.of(
                "term",
                f"{term_title(kind, year).lower()} finns inte ännu. Skapa den under Aktiviteter och schema, "
                f"eller importera med --create-missing så skapas den med de vanliga datumen "
                f"({starts_on.isoformat()} – {ends_on.isoformat()}).",
            ) from None
    created = CreateTerm(kind, year, starts_on, ends_on).apply(ctx)
    report.created_records.append(
        f"terminen {created.title.lower()} ({created.starts_on.isoformat()} – {created.ends_on.isoformat()})")
    return created


def weekday_number(text: str) -> int | None:
    """1–7 for måndag … söndag, written whole, as its first letters (mån, ti, ons.), in the plural
    (måndagar), in any case, with or without å, ä, ö; or as the number itself."""
    word = re.sub(r"[\s.]+$", "", fold(text))
    if word in {"1", "2", "3", "4", "5", "6", "7"}:
        return int(word)
    for number, day in enumerate(FOLDED_DAYS, start=1):
        if (len(word) >= 2 and day.startswith(word)) or word in (day + "ar", day + "en"):
            return number
    return None


def _read_row(ctx: Ctx, row: Row, report: ImportReport, names: Names, term: TermInfo) -> tuple[Key, Line] | None:
    """The row's key and values; None if a cell is wrong (reported with its line and column)."""
    errors = len(report.errors)
    weekday_text, date_text = row.text("veckodag"), row.text("datum")
    weekday, on_date = None, None
    if weekday_text and date_text:
        report.error(row.line, "datum", "ange antingen veckodag eller datum, inte båda.")
    elif weekday_text:
        weekday = weekday_number(weekday_text)
        if weekday is None:
            report.error(row.line, "veckodag", f"'{weekday_text}' är ingen veckodag (skriv måndag … söndag "
                                               "eller mån … sön).")
    elif date_text:
        on_date = date_cell(report, row, "datum", today=ctx.today)
    else:
        report.error(row.line, "veckodag" if "veckodag" in row.values else "datum", "veckodag eller datum saknas.")
    place_id = names.place(row, on_date or term.starts_on)
    activity_id = names.activity(row)
    starts_at = time_cell(report, row, "start")
    if starts_at is None and not row.text("start"):
        report.error(row.line, "start", "start saknas.")
    ends_at = time_cell(report, row, "slut")
    leader_id = names.leader(row, "ledare")
    note = row.text("anteckning") or None
    if len(report.errors) > errors or place_id is None or activity_id is None or starts_at is None:
        return None
    return Key(place_id, activity_id, weekday, on_date), Line(row.line, starts_at, ends_at, leader_id, note)


def _save(ctx: Ctx, term: TermInfo, lines: dict[Key, list[Line]], report: ImportReport, columns: set[str]) -> None:
    """Match each key's rows with the schedule's and apply the window's operations; a refusal is
    reported by its row (and, when the file is refused, everything is rolled back)."""
    existing: dict[Key, list[EntryInfo]] = defaultdict(list)
    for known in schedule_service.list_schedule(ctx, term.id):
        existing[Key(known.place_id, known.activity_id, known.weekday, known.on_date)].append(known)
    own_leaders = schedule_service.own_leader_ids(ctx, term.id)
    usual_leaders = {a.id: a.leader_id for a in activity_service.list_activities(ctx, include_inactive=True)}
    for key, rows in lines.items():
        for line, entry in pair(rows, existing.get(key, [])):
            if report.full:
                return
            if "ledare" not in columns:
                leader_id = own_leaders.get(entry.id) if entry else None
            elif line.leader_id == usual_leaders.get(key.activity_id):
                leader_id = None  # the activity's usual leader needs no leader of its own on the row
            else:
                leader_id = line.leader_id
            note = line.note if "anteckning" in columns else (entry.note if entry else None)
            try:
                if entry is None:
                    AddEntry(term.id, key.activity_id, key.place_id, line.starts_at, line.ends_at, key.weekday,
                             key.on_date, leader_id, note).apply(ctx)
                    report.created += 1
                elif (entry.starts_at, entry.ends_at, own_leaders.get(entry.id), entry.note) == (
                        line.starts_at, line.ends_at, leader_id, note):
                    report.unchanged += 1
                else:
                    UpdateEntry(entry.id, entry.version, key.activity_id, key.place_id, line.starts_at,
                                line.ends_at, leader_id, note).apply(ctx)
                    report.updated += 1
            except UserError as exc:
                report.refused(line.line, exc, COLUMN_OF_FIELD, other="aktivitet")


def pair(rows: list[Line], entries: list[EntryInfo]) -> list[tuple[Line, EntryInfo | None]]:
    """The file's rows of one key with the schedule's: the same start time first, then the rest
    in order of start time; a row beyond the schedule's rows has none."""
    rows = sorted(rows, key=lambda r: (r.starts_at, r.line))
    free = sorted(entries, key=lambda e: (e.starts_at, e.id))
    matched: dict[int, EntryInfo] = {}
    for row in rows:
        same = next((e for e in free if e.starts_at == row.starts_at), None)
        if same is not None:
            matched[row.line] = same
            free.remove(same)
    pairs: list[tuple[Line, EntryInfo | None]] = []
    for row in rows:
        if row.line in matched:
            pairs.append((row, matched[row.line]))
        else:
            pairs.append((row, free.pop(0) if free else None))
    return pairs
