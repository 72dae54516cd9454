"""Sign-up lists, the people on them and who came."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, fk, intpk, str40, str120, str255
from .mixins import Timestamped, Versioned


class SignupList(Versioned, Timestamped, Base):
    """A dated occasion (a trip, an event, one course meeting) or a term's series that takes
    sign-ups, with its number of places.

    The activity, place, term and date are kept beside the schedule row, so that the year's
    figures stay when the row is taken off the schedule (the list then cannot be ticked).
    """

    __tablename__ = "signup_lists"
    __table_args__ = (CheckConstraint("places >= 1", name="places"),)

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id")
    schedule_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_entries.id", ondelete="SET NULL"), unique=True)
    activity_id: Mapped[int] = fk("activities.id")
    place_id: Mapped[int] = fk("places.id")
    term_id: Mapped[int] = fk("terms.id")
    on_date: Mapped[dt.date | None]  # the occasion's day; None for a term's series
    places: Mapped[int]
    last_day: Mapped[dt.date | None]  # the last day to sign up, as the folder prints it
    cleared_at: Mapped[dt.datetime | None]  # when gallring cleared its names, phones and notes


class SignupParticipant(Timestamped, Base):
    """A person on a sign-up list (not a person of the support register): with a place
    (`plats`), on the waiting list in the order they signed up (`reserv`), or gone from a
    series after coming to some of its meetings (`slutat`, with nothing but what the figures
    need). Gallring clears name, phone, e-mail and note; gender and the random pseudonym
    (never shown) stay for the year's figures."""

    __tablename__ = "signup_participants"
    __table_args__ = (
        CheckConstraint("status IN ('plats', 'reserv', 'slutat')", name="status"),
        UniqueConstraint("list_id", "seq"),
        # the same phone once per list, whoever signs it up at the same moment
        UniqueConstraint("list_id", "phone_key"),
        Index("ix_signup_participants_phone_key", "phone_key"),
    )

    id: Mapped[intpk]
    list_id: Mapped[int] = fk("signup_lists.id", ondelete="CASCADE", index=False)
    seq: Mapped[int]  # the order of signing up on the list
    status: Mapped[str40]
    name: Mapped[str120 | None]
    phone: Mapped[str40 | None]
    phone_key: Mapped[str40 | None]  # the phone's digits, to tell the same person
    email: Mapped[str120 | None]
    note: Mapped[str255 | None]
    gender: Mapped[str40 | None]
    pseudonym: Mapped[int] = mapped_column(BigInteger)


class SignupPresence(Base):
    """A participant ticked as present on a day of the occasion (and whether it was their first time)."""

    __tablename__ = "signup_presence"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("signup_participants.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    new_visitor: Mapped[bool] = mapped_column(Boolean, server_default="0")
