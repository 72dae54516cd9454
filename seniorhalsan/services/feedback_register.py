""""Tyck till" register: the items a filter lets through, how many, what waits for
återkoppling, and the items a file's line is the same as."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, UnaryExpression, and_, extract, func, or_, select

from ..db.models import Feedback
from ..db.session import Ctx
from ..periods import tertial_range, year_range
from ..roles import requires
from ..vocabulary import FEEDBACK_TYPES, lookup
from .feedback import FeedbackInfo, FeedbackInput, info, loaded
from .feedback_rules import category


def waiting_for_answer() -> ColumnElement[bool]:
    """`FeedbackInfo.waits_for_answer` in SQL: a view or complaint with an address, not answered."""
    return and_(Feedback.type != "berom", Feedback.answered_on.is_(None), Feedback.contact.is_not(None),
                Feedback.contact != "")


@dataclass(frozen=True)
class Waiting:
    """What the unit head sees at start: items waiting for återkoppling, and overdue ones."""

    waiting: int
    overdue: int


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
    """The register, newest first; status is obesvarad (waiting for återkoppling: the status
    line's count), besvarad or atgardad. The ones waiting are listed most overdue first."""
    query = _filtered(
        ctx, select(Feedback).where(Feedback.unit_id == ctx.unit_id).options(*loaded()),
        status=status, year=year, tertial=tertial, place_id=place_id, overdue_only=overdue_only,
    )
    order: tuple[UnaryExpression[Any], ...]
    if status == "obesvarad" or overdue_only:
        order = (Feedback.response_due.asc(), Feedback.received_on.asc(), Feedback.id.asc())
    else:
        order = (Feedback.received_on.desc(), Feedback.id.desc())
    query = query.order_by(*order).offset(offset).limit(limit)
    return [info(f, ctx.today) for f in ctx.session.scalars(query)]


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
    query = _filtered(
        ctx, select(func.count()).select_from(Feedback).where(Feedback.unit_id == ctx.unit_id),
        status=status, year=year, tertial=tertial, place_id=place_id, overdue_only=overdue_only,
    )
    return ctx.session.scalar(query) or 0


def _filtered(
    ctx: Ctx,
    query: Select,
    *,
    status: str | None,
    year: int | None,
    tertial: int | None,
    place_id: int | None,
    overdue_only: bool,
) -> Select:
    """The register's filters, on a query of rows or of a count."""
    acted = or_(Feedback.action_on.is_not(None), Feedback.action_text.is_not(None))
    if status == "obesvarad":
        query = query.where(waiting_for_answer())
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
        query = query.where(waiting_for_answer(), Feedback.response_due < ctx.today)
    return query


@requires("feedback")
def waiting_summary(ctx: Ctx) -> Waiting:
    """As many as the register's "Obesvarade" and "Bara försenade" list."""
    base = select(func.count()).select_from(Feedback).where(Feedback.unit_id == ctx.unit_id, waiting_for_answer())
    waiting = ctx.session.scalar(base) or 0
    overdue = ctx.session.scalar(base.where(Feedback.response_due < ctx.today)) or 0
    return Waiting(waiting, overdue)


@requires("feedback")
def feedback_years(ctx: Ctx) -> list[int]:
    """The years in which something was received, newest first."""
    year = extract("year", Feedback.received_on)
    rows = ctx.session.scalars(select(year).where(Feedback.unit_id == ctx.unit_id).group_by(year))
    return sorted((int(y) for y in rows), reverse=True)


@requires("feedback")
def same_items(ctx: Ctx, item: FeedbackInput) -> list[FeedbackInfo]:
    """Items already registered with the same day, type, sender, subject and text, oldest first:
    what a line of an imported file is matched against (none when a value is not recognised)."""
    kind = lookup(FEEDBACK_TYPES, item.type or "")
    sender = category(ctx, "from", item.from_key)
    subject = category(ctx, "about", item.about_key)
    if item.received_on is None or kind is None or sender is None or (subject is None and item.about_key):
        return []
    query = select(Feedback).options(*loaded()).where(
        Feedback.unit_id == ctx.unit_id,
        Feedback.received_on == item.received_on,
        Feedback.type == kind,
        Feedback.from_id == sender.id,
        Feedback.text == (item.text or "").replace("\x00", "").strip(),
        Feedback.about_id == subject.id if subject else Feedback.about_id.is_(None),
    )
    return [info(f, ctx.today) for f in ctx.session.scalars(query.order_by(Feedback.id))]
