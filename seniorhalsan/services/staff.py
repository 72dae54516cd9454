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
