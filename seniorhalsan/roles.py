"""Roles and what each may do; checked by the services themselves, not only by the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import Forbidden

if TYPE_CHECKING:  # the command line reads ROLES without loading the data layer
    from .db.session import Actor, Ctx

ROLES = {
    "enhetschef": "Enhetschef",
    "samordnare": "Samordnare",
    "instruktor": "Instruktör",
    "lasare": "Läsare",
}

# permission → roles that have it. An instructor's person and contact rights hold only
# for the services they work in (checked where the service is known).
PERMISSIONS: dict[str, frozenset[str]] = {
    "read": frozenset(ROLES),  # reference lists: places, activities, services, terms
    "statistics": frozenset(ROLES),
    "catalogue": frozenset({"enhetschef", "samordnare"}),  # places, activities, staff, terms, schedule, texts
    "attendance": frozenset({"enhetschef", "samordnare"}),
    "feedback": frozenset({"enhetschef", "samordnare"}),
    "persons": frozenset({"enhetschef", "instruktor"}),  # persons, contacts, groups, trainings
    "accounts": frozenset({"enhetschef"}),  # accounts, the access log, retention
    "signups": frozenset({"enhetschef", "samordnare"}),  # open sign-up lists, sign up, cancel, print
    # see and tick sign-up lists: an instructor only those of the occasions they lead (services/signup_access.py)
    "signup_lists": frozenset({"enhetschef", "samordnare", "instruktor"}),
    "outreach": frozenset({"enhetschef", "samordnare"}),  # the outreach log and the partner register
    "goals": frozenset({"enhetschef"}),  # the year's goals, their analyses and the limit for few visitors
}

WHAT = {
    "read": "läsa registret",
    "statistics": "se statistiken",
    "catalogue": "ändra aktiviteter, schema och mötesplatser",
    "attendance": "registrera närvaro",
    "feedback": "hantera synpunkter",
    "persons": "se och ändra personer och stödkontakter",
    "accounts": "hantera konton, åtkomstloggen och gallring",
    "signups": "hantera anmälningar",
    "signup_lists": "se anmälningslistor",
    "outreach": "registrera utåtriktat arbete",
    "goals": "sätta årets mål och skriva analysen",
}

F = TypeVar("F", bound=Callable[..., Any])


def allowed(actor: Actor | None, permission: str) -> bool:
    """No actor means a database without accounts yet: everything is allowed."""
    return actor is None or actor.role in PERMISSIONS[permission]


def check(ctx: Ctx, permission: str) -> None:
    if permission in ctx.session.info.get("granted", ()):
        return
    if not allowed(ctx.actor, permission):
        raise Forbidden(
            f"Din roll ({ROLES.get(ctx.actor.role, ctx.actor.role).lower()}) får inte {WHAT[permission]}. "
            "Ingenting har ändrats."
        )


@contextmanager
def granted(ctx: Ctx, permission: str) -> Iterator[None]:
    """Inside the block the actor has `permission` too: a service's own rule allowed one step
    that the role alone would not (an instructor records the counts of a session they lead,
    from its sign-up list, through the attendance writer)."""
    grants: list[str] = ctx.session.info.setdefault("granted", [])
    grants.append(permission)
    try:
        yield
    finally:
        grants.remove(permission)


def requires(permission: str) -> Callable[[F], F]:
    """Mark a service function with the permission it needs; checked before it runs."""

    def decorate(fn: F) -> F:
        @wraps(fn)
        def guarded(ctx: Ctx, *args: Any, **kwargs: Any) -> Any:
            check(ctx, permission)
            return fn(ctx, *args, **kwargs)

        guarded.permission = permission  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate


def may_use_service(ctx: Ctx, service_key: str) -> bool:
    """Whether the actor works with the service (an instructor only with their own)."""
    actor = ctx.actor
    return actor is None or actor.role != "instruktor" or service_key in actor.services


def check_service(ctx: Ctx, service_key: str, name: str | None = None) -> None:
    """An instructor may only work with the services they are registered for (`name`: the
    service's name, for the message; read from the database when not given)."""
    if not may_use_service(ctx, service_key):
        raise Forbidden(f"Du arbetar inte med {name or service_name(ctx, service_key)} och kan inte se eller "
                        "ändra dess personer och kontakter. Ingenting har ändrats.")


def service_name(ctx: Ctx, service_key: str) -> str:
    """A service as a user reads it (IT-stöd), never its key (it_stod)."""
    from .services.lookups import service_names

    return service_names(ctx).get(service_key, service_key.replace("_", " "))


def visible_services(ctx: Ctx) -> frozenset[str] | None:
    """The services whose persons the actor may see; None means all."""
    actor = ctx.actor
    if actor is None or actor.role == "enhetschef":
        return None
    if actor.role == "instruktor":
        return actor.services
    return frozenset()
