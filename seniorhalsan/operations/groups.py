"""Group meetings of the services and trainings for others' staff: added and corrected.

The imports of groups and trainings apply these, line by line, inside their own transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.session import Ctx
from ..services import groups
from ..services.groups import GroupMeetingInfo, TrainingInfo
from .base import Operation


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
