"""The year's numbers, computed by grouped queries in the database.

`year_stats` returns exactly the shape of `seniorhalsan stats --json`; `attendance_detail`
adds what the printed year report shows beside it (months, places split by gender).
With `until`, every figure covers 1 January to that day (a tertial report), and the
comparison with the year before covers the same part of that year.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import case, distinct, extract, func, literal, or_, select
from sqlalchemy.orm import aliased, selectinload

from .db.models import (
    Activity,
    ActivityKind,
    ActivitySession,
    Contact,
    Feedback,
    FeedbackCategory,
    GroupMeeting,
    Person,
    Service,
    ServiceTask,
    Training,
    contact_tasks,
)
from .db.session import Ctx
from .errors import UserError
from .periods import TERTIALS
from .roles import requires
from .services.places import list_places
from .vocabulary import AGE_GROUPS, CONTACT_KINDS, GENDER_STAT_KEYS


def period(year: int, until: dt.date | None = None) -> tuple[dt.date, dt.date]:
    if not 1900 <= year <= 2999:
        raise UserError(f"År: {year} är inget rimligt år.")
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if until is not None:
        if until.year != year:
            raise UserError(f"Till och med: {until.isoformat()} ligger inte i {year}.")
        last = until
    return first, last


def _same_day_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _tertial_of_month(month: int) -> str:
    return TERTIALS[(int(month) - 1) // 4]


def _four(values: dict[str, int] | None = None) -> dict[str, int]:
    values = values or {}
    out = {t: int(values.get(t, 0)) for t in TERTIALS}
    out["total"] = sum(out[t] for t in TERTIALS)
    return out


# --- attendance -----------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceGroup:
    month: int
    kind: str
    place_id: int
    visits: int
    women: int
    men: int
    other: int
    unspecified: int
    new_visitors: int
    sessions: int
    cancelled: int


def _attendance_groups(ctx: Ctx, first: dt.date, last: dt.date) -> list[AttendanceGroup]:
    s = ActivitySession
    held = s.cancelled.is_(False)
    month = extract("month", s.held_on)
    query = (
        select(
            month,
            ActivityKind.key,
            s.place_id,
            func.coalesce(func.sum(case((held, s.total), else_=0)), 0),
            func.coalesce(func.sum(case((held, s.women), else_=0)), 0),
            func.coalesce(func.sum(case((held, s.men), else_=0)), 0),
            func.coalesce(func.sum(case((held, s.other), else_=0)), 0),
            func.coalesce(func.sum(case((held & s.women.is_(None), s.total), else_=0)), 0),
            func.coalesce(func.sum(case((held, s.new_visitors), else_=0)), 0),
            func.sum(case((held, 1), else_=0)),
            func.sum(case((held, 0), else_=1)),
        )
        .join(Activity, Activity.id == s.activity_id)
        .join(ActivityKind, ActivityKind.id == Activity.kind_id)
        .where(s.unit_id == ctx.unit_id, s.held_on >= first, s.held_on <= last)
        .group_by(month, ActivityKind.key, s.place_id)
    )
    return [AttendanceGroup(*(int(v) if i != 1 else v for i, v in enumerate(row))) for row in ctx.session.execute(query)]


def _place_names(ctx: Ctx, first: dt.date, last: dt.date, used: set[int]) -> dict[int, str]:
    """Each place in use in the period (or with sessions in it), by its name at the period's end."""
    names = {}
    for place in list_places(ctx):
        if place.id in used or place.in_use_between(first, last):
            names[place.id] = place.name_on(min(last, place.closed_on or last))
    return names


def _kind_keys(ctx: Ctx) -> list[str]:
    return list(ctx.session.scalars(select(ActivityKind.key).order_by(ActivityKind.sort_order)))


