"""Tyck till: feedback items and the city's template rows they are counted in."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Index,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, fk, intpk, longtext, str40, str120, str255
from .mixins import Timestamped, Versioned

if TYPE_CHECKING:
    from .catalogue import Activity, Place


class FeedbackCategory(Base):
    """A row of the city's template: who the feedback came from, or what it is about."""

    __tablename__ = "feedback_categories"
    __table_args__ = (UniqueConstraint("grp", "key"),)

    id: Mapped[intpk]
    grp: Mapped[str40]
    key: Mapped[str40]
    name: Mapped[str255]
    short_name: Mapped[str120]
    sort_order: Mapped[int] = mapped_column(server_default="0")


class Feedback(Versioned, Timestamped, Base):
    """A "Tyck till" item: praise, a view or a complaint, with återkoppling and åtgärd."""

    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint("answered_on IS NULL OR answered_on >= received_on", name="answered"),
        Index("ix_feedback_unit_received", "unit_id", "received_on"),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    received_on: Mapped[dt.date]
    channel: Mapped[str40]
    type: Mapped[str40]
    from_id: Mapped[int] = fk("feedback_categories.id")
    about_id: Mapped[int | None] = fk("feedback_categories.id")
    about_note: Mapped[str255 | None]
    place_id: Mapped[int | None] = fk("places.id")
    activity_id: Mapped[int | None] = fk("activities.id")
    text: Mapped[longtext]
    contact: Mapped[str255 | None]
    anonymous: Mapped[bool] = mapped_column(Boolean, server_default="0")
    confidential: Mapped[bool] = mapped_column(Boolean, server_default="0")
    response_due: Mapped[dt.date]
    answered_on: Mapped[dt.date | None]
    answer_text: Mapped[longtext | None]
    action_on: Mapped[dt.date | None]
    action_text: Mapped[longtext | None]

    from_category: Mapped[FeedbackCategory] = relationship(foreign_keys=[from_id])
    about_category: Mapped[FeedbackCategory | None] = relationship(foreign_keys=[about_id])
    place: Mapped[Place | None] = relationship()
    activity: Mapped[Activity | None] = relationship()
