"""Terms and their schedules, from the window's week grid and from a schedule file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.session import Ctx
from ..services import schedule
from ..services.schedule import EntryInfo, TermInfo
from .base import Operation

# A term is one per kind and year, and an import matches a schedule's rows on place, day and
# activity: two writers at once take turns, so that neither doubles what the other wrote.
SCHEDULE = ("schedule",)


@dataclass(frozen=True)
class CreateTerm(Operation[TermInfo]):
    """A new term (vt, sommar or ht of a year) with its first and last day."""

    kind: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    locks = SCHEDULE

    def apply(self, ctx: Ctx) -> TermInfo:
        return schedule.create_term(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdateTerm(Operation[TermInfo]):
    """New first and last days of a term."""

    term_id: int
    starts_on: dt.date
    ends_on: dt.date
    version: int | None = None
    locks = SCHEDULE

    def apply(self, ctx: Ctx) -> TermInfo:
        return schedule.update_term(ctx, self.term_id, starts_on=self.starts_on, ends_on=self.ends_on,
                                    version=self.version)


@dataclass(frozen=True)
class CopyTerm(Operation[TermInfo]):
    """A new term with the weekly schedule of an earlier one (its dated events are not copied)."""

    source_code: str
    kind: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    locks = SCHEDULE

    def apply(self, ctx: Ctx) -> TermInfo:
        return schedule.copy_term(ctx, **self.arguments())


@dataclass(frozen=True)
class AddEntry(Operation[EntryInfo]):
    """A weekly slot of a term (weekday 1–7) or, with `on_date`, a dated event."""

    term_id: int
    activity_id: int
    place_id: int
    starts_at: dt.time
    ends_at: dt.time | None = None
    weekday: int | None = None
    on_date: dt.date | None = None
    leader_id: int | None = None  # None: the activity's usual leader
    note: str | None = None
    locks = SCHEDULE

    def apply(self, ctx: Ctx) -> EntryInfo:
        return schedule.add_entry(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdateEntry(Operation[EntryInfo]):
    """A schedule row as a form (or a file) gives it; `weekday` and `on_date` keep theirs when None."""

    entry_id: int
    version: int | None
    activity_id: int
    place_id: int
    starts_at: dt.time
    ends_at: dt.time | None
    leader_id: int | None  # None: the activity's usual leader
    note: str | None
    weekday: int | None = None
    on_date: dt.date | None = None
    locks = SCHEDULE

    def apply(self, ctx: Ctx) -> EntryInfo:
        arguments = self.arguments()
        return schedule.update_entry(ctx, arguments.pop("entry_id"), **arguments)


@dataclass(frozen=True)
class RemoveEntry(Operation[None]):
    """A row taken off the schedule; sessions already recorded for it stay."""

    entry_id: int
    locks = SCHEDULE

    def apply(self, ctx: Ctx) -> None:
        schedule.remove_entry(ctx, self.entry_id)
