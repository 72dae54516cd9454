""""Tyck till": an item registered, corrected, answered, acted on or removed, and the unit head's
summary for a report; from the window, the command line or a file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.session import Ctx
from ..reports.figures import set_feedback_summary
from ..services import feedback
from ..services.feedback import FeedbackInfo, FeedbackInput
from .base import Operation


@dataclass(frozen=True)
class RegisterFeedback(Operation[FeedbackInfo]):
    """A form from the box, a letter, a call or a word of mouth."""

    item: FeedbackInput
    # an import decides by what is registered whether a line is new: it must not run beside a registration
    locks = ("feedback",)

    def apply(self, ctx: Ctx) -> FeedbackInfo:
        return feedback.register_feedback(ctx, **self.item.values())


@dataclass(frozen=True)
class CorrectFeedback(Operation[FeedbackInfo]):
    """A registered item corrected as a whole, as it was read (`version`)."""

    feedback_id: int
    item: FeedbackInput
    version: int | None = None
    locks = ("feedback",)

    def apply(self, ctx: Ctx) -> FeedbackInfo:
        return feedback.update_feedback(ctx, self.feedback_id, version=self.version, **self.item.values())


@dataclass(frozen=True)
class RecordAnswer(Operation[FeedbackInfo]):
    """The återkoppling given; no day takes it back."""

    feedback_id: int
    answered_on: dt.date | None
    answer_text: str | None = None
    version: int | None = None

    def apply(self, ctx: Ctx) -> FeedbackInfo:
        return feedback.record_answer(ctx, self.feedback_id, answered_on=self.answered_on,
                                      answer_text=self.answer_text, version=self.version)


@dataclass(frozen=True)
class RecordAction(Operation[FeedbackInfo]):
    """What was done about it; no text takes it back."""

    feedback_id: int
    action_text: str | None
    action_on: dt.date | None = None
    version: int | None = None

    def apply(self, ctx: Ctx) -> FeedbackInfo:
        return feedback.record_action(ctx, self.feedback_id, action_text=self.action_text,
                                      action_on=self.action_on, version=self.version)


@dataclass(frozen=True)
class DeleteFeedback(Operation[None]):
    """An item registered by mistake, removed as it was shown (`version`)."""

    feedback_id: int
    version: int | None = None

    def apply(self, ctx: Ctx) -> None:
        feedback.delete_feedback(ctx, self.feedback_id, version=self.version)


@dataclass(frozen=True)
class SaveFeedbackSummary(Operation[str]):
    """The unit head's "Sammanfattning och planerade åtgärder" for the year report (no tertial)
    or the tertial report T1 or T2; an empty text removes it. Returns the text as saved."""

    year: int
    body: str | None
    tertial: int | None = None
    locks = ("texts",)  # two first saves of the same text at once would meet its unique key

    def apply(self, ctx: Ctx) -> str:
        return set_feedback_summary(ctx, year=self.year, tertial=self.tertial, body=self.body)
