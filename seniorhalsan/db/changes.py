"""What a transaction changed, by topic: the ORM's flushes and the bulk writers report here,
and the window refreshes the pages that show those topics."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# Which topic a change to a table belongs to; a page refreshes on the topics it shows.
TOPIC_OF_TABLE = {
    "units": "unit",
    "places": "places",
    "place_names": "places",
    "staff": "staff",
    "staff_services": "staff",
    "activities": "activities",
    "activity_kinds": "activities",
    "terms": "schedule",
    "schedule_entries": "schedule",
    "activity_sessions": "attendance",
    "persons": "persons",
    "contacts": "contacts",
    "contact_tasks": "contacts",
    "person_routes": "contacts",
    "staff_places": "staff",
    "outreach": "outreach",
    "group_meetings": "groups",
    "trainings": "trainings",
    "feedback": "feedback",
    "unit_texts": "texts",
    "users": "accounts",
    "settings": "settings",
    "signup_lists": "signups",
    "signup_participants": "signups",
    "signup_presence": "signups",
}
UNTRACKED = frozenset({"access_log", "alembic_version"})


@dataclass(frozen=True)
class Changes:
    """What an operation changed: the topics touched and how many records of them."""

    topics: frozenset[str] = frozenset()
    created: int = 0
    updated: int = 0
    removed: int = 0

    def __bool__(self) -> bool:
        return bool(self.topics)


@dataclass
class ChangeLog:
    """Collects the changes of one transaction: every ORM flush, and what bulk writers report."""

    topics: set[str] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)

    def table(self, name: str, *, created: int = 0, updated: int = 0, removed: int = 0) -> None:
        if name in UNTRACKED or not (created or updated or removed):
            return
        self.topics.add(TOPIC_OF_TABLE.get(name, name))
        self.counts.update(created=created, updated=updated, removed=removed)

    def frozen(self) -> Changes:
        return Changes(frozenset(self.topics), self.counts["created"], self.counts["updated"], self.counts["removed"])
