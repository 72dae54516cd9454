"""After the occasion: who came, ticked on the list, becomes the session's count.

The ticks of a day are saved as they are given (ticking again replaces them) and the count
goes to the planned session of that day through the one writer of counts,
`operations.attendance.RecordCounts`: Närvaro and the statistics see one session, whether it
was typed there or ticked here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from ..db.models import ActivitySession, SignupList, SignupParticipant, SignupPresence
from ..db.session import Ctx
from ..errors import RowsRefused
from ..operations.attendance import RecordCounts
from ..roles import granted, requires
from .attendance import CountInput
from .attendance_slots import SessionKey
from .checks import Checker
from .lookups import owned
from .signup_access import check_list
from .signup_people import LEFT, remove_presence
from .signups import follow_entry, occasion


@dataclass(frozen=True)
class Ticked:
    """The count a day's ticks gave its session."""

    day: dt.date
    session_id: int
    present: int
    women: int | None
    men: int | None
    other: int | None
    total: int
    new_visitors: int | None


def counts_of(genders: list[str | None], new: int) -> dict[str, int | None]:
    """Women, men and other when everyone's kön is known, else the total alone; new visitors
    when someone was marked as new."""
    tally = Counter(genders)
    counts: dict[str, int | None] = {"women": None, "men": None, "other": None, "total": len(genders)}
    if None not in tally:
        counts.update(women=tally["kvinna"], men=tally["man"], other=tally["annat"], total=None)
    counts["new_visitors"] = new or None
    return counts


@requires("signup_lists")
def tick(ctx: Ctx, *, list_id: int, day: dt.date, present: tuple[int, ...], new: tuple[int, ...] = ()) -> Ticked:
    """Save who came on `day` (all of them: ticking again replaces the day's ticks) and give the
    session of that day its count. An instructor may tick the lists of what they lead."""
    found = occasion(ctx, list_id)
    check_list(ctx, found.leader_id, found.activity_name)
    follow_entry(ctx, owned(ctx, SignupList, list_id, "Anmälningslistan"))
    check = Checker()
    when = check.date("date", day, today=ctx.today)
    if found.cleared:
        check.fail("occasion", "listan är gallrad; närvaron kan inte ändras längre.")
    if found.entry_id is None:
        check.fail("occasion", "tillfället står inte längre på schemat, så närvaron kan inte räknas.")
    if when is not None and when not in found.meeting_days():
        check.fail("date", f"{found.activity_name} träffas inte {when.isoformat()}.")
    rows = {r.id: r for r in ctx.session.scalars(select(SignupParticipant).where(
        SignupParticipant.list_id == list_id, SignupParticipant.status != LEFT))}
    unknown = [pid for pid in (*present, *new) if pid not in rows]
    if unknown:
        check.fail("present", f"{len(unknown)} av de avbockade finns inte på listan.")
    if set(new) - set(present):
        check.fail("new_visitors", "bara den som kom kan vara ny.")
    check.done()
    assert when is not None and found.entry_id is not None
    came = sorted(set(present))
    remove_presence(ctx, list(rows), when)
    ctx.session.add_all(SignupPresence(participant_id=pid, day=when, new_visitor=pid in set(new)) for pid in came)
    ctx.session.flush()
    counts = counts_of([rows[pid].gender for pid in came], len(set(new)))
    version = ctx.session.scalar(select(ActivitySession.version).where(
        ActivitySession.schedule_entry_id == found.entry_id, ActivitySession.held_on == when))
    key = SessionKey(place_id=found.place_id, day=when, schedule_entry_id=found.entry_id, version=version)
    try:
        # the list's rule (a manager, or the instructor who leads it) allows this one session's count
        with granted(ctx, "attendance"):
            count = CountInput(key, women=counts["women"], men=counts["men"], other=counts["other"],
                               total=counts["total"], new_visitors=counts["new_visitors"], replace_note=False)
            saved = RecordCounts((count,)).apply(ctx)
    except RowsRefused as exc:
        raise exc.failures[0] from None
    session_id = saved.session_ids[0]
    assert session_id is not None
    total = counts["total"] if counts["total"] is not None else len(came)
    return Ticked(when, session_id, len(came), counts["women"], counts["men"], counts["other"], total,
                  counts["new_visitors"])

