"""The floor of the statistics: the JSON of `year_stats`, by hand-written SQL.

Plain `sqlite3` (or a DB-API connection to PostgreSQL), no ORM, as few round trips as
the numbers allow: one grouped query per kind of figure (benchmarks/stats_floor_sql.py),
the reference lists and the year's goals in the same breath. The suite checks that the
result equals the program's JSON, so the floor cannot win by computing less.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from typing import Any

from seniorhalsan.vocabulary import (
    AGE_GROUPS,
    CONTACT_KINDS,
    GENDER_STAT_KEYS,
    GROUP_KINDS,
    NOT_GIVEN,
    OUTREACH_KINDS,
    ROUTES,
)

from . import stats_floor_sql as q
from .stats_floor_goals import goals_json

TERTIALS = ("T1", "T2", "T3")
SIGNUP_COUNTS = ("occasions", "places_offered", "signed_up", "attended", "waiting_list", "distinct_persons")


def _dialect(conn) -> str:
    return "sqlite" if isinstance(conn, sqlite3.Connection) else "postgresql"


def _four(values: dict[int, int]) -> dict[str, int]:
    out = {t: values.get(i, 0) for i, t in enumerate(TERTIALS)}
    out["total"] = sum(out[t] for t in TERTIALS)
    return out


class _Reference:
    """The reference lists, the unit's activities and the year's goals, from one query."""

    def __init__(self, rows) -> None:
        self.kinds: dict[int, str] = {}
        self.services: list[tuple[int, str]] = []
        self.tasks: dict[int, list[str]] = defaultdict(list)
        self.categories: dict[int, tuple[str, str]] = {}
        self.places: list[tuple[int, str, str | None]] = []
        self.former: dict[int, list[tuple[str, str]]] = defaultdict(list)
        self.activities: dict[int, tuple[str, str]] = {}  # name and kind's key
        self.goals: list[tuple[str, int, int | None, int | None]] = []
        kind_ids: dict[int, str | None] = {}
        for what, ident, key, a, b, _order in sorted(rows, key=lambda r: (r[0], r[5] if r[5] is not None else 0)):
            if what == "kind":
                self.kinds[ident] = key
            elif what == "service":
                self.services.append((ident, key))
            elif what == "task":
                self.tasks[ident].append(key)
            elif what == "category":
                self.categories[ident] = (a, key)
            elif what == "place":
                self.places.append((ident, key, b))
            elif what == "former":
                self.former[ident].append((a, key))
            elif what == "activity":
                kind_ids[ident] = key, a
            else:
                self.goals.append((key, ident, None if a is None else int(a), None if b is None else int(b)))
        self.activities = {ident: (name, self.kinds.get(int(kind) if kind is not None else -1, NOT_GIVEN))
                           for ident, (name, kind) in kind_ids.items()}


def year_stats_sql(conn, unit_id: int, year: int, today: dt.date | None = None) -> dict:
    """`year_stats(year).to_json()` of one unit, by hand-written SQL on a sqlite3 or psycopg connection."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    dialect = _dialect(conn)
    days = {"first": first, "last": last, "prev_first": dt.date(year - 1, 1, 1), "prev_last": dt.date(year - 1, 12, 31),
            "today": today or dt.date.today()}
    if dialect == "sqlite":  # SQLite keeps dates as ISO text
        days = {k: v.isoformat() for k, v in days.items()}
    args = {"unit": unit_id, "year": year, **days}
    cursor = conn.cursor()

    def rows(query: str):
        return cursor.execute(q.sql(query, dialect), args).fetchall()

    ref = _Reference(rows(q.REFERENCE))
    attendance = _attendance(rows(q.ATTENDANCE), ref, last.isoformat())
    services = _services(rows, ref)
    groups, trainings, outreach = _logs(rows(q.LOGS), ref)
    feedback, due, in_time = _feedback(rows(q.FEEDBACK), ref)
    signups = _signups(rows(q.SIGNUPS), ref)
    volunteers = _volunteers(rows(q.VOLUNTEERS))
    cursor.close()
    out = {"year": year, "attendance": attendance, "services": services, "groups": groups, "trainings": trainings,
           "feedback": feedback, "signups": signups, "outreach": outreach, "volunteers": volunteers}
    out["goals"] = goals_json(ref.goals, out, (due, in_time), list(ref.kinds.values()),
                              [key for _id, key in ref.services])
    return out


