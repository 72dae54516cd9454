"""The year's goals and the follow-up of activities: a target set or removed, an analysis written,
the limit for few visitors; from the window or the command line."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.session import Ctx
from ..services import goals, low_attendance
from ..services.goals import GoalInfo
from ..services.low_attendance import LowAttendance
from .base import Operation

# A goal is one row per figure and year: two who set the same goal at once change one row.
GOALS = ("goals",)


@dataclass(frozen=True)
class SetGoal(Operation[GoalInfo]):
    """The year's target for a figure (`women` and `men` where the figure is counted by gender).
    `analysis`, when given, is written for the year report, or for tertial report 1 or 2."""

    year: int
    figure: str
    target: int
    women: int | None = None
    men: int | None = None
    analysis: str | None = None
    tertial: int | None = None
    version: int | None = None  # the goal as it was read, when it is changed
    locks = GOALS

    def apply(self, ctx: Ctx) -> GoalInfo:
        return goals.set_goal(ctx, **self.arguments())


@dataclass(frozen=True)
class WriteGoalAnalysis(Operation[GoalInfo]):
    """The unit head's analysis of a goal for the year report (no tertial) or tertial report 1 or 2;
    an empty text removes it."""

    year: int
    figure: str
    text: str | None
    tertial: int | None = None
    version: int | None = None
    locks = GOALS

    def apply(self, ctx: Ctx) -> GoalInfo:
        return goals.write_analysis(ctx, **self.arguments())


@dataclass(frozen=True)
class RemoveGoal(Operation[None]):
    """The year has no goal for the figure any more."""

    year: int
    figure: str
    version: int | None = None
    locks = GOALS

    def apply(self, ctx: Ctx) -> None:
        goals.remove_goal(ctx, **self.arguments())


@dataclass(frozen=True)
class SetLowAttendance(Operation[LowAttendance]):
    """An activity is flagged when its latest `in_a_row` sessions each had fewer than `below` visitors."""

    below: int
    in_a_row: int
    locks = ("texts",)  # two first saves of the same setting at once would meet its unique key

    def apply(self, ctx: Ctx) -> LowAttendance:
        return low_attendance.set_rule(ctx, below=self.below, in_a_row=self.in_a_row)
