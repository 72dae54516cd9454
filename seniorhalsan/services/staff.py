"""Staff, hourly-paid seniors, volunteers and outside leaders."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..db.models import Service, Staff
from ..db.session import Ctx
from ..roles import requires
from ..vocabulary import STAFF_KINDS, fold
from .checks import Checker, check_version
from .lookups import owned, service_by_key


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

    @property
    def kind_label(self) -> str:
        return STAFF_KINDS.get(self.kind, self.kind)


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
    )


@requires("read")
def list_staff(ctx: Ctx, *, include_inactive: bool = False, service_key: str | None = None) -> list[StaffInfo]:
    query = select(Staff).where(Staff.unit_id == ctx.unit_id).order_by(Staff.name)
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


def _validated(ctx: Ctx, check: Checker, **fields) -> dict:
    out = {}
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
    return out


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
) -> StaffInfo:
    check = Checker()
    values = _validated(ctx, check, name=name, kind=kind, title=title, phone=phone, email=email, services=services)
    check.done()
    staff = Staff(unit_id=ctx.unit_id, **{k: v for k, v in values.items() if k != "services"})
    staff.services = values.get("services", [])
    ctx.session.add(staff)
    ctx.session.flush()
    return _info(staff)


@requires("catalogue")
def update_staff(ctx: Ctx, staff_id: int, *, version: int | None = None, active: bool | None = None, **changes) -> StaffInfo:
    staff = owned(ctx, Staff, staff_id, "Medarbetaren")
    check_version("Medarbetaren", staff, version)
    check = Checker()
    values = _validated(ctx, check, **changes)
    check.done()
    for key, value in values.items():
        setattr(staff, key, value)
    if active is not None:
        staff.active = bool(active)
    ctx.session.flush()
    return _info(staff)


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
