"""Import of "Tyck till" items: datum;typ;från;gäller;mötesplats;text;kontakt;återkoppling;åtgärd.

`från` and `gäller` take a template row's short name, full name or key. `återkoppling`
is the date feedback was given, `åtgärd` what was done. A line equal to an item already
registered (same day, type, sender, subject and text) is not added again; a later
återkoppling or åtgärd in the file is recorded on it.
"""

from __future__ import annotations

from sqlalchemy import select

from ..db.models import Feedback
from ..db.session import Ctx
from ..roles import requires
from ..errors import FieldError, ValidationError
from ..services import activities as activity_service
from ..services import feedback as feedback_service
from ..services import places as place_service
from ..services.checks import Checker
from ..services.feedback_rules import category
from ..vocabulary import FEEDBACK_TYPES, fold
from .reader import Table, parse_date
from .report import ImportRefused, ImportReport, suggestions

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
    report = ImportReport(kind="synpunkter", )
    missing = [c for c in ("datum", "typ", "från", "text") if c not in table.columns]
    if missing:
        raise ValidationError(
            FieldError(
                "columns",
                "filen saknar " + ", ".join(missing)
                + ". Första raden ska vara datum;typ;från;gäller;mötesplats;text;kontakt;återkoppling;åtgärd.",
            )
        )
    places = place_service.list_places(ctx)
    activities = activity_service.list_activities(ctx, include_inactive=True)
    seen: dict[tuple, int] = {}

    for row in table:
        report.rows += 1
        errors_before = len(report.errors)
        day = parse_date(row.get("datum"))
        if day is None:
            report.error(row.line, "datum", f"'{row.text('datum')}' är inget datum (skriv ÅÅÅÅ-MM-DD)." if row.text("datum") else "datum saknas.")

        place_id = None
        place_name = row.text("mötesplats")
        if place_name:
            place = place_service.match_place(places, place_name, on=day)
            if place is None and create_missing:
                place = place_service.create_place(ctx, name=place_name)
                places.append(place)
                report.created_records.append(f"mötesplatsen {place.name}")
            if place is None:
                report.error(row.line, "mötesplats", f"'{place_name}' är ingen känd mötesplats." + suggestions(place_name, [p.name for p in places]))
            else:
                place_id = place.id

        activity_id = None
        activity_name = row.text("aktivitet")
        if activity_name:
            match = next((a for a in activities if fold(a.name) == fold(activity_name)), None)
            if match is None:
                report.error(row.line, "aktivitet", f"'{activity_name}' är ingen känd aktivitet." + suggestions(activity_name, [a.name for a in activities]))
            else:
                activity_id = match.id

        answered_on = None
        if row.text("återkoppling"):
            answered_on = parse_date(row.get("återkoppling"))
            if answered_on is None:
                report.error(row.line, "återkoppling", f"'{row.text('återkoppling')}' är inget datum; ange dagen återkoppling lämnades.")
        kind = Checker().choice("Typ", row.text("typ"), FEEDBACK_TYPES)
        about = row.text("gäller") or None
        if kind == "berom":
            about = None

        if len(report.errors) > errors_before or day is None:
            continue
        fields = dict(
            received_on=day,
            type=row.text("typ"),
            from_key=row.text("från"),
            about_key=about,
            place_id=place_id,
            activity_id=activity_id,
            text=row.text("text"),
            contact=row.text("kontakt") or None,
            channel=row.text("kanal") or "blankett",
        )
        _save_line(ctx, row, report, fields, answered_on, row.text("åtgärd") or None, seen)

    if report.errors:
        raise ImportRefused(report)
    return report


def _save_line(ctx: Ctx, row, report: ImportReport, fields: dict, answered_on, action_text, seen: dict) -> None:
    key = tuple(fold(str(fields[k] or "")) for k in ("received_on", "type", "from_key", "about_key", "text"))
    index = seen.get(key, 0)
    seen[key] = index + 1
    try:
        twins = _twins(ctx, fields)
        twin = twins[index] if index < len(twins) else None
        if twin is None:
            item = feedback_service.register_feedback(ctx, **fields)
            report.created += 1
        else:
            item = feedback_service.get_feedback(ctx, twin.id)
        changed = False
        if answered_on and item.answered_on != answered_on:
            feedback_service.record_answer(ctx, item.id, answered_on=answered_on, answer_text=item.answer_text)
            changed = True
        if action_text and item.action_text != action_text:
            feedback_service.record_action(ctx, item.id, action_text=action_text, action_on=item.action_on)
            changed = True
        if twin is not None:
            if changed:
                report.updated += 1
            else:
                report.unchanged += 1
    except ValidationError as exc:
        for error in exc.errors:
            report.error(row.line, COLUMN_OF_FIELD.get(error.field, error.label.lower()), error.message)


def _twins(ctx: Ctx, fields: dict) -> list[Feedback]:
    """Items already registered with the same day, type, sender, subject and text."""
    kind = Checker().choice("Typ", fields["type"], FEEDBACK_TYPES)
    sender = category(ctx, "from", fields["from_key"])
    subject = category(ctx, "about", fields["about_key"]) if fields["about_key"] else None
    if kind is None or sender is None:
        return []
    query = select(Feedback).where(
        Feedback.unit_id == ctx.unit_id,
        Feedback.received_on == fields["received_on"],
        Feedback.type == kind,
        Feedback.from_id == sender.id,
        Feedback.text == (fields["text"] or "").strip(),
    )
    query = query.where(Feedback.about_id == subject.id) if subject else query.where(Feedback.about_id.is_(None))
    return list(ctx.session.scalars(query.order_by(Feedback.id)))
