"""Occasions that take sign-ups: a dated schedule row (a trip, an event, one course meeting) or
a weekly one (a term's course or group), with its number of places and last day to sign up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, Select, case, func, select

from ..db.models import Activity, ActivityKind, Place, ScheduleEntry, SignupList, SignupParticipant, Staff, Term
from ..db.session import Ctx
from ..errors import NotFound, ValidationError
from ..formatting import date_long, time_short
from ..periods import parse_term_code, term_code, term_title
from ..roles import requires
from ..vocabulary import WEEKDAYS
from .checks import Checker, check_version
from .signup_access import check_list, led_by_actor

MAX_PLACES = 500


@dataclass(frozen=True)
class OccasionInfo:
    """A sign-up list and the occasion it is for, with how many have a place and how many wait."""

    list_id: int
    entry_id: int | None  # None when the row has been taken off the schedule
    activity_id: int
    activity_name: str
    kind: str | None  # the activity kind's key; None while the activity has no type
    place_id: int
    place_name: str
    term_id: int
    term_code: str
    term_first: dt.date
    term_last: dt.date
    on_date: dt.date | None  # None for a term's series
    weekday: int | None
    starts_at: dt.time | None
    ends_at: dt.time | None
    leader_id: int | None
    leader_name: str | None
    places: int
    last_day: dt.date | None
    taken: int
    waiting: int
    cleared: bool
    version: int

    @property
    def is_series(self) -> bool:
        return self.on_date is None

    @property
    def free(self) -> int:
        return max(0, self.places - self.taken)

    @property
    def last_meeting(self) -> dt.date:
        """The occasion's day, or the term's last day for a series."""
        return self.on_date or self.term_last

    @property
    def when(self) -> str:
        """'lördag 13 juni 2026 kl. 09:00' or 'måndagar kl. 10:00, hösttermin 2026'."""
        at = f" kl. {time_short(self.starts_at)}" if self.starts_at else ""
        if self.on_date is not None:
            return f"{WEEKDAYS[self.on_date.isoweekday() - 1]} {date_long(self.on_date)}{at}"
        day = f"{WEEKDAYS[self.weekday - 1]}ar" if self.weekday else "varje vecka"
        return f"{day}{at}, {term_title(*parse_term_code(self.term_code)).lower()}"

    @property
    def title(self) -> str:
        return f"{self.activity_name}, {self.when}, {self.place_name}"

    def meeting_days(self) -> list[dt.date]:
        """The days the occasion meets: its date, or each of the series' weekdays in the term."""
        if self.on_date is not None:
            return [self.on_date]
        if self.weekday is None:
            return []
        first = self.term_first + dt.timedelta(days=(self.weekday - self.term_first.isoweekday()) % 7)
        return [first + dt.timedelta(weeks=n) for n in range((self.term_last - first).days // 7 + 1)]


def _count(status: str) -> ScalarSelect[int]:
    """How many of a list's people have `status`: counted per list, through the index on list_id."""
    p = SignupParticipant
    return (select(func.count()).where(p.list_id == SignupList.id, p.status == status)
            .correlate(SignupList).scalar_subquery())


def followed() -> tuple[ColumnElement[int], ColumnElement[int], ColumnElement[dt.date | None]]:
    """The activity, place and day a list is for: its schedule row's while the row is there (a
    coordinator may move it), else those kept on the list."""
    gone = ScheduleEntry.id.is_(None)
    return (func.coalesce(ScheduleEntry.activity_id, SignupList.activity_id),
            func.coalesce(ScheduleEntry.place_id, SignupList.place_id),
            case((gone, SignupList.on_date), else_=ScheduleEntry.on_date))


@lru_cache(maxsize=1)
def _query() -> Select[*tuple[Any, ...]]:
    """The lists with their occasions and counts: built once (a statement is never changed, `where`
    makes a new one), since building it costs more than running it."""
    activity_id, place_id, on_date = followed()
    leader = func.coalesce(ScheduleEntry.leader_id, Activity.leader_id)
    return (
        select(SignupList, activity_id, place_id, on_date, Activity.name, ActivityKind.key, Place.name, Term.kind,
               Term.year, Term.starts_on, Term.ends_on, ScheduleEntry.weekday, ScheduleEntry.starts_at,
               ScheduleEntry.ends_at, leader, Staff.name, _count("plats"), _count("reserv"))
        .outerjoin(ScheduleEntry, ScheduleEntry.id == SignupList.schedule_entry_id)
        .join(Activity, Activity.id == activity_id)
        .outerjoin(ActivityKind, ActivityKind.id == Activity.kind_id)  # an activity may have no type yet
        .join(Place, Place.id == place_id)
        .join(Term, Term.id == SignupList.term_id)
        .outerjoin(Staff, Staff.id == leader)
    )


def _info(row: Any) -> OccasionInfo:
    (lst, activity_id, place_id, on_date, activity, kind, place, term_kind, term_year, first, last, weekday,
     starts_at, ends_at, leader_id, leader_name, taken, waiting) = row
    return OccasionInfo(
        list_id=lst.id, entry_id=lst.schedule_entry_id, activity_id=activity_id, activity_name=activity,
        kind=kind, place_id=place_id, place_name=place, term_id=lst.term_id,
        term_code=term_code(term_kind, term_year), term_first=first, term_last=last, on_date=on_date,
        weekday=weekday, starts_at=starts_at, ends_at=ends_at, leader_id=leader_id, leader_name=leader_name,
        places=lst.places, last_day=lst.last_day, taken=int(taken or 0), waiting=int(waiting or 0),
        cleared=lst.cleared_at is not None, version=lst.version,
    )


def follow_entry(ctx: Ctx, lst: SignupList) -> None:
    """Keep on the list what its schedule row says now, so that the figures stay right if the
    row is taken off the schedule later (written with every change to the list)."""
    entry = ctx.session.get(ScheduleEntry, lst.schedule_entry_id) if lst.schedule_entry_id else None
    if entry is not None and (lst.activity_id, lst.place_id, lst.on_date) != (entry.activity_id, entry.place_id,
                                                                               entry.on_date):
        lst.activity_id, lst.place_id, lst.on_date = entry.activity_id, entry.place_id, entry.on_date


def occasion(ctx: Ctx, list_id: int) -> OccasionInfo:
    """A list as its occasion, for the services that check the actor themselves."""
    row = ctx.session.execute(
        _query().where(SignupList.id == list_id, SignupList.unit_id == ctx.unit_id)).one_or_none()
    if row is None:
        raise NotFound(f"Anmälningslistan med id {list_id} finns inte.")
    return _info(row)


@requires("signup_lists")
def get_occasion(ctx: Ctx, list_id: int) -> OccasionInfo:
    found = occasion(ctx, list_id)
    check_list(ctx, found.leader_id, found.activity_name)
    return found


@requires("signup_lists")
def list_occasions(ctx: Ctx, *, term_id: int | None = None) -> list[OccasionInfo]:
    """The lists the actor may see (an instructor: of what they lead), in order of day and time."""
    query = _query().where(SignupList.unit_id == ctx.unit_id)
    if term_id is not None:
        query = query.where(SignupList.term_id == term_id)
    found = [_info(row) for row in ctx.session.execute(query)]
    mine = led_by_actor(ctx, {o.leader_id for o in found})
    found = [o for o in found if o.leader_id in mine]
    found.sort(key=lambda o: (o.on_date or o.term_first, o.weekday or 0, o.starts_at or dt.time.min,
                              o.activity_name))
    return found


def _entry(ctx: Ctx, entry_id: int) -> ScheduleEntry:
    entry = ctx.session.get(ScheduleEntry, entry_id) if isinstance(entry_id, int) else None
    if entry is None or entry.term.unit_id != ctx.unit_id:
        raise NotFound(f"Schemaraden med id {entry_id} finns inte.")
    return entry


def _check_list_values(
    check: Checker, places: Any, last_day: Any, last_meeting: dt.date
) -> tuple[int, dt.date | None]:
    """The number of places and the last day to sign up (refused ones: `check.done()` raises)."""
    number = check.count("places", places, required=True, maximum=MAX_PLACES)
    if number == 0:
        check.fail("places", "ange minst en plats.")
    day = check.date("last_day", last_day, required=False)
    if day is not None and day > last_meeting:
        check.fail("last_day", f"{day.isoformat()} ligger efter tillfället ({last_meeting.isoformat()}).")
    return number, day


@requires("signups")
def open_signups(ctx: Ctx, *, entry_id: int, places: int, last_day: dt.date | None = None) -> OccasionInfo:
    """Let a schedule row take sign-ups: a dated row is one occasion, a weekly row the term's series."""
    entry = _entry(ctx, entry_id)
    check = Checker()
    number, day = _check_list_values(check, places, last_day, entry.on_date or entry.term.ends_on)
    taken = ctx.session.scalar(select(SignupList.id).where(SignupList.schedule_entry_id == entry.id))
    if taken is not None:
        check.fail("occasion", f"{entry.activity.name} tar redan emot anmälningar.")
    if (entry.on_date or entry.term.ends_on) < ctx.today:
        check.fail("occasion", "tillfället har redan varit.")
    check.done()
    lst = SignupList(unit_id=ctx.unit_id, schedule_entry_id=entry.id, activity_id=entry.activity_id,
                     place_id=entry.place_id, term_id=entry.term_id, on_date=entry.on_date, places=number,
                     last_day=day)
    ctx.session.add(lst)
    ctx.session.flush()
    return occasion(ctx, lst.id)


@requires("signups")
def change_signups(ctx: Ctx, list_id: int, *, places: int, last_day: dt.date | None = None,
                   version: int | None = None) -> OccasionInfo:
    """New number of places or last day; more places move the first on the waiting list up
    (`signup_people.fill_places` tells whom to call)."""
    lst = ctx.session.get(SignupList, list_id)
    if lst is None or lst.unit_id != ctx.unit_id:
        raise NotFound(f"Anmälningslistan med id {list_id} finns inte.")
    check_version("Anmälningslistan", lst, version)
    current = occasion(ctx, list_id)
    check = Checker()
    number, day = _check_list_values(check, places, last_day, current.last_meeting)
    if number is not None and number < current.taken:
        check.fail("places", f"{current.taken} har redan en plats; avanmäl någon först om platserna ska bli "
                             f"{number}.")
    check.done()
    lst.places, lst.last_day = number, day
    ctx.session.flush()
    return occasion(ctx, list_id)


@requires("signups")
def remove_signups(ctx: Ctx, list_id: int) -> None:
    """Take back a list nobody has signed up on (opened by mistake)."""
    found = occasion(ctx, list_id)
    if found.taken or found.waiting or ctx.session.scalar(
            select(func.count()).select_from(SignupParticipant).where(SignupParticipant.list_id == list_id)):
        raise ValidationError.of("occasion", "listan har anmälda och kan inte tas bort; avanmäl dem först.")
    ctx.session.delete(ctx.session.get(SignupList, list_id))
    ctx.session.flush()


@dataclass(frozen=True)
class SignupInfo:
    """What the folder prints about an occasion that takes sign-ups (no personal data)."""

    entry_id: int
    activity_id: int
    on_date: dt.date | None
    places: int
    free: int
    last_day: dt.date | None  # the last day to sign up, when the unit has set one


@requires("read")
def signup_info(ctx: Ctx, term_id: int) -> dict[int, SignupInfo]:
    """The term's schedule rows that take sign-ups, by schedule row id."""
    rows = ctx.session.execute(_query().where(SignupList.unit_id == ctx.unit_id, SignupList.term_id == term_id,
                                              SignupList.schedule_entry_id.is_not(None)))
    infos = [_info(row) for row in rows]
    return {o.entry_id: SignupInfo(o.entry_id, o.activity_id, o.on_date, o.places, o.free, o.last_day)
            for o in infos if o.entry_id is not None}
