"""The year's goals: the unit head sets a target for a chosen figure (and for women and men where
the figure is counted by gender), writes the analysis per report, or removes the goal; everyone
who sees the statistics sees them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..db.models import Goal
from ..db.session import Ctx
from ..errors import NotFound
from ..formatting import number
from ..roles import requires
from ..stats.goal_figures import FigureChoice, by_key, choices
from ..stats.goals import Analysis
from ..stats.reference import Reference, load_reference
from ..stats.spans import period
from .checks import Checker, check_version

MAX_TARGET = 10_000_000
MAX_ANALYSIS = 4_000  # one analysis must fit on a page of the report
ANALYSIS_COLUMNS = {None: "analysis", 1: "analysis_t1", 2: "analysis_t2"}


@dataclass(frozen=True)
class GoalInfo:
    id: int
    year: int
    figure: str  # the figure's key
    label: str  # the figure as the reports name it
    target: int
    women: int | None
    men: int | None
    analysis: Analysis
    version: int
    gendered: bool = False  # a target for women and men may be set
    share: bool = False  # the target is a per cent


def _info(goal: Goal, choice: FigureChoice | None) -> GoalInfo:
    return GoalInfo(goal.id, goal.year, goal.figure, choice.label if choice else goal.figure, goal.target,
                    goal.women, goal.men, Analysis(goal.analysis or "", goal.analysis_t1 or "", goal.analysis_t2 or ""),
                    goal.version, bool(choice and choice.gendered), bool(choice and choice.share))


@requires("statistics")
def figure_choices(ctx: Ctx) -> list[FigureChoice]:
    """The figures a goal can be set for, with their names, in the reports' order."""
    return choices(load_reference(ctx))


@requires("statistics")
def list_goals(ctx: Ctx, year: int) -> list[GoalInfo]:
    """The year's goals in the reports' order."""
    period(year)
    reference = load_reference(ctx)
    known = by_key(reference)
    order = {key: i for i, key in enumerate(known)}
    rows = ctx.session.scalars(select(Goal).where(Goal.unit_id == ctx.unit_id, Goal.year == year))
    goals = sorted(rows, key=lambda g: (order.get(g.figure, len(order)), g.figure))
    return [_info(g, known.get(g.figure)) for g in goals]


def _find(ctx: Ctx, year: int, figure: str) -> Goal | None:
    return ctx.session.scalar(select(Goal).where(Goal.unit_id == ctx.unit_id, Goal.year == year,
                                                 Goal.figure == figure))


def _figure(check: Checker, reference: Reference, figure: Any) -> FigureChoice | None:
    key = (figure or "").strip().lower() if isinstance(figure, str) else ""
    if not key:
        check.fail("figure", "välj vilken siffra målet gäller.")
        return None
    choice = by_key(reference).get(key)
    if choice is None:
        check.fail("figure", f"'{figure.strip()}' är ingen siffra som ett mål kan sättas för "
                             "(till exempel visits, sessions:kultur, persons:fixartjanst).")
    return choice


def _existing(ctx: Ctx, year: int, figure: str, label: str) -> Goal:
    goal = _find(ctx, year, figure)
    if goal is None:
        raise NotFound(f"Det finns inget mål för {label} {year}.")
    return goal


def _analysis(check: Checker, text: str | None) -> str | None:
    cleaned = (text or "").replace("\x00", "").replace("\r\n", "\n").strip()
    if len(cleaned) > MAX_ANALYSIS:
        check.fail("analysis", f"texten är för lång ({number(len(cleaned))} tecken, högst {number(MAX_ANALYSIS)}).")
    return cleaned or None


def _tertial(check: Checker, tertial: Any) -> None:
    if tertial not in ANALYSIS_COLUMNS:
        check.fail("tertial", "ange 1 eller 2, eller ingen tertial för årets analys.")


@requires("goals")
def set_goal(ctx: Ctx, *, year: int, figure: str, target: Any, women: Any = None, men: Any = None,
             analysis: str | None = None, tertial: int | None = None, version: int | None = None) -> GoalInfo:
    """Set (or change) the year's target for a figure. `analysis` (None: as it is) is the
    analysis of the year report, or of tertial report 1 or 2."""
    period(year)
    check = Checker()
    choice = _figure(check, load_reference(ctx), figure)
    highest = 100 if choice and choice.share else MAX_TARGET
    goal_target: int | None = check.integer("target", target, required=True)
    if goal_target is not None and not 1 <= goal_target <= highest:
        unit = " (i procent)" if highest == 100 else ""
        check.fail("target", f"ange ett mål mellan 1 och {number(highest)}{unit}.")
        goal_target = None
    parts = {}
    for field, value in (("target_women", women), ("target_men", men)):
        part = check.integer(field, value)
        if part is None:
            continue
        if choice is not None and not choice.gendered:
            check.fail(field, f"{choice.label} räknas inte för kvinnor och män; ange bara ett mål för alla.")
        elif part < 1:
            check.fail(field, "ange ett mål på minst 1, eller lämna fältet tomt.")
        else:
            parts[field] = part
    both = sum(parts.values())
    if goal_target is not None and both > goal_target:
        check.fail("target_women" if "target_women" in parts else "target_men",
                   f"målen för kvinnor och män är tillsammans {both}, mer än målet för alla ({goal_target}).")
    text = _analysis(check, analysis) if analysis is not None else None
    _tertial(check, tertial)
    check.done()
    assert choice is not None and goal_target is not None
    goal = _find(ctx, year, choice.key)
    if goal is None:
        goal = Goal(unit_id=ctx.unit_id, year=year, figure=choice.key, target=goal_target)
        ctx.session.add(goal)
    else:
        check_version(f"Målet för {choice.label}", goal, version)
    goal.target = goal_target
    goal.women = parts.get("target_women")
    goal.men = parts.get("target_men")
    if analysis is not None:
        setattr(goal, ANALYSIS_COLUMNS[tertial], text)
    ctx.session.flush()
    return _info(goal, choice)


@requires("goals")
def write_analysis(ctx: Ctx, *, year: int, figure: str, text: str | None, tertial: int | None = None,
                   version: int | None = None) -> GoalInfo:
    """The unit head's analysis of a goal for the year report, or for tertial report 1 or 2; an
    empty text removes it."""
    period(year)
    check = Checker()
    choice = _figure(check, load_reference(ctx), figure)
    cleaned = _analysis(check, text)
    _tertial(check, tertial)
    check.done()
    assert choice is not None
    goal = _existing(ctx, year, choice.key, choice.label)
    check_version(f"Målet för {choice.label}", goal, version)
    setattr(goal, ANALYSIS_COLUMNS[tertial], cleaned)
    ctx.session.flush()
    return _info(goal, choice)


@requires("goals")
def remove_goal(ctx: Ctx, *, year: int, figure: str, version: int | None = None) -> None:
    """The year has no goal for the figure any more (its analyses go with it)."""
    period(year)
    key = (figure or "").strip().lower()
    choice = by_key(load_reference(ctx)).get(key)
    label = choice.label if choice else key  # a goal of a figure no longer offered can still go
    goal = _existing(ctx, year, key, label)
    check_version(f"Målet för {label}", goal, version)
    ctx.session.delete(goal)
    ctx.session.flush()
