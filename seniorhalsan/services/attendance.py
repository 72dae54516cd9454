"""Sessions and their anonymous head counts: women, men, other, or a total alone.

`record_counts` is the only writer of counts: the window's day, a single correction, an
import and a sign-up list all go through it, and `attendance_slots` decides which session
each count belongs to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update

from ..db.base import table_of
from ..db.bulk import insert_values, rowcount
from ..db.models import ActivitySession, Place, ScheduleEntry
from ..db.session import Ctx
from ..errors import Conflict, NotFound, RowsRefused, UserError, ValidationError
from ..roles import requires
from .attendance_days import SessionInfo, get_session
from .attendance_slots import DayPlans, SessionKey, Slot, names
from .checks import MAX_COUNT, Checker
from .lookups import owned

COUNTS = ("women", "men", "other", "total", "new_visitors")
INSERTED = ("unit_id", "activity_id", "place_id", "held_on", "starts_at", "ends_at", "schedule_entry_id", "note",
            *COUNTS, "cancelled")  # a new session's columns, in the order `_write` gives them
BULK_FROM = 200  # more rows than this are written in bulk, without returning their ids


@dataclass(frozen=True)
class Counts:
    """A validated head count; `total` is None when nobody has counted yet."""

    women: int | None
    men: int | None
    other: int | None
    total: int | None
    new_visitors: int | None


def _plain_count(value: Any) -> bool:
    return value is None or (type(value) is int and 0 <= value <= MAX_COUNT)


def _given(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def check_counts(
    check: Checker,
    *,
    women: Any = None,
    men: Any = None,
    other: Any = None,
    total: Any = None,
    new_visitors: Any = None,
    cancelled: bool = False,
) -> Counts:
    """Validate a count given split by gender, or as a total alone.

    A split count fills empty parts with 0 and computes the total; a total given beside
    a split must agree with it. First-time visitors cannot outnumber the visitors.
    """
    if all(map(_plain_count, (women, men, other, total, new_visitors))):
        w, m, o, t, n = women, men, other, total, new_visitors  # already numbers in range: nothing to check
    else:
        w = check.count("women", women)
        m = check.count("men", men)
        o = check.count("other", other)
        t = check.count("total", total)
        n = check.count("new_visitors", new_visitors)
    split_given = _given(women) or _given(men) or _given(other)
    if split_given:
        w, m, o = w or 0, m or 0, o or 0
        computed = w + m + o
        if t is not None and t != computed:
            check.fail("total", f"{t} stämmer inte med kvinnor + män + övriga ({computed}).")
        t = computed
    else:
        w = m = o = None
    if n is not None and t is not None and n > t:
        check.fail("new_visitors", f"{n} nya kan inte vara fler än besökarna ({t}).")
    if n is not None and t is None:
        check.fail("new_visitors", "ange också hur många som kom.")
    if cancelled and t:
        check.fail("cancelled", "ett inställt tillfälle kan inte ha besökare.")
    if cancelled:
        w = m = o = t = n = None
    return Counts(w, m, o, t, n)


def check_place_open(check: Checker, place: Place, day: dt.date) -> None:
    if place.opened_on and day < place.opened_on:
        check.fail("place", f"{place.name} hade inte öppnat {day.isoformat()} (öppnade {place.opened_on.isoformat()}).")
    if place.closed_on and day > place.closed_on:
        check.fail("place", f"{place.name} var stängd {day.isoformat()} (stängde {place.closed_on.isoformat()}).")


@dataclass(frozen=True)
class CountInput:
    """A count for one session. With `replace_note` False (an import has no notes) the
    session's note is kept as it is."""

    key: SessionKey
    women: int | None = None
    men: int | None = None
    other: int | None = None
    total: int | None = None
    new_visitors: int | None = None
    cancelled: bool = False
    note: str | None = None
    replace_note: bool = True


@dataclass(frozen=True)
class CountsSaved:
    """What `record_counts` did; `session_ids` per row (None for rows written in bulk)."""

    created: int
    updated: int
    unchanged: int
    session_ids: tuple[int | None, ...]


