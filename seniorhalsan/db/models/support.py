"""The support services: persons, their contacts, group meetings and trainings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, fk, intpk, longtext, str40, str120, str255
from .mixins import Timestamped, Versioned

if TYPE_CHECKING:
    from .catalogue import Staff


class Person(Versioned, Timestamped, Base):
    """A senior or carer helped by a support service; only what the work needs."""

    __tablename__ = "persons"
    __table_args__ = (UniqueConstraint("unit_id", "reference"),)

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id")
    reference: Mapped[str40 | None]
    name: Mapped[str120 | None]
    birth_year: Mapped[int]
    gender: Mapped[str40]
    housing: Mapped[str40 | None]
    phone: Mapped[str40 | None]
    email: Mapped[str120 | None]
    address: Mapped[str255 | None]
    note: Mapped[longtext | None]
    erased_at: Mapped[dt.datetime | None]


class PersonRoute(Base):
    """How a person found a service (asked at their first contact with it): one per person and service.

    Kept when the person's data is gallrad: it is no more than a count needs."""

    __tablename__ = "person_routes"
    __table_args__ = (UniqueConstraint("person_id", "service_id"),)

    id: Mapped[intpk]
    person_id: Mapped[int] = fk("persons.id", index=False, ondelete="CASCADE")
    service_id: Mapped[int] = fk("services.id")
    route: Mapped[str40]


class Service(Base):
    """A support service (insats): IT-stöd, Fixartjänst, Syn- och hörselstöd, …"""

    __tablename__ = "services"

    id: Mapped[intpk]
    key: Mapped[str40] = mapped_column(unique=True)
    name: Mapped[str120]
    target_group: Mapped[str255 | None]
    min_age: Mapped[int | None]
    sort_order: Mapped[int] = mapped_column(server_default="0")

    tasks: Mapped[list[ServiceTask]] = relationship(order_by="ServiceTask.sort_order")


class ServiceTask(Base):
    """An item of a service's checklist (for Fixartjänst: smoke alarm, light bulbs, …)."""

    __tablename__ = "service_tasks"
    __table_args__ = (UniqueConstraint("service_id", "key"),)

    id: Mapped[intpk]
    service_id: Mapped[int] = fk("services.id")
    key: Mapped[str40]
    name: Mapped[str120]
    sort_order: Mapped[int] = mapped_column(server_default="0")


contact_tasks = Table(
    "contact_tasks",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("task_id", ForeignKey("service_tasks.id"), primary_key=True, index=True),
)


class Contact(Versioned, Timestamped, Base):
    """One meeting between an instructor and a person (stödinsats)."""

    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes"),
        Index("ix_contacts_unit_service_date", "unit_id", "service_id", "contact_date"),
        Index("ix_contacts_person_service_date", "person_id", "service_id", "contact_date"),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    service_id: Mapped[int] = fk("services.id", index=False)
    person_id: Mapped[int] = fk("persons.id", index=False)
    contact_date: Mapped[dt.date]
    kind: Mapped[str40]
    staff_id: Mapped[int | None] = fk("staff.id")
    minutes: Mapped[int | None]
    note: Mapped[longtext | None]

    service: Mapped[Service] = relationship()
    person: Mapped[Person] = relationship()
    staff: Mapped[Staff | None] = relationship()
    tasks: Mapped[list[ServiceTask]] = relationship(secondary=contact_tasks)


class GroupMeeting(Versioned, Base):
    """A group meeting of a service: carer group, sight/hearing group, IT course or café."""

    __tablename__ = "group_meetings"
    __table_args__ = (
        CheckConstraint("participants >= 0", name="participants"),
        Index("ix_group_meetings_unit_date", "unit_id", "held_on"),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    service_id: Mapped[int] = fk("services.id")
    held_on: Mapped[dt.date]
    kind: Mapped[str40]
    title: Mapped[str120]
    participants: Mapped[int]
    staff_id: Mapped[int | None] = fk("staff.id")
    place_id: Mapped[int | None] = fk("places.id")
    note: Mapped[str255 | None]


class Training(Versioned, Base):
    """A training the unit gives to care staff or others (sessions and participants)."""

    __tablename__ = "trainings"
    __table_args__ = (
        CheckConstraint("participants >= 0", name="participants"),
        Index("ix_trainings_unit_date", "unit_id", "held_on"),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    service_id: Mapped[int | None] = fk("services.id")
    held_on: Mapped[dt.date]
    audience: Mapped[str255]
    topic: Mapped[str255 | None]
    participants: Mapped[int]
    staff_id: Mapped[int | None] = fk("staff.id")
    minutes: Mapped[int | None]
