"""Support contacts (stödinsatser): one meeting between an instructor and a person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from ..db.models import Contact, Person, Service, ServiceTask, Staff
from ..db.session import Ctx
from ..errors import NotFound
from ..roles import check_service, requires, visible_services
from ..vocabulary import CONTACT_KINDS, fold
from . import routes
from .access_log import audited, note_list
from .checks import Checker, check_version
from .lookups import owned, service_by_key
from .persons import check_visible


@dataclass(frozen=True)
class ContactInfo:
    id: int
    person_id: int
    person_reference: str | None
    service_key: str
    service_name: str
    contact_date: dt.date
    kind: str
    staff_id: int | None
    staff_name: str | None
    minutes: int | None
    tasks: tuple[str, ...]
    note: str | None
    version: int

    @property
    def kind_label(self) -> str:
        return CONTACT_KINDS.get(self.kind, self.kind)


def _info(c: Contact) -> ContactInfo:
    return ContactInfo(
        id=c.id,
        person_id=c.person_id,
        person_reference=c.person.reference,
        service_key=c.service.key,
        service_name=c.service.name,
        contact_date=c.contact_date,
        kind=c.kind,
        staff_id=c.staff_id,
        staff_name=c.staff.name if c.staff else None,
        minutes=c.minutes,
        tasks=tuple(t.key for t in sorted(c.tasks, key=lambda t: t.sort_order)),
        note=c.note,
        version=c.version,
    )


def _options() -> tuple[LoaderOption, ...]:
    return (
        joinedload(Contact.service),
        joinedload(Contact.person),
        joinedload(Contact.staff),
        selectinload(Contact.tasks),
    )


def resolve_tasks(check: Checker, service: Service, tasks: Any) -> list[ServiceTask]:
    """Checklist items of the service, by key or name; unknown ones are refused."""
    found: list[ServiceTask] = []
    for item in tasks or ():
        wanted = fold(str(item))
        match = next((t for t in service.tasks if wanted in (fold(t.key), fold(t.name))), None)
        if match is None:
            names = ", ".join(t.name.lower() for t in service.tasks)
            check.fail("tasks", f"'{item}' finns inte på checklistan för {service.name} ({names}).")
        elif match not in found:
            found.append(match)
    return found


def check_staff(ctx: Ctx, check: Checker, staff_id: int | None) -> int | None:
    """A staff member of the unit, or none."""
    if staff_id is not None:
        try:
            owned(ctx, Staff, staff_id, "Medarbetaren")
        except NotFound as exc:
            check.fail("staff", str(exc))
    return staff_id


def validated(ctx: Ctx, check: Checker, service: Service | None, born: int | None, fields: dict) -> dict:
    """The contact rules for each field given (`born`: the person's birth year), for one contact
    and for an import's lines alike (`contacts_bulk`)."""
    out: dict[str, Any] = {}
    if "contact_date" in fields:
        day = check.date("date", fields["contact_date"], today=ctx.today)
        if day and born is not None and day.year < born:
            check.fail("date", "ligger före personens födelseår.")
        out["contact_date"] = day
    if "kind" in fields:
        out["kind"] = check.choice("contact_kind", fields["kind"], CONTACT_KINDS)
    if "staff_id" in fields:
        out["staff_id"] = check_staff(ctx, check, fields["staff_id"])
    if "minutes" in fields:
        out["minutes"] = check.minutes("minutes", fields["minutes"])
    if "note" in fields:
        out["note"] = check.text("note", fields["note"], max_length=4000)
    if "tasks" in fields and service is not None:
        out["tasks"] = resolve_tasks(check, service, fields["tasks"])
    if "route" in fields:
        out["route"] = routes.check_route(check, fields["route"])
    return out


@requires("persons")
@audited("skapa", "kontakt")
def add_contact(
    ctx: Ctx,
    *,
    person_id: int,
    service: str,
    contact_date: dt.date,
    kind: str,
    staff_id: int | None = None,
    minutes: Any = None,
    tasks: Any = (),
    note: str | None = None,
    route: str | None = None,
) -> ContactInfo:
    """Log a contact; `service` is a service key (fixartjanst) or name (Fixartjänst). `route`: how the
    person found the service (asked at the first contact; None says nothing of it)."""
    check = Checker()
    person = None
    try:
        person = owned(ctx, Person, person_id, "Personen")
        check_visible(ctx, person)
        if person.erased_at is not None:
            check.fail("person", "personens uppgifter är gallrade; registrera personen på nytt.")
    except NotFound as exc:
        check.fail("person", str(exc))
    svc = None
    try:
        svc = service_by_key(ctx, service)
        check_service(ctx, svc.key, svc.name)
    except NotFound as exc:
        check.fail("service", str(exc))
    values = validated(
        ctx,
        check,
        svc,
        person.birth_year if person is not None else None,
        dict(contact_date=contact_date, kind=kind, staff_id=staff_id, minutes=minutes, note=note, tasks=tasks,
             route=route),
    )
    check.done()
    assert person is not None and svc is not None  # else refused above, and done() raised
    task_rows = values.pop("tasks", [])
    route = values.pop("route")
    contact = Contact(unit_id=ctx.unit_id, person_id=person.id, service_id=svc.id, **values)
    contact.tasks = task_rows
    ctx.session.add(contact)
    ctx.session.flush()
    if route:
        routes.record_route(ctx, person.id, svc.id, route)
    return _info(contact)


@requires("persons")
@audited("andra", "kontakt", id_from="contact_id")
def update_contact(ctx: Ctx, contact_id: int, *, version: int | None = None, **changes: Any) -> ContactInfo:
    contact = owned(ctx, Contact, contact_id, "Kontakten")
    check_service(ctx, contact.service.key, contact.service.name)
    check_version("Kontakten", contact, version)
    check = Checker()
    values = validated(ctx, check, contact.service, contact.person.birth_year, changes)
    check.done()
    route = values.pop("route", None)
    for key, value in values.items():
        setattr(contact, key, value)
    ctx.session.flush()
    if route:  # None leaves the person's route as it is
        routes.record_route(ctx, contact.person_id, contact.service_id, route)
    return _info(contact)


@requires("persons")
@audited("ta_bort", "kontakt", id_from="contact_id")
def delete_contact(ctx: Ctx, contact_id: int) -> None:
    contact = owned(ctx, Contact, contact_id, "Kontakten")
    check_service(ctx, contact.service.key, contact.service.name)
    ctx.session.delete(contact)
    ctx.session.flush()


@requires("persons")
@audited("visa", "kontakt", id_from="contact_id")
def get_contact(ctx: Ctx, contact_id: int) -> ContactInfo:
    contact = owned(ctx, Contact, contact_id, "Kontakten")
    check_service(ctx, contact.service.key, contact.service.name)
    return _info(contact)


@requires("persons")
def list_contacts(
    ctx: Ctx,
    *,
    person_id: int | None = None,
    service: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    offset: int = 0,
    limit: int = 500,
) -> list[ContactInfo]:
    """Contacts, newest first, filtered by person, service and dates."""
    query = select(Contact).where(Contact.unit_id == ctx.unit_id).options(*_options())
    visible = visible_services(ctx)
    if visible is not None:
        query = query.join(Service, Service.id == Contact.service_id).where(Service.key.in_(sorted(visible)))
    if person_id is not None:
        query = query.where(Contact.person_id == person_id)
    if service:
        query = query.where(Contact.service_id == service_by_key(ctx, service).id)
    if since:
        query = query.where(Contact.contact_date >= since)
    if until:
        query = query.where(Contact.contact_date <= until)
    query = query.order_by(Contact.contact_date.desc(), Contact.id.desc()).offset(offset).limit(limit)
    found = [_info(c) for c in ctx.session.scalars(query)]
    note_list(ctx, "person", [c.person_id for c in found], f"kontaktlista, {len(found)} kontakter")
    return found


@requires("persons")
def count_contacts(ctx: Ctx, *, person_id: int | None = None) -> int:
    query = select(func.count()).select_from(Contact).where(Contact.unit_id == ctx.unit_id)
    if person_id is not None:
        query = query.where(Contact.person_id == person_id)
    return ctx.session.scalar(query) or 0


# What a new contact of a service usually is, before the service has a history of its own.
USUAL_KIND = {
    "fixartjanst": "hembesok",
    "syn_horsel": "hembesok",
    "it_stod": "motesplats",
    "anhorigstod": "telefon",
    "aldrestod": "telefon",
}


@dataclass(frozen=True)
class ContactDefaults:
    kind: str
    staff_id: int | None


@requires("persons")
def contact_defaults(ctx: Ctx, *, service: str) -> ContactDefaults:
    """A new contact's likely kind (the service's most common this past year) and staff member
    (who logged its latest contact, or else the first of its active staff)."""
    svc = service_by_key(ctx, service)
    mine = (Contact.unit_id == ctx.unit_id, Contact.service_id == svc.id)
    count = func.count().label("n")
    row = ctx.session.execute(
        select(Contact.kind, count)
        .where(*mine, Contact.contact_date >= ctx.today - dt.timedelta(days=365))
        .group_by(Contact.kind)
        .order_by(count.desc(), Contact.kind)
        .limit(1)
    ).first()
    kind = row[0] if row else USUAL_KIND.get(svc.key, "hembesok")
    active_staff = select(Staff.id).where(Staff.unit_id == ctx.unit_id, Staff.active.is_(True))
    staff_id = ctx.session.scalar(
        select(Contact.staff_id)
        .where(*mine, Contact.staff_id.in_(active_staff))
        .order_by(Contact.contact_date.desc(), Contact.id.desc())
        .limit(1)
    )
    if staff_id is None:
        staff_id = ctx.session.scalar(
            select(Staff.id)
            .where(Staff.unit_id == ctx.unit_id, Staff.active.is_(True), Staff.services.any(Service.id == svc.id))
            .order_by(Staff.name)
            .limit(1)
        )
    return ContactDefaults(kind=kind, staff_id=staff_id)
