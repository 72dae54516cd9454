""""Tyck till": praise, views and complaints, with återkoppling and åtgärd."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from ..db.models import Activity, Feedback, FeedbackCategory, Place
from ..db.session import Ctx
from ..errors import NotFound
from ..periods import add_months, tertial_range, year_range
from ..roles import requires
from ..vocabulary import FEEDBACK_CHANNELS, FEEDBACK_TYPES, fold
from .access_log import audited
from .checks import Checker, check_version
from .lookups import owned

STATUSES = {
    "obesvarad": "Väntar på återkoppling",
    "besvarad": "Återkoppling lämnad",
    "atgardad": "Åtgärd vidtagen",
}


@dataclass(frozen=True)
class FeedbackInfo:
    id: int
    received_on: dt.date
    channel: str
    type: str
    from_key: str
    from_name: str
    about_key: str | None
    about_name: str | None
    about_note: str | None
    place_id: int | None
    place_name: str | None
    activity_id: int | None
    activity_name: str | None
    text: str
    contact: str | None
    anonymous: bool
    confidential: bool
    response_due: dt.date
    answered_on: dt.date | None
    answer_text: str | None
    action_on: dt.date | None
    action_text: str | None
    version: int
    overdue: bool

    @property
    def type_label(self) -> str:
        return FEEDBACK_TYPES.get(self.type, self.type)

    @property
    def channel_label(self) -> str:
        return FEEDBACK_CHANNELS.get(self.channel, self.channel)

    @property
    def acted_on(self) -> bool:
        return self.action_on is not None or bool(self.action_text)

    @property
    def status(self) -> str:
        if self.acted_on:
            return "atgardad"
        return "besvarad" if self.answered_on else "obesvarad"


def _info(f: Feedback, today: dt.date) -> FeedbackInfo:
    return FeedbackInfo(
        id=f.id,
        received_on=f.received_on,
        channel=f.channel,
        type=f.type,
        from_key=f.from_category.key,
        from_name=f.from_category.name,
        about_key=f.about_category.key if f.about_category else None,
        about_name=f.about_category.name if f.about_category else None,
        about_note=f.about_note,
        place_id=f.place_id,
        place_name=f.place.name if f.place else None,
        activity_id=f.activity_id,
        activity_name=f.activity.name if f.activity else None,
        text=f.text,
        contact=f.contact,
        anonymous=f.anonymous,
        confidential=f.confidential,
        response_due=f.response_due,
        answered_on=f.answered_on,
        answer_text=f.answer_text,
        action_on=f.action_on,
        action_text=f.action_text,
        version=f.version,
        overdue=_needs_answer(f) and f.response_due < today,
    )


def _needs_answer(f: Feedback) -> bool:
    return f.answered_on is None and bool(f.contact)


def category(ctx: Ctx, grp: str, value: Any) -> FeedbackCategory | None:
    """A template row by key, short name or full name."""
    wanted = fold(str(value or ""))
    if not wanted:
        return None
    for row in ctx.session.scalars(select(FeedbackCategory).where(FeedbackCategory.grp == grp)):
        if wanted in (fold(row.key), fold(row.short_name), fold(row.name)):
            return row
    return None


def _category_field(ctx: Ctx, check: Checker, grp: str, label: str, value: Any, *, required: bool):
    if value is None or not str(value).strip():
        if required:
            check.fail(label, "måste väljas.")
        return None
    row = category(ctx, grp, value)
    if row is None:
        names = ", ".join(
            r.short_name for r in ctx.session.scalars(
                select(FeedbackCategory).where(FeedbackCategory.grp == grp).order_by(FeedbackCategory.sort_order)
            )
        )
        check.fail(label, f"'{value}' finns inte i mallen; välj en av: {names}.")
    return row


def _validated(ctx: Ctx, check: Checker, current: Feedback | None, fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "received_on" in fields:
        out["received_on"] = check.date("received_on", fields["received_on"], today=ctx.today)
    if "channel" in fields:
        out["channel"] = check.choice("channel", fields["channel"] or "blankett", FEEDBACK_CHANNELS)
    if "type" in fields:
        out["type"] = check.choice("type", fields["type"], FEEDBACK_TYPES)
    if "from_key" in fields:
        row = _category_field(ctx, check, "from", "from", fields["from_key"], required=True)
        out["from_id"] = row.id if row else None
    kind = out.get("type") or (current.type if current else None)
    if "about_key" in fields:
        row = _category_field(ctx, check, "about", "about", fields["about_key"], required=False)
        out["about_id"] = row.id if row else None
    about_id = out.get("about_id", current.about_id if current else None)
    about_typed = bool(str(fields.get("about_key") or "").strip())
    if kind in ("synpunkt", "klagomal") and about_id is None and not about_typed and (
        "about_key" in fields or "type" in fields
    ):
        check.fail("about", "välj vad synpunkten eller klagomålet gäller.")
    if "about_note" in fields:
        out["about_note"] = check.text("about_note", fields["about_note"])
    if "place_id" in fields:
        if fields["place_id"] is not None:
            try:
                owned(ctx, Place, fields["place_id"], "Mötesplatsen")
            except NotFound as exc:
                check.fail("place", str(exc))
        out["place_id"] = fields["place_id"]
    if "activity_id" in fields:
        if fields["activity_id"] is not None:
            try:
                owned(ctx, Activity, fields["activity_id"], "Aktiviteten")
            except NotFound as exc:
                check.fail("activity", str(exc))
        out["activity_id"] = fields["activity_id"]
    if "text" in fields:
        out["text"] = check.text("text", fields["text"], required=True, max_length=8000)
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
            check.fail("received_on", f"kan inte ligga efter dagen då återkoppling gavs ({current.answered_on.isoformat()}).")
        elif current.action_on and received > current.action_on:
            check.fail("received_on", f"kan inte ligga efter dagen då åtgärden gjordes ({current.action_on.isoformat()}).")
    return out


@requires("feedback")
@audited("skapa", "synpunkt")
def register_feedback(
    ctx: Ctx,
    *,
    received_on: dt.date,
    type: str,
    from_key: str,
    text: str,
    about_key: str | None = None,
    about_note: str | None = None,
    channel: str = "blankett",
    place_id: int | None = None,
    activity_id: int | None = None,
    contact: str | None = None,
    anonymous: bool = False,
    confidential: bool = False,
    response_due: dt.date | None = None,
) -> FeedbackInfo:
    """Register a form, letter, call or word of mouth; återkoppling is due within a month."""
    check = Checker()
    values = _validated(
        ctx,
        check,
        None,
        dict(
            received_on=received_on, channel=channel, type=type, from_key=from_key, about_key=about_key,
            about_note=about_note, place_id=place_id, activity_id=activity_id, text=text, contact=contact,
            anonymous=anonymous, confidential=confidential, response_due=response_due,
        ),
    )
    check.done()
    if values.get("response_due") is None:
        values["response_due"] = add_months(values["received_on"], 1)
    item = Feedback(unit_id=ctx.unit_id, **values)
    ctx.session.add(item)
    ctx.session.flush()
    return get_feedback(ctx, item.id)


@requires("feedback")
@audited("andra", "synpunkt", id_from="feedback_id")
def update_feedback(ctx: Ctx, feedback_id: int, *, version: int | None = None, **changes: Any) -> FeedbackInfo:
    item = owned(ctx, Feedback, feedback_id, "Synpunkten")
    check_version("Synpunkten", item, version)
    check = Checker()
    values = _validated(ctx, check, item, changes)
    check.done()
    for key, value in values.items():
        setattr(item, key, value)
    ctx.session.flush()
    ctx.session.expire(item)
    return get_feedback(ctx, item.id)


@requires("feedback")
@audited("andra", "synpunkt", id_from="feedback_id")
def record_answer(
    ctx: Ctx, feedback_id: int, *, answered_on: dt.date | None, answer_text: str | None = None,
    version: int | None = None,
) -> FeedbackInfo:
    """Record the återkoppling given (or, with no date, take it back)."""
    item = owned(ctx, Feedback, feedback_id, "Synpunkten")
    check_version("Synpunkten", item, version)
    check = Checker()
    day = check.date("answered_on", answered_on, today=ctx.today, required=False)
    if day and day < item.received_on:
        check.fail("answered_on", "kan inte ligga före dagen synpunkten kom in.")
    text = check.text("answer_text", answer_text, max_length=8000)
    check.done()
    item.answered_on, item.answer_text = day, text if day else None
    ctx.session.flush()
    ctx.session.expire(item)
    return get_feedback(ctx, item.id)


@requires("feedback")
@audited("andra", "synpunkt", id_from="feedback_id")
def record_action(
    ctx: Ctx, feedback_id: int, *, action_text: str | None, action_on: dt.date | None = None,
    version: int | None = None,
) -> FeedbackInfo:
    """Record what was done about it (or, with no text, take it back)."""
    item = owned(ctx, Feedback, feedback_id, "Synpunkten")
    check_version("Synpunkten", item, version)
    check = Checker()
    text = check.text("action", action_text, max_length=8000)
    day = check.date("action_on", action_on, today=ctx.today, required=False)
    if day and not text:
        check.fail("action", "beskriv vad som gjordes.")
    if day and day < item.received_on:
        check.fail("action_on", "kan inte ligga före dagen synpunkten kom in.")
    check.done()
    item.action_text = text
    item.action_on = day if text else None
    ctx.session.flush()
    ctx.session.expire(item)
    return get_feedback(ctx, item.id)


@requires("feedback")
@audited("ta_bort", "synpunkt", id_from="feedback_id")
def delete_feedback(ctx: Ctx, feedback_id: int) -> None:
    ctx.session.delete(owned(ctx, Feedback, feedback_id, "Synpunkten"))
    ctx.session.flush()


@requires("feedback")
def get_feedback(ctx: Ctx, feedback_id: int) -> FeedbackInfo:
    item = ctx.session.scalar(select(Feedback).where(Feedback.id == feedback_id).options(*_options()))
    if item is None or item.unit_id != ctx.unit_id:
        raise NotFound(f"Synpunkten med id {feedback_id} finns inte.")
    return _info(item, ctx.today)


def _options():
    return (
        joinedload(Feedback.from_category),
        joinedload(Feedback.about_category),
        joinedload(Feedback.place),
        joinedload(Feedback.activity),
    )


@requires("feedback")
def list_feedback(
    ctx: Ctx,
    *,
    status: str | None = None,
    year: int | None = None,
    tertial: int | None = None,
    place_id: int | None = None,
    overdue_only: bool = False,
    offset: int = 0,
    limit: int = 500,
) -> list[FeedbackInfo]:
    """The register, newest first; status is obesvarad, besvarad or atgardad."""
    query = _register_filters(
        ctx, select(Feedback).where(Feedback.unit_id == ctx.unit_id).options(*_options()),
        status=status, year=year, tertial=tertial, place_id=place_id, overdue_only=overdue_only,
    )
    query = query.order_by(Feedback.received_on.desc(), Feedback.id.desc()).offset(offset).limit(limit)
    return [_info(f, ctx.today) for f in ctx.session.scalars(query)]


@dataclass(frozen=True)
class Waiting:
    """What the unit head sees at start: items waiting for återkoppling, and overdue ones."""

    waiting: int
    overdue: int


@requires("feedback")
def waiting_summary(ctx: Ctx) -> Waiting:
    base = (
        select(func.count())
        .select_from(Feedback)
        .where(Feedback.unit_id == ctx.unit_id, Feedback.answered_on.is_(None), Feedback.contact.is_not(None))
    )
    waiting = ctx.session.scalar(base) or 0
    overdue = ctx.session.scalar(base.where(Feedback.response_due < ctx.today)) or 0
    return Waiting(waiting, overdue)


def _register_filters(
    ctx: Ctx,
    query,
    *,
    status: str | None,
    year: int | None,
    tertial: int | None,
    place_id: int | None,
    overdue_only: bool,
):
    """The register's filters, on a query of rows or of a count."""
    acted = or_(Feedback.action_on.is_not(None), Feedback.action_text.is_not(None))
    if status == "obesvarad":
        query = query.where(Feedback.answered_on.is_(None), ~acted)
    elif status == "besvarad":
        query = query.where(Feedback.answered_on.is_not(None))
    elif status == "atgardad":
        query = query.where(acted)
    if year is not None:
        first, last = tertial_range(year, tertial) if tertial else year_range(year)
        query = query.where(Feedback.received_on.between(first, last))
    if place_id is not None:
        query = query.where(Feedback.place_id == place_id)
    if overdue_only:
        query = query.where(
            Feedback.answered_on.is_(None), Feedback.contact.is_not(None), Feedback.response_due < ctx.today
        )
    return query


@requires("feedback")
def count_feedback(
    ctx: Ctx,
    *,
    status: str | None = None,
    year: int | None = None,
    tertial: int | None = None,
    place_id: int | None = None,
    overdue_only: bool = False,
) -> int:
    """How many items `list_feedback` finds with the same filters (for paging the register)."""
    query = _register_filters(
        ctx, select(func.count()).select_from(Feedback).where(Feedback.unit_id == ctx.unit_id),
        status=status, year=year, tertial=tertial, place_id=place_id, overdue_only=overdue_only,
    )
    return ctx.session.scalar(query) or 0


@requires("feedback")
def feedback_years(ctx: Ctx) -> list[int]:
    """The years in which something was received, newest first."""
    from sqlalchemy import extract

    year = extract("year", Feedback.received_on)
    rows = ctx.session.scalars(select(year).where(Feedback.unit_id == ctx.unit_id).group_by(year))
    return sorted((int(y) for y in rows), reverse=True)
