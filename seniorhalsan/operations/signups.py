"""Sign-ups: opening a list for an occasion, signing people up and off, ticking who came."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.session import Ctx
from ..services import signup_people, signup_retention, signup_ticks, signups
from ..services.signup_people import Cancelled, Changed, SignedUp
from ..services.signup_ticks import Ticked
from ..services.signups import OccasionInfo
from .base import Operation

# One list's places are handed out one at a time: of two who take the last place at the same
# moment (two computers on a shared server), the second lands on the waiting list.
SIGNUPS = ("signups",)


@dataclass(frozen=True)
class OpenSignups(Operation[OccasionInfo]):
    """A schedule row takes sign-ups: a dated row one occasion, a weekly row the term's series."""

    entry_id: int
    places: int
    last_day: dt.date | None = None
    locks = SIGNUPS

    def apply(self, ctx: Ctx) -> OccasionInfo:
        return signups.open_signups(ctx, **self.arguments())


@dataclass(frozen=True)
class ChangeSignups(Operation[Changed]):
    """New number of places or last day to sign up; new places go to the waiting list's first."""

    list_id: int
    places: int
    last_day: dt.date | None = None
    version: int | None = None
    locks = SIGNUPS

    def apply(self, ctx: Ctx) -> Changed:
        return signup_people.change_places(ctx, self.list_id, places=self.places, last_day=self.last_day,
                                           version=self.version)


@dataclass(frozen=True)
class RemoveSignups(Operation[None]):
    """A list nobody has signed up on, taken back."""

    list_id: int
    locks = SIGNUPS

    def apply(self, ctx: Ctx) -> None:
        signups.remove_signups(ctx, self.list_id)


@dataclass(frozen=True)
class SignUp(Operation[SignedUp]):
    """A person on a list: a place while there are places, else the waiting list."""

    list_id: int
    name: str
    phone: str
    email: str | None = None
    gender: str | None = None  # kvinna, man, annat (or None: not known)
    note: str | None = None
    locks = SIGNUPS

    def apply(self, ctx: Ctx) -> SignedUp:
        return signup_people.sign_up(ctx, **self.arguments())


@dataclass(frozen=True)
class CancelSignup(Operation[Cancelled]):
    """A person off a list (by id, or by phone); the first waiting moves up."""

    list_id: int
    participant_id: int | None = None
    phone: str | None = None
    locks = SIGNUPS

    def apply(self, ctx: Ctx) -> Cancelled:
        return signup_people.cancel(ctx, **self.arguments())


@dataclass(frozen=True)
class TickPresence(Operation[Ticked]):
    """Who came on a day (all of them; ticking again replaces the day), and so the session's count."""

    list_id: int
    day: dt.date
    present: tuple[int, ...]
    new: tuple[int, ...] = ()
    locks = ("signups", "attendance")

    def apply(self, ctx: Ctx) -> Ticked:
        return signup_ticks.tick(ctx, **self.arguments())


@dataclass(frozen=True)
class SetSignupRetentionDays(Operation[int]):
    """How many days after its occasion a sign-up list's names, phones and notes are cleared."""

    days: int

    def apply(self, ctx: Ctx) -> int:
        return signup_retention.set_retention_days(ctx, self.days)
