"""The year's goals against the period's figures: result, last year, target and status.

A goal is reached (`uppnatt`) at 100 % of its target or more, partly reached (`delvis`) at 90 %
or more, otherwise not reached (`ej_uppnatt`); a figure nobody recorded in the period is
`ej_registrerat`, never "not reached". A period shorter than the year (a tertial report) is
measured against the whole year's target: the result so far.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from sqlalchemy import select

from ..db.models import Goal
from ..db.session import Ctx
from .figures import JSON, YearFigures
from .goal_figures import Number, Value, as_json, choices, value_of
from .reference import Reference

REACHED, PARTLY, NOT_REACHED, NOT_RECORDED = "uppnatt", "delvis", "ej_uppnatt", "ej_registrerat"
STATUSES = {REACHED: "Uppnått", PARTLY: "Delvis uppnått", NOT_REACHED: "Ej uppnått", NOT_RECORDED: "Ej registrerat"}
PARTLY_FROM = Fraction(9, 10)


def status(result: Number | None, target: int) -> str:
    """How far `result` reached `target`, exactly (99.9 % is not 100 %)."""
    if result is None:
        return NOT_RECORDED
    reached = Fraction(result) / target
    if reached >= 1:
        return REACHED
    return PARTLY if reached >= PARTLY_FROM else NOT_REACHED


@dataclass(frozen=True)
class GenderGoal:
    """The target for women (or men) of a goal, and how far it was reached."""

    target: int
    result: int | None
    status: str
    last_year: int | None = None  # beside the JSON

    def to_json(self) -> JSON:
        return {"target": self.target, "result": self.result, "status": self.status}


@dataclass(frozen=True)
class Analysis:
    """The unit head's analysis of a goal: for the year report, and for tertial reports 1 and 2."""

    year: str = ""
    t1: str = ""
    t2: str = ""

    def of(self, tertial: int | None) -> str:
        return {1: self.t1, 2: self.t2}.get(tertial or 0, self.year)


@dataclass(frozen=True)
class GoalResult:
    figure: str  # the figure's key (goal_figures.py)
    target: int
    result: Number | None  # None: not recorded in the period
    status: str
    women: GenderGoal | None = None
    men: GenderGoal | None = None
    # beside the JSON
    last_year: Number | None = None  # the same figure over the same days a year earlier
    analysis: Analysis = field(default_factory=Analysis)

    @property
    def reached(self) -> Fraction | None:
        """The result as a share of the target (1 = 100 %)."""
        return None if self.result is None else Fraction(self.result) / self.target

    def to_json(self) -> JSON:
        out: JSON = {"figure": self.figure, "target": self.target, "result": as_json(self.result),
                     "status": self.status}
        for name, part in (("women", self.women), ("men", self.men)):
            if part is not None:
                out[name] = part.to_json()
        return out


@dataclass(frozen=True)
class GoalRow:
    """A goal as stored."""

    figure: str
    target: int
    women: int | None
    men: int | None
    analysis: Analysis


def set_goals(ctx: Ctx, years: Iterable[int]) -> dict[int, list[GoalRow]]:
    """The goals set for each of `years`, read in one query."""
    wanted = sorted(set(years))
    out: dict[int, list[GoalRow]] = {year: [] for year in wanted}
    rows = ctx.session.scalars(select(Goal).where(Goal.unit_id == ctx.unit_id, Goal.year.in_(wanted)))
    for g in rows:
        out[g.year].append(GoalRow(g.figure, g.target, g.women, g.men,
                                   Analysis(g.analysis or "", g.analysis_t1 or "", g.analysis_t2 or "")))
    return out


def _gender(target: int | None, now: int | None, before: int | None) -> GenderGoal | None:
    if target is None:
        return None
    return GenderGoal(target, now, status(now, target), before)


def evaluate(goals: list[GoalRow], figures: YearFigures, before: YearFigures | None,
             reference: Reference) -> tuple[GoalResult, ...]:
    """Each goal against the period's figures (and `before`, the same days a year earlier), in
    the order of the figures a goal can be set for."""
    order = {c.key: i for i, c in enumerate(choices(reference))}
    out = []
    for goal in sorted(goals, key=lambda g: (order.get(g.figure, len(order)), g.figure)):
        now = value_of(goal.figure, figures)
        earlier = value_of(goal.figure, before) if before is not None else Value(None)
        out.append(GoalResult(
            figure=goal.figure,
            target=goal.target,
            result=now.result,
            status=status(now.result, goal.target),
            women=_gender(goal.women, now.women, earlier.women),
            men=_gender(goal.men, now.men, earlier.men),
            last_year=earlier.result,
            analysis=goal.analysis,
        ))
    return tuple(out)


def statuses_count(goals: Iterable[GoalResult]) -> Mapping[str, int]:
    """How many goals have each status, in the statuses' order (for a summary line)."""
    counted = dict.fromkeys(STATUSES, 0)
    for goal in goals:
        counted[goal.status] += 1
    return counted
