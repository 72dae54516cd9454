"""Gallring: clearing old personal data while every year's numbers stay exactly the same.

A cleared person keeps birth year, gender and housing (which the statistics use) and
all their contacts; their reference, name, contact details and notes, and the notes of
their contacts, are removed. The same is done at once when someone asks to be removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update

from ..db.models import Contact, Person
from ..db.session import Ctx
from ..errors import ValidationError
from ..roles import requires
from .access_log import note
from .lookups import owned
from .texts import get_text, set_text

RETENTION_KEY = "setting.retention_years"
DEFAULT_YEARS = 3


@dataclass(frozen=True)
class Gallring:
    cutoff: dt.date
    persons: int


def retention_years(ctx: Ctx) -> int:
    value = get_text(ctx, RETENTION_KEY, str(DEFAULT_YEARS))
    return int(value) if value.isdigit() else DEFAULT_YEARS


@requires("accounts")
def set_retention_years(ctx: Ctx, years: int) -> int:
    if not isinstance(years, int) or not 1 <= years <= 50:
        raise ValidationError.of("year", "ange ett helt antal år mellan 1 och 50.")
    set_text(ctx, RETENTION_KEY, str(years))
    return years


def _cutoff(ctx: Ctx, years: int) -> dt.date:
    try:
        return ctx.today.replace(year=ctx.today.year - years)
    except ValueError:  # 29 February
        return ctx.today.replace(year=ctx.today.year - years, day=28)


def _stale_ids(ctx: Ctx, cutoff: dt.date) -> list[int]:
    """Persons not yet cleared whose last contact (or registration, without one) is before the cutoff."""
    last = (
        select(Contact.person_id, func.max(Contact.contact_date).label("last"))
        .where(Contact.unit_id == ctx.unit_id)
        .group_by(Contact.person_id)
        .subquery()
    )
    query = (
        select(Person.id, last.c.last, Person.created_at)
        .outerjoin(last, last.c.person_id == Person.id)
        .where(Person.unit_id == ctx.unit_id, Person.erased_at.is_(None))
    )
    stale = []
    for person_id, last_contact, created in ctx.session.execute(query):
        seen = last_contact or (created.date() if created else None)
        if seen is not None and seen < cutoff:
            stale.append(person_id)
    return stale


def _clear(ctx: Ctx, person_ids: list[int], reason: str) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    for chunk in (person_ids[i:i + 500] for i in range(0, len(person_ids), 500)):
        ctx.session.execute(
            update(Person)
            .where(Person.id.in_(chunk))
            .values(reference=None, name=None, phone=None, email=None, address=None, note=None,
                    erased_at=now, version=Person.version + 1)
            .execution_options(synchronize_session=False)
        )
        ctx.session.execute(
            update(Contact).where(Contact.person_id.in_(chunk)).values(note=None)
            .execution_options(synchronize_session=False)
        )
        for person_id in chunk:
            note(ctx, "gallra", "person", person_id, reason)
    ctx.session.expire_all()


@requires("accounts")
def preview(ctx: Ctx, *, older_than_years: int | None = None) -> Gallring:
    years = older_than_years or retention_years(ctx)
    cutoff = _cutoff(ctx, years)
    return Gallring(cutoff, len(_stale_ids(ctx, cutoff)))


@requires("accounts")
def gallra(ctx: Ctx, *, older_than_years: int | None = None) -> Gallring:
    """Clear the personal data of everyone with no contact for the given number of years."""
    years = older_than_years or retention_years(ctx)
    if years < 1:
        raise ValidationError.of("year", "ange minst ett år.")
    cutoff = _cutoff(ctx, years)
    ids = _stale_ids(ctx, cutoff)
    _clear(ctx, ids, f"ingen kontakt sedan {cutoff.isoformat()}")
    return Gallring(cutoff, len(ids))


@requires("accounts")
def erase_person(ctx: Ctx, person_id: int) -> None:
    """Remove a person's personal data on request; the numbers of past years stay."""
    person = owned(ctx, Person, person_id, "Personen")
    if person.erased_at is not None:
        raise ValidationError.of("person", "uppgifterna är redan gallrade.")
    _clear(ctx, [person.id], "på begäran")
