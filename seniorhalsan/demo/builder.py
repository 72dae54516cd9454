"""The demo's builder: one unit's invented years, written in the caller's transaction."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from ..db.models import Place
from ..db.session import Ctx
from .schedule import ScheduleDemo
from .support import SupportDemo
from .work import WorkDemo


class DemoBuilder(ScheduleDemo, SupportDemo, WorkDemo):
    """Builds the demo in one transaction; refuses a database that already holds data."""

    def __init__(self, ctx: Ctx, year: int, seed: int) -> None:
        self.ctx = ctx
        self.s = ctx.session
        self.year = year
        self.rng = random.Random(seed)
        self.last_day = min(dt.date(year, 12, 31), ctx.today)
        self.places = {p.name: p for p in self.s.scalars(select(Place).where(Place.unit_id == ctx.unit_id))}
        self.staff: dict[str, int] = {}
        self.activities: dict[str, int] = {}
        self.means: dict[int, float] = {}
        self.gym_activities: set[int] = set()
