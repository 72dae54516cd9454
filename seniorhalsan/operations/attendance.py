"""Attendance: counts for sessions, from the window, a file or a sign-up list."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.session import Ctx
from ..services import attendance
from ..services.attendance import CountInput, CountsSaved
from .base import Operation


@dataclass(frozen=True)
class RecordCounts(Operation[CountsSaved]):
    """Counts for sessions (a day in Närvaro, a file, a sign-up list): all saved, or none."""

    rows: tuple[CountInput, ...]
    locks = ("attendance",)

    def apply(self, ctx: Ctx) -> CountsSaved:
        return attendance.record_counts(ctx, self.rows)