def _attendance(found, ref: _Reference, last: str) -> dict[str, Any]:
    totals = [0] * 8  # visits, women, men, other, unspecified, new visitors, sessions, sessions with new counted
    by_tertial = [0, 0, 0]
    by_kind = {**dict.fromkeys(ref.kinds.values(), 0), NOT_GIVEN: 0}
    sessions_by_kind = dict(by_kind)
    by_place_id: dict[int, int] = defaultdict(int)
    by_activity: dict[str, list[int]] = defaultdict(lambda: [0] * 7)
    for tertial, activity_id, place_id, *sums in found:
        sums = [v or 0 for v in sums]
        for i, v in enumerate(sums[:8]):
            totals[i] += v
        name, kind = ref.activities[activity_id]
        by_tertial[tertial] += sums[0]
        by_kind[kind] += sums[0]
        sessions_by_kind[kind] += sums[6]
        by_place_id[place_id] += sums[0]
        tally = by_activity[name]  # sessions, visits, women, men, other, unspecified, counted
        for i, v in enumerate((sums[6], *sums[:5], sums[8])):
            tally[i] += v
    names = {}
    for place_id, name, closed in ref.places:
        if place_id in by_place_id:  # places with a session held in the year
            day = min(last, closed or last)
            names[place_id] = next((old for until, old in sorted(ref.former[place_id]) if day <= until), name)
    by_place = dict.fromkeys(sorted(set(names.values())), 0)
    for place_id, visits in by_place_id.items():
        by_place[names[place_id]] += visits
    out: dict[str, Any] = dict(zip(("visits", "women", "men", "other", "unspecified", "new_visitors", "sessions"),
                                   totals, strict=False))
    if not totals[7]:  # no session had its new visitors counted
        out["new_visitors"] = None
    out.update(by_tertial=dict(zip(TERTIALS, by_tertial, strict=True)), by_place=by_place, by_kind=by_kind)
    out["by_activity"] = {
        name: {"sessions": t[0], "visits": t[1], "women": t[2], "men": t[3], "other": t[4], "unspecified": t[5],
               "average": round(t[1] / t[6], 1) if t[6] else None}
        for name, t in sorted(by_activity.items())}
    out["sessions_by_kind"] = sessions_by_kind
    return out


def _services(rows, ref: _Reference) -> dict[str, Any]:
    out: dict[str, Any] = {}
    key_of = {}
    for service_id, key in ref.services:
        key_of[service_id] = key
        out[key] = {
            "contacts": 0, "by_contact_kind": dict.fromkeys(CONTACT_KINDS, 0), "persons": 0, "new_persons": 0,
            "persons_by_gender": {"women": 0, "men": 0, "other": 0}, "persons_by_age": dict.fromkeys(AGE_GROUPS, 0),
            "contacts_by_age": dict.fromkeys(AGE_GROUPS, 0), "tasks": dict.fromkeys(ref.tasks[service_id], 0),
            "previous_year": {"contacts": 0, "persons": 0},
            "new_persons_by_route": dict.fromkeys([*ROUTES, NOT_GIVEN], 0),
        }
    if not out:
        return out
    for service_id, kind, age, n in rows(q.CONTACTS):
        entry = out[key_of[service_id]]
        entry["contacts"] += n
        entry["by_contact_kind"][kind] = entry["by_contact_kind"].get(kind, 0) + n
        entry["contacts_by_age"][age] += n
    for service_id, gender, age, route, n, new in rows(q.PERSONS):
        entry = out[key_of[service_id]]
        entry["persons"] += n
        entry["new_persons"] += new
        entry["new_persons_by_route"][route if route in ROUTES else NOT_GIVEN] += new
        entry["persons_by_gender"][GENDER_STAT_KEYS.get(gender, "other")] += n
        entry["persons_by_age"][age] += n
    ticked = set()
    for service_id, key, n in rows(q.TASKS):
        entry = out[key_of[service_id]]["tasks"]
        entry[key] = entry.get(key, 0) + n
        ticked.add(service_id)
    for service_id, key in ref.services:
        if service_id not in ticked:  # nobody filled the checklist in
            out[key]["tasks"] = dict.fromkeys(out[key]["tasks"])
    for service_id, contacts, persons in rows(q.PREVIOUS):
        out[key_of[service_id]]["previous_year"] = {"contacts": contacts, "persons": persons}
    return out


