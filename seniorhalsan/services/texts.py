"""Texts the unit writes in the program: the folder's presentation, contacts, summaries."""

from __future__ import annotations

import re

from sqlalchemy import select

from ..db.models import UnitText
from ..db.session import Ctx
from ..roles import requires
from .checks import Checker

MAX_TEXT = 20_000

# The unit's contact details, as the folder prints them; the unit writes them itself (the
# reference data holds none), and a folder is only printed once phone and e-mail are there.
CONTACT_PHONE = "folder.contact.phone"
CONTACT_HOURS = "folder.contact.hours"
CONTACT_EMAIL = "folder.contact.email"
CONTACT_ADDRESS = "folder.contact.address"
UNIT_HEAD = "folder.unit_head"
CONTACT_KEYS = (CONTACT_PHONE, CONTACT_HOURS, CONTACT_EMAIL, CONTACT_ADDRESS, UNIT_HEAD)
SINGLE_LINE = {CONTACT_PHONE: 40, CONTACT_HOURS: 120, CONTACT_EMAIL: 120}
PHONE = re.compile(r"\+?[\d\s\u00a0()/-]+")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


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
    _check_contact(check, key, cleaned)
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


def _check_contact(check: Checker, key: str | None, text: str) -> None:
    """A phone number or e-mail address that will be printed must be one."""
    if not text or key not in SINGLE_LINE:
        return
    field = {CONTACT_PHONE: "phone", CONTACT_EMAIL: "email"}.get(key, "text")
    if "\n" in text or len(text) > SINGLE_LINE[key]:
        check.fail(field, f"skriv det på en rad, högst {SINGLE_LINE[key]} tecken.")
    elif key == CONTACT_PHONE and not (PHONE.fullmatch(text) and sum(c.isdigit() for c in text) >= 6):
        check.fail(field, f"'{text}' ser inte ut som ett telefonnummer (skriv t.ex. 08-123 456 78).")
    elif key == CONTACT_EMAIL and not EMAIL.fullmatch(text):
        check.fail(field, f"'{text}' ser inte ut som en e-postadress.")
