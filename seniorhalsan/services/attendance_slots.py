"""The one place that decides which session of a day a count belongs to.

A place's day is its planned sessions (the term's schedule: weekly rows for that weekday,
dated rows for that date) and the sessions recorded beyond the plan. A count names its
session in one of four ways (`SessionKey`):

- a recorded session by id (the window, with the version it read);
- a planned session by its schedule row (the window's rows for a day);
- an activity alone (an import, a sign-up list): the planned session of the activity that
  starts at the given time, or, without a time, the n-th of the activity's sessions that
  day (planned ones first, in order of time, then those beyond the plan); a count beyond
  all of them is an extra session;
- an extra session asked for as such (the window's "Lägg till extra tillfälle").

Närvaro, `attendance day`, `attendance missing`, the window's save and every import see
the day through `DayPlans`, so a count for a planned session fills that session and is
never recorded beside it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select

from ..db.base import table_of
from ..db.models import Activity, ActivityKind, ActivitySession, Place, ScheduleEntry, Staff, Term
from ..db.session import Ctx

SESSION_COLUMNS = ("id", "schedule_entry_id", "activity_id", "place_id", "held_on", "starts_at", "ends_at",
                   "cancelled", "women", "men", "other", "total", "new_visitors", "note", "version")


@dataclass(frozen=True)
class SessionKey:
    """Which session of `place_id`'s `day` a count is for (see the module's text)."""

    place_id: int
    day: dt.date
    activity_id: int | None = None
    session_id: int | None = None
    schedule_entry_id: int | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    occurrence: int = 1
    extra: bool = False
    version: int | None = None


class Planned(NamedTuple):
    """A schedule row that applies on a day (a tuple: an import makes one for each of its lines)."""

    entry_id: int
    activity_id: int
    starts_at: dt.time
    ends_at: dt.time | None
    leader_id: int | None


class Slot(NamedTuple):
    """A session of a day: `recorded` (its row, as a dict of SESSION_COLUMNS) when it has been
    saved, `planned` when it comes from the schedule; an extra session not yet saved has neither."""

    place_id: int
    day: dt.date
    activity_id: int
    starts_at: dt.time | None
    ends_at: dt.time | None
    planned: Planned | None = None
    recorded: dict[str, Any] | None = None


class DayPlans:
    """The planned and recorded sessions of some places over a period, read in two queries."""

    def __init__(self, ctx: Ctx, place_ids: set[int], first: dt.date, last: dt.date) -> None:
        self.ctx = ctx
        self.first, self.last = first, last
        self.places = {p.id: p for p in ctx.session.scalars(
            select(Place).where(Place.unit_id == ctx.unit_id, Place.id.in_(place_ids)))}
        # each schedule row under its place and weekday (or date), with its term's dates, in order of time
        self._plan: dict[tuple[int, int | dt.date], list[tuple[dt.date, dt.date, Planned]]] = defaultdict(list)
        query = (
            select(Term.starts_on, Term.ends_on, ScheduleEntry)
            .join(ScheduleEntry, ScheduleEntry.term_id == Term.id)
            .where(Term.unit_id == ctx.unit_id, Term.starts_on <= last, Term.ends_on >= first,
                   ScheduleEntry.place_id.in_(place_ids))
            .order_by(ScheduleEntry.starts_at, ScheduleEntry.id)
        )
        for starts_on, ends_on, e in ctx.session.execute(query):
            when = e.on_date if e.on_date is not None else e.weekday
            assert when is not None  # the table's check constraint "when" requires one of them
            self._plan[(e.place_id, when)].append(
                (starts_on, ends_on, Planned(e.id, e.activity_id, e.starts_at, e.ends_at, e.leader_id)))
        s = table_of(ActivitySession).c
        self._sessions: dict[tuple[int, dt.date], list[dict[str, Any]]] = defaultdict(list)
        rows = ctx.session.execute(
            select(*(s[name] for name in SESSION_COLUMNS))
            .where(s.unit_id == ctx.unit_id, s.place_id.in_(place_ids), s.held_on.between(first, last))
            .order_by(s.held_on, s.starts_at, s.id)
        )
        for row in rows:
            self._sessions[(row.place_id, row.held_on)].append(dict(row._mapping))
        self._days: dict[tuple[int, dt.date], list[Slot]] = {}

    def covers(self, place_id: int, day: dt.date) -> bool:
        return place_id in self.places and self.first <= day <= self.last

    def planned_on(self, place_id: int, day: dt.date) -> list[Planned]:
        """The schedule rows of a place that apply on a day, in order of time."""
        weekly = self._plan.get((place_id, day.isoweekday()), ())
        dated = self._plan.get((place_id, day), ())
        if not weekly and not dated:
            return []
        found = [(plan.starts_at, plan.entry_id, plan) for starts_on, ends_on, plan in (*weekly, *dated)
                 if starts_on <= day <= ends_on]
        return [plan for _start, _id, plan in sorted(found)]

    def day(self, place_id: int, day: dt.date) -> list[Slot]:
        """The day's sessions: each planned one (recorded or not), then those beyond the plan."""
        key = (place_id, day)
        found = self._days.get(key)
        if found is not None:
            return found
        recorded = self._sessions.get(key)
        planned = self.planned_on(place_id, day)
        if not recorded and not planned:
            self._days[key] = found = []  # the usual day of an old file: nothing planned, nothing recorded
            return found
        recorded = recorded or []
        by_entry = {r["schedule_entry_id"]: r for r in recorded if r["schedule_entry_id"] is not None}
        slots = []
        for plan in planned:
            row = by_entry.pop(plan.entry_id, None)
            slots.append(Slot(place_id, day, plan.activity_id, plan.starts_at, plan.ends_at, plan, row))
        taken = {s.recorded["id"] for s in slots if s.recorded}
        slots += [Slot(place_id, day, r["activity_id"], r["starts_at"], r["ends_at"], None, r)
                  for r in recorded if r["id"] not in taken]
        self._days[key] = slots
        return slots

    def slot(self, key: SessionKey) -> Slot | str:
        """The session a key names, or why there is none (a message for the `date`/`session` field)."""
        slots = self.day(key.place_id, key.day)
        if key.session_id is not None:
            found = next((s for s in slots if s.recorded and s.recorded["id"] == key.session_id), None)
            return found or f"tillfället med id {key.session_id} finns inte {key.day.isoformat()}."
        if key.schedule_entry_id is not None:
            found = next((s for s in slots if s.planned and s.planned.entry_id == key.schedule_entry_id), None)
            return found or f"står inte på schemat {key.day.isoformat()}."
        if key.activity_id is None:
            return "ange vilket tillfälle eller vilken aktivitet det gäller."
        if not key.extra:
            nth = key.occurrence
            for s in slots:
                if s.activity_id == key.activity_id and (key.start is None or s.starts_at == key.start):
                    nth -= 1
                    if nth == 0:
                        return s
        return Slot(key.place_id, key.day, key.activity_id, key.start, key.end)

    def saved(self, slot: Slot, row: dict[str, Any]) -> None:
        """A slot was just recorded: later keys of the same batch see it."""
        key = (slot.place_id, slot.day)
        slots = self.day(*key)
        if slot.recorded is None and slot.planned is None:
            self._sessions[key].append(row)
            slots.append(Slot(slot.place_id, slot.day, slot.activity_id, slot.starts_at, slot.ends_at, None, row))
        else:
            index = slots.index(slot)
            slots[index] = Slot(slot.place_id, slot.day, slot.activity_id, slot.starts_at, slot.ends_at,
                                slot.planned, row)


