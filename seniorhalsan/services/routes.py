"""How a person found a service ("väg in"): asked at the person's first contact with the service,
kept once per person and service, and counted among the year's new persons.

The route belongs to the person and the service, not to a contact: it stays when the first contact
is corrected or removed, and when the person's data is gallrad (it is no more than a count needs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, tuple_

from ..db.models import Contact, Person, PersonRoute
from ..db.session import Ctx
from ..roles import check_service, requires
from ..vocabulary import ROUTE_ALIASES, ROUTES
from .checks import Checker
from .lookups import owned, service_by_key
from .persons import check_visible


def check_route(check: Checker, value: Any) -> str | None:
    """A route's key from a key, its Swedish name or a file's word for it; None when not given."""
    return check.choice("route", value, ROUTES, required=False, aliases=ROUTE_ALIASES)


def route_of(ctx: Ctx, person_id: int, service_id: int) -> str | None:
    return ctx.session.scalar(select(PersonRoute.route).where(PersonRoute.person_id == person_id,
                                                              PersonRoute.service_id == service_id))


def record_route(ctx: Ctx, person_id: int, service_id: int, route: str) -> bool:
    """The person's route into the service (a checked key), replacing one recorded before; True if it
    changed anything. The callers hold the persons' lock, so two first contacts at once take turns."""
    row = ctx.session.scalar(select(PersonRoute).where(PersonRoute.person_id == person_id,
                                                       PersonRoute.service_id == service_id))
    if row is None:
        ctx.session.add(PersonRoute(person_id=person_id, service_id=service_id, route=route))
    elif row.route != route:
        row.route = route
    else:
        return False
    ctx.session.flush()
    return True


def recorded_routes(ctx: Ctx, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """The routes recorded for (person, service) pairs, for an import's lines."""
    found: dict[tuple[int, int], str] = {}
    wanted = sorted(pairs)
    for start in range(0, len(wanted), 500):
        batch = wanted[start:start + 500]
        query = select(PersonRoute.person_id, PersonRoute.service_id, PersonRoute.route).where(
            tuple_(PersonRoute.person_id, PersonRoute.service_id).in_(batch))
        found.update({(p, s): r for p, s, r in ctx.session.execute(query)})
    return found


@dataclass(frozen=True)
class RouteQuestion:
    """Whether the contact form asks how the person found the service, and what is recorded."""

    ask: bool  # the person's first contact with the service (the new one, or the one being corrected)
    route: str | None


@requires("persons")
def route_question(ctx: Ctx, *, person_id: int, service: str, contact_id: int | None = None) -> RouteQuestion:
    """A new contact is the first when the person has none with the service; a saved one when no
    other contact of the person with the service lies before it."""
    person = owned(ctx, Person, person_id, "Personen")
    check_visible(ctx, person)
    svc = service_by_key(ctx, service)
    check_service(ctx, svc.key, svc.name)
    others = select(Contact.contact_date, Contact.id).where(Contact.person_id == person.id,
                                                            Contact.service_id == svc.id)
    if contact_id is None:
        first = ctx.session.execute(others.limit(1)).first() is None
    else:
        mine = ctx.session.execute(select(Contact.contact_date, Contact.id).where(Contact.id == contact_id)).first()
        earlier = others.where(tuple_(Contact.contact_date, Contact.id) < tuple_(*mine)) if mine else others
        first = mine is not None and ctx.session.execute(earlier.limit(1)).first() is None
    return RouteQuestion(first, route_of(ctx, person.id, svc.id))
