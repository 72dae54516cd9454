"""The floor of the statistics: the JSON of `year_stats`, by hand-written SQL.

Plain `sqlite3` (or a DB-API connection to PostgreSQL), no ORM, as few round trips as
the numbers allow: one grouped query per kind of figure, the reference lists in the
same breath. The suite checks that the result equals the program's, so the floor
cannot win by computing less.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import defaultdict
from functools import cache

TERTIALS = ("T1", "T2", "T3")
CONTACT_KINDS = ("hembesok", "telefon", "oppen_mottagning", "motesplats", "digitalt")
GROUP_KINDS = ("anhoriggrupp", "samtalsgrupp", "grupp", "kurs", "cafe", "oppen_mottagning", "informationstraff",
               "forelasning", "evenemang", "utflykt", "annat")
AGE_GROUPS = ("<65", "65-74", "75-84", "85+")
GENDERS = {"kvinna": "women", "man": "men", "annat": "other"}

AGE = "CASE WHEN :year - p.birth_year < 65 THEN '<65' WHEN :year - p.birth_year < 75 THEN '65-74' " \
      "WHEN :year - p.birth_year < 85 THEN '75-84' ELSE '85+' END"

ATTENDANCE = """
SELECT ({month(s.held_on)} - 1) / 4, a.kind_id, s.place_id,
       SUM(s.total), SUM(s.women), SUM(s.men), SUM(s.other),
       SUM(CASE WHEN s.women IS NULL THEN s.total END), SUM(s.new_visitors), COUNT(*), COUNT(s.new_visitors)
FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
WHERE s.unit_id = :unit AND s.held_on BETWEEN :first AND :last AND s.cancelled = false
GROUP BY 1, 2, 3
"""

REFERENCE = """
SELECT 'kind', id, key, CAST(NULL AS TEXT), CAST(NULL AS TEXT), sort_order FROM activity_kinds
UNION ALL SELECT 'service', id, key, NULL, NULL, sort_order FROM services
UNION ALL SELECT 'task', service_id, key, NULL, NULL, sort_order FROM service_tasks
UNION ALL SELECT 'category', id, key, grp, NULL, sort_order FROM feedback_categories
UNION ALL SELECT 'place', id, name, CAST(opened_on AS TEXT), CAST(closed_on AS TEXT), NULL
          FROM places WHERE unit_id = :unit
UNION ALL SELECT 'former', n.place_id, n.name, CAST(n.used_until AS TEXT), NULL, NULL
          FROM place_names n JOIN places p ON p.id = n.place_id WHERE p.unit_id = :unit
"""

CONTACTS = f"""
SELECT c.service_id, c.kind, {AGE}, COUNT(*)
FROM contacts c JOIN persons p ON p.id = c.person_id
WHERE c.unit_id = :unit AND c.service_id IN (SELECT id FROM services)
  AND c.contact_date BETWEEN :first AND :last
GROUP BY 1, 2, 3
"""

PERSONS = f"""
SELECT d.service_id, p.gender, {AGE}, COUNT(*),
       SUM(CASE WHEN EXISTS (SELECT 1 FROM contacts e WHERE e.person_id = d.person_id
                              AND e.service_id = d.service_id AND e.contact_date < :first AND +e.unit_id = :unit)
                THEN 0 ELSE 1 END)
FROM (SELECT DISTINCT service_id, person_id FROM contacts
      WHERE unit_id = :unit AND service_id IN (SELECT id FROM services)
        AND contact_date BETWEEN :first AND :last) d
JOIN persons p ON p.id = d.person_id
GROUP BY 1, 2, 3
"""

TASKS = """
SELECT c.service_id, t.key, COUNT(*)
FROM contacts c JOIN contact_tasks ct ON ct.contact_id = c.id JOIN service_tasks t ON t.id = ct.task_id
WHERE c.unit_id = :unit AND c.service_id IN (SELECT id FROM services)
  AND c.contact_date BETWEEN :first AND :last
GROUP BY 1, 2
"""

PREVIOUS = """
SELECT service_id, COUNT(*), COUNT(DISTINCT person_id) FROM contacts
WHERE unit_id = :unit AND service_id IN (SELECT id FROM services)
  AND contact_date BETWEEN :prev_first AND :prev_last
