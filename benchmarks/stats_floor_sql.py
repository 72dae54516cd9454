"""The hand-written SQL of the statistics' floor: one grouped query per kind of figure.

Parts that read the same rows share a query (UNION ALL), so the floor makes as few round
trips as the numbers allow. `sql(query, dialect)` gives a query for SQLite or PostgreSQL.
"""

from __future__ import annotations

import re
from functools import cache

AGE = "CASE WHEN :year - p.birth_year < 65 THEN '<65' WHEN :year - p.birth_year < 75 THEN '65-74' " \
      "WHEN :year - p.birth_year < 85 THEN '75-84' ELSE '85+' END"

# the lists the figures are keyed by, the unit's activities (name and kind) and the year's goals
REFERENCE = """
SELECT 'kind', id, key, CAST(NULL AS TEXT), CAST(NULL AS TEXT), sort_order FROM activity_kinds
UNION ALL SELECT 'service', id, key, NULL, NULL, sort_order FROM services
UNION ALL SELECT 'task', service_id, key, NULL, NULL, sort_order FROM service_tasks
UNION ALL SELECT 'category', id, key, grp, NULL, sort_order FROM feedback_categories
UNION ALL SELECT 'place', id, name, CAST(opened_on AS TEXT), CAST(closed_on AS TEXT), NULL
          FROM places WHERE unit_id = :unit
UNION ALL SELECT 'former', n.place_id, n.name, CAST(n.used_until AS TEXT), NULL, NULL
          FROM place_names n JOIN places p ON p.id = n.place_id WHERE p.unit_id = :unit
UNION ALL SELECT 'activity', id, name, CAST(kind_id AS TEXT), NULL, NULL FROM activities WHERE unit_id = :unit
UNION ALL SELECT 'goal', target, figure, CAST(women AS TEXT), CAST(men AS TEXT), NULL
          FROM goals WHERE unit_id = :unit AND year = :year
"""

# held sessions by tertial, activity and place: attendance, by kind, by place and by activity at once
ATTENDANCE = """
SELECT ({month(s.held_on)} - 1) / 4, s.activity_id, s.place_id,
       SUM(s.total), SUM(s.women), SUM(s.men), SUM(s.other),
       SUM(CASE WHEN s.women IS NULL THEN s.total END), SUM(s.new_visitors), COUNT(*), COUNT(s.new_visitors),
       COUNT(s.total)
FROM activity_sessions s
WHERE s.unit_id = :unit AND s.held_on BETWEEN :first AND :last AND s.cancelled = false
GROUP BY 1, 2, 3
"""

CONTACTS = f"""
SELECT c.service_id, c.kind, {AGE}, COUNT(*)
FROM contacts c JOIN persons p ON p.id = c.person_id
WHERE c.unit_id = :unit AND c.service_id IN (SELECT id FROM services)
  AND c.contact_date BETWEEN :first AND :last
GROUP BY 1, 2, 3
"""

# a person is new when they had no contact with the service before the year; with their route in
PERSONS = f"""
SELECT d.service_id, p.gender, {AGE}, r.route, COUNT(*),
       SUM(CASE WHEN EXISTS (SELECT 1 FROM contacts e WHERE e.person_id = d.person_id
                              AND e.service_id = d.service_id AND e.contact_date < :first AND +e.unit_id = :unit)
                THEN 0 ELSE 1 END)
FROM (SELECT DISTINCT service_id, person_id FROM contacts
      WHERE unit_id = :unit AND service_id IN (SELECT id FROM services)
        AND contact_date BETWEEN :first AND :last) d
JOIN persons p ON p.id = d.person_id
LEFT JOIN person_routes r ON r.person_id = d.person_id AND r.service_id = d.service_id
GROUP BY 1, 2, 3, 4
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

# the small logs: group meetings, trainings and outreach
LOGS = """
SELECT 'group', service_id, kind, COUNT(*), SUM(participants), CAST(NULL AS BIGINT) FROM group_meetings
WHERE unit_id = :unit AND held_on BETWEEN :first AND :last GROUP BY 2, 3
UNION ALL
SELECT 'training', service_id, NULL, COUNT(*), SUM(participants), NULL FROM trainings
WHERE unit_id = :unit AND held_on BETWEEN :first AND :last GROUP BY 2
UNION ALL
SELECT 'outreach', NULL, kind, COUNT(*), SUM(reached), COUNT(reached) FROM outreach
WHERE unit_id = :unit AND held_on BETWEEN :first AND :last GROUP BY 3
"""

# beside the JSON's rows, what a goal for the share answered in time needs: those owed an answer
# that got one or are late by now, and those answered by their day
FEEDBACK = """
SELECT ({month(received_on)} - 1) / 4, type, from_id, about_id, COUNT(*),
       SUM(CASE WHEN answered_on IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN action_on IS NOT NULL OR action_text IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN type <> 'berom' AND contact <> '' AND (answered_on IS NOT NULL OR response_due < :today)
                THEN 1 ELSE 0 END),
       SUM(CASE WHEN type <> 'berom' AND contact <> '' AND answered_on <= response_due THEN 1 ELSE 0 END)
