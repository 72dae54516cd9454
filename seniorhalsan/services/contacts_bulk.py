"""Many support contacts at once (an import's lines): each checked by the rules of one contact
and, for a person not yet known, of a new person; then written in bulk.

A line names its person by reference. A known person must have the birth year and gender the
line gives; an unknown reference becomes a new person. The n-th line of a day, service, person
and kind (`occurrence`) is the n-th contact recorded for them: a recorded contact is left as it
is or corrected, and only lines beyond the recorded ones add contacts. Importing the same lines
twice therefore adds nothing the second time. A line's route ("väg in") is the person's route into
the service, recorded (or corrected) once for them, by the rules of the contact form.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import selectinload

from ..db.base import table_of
from ..db.bulk import insert_values, new_ids, rowcount
from ..db.models import Contact, Person, PersonRoute, Service, contact_tasks
from ..db.session import Ctx
from ..errors import Conflict, FieldError, RowsRefused, UserError, ValidationError
from ..roles import may_use_service, requires
from ..vocabulary import GENDERS
from . import contacts, persons, routes
from .access_log import note
from .checks import Checker

IN_BATCH = 2000  # values in one IN (…) list


@dataclass(frozen=True)
class ContactInput:
    """A contact with a person named by reference (and the birth year and gender a new person
    gets). `tasks` None: nothing said about the checklist (a recorded contact keeps its own)."""

    reference: str
    birth_year: int
    gender: str
    service: str  # the service's key
    contact_date: dt.date
    kind: str
    staff_id: int | None = None
    minutes: int | None = None
    note: str | None = None
    tasks: tuple[str, ...] | None = None
    occurrence: int = 1  # the n-th line of this day, service, person and kind
    route: str | None = None  # how the person found the service; None says nothing of it


@dataclass(frozen=True)
class ContactsSaved:
    created: int
    updated: int
    unchanged: int
    new_persons: tuple[str, ...]  # the references of the persons created


class _Known(NamedTuple):
    id: int
    reference: str
    birth_year: int
    gender: str
    visible: bool


class _Checked(NamedTuple):
    """A line that passed every rule, as it will be written."""

    person: str  # the reference folded to lower case
    service_id: int
    contact_date: dt.date
    kind: str
    staff_id: int | None
    minutes: int | None
    note: str | None
    tasks: tuple[int, ...] | None  # the checklist's items by id; None: the line says nothing of it
    occurrence: int
    route: str | None


@requires("persons")
def add_contacts(ctx: Ctx, rows: Sequence[ContactInput], *, write: bool = True) -> ContactsSaved:
    """Save contacts: all of them, or (if any line is refused) none, with `RowsRefused` naming
    each refused line by its index. With `write` False the lines are only checked (an import
    that has already found bad lines goes on looking for more without writing)."""
    if not rows:
        return ContactsSaved(0, 0, 0, ())
    services = {s.key: s for s in ctx.session.scalars(select(Service).options(selectinload(Service.tasks)))}
    known = _known_persons(ctx, {r.reference.strip() for r in rows if r.reference and r.reference.strip()})
    new: dict[str, dict[str, Any]] = {}  # a new person's checked fields, by folded reference
    # each service's id, and why the actor may not register its contacts (None: they may)
    refused = {key: None if may_use_service(ctx, key) else
               f"du arbetar inte med {service.name} och kan inte registrera dess kontakter."
               for key, service in services.items()}
    service_ids = {key: service.id for key, service in services.items()}
    # The rules of a value many lines share (a person, a day, a kind, a staff member, a checklist)
    # are applied once for each value, and their refusals given to every line with it.
    seen: dict[tuple, tuple[Any, list[FieldError]]] = {}
    failures: dict[int, UserError] = {}
    checked: list[_Checked] = []
    for index, row in enumerate(rows):
        errors: list[FieldError] = []
        service = services.get(row.service)
        if service is None:
            errors.append(FieldError("service", f"Insatsen '{row.service}' finns inte."))
        elif why := refused[row.service]:
            errors.append(FieldError("service", why))
        key: tuple[Any, ...] = ("person", row.reference, row.birth_year, row.gender)
        (person, born), wrong = seen.get(key) or _learn(
            seen, key, lambda c, line: _person(ctx, c, line, known, new), row)
        errors += wrong
        key = ("what", row.service, row.kind, row.minutes, row.tasks)
        (kind, minutes, tasks), wrong = seen.get(key) or _learn(seen, key, lambda c, line, svc: (
            *_what(ctx, c, line), None if line.tasks is None or svc is None else
            tuple(t.id for t in contacts.resolve_tasks(c, svc, line.tasks))), row, service)
        errors += wrong
        key = ("staff", row.staff_id)
        staff_id, wrong = seen.get(key) or _learn(
            seen, key, lambda c, staff: contacts.check_staff(ctx, c, staff), row.staff_id)
        errors += wrong
        key = ("route", row.route)
        route, wrong = seen.get(key) or _learn(seen, key, routes.check_route, row.route)
        errors += wrong
        check = Checker()  # what each line has of its own: its day (also against the birth year) and note
        values = contacts.validated(ctx, check, None, born, {"contact_date": row.contact_date, "note": row.note})
        errors += check.errors
        if errors or person is None or service is None:
            failures[index] = ValidationError(errors)
            continue
        checked.append(_Checked(person, service_ids[row.service], values["contact_date"], kind, staff_id, minutes,
                                values["note"], tasks, row.occurrence, route))
    if failures:
        raise RowsRefused(failures, {i: f"{rows[i].contact_date.isoformat()} {rows[i].reference}" for i in failures})
    if not write:
        return ContactsSaved(0, 0, 0, ())
    ids = _create_persons(ctx, new)
    ids.update({key: person.id for key, person in known.items()})
    return _write(ctx, checked, ids, new, _routes(ctx, checked, ids))


def _learn(seen: dict[tuple, tuple[Any, list[FieldError]]], key: tuple,
           rule: Callable[..., Any], *args: Any) -> tuple[Any, list[FieldError]]:
    """Apply a rule, `rule(check, *args)`, to a value not seen before, and remember what it gave
    and refused. (The line's values are arguments, not taken by the rule from the loop.)"""
    check = Checker()
    seen[key] = (rule(check, *args), check.errors)
    return seen[key]


def _what(ctx: Ctx, check: Checker, row: ContactInput) -> tuple[Any, ...]:
    """The line's kind and minutes, by the rules of one contact."""
    values = contacts.validated(ctx, check, None, None, {"kind": row.kind, "minutes": row.minutes})
    return values["kind"], values["minutes"]


def _known_persons(ctx: Ctx, exact: set[str]) -> dict[str, _Known]:
    """The unit's persons with these references (in any case), by reference folded to lower case,
    and whether the actor may see each."""
    references = {r.lower() for r in exact}
    found: dict[str, _Known] = {}
    clause = persons.visible_clause(ctx)
    wanted = sorted(references)
    for start in range(0, len(wanted), IN_BATCH):
        batch = wanted[start:start + IN_BATCH]
        same: ColumnElement[bool] = func.lower(Person.reference).in_(batch)
        folded = set(batch)
        spelt = sorted({r for r in exact if not r.isascii() and r != r.lower() and r.lower() in folded})
        if spelt:  # SQLite's lower() leaves Å, Ä, Ö as they are: a reference as recorded matches too
            same = or_(same, Person.reference.in_(spelt))
        query = select(Person.id, Person.reference, Person.birth_year, Person.gender).where(
            Person.unit_id == ctx.unit_id, same)
        rows = ctx.session.execute(query).all()
        visible = None
        if clause is not None and rows:
            visible = set(ctx.session.scalars(select(Person.id).where(Person.id.in_([r.id for r in rows]), clause)))
        for row in rows:
            found[row.reference.lower()] = _Known(row.id, row.reference, row.birth_year, row.gender,
                                                  visible is None or row.id in visible)
    return found


def _person(ctx: Ctx, check: Checker, row: ContactInput, known: dict[str, _Known],
            new: dict[str, dict[str, Any]]) -> tuple[str | None, int | None]:
    """The line's person (its folded reference) and birth year; None when the line is refused for it."""
    reference = check.text("reference", row.reference, required=True, max_length=40)
    if reference is None:
        return None, None
    key = reference.lower()
    recorded: Any = known.get(key)
    if recorded is not None and not recorded.visible:
        check.fail("reference", persons.REFERENCE_UNAVAILABLE.format(reference=reference))
        return None, None
    if recorded is None and key not in new:
        person_check = Checker()
        values = persons.validated(ctx, person_check, None, dict(reference=reference, birth_year=row.birth_year,
                                                                  gender=row.gender), reference_known_free=True)
        check.errors.extend(person_check.errors)
        if person_check.errors:
            return None, None
        new[key] = values
        return key, values["birth_year"]
    if recorded is None:
        recorded = _Known(0, new[key]["reference"], new[key]["birth_year"], new[key]["gender"], True)
    wrong = persons.matches(recorded, birth_year=row.birth_year, gender=row.gender)
    for field in wrong:
        value = recorded.birth_year if field == "birth_year" else GENDERS[recorded.gender].lower()
        check.fail(field, f"stämmer inte med det registrerade för {recorded.reference} ({value}).")
    return (None, None) if wrong else (key, recorded.birth_year)


def _create_persons(ctx: Ctx, new: dict[str, dict[str, Any]]) -> dict[str, int]:
    """The new persons, written at once; their ids by folded reference."""
    table = table_of(Person)
    ids = dict(zip(new, new_ids(ctx.session, table, len(new)), strict=True))
    insert_values(ctx.session, table, ("id", "unit_id", "reference", "birth_year", "gender"),
                  [(ids[key], ctx.unit_id, v["reference"], v["birth_year"], v["gender"]) for key, v in new.items()])
    for person_id in ids.values():
        note(ctx, "skapa", "person", person_id)
    return ids


def _routes(ctx: Ctx, checked: list[_Checked], ids: dict[str, int]) -> set[int]:
    """Record the lines' routes (the last line of a person and service says it); the indexes of the
    lines whose route recorded or changed something, so that such a line is not counted as unchanged."""
    wanted: dict[tuple[int, int], tuple[int, str]] = {}
    for index, item in enumerate(checked):
        if item.route:
            wanted[(ids[item.person], item.service_id)] = (index, item.route)
    if not wanted:
        return set()
    recorded = routes.recorded_routes(ctx, set(wanted))
    new = [(pair, route) for pair, (_i, route) in wanted.items() if pair not in recorded]
    changed = [(pair, route) for pair, (_i, route) in wanted.items() if pair in recorded and recorded[pair] != route]
    table = table_of(PersonRoute)
    insert_values(ctx.session, table, ("id", "person_id", "service_id", "route"),
                  [(route_id, person, service, route) for route_id, ((person, service), route)
                   in zip(new_ids(ctx.session, table, len(new)), new, strict=True)])
    if changed:
        ctx.session.execute(
            update(table).where(table.c.person_id == bindparam("_person"), table.c.service_id == bindparam("_service"))
            .values(route=bindparam("route")),
            [{"_person": person, "_service": service, "route": route} for (person, service), route in changed])
        ctx.changes.table(table.name, updated=len(changed))
    return {wanted[pair][0] for pair, _route in new + changed}


def _write(ctx: Ctx, checked: list[_Checked], ids: dict[str, int], created: dict[str, Any],
           routed: Set[int] = frozenset()) -> ContactsSaved:
    """Each line's contact added, corrected or left as it is (a person just created has none yet);
    a line whose contact is as recorded but whose route was new or changed counts as changed."""
    recorded = _recorded(ctx, [item for item in checked if item.person not in created], ids)
    inserts: list[tuple[int, _Checked]] = []
    updates: list[tuple[dict[str, Any], dict[str, Any]]] = []
    unchanged = routed_only = 0
    for index, item in enumerate(checked):
        person_id = ids[item.person]
        same_key = recorded.get((item.contact_date, item.service_id, person_id, item.kind), ())
        if item.occurrence > len(same_key):
            inserts.append((person_id, item))
            continue
        old = same_key[item.occurrence - 1]
        wanted: dict[str, Any] = {"staff_id": item.staff_id, "minutes": item.minutes, "note": item.note}
        if item.tasks is not None:
            wanted["tasks"] = frozenset(item.tasks)
        says_nothing = item.staff_id is None and item.minutes is None and item.note is None and not item.tasks
        if says_nothing or all(old[k] == v for k, v in wanted.items()):
            # a line that says no more than that the contact took place, or says it as recorded
            if index in routed:
                routed_only += 1
            else:
                unchanged += 1
        else:
            updates.append((old, wanted))
    _update(ctx, updates)
    _insert(ctx, inserts)
    return ContactsSaved(len(inserts), len(updates) + routed_only, unchanged,
                         tuple(v["reference"] for v in created.values()))


def _recorded(ctx: Ctx, checked: list[_Checked], ids: dict[str, int]) -> dict[tuple, list[dict[str, Any]]]:
    """The contacts already recorded on the lines' days, services, persons and kinds, in the order
    they were recorded (with their checklists when a line gives one). Only those are kept, however
    much else the lines' persons have recorded."""
    found: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    wanted = {(item.contact_date, item.service_id, ids[item.person], item.kind) for item in checked}
    if not wanted:
        return found
    person_ids = sorted({person_id for _day, _service, person_id, _kind in wanted})
    first, last = min(k[0] for k in wanted), max(k[0] for k in wanted)
    table = table_of(Contact)
    by_id: dict[int, dict[str, Any]] = {}
    for start in range(0, len(person_ids), IN_BATCH):
        query = (
            select(table.c.contact_date, table.c.service_id, table.c.person_id, table.c.kind, table.c.id,
                   table.c.staff_id, table.c.minutes, table.c.note, table.c.version)
            .where(table.c.person_id.in_(person_ids[start:start + IN_BATCH]),
                   table.c.contact_date.between(first, last))
        )
        for row in ctx.session.execute(query):
            if row[:4] in wanted:
                by_id[row.id] = dict(row._mapping, tasks=frozenset())
    if any(item.tasks is not None for item in checked) and by_id:
        ids_seen = sorted(by_id)
        for start in range(0, len(ids_seen), IN_BATCH):
            ticked = select(contact_tasks.c.contact_id, contact_tasks.c.task_id).where(
                contact_tasks.c.contact_id.in_(ids_seen[start:start + IN_BATCH]))
            done: dict[int, set[int]] = defaultdict(set)
            for contact_id, task_id in ctx.session.execute(ticked):
                done[contact_id].add(task_id)
            for contact_id, task_ids in done.items():
                by_id[contact_id]["tasks"] = frozenset(task_ids)
    for contact_id in sorted(by_id):
        old = by_id[contact_id]
        found[(old["contact_date"], old["service_id"], old["person_id"], old["kind"])].append(old)
    return found


def _update(ctx: Ctx, updates: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """Correct recorded contacts, each only if nobody has changed it since it was read."""
    if not updates:
        return
    table = table_of(Contact)
    statement = (
        update(table)
        .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_version"))
        .values(staff_id=bindparam("staff_id"), minutes=bindparam("minutes"), note=bindparam("note"),
                version=table.c.version + 1)
    )
    params = [{"_id": old["id"], "_version": old["version"], "staff_id": wanted["staff_id"],
               "minutes": wanted["minutes"], "note": wanted["note"]} for old, wanted in updates]
    matched = rowcount(ctx.session.execute(statement, params))
    if ctx.session.get_bind().dialect.supports_sane_multi_rowcount and matched != len(params):
        raise Conflict("Någon annan ändrade samma kontakter samtidigt. Inget sparades; importera igen.")
    changed_tasks = [(old["id"], wanted["tasks"]) for old, wanted in updates if "tasks" in wanted]
    if changed_tasks:
        ids = [contact_id for contact_id, _tasks in changed_tasks]
        for start in range(0, len(ids), IN_BATCH):
            batch = ids[start:start + IN_BATCH]
            ctx.session.execute(delete(contact_tasks).where(contact_tasks.c.contact_id.in_(batch)))
        insert_values(ctx.session, contact_tasks, ("contact_id", "task_id"),
                      [(contact_id, task_id) for contact_id, tasks in changed_tasks for task_id in sorted(tasks)])
    ctx.changes.table(table.name, updated=len(updates))
    for old, _wanted in updates:
        note(ctx, "andra", "kontakt", old["id"])


def _insert(ctx: Ctx, inserts: list[tuple[int, _Checked]]) -> None:
    if not inserts:
        return
    table = table_of(Contact)
    ids = new_ids(ctx.session, table, len(inserts))
    columns = ("id", "unit_id", "service_id", "person_id", "contact_date", "kind", "staff_id", "minutes", "note")
    rows, tasks = [], []
    for contact_id, (person_id, item) in zip(ids, inserts, strict=True):
        rows.append((contact_id, ctx.unit_id, item.service_id, person_id, item.contact_date, item.kind,
                     item.staff_id, item.minutes, item.note))
        if item.tasks:
            tasks += [(contact_id, task_id) for task_id in item.tasks]
    insert_values(ctx.session, table, columns, rows)
    insert_values(ctx.session, contact_tasks, ("contact_id", "task_id"), tasks)
    for contact_id in ids:
        note(ctx, "skapa", "kontakt", contact_id)
