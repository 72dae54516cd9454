"""Who may see and tick which sign-up list: those who manage sign-ups all of them, an
instructor the lists of the occasions they lead; a reader none (only the figures)."""

from __future__ import annotations

from sqlalchemy import select

from ..db.models import User
from ..db.session import Ctx
from ..errors import Forbidden
from ..roles import allowed, check


def manages(ctx: Ctx) -> bool:
    """Whether the actor opens lists, signs people up and cancels (samordnare, enhetschef)."""
    return allowed(ctx.actor, "signups")


def own_staff_ids(ctx: Ctx) -> frozenset[int]:
    """The staff member the signed-in account is tied to (Konton och dataskydd, `user staff`)."""
    actor = ctx.actor
    if actor is None:
        return frozenset()
    staff_id = ctx.session.scalar(select(User.staff_id).where(User.unit_id == ctx.unit_id,
                                                              User.username == actor.username))
    return frozenset() if staff_id is None else frozenset({staff_id})


def led_by_actor(ctx: Ctx, leader_ids: set[int | None]) -> set[int | None]:
    """Those of `leader_ids` that are the actor's own (all of them for a manager)."""
    if manages(ctx):
        return set(leader_ids)
    own = own_staff_ids(ctx)
    return {leader for leader in leader_ids if leader in own}


def check_list(ctx: Ctx, leader_id: int | None, activity_name: str) -> None:
    """Refuse a list the actor may not see or tick: an instructor sees those they lead."""
    check(ctx, "signup_lists")
    if manages(ctx) or (leader_id is not None and leader_id in own_staff_ids(ctx)):
        return
    raise Forbidden(f"Du leder inte {activity_name} och kan inte se eller bocka av dess anmälningslista. "
                    "Ingenting har ändrats.")