GROUP BY 1
"""

GROUPS_AND_TRAININGS = """
SELECT 'group', service_id, kind, COUNT(*), SUM(participants) FROM group_meetings
WHERE unit_id = :unit AND held_on BETWEEN :first AND :last GROUP BY 2, 3
UNION ALL
SELECT 'training', service_id, NULL, COUNT(*), SUM(participants) FROM trainings
WHERE unit_id = :unit AND held_on BETWEEN :first AND :last GROUP BY 2
"""

FEEDBACK = """
SELECT ({month(received_on)} - 1) / 4, type, from_id, about_id, COUNT(*),
       SUM(CASE WHEN answered_on IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN action_on IS NOT NULL OR action_text IS NOT NULL THEN 1 ELSE 0 END)
FROM feedback WHERE unit_id = :unit AND received_on BETWEEN :first AND :last
GROUP BY 1, 2, 3, 4
"""


MONTH = {
    "sqlite": "CAST(substr({column}, 6, 2) AS INTEGER)",  # a date is stored as its ISO text
    "postgresql": "CAST(EXTRACT(MONTH FROM {column}) AS INTEGER)",
}


@cache
def _sql(query: str, dialect: str) -> str:
    """A query for the connection's database: its month expression and its parameter style."""
    query = re.sub(r"\{month\(([\w.]+)\)\}", lambda m: MONTH[dialect].format(column=m.group(1)), query)
    if dialect == "postgresql":
        query = re.sub(r"(?<!:):(\w+)", r"%(\1)s", query)
    return query


def _dialect(conn) -> str:
    return "sqlite" if isinstance(conn, sqlite3.Connection) else "postgresql"


def _four(values: dict[int, int]) -> dict[str, int]:
    out = {t: values.get(i, 0) for i, t in enumerate(TERTIALS)}
    out["total"] = sum(out[t] for t in TERTIALS)
    return out


