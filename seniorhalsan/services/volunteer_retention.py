"""Gallring of the volunteer register: a volunteer who left before the cutoff (the same number of
years as for persons) loses name, phone, e-mail and what they helped with; kind, places, the days
they came and left, and the sessions they led stay, so every year's numbers stay the same."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, select, update

from ..db.models import Staff
from ..db.session import Ctx
from .access_log import note
from .staff import ERASED_NAME


def _stale(ctx: Ctx, cutoff: dt.date) -> tuple[ColumnElement[bool], ...]:
    return (Staff.unit_id == ctx.unit_id, Staff.kind == "volontar", Staff.erased_at.is_(None),
            Staff.ended_on.is_not(None), Staff.ended_on < cutoff)


def clear(ctx: Ctx, cutoff: dt.date, *, write: bool = True) -> int:
    """The volunteers cleared (or, with `write` False, to be cleared) who left before `cutoff`."""
    ids = list(ctx.session.scalars(select(Staff.id).where(*_stale(ctx, cutoff))))
    if not write or not ids:
        return len(ids)
    now = dt.datetime.now().replace(microsecond=0)
    ctx.session.execute(
        update(Staff).where(Staff.id.in_(ids))
        .values(name=ERASED_NAME, phone=None, email=None, helps_with=None, erased_at=now, version=Staff.version + 1)
        .execution_options(synchronize_session=False))
    ctx.changes.table(Staff.__tablename__, updated=len(ids))
    for staff_id in ids:
        note(ctx, "gallra", "volontar", staff_id, f"slutade före {cutoff.isoformat()}")
    ctx.session.expire_all()
    return len(ids)