def _describe(
    plans: DayPlans, activity_names: dict[int, tuple[str, str | None, int | None]], row: CountInput
) -> str:
    key = row.key
    name = activity_names.get(key.activity_id or 0, ("",))[0]
    slot = plans.slot(key) if plans.covers(key.place_id, key.day) else None
    if isinstance(slot, Slot):
        name = activity_names.get(slot.activity_id, (name,))[0]
        start = slot.starts_at
    else:
        start = key.start
    return " ".join(p for p in (key.day.isoformat(), start.strftime("%H:%M") if start else "", name) if p)


@requires("attendance")
def record_counts(ctx: Ctx, rows: Sequence[CountInput], *, write: bool = True) -> CountsSaved:
    """Save counts: all of them, or (if any is refused) none. Each count goes to the session
    its key names (see `attendance_slots`); a session that already holds the same count is
    left as it is. With `write` False the counts are only checked (an import that has
    already found bad lines goes on looking for more without writing)."""
    if not rows:
        return CountsSaved(0, 0, 0, ())
    plans = DayPlans(ctx, {r.key.place_id for r in rows}, min(r.key.day for r in rows),
                     max(r.key.day for r in rows))
    activity_names, _staff = names(ctx, {r.key.activity_id for r in rows if r.key.activity_id}, set())
    failures: dict[int, UserError] = {}
    work: list[tuple[int, Slot, dict[str, Any]]] = []
    used: dict[tuple, int] = {}
    for index, row in enumerate(rows):
        key = row.key
        check = Checker()
        counts = check_counts(check, women=row.women, men=row.men, other=row.other, total=row.total,
                              new_visitors=row.new_visitors, cancelled=row.cancelled)
        note = None if row.note is None else check.text("note", row.note)
        day = check.date("date", key.day, today=None if row.cancelled else ctx.today)
        place = plans.places.get(key.place_id)
        if place is None:
            check.fail("place", f"Mötesplatsen med id {key.place_id} finns inte.")
        if key.activity_id is not None and key.activity_id not in activity_names:
            check.fail("activity", f"Aktiviteten med id {key.activity_id} finns inte.")
        slot: Slot | str | None = None
        if place is not None and day is not None and not check.errors:
            if place.opened_on or place.closed_on:
                check_place_open(check, place, day)
            slot = plans.slot(key)
            if isinstance(slot, str):
                check.fail("session" if key.session_id is not None else "date", slot)
        if check.errors or not isinstance(slot, Slot):
            failures[index] = ValidationError(check.errors)
            continue
        identity = _identity(slot)
        if identity is not None and identity in used:
            failures[index] = ValidationError.of("date", f"gäller samma tillfälle som rad {used[identity] + 1}.")
            continue
        if identity is not None:
            used[identity] = index
        if slot.recorded and (key.session_id is not None or key.schedule_entry_id is not None) \
                and key.version != slot.recorded["version"]:
            failures[index] = Conflict("Tillfället har ändrats av någon annan sedan du öppnade dagen. "
                                       "De nya uppgifterna visas; gör om din ändring.")
            continue
        values: dict[str, Any] = {"women": counts.women, "men": counts.men, "other": counts.other,
                                  "total": counts.total, "new_visitors": counts.new_visitors,
                                  "cancelled": bool(row.cancelled)}
        if row.replace_note:
            values["note"] = note
        work.append((index, slot, values))
    if failures:
        raise RowsRefused(failures, {i: _describe(plans, activity_names, rows[i]) for i in failures})
    if not write:
        recorded = [(s, v) for _i, s, v in work if s.recorded is not None]
        same = sum(all(s.recorded[k] == x for k, x in v.items()) for s, v in recorded if s.recorded)
        return CountsSaved(len(work) - len(recorded), len(recorded) - same, same, (None,) * len(rows))
    return _write(ctx, plans, work, len(rows))


def _identity(slot: Slot) -> tuple | None:
    if slot.recorded:
        return ("session", slot.recorded["id"])
    if slot.planned:
        return ("planned", slot.planned.entry_id, slot.day)
    return None


