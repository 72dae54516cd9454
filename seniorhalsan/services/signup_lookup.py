"""Naming an occasion in words, as the command line does: an activity and a day (a trip, an
event, one course meeting), or an activity, a term and a place (a weekly series)."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import TypeVar

from sqlalchemy import select

from ..db.models import Activity, Place, ScheduleEntry, SignupList, Term
from ..db.session import Ctx
from ..errors import NotFound, ValidationError
from ..formatting import time_short
from ..periods import parse_term_code, term_title
from ..roles import requires
from ..vocabulary import WEEKDAYS, fold


def _close(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(fold(name), [fold(k) for k in known], n=3, cutoff=0.6)
    names = [k for k in known if fold(k) in close]
    return f" Menade du: {', '.join(names)}?" if names else ""


Named = TypeVar("Named", Activity, Place)


def _named(ctx: Ctx, model: type[Named], field: str, name: str, what: str) -> Named:
    rows = list(ctx.session.scalars(select(model).where(model.unit_id == ctx.unit_id)))
    found = next((r for r in rows if fold(r.name) == fold(name or "")), None)
    if found is None:
        raise ValidationError.of(field, f"{what} '{name}' finns inte.{_close(name or '', [r.name for r in rows])}")
    return found


def _describe(entry: ScheduleEntry) -> str:
    day = entry.on_date.isoformat() if entry.on_date else WEEKDAYS[(entry.weekday or 1) - 1]
    return f"{day} {time_short(entry.starts_at)} på {entry.place.name}"


@requires("read")
def find_entry(ctx: Ctx, *, activity: str, on_date: dt.date | None = None, term: str | None = None,
               place: str | None = None, weekday: int | None = None, start: dt.time | None = None) -> int:
    """The schedule row an occasion names: `activity` with `on_date` (and `place` or `start` when
    the activity has several rows that day), or `activity` with `term` and `place` (and
    `weekday` or `start` when it meets more than once a week there)."""
    if (on_date is None) == (term is None):
        raise ValidationError.of("occasion", "ange antingen ett datum (ett enstaka tillfälle) eller en termin "
                                             "och en mötesplats (en kurs eller grupp varje vecka).")
    found = _named(ctx, Activity, "activity", activity, "Aktiviteten")
    query = select(ScheduleEntry).join(Term).where(Term.unit_id == ctx.unit_id,
                                                   ScheduleEntry.activity_id == found.id)
    if place:
        query = query.where(ScheduleEntry.place_id == _named(ctx, Place, "place", place, "Mötesplatsen").id)
    if on_date is not None:
        query = query.where(ScheduleEntry.on_date == on_date)
        where = on_date.isoformat()
    else:
        if not place:
            raise ValidationError.of("place", "ange mötesplatsen för en kurs eller grupp varje vecka.")
        kind, year = parse_term_code(term or "")
        query = query.where(Term.kind == kind, Term.year == year, ScheduleEntry.weekday.is_not(None))
        if weekday is not None:
            query = query.where(ScheduleEntry.weekday == weekday)
        where = f"varje vecka under {term_title(kind, year).lower()}"
    if start is not None:
        query = query.where(ScheduleEntry.starts_at == start)
    entries = list(ctx.session.scalars(query.order_by(ScheduleEntry.weekday, ScheduleEntry.starts_at)))
    if not entries:
        raise NotFound(f"{found.name} står inte på schemat {where}" + (f" på {place}" if place else "") + ".")
    if len(entries) > 1:
        listed = "; ".join(_describe(e) for e in entries)
        hint = "--place eller --time" if on_date is not None else "--weekday eller --time"
        raise ValidationError.of("occasion", f"{found.name} står {len(entries)} gånger på schemat {where} "
                                             f"({listed}); välj ett med {hint}.")
    return entries[0].id


@requires("read")
def list_of_entry(ctx: Ctx, entry_id: int) -> int:
    """The sign-up list of a schedule row, or a refusal saying how to open one."""
    list_id = ctx.session.scalar(select(SignupList.id).where(SignupList.schedule_entry_id == entry_id,
                                                             SignupList.unit_id == ctx.unit_id))
    if list_id is None:
        raise NotFound("Tillfället tar inte emot anmälningar. Öppna anmälan först (signup open … --places N).")
    return list_id
