"""Group meetings of the services and trainings the unit gives to care staff."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import extract, select

from ..db.models import GroupMeeting, Place, Service, Staff, Training
from ..db.session import Ctx
from ..errors import NotFound
from ..roles import check_service, requires, visible_services
from ..vocabulary import GROUP_KINDS
from .checks import Checker, check_version
from .lookups import owned, service_by_id, service_by_key


@dataclass(frozen=True)
class GroupMeetingInfo:
    id: int
    service_key: str
    service_name: str
    held_on: dt.date
    kind: str
    title: str
    participants: int
    staff_id: int | None
    place_id: int | None
    note: str | None
    version: int

    @property
    def kind_label(self) -> str:
        return GROUP_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class TrainingInfo:
    id: int
    service_key: str | None
    held_on: dt.date
    audience: str
    topic: str | None
    participants: int
    staff_id: int | None
    minutes: int | None
    version: int


def _group(g: GroupMeeting, service: Service) -> GroupMeetingInfo:
    return GroupMeetingInfo(
        g.id, service.key, service.name, g.held_on, g.kind, g.title, g.participants,
        g.staff_id, g.place_id, g.note, g.version,
    )


def _training(t: Training, service_key: str | None) -> TrainingInfo:
    return TrainingInfo(
        t.id, service_key, t.held_on, t.audience, t.topic, t.participants, t.staff_id, t.minutes, t.version
    )


def _check_own(ctx: Ctx, service_id: int | None) -> None:
    """A record of a service is changed only by those who work with it (an instructor: their own)."""
    if service_id is not None:
        service = service_by_id(ctx, service_id)
        check_service(ctx, service.key, service.name)


def _check_refs(ctx: Ctx, check: Checker, staff_id: Any, place_id: Any = None) -> None:
    refs = ((Staff, staff_id, "Medarbetaren", "staff"), (Place, place_id, "Mötesplatsen", "place"))
    for model, value, label, field in refs:
        if value is not None:
            try:
                owned(ctx, model, value, label)
            except NotFound as exc:
                check.fail(field, str(exc))


@requires("persons")
def add_group_meeting(
    ctx: Ctx,
    *,
    service: str,
    held_on: dt.date,
    kind: str,
    title: str,
    participants: Any,
    staff_id: int | None = None,
    place_id: int | None = None,
    note: str | None = None,
) -> GroupMeetingInfo:
    """A carer group, a sight/hearing group, an IT course or café, an open reception…"""
    check = Checker()
    svc = None
    try:
        svc = service_by_key(ctx, service)
        check_service(ctx, svc.key, svc.name)
    except NotFound as exc:
        check.fail("service", str(exc))
    day = check.date("date", held_on, today=ctx.today)
    kind = check.choice("group_kind", kind, GROUP_KINDS)
    title = check.text("group_title", title, required=True, max_length=120)
    count = check.count("participants", participants, required=True)
    note = check.text("note", note)
    _check_refs(ctx, check, staff_id, place_id)
    check.done()
    assert svc is not None  # else refused above, and done() raised
    meeting = GroupMeeting(
        unit_id=ctx.unit_id, service_id=svc.id, held_on=day, kind=kind, title=title,
        participants=count, staff_id=staff_id, place_id=place_id, note=note,
    )
    ctx.session.add(meeting)
    ctx.session.flush()
    return _group(meeting, svc)


@requires("persons")
def update_group_meeting(ctx: Ctx, meeting_id: int, *, version: int | None = None, participants: Any = None,
                         title: str | None = None, note: str | None = None) -> GroupMeetingInfo:
    meeting = owned(ctx, GroupMeeting, meeting_id, "Gruppträffen")
    _check_own(ctx, meeting.service_id)
    check_version("Gruppträffen", meeting, version)
    check = Checker()
    if participants is not None:
        meeting.participants = check.count("participants", participants, required=True)
    if title is not None:
        meeting.title = check.text("group_title", title, required=True, max_length=120)
    if note is not None:
        meeting.note = check.text("note", note)
    check.done()
    ctx.session.flush()
    return _group(meeting, service_by_id(ctx, meeting.service_id))


@requires("persons")
def delete_group_meeting(ctx: Ctx, meeting_id: int) -> None:
    meeting = owned(ctx, GroupMeeting, meeting_id, "Gruppträffen")
    _check_own(ctx, meeting.service_id)
    ctx.session.delete(meeting)
    ctx.session.flush()


@requires("persons")
def list_group_meetings(ctx: Ctx, *, service: str | None = None, year: int | None = None) -> list[GroupMeetingInfo]:
    query = (
        select(GroupMeeting, Service)
        .join(Service, Service.id == GroupMeeting.service_id)
        .where(GroupMeeting.unit_id == ctx.unit_id)
        .order_by(GroupMeeting.held_on.desc(), GroupMeeting.id.desc())
    )
    if service:
        query = query.where(Service.id == service_by_key(ctx, service).id)
    visible = visible_services(ctx)
    if visible is not None:
        query = query.where(Service.key.in_(sorted(visible)))
    if year:
        query = query.where(extract("year", GroupMeeting.held_on) == year)
    return [_group(g, s) for g, s in ctx.session.execute(query)]


@requires("persons")
def add_training(
    ctx: Ctx,
    *,
    held_on: dt.date,
    audience: str,
    participants: Any,
    service: str | None = None,
    topic: str | None = None,
    staff_id: int | None = None,
    minutes: Any = None,
) -> TrainingInfo:
    """A training given to care staff or others (for example hearing aids for home care)."""
    check = Checker()
    svc = None
    if service:
        try:
            svc = service_by_key(ctx, service)
            check_service(ctx, svc.key, svc.name)
        except NotFound as exc:
            check.fail("service", str(exc))
    day = check.date("date", held_on, today=ctx.today)
    audience = check.text("audience", audience, required=True)
    topic = check.text("topic", topic)
    count = check.count("participants", participants, required=True)
    length = check.minutes("minutes", minutes)
    _check_refs(ctx, check, staff_id)
    check.done()
    training = Training(
        unit_id=ctx.unit_id, service_id=svc.id if svc else None, held_on=day, audience=audience,
        topic=topic, participants=count, staff_id=staff_id, minutes=length,
    )
    ctx.session.add(training)
    ctx.session.flush()
    return _training(training, svc.key if svc else None)


@requires("persons")
def delete_training(ctx: Ctx, training_id: int) -> None:
    training = owned(ctx, Training, training_id, "Utbildningen")
    _check_own(ctx, training.service_id)
    ctx.session.delete(training)
    ctx.session.flush()


@requires("persons")
def list_trainings(ctx: Ctx, *, year: int | None = None) -> list[TrainingInfo]:
    query = (
        select(Training, Service.key)
        .outerjoin(Service, Service.id == Training.service_id)
        .where(Training.unit_id == ctx.unit_id)
        .order_by(Training.held_on.desc(), Training.id.desc())
    )
    if year:
        query = query.where(extract("year", Training.held_on) == year)
    return [_training(t, key) for t, key in ctx.session.execute(query)]


@requires("persons")
def group_titles(ctx: Ctx, *, service: str, limit: int = 50) -> list[str]:
    """Names the service's groups have had, the most recently met first (offered when adding one)."""
    from sqlalchemy import func

    last = func.max(GroupMeeting.held_on).label("last")
    query = (
        select(GroupMeeting.title, last)
        .where(GroupMeeting.unit_id == ctx.unit_id, GroupMeeting.service_id == service_by_key(ctx, service).id)
        .group_by(GroupMeeting.title)
        .order_by(last.desc(), GroupMeeting.title)
        .limit(max(1, limit))
    )
    return [title for title, _last in ctx.session.execute(query)]


