"""The unit and what it offers: places, staff, activities, terms and their schedule, its texts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, fk, intpk, longtext, str40, str120, str255
from .mixins import Versioned

if TYPE_CHECKING:
    from .support import Service


class Unit(Base):
    """An enhet: owns its places, staff, persons and everything recorded about them."""

    __tablename__ = "units"

    id: Mapped[intpk]
    key: Mapped[str40] = mapped_column(unique=True)
    name: Mapped[str120]
    district: Mapped[str120 | None]
    # filled with invented data to try the program (`seniorhalsan demo`): the window says so
    demo: Mapped[bool] = mapped_column(Boolean, server_default="0")


class Place(Versioned, Base):
    """A mötesplats, gym, partner venue, outdoor or digital place, with its period of use."""

    __tablename__ = "places"
    __table_args__ = (
        CheckConstraint(
            "closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on", name="period"
        ),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id")
    name: Mapped[str120]
    kind: Mapped[str40]
    address: Mapped[str255 | None]
    opened_on: Mapped[dt.date | None]
    closed_on: Mapped[dt.date | None]
    note: Mapped[longtext | None]
    # a partner's (kind partner) entry in the partner register: how to reach them, what is done together
    contact: Mapped[str255 | None]
    together: Mapped[longtext | None]

    former_names: Mapped[list[PlaceName]] = relationship(
        back_populates="place", cascade="all, delete-orphan", order_by="PlaceName.used_until"
    )


class PlaceName(Base):
    """A name a place had until a given day (the day before it was renamed)."""

    __tablename__ = "place_names"

    id: Mapped[intpk]
    place_id: Mapped[int] = fk("places.id", ondelete="CASCADE")
    name: Mapped[str120]
    used_until: Mapped[dt.date]

    place: Mapped[Place] = relationship(back_populates="former_names")


class ActivityKind(Base):
    __tablename__ = "activity_kinds"

    id: Mapped[intpk]
    key: Mapped[str40] = mapped_column(unique=True)
    name: Mapped[str120]
    sort_order: Mapped[int] = mapped_column(server_default="0")


staff_services = Table(
    "staff_services",
    Base.metadata,
    Column("staff_id", ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("services.id"), primary_key=True),
)

# the places a volunteer leads or helps at
staff_places = Table(
    "staff_places",
    Base.metadata,
    Column("staff_id", ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True),
    Column("place_id", ForeignKey("places.id"), primary_key=True, index=True),
)


class Staff(Versioned, Base):
    """A staff member, an hourly-paid senior, a volunteer or an outside leader.

    A volunteer's register entry also says what they lead or help with, where, and from when to
    when; some years after they left, gallring clears their name and contact details."""

    __tablename__ = "staff"

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id")
    name: Mapped[str120]
    title: Mapped[str120 | None]
    kind: Mapped[str40]
    phone: Mapped[str40 | None]
    email: Mapped[str120 | None]
    active: Mapped[bool] = mapped_column(Boolean, server_default="1")
    helps_with: Mapped[str255 | None]  # what a volunteer leads or helps with
    started_on: Mapped[dt.date | None]
    ended_on: Mapped[dt.date | None]
    erased_at: Mapped[dt.datetime | None]  # gallrad: name and contact details cleared, the counts kept

    services: Mapped[list[Service]] = relationship(secondary=staff_services)
    places: Mapped[list[Place]] = relationship(secondary=staff_places, order_by="Place.name")


class Activity(Versioned, Base):
    """An item of the activity catalogue, as printed in the term folder."""

    __tablename__ = "activities"
    __table_args__ = (UniqueConstraint("unit_id", "name"),)

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id")
    name: Mapped[str120]
    kind_id: Mapped[int | None] = fk("activity_kinds.id")  # None until the coordinator gives it one
    description: Mapped[longtext | None]
    place_id: Mapped[int | None] = fk("places.id")
    leader_id: Mapped[int | None] = fk("staff.id")
    digital: Mapped[bool] = mapped_column(Boolean, server_default="0")
    outdoors: Mapped[bool] = mapped_column(Boolean, server_default="0")
    needs_signup: Mapped[bool] = mapped_column(Boolean, server_default="0")
    signup: Mapped[str255 | None]  # how to sign up, when it is not the unit's own phone
    active: Mapped[bool] = mapped_column(Boolean, server_default="1")

    kind: Mapped[ActivityKind | None] = relationship()
    place: Mapped[Place | None] = relationship()
    leader: Mapped[Staff | None] = relationship()


class Term(Versioned, Base):
    """Vårtermin, sommarprogram or hösttermin of a year, with its own dates."""

    __tablename__ = "terms"
    __table_args__ = (
        UniqueConstraint("unit_id", "kind", "year"),
        CheckConstraint("ends_on >= starts_on", name="period"),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id")
    kind: Mapped[str40]
    year: Mapped[int]
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]

    entries: Mapped[list[ScheduleEntry]] = relationship(
        back_populates="term", cascade="all, delete-orphan"
    )


class ScheduleEntry(Versioned, Base):
    """A weekly slot of a term (weekday) or, in the summer programme, a dated event."""

    __tablename__ = "schedule_entries"
    __table_args__ = (
        CheckConstraint("weekday IS NULL OR weekday BETWEEN 1 AND 7", name="weekday"),
        CheckConstraint("weekday IS NOT NULL OR on_date IS NOT NULL", name="when"),
        CheckConstraint("ends_at IS NULL OR ends_at > starts_at", name="times"),
    )

    id: Mapped[intpk]
    term_id: Mapped[int] = fk("terms.id", ondelete="CASCADE")
    activity_id: Mapped[int] = fk("activities.id")
    place_id: Mapped[int] = fk("places.id")
    weekday: Mapped[int | None]
    on_date: Mapped[dt.date | None]
    starts_at: Mapped[dt.time]
    ends_at: Mapped[dt.time | None]
    leader_id: Mapped[int | None] = fk("staff.id")
    note: Mapped[str255 | None]

    term: Mapped[Term] = relationship(back_populates="entries")
    activity: Mapped[Activity] = relationship()
    place: Mapped[Place] = relationship()
    leader: Mapped[Staff | None] = relationship()


class UnitText(Base):
    """A text the unit edits in the program: folder presentation, contacts, report summaries."""

    __tablename__ = "unit_texts"
    __table_args__ = (UniqueConstraint("unit_id", "key"),)

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    key: Mapped[str120]
    body: Mapped[longtext]
