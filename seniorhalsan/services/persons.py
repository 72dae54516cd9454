"""Persons helped by the support services: the least the work needs, and nothing more."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from ..db.models import Contact, Person, Service
from ..db.session import Ctx
from ..errors import Forbidden, ValidationError
from ..roles import requires, visible_services
from ..vocabulary import GENDER_ALIASES, GENDERS, HOUSING, fold
from .access_log import audited, note_list
from .checks import Checker, check_version
from .lookups import owned


@dataclass(frozen=True)
class PersonInfo:
    id: int
    reference: str | None
    name: str | None
    birth_year: int
    gender: str
    housing: str | None
    phone: str | None
    email: str | None
    address: str | None
    note: str | None
    erased: bool
    version: int
    last_contact: dt.date | None = None

    @property
    def gender_label(self) -> str:
        return GENDERS.get(self.gender, self.gender)

    @property
    def display_name(self) -> str:
        if self.erased:
            return "(gallrad)"
        return f"{self.reference} – {self.name}" if self.name else (self.reference or "")


def _info(p: Person, last_contact: dt.date | None = None) -> PersonInfo:
    return PersonInfo(
        id=p.id,
        reference=p.reference,
        name=p.name,
        birth_year=p.birth_year,
        gender=p.gender,
        housing=p.housing,
        phone=p.phone,
        email=p.email,
        address=p.address,
        note=p.note,
        erased=p.erased_at is not None,
        version=p.version,
        last_contact=last_contact,
    )


def visible_clause(ctx: Ctx) -> ColumnElement[bool] | None:
    """Which persons the actor may see: an instructor those of their services, and persons
    with no contact yet (just registered); everyone else with the right, all."""
    services = visible_services(ctx)
    if services is None:
        return None
    theirs = (
        select(Contact.person_id)
        .join(Service, Service.id == Contact.service_id)
        .where(Contact.unit_id == ctx.unit_id, Service.key.in_(sorted(services)))
    )
    any_contact = select(Contact.person_id).where(Contact.unit_id == ctx.unit_id)
    return or_(Person.id.in_(theirs), ~Person.id.in_(any_contact))


def check_visible(ctx: Ctx, person: Person) -> None:
    clause = visible_clause(ctx)
    if clause is not None and not ctx.session.scalar(
            select(func.count()).select_from(Person).where(Person.id == person.id, clause)):
        raise Forbidden("Personen hör inte till dina insatser; du kan inte se eller ändra personens uppgifter.")


@requires("persons")
def person_by_reference(ctx: Ctx, reference: str) -> PersonInfo | None:
    ref = (reference or "").strip()
    if not ref:
        return None
    query = select(Person).where(Person.unit_id == ctx.unit_id, func.lower(Person.reference) == ref.lower())
    clause = visible_clause(ctx)
    person = ctx.session.scalar(query if clause is None else query.where(clause))
    return _info(person) if person else None


@requires("persons")
def find_persons(ctx: Ctx, query: str = "", *, service_key: str | None = None, limit: int = 50) -> list[PersonInfo]:
    """Persons whose reference or name contains the typed text; a service's own persons first."""
    last = (
        select(Contact.person_id, func.max(Contact.contact_date).label("last"))
        .where(Contact.unit_id == ctx.unit_id)
        .group_by(Contact.person_id)
        .subquery()
    )
    mine = None
    if service_key:
        mine = (
            select(Contact.person_id)
            .join(Service, Service.id == Contact.service_id)
            .where(Contact.unit_id == ctx.unit_id, Service.key == service_key)
            .distinct()
        )
    stmt = (
        select(Person, last.c.last)
        .outerjoin(last, last.c.person_id == Person.id)
        .where(Person.unit_id == ctx.unit_id, Person.erased_at.is_(None))
    )
    clause = visible_clause(ctx)
    if clause is not None:
        stmt = stmt.where(clause)
    text = (query or "").strip()
    if text:
        pattern = f"%{text.lower()}%"
        stmt = stmt.where(or_(func.lower(Person.reference).like(pattern), func.lower(Person.name).like(pattern)))
    order = [last.c.last.desc().nulls_last(), Person.reference]
    if mine is not None:
        order.insert(0, Person.id.in_(mine).desc())
    stmt = stmt.order_by(*order).limit(max(1, min(limit, 500)))
    found = [_info(p, last_date) for p, last_date in ctx.session.execute(stmt)]
    note_list(ctx, "person", [p.id for p in found], "sökresultat")
    return found


def _next_reference(ctx: Ctx) -> str:
    count = ctx.session.scalar(select(func.count()).select_from(Person).where(Person.unit_id == ctx.unit_id)) or 0
    number = count + 1
    while True:
        candidate = f"P{number:05d}"
        if reference_taken(ctx, candidate) is None:  # also one held by a person the actor cannot see
            return candidate
        number += 1