def names(ctx: Ctx, activity_ids: set[int], staff_ids: set[int]) -> tuple[
        dict[int, tuple[str, str | None, int | None]], dict[int, str]]:
    """Activity (name, kind key or None, own leader) and staff names by id, for describing sessions."""
    activities: dict[int, tuple[str, str | None, int | None]] = {
        a_id: (name, kind, leader) for a_id, name, kind, leader in ctx.session.execute(
            select(Activity.id, Activity.name, ActivityKind.key, Activity.leader_id)
            .outerjoin(ActivityKind, ActivityKind.id == Activity.kind_id)  # an activity may have no type yet
            .where(Activity.unit_id == ctx.unit_id, Activity.id.in_(activity_ids))
        )
    }
    leaders = staff_ids | {a[2] for a in activities.values() if a[2] is not None}
    staff = dict(ctx.session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(leaders))).all()) \
        if leaders else {}
    return activities, staff


def scheduled_places(ctx: Ctx, place_id: int | None, first: dt.date, last: dt.date) -> set[int]:
    """The places with a schedule in a period (all of the unit's when `place_id` is None)."""
    query = (
        select(ScheduleEntry.place_id).join(Term)
        .where(Term.unit_id == ctx.unit_id, Term.starts_on <= last, Term.ends_on >= first)
        .distinct()
    )
    if place_id is not None:
        query = query.where(ScheduleEntry.place_id == place_id)
    return set(ctx.session.scalars(query))
