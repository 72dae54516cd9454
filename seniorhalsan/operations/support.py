"""Support: persons, their contacts, group meetings and trainings, from the window and from a file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.session import Ctx
from ..services import contacts, contacts_bulk, groups, persons
from ..services.contacts import ContactInfo
from ..services.contacts_bulk import ContactInput, ContactsSaved
from ..services.groups import GroupMeetingInfo, TrainingInfo
from ..services.persons import PersonInfo
from .base import Operation

# Whatever creates a person or names one by reference holds this lock: two of them at once on a
# shared server would otherwise both find a reference free, or both take the next P-number.
PERSONS = ("persons",)


@dataclass(frozen=True)
class CreatePerson(Operation[PersonInfo]):
    """A new person; without a reference the next free one (P00001, …)."""

    birth_year: int | None
    gender: str | None
    reference: str | None = None
    housing: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    note: str | None = None
    locks = PERSONS

    def apply(self, ctx: Ctx) -> PersonInfo:
        return persons.create_person(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdatePerson(Operation[PersonInfo]):
    """A person's card as saved: every field as the card shows it, with the version it was read at."""

    person_id: int
    version: int | None
    birth_year: int | None
    gender: str | None
    reference: str | None = None
    housing: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    note: str | None = None
    locks = PERSONS

    def apply(self, ctx: Ctx) -> PersonInfo:
        fields = self.arguments()
        person_id, version = fields.pop("person_id"), fields.pop("version")
        return persons.update_person(ctx, person_id, version=version, **fields)


@dataclass(frozen=True)
class AddContact(Operation[ContactInfo]):
    """A contact with a person, typed in Ny kontakt; at the person's first contact with the service
    also how they found it (`route`)."""

    person_id: int
    service: str
    contact_date: dt.date | None
    kind: str | None
    staff_id: int | None = None
    minutes: int | None = None
    tasks: tuple[str, ...] = ()
    note: str | None = None
    route: str | None = None
    locks = PERSONS  # the person's route is one row per service: two first contacts at once take turns

    def apply(self, ctx: Ctx) -> ContactInfo:
        return contacts.add_contact(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdateContact(Operation[ContactInfo]):
    """A saved contact corrected: all of its fields, with the version it was read at; `route` (None
    leaves it) corrects how the person found the service."""

    contact_id: int
    version: int | None
    contact_date: dt.date | None
    kind: str | None
    staff_id: int | None = None
    minutes: int | None = None
    tasks: tuple[str, ...] = ()
    note: str | None = None
    route: str | None = None
    locks = PERSONS

    def apply(self, ctx: Ctx) -> ContactInfo:
        fields = self.arguments()
        contact_id, version = fields.pop("contact_id"), fields.pop("version")
        return contacts.update_contact(ctx, contact_id, version=version, **fields)


@dataclass(frozen=True)
class DeleteContact(Operation[None]):
    contact_id: int

    def apply(self, ctx: Ctx) -> None:
        contacts.delete_contact(ctx, self.contact_id)


@dataclass(frozen=True)
class AddContacts(Operation[ContactsSaved]):
    """Contacts with persons named by reference (a file's lines): the persons not yet known are
    created, a line matching a recorded contact adds nothing; all saved, or none."""

    rows: tuple[ContactInput, ...]
    locks = PERSONS

    def apply(self, ctx: Ctx) -> ContactsSaved:
        return contacts_bulk.add_contacts(ctx, self.rows)


@dataclass(frozen=True)
class AddGroupMeeting(Operation[GroupMeetingInfo]):
    service: str
    held_on: dt.date | None
    kind: str | None
    title: str | None
    participants: int | None
    staff_id: int | None = None
    place_id: int | None = None
    note: str | None = None

    def apply(self, ctx: Ctx) -> GroupMeetingInfo:
        return groups.add_group_meeting(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdateGroupMeeting(Operation[GroupMeetingInfo]):
    """A group meeting corrected: None leaves a field as it is."""

    meeting_id: int
    version: int | None
    participants: int | None = None
    title: str | None = None
    note: str | None = None

    def apply(self, ctx: Ctx) -> GroupMeetingInfo:
        fields = self.arguments()
        meeting_id, version = fields.pop("meeting_id"), fields.pop("version")
        return groups.update_group_meeting(ctx, meeting_id, version=version, **fields)


@dataclass(frozen=True)
class DeleteGroupMeeting(Operation[None]):
    meeting_id: int

    def apply(self, ctx: Ctx) -> None:
        groups.delete_group_meeting(ctx, self.meeting_id)


@dataclass(frozen=True)
class AddTraining(Operation[TrainingInfo]):
    held_on: dt.date | None
    audience: str | None
    participants: int | None
    service: str | None = None
    topic: str | None = None
    staff_id: int | None = None
    minutes: int | None = None

    def apply(self, ctx: Ctx) -> TrainingInfo:
        return groups.add_training(ctx, **self.arguments())


@dataclass(frozen=True)
class UpdateTraining(Operation[TrainingInfo]):
    """A training corrected: None leaves a field as it is."""

    training_id: int
    version: int | None
    participants: int | None = None
    topic: str | None = None

    def apply(self, ctx: Ctx) -> TrainingInfo:
        fields = self.arguments()
        training_id, version = fields.pop("training_id"), fields.pop("version")
        return groups.update_training(ctx, training_id, version=version, **fields)


@dataclass(frozen=True)
class DeleteTraining(Operation[None]):
    training_id: int

    def apply(self, ctx: Ctx) -> None:
        groups.delete_training(ctx, self.training_id)
