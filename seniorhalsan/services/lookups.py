"""Fetching the unit's own records by id or key, and the reference lists as plain values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..db.models import ActivityKind, FeedbackCategory, Service, Unit
from ..db.session import Ctx
from ..errors import NotFound

T = TypeVar("T")


def owned(ctx: Ctx, model: type[T], record_id: int | None, label: str) -> T:
    """A record of the current unit, or a Swedish NotFound naming what was missing."""
    record = ctx.session.get(model, record_id) if isinstance(record_id, int) else None
    if record is None or getattr(record, "unit_id", ctx.unit_id) != ctx.unit_id:
        raise NotFound(f"{label} med id {record_id} finns inte.")
    return record


@dataclass(frozen=True)
class KindInfo:
    id: int
    key: str
    name: str


@dataclass(frozen=True)
class TaskInfo:
    id: int
    key: str
    name: str


@dataclass(frozen=True)
class ServiceInfo:
    id: int
    key: str
    name: str
    target_group: str | None
    min_age: int | None
    tasks: tuple[TaskInfo, ...]


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    grp: str
    key: str
    name: str
    short_name: str


def activity_kinds(ctx: Ctx) -> list[KindInfo]:
    rows = ctx.session.scalars(select(ActivityKind).order_by(ActivityKind.sort_order))
    return [KindInfo(k.id, k.key, k.name) for k in rows]


def services(ctx: Ctx) -> list[ServiceInfo]:
    # the checklists in one more query, not one per service
    rows = ctx.session.scalars(select(Service).options(selectinload(Service.tasks)).order_by(Service.sort_order))
    return [
        ServiceInfo(
            s.id,
            s.key,
            s.name,
            s.target_group,
            s.min_age,
            tuple(TaskInfo(t.id, t.key, t.name) for t in s.tasks),
        )
        for s in rows
    ]


def feedback_categories(ctx: Ctx, grp: str | None = None) -> list[CategoryInfo]:
    query = select(FeedbackCategory).order_by(FeedbackCategory.grp, FeedbackCategory.sort_order)
    if grp:
        query = query.where(FeedbackCategory.grp == grp)
    return [CategoryInfo(c.id, c.grp, c.key, c.name, c.short_name) for c in ctx.session.scalars(query)]


def service_names(ctx: Ctx) -> dict[str, str]:
    """Each service's name by its key, for messages and lists (a key is never shown)."""
    return dict(ctx.session.execute(select(Service.key, Service.name)).all())


def service_by_key(ctx: Ctx, key: str) -> Service:
    from ..vocabulary import fold

    wanted = fold(key or "")
    for service in ctx.session.scalars(select(Service)):
        if wanted in (fold(service.key), fold(service.name)):
            return service
    raise NotFound(f"Insatsen '{key}' finns inte.")


def service_by_id(ctx: Ctx, service_id: int) -> Service:
    return owned(ctx, Service, service_id, "Insatsen")


def kind_by_key(ctx: Ctx, key: str) -> ActivityKind:
    from ..vocabulary import fold

    wanted = fold(key or "")
    for kind in ctx.session.scalars(select(ActivityKind)):
        if wanted in (fold(kind.key), fold(kind.name)):
            return kind
    raise NotFound(f"Aktivitetstypen '{key}' finns inte.")


@dataclass(frozen=True)
class UnitInfo:
    id: int
    key: str
    name: str
    district: str | None
    demo: bool = False  # filled with invented data to try the program


def current_unit(ctx: Ctx) -> Unit:
    """The signed-in unit's record (gone only if another client removed the unit meanwhile)."""
    return owned(ctx, Unit, ctx.unit_id, "Enheten")


def unit(ctx: Ctx) -> UnitInfo:
    row = current_unit(ctx)
    return UnitInfo(row.id, row.key, row.name, row.district, row.demo)


def labels(ctx: Ctx) -> dict[str, dict[str, str]]:
    """Swedish names for the keys the statistics use."""
    return labels_of(activity_kinds(ctx), services(ctx), feedback_categories(ctx))


def labels_of(kinds: Sequence[KindInfo], service_list: Sequence[ServiceInfo],
              categories: Sequence[CategoryInfo]) -> dict[str, dict[str, str]]:
    """`labels` from reference lists already fetched."""
    return {
        "kinds": {k.key: k.name for k in kinds},
        "services": {s.key: s.name for s in service_list},
        "tasks": {f"{s.key}:{t.key}": t.name for s in service_list for t in s.tasks},
        "from": {c.key: c.name for c in categories if c.grp == "from"},
        "about": {c.key: c.name for c in categories if c.grp == "about"},
    }


def unit_is_empty(ctx: Ctx) -> bool:
    """True before anything of the unit's own has been recorded (first start)."""
    from sqlalchemy import func

    from ..db.models import Activity, ActivitySession, Feedback, Person

    for model in (Activity, ActivitySession, Person, Feedback):
        count = ctx.session.scalar(select(func.count()).select_from(model).where(model.unit_id == ctx.unit_id))
        if count:
            return False
    return True
