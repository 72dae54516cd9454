"""A file imported, and the demo year generated: long actions, run off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.session import Ctx
from ..importing import LOCKS, ImportReport, import_file
from .base import Operation


@dataclass(frozen=True)
class ImportFile(Operation[ImportReport]):
    """A CSV or XLSX file of one kind (attendance, schedule, contacts, feedback, groups, trainings): the whole
    file, through the same operations as the window, or nothing."""

    kind: str
    path: str
    create_missing: bool = False
    term: str | None = None  # the term a schedule is for (ht2026)

    @property
    def locks(self) -> tuple[str, ...]:  # type: ignore[override]
        # names created on the way (places, activities, leaders) are the catalogue's
        return LOCKS.get(self.kind, ()) + (("catalogue",) if self.create_missing else ())

    def apply(self, ctx: Ctx) -> ImportReport:
        return import_file(ctx, self.kind, self.path, create_missing=self.create_missing, term=self.term)


@dataclass(frozen=True)
class GenerateDemo(Operation[object]):
    """An invented year (and the year before) in an empty database, to try the program with."""

    year: int | None = None
    locks = ("attendance", "persons", "feedback", "schedule")

    def apply(self, ctx: Ctx) -> object:
        from ..demo import generate

        return generate(ctx, year=self.year)
