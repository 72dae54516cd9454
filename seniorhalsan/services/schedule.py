"""Terms (vårtermin, sommarprogram, hösttermin) and each term's weekly schedule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..db.models import Activity, Place, ScheduleEntry, Staff, Term
from ..db.session import Ctx
from ..errors import NotFound, ValidationError
from ..periods import parse_term_code, term_code, term_title
from ..roles import requires
from ..vocabulary import TERM_KINDS, WEEKDAYS
from .checks import Checker, check_version
from .lookups import owned


@dataclass(frozen=True)
class TermInfo:
    id: int
    kind: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    version: int

    @property
    def code(self) -> str:
        return term_code(self.kind, self.year)

    @property
    def title(self) -> str:
        return term_title(self.kind, self.year)

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class EntryInfo:
    id: int
    term_id: int
    activity_id: int
    activity_name: str
    activity_kind: str | None  # None: the activity has no type yet
    place_id: int
    place_name: str
    weekday: int | None
    on_date: dt.date | None
    starts_at: dt.time
    ends_at: dt.time | None
    leader_id: int | None
    leader_name: str | None
    note: str | None
    version: int

    @property
    def weekday_name(self) -> str:
        day = self.weekday or (self.on_date.isoweekday() if self.on_date else 1)
        return WEEKDAYS[day - 1]


def _term(t: Term) -> TermInfo:
    return TermInfo(t.id, t.kind, t.year, t.starts_on, t.ends_on, t.version)


def _entry(e: ScheduleEntry) -> EntryInfo:
    leader = e.leader or e.activity.leader
    return EntryInfo(
        id=e.id,
        term_id=e.term_id,
        activity_id=e.activity_id,
        activity_name=e.activity.name,
        activity_kind=e.activity.kind.key if e.activity.kind else None,
        place_id=e.place_id,
        place_name=e.place.name,
        weekday=e.weekday,
        on_date=e.on_date,
        starts_at=e.starts_at,
        ends_at=e.ends_at,
        leader_id=leader.id if leader else None,
        leader_name=leader.name if leader else None,
        note=e.note,
        version=e.version,
    )


@requires("read")
def list_terms(ctx: Ctx) -> list[TermInfo]:
    rows = ctx.session.scalars(select(Term).where(Term.unit_id == ctx.unit_id).order_by(Term.starts_on))
    return [_term(t) for t in rows]


@requires("read")
def get_term(ctx: Ctx, code: str) -> TermInfo:
    """A term by its code: vt, sommar or ht followed by the year (ht2026)."""
    kind, year = parse_term_code(code)
    term = ctx.session.scalar(
        select(Term).where(Term.unit_id == ctx.unit_id, Term.kind == kind, Term.year == year)
    )
    if term is None:
        raise NotFound(f"Terminen {term_title(kind, year).lower()} finns inte.")
    return _term(term)


@requires("read")
def terms_on(ctx: Ctx, day: dt.date) -> list[TermInfo]:
    """The terms whose dates include a day (normally one)."""
    return [t for t in list_terms(ctx) if t.covers(day)]


def _check_term_dates(
    check: Checker, kind: str | None, year: int | None, first: object, last: object
) -> tuple[dt.date, dt.date]:
    """The term's first and last day (None when refused: `check.done()` raises before use)."""
    starts_on = check.date("starts_on", first)
    ends_on = check.date("ends_on", last)
    if starts_on and ends_on and ends_on < starts_on:
        check.fail("ends_on", "ligger före startdatum.")
    if year is not None and starts_on and abs(starts_on.year - year) > 1:
        check.fail("starts_on", f"ligger inte nära år {year}.")
    return starts_on, ends_on


