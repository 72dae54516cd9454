"""A place's day as Närvaro shows it: each planned session (counted or not) and those beyond the plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.models import ActivitySession, Place
from ..db.session import Ctx
from ..roles import requires
from .attendance_slots import DayPlans, SessionKey, Slot, names
from .lookups import owned


@dataclass(frozen=True)
class SessionInfo:
    """A session of a day: recorded (session_id set) or only planned by the schedule."""

    session_id: int | None
    schedule_entry_id: int | None
    activity_id: int
    activity_name: str
    activity_kind: str | None  # None: the activity has no type yet
    place_id: int
    place_name: str
    held_on: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    leader_name: str | None
    cancelled: bool
    women: int | None
    men: int | None
    other: int | None
    total: int | None
    new_visitors: int | None
    note: str | None
    version: int | None

    @property
    def recorded(self) -> bool:
        return self.session_id is not None

    @property
    def planned(self) -> bool:
        return self.schedule_entry_id is not None

    @property
    def counted(self) -> bool:
        return self.total is not None or self.cancelled


def describe_slots(ctx: Ctx, plans: DayPlans, slots: list[Slot]) -> list[SessionInfo]:
    """The sessions of `slots` as plain values, with their activity, place and leader names."""
    staff_ids = {s.planned.leader_id for s in slots if s.planned and s.planned.leader_id}
    activities, staff = names(ctx, {s.activity_id for s in slots}, staff_ids)
    out = []
    for slot in slots:
        name, kind, own_leader = activities[slot.activity_id]
        leader = (slot.planned.leader_id if slot.planned else None) or own_leader
        row = slot.recorded or {}
        out.append(SessionInfo(
            session_id=row.get("id"),
            schedule_entry_id=slot.planned.entry_id if slot.planned else None,
            activity_id=slot.activity_id,
            activity_name=name,
            activity_kind=kind,
            place_id=slot.place_id,
            place_name=plans.places[slot.place_id].name,
            held_on=slot.day,
            starts_at=row.get("starts_at", slot.starts_at) if row else slot.starts_at,
            ends_at=row.get("ends_at", slot.ends_at) if row else slot.ends_at,
            leader_name=staff.get(leader) if leader else None,
            cancelled=bool(row.get("cancelled", False)),
            women=row.get("women"),
            men=row.get("men"),
            other=row.get("other"),
            total=row.get("total"),
            new_visitors=row.get("new_visitors"),
            note=row.get("note"),
            version=row.get("version"),
        ))
    return out


@requires("attendance")
def day_sessions(ctx: Ctx, *, place_id: int, day: dt.date) -> list[SessionInfo]:
    """The sessions of a day at a place: the term schedule merged with what was recorded."""
    owned(ctx, Place, place_id, "Mötesplatsen")
    plans = DayPlans(ctx, {place_id}, day, day)
    rows = describe_slots(ctx, plans, plans.day(place_id, day))
    rows.sort(key=lambda r: (r.starts_at is None, r.starts_at or dt.time(), r.activity_name))
    return rows


@requires("attendance")
def get_session(ctx: Ctx, session_id: int) -> SessionInfo:
    recorded = owned(ctx, ActivitySession, session_id, "Tillfället")
    plans = DayPlans(ctx, {recorded.place_id}, recorded.held_on, recorded.held_on)
    slot = plans.slot(SessionKey(recorded.place_id, recorded.held_on, session_id=session_id))
    assert isinstance(slot, Slot)
    return describe_slots(ctx, plans, [slot])[0]
