"""Gallring: clearing old personal data while every year's numbers stay exactly the same.

A cleared person keeps birth year, gender and housing (which the statistics use) and
all their contacts; their reference, name, contact details and notes, and the notes of
their contacts, are removed. The same is done at once when someone asks to be removed.
Every erasure is also recorded in the register of erasures (`seniorhalsan.erasures`), so
that it is done again in a backup that is restored. Tyck till items older than the period
lose their contact field (a name, an address). Sign-up lists lose names, phones and notes a
number of days after their occasion (`signup_retention`). Volunteers who left before the cutoff lose
name and contact details (`volunteer_retention`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update

from .. import erasures
from ..db.models import Contact, Feedback, Person, Unit
from ..db.session import Ctx
from ..errors import ValidationError
from ..roles import requires
from . import signup_retention, volunteer_retention
from .access_log import note
from .lookups import owned
from .texts import get_text, set_text

RETENTION_KEY = "setting.retention_years"
DEFAULT_YEARS = 3


APPLIED_KEY = "setting.erasures_applied"  # the digest of the register last applied to this unit


@dataclass(frozen=True)
class Gallring:
    cutoff: dt.date
    persons: int
    feedback: int = 0  # Tyck till items whose contact field was cleared
    signups: int = 0  # people on sign-up lists whose name, phone and note were cleared
    volunteers: int = 0  # volunteers who left before the cutoff, whose name and contact details were cleared


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


def _unit_key(ctx: Ctx) -> str:
    return ctx.session.scalar(select(Unit.key).where(Unit.id == ctx.unit_id)) or ""


def _record(ctx: Ctx, person_ids: list[int], reason: str) -> None:
    """The references go into the register of erasures before the transaction commits."""
    if not ctx.url or not person_ids:
        return
    references = [r for (r,) in ctx.session.execute(select(Person.reference).where(Person.id.in_(person_ids))) if r]
    if references:
        path, unit, day = erasures.register_path(ctx.url), _unit_key(ctx), ctx.today
        ctx.before_commit.append(lambda: erasures.record(path, unit, references, day=day, reason=reason))


def _clear(ctx: Ctx, person_ids: list[int], reason: str) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    for chunk in (person_ids[i:i + 500] for i in range(0, len(person_ids), 500)):
        _record(ctx, chunk, reason)
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
    feedback = ctx.session.scalar(select(func.count()).select_from(Feedback).where(
        Feedback.unit_id == ctx.unit_id, Feedback.received_on < cutoff, Feedback.contact.is_not(None))) or 0
    return Gallring(cutoff, len(_stale_ids(ctx, cutoff)), feedback, signup_retention.clear(ctx, write=False),
                    volunteer_retention.clear(ctx, cutoff, write=False))


@requires("accounts")
def gallra(ctx: Ctx, *, older_than_years: int | None = None) -> Gallring:
    """Clear the personal data of everyone with no contact for the given number of years, and of the
    volunteers who left that long ago."""
    years = older_than_years or retention_years(ctx)
    if years < 1:
        raise ValidationError.of("year", "ange minst ett år.")
    cutoff = _cutoff(ctx, years)
    ids = _stale_ids(ctx, cutoff)
    _clear(ctx, ids, f"ingen kontakt sedan {cutoff.isoformat()}")
    return Gallring(cutoff, len(ids), _clear_feedback_contacts(ctx, cutoff), signup_retention.clear(ctx),
                    volunteer_retention.clear(ctx, cutoff))


def _clear_feedback_contacts(ctx: Ctx, cutoff: dt.date) -> int:
    """The contact field (a name, an address, a phone number) of Tyck till items received before `cutoff`."""
    old = (Feedback.unit_id == ctx.unit_id, Feedback.received_on < cutoff, Feedback.contact.is_not(None))
    ids = list(ctx.session.scalars(select(Feedback.id).where(*old)))
    if ids:
        ctx.session.execute(update(Feedback).where(*old).values(contact=None, version=Feedback.version + 1)
                            .execution_options(synchronize_session=False))
        for feedback_id in ids:
            note(ctx, "gallra", "synpunkt", feedback_id, "kontaktuppgiften")
        ctx.session.expire_all()
    return len(ids)


@requires("accounts")
def erase_person(ctx: Ctx, person_id: int) -> None:
    """Remove a person's personal data on request; the numbers of past years stay."""
    person = owned(ctx, Person, person_id, "Personen")
    if person.erased_at is not None:
        raise ValidationError.of("person", "uppgifterna är redan gallrade.")
    _clear(ctx, [person.id], "på begäran")


def applied_digest(ctx: Ctx) -> str:
    """The digest of the register of erasures last applied to this unit."""
    return get_text(ctx, APPLIED_KEY, "")


def reapply_erasures(ctx: Ctx, register: erasures.Register) -> list[erasures.Erasure]:
    """Erase again, in this unit, every person of the register who is back (from a restored
    backup); the register's digest is stored so that the next opening only compares it."""
    if not register.erasures or get_text(ctx, APPLIED_KEY, "") == register.digest:
        return []
    unit = _unit_key(ctx)
    wanted = register.for_unit(unit)
    found: dict[int, erasures.Erasure] = {}
    if wanted:
        rows = ctx.session.execute(select(Person.id, Person.reference).where(
            Person.unit_id == ctx.unit_id, Person.erased_at.is_(None), Person.reference.is_not(None)))
        for person_id, reference in rows:
            assert reference is not None  # the query asks for persons with one
            match = wanted.get(register.fingerprint(unit, reference))
            if match is not None:
                found[person_id] = match
    for person_id, erasure in found.items():
        _clear(ctx, [person_id], f"gallrad igen ({erasure.reason}, {erasure.day.isoformat()})")
    set_text(ctx, APPLIED_KEY, register.digest)
    return list(found.values())
