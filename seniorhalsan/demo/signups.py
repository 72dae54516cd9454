"""Sign-up lists of the demo year: the summer's trips and a course each term, with invented
people (their phone numbers from the ranges set aside for fiction) and who came, ticked.

The lists are made through the same services as the window's, each as of a day before its
occasion; the ticks become the sessions' counts as they do for a coordinator. Lists whose
period is over are cleared at the end, as gallring leaves them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlalchemy import select

from ..db.models import ActivitySession, SignupParticipant, Term
from ..db.session import Ctx
from ..services import schedule, signup_people, signup_retention, signup_ticks, signups
from .catalogue import FIRST_NAMES_MEN, FIRST_NAMES_WOMEN, SURNAMES

# places of each list; the trips fill up (the small bus has eight seats), the courses nearly
PLACES = {"Dagsutflykt till Skultuna bruk": 45, "Bussutflykt till Kastellet": 30,
          "Utflykt till Hägernäs strand": 8, "Min hälsa": 12}
NOTES = ("rullator", "behöver hämtas", "specialkost", "rullstol", "kommer med ledsagare")


def fictional_phones() -> list[str]:
    """Numbers the Swedish telecoms authority keeps for films and books: they reach nobody."""
    return [f"070-174 06 {n:02d}" for n in range(5, 100)] + [f"08-465 004 {n:02d}" for n in range(100)]


class DemoSignups:
    def __init__(self, ctx: Ctx, seed: int, closed: set[dt.date]) -> None:
        self.ctx = ctx
        self.rng = random.Random(seed * 14)  # its own: the rest of the demo stays as it was
        self.closed = closed
        self.people = [self._person(phone) for phone in fictional_phones()]
        self.visits = 0  # how ticking changed the sessions' counts

    def _person(self, phone: str) -> tuple[str, str, str | None]:
        rng = self.rng
        gender = "kvinna" if rng.random() < 0.78 else "man"
        first = rng.choice(FIRST_NAMES_WOMEN if gender == "kvinna" else FIRST_NAMES_MEN)
        return f"{first} {rng.choice(SURNAMES)}", phone, gender if rng.random() < 0.99 else None

    def _as_of(self, day: dt.date) -> Ctx:
        return dataclasses.replace(self.ctx, today=day)

    def term(self, term: Term) -> None:
        for entry in schedule.list_schedule(self.ctx, term.id):
            places = PLACES.get(entry.activity_name)
            first_day = entry.on_date or term.starts_on
            if places is None or first_day >= self.ctx.today:
                continue
            opened = signups.open_signups(self._as_of(first_day - dt.timedelta(days=21)), entry_id=entry.id,
                                          places=places, last_day=entry.on_date - dt.timedelta(days=7)
                                          if entry.on_date else None)
            wanted = places + self.rng.randint(-places // 5, 3)
            before = self._as_of(first_day - dt.timedelta(days=1))
            # the small bus takes the same fifty or so seniors again and again
            pool = self.people[:50] if entry.activity_name.startswith("Utflykt till Hägernäs") else self.people
            for name, phone, gender in self.rng.sample(pool, min(wanted, len(pool))):
                note = self.rng.choice(NOTES) if self.rng.random() < 0.12 else None
                signup_people.sign_up(before, list_id=opened.list_id, name=name, phone=phone, gender=gender,
                                      note=note)
            self._tick(opened.list_id)

    def _tick(self, list_id: int) -> None:
        found = signups.occasion(self.ctx, list_id)
        people = list(self.ctx.session.scalars(select(SignupParticipant.id).where(
            SignupParticipant.list_id == list_id, SignupParticipant.status == "plats").order_by(SignupParticipant.seq)))
        cancelled = set(self.ctx.session.scalars(select(ActivitySession.held_on).where(
            ActivitySession.schedule_entry_id == found.entry_id, ActivitySession.cancelled.is_(True))))
        seen: set[int] = set()
        for day in found.meeting_days():
            if day >= self.ctx.today or day in self.closed or day in cancelled:
                continue
            came = tuple(pid for pid in people if self.rng.random() < 0.88)
            new = tuple(pid for pid in came if pid not in seen and self.rng.random() < 0.08)
            seen.update(came)
            before = self.ctx.session.scalar(select(ActivitySession.total).where(
                ActivitySession.schedule_entry_id == found.entry_id, ActivitySession.held_on == day)) or 0
            ticked = signup_ticks.tick(self.ctx, list_id=list_id, day=day, present=came, new=new)
            self.visits += ticked.total - before

    def clear(self) -> None:
        signup_retention.clear(self.ctx)
