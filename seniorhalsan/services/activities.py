"""The activity catalogue: what is offered, its kind, folder text, usual place and leader.

An activity may be without a type ("Typ ej angiven"): an import creates one so when its file has
no `typ` column, rather than guess. Its visits count under that name until the coordinator
chooses the type; a type once chosen can be changed, not removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from ..db.models import Activity, Place, Staff
from ..db.session import Ctx
from ..errors import NotFound
from ..roles import requires
from ..vocabulary import fold
from .checks import Checker, check_version
from .lookups import kind_by_key, owned

NO_KIND = "Typ ej angiven"


@dataclass(frozen=True)
class ActivityInfo:
    id: int
    name: str
    kind: str | None  # None: no type chosen yet
    kind_name: str  # "Typ ej angiven" when there is none
    description: str | None
    place_id: int | None
    place_name: str | None
    leader_id: int | None
    leader_name: str | None
    leader_is_volunteer: bool
    digital: bool
    outdoors: bool
    needs_signup: bool
    active: bool
    version: int
    signup: str | None = None  # how to sign up (a phone, a place); None: the unit's own phone


def _info(a: Activity) -> ActivityInfo:
    return ActivityInfo(
        id=a.id,
        name=a.name,
        kind=a.kind.key if a.kind else None,
        kind_name=a.kind.name if a.kind else NO_KIND,
        description=a.description,
        place_id=a.place_id,
        place_name=a.place.name if a.place else None,
        leader_id=a.leader_id,
        leader_name=a.leader.name if a.leader else None,
        leader_is_volunteer=bool(a.leader and a.leader.kind == "volontar"),
        digital=a.digital,
        outdoors=a.outdoors,
        needs_signup=a.needs_signup,
        active=a.active,
        version=a.version,
        signup=a.signup,
    )


def _query() -> Select[Activity]:
    return select(Activity).options(
        joinedload(Activity.kind), joinedload(Activity.place), joinedload(Activity.leader)
    )


@requires("read")
def list_activities(ctx: Ctx, *, include_inactive: bool = False, kind: str | None = None) -> list[ActivityInfo]:
    query = _query().where(Activity.unit_id == ctx.unit_id).order_by(Activity.name)
    if not include_inactive:
        query = query.where(Activity.active.is_(True))
    activities = [_info(a) for a in ctx.session.scalars(query)]
    return [a for a in activities if kind is None or a.kind == kind]


@requires("read")
def get_activity(ctx: Ctx, activity_id: int) -> ActivityInfo:
    return _info(owned(ctx, Activity, activity_id, "Aktiviteten"))


@requires("read")
def find_activity(ctx: Ctx, name: str) -> ActivityInfo | None:
    wanted = fold(name or "")
    for activity in list_activities(ctx, include_inactive=True):
        if fold(activity.name) == wanted:
            return activity
    return None


def _validated(ctx: Ctx, check: Checker, activity: Activity | None, fields: dict) -> dict:
    activity_id = activity.id if activity is not None else None
    out: dict = {}
    if "name" in fields:
        name = check.text("name", fields["name"], required=True, max_length=120)
        if name:
            twin = find_activity(ctx, name)
            if twin and twin.id != activity_id:
                check.fail("name", f"det finns redan en aktivitet som heter {twin.name}.")
        out["name"] = name
    if "kind" in fields:
        kind = fields["kind"]
        if kind is None or (isinstance(kind, str) and not kind.strip()):
            if activity is not None and activity.kind_id is not None:
                # the visits counted under its type would move to "Typ ej angiven" in every report
                check.fail("kind", "måste väljas: en aktivitet som har en typ kan byta typ men inte bli utan.")
            else:
                out["kind_id"] = None
        else:
            try:
                out["kind_id"] = kind_by_key(ctx, kind).id
            except NotFound:
                check.fail("kind", f"'{kind}' är ingen aktivitetstyp.")
    if "description" in fields:
        out["description"] = check.text("description", fields["description"], max_length=2000)
    if "place_id" in fields:
        place_id = fields["place_id"]
        if place_id is not None:
            try:
                owned(ctx, Place, place_id, "Mötesplatsen")
            except NotFound as exc:
                check.fail("place", str(exc))
        out["place_id"] = place_id
    if "leader_id" in fields:
        leader_id = fields["leader_id"]
        if leader_id is not None:
            try:
                owned(ctx, Staff, leader_id, "Ledaren")
            except NotFound as exc:
                check.fail("leader", str(exc))
        out["leader_id"] = leader_id
    if "signup" in fields:
        out["signup"] = check.text("signup", fields["signup"], max_length=255)
    for flag in ("digital", "outdoors", "needs_signup", "active"):
        if flag in fields and fields[flag] is not None:
            out[flag] = bool(fields[flag])
    return out


@requires("catalogue")
def create_activity(
    ctx: Ctx,
    *,
    name: str,
    kind: str | None,
    description: str | None = None,
    place_id: int | None = None,
    leader_id: int | None = None,
    digital: bool = False,
    outdoors: bool = False,
    needs_signup: bool = False,
    signup: str | None = None,
) -> ActivityInfo:
    check = Checker()
    values = _validated(
        ctx,
        check,
        None,
        dict(
            name=name,
            kind=kind,
            description=description,
            place_id=place_id,
            leader_id=leader_id,
            digital=digital,
            outdoors=outdoors,
            needs_signup=needs_signup,
            signup=signup,
        ),
    )
    check.done()
    activity = Activity(unit_id=ctx.unit_id, **values)
    ctx.session.add(activity)
    ctx.session.flush()
    return get_activity(ctx, activity.id)


@requires("catalogue")
def update_activity(ctx: Ctx, activity_id: int, *, version: int | None = None, **changes: Any) -> ActivityInfo:
    """Change any of name, kind, description, place_id, leader_id, signup and the flags."""
    activity = owned(ctx, Activity, activity_id, "Aktiviteten")
    check_version("Aktiviteten", activity, version)
    check = Checker()
    values = _validated(ctx, check, activity, changes)
    check.done()
    for key, value in values.items():
        setattr(activity, key, value)
    ctx.session.flush()
    ctx.session.expire(activity)
    return get_activity(ctx, activity.id)
