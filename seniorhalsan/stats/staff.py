"""Each staff member's own figures for a year ("egna uppföljningsrapporter"): contacts and persons per
service, group meetings by kind, trainings given, sessions led with their visits, sign-up lists of the
occasions they lead, and outreach. One grouped query per figure, grouped by staff member, so that
everyone's come from the same few queries.

An instructor (or anyone but the unit head) gets their own: the staff member their account is tied
to. The unit head gets anyone's, or everyone's who works here or has a figure in the year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, case, distinct, exists, func, select

from ..db.models import (
    Activity,
    Contact,
    GroupMeeting,
    Outreach,
    ScheduleEntry,
    SignupList,
    SignupParticipant,
    SignupPresence,
    Staff,
    Term,
    Training,
)
from ..db.session import Ctx
from ..errors import Forbidden, NotFound
from ..roles import requires
from ..services.signup_access import own_staff_ids
from ..services.signups import followed
from ..vocabulary import STAFF_KINDS, fold
from .figures import JSON, Meetings
from .reference import load_reference
from .spans import Span
from .volunteers import LedActivity, led_sessions


@dataclass(frozen=True)
class ServiceWork:
    contacts: int
    persons: int  # different persons among them

    def to_json(self) -> JSON:
        return {"contacts": self.contacts, "persons": self.persons}


@dataclass(frozen=True)
class SignupWork:
    occasions: int = 0
    signed_up: int = 0
    attended: int = 0


@dataclass(frozen=True)
class StaffFigures:
    """One staff member's year; a part with nothing in it is empty, and says so in the report."""

    staff_id: int
    name: str
    title: str | None
    kind: str
    year: int
    services: Mapping[str, ServiceWork] = field(default_factory=dict)  # those with contacts, in their order
    groups: Mapping[str, Meetings] = field(default_factory=dict)  # kinds of group with meetings
    trainings: Meetings = Meetings()
    sessions: tuple[LedActivity, ...] = ()  # by activity, most sessions first
    signups: SignupWork = SignupWork()
    outreach: Meetings = Meetings()  # events, and the people reached where counted

    @property
    def kind_label(self) -> str:
        return STAFF_KINDS.get(self.kind, self.kind)

    @property
    def sessions_led(self) -> int:
        return sum(a.sessions for a in self.sessions)

    @property
    def visits_led(self) -> int:
        return sum(a.visits for a in self.sessions)

    @property
    def empty(self) -> bool:
        return not (self.services or self.groups or self.trainings.recorded or self.sessions
                    or self.signups.occasions or self.outreach.recorded)

    def to_json(self) -> JSON:
        return {
            "name": self.name,
            "year": self.year,
            "services": {key: w.to_json() for key, w in self.services.items()},
            "groups": {key: g.to_json() for key, g in self.groups.items()},
            "trainings": {"sessions": self.trainings.meetings, "participants": self.trainings.participants},
            "sessions": self.sessions_led,
            "visits": self.visits_led,
            "signups": {"occasions": self.signups.occasions, "signed_up": self.signups.signed_up,
                        "attended": self.signups.attended},
            "outreach": {"events": self.outreach.meetings, "reached": self.outreach.participants},
        }


@requires("statistics")
def staff_figures(ctx: Ctx, year: int, *, name: str | None = None) -> list[StaffFigures]:
    """The figures of the staff member named (None: the unit head's everyone, anyone else's own)."""
    span = Span.of(year)
    staff = {s.id: s for s in ctx.session.scalars(select(Staff).where(Staff.unit_id == ctx.unit_id))}
    wanted = _chosen(ctx, staff, name)
    found = _Found(ctx, span, wanted)
    if wanted is None:  # everyone who works here, and whoever has a figure in the year
        wanted = {s.id for s in staff.values() if s.active} | found.anyone()
    services = {s.id: s.key for s in load_reference(ctx).services}  # in the services' order
    out = [found.figures(staff[staff_id], year, services) for staff_id in wanted if staff_id in staff]
    return sorted(out, key=lambda f: fold(f.name))


def _chosen(ctx: Ctx, staff: dict[int, Staff], name: str | None) -> set[int] | None:
    """Whose figures: the named one's, the actor's own, or (None) everyone's for the unit head."""
    head = ctx.actor is None or ctx.actor.role == "enhetschef"
    own = own_staff_ids(ctx)
    if name is not None:
        matches = [s.id for s in staff.values() if fold(s.name) == fold(name)]
        if not matches:
            raise NotFound(f"Medarbetare: '{name}' finns inte bland enhetens medarbetare.")
        if not head and not own & set(matches):
            raise Forbidden("Du kan skriva ut dina egna siffror, inte andras; enhetschefen skriver ut allas. "
                            "Ingenting har ändrats.")
        return {matches[0]} if head else set(own & set(matches))
    if head:
        return None
    if not own:
        raise Forbidden("Ditt konto är inte knutet till någon medarbetare, så programmet vet inte vilka siffror "
                        "som är dina. Be enhetschefen knyta kontot till dig (Konton och dataskydd).")
    return set(own)


