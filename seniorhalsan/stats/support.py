"""Support services (contacts, persons, checklists), group meetings and trainings, by grouped queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, distinct, func, literal, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from ..db.models import (
    Contact,
    GroupMeeting,
    Person,
    PersonRoute,
    ServiceTask,
    Training,
    contact_tasks,
)
from ..db.session import Ctx
from ..vocabulary import AGE_GROUPS, CONTACT_KINDS, GENDER_STAT_KEYS, GROUP_KINDS, NOT_GIVEN, ROUTES
from .figures import (
    Genders,
    GroupFigures,
    Meetings,
    PreviousYear,
    ServiceFigures,
    TrainingFigures,
)
from .reference import Reference
from .spans import Span, by_year, row_year, span_group, span_year, within


def _age_group(year: ColumnElement[Any], birth_year: Any) -> ColumnElement[str]:
    age = year - birth_year
    return case((age < 65, "<65"), (age < 75, "65-74"), (age < 85, "75-84"), else_="85+")


@dataclass
class _Tally:
    """A service's figures while the rows are added up."""

    contacts: int = 0
    by_contact_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CONTACT_KINDS, 0))
    persons: int = 0
    new_persons: int = 0
    persons_by_gender: dict[str, int] = field(default_factory=lambda: {"women": 0, "men": 0, "other": 0})
    persons_by_age: dict[str, int] = field(default_factory=lambda: dict.fromkeys(AGE_GROUPS, 0))
    contacts_by_age: dict[str, int] = field(default_factory=lambda: dict.fromkeys(AGE_GROUPS, 0))
    tasks: dict[str, int] = field(default_factory=dict)
    tasks_recorded: bool = False  # a contact of the period had a point of the checklist ticked
    previous_year: PreviousYear = PreviousYear()
    # every route, then NOT_GIVEN: new persons whose route into the service nobody recorded
    new_persons_by_route: dict[str, int] = field(default_factory=lambda: dict.fromkeys([*ROUTES, NOT_GIVEN], 0))

    def figures(self) -> ServiceFigures:
        return ServiceFigures(
            contacts=self.contacts,
            by_contact_kind=self.by_contact_kind,
            persons=self.persons,
            new_persons=self.new_persons,
            persons_by_gender=Genders(**self.persons_by_gender),
            persons_by_age=self.persons_by_age,
            contacts_by_age=self.contacts_by_age,
            tasks=self.tasks if self.tasks_recorded else dict.fromkeys(self.tasks),
            previous_year=self.previous_year,
            new_persons_by_route=self.new_persons_by_route,
        )


KeyOf = dict[int, str]  # a service's key by its id
Tallies = dict[int, dict[str, _Tally]]  # by year and service key


def services(ctx: Ctx, spans: Sequence[Span], reference: Reference) -> dict[int, dict[str, ServiceFigures]]:
    """Each span's figures per service, by the span's year."""
    key_of = {s.id: s.key for s in reference.services}
    tallies = {
        year: {s.key: _Tally(tasks=dict.fromkeys((t.key for t in s.tasks), 0)) for s in reference.services}
        for year in by_year(spans)
    }
    if key_of:
        _contacts(ctx, spans, key_of, tallies)
        _persons(ctx, spans, key_of, tallies)
        _tasks(ctx, spans, key_of, tallies)
        _previous_year(ctx, spans, key_of, tallies)
    return {year: {key: t.figures() for key, t in per_service.items()} for year, per_service in tallies.items()}


def _in_spans(spans: Sequence[Span], key_of: KeyOf) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    c = Contact
    # Naming the services lets the (unit, service, date) index find each service's days
    # directly instead of reading every contact the unit ever had.
    return c.service_id.in_(list(key_of)), within(c.contact_date, spans)


def _contacts(ctx: Ctx, spans: Sequence[Span], key_of: KeyOf, tallies: Tallies) -> None:
    c = Contact
    by_span = span_group(c.contact_date, spans)
    age = _age_group(span_year(c.contact_date, spans), Person.birth_year)
    for *key, service_id, kind, group, n in ctx.session.execute(
        select(*by_span, c.service_id, c.kind, age, func.count())
        .join(Person, Person.id == c.person_id)
        .where(c.unit_id == ctx.unit_id, *_in_spans(spans, key_of))
        .group_by(*by_span, c.service_id, c.kind, age)
    ):
        tally = tallies[row_year(key, spans)][key_of[service_id]]
        tally.contacts += n
        tally.by_contact_kind[kind] = tally.by_contact_kind.get(kind, 0) + n
        tally.contacts_by_age[group] += n