def year_stats_sql(conn, unit_id: int, year: int) -> dict:
    """`year_stats(year).to_json()` of one unit, by hand-written SQL on a sqlite3 or psycopg connection."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    dialect = _dialect(conn)
    days = {"first": first, "last": last, "prev_first": dt.date(year - 1, 1, 1), "prev_last": dt.date(year - 1, 12, 31)}
    if dialect == "sqlite":  # SQLite keeps dates as ISO text
        days = {k: v.isoformat() for k, v in days.items()}
    args = {"unit": unit_id, "year": year, **days}
    cursor = conn.cursor()

    def rows(query: str):
        return cursor.execute(_sql(query, dialect), args).fetchall()

    kinds, services, tasks, categories, places, former = {}, [], defaultdict(list), {}, [], defaultdict(list)
    for what, ident, key, a, b, _order in sorted(rows(REFERENCE),
                                               key=lambda r: (r[0], r[5] if r[5] is not None else 0)):
        if what == "kind":
            kinds[ident] = key
        elif what == "service":
            services.append((ident, key))
        elif what == "task":
            tasks[ident].append(key)
        elif what == "category":
            categories[ident] = (a, key)
        elif what == "place":
            places.append((ident, key, a, b))
        else:
            former[ident].append((a, key))

    # attendance
    totals = [0] * 8
    by_tertial = [0, 0, 0]
    by_kind = {**dict.fromkeys(kinds.values(), 0), "ej_angiven": 0}
    by_place_id: dict[int, int] = defaultdict(int)
    for tertial, kind_id, place_id, *sums in rows(ATTENDANCE):
        sums = [v or 0 for v in sums]
        for i, v in enumerate(sums):
            totals[i] += v
        by_tertial[tertial] += sums[0]
        by_kind[kinds.get(kind_id, "ej_angiven")] += sums[0]
        by_place_id[place_id] += sums[0]
    last_s = last.isoformat()
    names = {}
    for place_id, name, _opened, closed in places:
        if place_id in by_place_id:  # places with a session held in the year
            day = min(last_s, closed or last_s)
            names[place_id] = next((old for until, old in sorted(former[place_id]) if day <= until), name)
    by_place = dict.fromkeys(sorted(set(names.values())), 0)
    for place_id, visits in by_place_id.items():
        by_place[names[place_id]] += visits
    # totals has one more: the sessions whose new visitors were counted
    attendance = dict(zip(("visits", "women", "men", "other", "unspecified", "new_visitors", "sessions"), totals,
                          strict=False))
    if not totals[7]:  # no session had its new visitors counted
        attendance["new_visitors"] = None
    attendance.update(by_tertial=dict(zip(TERTIALS, by_tertial, strict=True)), by_place=by_place, by_kind=by_kind)

    # support services
    out = {}
    key_of = {}
    for service_id, key in services:
        key_of[service_id] = key
        out[key] = {
            "contacts": 0, "by_contact_kind": dict.fromkeys(CONTACT_KINDS, 0), "persons": 0, "new_persons": 0,
            "persons_by_gender": {"women": 0, "men": 0, "other": 0}, "persons_by_age": dict.fromkeys(AGE_GROUPS, 0),
            "contacts_by_age": dict.fromkeys(AGE_GROUPS, 0), "tasks": dict.fromkeys(tasks[service_id], 0),
            "previous_year": {"contacts": 0, "persons": 0},
        }
    for service_id, kind, age, n in rows(CONTACTS):
        entry = out[key_of[service_id]]
        entry["contacts"] += n
        entry["by_contact_kind"][kind] = entry["by_contact_kind"].get(kind, 0) + n
        entry["contacts_by_age"][age] += n
    for service_id, gender, age, n, new in rows(PERSONS):
        entry = out[key_of[service_id]]
        entry["persons"] += n
        entry["new_persons"] += new
        entry["persons_by_gender"][GENDERS.get(gender, "other")] += n
        entry["persons_by_age"][age] += n
    ticked = set()
    for service_id, key, n in rows(TASKS):
        entry = out[key_of[service_id]]["tasks"]
        entry[key] = entry.get(key, 0) + n
        ticked.add(service_id)
    for service_id, key in services:
        if service_id not in ticked:  # nobody filled the checklist in
            out[key]["tasks"] = dict.fromkeys(out[key]["tasks"])
    for service_id, contacts, persons in rows(PREVIOUS):
        out[key_of[service_id]]["previous_year"] = {"contacts": contacts, "persons": persons}

    none = {"meetings": None, "participants": None}
    groups = {key: {**none, "by_kind": dict.fromkeys(GROUP_KINDS, none)} for _id, key in services}
    by_service = {**{key: {"sessions": None, "participants": None} for _id, key in services},
                  "ej_angiven": {"sessions": None, "participants": None}}
    trained = [0, 0]
    for what, service_id, kind, n, participants in rows(GROUPS_AND_TRAININGS):
        if what == "group":
            entry = groups[key_of[service_id]]
            if entry["meetings"] is None:
                entry.update(meetings=0, participants=0,
                             by_kind={k: {"meetings": 0, "participants": 0} for k in GROUP_KINDS})
            entry["meetings"] += n
            entry["participants"] += participants or 0
            entry["by_kind"][kind] = {"meetings": n, "participants": participants or 0}
        elif n:
            by_service[key_of.get(service_id, "ej_angiven")] = {"sessions": n, "participants": participants or 0}
            trained[0] += n
            trained[1] += participants or 0
    trainings = {"sessions": trained[0] or None, "participants": trained[1] if trained[0] else None,
                 "by_service": by_service}

    # feedback
    tallies: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for tertial, kind, from_id, about_id, n, answered, acted in rows(FEEDBACK):
        tallies["total"][tertial] += n
        tallies["answered"][tertial] += answered or 0
        tallies["acted_on"][tertial] += acted or 0
        tallies["from:" + categories[from_id][1]][tertial] += n
        if kind == "berom":
            tallies["praise"][tertial] += n
        elif about_id is not None:
            tallies["about:" + categories[about_id][1]][tertial] += n
    ordered = [categories[i] for i in categories]
    feedback = {
        "total": _four(tallies["total"]),
        "praise": _four(tallies["praise"]),
        "from": {key: _four(tallies["from:" + key]) for grp, key in ordered if grp == "from"},
        "about": {key: _four(tallies["about:" + key]) for grp, key in ordered if grp == "about"},
        "answered": _four(tallies["answered"]),
        "acted_on": _four(tallies["acted_on"]),
    }
    cursor.close()
    return {"year": year, "attendance": attendance, "services": out, "groups": groups,
            "trainings": trainings, "feedback": feedback}