# A reference held by a person the actor may not see (another service's) is refused in words
# that do not tell whether it exists.
REFERENCE_UNAVAILABLE = "{reference} kan inte användas av dig. Välj en annan referens, eller be enhetschefen om hjälp."


def reference_taken(ctx: Ctx, reference: str, person_id: int | None = None) -> str | None:
    """Why `reference` cannot be given to the person `person_id` (None: a new person), or None if it is free."""
    # SQLite's lower() folds only A-Z: a reference as recorded matches too
    same = or_(func.lower(Person.reference) == reference.lower(), Person.reference == reference)
    twins = select(Person.id).where(Person.unit_id == ctx.unit_id, same)
    if person_id is not None:
        twins = twins.where(Person.id != person_id)
    twin = ctx.session.scalar(twins.limit(1))
    if twin is None:
        return None
    clause = visible_clause(ctx)
    if clause is None or ctx.session.scalar(select(Person.id).where(Person.id == twin, clause)) is not None:
        return f"{reference} används redan av en annan person."
    return REFERENCE_UNAVAILABLE.format(reference=reference)


def validated(ctx: Ctx, check: Checker, person_id: int | None, fields: dict[str, Any], *,
              reference_known_free: bool = False) -> dict[str, Any]:
    """The person rules: each field given checked, and a reference not held by another person
    (`reference_known_free`: the caller has looked it up already, as an import does in bulk)."""
    out: dict[str, Any] = {}
    if "reference" in fields and fields["reference"] is not None:
        reference = check.text("reference", fields["reference"], max_length=40)
        if reference and not reference_known_free:
            taken = reference_taken(ctx, reference, person_id)
            if taken:
                check.fail("reference", taken)
        out["reference"] = reference
    if "birth_year" in fields:
        out["birth_year"] = check.birth_year("birth_year", fields["birth_year"], today=ctx.today)
    if "gender" in fields:
        out["gender"] = check.choice("gender", fields["gender"], GENDERS, aliases=GENDER_ALIASES)
    if "housing" in fields:
        out["housing"] = check.choice("housing", fields["housing"], HOUSING, required=False)
    if "name" in fields:
        out["name"] = check.text("name", fields["name"], max_length=120)
    if "phone" in fields:
        out["phone"] = check.text("phone", fields["phone"], max_length=40)
    if "email" in fields:
        email = check.text("email", fields["email"], max_length=120)
        if email and "@" not in email:
            check.fail("email", f"'{email}' ser inte ut som en e-postadress.")
        out["email"] = email
    if "address" in fields:
        out["address"] = check.text("address", fields["address"])
    if "note" in fields:
        out["note"] = check.text("note", fields["note"], max_length=4000)
    return out


@requires("persons")
@audited("skapa", "person")
def create_person(
    ctx: Ctx,
    *,
    birth_year: int,
    gender: str,
    reference: str | None = None,
    housing: str | None = None,
    name: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    address: str | None = None,
    note: str | None = None,
) -> PersonInfo:
    """A new person; without a reference the next free one (P00001, …) is given."""
    check = Checker()
    values = validated(
        ctx,
        check,
        None,
        dict(
            reference=reference,
            birth_year=birth_year,
            gender=gender,
            housing=housing,
            name=name,
            phone=phone,
            email=email,
            address=address,
            note=note,
        ),
    )
    check.done()
    if not values.get("reference"):
        values["reference"] = _next_reference(ctx)
    person = Person(unit_id=ctx.unit_id, **values)
    ctx.session.add(person)
    ctx.session.flush()
    return _info(person)


@requires("persons")
@audited("visa", "person", id_from="person_id")
def get_person(ctx: Ctx, person_id: int) -> PersonInfo:
    person = owned(ctx, Person, person_id, "Personen")
    check_visible(ctx, person)
    return _info(person)


@requires("persons")
@audited("andra", "person", id_from="person_id")
def update_person(ctx: Ctx, person_id: int, *, version: int | None = None, **changes: Any) -> PersonInfo:
    person = owned(ctx, Person, person_id, "Personen")
    check_visible(ctx, person)
    check_version("Personen", person, version)
    if person.erased_at is not None:
        raise ValidationError.of("person", "uppgifterna är gallrade och kan inte ändras.")
    # a value as recorded is not judged again: the save is about what was changed
    changes = {k: v for k, v in changes.items() if not hasattr(person, k) or getattr(person, k) != v}
    check = Checker()
    values = validated(ctx, check, person.id, changes)
    if "reference" in changes and not values.get("reference"):
        check.fail("reference", "måste fyllas i.")
    check.done()
    for key, value in values.items():
        setattr(person, key, value)
    ctx.session.flush()
    return _info(person)


def matches(person: PersonInfo, *, birth_year: int | None, gender: str | None) -> list[str]:
    """Which of birth year and gender disagree with what is recorded (for the importer)."""
    wrong = []
    if birth_year is not None and birth_year != person.birth_year:
        wrong.append("birth_year")
    if gender is not None and fold(gender) != fold(person.gender):
        wrong.append("gender")
    return wrong