FROM feedback WHERE unit_id = :unit AND received_on BETWEEN :first AND :last
GROUP BY 1, 2, 3, 4
"""

# an occasion counts on its day, a series on its term's first day; a moved list follows its schedule row
_LISTS = """
FROM signup_lists l JOIN terms t ON t.id = l.term_id
LEFT JOIN schedule_entries e ON e.id = l.schedule_entry_id
JOIN activities a ON a.id = COALESCE(e.activity_id, l.activity_id)
WHERE l.unit_id = :unit
  AND COALESCE(CASE WHEN e.id IS NULL THEN l.on_date ELSE e.on_date END, t.starts_on) BETWEEN :first AND :last
"""

SIGNUPS = f"""
SELECT 'list', a.kind_id, CAST(NULL AS BIGINT), COUNT(*), SUM(l.places), CAST(NULL AS BIGINT)
{_LISTS}
GROUP BY a.kind_id
UNION ALL
SELECT 'person', a.kind_id, sp.pseudonym,
       SUM(CASE WHEN sp.status IN ('plats', 'slutat') THEN 1 ELSE 0 END),
       SUM(CASE WHEN sp.status = 'reserv' THEN 1 ELSE 0 END),
       SUM(CASE WHEN EXISTS (SELECT 1 FROM signup_presence x WHERE x.participant_id = sp.id) THEN 1 ELSE 0 END)
FROM signup_participants sp JOIN signup_lists l ON l.id = sp.list_id JOIN terms t ON t.id = l.term_id
LEFT JOIN schedule_entries e ON e.id = l.schedule_entry_id
JOIN activities a ON a.id = COALESCE(e.activity_id, l.activity_id)
WHERE l.unit_id = :unit
  AND COALESCE(CASE WHEN e.id IS NULL THEN l.on_date ELSE e.on_date END, t.starts_on) BETWEEN :first AND :last
GROUP BY a.kind_id, sp.pseudonym
"""

# volunteers in the register during the year, and those who led a held session (its schedule
# row's leader, or else its activity's)
VOLUNTEERS = """
SELECT 'register', id, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT) FROM staff
WHERE unit_id = :unit AND kind = 'volontar' AND (started_on IS NULL OR started_on <= :last)
  AND CASE WHEN ended_on IS NOT NULL THEN ended_on >= :first ELSE active END
UNION ALL
SELECT 'led', v.id, COUNT(*), SUM(s.total)
FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
LEFT JOIN schedule_entries e ON e.id = s.schedule_entry_id
JOIN staff v ON v.id = COALESCE(e.leader_id, a.leader_id) AND v.kind = 'volontar'
WHERE s.unit_id = :unit AND s.held_on BETWEEN :first AND :last AND s.cancelled = false
GROUP BY v.id
"""

MONTH = {
    "sqlite": "CAST(substr({column}, 6, 2) AS INTEGER)",  # a date is stored as its ISO text
    "postgresql": "CAST(EXTRACT(MONTH FROM {column}) AS INTEGER)",
}


@cache
def sql(query: str, dialect: str) -> str:
    """A query for the connection's database: its month expression and its parameter style."""
    query = re.sub(r"\{month\(([\w.]+)\)\}", lambda m: MONTH[dialect].format(column=m.group(1)), query)
    if dialect == "postgresql":
        query = re.sub(r"(?<!:):(\w+)", r"%(\1)s", query)
    return query
