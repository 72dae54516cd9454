"""Reference data from `resources/reference.toml`, installed when a database is opened."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .db.models import ActivityKind, FeedbackCategory, Place, Service, ServiceTask, Unit, UnitText
from .paths import resource


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> dict[str, Any]:
    """The reference data shipped with the program, or that of another file."""
    text = path.read_text(encoding="utf-8") if path else resource("reference.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def short_name(name: str) -> str:
    """A template row's short name: the words before any parenthesis."""
    return re.split(r"\s*\(", name, maxsplit=1)[0].strip()


def install(session: Session, data: dict[str, Any] | None = None, *, unit_key: str | None = None) -> int:
    """Add missing reference rows; create the unit with its places on first open.

    Returns the id of the unit the database is opened for.
    """
    data = data or load()
    _sync_lists(session, data)
    units = session.scalars(select(Unit).order_by(Unit.id)).all()
    if unit_key:
        for unit in units:
            if unit.key == unit_key:
                return unit.id
        return _create_unit(session, {**data["unit"], "key": unit_key}, data).id
    if units:
        return units[0].id
    return _create_unit(session, data["unit"], data).id


def _sync_lists(session: Session, data: dict[str, Any]) -> None:
    kinds = {k.key: k for k in session.scalars(select(ActivityKind))}
    for order, row in enumerate(data.get("activity_kinds", [])):
        if row["key"] not in kinds:
            session.add(ActivityKind(key=row["key"], name=row["name"], sort_order=order))

    services = {s.key: s for s in session.scalars(select(Service))}
    for order, row in enumerate(data.get("services", [])):
        service = services.get(row["key"])
        if service is None:
            service = Service(
                key=row["key"],
                name=row["name"],
                target_group=row.get("target_group"),
                min_age=row.get("min_age"),
                sort_order=order,
            )
            session.add(service)
            session.flush()
        known = {t.key for t in service.tasks}
        for task_order, (key, name) in enumerate(row.get("tasks", [])):
            if key not in known:
                session.add(ServiceTask(service_id=service.id, key=key, name=name, sort_order=task_order))

    categories = {(c.grp, c.key) for c in session.scalars(select(FeedbackCategory))}
    for order, row in enumerate(data.get("feedback_categories", [])):
        if (row["grp"], row["key"]) not in categories:
            session.add(
                FeedbackCategory(
                    grp=row["grp"],
                    key=row["key"],
                    name=row["name"],
                    short_name=short_name(row["name"]),
                    sort_order=order,
                )
            )
    session.flush()


def _create_unit(session: Session, unit_data: dict[str, Any], data: dict[str, Any]) -> Unit:
    unit = Unit(key=unit_data["key"], name=unit_data["name"], district=unit_data.get("district"))
    session.add(unit)
    session.flush()
    for row in data.get("places", []):
        session.add(Place(unit_id=unit.id, name=row["name"], kind=row["kind"], address=row.get("address")))
    for key, body in data.get("texts", {}).items():
        session.add(UnitText(unit_id=unit.id, key=key, body=body))
    session.flush()
    return unit
