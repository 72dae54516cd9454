"""Import of "Tyck till" items: datum;typ;från;gäller;mötesplats;text;kontakt;återkoppling;åtgärd.

`från` and `gäller` take a template row's short name, full name or key. `återkoppling`
is the date feedback was given, `åtgärd` what was done. Each line goes through the same
operations as the window (`RegisterFeedback`, `RecordAnswer`, `RecordAction`). A line equal
to an item already registered (same day, type, sender, subject and text; the n-th such line
matches the n-th such item) is not added again; a later återkoppling or åtgärd in the file
is recorded on it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..db.session import Ctx
from ..errors import FieldError, ValidationError
from ..operations.feedback import RecordAction, RecordAnswer, RegisterFeedback
from ..roles import requires
from ..services import activities as activity_service
from ..services import places as place_service
from ..services.feedback import FeedbackInfo, FeedbackInput
from ..services.feedback_register import same_items
from ..services.feedback_rules import category
from ..vocabulary import FEEDBACK_TYPES, fold, lookup
from .cells import date_cell
from .reader import Row, Table
from .report import ImportRefused, ImportReport, checked_rows, suggestions

ALIASES = {
    "datum": "datum",
    "mottagen": "datum",
    "typ": "typ",
    "fran": "från",
    "galler": "gäller",
    "motesplats": "mötesplats",
    "plats": "mötesplats",
    "text": "text",
    "synpunkt": "text",
    "kontakt": "kontakt",
    "adress": "kontakt",
    "aterkoppling": "återkoppling",
    "atgard": "åtgärd",
    "kanal": "kanal",
    "aktivitet": "aktivitet",
}

COLUMN_OF_FIELD = {
    "received_on": "datum",
    "answer_due": "datum",
    "type": "typ",
    "from": "från",
    "about": "gäller",
    "about_note": "gäller",
    "place": "mötesplats",
    "activity": "aktivitet",
    "text": "text",
    "contact": "kontakt",
    "channel": "kanal",
    "answered_on": "återkoppling",
    "answer_text": "återkoppling",
    "action": "åtgärd",
    "action_on": "åtgärd",
}


@requires("feedback")
def import_feedback(ctx: Ctx, table: Table, *, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="synpunkter")
    missing = [c for c in ("datum", "typ", "från", "text") if c not in table.columns]
    if missing:
        raise ValidationError(FieldError(
            "columns",
            "filen saknar " + ", ".join(missing)
            + ". Första raden ska vara datum;typ;från;gäller;mötesplats;text;kontakt;återkoppling;åtgärd.",
        ))
    lines = _Lines(ctx, report, create_missing)
    for row in checked_rows(table, report):
        lines.save(row)
    if report.errors:
        raise ImportRefused(report)
    return report


class _Lines:
    """Reads each line into the form's fields and saves it; the places and activities a file
    names are looked up once."""

    def __init__(self, ctx: Ctx, report: ImportReport, create_missing: bool) -> None:
        self.ctx, self.report, self.create_missing = ctx, report, create_missing
        self.places = place_service.list_places(ctx)
        activities = activity_service.list_activities(ctx, include_inactive=True)
        self.activities = {fold(a.name): a.id for a in activities}
        self.activity_names = [a.name for a in activities]
        self.occurrences: Counter[tuple] = Counter()  # lines seen of each item, to match the n-th item
        self.template_keys: dict[tuple[str, str], str] = {}

    def save(self, row: Row) -> None:
        errors = len(self.report.errors)
        day = date_cell(self.report, row, "datum", today=self.ctx.today)
        answered_on = date_cell(self.report, row, "återkoppling", today=self.ctx.today, required=False)
        place_id = self._place(row, day)
        activity_id = self._activity(row)
        if len(self.report.errors) > errors:
            return
        item = self._item(row, day, place_id, activity_id)
        try:
            saved, created = self._find_or_register(item)
            changed = False
            action_text = row.text("åtgärd") or None
            if answered_on and saved.answered_on != answered_on:
                saved = RecordAnswer(saved.id, answered_on, saved.answer_text, version=saved.version).apply(self.ctx)
                changed = True
            if action_text and saved.action_text != action_text:
                saved = RecordAction(saved.id, action_text, saved.action_on, version=saved.version).apply(self.ctx)
                changed = True
        except ValidationError as exc:
            for error in exc.errors:
                self.report.error(row.line, COLUMN_OF_FIELD.get(error.field, error.label.lower()), error.message)
            return
        if created:
            self.report.created += 1
        elif changed:
            self.report.updated += 1
        else:
            self.report.unchanged += 1

    def _item(self, row: Row, day: dt.date | None, place_id: int | None, activity_id: int | None) -> FeedbackInput:
        """The line as the form's fields, the template rows by their keys where they are known
        (so that a short and a full name are the same item); the service refuses the rest."""
        kind = lookup(FEEDBACK_TYPES, row.text("typ")) or row.text("typ") or None
        about = (row.text("gäller") or None) if kind != "berom" else None  # praise is about nothing
        return FeedbackInput(
            received_on=day,
            type=kind,
            from_key=self._template_key("from", row.text("från") or None),
            about_key=self._template_key("about", about),
            place_id=place_id,
            activity_id=activity_id,
            text=row.text("text"),
            contact=row.text("kontakt") or None,
            channel=row.text("kanal") or "blankett",
        )

    def _template_key(self, grp: str, name: str | None) -> str | None:
        if name is None:
            return None
        wanted = (grp, fold(name))
        if wanted not in self.template_keys:
            row = category(self.ctx, grp, name)
            if row is None:
                return name  # the service refuses it, naming the template's rows
            self.template_keys[wanted] = row.key
        return self.template_keys[wanted]

    def _find_or_register(self, item: FeedbackInput) -> tuple[FeedbackInfo, bool]:
        """The registered item this line is (the n-th line of the same item, the n-th item), or
        the line registered as a new item; and whether it is new."""
        key = (item.received_on, item.type, item.from_key, item.about_key, (item.text or "").strip())
        index = self.occurrences[key]
        self.occurrences[key] += 1
        same = same_items(self.ctx, item)
        if index < len(same):
            return same[index], False
        return RegisterFeedback(item).apply(self.ctx), True

    def _place(self, row: Row, day: dt.date | None) -> int | None:
        name = row.text("mötesplats")
        if not name:
            return None
        place = place_service.match_place(self.places, name, on=day)
        if place is None and self.create_missing:
            place = place_service.create_place(self.ctx, name=name)
            self.places.append(place)
            self.report.created_records.append(f"mötesplatsen {place.name}")
        if place is None:
            self.report.error(row.line, "mötesplats", f"'{name}' är ingen känd mötesplats."
                              + suggestions(name, [p.name for p in self.places]))
            return None
        return place.id

    def _activity(self, row: Row) -> int | None:
        name = row.text("aktivitet")
        if not name:
            return None
        known = self.activities.get(fold(name))
        if known is None:
            self.report.error(row.line, "aktivitet", f"'{name}' är ingen känd aktivitet."
                              + suggestions(name, self.activity_names))
        return known
