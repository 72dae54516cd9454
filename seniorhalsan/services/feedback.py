""""Tyck till": an item registered, corrected, answered (återkoppling), acted on (åtgärd) or
removed, and the item as the window shows it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.interfaces import LoaderOption

from ..db.models import Feedback
from ..db.session import Ctx
from ..errors import NotFound
from ..periods import add_months
from ..roles import requires
from .access_log import audited
from .checks import Checker, check_version
from .feedback_rules import checked_action, checked_answer, validated
from .lookups import owned


@dataclass(frozen=True)
class FeedbackInput:
    """What is written about an item when it is registered or corrected: the paper form's fields.
    `type`, `from_key` and `about_key` take a key, a short name or a full name."""

    received_on: dt.date | None
    type: str | None
    from_key: str | None
    text: str | None
    about_key: str | None = None
    about_note: str | None = None
    channel: str | None = "blankett"
    place_id: int | None = None
    activity_id: int | None = None
    contact: str | None = None
    anonymous: bool = False
    confidential: bool = False
    response_due: dt.date | None = None  # None: a month after it came in

    def values(self) -> dict[str, Any]:
        """The fields as keyword arguments of `register_feedback` and `update_feedback`."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


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
    def acted_on(self) -> bool:
        return self.action_on is not None or bool(self.action_text)

    @property
    def waits_for_answer(self) -> bool:
        """Someone is owed återkoppling: the register's "Obesvarade" and the status line's count."""
        return waits_for_answer(self.type, self.contact, self.answered_on)

    @property
    def status(self) -> str:
        """How far it has come: obesvarad, besvarad or atgardad (acted on, answered or not)."""
        if self.acted_on:
            return "atgardad"
        return "besvarad" if self.answered_on else "obesvarad"


def waits_for_answer(kind: str, contact: str | None, answered_on: dt.date | None) -> bool:
    """A view or complaint with an address and no återkoppling yet; praise waits for none, and
    without an address nobody can be answered."""
    return kind != "berom" and bool(contact) and answered_on is None


def info(f: Feedback, today: dt.date) -> FeedbackInfo:
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
        overdue=waits_for_answer(f.type, f.contact, f.answered_on) and f.response_due < today,
    )


def loaded() -> tuple[LoaderOption, ...]:
    """What `info` reads of an item, loaded with it."""
    return (
        joinedload(Feedback.from_category),
        joinedload(Feedback.about_category),
        joinedload(Feedback.place),
        joinedload(Feedback.activity),
    )


@requires("feedback")
def get_feedback(ctx: Ctx, feedback_id: int) -> FeedbackInfo:
    item = ctx.session.scalar(select(Feedback).where(Feedback.id == feedback_id).options(*loaded()))
    if item is None or item.unit_id != ctx.unit_id:
        raise NotFound(f"Synpunkten med id {feedback_id} finns inte.")
    return info(item, ctx.today)


def _saved(ctx: Ctx, item: Feedback) -> FeedbackInfo:
    ctx.session.flush()
    ctx.session.expire(item)
    return get_feedback(ctx, item.id)


@requires("feedback")
@audited("skapa", "synpunkt")
def register_feedback(
    ctx: Ctx,
    *,
    received_on: dt.date | None,
    type: str | None,
    from_key: str | None,
    text: str | None,
    about_key: str | None = None,
    about_note: str | None = None,
    channel: str | None = "blankett",
    place_id: int | None = None,
    activity_id: int | None = None,
    contact: str | None = None,
    anonymous: bool = False,
    confidential: bool = False,
    response_due: dt.date | None = None,
) -> FeedbackInfo:
    """Register a form, letter, call or word of mouth; återkoppling is due within a month."""
    check = Checker()
    values = validated(
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
    return _saved(ctx, item)


@requires("feedback")
@audited("andra", "synpunkt", id_from="feedback_id")
def update_feedback(ctx: Ctx, feedback_id: int, *, version: int | None = None, **changes: Any) -> FeedbackInfo:
    """Correct a registered item: the fields given change, the others stay."""
    item = owned(ctx, Feedback, feedback_id, "Synpunkten")
    check_version("Synpunkten", item, version)
    check = Checker()
    values = validated(ctx, check, item, changes)
    check.done()
    for key, value in values.items():
        setattr(item, key, value)
    return _saved(ctx, item)


@requires("feedback")
@audited("andra", "synpunkt", id_from="feedback_id")
def record_answer(
    ctx: Ctx, feedback_id: int, *, answered_on: dt.date | None, answer_text: str | None = None,
    version: int | None = None,
) -> FeedbackInfo:
    """Record the återkoppling given (or, with no date, take it back)."""
    item = owned(ctx, Feedback, feedback_id, "Synpunkten")
    check_version("Synpunkten", item, version)
    item.answered_on, item.answer_text = checked_answer(ctx, item, answered_on, answer_text)
    return _saved(ctx, item)


@requires("feedback")
@audited("andra", "synpunkt", id_from="feedback_id")
def record_action(
    ctx: Ctx, feedback_id: int, *, action_text: str | None, action_on: dt.date | None = None,
    version: int | None = None,
) -> FeedbackInfo:
    """Record what was done about it (or, with no text, take it back)."""
    item = owned(ctx, Feedback, feedback_id, "Synpunkten")
    check_version("Synpunkten", item, version)
    item.action_text, item.action_on = checked_action(ctx, item, action_text, action_on)
    return _saved(ctx, item)


@requires("feedback")
@audited("ta_bort", "synpunkt", id_from="feedback_id")
def delete_feedback(ctx: Ctx, feedback_id: int, *, version: int | None = None) -> None:
    """Remove an item registered by mistake; with `version`, only as it was when it was shown."""
    item = owned(ctx, Feedback, feedback_id, "Synpunkten")
    check_version("Synpunkten", item, version)
    ctx.session.delete(item)
    ctx.session.flush()