class _Found:
    """The year's figures grouped by staff member (of `wanted`, or everyone's when None)."""

    def __init__(self, ctx: Ctx, span: Span, wanted: set[int] | None) -> None:
        self.contacts: dict[int, dict[int, ServiceWork]] = defaultdict(dict)  # by staff, then service id
        self.groups: dict[int, dict[str, Meetings]] = defaultdict(dict)
        self.trainings: dict[int, Meetings] = {}
        self.sessions: dict[int, list[LedActivity]] = defaultdict(list)
        self.signups: dict[int, SignupWork] = {}
        self.outreach: dict[int, Meetings] = {}
        first, last, unit = span.first, span.last, ctx.unit_id

        def whose(column: Any) -> list[ColumnElement[bool]]:
            return [column.is_not(None)] if wanted is None else [column.in_(sorted(wanted))]

        def by_staff(query: Any) -> list[Any]:
            """A query's rows, each starting with a staff id that is never None: whose() left those out."""
            return list(ctx.session.execute(query))

        c = Contact
        for staff_id, service, contacts, persons in by_staff(
                select(c.staff_id, c.service_id, func.count(), func.count(distinct(c.person_id)))
                .where(c.unit_id == unit, c.contact_date.between(first, last), *whose(c.staff_id))
                .group_by(c.staff_id, c.service_id)):
            self.contacts[staff_id][service] = ServiceWork(contacts, persons)
        g = GroupMeeting
        for staff_id, kind, meetings, participants in by_staff(
                select(g.staff_id, g.kind, func.count(), func.coalesce(func.sum(g.participants), 0))
                .where(g.unit_id == unit, g.held_on.between(first, last), *whose(g.staff_id))
                .group_by(g.staff_id, g.kind)):
            self.groups[staff_id][kind] = Meetings(meetings, int(participants))
        t = Training
        for staff_id, sessions, participants in by_staff(
                select(t.staff_id, func.count(), func.coalesce(func.sum(t.participants), 0))
                .where(t.unit_id == unit, t.held_on.between(first, last), *whose(t.staff_id))
                .group_by(t.staff_id)):
            self.trainings[staff_id] = Meetings(sessions, int(participants))
        self._sessions(ctx, span, wanted)
        self._signups(ctx, span, wanted)
        o = Outreach
        for staff_id, events, reached, counted in by_staff(
                select(o.staff_id, func.count(), func.sum(o.reached), func.count(o.reached))
                .where(o.unit_id == unit, o.held_on.between(first, last), *whose(o.staff_id))
                .group_by(o.staff_id)):
            self.outreach[staff_id] = Meetings(events, int(reached or 0) if counted else None)

    def _sessions(self, ctx: Ctx, span: Span, wanted: set[int] | None) -> None:
        for _year, staff_id, activity, sessions, visits in led_sessions(ctx, [span], leaders=wanted):
            self.sessions[staff_id].append(LedActivity(activity, sessions, visits))
        for led in self.sessions.values():
            led.sort(key=lambda a: (-a.sessions, fold(a.name)))

    def _signups(self, ctx: Ctx, span: Span, wanted: set[int] | None) -> None:
        """The sign-up lists of the occasions each leads (a series counts in the year its term begins)."""
        activity_id, _place_id, on_date = followed()
        day = func.coalesce(on_date, Term.starts_on)
        leader = func.coalesce(ScheduleEntry.leader_id, Activity.leader_id)
        p = SignupParticipant
        holds = p.status.in_(("plats", "slutat"))
        came = exists().where(SignupPresence.participant_id == p.id)
        query = (
            select(leader, func.count(distinct(SignupList.id)), func.sum(case((holds, 1), else_=0)),
                   func.sum(case((came, 1), else_=0)))
            .join(Term, Term.id == SignupList.term_id)
            .outerjoin(ScheduleEntry, ScheduleEntry.id == SignupList.schedule_entry_id)
            .join(Activity, Activity.id == activity_id)
            .outerjoin(p, p.list_id == SignupList.id)
            .where(SignupList.unit_id == ctx.unit_id, day.between(span.first, span.last),
                   leader.is_not(None) if wanted is None else leader.in_(sorted(wanted)))
            .group_by(leader)
        )
        for staff_id, occasions, signed, attended in ctx.session.execute(query):
            self.signups[staff_id] = SignupWork(occasions, int(signed or 0), int(attended or 0))

    def anyone(self) -> set[int]:
        return (set(self.contacts) | set(self.groups) | set(self.trainings) | set(self.sessions)
                | set(self.signups) | set(self.outreach))

    def figures(self, staff: Staff, year: int, services: dict[int, str]) -> StaffFigures:
        """`services`: each service's key by its id, in the services' order."""
        contacts = self.contacts.get(staff.id, {})
        return StaffFigures(
            staff_id=staff.id, name=staff.name, title=staff.title, kind=staff.kind, year=year,
            services={key: contacts[service_id] for service_id, key in services.items() if service_id in contacts},
            groups=self.groups.get(staff.id, {}),
            trainings=self.trainings.get(staff.id, Meetings()),
            sessions=tuple(self.sessions.get(staff.id, ())),
            signups=self.signups.get(staff.id, SignupWork()),
            outreach=self.outreach.get(staff.id, Meetings()),
        )
