"""The year's numbers as typed, frozen figures; `to_json()` gives the shape of `seniorhalsan stats --json`.

A new figure is one field here and one line in its `to_json`. Fields after the
comment "beside the JSON" are what the printed report and the window show besides
(months, places split by gender, cancelled sessions); they are not part of the JSON.

A figure that nobody recorded in the period (new visitors, cancellations, a checklist,
groups, trainings) is None, never 0: a 0 in a report reads as "none happened". The
JSON keeps its keys and gives such a figure as null.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ..periods import TERTIALS

if TYPE_CHECKING:
    from .activities import ActivityTable
    from .goals import GoalResult
    from .outreach import OutreachFigures
    from .signups import SignupFigures
    from .volunteers import VolunteerFigures

JSON = dict[str, Any]


@dataclass(frozen=True)
class Tertials:
    """One number per tertial (T1 January–April, T2 May–August, T3 September–December)."""

    t1: int = 0
    t2: int = 0
    t3: int = 0

    @property
    def total(self) -> int:
        return self.t1 + self.t2 + self.t3

    def of(self, tertial: str) -> int:
        """The number of "T1", "T2" or "T3"."""
        return (self.t1, self.t2, self.t3)[TERTIALS.index(tertial)]

    def by_name(self) -> dict[str, int]:
        return {"T1": self.t1, "T2": self.t2, "T3": self.t3}

    def to_json(self) -> JSON:
        return {**self.by_name(), "total": self.total}


def tertials(per_tertial: Mapping[str, int]) -> Tertials:
    return Tertials(*(int(per_tertial.get(t, 0)) for t in TERTIALS))


# --- attendance -------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthFigures:
    month: int  # 1 = January
    visits: int = 0
    women: int = 0
    men: int = 0
    sessions: int = 0


@dataclass(frozen=True)
class PlaceFigures:
    name: str  # the place's name at the period's end (or when it closed)
    visits: int = 0
    women: int = 0
    men: int = 0
    sessions: int = 0


@dataclass(frozen=True)
class AttendanceFigures:
    visits: int
    women: int
    men: int
    other: int
    unspecified: int  # counted as a total, without a split by gender
    new_visitors: int | None  # None: no session of the period had its new visitors counted
    sessions: int  # held, not cancelled
    by_tertial: Tertials
    by_kind: Mapping[str, int]  # every activity kind, in its order, then NOT_GIVEN (an activity without one)
    # beside the JSON
    places: tuple[PlaceFigures, ...]  # every place with a session held in the period, most visits first
    months: tuple[MonthFigures, ...]  # January up to the period's last month
    cancelled: int | None  # None: no session of the period was marked cancelled
    new_visitors_sessions: int = 0  # held sessions whose new visitors were counted

    @property
    def by_place(self) -> dict[str, int]:
        """Visits per place, by name (the JSON's order)."""
        return {p.name: p.visits for p in sorted(self.places, key=lambda p: p.name)}

    @property
    def gender_counted(self) -> int:
        """The visits whose gender was counted: the whole of the shares of women and men."""
        return self.women + self.men + self.other

    @property
    def gender_unknown(self) -> bool:
        """Visits were counted, but none by gender: how many were women is not known (not 0)."""
        return bool(self.visits) and not self.gender_counted

    def to_json(self) -> JSON:
        return {
            "visits": self.visits,
            "women": self.women,
            "men": self.men,
            "other": self.other,
            "unspecified": self.unspecified,
            "new_visitors": self.new_visitors,
            "sessions": self.sessions,
            "by_tertial": self.by_tertial.by_name(),
            "by_place": self.by_place,
            "by_kind": dict(self.by_kind),
        }


# --- support services, groups and trainings -----------------------------------------------


@dataclass(frozen=True)
class Genders:
    women: int = 0
    men: int = 0
    other: int = 0

    def to_json(self) -> JSON:
        return {"women": self.women, "men": self.men, "other": self.other}


@dataclass(frozen=True)
class PreviousYear:
    """A service's contacts and persons over the same days of the year before."""

    contacts: int = 0
    persons: int = 0

    def to_json(self) -> JSON:
        return {"contacts": self.contacts, "persons": self.persons}


@dataclass(frozen=True)
class ServiceFigures:
    contacts: int
    by_contact_kind: Mapping[str, int]  # every kind of contact (vocabulary.CONTACT_KINDS)
    persons: int  # persons with at least one contact in the period
    new_persons: int  # their first contact with the service ever lies in the period
    persons_by_gender: Genders
    persons_by_age: Mapping[str, int]  # every age group (vocabulary.AGE_GROUPS)
    contacts_by_age: Mapping[str, int]
    # contacts where each point of the service's checklist was done; every point None when no
    # contact of the period had any point ticked (the checklist was not filled in)
    tasks: Mapping[str, int | None]
    previous_year: PreviousYear
    # the new persons by how they found the service: every route (vocabulary.ROUTES), then NOT_GIVEN
    new_persons_by_route: Mapping[str, int] = field(default_factory=dict)

    @property
    def tasks_recorded(self) -> bool:
        return any(n is not None for n in self.tasks.values())

    def to_json(self) -> JSON:
        return {
            "contacts": self.contacts,
            "by_contact_kind": dict(self.by_contact_kind),
            "persons": self.persons,
            "new_persons": self.new_persons,
            "persons_by_gender": self.persons_by_gender.to_json(),
            "persons_by_age": dict(self.persons_by_age),
            "contacts_by_age": dict(self.contacts_by_age),
            "tasks": dict(self.tasks),
            "previous_year": self.previous_year.to_json(),
            "new_persons_by_route": dict(self.new_persons_by_route),
        }


@dataclass(frozen=True)
class Meetings:
    """Meetings of one kind (or sessions of a training) and their participants; None for both when
    none was recorded."""

    meetings: int | None = None
    participants: int | None = None

    @property
    def recorded(self) -> bool:
        return self.meetings is not None

    def to_json(self) -> JSON:
        return {"meetings": self.meetings, "participants": self.participants}


@dataclass(frozen=True)
class GroupFigures:
    """A service's group meetings, lectures and courses; None when the service recorded none."""

    meetings: int | None = None
    participants: int | None = None
    by_kind: Mapping[str, Meetings] = field(default_factory=dict)  # every kind of group (vocabulary.GROUP_KINDS)

    @property
    def recorded(self) -> bool:
        return self.meetings is not None

    def to_json(self) -> JSON:
        return {"meetings": self.meetings, "participants": self.participants,
                "by_kind": {key: kind.to_json() for key, kind in self.by_kind.items()}}


@dataclass(frozen=True)
class TrainingFigures:
    """Trainings the unit gave to others' staff; None when none was recorded."""

    sessions: int | None = None
    participants: int | None = None
    # every service, then NOT_GIVEN (a training given by the unit as a whole)
    by_service: Mapping[str, Meetings] = field(default_factory=dict)

    @property
    def recorded(self) -> bool:
        return self.sessions is not None

    def to_json(self) -> JSON:
        return {"sessions": self.sessions, "participants": self.participants,
                "by_service": {key: {"sessions": s.meetings, "participants": s.participants}
                               for key, s in self.by_service.items()}}


# --- feedback ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackFigures:
    """The rows of the city's template "Redovisning av synpunkter och klagomål"."""

    total: Tertials
    praise: Tertials
    from_: Mapping[str, Tertials]  # every category of sender, in the template's order
    about: Mapping[str, Tertials]  # every subject; praise is never about anything
    answered: Tertials  # with a day the answer was given
    acted_on: Tertials  # with an action recorded
    # beside the JSON: views and complaints with an address whose återkoppling was given, or is
    # late by now (what the share answered in time is of), and those answered by their day
    due: Tertials = Tertials()
    in_time: Tertials = Tertials()

    @property
    def answered_in_time(self) -> Fraction | None:
        """The share answered by their day, of those due; None when none was due."""
        return Fraction(self.in_time.total, self.due.total) if self.due.total else None

    def to_json(self) -> JSON:
        return {
            "total": self.total.to_json(),
            "praise": self.praise.to_json(),
            "from": {key: values.to_json() for key, values in self.from_.items()},
            "about": {key: values.to_json() for key, values in self.about.items()},
            "answered": self.answered.to_json(),
            "acted_on": self.acted_on.to_json(),
        }


# --- the year ----------------------------------------------------------------------------


@dataclass(frozen=True)
class YearFigures:
    """One unit's figures for 1 January up to `last` (the whole year, or the year so far)."""

    year: int
    attendance: AttendanceFigures
    services: Mapping[str, ServiceFigures]  # every service, in its order
    groups: Mapping[str, GroupFigures]
    trainings: TrainingFigures
    feedback: FeedbackFigures
    signups: SignupFigures
    outreach: OutreachFigures
    volunteers: VolunteerFigures
    activities: ActivityTable  # in the JSON under "attendance": by_activity, sessions_by_kind
    goals: tuple[GoalResult, ...]  # the year's goals against the period (stats/goals.py)
    # beside the JSON
    first: dt.date
    last: dt.date

    def to_json(self) -> JSON:
        return {
            "year": self.year,
            "attendance": {**self.attendance.to_json(), **self.activities.to_json()},
            "services": {key: s.to_json() for key, s in self.services.items()},
            "groups": {key: g.to_json() for key, g in self.groups.items()},
            "trainings": self.trainings.to_json(),
            "feedback": self.feedback.to_json(),
            "signups": self.signups.to_json(),
            "outreach": self.outreach.to_json(),
            "volunteers": self.volunteers.to_json(),
            "goals": [goal.to_json() for goal in self.goals],
        }
