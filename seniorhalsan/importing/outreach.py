"""Import of the outreach log: datum;typ;samarbetspartner;nådda;medarbetare;anteckning.

Each line goes through the same operations as the window's log (Enheten → Utåtriktat arbete). The
n-th line of a day, kind and partner is the n-th entry recorded with them: a line whose count,
staff member or note differs changes that entry, and only lines beyond the recorded ones are added,
so that importing a file twice adds nothing the second time.
"""

from __future__ import annotations

from collections import Counter

from ..db.session import Ctx
from ..errors import FieldError, UserError, ValidationError
from ..operations.catalogue import CreatePlace
from ..operations.outreach import AddOutreach, UpdateOutreach
from ..roles import requires
from ..services import places as place_service
from ..services.checks import Checker
from ..services.outreach import MAX_REACHED, same_outreach
from ..vocabulary import OUTREACH_ALIASES, OUTREACH_KINDS, fold, lookup
from .cells import date_cell
from .names import Names
from .reader import Row, Table
from .report import ImportRefused, ImportReport, checked_rows, suggestions

ALIASES = {
    "datum": "datum",
    "dag": "datum",
    "typ": "typ",
    "slag": "typ",
    "samarbetspartner": "samarbetspartner",
    "partner": "samarbetspartner",
    "samverkanspart": "samarbetspartner",
    "nadda": "nådda",
    "antal": "nådda",
    "antal nadda": "nådda",
    "deltagare": "nådda",
    "medarbetare": "medarbetare",
    "anteckning": "anteckning",
}
COLUMN_OF_FIELD = {
    "date": "datum",
    "outreach_kind": "typ",
    "partner": "samarbetspartner",
    "reached": "nådda",
    "staff": "medarbetare",
    "note": "anteckning",
}
KINDS_HELP = ", ".join(label.lower() for label in OUTREACH_KINDS.values())


@requires("outreach")
def import_outreach(ctx: Ctx, table: Table, *, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="utåtriktat arbete")
    missing = [c for c in ("datum", "typ") if c not in table.columns]
    if missing:
        raise ValidationError(FieldError(
            "columns", "filen saknar " + ", ".join(missing)
            + ". Första raden ska vara datum;typ;samarbetspartner;nådda;medarbetare;anteckning."))
    lines = _Lines(ctx, report, create_missing)
    for row in checked_rows(table, report):
        lines.save(row)
    if report.errors:
        raise ImportRefused(report)
    return report


class _Lines:
    """Reads each line into the window's fields and saves it; partners and staff by the names a file
    uses (created with --create-missing)."""

    def __init__(self, ctx: Ctx, report: ImportReport, create_missing: bool) -> None:
        self.ctx, self.report, self.create_missing = ctx, report, create_missing
        self.names = Names(ctx, report, create_missing)
        self.places = {fold(p.name): p for p in reversed(place_service.list_places(ctx))}
        self.occurrences: Counter[tuple] = Counter()  # lines seen of each day, kind and partner

    def save(self, row: Row) -> None:
        report, errors = self.report, len(self.report.errors)
        day = date_cell(report, row, "datum", today=self.ctx.today)
        typed = row.text("typ")
        kind = lookup(OUTREACH_KINDS, typed) or OUTREACH_ALIASES.get(fold(typed))
        if kind is None:
            report.error(row.line, "typ", (f"'{typed}' är ingen typ av utåtriktat arbete" if typed else "typ saknas")
                         + f"; skriv {KINDS_HELP}.")
        check = Checker()
        reached = check.count("reached", row.get("nådda"), maximum=MAX_REACHED)
        for error in check.errors:
            report.error(row.line, "nådda", error.message)
        partner_id = self.partner(row)
        staff_id = self.names.leader(row, "medarbetare")
        if len(report.errors) > errors or day is None or kind is None:
            return
        note = row.text("anteckning") or None
        key = (day, kind, partner_id)
        index = self.occurrences[key]
        self.occurrences[key] += 1
        try:
            same = same_outreach(self.ctx, held_on=day, kind=kind, partner_id=partner_id)
            if index < len(same):
                found = same[index]
                if (found.reached, found.staff_id, found.note) == (reached, staff_id, note):
                    report.unchanged += 1
                    return
                UpdateOutreach(found.id, found.version, day, kind, partner_id, reached=reached, staff_id=staff_id,
                               note=note).apply(self.ctx)
                report.updated += 1
                return
            AddOutreach(day, kind, partner_id, reached, staff_id, note).apply(self.ctx)
            report.created += 1
        except ValidationError as exc:
            for error in exc.errors:
                report.error(row.line, COLUMN_OF_FIELD.get(error.field, "typ"), error.message)
        except UserError as exc:
            report.error(row.line, "typ", str(exc))

    def partner(self, row: Row) -> int | None:
        """The partner of the register a line names; with --create-missing a new one is added to it."""
        name = row.text("samarbetspartner")
        if not name:
            return None
        place = self.places.get(fold(name))
        if place is None and self.create_missing:
            try:
                place = CreatePlace(name=name, kind="partner").apply(self.ctx)
            except ValidationError as exc:
                for error in exc.errors:
                    self.report.error(row.line, "samarbetspartner", error.message)
                return None
            self.places[fold(name)] = place
            self.report.created_records.append(f"samarbetspartnern {place.name}")
        if place is None:
            partners = [p.name for p in self.places.values() if p.kind == "partner"]
            self.report.error(row.line, "samarbetspartner", f"'{name}' finns inte bland samarbetspartnerna."
                              + (suggestions(name, partners) or " Lägg till den under Enheten → Samarbetspartner, "
                                 "eller importera med --create-missing."))
            return None
        if place.kind != "partner":
            self.report.error(row.line, "samarbetspartner", f"{place.name} är en mötesplats, ingen samarbetspartner.")
            return None
        return place.id