@requires("catalogue")
def create_term(ctx: Ctx, *, kind: str, year: int, starts_on: dt.date, ends_on: dt.date) -> TermInfo:
    check = Checker()
    kind = check.choice("term", kind, TERM_KINDS)
    year = check.integer("year", year, required=True)
    if year is not None and not 1990 <= year <= ctx.today.year + 5:
        check.fail("year", f"{year} är inget rimligt år.")
    starts_on, ends_on = _check_term_dates(check, kind, year, starts_on, ends_on)
    if kind and year and any(t.kind == kind and t.year == year for t in list_terms(ctx)):
        check.fail("term", f"{term_title(kind, year).lower()} finns redan.")
    check.done()
    term = Term(unit_id=ctx.unit_id, kind=kind, year=year, starts_on=starts_on, ends_on=ends_on)
    ctx.session.add(term)
    ctx.session.flush()
    return _term(term)


@requires("catalogue")
def update_term(
    ctx: Ctx, term_id: int, *, starts_on: dt.date, ends_on: dt.date, version: int | None = None
) -> TermInfo:
    term = owned(ctx, Term, term_id, "Terminen")
    check_version("Terminen", term, version)
    check = Checker()
    starts_on, ends_on = _check_term_dates(check, term.kind, term.year, starts_on, ends_on)
    check.done()
    term.starts_on, term.ends_on = starts_on, ends_on
    ctx.session.flush()
    return _term(term)


@requires("catalogue")
def copy_term(
    ctx: Ctx, *, source_code: str, kind: str, year: int, starts_on: dt.date, ends_on: dt.date
) -> TermInfo:
    """A new term with the weekly schedule of an earlier one (dated events are not copied)."""
    source = get_term(ctx, source_code)
    new = create_term(ctx, kind=kind, year=year, starts_on=starts_on, ends_on=ends_on)
    for entry in ctx.session.scalars(select(ScheduleEntry).where(ScheduleEntry.term_id == source.id)):
        if entry.weekday is None:
            continue
        ctx.session.add(
            ScheduleEntry(
                term_id=new.id,
                activity_id=entry.activity_id,
                place_id=entry.place_id,
                weekday=entry.weekday,
                starts_at=entry.starts_at,
                ends_at=entry.ends_at,
                leader_id=entry.leader_id,
                note=entry.note,
            )
        )
    ctx.session.flush()
    return new


@requires("read")
def list_schedule(ctx: Ctx, term_id: int, *, place_id: int | None = None) -> list[EntryInfo]:
    """A term's schedule ordered by place, weekday (or date) and start time."""
    owned(ctx, Term, term_id, "Terminen")
    query = (
        select(ScheduleEntry)
        .where(ScheduleEntry.term_id == term_id)
        .options(
            joinedload(ScheduleEntry.activity).joinedload(Activity.kind),
            joinedload(ScheduleEntry.activity).joinedload(Activity.leader),
            joinedload(ScheduleEntry.place),
            joinedload(ScheduleEntry.leader),
        )
    )
    if place_id is not None:
        query = query.where(ScheduleEntry.place_id == place_id)
    entries = [_entry(e) for e in ctx.session.scalars(query)]
    entries.sort(key=lambda e: (e.place_name, e.on_date or dt.date.min, e.weekday or 0, e.starts_at))
    return entries


def _validated_entry(ctx: Ctx, term: Term, fields: dict) -> dict:
    check = Checker()
    out: dict = {}
    if "activity_id" in fields:
        try:
            activity = owned(ctx, Activity, fields["activity_id"], "Aktiviteten")
            out["activity_id"] = activity.id
        except NotFound as exc:
            check.fail("activity", str(exc))
    if "place_id" in fields:
        try:
            place = owned(ctx, Place, fields["place_id"], "Mötesplatsen")
            out["place_id"] = place.id
            if (place.closed_on and place.closed_on < term.starts_on) or (
                place.opened_on and place.opened_on > term.ends_on
            ):
                check.fail("place", f"{place.name} används inte under {term_title(term.kind, term.year).lower()}.")
        except NotFound as exc:
            check.fail("place", str(exc))
    if "weekday" in fields and fields["weekday"] is not None:
        weekday = check.integer("weekday", fields["weekday"])
        if weekday is not None and not 1 <= weekday <= 7:
            check.fail("weekday", "ange 1 (måndag) till 7 (söndag).")
        out["weekday"] = weekday
    if "on_date" in fields and fields["on_date"] is not None:
        on_date = check.date("date", fields["on_date"])
        if on_date and not term.starts_on <= on_date <= term.ends_on:
            check.fail("date", "ligger utanför terminens datum.")
        out["on_date"] = on_date
    if "starts_at" in fields:
        out["starts_at"] = check.time("start", fields["starts_at"], required=True)
    if "ends_at" in fields:
        out["ends_at"] = check.time("end", fields["ends_at"])
    if "leader_id" in fields:
        if fields["leader_id"] is not None:
            try:
                owned(ctx, Staff, fields["leader_id"], "Ledaren")
            except NotFound as exc:
                check.fail("leader", str(exc))
        out["leader_id"] = fields["leader_id"]
    if "note" in fields:
        out["note"] = check.text("note", fields["note"])
    check.done()
    return out