def _attendance(ctx: Ctx, first: dt.date, last: dt.date) -> dict:
    groups = _attendance_groups(ctx, first, last)
    out = {
        key: sum(getattr(g, key) for g in groups)
        for key in ("visits", "women", "men", "other", "unspecified", "new_visitors", "sessions")
    }
    by_tertial: dict[str, int] = defaultdict(int)
    by_kind: dict[str, int] = {k: 0 for k in _kind_keys(ctx)}
    places = _place_names(ctx, first, last, {g.place_id for g in groups})
    by_place: dict[str, int] = {name: 0 for name in sorted(set(places.values()))}
    for g in groups:
        by_tertial[_tertial_of_month(g.month)] += g.visits
        by_kind[g.kind] = by_kind.get(g.kind, 0) + g.visits
        by_place[places[g.place_id]] += g.visits
    out["by_tertial"] = {t: by_tertial.get(t, 0) for t in TERTIALS}
    out["by_place"] = by_place
    out["by_kind"] = by_kind
    return out


@dataclass(frozen=True)
class PlaceFigures:
    name: str
    visits: int
    women: int
    men: int
    sessions: int


@dataclass(frozen=True)
class AttendanceDetail:
    """What the printed report shows beside the JSON figures."""

    by_month: dict[int, dict[str, int]]
    places: list[PlaceFigures]
    cancelled: int


@requires("statistics")
def attendance_detail(ctx: Ctx, year: int, *, until: dt.date | None = None) -> AttendanceDetail:
    first, last = period(year, until)
    groups = _attendance_groups(ctx, first, last)
    by_month = {m: {"visits": 0, "women": 0, "men": 0, "sessions": 0} for m in range(1, last.month + 1)}
    places = _place_names(ctx, first, last, {g.place_id for g in groups})
    per_place: dict[str, list[int]] = {name: [0, 0, 0, 0] for name in places.values()}
    for g in groups:
        month = by_month[g.month]
        month["visits"] += g.visits
        month["women"] += g.women
        month["men"] += g.men
        month["sessions"] += g.sessions
        row = per_place[places[g.place_id]]
        row[0] += g.visits
        row[1] += g.women
        row[2] += g.men
        row[3] += g.sessions
    figures = [PlaceFigures(name, *values) for name, values in per_place.items()]
    figures.sort(key=lambda p: (-p.visits, p.name))
    return AttendanceDetail(by_month=by_month, places=figures, cancelled=sum(g.cancelled for g in groups))


# --- support services -------------------------------------------------------------------


def _age_group_expr(year: int):
    age = literal(year) - Person.birth_year
    return case((age < 65, "<65"), (age < 75, "65-74"), (age < 85, "75-84"), else_="85+")


def _service_list(ctx: Ctx) -> list[Service]:
    """The services with their checklists, in two queries rather than one per service."""
    return list(ctx.session.scalars(select(Service).options(selectinload(Service.tasks)).order_by(Service.sort_order)))


