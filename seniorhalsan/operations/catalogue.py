"""The catalogue: places, activities, staff and the unit's own texts.

The window, the command line and the importers apply these same operations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.session import Ctx
from ..services import activities, places, staff, texts, units
from ..services.activities import ActivityInfo
from ..services.lookups import UnitInfo
from ..services.places import PlaceInfo
from ..services.staff import StaffInfo
from .base import Operation

# Places, activities and staff are found by name (an import matches every line on them): two
# writers at once take turns, so that a name is never created twice.
CATALOGUE = ("catalogue",)
TEXTS = ("texts",)  # a text is one row per key: two first saves at once would both insert it


# --- places ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CreatePlace(Operation[PlaceInfo]):
    """A new meeting place or other venue; its name must be free."""

    name: str
    kind: str = "motesplats"
    address: str | None = None
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    contact: str | None = None  # a partner's entry in the partner register
    together: str | None = None
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> PlaceInfo:
        return places.create_place(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdatePlace(Operation[PlaceInfo]):
    """A place's details (None keeps a value); a new name goes through `RenamePlace`."""

    place_id: int
    version: int | None = None
    kind: str | None = None
    address: str | None = None
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    reopen: bool = False
    contact: str | None = None
    together: str | None = None
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> PlaceInfo:
        arguments = self.arguments()
        return places.update_place(ctx, arguments.pop("place_id"), **arguments)


@dataclass(frozen=True)
class ClosePlace(Operation[PlaceInfo]):
    """The place is no longer used after `closed_on`; its history stays."""

    place_id: int
    closed_on: dt.date
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> PlaceInfo:
        return places.close_place(ctx, self.place_id, closed_on=self.closed_on)


@dataclass(frozen=True)
class RenamePlace(Operation[PlaceInfo]):
    """A new name from a day on; reports of earlier days keep the old one."""

    place_id: int
    new_name: str
    from_date: dt.date
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> PlaceInfo:
        return places.rename_place(ctx, self.place_id, new_name=self.new_name, from_date=self.from_date)


# --- activities --------------------------------------------------------------------------------

@dataclass(frozen=True)
class CreateActivity(Operation[ActivityInfo]):
    """A new activity of the catalogue, inactive from the start if so chosen; without a type (None)
    until one is chosen."""

    name: str
    kind: str | None
    description: str | None = None
    place_id: int | None = None
    leader_id: int | None = None
    digital: bool = False
    outdoors: bool = False
    needs_signup: bool = False
    active: bool = True
    signup: str | None = None  # how to sign up; None: the unit's phone is printed
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> ActivityInfo:
        arguments = self.arguments()
        active = arguments.pop("active")
        info = activities.create_activity(ctx, **arguments)
        if not active:
            info = activities.update_activity(ctx, info.id, active=False)
        return info


@dataclass(frozen=True)
class UpdateActivity(Operation[ActivityInfo]):
    """An activity as the form shows it: every field is saved (None empties the optional ones)."""

    activity_id: int
    version: int | None
    name: str
    kind: str | None  # None is refused for an activity that has a type
    description: str | None
    place_id: int | None
    leader_id: int | None
    digital: bool
    outdoors: bool
    needs_signup: bool
    active: bool
    signup: str | None
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> ActivityInfo:
        arguments = self.arguments()
        return activities.update_activity(ctx, arguments.pop("activity_id"), **arguments)


# --- staff -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CreateStaff(Operation[StaffInfo]):
    """A member of staff, an hourly-paid senior, a volunteer or an outside leader."""

    name: str
    kind: str = "anstalld"
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    services: tuple[str, ...] = ()
    # a volunteer's register entry: what they lead or help with, at which places (ids), since when
    helps_with: str | None = None
    places: tuple[int, ...] = ()
    started_on: dt.date | None = None
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> StaffInfo:
        return staff.create_staff(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdateStaff(Operation[StaffInfo]):
    """A person's details as a form shows them: every field is saved (`ended_on` None: still here)."""

    staff_id: int
    version: int | None
    name: str
    kind: str
    title: str | None
    phone: str | None
    email: str | None
    services: tuple[str, ...]
    active: bool
    helps_with: str | None = None
    places: tuple[int, ...] = ()
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> StaffInfo:
        arguments = self.arguments()
        return staff.update_staff(ctx, arguments.pop("staff_id"), **arguments)


@dataclass(frozen=True)
class EndVolunteer(Operation[StaffInfo]):
    """A volunteer leaves on a day (today when not given)."""

    staff_id: int
    ended_on: dt.date | None = None
    locks = CATALOGUE

    def apply(self, ctx: Ctx) -> StaffInfo:
        return staff.end_volunteer(ctx, self.staff_id, ended_on=self.ended_on)


# --- the unit ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class UpdateUnit(Operation[UnitInfo]):
    """The unit's name and district, as the folder and the reports print them, and with them
    any of its texts (the window saves its page of them together: all, or none)."""

    name: str
    district: str | None = None
    texts: tuple[tuple[str, str | None], ...] = ()  # (key, body)
    locks = TEXTS

    def apply(self, ctx: Ctx) -> UnitInfo:
        info = units.update_unit(ctx, name=self.name, district=self.district)
        if self.texts:
            texts.set_texts(ctx, dict(self.texts))
        return info


# --- the unit's texts --------------------------------------------------------------------------

@dataclass(frozen=True)
class SetText(Operation[str]):
    """One of the unit's texts (the folder's, a report's); an empty body removes it."""

    key: str
    body: str | None
    locks = TEXTS

    def apply(self, ctx: Ctx) -> str:
        return texts.set_text(ctx, self.key, self.body)


@dataclass(frozen=True)
class SetTexts(Operation[dict[str, str]]):
    """Several texts saved together (the folder's): all of them, or none."""

    texts: tuple[tuple[str, str | None], ...]  # (key, body)
    locks = TEXTS

    def apply(self, ctx: Ctx) -> dict[str, str]:
        return texts.set_texts(ctx, dict(self.texts))
