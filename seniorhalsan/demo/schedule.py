"""The demo unit's catalogue and staff, three terms a year with their schedules, and the sessions
with their counts at the scale of the unit's year report (about 28 000 visits)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ..db.models import ActivitySession, ScheduleEntry, Term
from ..services import activities as activity_service
from ..services import staff as staff_service
from ..services import texts as text_service
from .catalogue import (
    ACTIVITIES,
    CONTACT,
    HAGERNAS_TRIPS,
    MONTHLY,
    SIGNUP,
    STAFF,
    SUMMER_TRIPS,
    SUMMER_WEEKLY,
    WEEKLY,
    YEARLY,
)
from .dates import holidays, nth_weekday, term_dates


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


class ScheduleDemo:
    """The part of `DemoBuilder` that makes the catalogue, the terms and the sessions."""

    def catalogue(self) -> None:
        for name, title, kind, services in STAFF:
            self.staff[name] = staff_service.create_staff(
                self.ctx, name=name, title=title, kind=kind, services=services).id
        for name, kind, place, leader, flags, description in ACTIVITIES:
            info = activity_service.create_activity(
                self.ctx,
                name=name,
                kind=kind,
                description=description,
                place_id=self.places[place].id,
                leader_id=self.staff.get(leader),
                digital="digital" in flags or place == "Digitalt",
                outdoors="outdoors" in flags,
                needs_signup="signup" in flags,
                signup=SIGNUP.get(name),
            )
            self.activities[name] = info.id
        text_service.set_texts(self.ctx, CONTACT)
        self.gym_activities = {self.activities["Öppet gym"], self.activities["Gymintroduktion"]}

    def _usual_place(self, activity: str) -> str:
        return next(row[2] for row in ACTIVITIES if row[0] == activity)

    def _entry(self, term: Term, activity: str, place: str | None, start: str, end: str, mean: float,
               weekday: int | None = None, on_date: dt.date | None = None) -> None:
        entry = ScheduleEntry(
            term_id=term.id,
            activity_id=self.activities[activity],
            place_id=self.places[place or self._usual_place(activity)].id,
            weekday=weekday,
            on_date=on_date,
            starts_at=_t(start),
            ends_at=_t(end),
        )
        self.s.add(entry)
        self.s.flush()
        self.means[entry.id] = mean

    def terms(self, year: int) -> list[Term]:
        terms = []
        for kind, (first, last) in term_dates(year).items():
            term = Term(unit_id=self.ctx.unit_id, kind=kind, year=year, starts_on=first, ends_on=last)
            self.s.add(term)
            self.s.flush()
            terms.append(term)
            if kind == "sommar":
                for activity, place, weekday, start, end, mean in SUMMER_WEEKLY:
                    self._entry(term, activity, place, start, end, mean, weekday=weekday)
                for activity, month, day, start, end, mean in SUMMER_TRIPS:
                    self._entry(term, activity, None, start, end, mean, on_date=dt.date(year, month, day))
                for i in range(HAGERNAS_TRIPS):
                    day = first + dt.timedelta(days=2 + 5 * i)
                    self._entry(term, "Utflykt till Hägernäs strand", None, "10:00", "15:00", 5, on_date=day)
                continue
            for activity, place, weekday, start, end, mean in WEEKLY:
                self._entry(term, activity, place, start, end, mean, weekday=weekday)
            month = first.month
            while dt.date(year, month, 1) <= last:
                for activity, nth, weekday, start, end, mean in MONTHLY:
                    day = nth_weekday(year, month, nth, weekday)
                    if first <= day <= last and (activity != "Öppen scen" or month % 2 == 0):
                        self._entry(term, activity, None, start, end, mean, on_date=day)
                month += 1
                if month > 12:
                    break
            for activity, m, d, start, end, mean in YEARLY:
                day = dt.date(year, m, d)
                if first <= day <= last:
                    self._entry(term, activity, None, start, end, mean, on_date=day)
        return terms

    # --- sessions -----------------------------------------------------------------------
    def sessions(self, year: int, terms: list[Term]) -> tuple[int, int]:
        closed = holidays(year)
        last_day = min(dt.date(year, 12, 31), self.ctx.today)
        entries = list(self.s.scalars(select(ScheduleEntry).where(ScheduleEntry.term_id.in_([t.id for t in terms]))))
        rows, visits = [], 0
        for term in terms:
            day = term.starts_on
            # today's sessions are left for the coordinator to count
            while day <= min(term.ends_on, last_day) and day != self.ctx.today:
                for entry in entries:
                    if entry.term_id != term.id:
                        continue
                    if entry.on_date is not None:
                        if entry.on_date != day:
                            continue
                    elif entry.weekday != day.isoweekday() or day in closed:
                        continue
                    row = self._session_row(entry, day)
                    visits += row["total"] or 0
                    rows.append(row)
                day += dt.timedelta(days=1)
        if rows:
            self.s.execute(ActivitySession.__table__.insert(), rows)
        return len(rows), visits

    def _session_row(self, entry: ScheduleEntry, day: dt.date) -> dict:
        rng = self.rng
        row = {
            "unit_id": self.ctx.unit_id,
            "activity_id": entry.activity_id,
            "place_id": entry.place_id,
            "held_on": day,
            "starts_at": entry.starts_at,
            "ends_at": entry.ends_at,
            "schedule_entry_id": entry.id,
            "cancelled": False,
            "women": None,
            "men": None,
            "other": None,
            "total": None,
            "new_visitors": None,
            "note": None,  # every row has the same keys, or a bulk insert led by a cancelled one fails
        }
        if rng.random() < 0.025:
            row["cancelled"] = True
            row["note"] = rng.choice(["Ledaren sjuk", "Lokalen upptagen", "För få anmälda"])
            return row
        season = 0.85 if day.month in (1, 12) else 1.05 if day.month in (3, 4, 10) else 1.0
        mean = self.means[entry.id] * season * 1.05
        total = max(0, round(rng.gauss(mean, max(1.0, mean * 0.18))))
        women_share = 0.6 if entry.activity_id in self.gym_activities else 0.8
        if rng.random() < 0.06:
            row["total"] = total
        else:
            other = 1 if total > 10 and rng.random() < 0.08 else 0
            women = sum(1 for _ in range(total - other) if rng.random() < women_share)
            row.update(women=women, men=total - other - women, other=other, total=total)
        if rng.random() < 0.7:
            row["new_visitors"] = min(total, max(0, round(rng.gauss(total * 0.05, 0.8))))
        return row
