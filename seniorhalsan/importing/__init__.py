"""Spreadsheet import of attendance, a term's schedule, contacts, feedback, group meetings,
trainings and the outreach log: a whole file or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..db.session import Ctx
from ..errors import UserError
from . import attendance, contacts, feedback, groups, outreach, schedule
from .reader import Table, read_table
from .report import ImportRefused, ImportReport

# each kind's column names and its importer: (ctx, table, *, create_missing[, term]) -> report
KINDS: dict[str, tuple[dict[str, str], Callable[..., ImportReport]]] = {
    "attendance": (attendance.ALIASES, attendance.import_attendance),
    "schedule": (schedule.ALIASES, schedule.import_schedule),
    "contacts": (contacts.ALIASES, contacts.import_contacts),
    "feedback": (feedback.ALIASES, feedback.import_feedback),
    "groups": (groups.GROUP_ALIASES, groups.import_groups),
    "trainings": (groups.TRAINING_ALIASES, groups.import_trainings),
    "outreach": (outreach.ALIASES, outreach.import_outreach),
}

# what an import of each kind writes by natural key (see `Operation.locks`)
LOCKS = {
    "attendance": ("attendance",),
    "schedule": ("schedule",),
    "contacts": ("persons",),
    "feedback": ("feedback",),
    "groups": ("groups",),
    "trainings": ("trainings",),
    "outreach": ("outreach",),
}

__all__ = ["KINDS", "LOCKS", "ImportRefused", "ImportReport", "import_file", "read_file"]


def read_file(kind: str, path: str | Path) -> Table:
    if kind not in KINDS:
        raise UserError(f"Okänd importtyp '{kind}': välj {', '.join(list(KINDS)[:-1])} eller {list(KINDS)[-1]}.")
    return read_table(path, KINDS[kind][0])


def import_file(
    ctx: Ctx, kind: str, path: str | Path, *, create_missing: bool = False, term: str | None = None
) -> ImportReport:
    """Import a CSV or XLSX file; raises ImportRefused (nothing saved) on any bad line. A schedule
    is a term's (`term`, a code such as ht2026); the other kinds have no term."""
    if kind == "schedule" and not term:
        raise UserError("Ange vilken termin schemat gäller, t.ex. --term ht2026.")
    if kind != "schedule" and term:
        raise UserError("En termin anges bara för import av schema (schedule).")
    table = read_file(kind, path)
    options = {"term": term} if kind == "schedule" else {}
    return KINDS[kind][1](ctx, table, create_missing=create_missing, **options)
