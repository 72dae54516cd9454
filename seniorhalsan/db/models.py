"""The unit's data: places, activities, schedule, sessions, persons, contacts, feedback.

Keys stored in text columns (kinds, genders, channels) are plain ASCII words listed in
`seniorhalsan.vocabulary`; the Swedish labels live there too.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Table,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from .base import Base, fk, intpk, longtext, str40, str120, str255


class Versioned:
    """A version number bumped on every update, so a stale save is refused, not lost."""

    version: Mapped[int] = mapped_column(nullable=False, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())


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


class Staff(Versioned, Base):
    """A staff member, an hourly-paid senior, a volunteer or an outside leader."""

    __tablename__ = "staff"

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id")
    name: Mapped[str120]
    title: Mapped[str120 | None]
    kind: Mapped[str40]
    phone: Mapped[str40 | None]
    email: Mapped[str120 | None]
    active: Mapped[bool] = mapped_column(Boolean, server_default="1")

    services: Mapped[list[Service]] = relationship(secondary=staff_services)


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


class UnitText(Base):
    """A text the unit edits in the program: folder presentation, contacts, report summaries."""

    __tablename__ = "unit_texts"
    __table_args__ = (UniqueConstraint("unit_id", "key"),)

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    key: Mapped[str120]
    body: Mapped[longtext]


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