def _logs(found, ref: _Reference) -> tuple[dict, dict, dict]:
    """Group meetings per service, trainings, and outreach (None where nothing was recorded)."""
    key_of = dict(ref.services)
    none = {"meetings": None, "participants": None}
    groups = {key: {**none, "by_kind": dict.fromkeys(GROUP_KINDS, none)} for _id, key in ref.services}
    by_service = {**{key: {"sessions": None, "participants": None} for _id, key in ref.services},
                  NOT_GIVEN: {"sessions": None, "participants": None}}
    trained = [0, 0]
    told: dict[str, list[int]] = {}
    for what, service_id, kind, n, people, counted in found:
        people = people or 0
        if what == "group":
            entry = groups[key_of[service_id]]
            if entry["meetings"] is None:
                entry.update(meetings=0, participants=0,
                             by_kind={k: {"meetings": 0, "participants": 0} for k in GROUP_KINDS})
            entry["meetings"] += n
            entry["participants"] += people
            entry["by_kind"][kind] = {"meetings": n, "participants": people}
        elif what == "training":
            by_service[key_of.get(service_id, NOT_GIVEN)] = {"sessions": n, "participants": people}
            trained[0] += n
            trained[1] += people
        else:
            told[kind] = [n, people, counted]
    trainings = {"sessions": trained[0] or None, "participants": trained[1] if trained[0] else None,
                 "by_service": by_service}

    def counts(events: int, reached: int, counted: int) -> dict[str, int | None]:
        return {"events": events, "reached": reached if counted else None}

    if not told:
        outreach = {"events": None, "reached": None,
                    "by_kind": {k: {"events": None, "reached": None} for k in OUTREACH_KINDS}}
    else:
        total = counts(*(sum(v[i] for v in told.values()) for i in range(3)))
        by_kind = {k: counts(*told.get(k, (0, 0, 0))) for k in OUTREACH_KINDS}
        by_kind |= {k: counts(*v) for k, v in told.items() if k not in OUTREACH_KINDS}
        outreach = {**total, "by_kind": by_kind}
    return groups, trainings, outreach


def _feedback(found, ref: _Reference) -> tuple[dict, int, int]:
    """The template's rows, and the year's views owed an answer (due) and those answered in time."""
    tallies: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    due = in_time = 0
    for tertial, kind, from_id, about_id, n, answered, acted, owed, kept in found:
        tallies["total"][tertial] += n
        tallies["answered"][tertial] += answered or 0
        tallies["acted_on"][tertial] += acted or 0
        tallies["from:" + ref.categories[from_id][1]][tertial] += n
        due += owed or 0
        in_time += kept or 0
        if kind == "berom":
            tallies["praise"][tertial] += n
        elif about_id is not None:
            tallies["about:" + ref.categories[about_id][1]][tertial] += n
    ordered = list(ref.categories.values())
    return {
        "total": _four(tallies["total"]),
        "praise": _four(tallies["praise"]),
        "from": {key: _four(tallies["from:" + key]) for grp, key in ordered if grp == "from"},
        "about": {key: _four(tallies["about:" + key]) for grp, key in ordered if grp == "about"},
        "answered": _four(tallies["answered"]),
        "acted_on": _four(tallies["acted_on"]),
    }, due, in_time


def _signups(found, ref: _Reference) -> dict[str, Any]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0] * 5)  # occasions, places, signed up, attended, waiting
    persons: dict[str, set[int]] = defaultdict(set)
    for what, kind_id, pseudonym, a, b, c in found:
        kind = ref.kinds.get(kind_id, NOT_GIVEN)
        counts = tally[kind]
        if what == "list":
            counts[0] += a
            counts[1] += b or 0
            continue
        counts[2] += a or 0
        counts[4] += b or 0
        counts[3] += c or 0
        if a:
            persons[kind].add(pseudonym)

    def counts_json(values: list[int], who: set[int]) -> dict[str, int]:
        occasions, places, signed, attended, waiting = values
        return dict(zip(SIGNUP_COUNTS, (occasions, places, signed, attended, waiting, len(who)), strict=True))

    everyone: set[int] = set().union(*persons.values())
    total = counts_json([sum(v[i] for v in tally.values()) for i in range(5)], everyone)
    by_kind = {key: counts_json(tally.get(key, [0] * 5), persons.get(key, set()))
               for key in (*ref.kinds.values(), NOT_GIVEN)}
    return {**total, "by_kind": by_kind}


def _volunteers(found) -> dict[str, int]:
    active, sessions, visits = set(), 0, 0
    for what, staff_id, n, people in found:
        active.add(staff_id)
        if what == "led":
            sessions += n
            visits += people or 0
    return {"active": len(active), "sessions": sessions, "visits": visits}
