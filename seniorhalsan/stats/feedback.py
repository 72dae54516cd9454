"""Feedback per tertial, in the rows of the city's template: one grouped query."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import and_, case, extract, func, or_, select

from ..db.models import Feedback
from ..db.session import Ctx
from ..periods import TERTIALS
from .figures import FeedbackFigures, Tertials, tertials
from .reference import Reference
from .spans import Span, by_year, row_year, span_group, within

PRAISE = "berom"


def feedback(ctx: Ctx, spans: Sequence[Span], reference: Reference) -> dict[int, FeedbackFigures]:
    """Each span's feedback, by the span's year."""
    f = Feedback
    by_span, month = span_group(f.received_on, spans), extract("month", f.received_on)
    answered = case((f.answered_on.is_not(None), 1), else_=0)
    acted = case((or_(f.action_on.is_not(None), f.action_text.is_not(None)), 1), else_=0)
    # owed återkoppling (a view or complaint with an address) and answered, or past its day by now
    owed = and_(f.type != PRAISE, f.contact.is_not(None), f.contact != "")
    due = case((and_(owed, or_(f.answered_on.is_not(None), f.response_due < ctx.today)), 1), else_=0)
    in_time = case((and_(owed, f.answered_on <= f.response_due), 1), else_=0)
    rows = ctx.session.execute(
        select(*by_span, month, f.type, f.from_id, f.about_id, func.count(), func.sum(answered), func.sum(acted),
               func.sum(due), func.sum(in_time))
        .where(f.unit_id == ctx.unit_id, within(f.received_on, spans))
        .group_by(*by_span, month, f.type, f.from_id, f.about_id)
    )
    key_of = {c.id: c.key for c in reference.categories}
    # tallies[year][row][tertial], where a row is "total", "praise", "from:<key>", "about:<key>", …
    tallies: dict[int, dict[str, dict[str, int]]] = {
        y: defaultdict(lambda: defaultdict(int)) for y in by_year(spans)
    }
    for *key, m, kind, from_id, about_id, n, n_answered, n_acted, n_due, n_in_time in rows:
        rows_of_year = tallies[row_year(key, spans)]
        tertial = TERTIALS[(int(m) - 1) // 4]
        rows_of_year["total"][tertial] += n
        rows_of_year["answered"][tertial] += int(n_answered or 0)
        rows_of_year["acted_on"][tertial] += int(n_acted or 0)
        rows_of_year["due"][tertial] += int(n_due or 0)
        rows_of_year["in_time"][tertial] += int(n_in_time or 0)
        rows_of_year["from:" + key_of[from_id]][tertial] += n
        if kind == PRAISE:
            rows_of_year["praise"][tertial] += n
        elif about_id is not None:
            rows_of_year["about:" + key_of[about_id]][tertial] += n
    return {y: _figures(tally, reference) for y, tally in tallies.items()}


def _figures(tally: dict[str, dict[str, int]], reference: Reference) -> FeedbackFigures:
    def row(name: str) -> Tertials:
        return tertials(tally.get(name, {}))

    return FeedbackFigures(
        total=row("total"),
        praise=row("praise"),
        from_={c.key: row("from:" + c.key) for c in reference.categories if c.grp == "from"},
        about={c.key: row("about:" + c.key) for c in reference.categories if c.grp == "about"},
        answered=row("answered"),
        acted_on=row("acted_on"),
        due=row("due"),
        in_time=row("in_time"),
    )
