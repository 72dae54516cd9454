"""The year's goals in the district's table layout (seed 003: indicator, the period's result, result
for women and for men, last year, the year's target), with the status and the unit head's analysis:
rows for the PDF and the workbook's sheet."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..stats.goal_figures import FigureChoice, by_key_of_labels, value_text
from ..stats.goals import NOT_REACHED, STATUSES, GoalResult
from .figures import ReportFigures
from .tables import UNRECORDED, Row, Share, TableSpec

WOMEN, MEN = "kvinnor", "män"


def status_text(f: ReportFigures, status: str) -> str:
    """A status as the report says it; a period that has not ended has not failed yet."""
    if status == NOT_REACHED and (f.tertial or f.unfinished):
        return "Ej uppnått ännu"
    return STATUSES[status]


def columns(f: ReportFigures) -> tuple[str, ...]:
    return ("Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män", f"Utfall {f.before}", "Årsmål",
            "Status hittills" if f.tertial or f.unfinished else "Status")


def note(f: ReportFigures) -> str:
    rule = ("Status: uppnått när utfallet är minst 100 % av målet, delvis uppnått vid minst 90 %, annars ej "
            "uppnått; – är ej registrerat, som aldrig räknas som ej uppnått.")
    if f.tertial or f.unfinished:
        return (f"{rule} Utfallet gäller året hittills ({f.period_text.split(': ', 1)[-1]}) och jämförs med "
                f"helårets mål. Utfall {f.before}: samma dagar ett år tidigare.")
    return f"{rule} Utfall {f.before}: samma dagar ett år tidigare."


@dataclass(frozen=True)
class GoalLine:
    """A goal as the table shows it: its row's texts, the rows for women and men, the analysis."""

    label: str
    cells: tuple[str, ...]  # result, women, men, last year, target, status
    parts: tuple[tuple[str, tuple[str, ...]], ...]  # ("Mål för kvinnor", cells) where a target was set
    analysis: str


def _choice(f: ReportFigures, goal: GoalResult) -> FigureChoice:
    return by_key_of_labels(f.labels).get(goal.figure) or FigureChoice(goal.figure, goal.figure)


def goal_lines(f: ReportFigures) -> list[GoalLine]:
    out = []
    for goal in f.stats.goals:
        choice = _choice(f, goal)
        share = choice.share
        women = goal.women.result if goal.women else _gendered(f, goal, "women")
        men = goal.men.result if goal.men else _gendered(f, goal, "men")
        cells = (value_text(goal.result, share), "" if women is None else value_text(women),
                 "" if men is None else value_text(men), value_text(goal.last_year, share),
                 value_text(goal.target, share), status_text(f, goal.status))
        parts = tuple((f"Mål för {who}", ("", value_text(part.result) if who == WOMEN else "",
                                           value_text(part.result) if who == MEN else "",
                                           value_text(part.last_year), value_text(part.target),
                                           status_text(f, part.status)))
                      for who, part in ((WOMEN, goal.women), (MEN, goal.men)) if part is not None)
        out.append(GoalLine(choice.label, cells, parts, goal.analysis.of(f.tertial)))
    return out


def _gendered(f: ReportFigures, goal: GoalResult, who: str) -> int | None:
    """The result for women or men of a figure counted so, where no target was set for them."""
    from ..stats.goal_figures import value_of

    if not _choice(f, goal).gendered:
        return None
    return getattr(value_of(goal.figure, f.stats), who)


def _cell(value, share: bool):
    """A workbook cell: a count, a share (a fraction shown in per cent), or "–" not recorded."""
    if value is None:
        return UNRECORDED
    if share:
        exact = Fraction(value) / 100
        return Share(exact.numerator, exact.denominator)
    return int(value)


def goals(f: ReportFigures) -> TableSpec:
    """The workbook's sheet: one row per goal, rows for women's and men's targets, the analysis last."""
    rows = []
    for goal in f.stats.goals:
        choice = _choice(f, goal)
        women, men = _gendered(f, goal, "women"), _gendered(f, goal, "men")
        rows.append(Row((choice.label, _cell(goal.result, choice.share), women, men,
                         _cell(goal.last_year, choice.share), _cell(goal.target, choice.share),
                         status_text(f, goal.status), goal.analysis.of(f.tertial) or None)))
        for who, part in ((WOMEN, goal.women), (MEN, goal.men)):
            if part is not None:
                rows.append(Row((f"Mål för {who}", None, _cell(part.result, False) if who == WOMEN else None,
                                 _cell(part.result, False) if who == MEN else None, _cell(part.last_year, False),
                                 part.target, status_text(f, part.status), None), indent=True))
    return TableSpec("Mål", "Mål och utfall", (*columns(f), "Analys"), tuple(rows), (6, 2, 2, 2, 2, 2, 2.4, 8),
                     note=note(f) if rows else f"Inga mål är satta för {f.year}.")