def _persons(ctx: Ctx, spans: Sequence[Span], key_of: KeyOf, tallies: Tallies) -> None:
    """Persons with a contact in a span; a person is new when they had none with the service
    before the span began (a look-up in the person's own contacts). The new ones are also counted
    by how they found the service (their route, one per person and service)."""
    c = Contact
    persons = (
        select(*(year.label("year") for year in span_group(c.contact_date, spans)), c.service_id, c.person_id)
        .where(c.unit_id == ctx.unit_id, *_in_spans(spans, key_of))
        .distinct()
        .subquery()
    )
    year: ColumnElement[Any]
    begins: ColumnElement[Any] | dt.date
    if len(spans) == 1:
        by_span, year, begins = [], literal(spans[0].year), spans[0].first
    else:
        by_span, year = [persons.c.year], persons.c.year
        begins = case(*((year == span.year, span.first) for span in spans))
    earlier = aliased(Contact)
    had_before = (
        select(earlier.id)
        .where(
            earlier.person_id == persons.c.person_id,
            earlier.service_id == persons.c.service_id,
            earlier.contact_date < begins,
        )
        .exists()
    )
    age = _age_group(year, Person.birth_year)
    route = PersonRoute.route
    for *key, service_id, gender, group, way, n, new in ctx.session.execute(
        select(*by_span, persons.c.service_id, Person.gender, age, route, func.count(),
               func.sum(case((had_before, 0), else_=1)))
        .join(Person, Person.id == persons.c.person_id)
        .outerjoin(PersonRoute, (PersonRoute.person_id == persons.c.person_id)
                   & (PersonRoute.service_id == persons.c.service_id))
        .group_by(*by_span, persons.c.service_id, Person.gender, age, route)
    ):
        tally = tallies[row_year(key, spans)][key_of[service_id]]
        tally.persons += n
        tally.new_persons += int(new or 0)
        way = way if way in ROUTES else NOT_GIVEN
        tally.new_persons_by_route[way] += int(new or 0)
        tally.persons_by_gender[GENDER_STAT_KEYS.get(gender, "other")] += n
        tally.persons_by_age[group] += n


def _tasks(ctx: Ctx, spans: Sequence[Span], key_of: KeyOf, tallies: Tallies) -> None:
    c = Contact
    by_span = span_group(c.contact_date, spans)
    for *key, service_id, task, n in ctx.session.execute(
        select(*by_span, c.service_id, ServiceTask.key, func.count())
        .join(contact_tasks, contact_tasks.c.contact_id == c.id)
        .join(ServiceTask, ServiceTask.id == contact_tasks.c.task_id)
        .where(c.unit_id == ctx.unit_id, *_in_spans(spans, key_of))
        .group_by(*by_span, c.service_id, ServiceTask.key)
    ):
        tally = tallies[row_year(key, spans)][key_of[service_id]]
        tally.tasks[task] = tally.tasks.get(task, 0) + n
        tally.tasks_recorded = True


def _previous_year(ctx: Ctx, spans: Sequence[Span], key_of: KeyOf, tallies: Tallies) -> None:
    """Contacts and persons over the same days a year before each span."""
    c = Contact
    before = [span.year_before() for span in spans]
    by_span = span_group(c.contact_date, before)
    for *key, service_id, contacts, persons in ctx.session.execute(
        select(*by_span, c.service_id, func.count(), func.count(distinct(c.person_id)))
        .where(c.unit_id == ctx.unit_id, *_in_spans(before, key_of))
        .group_by(*by_span, c.service_id)
    ):
        tallies[row_year(key, before) + 1][key_of[service_id]].previous_year = PreviousYear(contacts, persons)


def groups(ctx: Ctx, spans: Sequence[Span], reference: Reference) -> dict[int, dict[str, GroupFigures]]:
    """Each span's group meetings per service and kind; a service that recorded none has None."""
    key_of = {s.id: s.key for s in reference.services}
    found: dict[int, dict[str, dict[str, Meetings]]] = {year: {} for year in by_year(spans)}
    g = GroupMeeting
    by_span = span_group(g.held_on, spans)
    for *key, service_id, kind, meetings, participants in ctx.session.execute(
        select(*by_span, g.service_id, g.kind, func.count(), func.coalesce(func.sum(g.participants), 0))
        .where(g.unit_id == ctx.unit_id, within(g.held_on, spans))
        .group_by(*by_span, g.service_id, g.kind)
    ):
        found[row_year(key, spans)].setdefault(key_of[service_id], {})[kind] = Meetings(meetings, int(participants))
    return {year: {s.key: _groups_of(per_service.get(s.key)) for s in reference.services}
            for year, per_service in found.items()}


def _groups_of(kinds: dict[str, Meetings] | None) -> GroupFigures:
    if not kinds:
        return GroupFigures(by_kind=dict.fromkeys(GROUP_KINDS, Meetings()))
    # a kind the program no longer lists still counts in the totals, under its own key
    by_kind = {key: kinds.get(key, Meetings(0, 0)) for key in GROUP_KINDS} | kinds
    return GroupFigures(sum(m.meetings or 0 for m in kinds.values()), sum(m.participants or 0 for m in kinds.values()),
                        by_kind)


def trainings(ctx: Ctx, spans: Sequence[Span], reference: Reference) -> dict[int, TrainingFigures]:
    """Each span's trainings, in all and per service; None when none was recorded."""
    key_of = {s.id: s.key for s in reference.services}
    keys = [*key_of.values(), NOT_GIVEN]
    found: dict[int, dict[str, Meetings]] = {year: {} for year in by_year(spans)}
    t = Training
    by_span = span_group(t.held_on, spans)
    for *key, service_id, sessions, participants in ctx.session.execute(
        select(*by_span, t.service_id, func.count(), func.coalesce(func.sum(t.participants), 0))
        .where(t.unit_id == ctx.unit_id, within(t.held_on, spans))
        .group_by(*by_span, t.service_id)
    ):
        service = key_of.get(service_id, NOT_GIVEN)
        found[row_year(key, spans)][service] = Meetings(sessions, int(participants))
    out = {}
    for year, per_service in found.items():
        by_service = {key: per_service.get(key, Meetings()) for key in keys}
        if not per_service:
            out[year] = TrainingFigures(by_service=by_service)
            continue
        out[year] = TrainingFigures(sum(m.meetings or 0 for m in per_service.values()),
                                    sum(m.participants or 0 for m in per_service.values()), by_service)
    return out
