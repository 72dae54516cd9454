"""The outreach log, from the window and from a file (`import outreach`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.session import Ctx
from ..services import outreach
from ..services.outreach import OutreachInfo
from .base import Operation

# An import matches its lines on day, kind and partner: two at once take turns, so that neither
# adds what the other has just added.
OUTREACH = ("outreach",)


@dataclass(frozen=True)
class AddOutreach(Operation[OutreachInfo]):
    """A piece of outreach: an information meeting, an advert, posters, …"""

    held_on: dt.date | None
    kind: str | None
    partner_id: int | None = None
    reached: int | None = None
    staff_id: int | None = None
    note: str | None = None
    locks = OUTREACH

    def apply(self, ctx: Ctx) -> OutreachInfo:
        return outreach.add_outreach(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdateOutreach(Operation[OutreachInfo]):
    """An entry of the log as the form shows it: every field is saved."""

    outreach_id: int
    version: int | None
    held_on: dt.date | None
    kind: str | None
    partner_id: int | None
    reached: int | None
    staff_id: int | None
    note: str | None
    locks = OUTREACH

    def apply(self, ctx: Ctx) -> OutreachInfo:
        arguments = self.arguments()
        return outreach.update_outreach(ctx, arguments.pop("outreach_id"), **arguments)


@dataclass(frozen=True)
class DeleteOutreach(Operation[None]):
    outreach_id: int
    locks = OUTREACH

    def apply(self, ctx: Ctx) -> None:
        outreach.delete_outreach(ctx, self.outreach_id)
