"""Places, activities and leaders by the names an imported file uses.

A name is found forgivingly (case and å, ä, ö do not matter, a place's former name counts for the
days it had it), refused with the nearest known names, or created through the window's own
operations when the import is asked to create what is missing.
"""

from __future__ import annotations

import datetime as dt

from ..db.session import Ctx
from ..errors import UserError, ValidationError
from ..operations.catalogue import CreateActivity, CreatePlace, CreateStaff
from ..services import activities as activity_service
from ..services import places as place_service
from ..services import staff as staff_service
from ..services.lookups import kind_by_key
from ..vocabulary import fold
from .reader import Row
from .report import ImportReport, suggestions

KINDS_HELP = "fysisk, social, kultur, halsa, evenemang, utflykt, it"


class Names:
    """The columns `mötesplats`, `aktivitet` (with `typ` for a new one) and a leader's column."""

    def __init__(self, ctx: Ctx, report: ImportReport, create_missing: bool) -> None:
        self.ctx, self.report, self.create_missing = ctx, report, create_missing
        self.places = place_service.list_places(ctx)
        self.by_name: dict[str, place_service.PlaceInfo] = {}
        for known in reversed(self.places):  # the first place of a name wins, as in match_place
            self.by_name[fold(known.name)] = known
        known_activities = activity_service.list_activities(ctx, include_inactive=True)
        self.activities = {fold(a.name): a.id for a in known_activities}
        self.activity_names = [a.name for a in known_activities]
        self.staff: dict[str, int] | None = None  # read when a file first names a leader
        self.staff_names: list[str] = []

    def place(self, row: Row, day: dt.date | None) -> int | None:
        name = row.text("mötesplats")
        if not name:
            self.report.error(row.line, "mötesplats", "mötesplats saknas.")
            return None
        # a current name needs no day; only a former name is looked up with it
        place = self.by_name.get(fold(name)) or place_service.match_place(self.places, name, on=day)
        if place is None and self.create_missing:
            try:
                place = CreatePlace(name=name).apply(self.ctx)
            except ValidationError as exc:
                self._refused(row, "mötesplats", exc)
                return None
            self.by_name[fold(name)] = place
            self.report.created_records.append(f"mötesplatsen {place.name}")
        elif place is None:
            self.report.error(row.line, "mötesplats", f"'{name}' är ingen känd mötesplats."
                              + suggestions(name, [p.name for p in self.places]))
            return None
        return place.id

    def activity(self, row: Row) -> int | None:
        name = row.text("aktivitet")
        if not name:
            self.report.error(row.line, "aktivitet", "aktivitet saknas.")
            return None
        known = self.activities.get(fold(name))
        if known is not None:
            return known
        if not self.create_missing:
            self.report.error(row.line, "aktivitet", f"'{name}' är ingen känd aktivitet."
                              + suggestions(name, self.activity_names))
            return None
        # without a type in the file the activity gets none, not a guess: the statistics count its
        # visits under "Typ ej angiven" and the report says which activities need one
        kind = row.text("typ") or None
        if kind is not None:
            try:
                kind_by_key(self.ctx, kind)
            except UserError:
                self.report.error(row.line, "typ", f"'{kind}' är ingen aktivitetstyp ({KINDS_HELP}).")
                return None
        try:
            created = CreateActivity(name=name, kind=kind).apply(self.ctx)
        except ValidationError as exc:
            self._refused(row, "aktivitet", exc)
            return None
        self.activities[fold(name)] = created.id
        self.report.created_records.append(f"aktiviteten {created.name}")
        if created.kind is None:
            self.report.untyped.append(created.name)
        return created.id

    def leader(self, row: Row, column: str) -> int | None:
        """The staff member a cell names; None for an empty cell (or a refused name, reported)."""
        name = row.text(column)
        if not name:
            return None
        if self.staff is None:
            known = staff_service.list_staff(self.ctx, include_inactive=True)
            self.staff = {}
            for person in reversed(known):  # two of one name: the first, as find_staff
                self.staff[fold(person.name)] = person.id
            self.staff_names = [s.name for s in known]
        found = self.staff.get(fold(name))
        if found is not None:
            return found
        if not self.create_missing:
            self.report.error(row.line, column, f"'{name}' är ingen känd medarbetare."
                              + suggestions(name, self.staff_names))
            return None
        try:
            created = CreateStaff(name=name).apply(self.ctx)
        except ValidationError as exc:
            self._refused(row, column, exc)
            return None
        self.staff[fold(name)] = created.id
        self.report.created_records.append(f"medarbetaren {created.name}")
        return created.id

    def _refused(self, row: Row, column: str, exc: ValidationError) -> None:
        for error in exc.errors:
            self.report.error(row.line, column, error.message)