def _services(ctx: Ctx, year: int, first: dt.date, last: dt.date, services: list[Service]) -> dict:
    by_id = {s.id: s.key for s in services}
    c = Contact
    # Naming the services lets the (unit, service, date) index find each service's days
    # directly instead of reading every contact the unit ever had.
    in_period = (
        c.unit_id == ctx.unit_id,
        c.service_id.in_(list(by_id)),
        c.contact_date >= first,
        c.contact_date <= last,
    )
    out: dict[str, dict] = {}
    for svc in services:
        out[svc.key] = {
            "contacts": 0,
            "by_contact_kind": {k: 0 for k in CONTACT_KINDS},
            "persons": 0,
            "new_persons": 0,
            "persons_by_gender": {"women": 0, "men": 0, "other": 0},
            "persons_by_age": {g: 0 for g in AGE_GROUPS},
            "contacts_by_age": {g: 0 for g in AGE_GROUPS},
            "tasks": {t.key: 0 for t in svc.tasks},
            "previous_year": {"contacts": 0, "persons": 0},
        }
    if not by_id:
        return out

    age = _age_group_expr(year)
    for service_id, kind, group, n in ctx.session.execute(
        select(c.service_id, c.kind, age, func.count())
        .join(Person, Person.id == c.person_id)
        .where(*in_period)
        .group_by(c.service_id, c.kind, age)
    ):
        entry = out[by_id[service_id]]
        entry["contacts"] += n
        entry["by_contact_kind"][kind] = entry["by_contact_kind"].get(kind, 0) + n
        entry["contacts_by_age"][group] += n

    # A person is new when their first contact with the service lies in the period: they
    # have one in it and none before it (a look-up in the person's own contacts).
    persons = select(c.service_id, c.person_id).where(*in_period).distinct().subquery()
    earlier = aliased(Contact)
    had_before = (
        select(earlier.id)
        .where(
            earlier.person_id == persons.c.person_id,
            earlier.service_id == persons.c.service_id,
            earlier.contact_date < first,
        )
        .exists()
    )
    age_p = _age_group_expr(year)
    for service_id, gender, group, n, new in ctx.session.execute(
        select(persons.c.service_id, Person.gender, age_p, func.count(), func.sum(case((had_before, 0), else_=1)))
        .join(Person, Person.id == persons.c.person_id)
        .group_by(persons.c.service_id, Person.gender, age_p)
    ):
        entry = out[by_id[service_id]]
        entry["persons"] += n
        entry["new_persons"] += int(new or 0)
        entry["persons_by_gender"][GENDER_STAT_KEYS.get(gender, "other")] += n
        entry["persons_by_age"][group] += n

    for service_id, key, n in ctx.session.execute(
        select(c.service_id, ServiceTask.key, func.count())
        .join(contact_tasks, contact_tasks.c.contact_id == c.id)
        .join(ServiceTask, ServiceTask.id == contact_tasks.c.task_id)
        .where(*in_period)
        .group_by(c.service_id, ServiceTask.key)
    ):
        tasks = out[by_id[service_id]]["tasks"]
        tasks[key] = tasks.get(key, 0) + n

    prev_first, prev_last = dt.date(year - 1, 1, 1), _same_day_year_before(last)
    for service_id, contacts, people in ctx.session.execute(
        select(c.service_id, func.count(), func.count(distinct(c.person_id)))
        .where(
            c.unit_id == ctx.unit_id,
            c.service_id.in_(list(by_id)),
            c.contact_date >= prev_first,
            c.contact_date <= prev_last,
        )
        .group_by(c.service_id)
    ):
        out[by_id[service_id]]["previous_year"] = {"contacts": contacts, "persons": people}
    return out


def _groups(ctx: Ctx, first: dt.date, last: dt.date, services: list[Service]) -> dict:
    out = {s.key: {"meetings": 0, "participants": 0} for s in services}
    by_id = {s.id: s.key for s in services}
    g = GroupMeeting
    for service_id, meetings, participants in ctx.session.execute(
        select(g.service_id, func.count(), func.coalesce(func.sum(g.participants), 0))
        .where(g.unit_id == ctx.unit_id, g.held_on >= first, g.held_on <= last)
        .group_by(g.service_id)
    ):
        out[by_id[service_id]] = {"meetings": meetings, "participants": int(participants)}
    return out


def _trainings(ctx: Ctx, first: dt.date, last: dt.date) -> dict:
    t = Training
    sessions, participants = ctx.session.execute(
        select(func.count(), func.coalesce(func.sum(t.participants), 0)).where(
            t.unit_id == ctx.unit_id, t.held_on >= first, t.held_on <= last
        )
    ).one()
    return {"sessions": sessions, "participants": int(participants)}


# --- feedback ----------------------------------------------------------------------------