@requires("persons")
def training_audiences(ctx: Ctx, *, limit: int = 50) -> list[str]:
    """Audiences trainings have been given to, the most recent first (offered when adding one)."""
    from sqlalchemy import func

    last = func.max(Training.held_on).label("last")
    query = (
        select(Training.audience, last)
        .where(Training.unit_id == ctx.unit_id)
        .group_by(Training.audience)
        .order_by(last.desc(), Training.audience)
        .limit(max(1, limit))
    )
    return [audience for audience, _last in ctx.session.execute(query)]


@requires("persons")
def update_training(ctx: Ctx, training_id: int, *, version: int | None = None, participants: Any = None,
                    topic: str | None = None) -> TrainingInfo:
    """A training corrected: its participants or topic (None leaves a field as it is)."""
    training = owned(ctx, Training, training_id, "Utbildningen")
    if training.service_id is not None:
        check_service(ctx, service_by_id(ctx, training.service_id).key)
    check_version("Utbildningen", training, version)
    check = Checker()
    if participants is not None:
        training.participants = check.count("participants", participants, required=True)
    if topic is not None:
        training.topic = check.text("topic", topic)
    check.done()
    ctx.session.flush()
    key = service_by_id(ctx, training.service_id).key if training.service_id is not None else None
    return _training(training, key)


# --- what a file's line is: the meetings and trainings already recorded with its fields --------

@requires("persons")
def same_group_meetings(ctx: Ctx, *, service: str, held_on: dt.date, kind: str, title: str) -> list[GroupMeetingInfo]:
    """The service's meetings of a day with this kind and name, oldest first (a file's n-th such
    line is the n-th of them)."""
    svc = service_by_key(ctx, service)
    query = (
        select(GroupMeeting)
        .where(GroupMeeting.unit_id == ctx.unit_id, GroupMeeting.held_on == held_on,
               GroupMeeting.service_id == svc.id, GroupMeeting.kind == kind, GroupMeeting.title == title)
        .order_by(GroupMeeting.id)
    )
    return [_group(g, svc) for g in ctx.session.scalars(query)]


@requires("persons")
def same_trainings(ctx: Ctx, *, service: str | None, held_on: dt.date, audience: str,
                   topic: str | None) -> list[TrainingInfo]:
    """The trainings of a day for this audience and topic given by the service (or by no service),
    oldest first."""
    svc = service_by_key(ctx, service) if service else None
    query = (
        select(Training)
        .where(Training.unit_id == ctx.unit_id, Training.held_on == held_on, Training.audience == audience,
               Training.service_id.is_(None) if svc is None else Training.service_id == svc.id,
               Training.topic.is_(None) if topic is None else Training.topic == topic)
        .order_by(Training.id)
    )
    return [_training(t, svc.key if svc else None) for t in ctx.session.scalars(query)]
