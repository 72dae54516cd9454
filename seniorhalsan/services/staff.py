"""Staff, hourly-paid seniors, volunteers and outside leaders.

A volunteer's entry is also the volunteer register: what they lead or help with, at which places,
since when and until when (`ended_on`); some years after that gallring clears their name and
contact details (services/retention.py), and the sessions they led keep counting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..db.models import Place, Service, Staff
from ..db.session import Ctx
from ..errors import NotFound
from ..roles import requires
from ..vocabulary import STAFF_KINDS, fold
from .checks import Checker, check_version
from .lookups import owned, service_by_key

ERASED_NAME = "Gallrad volontär"  # the name a volunteer's entry keeps once gallring has cleared it


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    title: str | None
    kind: str
    phone: str | None
    email: str | None
    active: bool
    services: tuple[str, ...]
    version: int
    helps_with: str | None = None
    place_ids: tuple[int, ...] = ()
    place_names: tuple[str, ...] = ()
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    erased: bool = False

    @property
    def kind_label(self) -> str:
        return STAFF_KINDS.get(self.kind, self.kind)

    @property
    def volunteer(self) -> bool:
        return self.kind == "volontar"


def _info(staff: Staff) -> StaffInfo:
    return StaffInfo(
        id=staff.id,
        name=staff.name,
        title=staff.title,
        kind=staff.kind,
        phone=staff.phone,
        email=staff.email,
        active=staff.active,
        services=tuple(s.key for s in staff.services),
        version=staff.version,
        helps_with=staff.helps_with,
        place_ids=tuple(p.id for p in staff.places),
        place_names=tuple(p.name for p in staff.places),
        started_on=staff.started_on,
        ended_on=staff.ended_on,
        erased=staff.erased_at is not None,
    )


@requires("read")
def list_staff(ctx: Ctx, *, include_inactive: bool = False, service_key: str | None = None) -> list[StaffInfo]:
    query = (select(Staff).where(Staff.unit_id == ctx.unit_id).order_by(Staff.name)
             .options(selectinload(Staff.services), selectinload(Staff.places)))
    if not include_inactive:
        query = query.where(Staff.active.is_(True))
    if service_key:
        query = query.where(Staff.services.any(Service.key == service_key))
    return [_info(s) for s in ctx.session.scalars(query)]


@requires("read")
def find_staff(ctx: Ctx, name: str) -> StaffInfo | None:
    wanted = fold(name or "")
    for staff in list_staff(ctx, include_inactive=True):
        if fold(staff.name) == wanted:
            return staff
    return None


def _validated(ctx: Ctx, check: Checker, **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "name" in fields:
        out["name"] = check.text("name", fields["name"], required=True, max_length=120)
    if "title" in fields:
        out["title"] = check.text("title", fields["title"], max_length=120)
    if "kind" in fields:
        out["kind"] = check.choice("staff_kind", fields["kind"], STAFF_KINDS)
    if "phone" in fields:
        out["phone"] = check.text("phone", fields["phone"], max_length=40)
    if "email" in fields:
        email = check.text("email", fields["email"], max_length=120)
        if email and "@" not in email:
            check.fail("email", f"'{email}' ser inte ut som en e-postadress.")
        out["email"] = email
    if fields.get("services") is not None:
        found = []
        for key in fields["services"]:
            try:
                found.append(service_by_key(ctx, key))
            except Exception as exc:  # NotFound, as a field error
                check.fail("services", str(exc))
        out["services"] = found
    if "helps_with" in fields:
        out["helps_with"] = check.text("helps_with", fields["helps_with"], max_length=255)
    if fields.get("places") is not None:
        chosen = []
        for place_id in fields["places"]:
            try:
                chosen.append(owned(ctx, Place, place_id, "Platsen"))
            except NotFound as exc:
                check.fail("volunteer_places", str(exc))
        out["places"] = chosen
    if "started_on" in fields:
        out["started_on"] = check.date("started_on", fields["started_on"], required=False)
    if "ended_on" in fields:
        out["ended_on"] = check.date("ended_on", fields["ended_on"], required=False, today=ctx.today)
    return out


def _check_period(check: Checker, started_on: dt.date | None, ended_on: dt.date | None) -> None:
    if started_on and ended_on and ended_on < started_on:
        check.fail("ended_on", f"{ended_on.isoformat()} ligger före dagen hen började ({started_on.isoformat()}).")


@requires("catalogue")
def create_staff(
    ctx: Ctx,
    *,
    name: str,
    kind: str = "anstalld",
    title: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    services: list[str] | tuple[str, ...] = (),
    helps_with: str | None = None,
    places: list[int] | tuple[int, ...] = (),
    started_on: dt.date | None = None,
) -> StaffInfo:
    """A new member of staff; a volunteer with what they lead or help with, where and since when."""
    check = Checker()
    values = _validated(ctx, check, name=name, kind=kind, title=title, phone=phone, email=email, services=services,
                        helps_with=helps_with, places=places, started_on=started_on)
    check.done()
    staff = Staff(unit_id=ctx.unit_id, **{k: v for k, v in values.items() if k not in ("services", "places")})
    staff.services = values.get("services", [])
    staff.places = values.get("places", [])
    ctx.session.add(staff)
    ctx.session.flush()
    return _info(staff)


@requires("catalogue")
def update_staff(
    ctx: Ctx, staff_id: int, *, version: int | None = None, active: bool | None = None, **changes: Any
) -> StaffInfo:
    """Change what is given; an end day (`ended_on`) means they no longer work here, and one who is
    marked as working here again has none."""
    staff = owned(ctx, Staff, staff_id, "Medarbetaren")
    check_version("Medarbetaren", staff, version)
    check = Checker()
    values = _validated(ctx, check, **changes)
    _check_period(check, values.get("started_on", staff.started_on), values.get("ended_on", staff.ended_on))
    check.done()
    for key, value in values.items():
        setattr(staff, key, value)
    if active is not None:
        staff.active = bool(active)
        if staff.active:
            staff.ended_on = None
    if staff.ended_on is not None:
        staff.active = False
    elif not staff.active and staff.kind == "volontar":
        staff.ended_on = ctx.today  # a volunteer who leaves leaves on a day: gallring counts from it
    ctx.session.flush()
    return _info(staff)


@requires("catalogue")
def end_volunteer(ctx: Ctx, staff_id: int, *, ended_on: dt.date | None = None) -> StaffInfo:
    """A volunteer leaves: their last day (today when not given); the sessions they led keep counting."""
    staff = owned(ctx, Staff, staff_id, "Volontären")
    if staff.kind != "volontar":
        raise NotFound(f"{staff.name} är ingen volontär.")
    return update_staff(ctx, staff.id, ended_on=ended_on or ctx.today)


@dataclass(frozen=True)
class OwnWork:
    """The signed-in person's own staff member and services: what their pages start from."""

    staff: StaffInfo | None  # the staff member the account is tied to (None: not tied, or no account)
    services: tuple[str, ...]  # their services, in the usual order; an instructor's only those they may use


@requires("read")
def own_work(ctx: Ctx) -> OwnWork:
    """An instructor's "Min insats" and "Medarbetare" default to these.

    An instructor's services are those of the account (what they may work with), the ones
    their staff member works in first; others have the services of their staff member.
    """
    from ..db.models import User

    actor = ctx.actor
    if actor is None:
        return OwnWork(None, ())
    user = ctx.session.scalar(select(User).where(User.unit_id == ctx.unit_id, User.username == actor.username))
    staff = user.staff if user is not None else None
    order = {s.key: s.sort_order for s in ctx.session.scalars(select(Service))}
    works_in = {s.key for s in staff.services} if staff is not None else set()
    if actor.role == "instruktor":
        keys = sorted(actor.services, key=lambda k: (k not in works_in, order.get(k, 99)))
    else:
        keys = sorted(works_in, key=lambda k: order.get(k, 99))
    return OwnWork(_info(staff) if staff is not None else None, tuple(keys))
