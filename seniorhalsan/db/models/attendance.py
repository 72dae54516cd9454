"""Sessions of activities with their anonymous head counts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Index,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, fk, intpk, str255
from .mixins import Timestamped, Versioned

if TYPE_CHECKING:
    from .catalogue import Activity, Place


class ActivitySession(Versioned, Timestamped, Base):
    """A dated occurrence of an activity at a place, with its anonymous head count."""

    __tablename__ = "activity_sessions"
    __table_args__ = (
        CheckConstraint(
            "(women IS NULL OR women >= 0) AND (men IS NULL OR men >= 0)"
            " AND (other IS NULL OR other >= 0) AND (total IS NULL OR total >= 0)"
            " AND (new_visitors IS NULL OR new_visitors >= 0)",
            name="counts",
        ),
        Index("ix_activity_sessions_unit_date", "unit_id", "held_on"),
        Index("ix_activity_sessions_place_date", "place_id", "held_on"),
        # a place's history newest first, and any page of it, from the index alone
        Index("ix_activity_sessions_unit_place_date", "unit_id", "place_id", "held_on", "starts_at"),
        # a planned session is recorded once a day, whoever saves it (see services/attendance_slots.py)
        Index("uq_activity_sessions_entry_day", "schedule_entry_id", "held_on", unique=True),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    activity_id: Mapped[int] = fk("activities.id")
    place_id: Mapped[int] = fk("places.id", index=False)
    held_on: Mapped[dt.date]
    starts_at: Mapped[dt.time | None]
    ends_at: Mapped[dt.time | None]
    schedule_entry_id: Mapped[int | None] = fk("schedule_entries.id", ondelete="SET NULL")
    cancelled: Mapped[bool] = mapped_column(Boolean, server_default="0")
    women: Mapped[int | None]
    men: Mapped[int | None]
    other: Mapped[int | None]
    total: Mapped[int | None]
    new_visitors: Mapped[int | None]
    note: Mapped[str255 | None]

    activity: Mapped[Activity] = relationship()
    place: Mapped[Place] = relationship()
