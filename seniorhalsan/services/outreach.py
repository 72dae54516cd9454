"""The outreach log: information meetings, fairs, adverts, mailings, posters, visits to care centres,
meetings with partners and social media, with the partner, the people reached and who did it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..db.models import Outreach, Place
from ..db.session import Ctx
from ..errors import NotFound
from ..roles import requires
from ..vocabulary import OUTREACH_ALIASES, OUTREACH_KINDS
from .checks import Checker, check_version
from .contacts import check_staff
from .lookups import owned

MAX_REACHED = 1_000_000  # an advert in the local paper reaches many; a typo of a few more digits is refused


@dataclass(frozen=True)
class OutreachInfo:
    id: int
    held_on: dt.date
    kind: str
    partner_id: int | None
    partner_name: str | None
    reached: int | None  # None: not counted
    staff_id: int | None
    staff_name: str | None
    note: str | None
    version: int

    @property
    def kind_label(self) -> str:
        return OUTREACH_KINDS.get(self.kind, self.kind)


def _info(entry: Outreach) -> OutreachInfo:
    return OutreachInfo(
        id=entry.id,
        held_on=entry.held_on,
        kind=entry.kind,
        partner_id=entry.partner_id,
        partner_name=entry.partner.name if entry.partner else None,
        reached=entry.reached,
        staff_id=entry.staff_id,
        staff_name=entry.staff.name if entry.staff else None,
        note=entry.note,
        version=entry.version,
    )


def check_partner(ctx: Ctx, check: Checker, partner_id: int | None) -> int | None:
    """A partner of the unit's partner register (a place of kind partner), or none."""
    if partner_id is None:
        return None
    try:
        place = owned(ctx, Place, partner_id, "Samarbetspartnern")
    except NotFound as exc:
        check.fail("partner", str(exc))
        return None
    if place.kind != "partner":
        check.fail("partner",
                   f"{place.name} är ingen samarbetspartner; lägg till den under Enheten → Samarbetspartner.")
    return partner_id


def validated(ctx: Ctx, check: Checker, fields: dict[str, Any]) -> dict[str, Any]:
    """The outreach rules for each field given, for the window and an import's lines alike."""
    out: dict[str, Any] = {}
    if "held_on" in fields:
        out["held_on"] = check.date("date", fields["held_on"], today=ctx.today)
    if "kind" in fields:
        out["kind"] = check.choice("outreach_kind", fields["kind"], OUTREACH_KINDS, aliases=OUTREACH_ALIASES)
    if "partner_id" in fields:
        out["partner_id"] = check_partner(ctx, check, fields["partner_id"])
    if "reached" in fields:
        out["reached"] = check.count("reached", fields["reached"], maximum=MAX_REACHED)
    if "staff_id" in fields:
        out["staff_id"] = check_staff(ctx, check, fields["staff_id"])
    if "note" in fields:
        out["note"] = check.text("note", fields["note"], max_length=2000)
    return out


@requires("outreach")
def add_outreach(ctx: Ctx, *, held_on: dt.date | None, kind: str | None, partner_id: int | None = None,
                 reached: Any = None, staff_id: int | None = None, note: str | None = None) -> OutreachInfo:
    check = Checker()
    values = validated(ctx, check, dict(held_on=held_on, kind=kind, partner_id=partner_id, reached=reached,
                                        staff_id=staff_id, note=note))
    check.done()
    entry = Outreach(unit_id=ctx.unit_id, **values)
    ctx.session.add(entry)
    ctx.session.flush()
    return _info(entry)


@requires("outreach")
def update_outreach(ctx: Ctx, outreach_id: int, *, version: int | None = None, **changes: Any) -> OutreachInfo:
    entry = owned(ctx, Outreach, outreach_id, "Det utåtriktade arbetet")
    check_version("Det utåtriktade arbetet", entry, version)
    check = Checker()
    values = validated(ctx, check, changes)
    check.done()
    for key, value in values.items():
        setattr(entry, key, value)
    ctx.session.flush()
    return _info(entry)


@requires("outreach")
def delete_outreach(ctx: Ctx, outreach_id: int) -> None:
    ctx.session.delete(owned(ctx, Outreach, outreach_id, "Det utåtriktade arbetet"))
    ctx.session.flush()


@requires("outreach")
def get_outreach(ctx: Ctx, outreach_id: int) -> OutreachInfo:
    return _info(owned(ctx, Outreach, outreach_id, "Det utåtriktade arbetet"))


@requires("outreach")
def list_outreach(ctx: Ctx, *, since: dt.date | None = None, until: dt.date | None = None) -> list[OutreachInfo]:
    """The log, newest first."""
    query = (select(Outreach).where(Outreach.unit_id == ctx.unit_id)
             .options(joinedload(Outreach.partner), joinedload(Outreach.staff))
             .order_by(Outreach.held_on.desc(), Outreach.id.desc()))
    if since:
        query = query.where(Outreach.held_on >= since)
    if until:
        query = query.where(Outreach.held_on <= until)
    return [_info(e) for e in ctx.session.scalars(query)]


@requires("outreach")
def same_outreach(ctx: Ctx, *, held_on: dt.date, kind: str, partner_id: int | None) -> list[OutreachInfo]:
    """The entries of a day with this kind and partner, oldest first (a file's n-th such line is the
    n-th of them)."""
    query = (select(Outreach).where(Outreach.unit_id == ctx.unit_id, Outreach.held_on == held_on,
                                    Outreach.kind == kind,
                                    Outreach.partner_id.is_(None) if partner_id is None
                                    else Outreach.partner_id == partner_id)
             .options(joinedload(Outreach.partner), joinedload(Outreach.staff))
             .order_by(Outreach.id))
    return [_info(e) for e in ctx.session.scalars(query)]