@requires("catalogue")
def add_entry(
    ctx: Ctx,
    *,
    term_id: int,
    activity_id: int,
    place_id: int,
    starts_at: dt.time,
    ends_at: dt.time | None = None,
    weekday: int | None = None,
    on_date: dt.date | None = None,
    leader_id: int | None = None,
    note: str | None = None,
) -> EntryInfo:
    """A weekly slot (weekday 1–7) or, with `on_date`, a dated event of the term."""
    term = owned(ctx, Term, term_id, "Terminen")
    if (weekday is None) == (on_date is None):
        raise ValidationError.of("weekday", "ange antingen en veckodag eller ett datum.")
    values = _validated_entry(
        ctx,
        term,
        dict(
            activity_id=activity_id,
            place_id=place_id,
            weekday=weekday,
            on_date=on_date,
            starts_at=starts_at,
            ends_at=ends_at,
            leader_id=leader_id,
            note=note,
        ),
    )
    _check_times(values.get("starts_at"), values.get("ends_at"))
    entry = ScheduleEntry(term_id=term.id, **values)
    ctx.session.add(entry)
    ctx.session.flush()
    return _entry(entry)


def _check_times(starts_at: dt.time | None, ends_at: dt.time | None) -> None:
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError.of("end", "måste vara efter starttiden.")


@requires("catalogue")
def update_entry(ctx: Ctx, entry_id: int, *, version: int | None = None, **changes: Any) -> EntryInfo:
    entry = ctx.session.get(ScheduleEntry, entry_id)
    if entry is None or entry.term.unit_id != ctx.unit_id:
        raise NotFound(f"Schemaraden med id {entry_id} finns inte.")
    check_version("Schemaraden", entry, version)
    values = _validated_entry(ctx, entry.term, changes)
    _check_times(values.get("starts_at", entry.starts_at), values.get("ends_at", entry.ends_at))
    for key, value in values.items():
        setattr(entry, key, value)
    ctx.session.flush()
    return _entry(entry)


@requires("catalogue")
def remove_entry(ctx: Ctx, entry_id: int) -> None:
    """Take a slot off the schedule; sessions already recorded for it stay."""
    entry = ctx.session.get(ScheduleEntry, entry_id)
    if entry is None or entry.term.unit_id != ctx.unit_id:
        raise NotFound(f"Schemaraden med id {entry_id} finns inte.")
    ctx.session.delete(entry)
    ctx.session.flush()


@requires("read")
def own_leader_ids(ctx: Ctx, term_id: int) -> dict[int, int | None]:
    """Each entry's own leader, None where the activity's usual leader applies.

    `EntryInfo.leader_id` is the leader who actually leads (the entry's own or the
    activity's); a form that edits the override needs to tell the two apart.
    """
    owned(ctx, Term, term_id, "Terminen")
    rows = ctx.session.execute(
        select(ScheduleEntry.id, ScheduleEntry.leader_id).where(ScheduleEntry.term_id == term_id)
    )
    return dict(rows.all())