def _feedback(ctx: Ctx, first: dt.date, last: dt.date) -> dict:
    f = Feedback
    month = extract("month", f.received_on)
    answered = case((f.answered_on.is_not(None), 1), else_=0)
    acted = case((or_(f.action_on.is_not(None), f.action_text.is_not(None)), 1), else_=0)
    rows = ctx.session.execute(
        select(month, f.type, f.from_id, f.about_id, func.count(), func.sum(answered), func.sum(acted))
        .where(f.unit_id == ctx.unit_id, f.received_on >= first, f.received_on <= last)
        .group_by(month, f.type, f.from_id, f.about_id)
    ).all()
    categories = list(ctx.session.scalars(select(FeedbackCategory).order_by(FeedbackCategory.sort_order)))
    key_of = {cat.id: cat.key for cat in categories}
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m, kind, from_id, about_id, n, n_answered, n_acted in rows:
        tertial = _tertial_of_month(m)
        tallies["total"][tertial] += n
        tallies["answered"][tertial] += int(n_answered or 0)
        tallies["acted_on"][tertial] += int(n_acted or 0)
        tallies["from:" + key_of[from_id]][tertial] += n
        if kind == "berom":
            tallies["praise"][tertial] += n
        elif about_id is not None:
            tallies["about:" + key_of[about_id]][tertial] += n
    return {
        "total": _four(tallies.get("total")),
        "praise": _four(tallies.get("praise")),
        "from": {c.key: _four(tallies.get("from:" + c.key)) for c in categories if c.grp == "from"},
        "about": {c.key: _four(tallies.get("about:" + c.key)) for c in categories if c.grp == "about"},
        "answered": _four(tallies.get("answered")),
        "acted_on": _four(tallies.get("acted_on")),
    }


@requires("statistics")
def year_stats(ctx: Ctx, year: int, *, until: dt.date | None = None) -> dict:
    """The numbers of `seniorhalsan stats --json` for one unit and year."""
    first, last = period(year, until)
    services = _service_list(ctx)
    return {
        "year": year,
        "attendance": _attendance(ctx, first, last),
        "services": _services(ctx, year, first, last, services),
        "groups": _groups(ctx, first, last, services),
        "trainings": _trainings(ctx, first, last),
        "feedback": _feedback(ctx, first, last),
    }


# --- the statistics page: a period, the same period a year earlier, and the years ---------


@dataclass(frozen=True)
class YearOverview:
    """A period's figures beside the same period of the year before, computed in one go.

    `stats` is `year_stats(year, until=until)`; `previous` is the same for the year before,
    up to the same day (None before 1900), so every change compares like with like.
    """

    year: int
    first: dt.date
    last: dt.date
    stats: dict
    detail: AttendanceDetail
    previous: dict | None
    previous_detail: AttendanceDetail | None
    labels: dict[str, dict[str, str]]


@requires("statistics")
def year_overview(ctx: Ctx, year: int, *, until: dt.date | None = None) -> YearOverview:
    """What the statistics page shows for a year, or for the year up to `until`."""
    from .services.lookups import labels

    first, last = period(year, until)
    previous = previous_detail = None
    if year - 1 >= 1900:
        before = _same_day_year_before(last)
        previous = year_stats(ctx, year - 1, until=before)
        previous_detail = attendance_detail(ctx, year - 1, until=before)
    return YearOverview(
        year=year,
        first=first,
        last=last,
        stats=year_stats(ctx, year, until=until),
        detail=attendance_detail(ctx, year, until=until),
        previous=previous,
        previous_detail=previous_detail,
        labels=labels(ctx),
    )


@requires("statistics")
def years_with_data(ctx: Ctx) -> list[int]:
    """Years with sessions, contacts, group meetings, trainings or feedback, newest first."""
    found: set[int] = set()
    for model, column in (
        (ActivitySession, ActivitySession.held_on),
        (Contact, Contact.contact_date),
        (GroupMeeting, GroupMeeting.held_on),
        (Training, Training.held_on),
        (Feedback, Feedback.received_on),
    ):
        year = extract("year", column)
        found.update(int(y) for y in ctx.session.scalars(select(year).where(model.unit_id == ctx.unit_id).group_by(year)))
    return sorted(found, reverse=True)
