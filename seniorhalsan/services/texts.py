"""Texts the unit writes in the program: the folder's presentation, contacts, summaries."""

from __future__ import annotations

from sqlalchemy import select

from ..db.models import UnitText
from ..db.session import Ctx
from ..roles import requires
from .checks import Checker

MAX_TEXT = 20_000


@requires("read")
def get_text(ctx: Ctx, key: str, default: str = "") -> str:
    row = ctx.session.scalar(select(UnitText).where(UnitText.unit_id == ctx.unit_id, UnitText.key == key))
    return row.body if row else default


@requires("read")
def texts_with_prefix(ctx: Ctx, prefix: str) -> dict[str, str]:
    rows = ctx.session.scalars(
        select(UnitText).where(UnitText.unit_id == ctx.unit_id, UnitText.key.startswith(prefix, autoescape=True))
    )
    return {row.key: row.body for row in rows}


@requires("catalogue")
def set_text(ctx: Ctx, key: str, body: str | None) -> str:
    """Save a text; an empty body removes it (the default is then used)."""
    check = Checker()
    key = check.text("key", key, required=True, max_length=120)
    cleaned = (body or "").replace("\x00", "").strip()
    if len(cleaned) > MAX_TEXT:
        check.fail("text", f"texten är för lång ({len(cleaned)} tecken, högst {MAX_TEXT}).")
    check.done()
    row = ctx.session.scalar(select(UnitText).where(UnitText.unit_id == ctx.unit_id, UnitText.key == key))
    if not cleaned:
        if row is not None:
            ctx.session.delete(row)
        ctx.session.flush()
        return ""
    if row is None:
        ctx.session.add(UnitText(unit_id=ctx.unit_id, key=key, body=cleaned))
    else:
        row.body = cleaned
    ctx.session.flush()
    return cleaned


@requires("catalogue")
def set_texts(ctx: Ctx, values: dict[str, str | None]) -> dict[str, str]:
    """Save several texts together: all of them, or (if one is refused) none."""
    return {key: set_text(ctx, key, body) for key, body in values.items()}
