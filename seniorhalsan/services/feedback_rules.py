""""Tyck till" values checked before they are saved: the template rows, the dates and the texts,
each refusal named by its field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from ..db.models import Activity, Feedback, FeedbackCategory, Place
from ..db.session import Ctx
from ..errors import NotFound
from ..vocabulary import FEEDBACK_CHANNELS, FEEDBACK_TYPES, fold
from .checks import Checker
from .lookups import owned

MAX_TEXT = 8000
ASKS_WHAT_ABOUT = ("synpunkt", "klagomal")  # praise need not say what it is about


def category(ctx: Ctx, grp: str, value: Any) -> FeedbackCategory | None:
    """A template row by key, short name or full name."""
    wanted = fold(str(value or ""))
    if not wanted:
        return None
    for row in ctx.session.scalars(select(FeedbackCategory).where(FeedbackCategory.grp == grp)):
        if wanted in (fold(row.key), fold(row.short_name), fold(row.name)):
            return row
    return None


def _category_field(ctx: Ctx, check: Checker, grp: str, value: Any, *, required: bool) -> FeedbackCategory | None:
    if value is None or not str(value).strip():
        if required:
            check.fail(grp, "måste väljas.")
        return None
    row = category(ctx, grp, value)
    if row is None:
        names = ", ".join(
            r.short_name for r in ctx.session.scalars(
                select(FeedbackCategory).where(FeedbackCategory.grp == grp).order_by(FeedbackCategory.sort_order)
            )
        )
        check.fail(grp, f"'{value}' finns inte i mallen; välj en av: {names}.")
    return row


def _record_field(ctx: Ctx, check: Checker, model: type, field: str, what: str, record_id: int | None) -> None:
    if record_id is None:
        return
    try:
        owned(ctx, model, record_id, what)
    except NotFound as exc:
        check.fail(field, str(exc))


def validated(ctx: Ctx, check: Checker, current: Feedback | None, fields: dict[str, Any]) -> dict[str, Any]:
    """The given fields as the item's columns; a new item (`current` None) or a correction of
    `current`, where only the fields given change."""
    out: dict[str, Any] = {}
    if "received_on" in fields:
        out["received_on"] = check.date("received_on", fields["received_on"], today=ctx.today)
    if "channel" in fields:
        out["channel"] = check.choice("channel", fields["channel"] or "blankett", FEEDBACK_CHANNELS)
    if "type" in fields:
        out["type"] = check.choice("type", fields["type"], FEEDBACK_TYPES)
    if "from_key" in fields:
        row = _category_field(ctx, check, "from", fields["from_key"], required=True)
        out["from_id"] = row.id if row else None
    kind = out.get("type") or (current.type if current else None)
    if "about_key" in fields:
        row = _category_field(ctx, check, "about", fields["about_key"], required=False)
        out["about_id"] = row.id if row else None
    about_id = out.get("about_id", current.about_id if current else None)
    about_typed = bool(str(fields.get("about_key") or "").strip())
    if kind in ASKS_WHAT_ABOUT and about_id is None and not about_typed and (
        "about_key" in fields or "type" in fields
    ):
        check.fail("about", "välj vad synpunkten eller klagomålet gäller.")
    if "about_note" in fields:
        out["about_note"] = check.text("about_note", fields["about_note"])
    if "place_id" in fields:
        _record_field(ctx, check, Place, "place", "Mötesplatsen", fields["place_id"])
        out["place_id"] = fields["place_id"]
    if "activity_id" in fields:
        _record_field(ctx, check, Activity, "activity", "Aktiviteten", fields["activity_id"])
        out["activity_id"] = fields["activity_id"]
    if "text" in fields:
        out["text"] = check.text("text", fields["text"], required=True, max_length=MAX_TEXT)
    if "contact" in fields:
        out["contact"] = check.text("contact", fields["contact"])
    for flag in ("anonymous", "confidential"):
        if flag in fields and fields[flag] is not None:
            out[flag] = bool(fields[flag])
    if "response_due" in fields and fields["response_due"] is not None:
        out["response_due"] = check.date("answer_due", fields["response_due"])
    received = out.get("received_on") or (current.received_on if current else None)
    due = out.get("response_due")
    if received and due and due < received:
        check.fail("answer_due", "ligger före dagen den kom in.")
    if current is not None and "received_on" in out and received:
        if current.answered_on and received > current.answered_on:
            check.fail("received_on", "kan inte ligga efter dagen då återkoppling gavs "
                                      f"({current.answered_on.isoformat()}).")
        elif current.action_on and received > current.action_on:
            check.fail("received_on", "kan inte ligga efter dagen då åtgärden gjordes "
                                      f"({current.action_on.isoformat()}).")
    return out


def checked_answer(
    ctx: Ctx, item: Feedback, answered_on: dt.date | None, answer_text: str | None
) -> tuple[dt.date | None, str | None]:
    """The återkoppling's day and text (no day: none given, and its text goes too)."""
    check = Checker()
    day = check.date("answered_on", answered_on, today=ctx.today, required=False)
    if day and day < item.received_on:
        check.fail("answered_on", "kan inte ligga före dagen synpunkten kom in.")
    text = check.text("answer_text", answer_text, max_length=MAX_TEXT)
    check.done()
    return day, text if day else None


def checked_action(
    ctx: Ctx, item: Feedback, action_text: str | None, action_on: dt.date | None
) -> tuple[str | None, dt.date | None]:
    """The åtgärd's text and day (no text: none was taken, and its day goes too)."""
    check = Checker()
    text = check.text("action", action_text, max_length=MAX_TEXT)
    day = check.date("action_on", action_on, today=ctx.today, required=False)
    if day and not text:
        check.fail("action", "beskriv vad som gjordes.")
    if day and day < item.received_on:
        check.fail("action_on", "kan inte ligga före dagen synpunkten kom in.")
    check.done()
    return text, day if text else None