def _write(ctx: Ctx, plans: DayPlans, work: list[tuple[int, Slot, dict[str, Any]]], count: int) -> CountsSaved:
    table = table_of(ActivitySession)
    ids: list[int | None] = [None] * count
    updates, inserts = [], []
    unchanged = 0
    for index, slot, values in work:
        if slot.recorded is not None:
            ids[index] = slot.recorded["id"]
            if all(slot.recorded[k] == v for k, v in values.items()):
                unchanged += 1
            else:
                updates.append({**values, "_id": slot.recorded["id"], "_version": slot.recorded["version"]})
        else:
            inserts.append((index, slot, (
                ctx.unit_id, slot.activity_id, slot.place_id, slot.day, slot.starts_at, slot.ends_at,
                slot.planned.entry_id if slot.planned else None, values.get("note"),
                values["women"], values["men"], values["other"], values["total"], values["new_visitors"],
                values["cancelled"],
            )))
    if updates:
        _update(ctx, table, updates)
    if len(inserts) > BULK_FROM:
        insert_values(ctx.session, table, INSERTED, [row for _i, _s, row in inserts])
    else:
        for index, slot, row in inserts:
            values = dict(zip(INSERTED, row, strict=True))
            ids[index] = ctx.session.execute(insert(table).returning(table.c.id), values).scalar_one()
            plans.saved(slot, {**values, "id": ids[index], "version": 1})
        ctx.changes.table(table.name, created=len(inserts))
    return CountsSaved(len(inserts), len(updates), unchanged, tuple(ids))


def _update(ctx: Ctx, table: Table, updates: list[dict[str, Any]]) -> None:
    """Change recorded sessions, each only if nobody has changed it since it was read."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for item in updates:
        groups.setdefault(tuple(k for k in item if not k.startswith("_")), []).append(item)
    for columns, items in groups.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_version"))
            .values({**{c: bindparam(c) for c in columns}, "version": table.c.version + 1})
        )
        if len(items) <= BULK_FROM:
            for item in items:
                if rowcount(ctx.session.execute(statement, item)) != 1:
                    raise Conflict("Någon annan sparade samma tillfälle samtidigt. De nya uppgifterna visas; "
                                   "gör om din ändring.")
        else:
            ctx.session.execute(statement, items)
    ctx.changes.table(table.name, updated=len(updates))


@requires("attendance")
def record_attendance(
    ctx: Ctx,
    *,
    held_on: dt.date | None = None,
    session_id: int | None = None,
    schedule_entry_id: int | None = None,
    activity_id: int | None = None,
    place_id: int | None = None,
    starts_at: dt.time | None = None,
    ends_at: dt.time | None = None,
    women: Any = None,
    men: Any = None,
    other: Any = None,
    total: Any = None,
    new_visitors: Any = None,
    cancelled: bool = False,
    note: str | None = None,
    version: int | None = None,
) -> SessionInfo:
    """Save one session's count, through `record_counts`, and return the session.

    - `session_id`: correct a recorded session (pass the `version` you read);
    - `schedule_entry_id` + `held_on`: the planned session of that day;
    - `activity_id` + `place_id` + `held_on`: an extra session beyond the plan.
    """
    check = Checker()
    day: dt.date | None = held_on
    if session_id is not None:
        recorded = owned(ctx, ActivitySession, session_id, "Tillfället")
        place_id, day = recorded.place_id, recorded.held_on
    else:
        day = check.date("date", held_on)
    if schedule_entry_id is not None:
        entry = ctx.session.get(ScheduleEntry, schedule_entry_id)
        if entry is None or entry.term.unit_id != ctx.unit_id:
            raise NotFound(f"Schemaraden med id {schedule_entry_id} finns inte.")
        place_id = entry.place_id
        if version is None:  # no version read: the planned session is saved whoever saved it last
            version = ctx.session.scalar(select(ActivitySession.version).where(
                ActivitySession.schedule_entry_id == entry.id, ActivitySession.held_on == day))
    elif session_id is None:
        if place_id is None:
            check.fail("place", "måste väljas.")
        if activity_id is None:
            check.fail("activity", "måste väljas.")
    check.done()
    assert place_id is not None and day is not None
    key = SessionKey(place_id=place_id, day=day, activity_id=activity_id, session_id=session_id,
                     schedule_entry_id=schedule_entry_id, start=starts_at, end=ends_at,
                     extra=session_id is None and schedule_entry_id is None, version=version)
    row = CountInput(key, women, men, other, total, new_visitors, cancelled, note)
    try:
        saved = record_counts(ctx, [row])
    except RowsRefused as exc:
        raise exc.failures[0] from None
    session = saved.session_ids[0]
    assert session is not None
    return get_session(ctx, session)
