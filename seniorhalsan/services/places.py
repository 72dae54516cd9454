"""Meeting places and other venues, with the period each was in use and earlier names; the places
of kind partner are the partner register (how to reach them, what is done together)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..db.models import Place, PlaceName
from ..db.session import Ctx
from ..errors import ValidationError
from ..roles import requires
from ..vocabulary import PLACE_KINDS, fold
from .checks import Checker, check_version
from .lookups import owned


@dataclass(frozen=True)
class PlaceInfo:
    id: int
    name: str
    kind: str
    address: str | None
    opened_on: dt.date | None
    closed_on: dt.date | None
    former_names: tuple[tuple[str, dt.date], ...]
    version: int
    contact: str | None = None  # a partner's: who to reach and how
    together: str | None = None  # a partner's: what the unit and the partner do together

    @property
    def kind_label(self) -> str:
        return PLACE_KINDS.get(self.kind, self.kind)

    def in_use_on(self, day: dt.date) -> bool:
        return (self.opened_on is None or self.opened_on <= day) and (
            self.closed_on is None or day <= self.closed_on
        )

    def in_use_between(self, first: dt.date, last: dt.date) -> bool:
        return (self.opened_on is None or self.opened_on <= last) and (
            self.closed_on is None or first <= self.closed_on
        )

    def name_on(self, day: dt.date) -> str:
        """The name the place had on a day (earlier names are kept when it is renamed)."""
        for name, used_until in self.former_names:
            if day <= used_until:
                return name
        return self.name


def _info(place: Place) -> PlaceInfo:
    return PlaceInfo(
        id=place.id,
        name=place.name,
        kind=place.kind,
        address=place.address,
        opened_on=place.opened_on,
        closed_on=place.closed_on,
        former_names=tuple((n.name, n.used_until) for n in place.former_names),
        version=place.version,
        contact=place.contact,
        together=place.together,
    )


@requires("read")
def list_places(ctx: Ctx, *, on: dt.date | None = None) -> list[PlaceInfo]:
    """All the unit's places, or those in use on a given day, by name."""
    rows = ctx.session.scalars(
        select(Place)
        .where(Place.unit_id == ctx.unit_id)
        .options(selectinload(Place.former_names))
        .order_by(Place.name)
    )
    places = [_info(p) for p in rows]
    return [p for p in places if on is None or p.in_use_on(on)]


@requires("read")
def list_partners(ctx: Ctx) -> list[PlaceInfo]:
    """The partner register: the places of kind partner, by name (those no longer in use too)."""
    return [p for p in list_places(ctx) if p.kind == "partner"]


@requires("read")
def get_place(ctx: Ctx, place_id: int) -> PlaceInfo:
    return _info(owned(ctx, Place, place_id, "Mötesplatsen"))


@requires("read")
def find_place(ctx: Ctx, name: str, *, on: dt.date | None = None) -> PlaceInfo | None:
    """A place by its current name or, for a day before a renaming, its name on that day."""
    return match_place(list_places(ctx), name, on=on)


def match_place(places: list[PlaceInfo], name: str, *, on: dt.date | None = None) -> PlaceInfo | None:
    """`find_place` over a list already fetched (the importer resolves thousands of lines)."""
    wanted = fold(name or "")
    for place in places:
        if fold(place.name) == wanted:
            return place
    for place in places:
        for old, used_until in place.former_names:
            if fold(old) == wanted and (on is None or on <= used_until):
                return place
    return None


def _check_unique_name(ctx: Ctx, check: Checker, name: str | None, *, except_id: int | None = None) -> None:
    if name is None:
        return
    for place in list_places(ctx):
        if place.id != except_id and fold(place.name) == fold(name):
            check.fail("name", f"det finns redan en plats som heter {place.name}.")


@requires("catalogue")
def create_place(
    ctx: Ctx,
    *,
    name: str,
    kind: str = "motesplats",
    address: str | None = None,
    opened_on: dt.date | None = None,
    closed_on: dt.date | None = None,
    contact: str | None = None,
    together: str | None = None,
) -> PlaceInfo:
    check = Checker()
    name = check.text("name", name, required=True, max_length=120)
    kind = check.choice("place_kind", kind, PLACE_KINDS)
    address = check.text("address", address)
    contact = check.text("contact", contact)
    together = check.text("together", together, max_length=2000)
    opened_on = check.date("opened_on", opened_on, required=False)
    closed_on = check.date("closed_on", closed_on, required=False)
    if opened_on and closed_on and closed_on < opened_on:
        check.fail("closed_on", "kan inte vara före dagen platsen öppnade.")
    _check_unique_name(ctx, check, name)
    check.done()
    place = Place(
        unit_id=ctx.unit_id, name=name, kind=kind, address=address, opened_on=opened_on, closed_on=closed_on,
        contact=contact, together=together,
    )
    ctx.session.add(place)
    ctx.session.flush()
    return _info(place)


@requires("catalogue")
def update_place(
    ctx: Ctx,
    place_id: int,
    *,
    version: int | None = None,
    kind: str | None = None,
    address: str | None = None,
    opened_on: dt.date | None = None,
    closed_on: dt.date | None = None,
    reopen: bool = False,
    contact: str | None = None,
    together: str | None = None,
) -> PlaceInfo:
    """Change a place's details (None keeps a value, "" empties a text); a new name goes through
    `rename_place` to keep history."""
    place = owned(ctx, Place, place_id, "Mötesplatsen")
    check_version("Mötesplatsen", place, version)
    check = Checker()
    if kind is not None:
        place.kind = check.choice("place_kind", kind, PLACE_KINDS) or place.kind
    if address is not None:
        place.address = check.text("address", address)
    if contact is not None:
        place.contact = check.text("contact", contact)
    if together is not None:
        place.together = check.text("together", together, max_length=2000)
    if opened_on is not None:
        place.opened_on = check.date("opened_on", opened_on)
    if closed_on is not None:
        place.closed_on = check.date("closed_on", closed_on)
    if reopen:
        place.closed_on = None
    if place.opened_on and place.closed_on and place.closed_on < place.opened_on:
        check.fail("closed_on", "kan inte vara före dagen platsen öppnade.")
    check.done()
    ctx.session.flush()
    return _info(place)


@requires("catalogue")
def close_place(ctx: Ctx, place_id: int, *, closed_on: dt.date) -> PlaceInfo:
    """The place is no longer used after `closed_on`; its history stays."""
    return update_place(ctx, place_id, closed_on=closed_on)


@requires("catalogue")
def rename_place(ctx: Ctx, place_id: int, *, new_name: str, from_date: dt.date) -> PlaceInfo:
    """Give a place a new name from a day on; reports before that day keep the old name."""
    place = owned(ctx, Place, place_id, "Mötesplatsen")
    check = Checker()
    new_name = check.text("new_name", new_name, required=True, max_length=120)
    from_date = check.date("valid_from", from_date)
    _check_unique_name(ctx, check, new_name, except_id=place.id)
    if from_date and any(n.used_until >= from_date for n in place.former_names):
        check.fail("valid_from", "måste ligga efter platsens förra namnbyte.")
    check.done()
    if new_name == place.name:
        raise ValidationError.of("new_name", "är samma som det nuvarande.")
    place.former_names.append(PlaceName(name=place.name, used_until=from_date - dt.timedelta(days=1)))
    place.name = new_name
    ctx.session.flush()
    return _info(place)
