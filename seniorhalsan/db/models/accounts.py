"""Accounts and the access log."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, fk, intpk, longtext, str40, str120, str255
from .mixins import Timestamped, Versioned

if TYPE_CHECKING:
    from .catalogue import Staff
    from .support import Service


user_services = Table(
    "user_services",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("services.id"), primary_key=True),
)


class User(Versioned, Timestamped, Base):
    """An account: who may sign in and what their role lets them do."""

    __tablename__ = "users"

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id")
    username: Mapped[str40] = mapped_column(unique=True)
    display_name: Mapped[str120 | None]
    role: Mapped[str40]
    password_hash: Mapped[str255]
    active: Mapped[bool] = mapped_column(Boolean, server_default="1")
    last_login: Mapped[dt.datetime | None]
    # the staff member who signs in with the account: their own services and contacts come first
    staff_id: Mapped[int | None] = fk("staff.id", ondelete="SET NULL")

    services: Mapped[list[Service]] = relationship(secondary=user_services)
    staff: Mapped[Staff | None] = relationship()


class AccessLogEntry(Base):
    """Who read or changed which personal record, and when. Never changed or deleted.

    A list view (search results, a service's contacts) is one row; `record_ids` lists the
    persons it showed as ",3,17,42," so that a search for one of them finds the row.
    """

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_unit_at", "unit_id", "at"),
        Index("ix_access_log_record", "record_type", "record_id"),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    at: Mapped[dt.datetime]
    username: Mapped[str40]
    operation: Mapped[str40]
    record_type: Mapped[str40]
    record_id: Mapped[int | None]
    detail: Mapped[str255 | None]
    record_ids: Mapped[longtext | None]
