"""The support services of the demo: persons, new and returning, and their contacts, for each
service at the scale of the unit's year report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ..db.models import Contact, Person, Service, Staff
from .catalogue import FIRST_NAMES_MEN, FIRST_NAMES_WOMEN, SURNAMES


@dataclass(frozen=True)
class ServicePlan:
    """How a service's year looks: persons, share of new ones, contacts and their kinds."""

    persons: int
    persons_year_before: int
    new_share: float
    contacts_per_person: float
    kinds: dict[str, float]
    ages: list[tuple[int, int, float]]
    women: float


PLANS = {
    "it_stod": ServicePlan(270, 260, 0.60, 3.1,
                           {"motesplats": 0.6, "telefon": 0.22, "hembesok": 0.12, "digitalt": 0.06},
                           [(68, 74, 0.30), (75, 84, 0.50), (85, 96, 0.20)], 0.77),
    "fixartjanst": ServicePlan(235, 230, 0.40, 1.75, {"hembesok": 1.0},
                               [(68, 74, 0.22), (75, 84, 0.45), (85, 98, 0.33)], 0.82),
    "syn_horsel": ServicePlan(416, 380, 0.65, 2.15, {"hembesok": 0.86, "oppen_mottagning": 0.08, "telefon": 0.06},
                              [(40, 64, 0.01), (65, 74, 0.04), (75, 84, 0.10), (85, 101, 0.85)], 0.77),
    "anhorigstod": ServicePlan(201, 147, 0.82, 2.6,
                               {"telefon": 0.45, "motesplats": 0.35, "hembesok": 0.15, "digitalt": 0.05},
                               [(30, 64, 0.22), (65, 74, 0.30), (75, 84, 0.33), (85, 95, 0.15)], 0.77),
    "aldrestod": ServicePlan(45, 44, 0.85, 2.2, {"telefon": 0.4, "hembesok": 0.4, "motesplats": 0.2},
                             [(65, 74, 0.30), (75, 84, 0.45), (85, 97, 0.25)], 0.70),
}


class SupportDemo:
    """The part of `DemoBuilder` that makes the persons and their contacts."""

    def _working_day(self, first: dt.date, last: dt.date) -> dt.date:
        span = (last - first).days
        while True:
            day = first + dt.timedelta(days=self.rng.randint(0, max(span, 0)))
            if day.isoweekday() <= 5 or span < 3:
                return day

    def _new_person(self, plan: ServicePlan, year: int, serial: list[int]) -> Person:
        rng = self.rng
        low, high, _ = rng.choices(plan.ages, weights=[a[2] for a in plan.ages])[0]
        gender = "kvinna" if rng.random() < plan.women else ("man" if rng.random() < 0.98 else "annat")
        first = rng.choice(FIRST_NAMES_WOMEN if gender == "kvinna" else FIRST_NAMES_MEN)
        serial[0] += 1
        person = Person(
            unit_id=self.ctx.unit_id,
            reference=f"P{serial[0]:05d}",
            name=f"{first} {rng.choice(SURNAMES)}" if rng.random() < 0.7 else None,
            birth_year=year - rng.randint(low, high),
            gender=gender,
            housing=rng.choices(["ordinart", "servicehus", "okant"], weights=[0.85, 0.1, 0.05])[0],
        )
        self.s.add(person)
        return person

    def support(self, years: list[int]) -> tuple[int, int]:
        services = {s.key: s for s in self.s.scalars(select(Service))}
        staff_by_service: dict[str, list[int]] = {}
        for staff in self.s.scalars(select(Staff).where(Staff.unit_id == self.ctx.unit_id)):
            for svc in staff.services:
                staff_by_service.setdefault(svc.key, []).append(staff.id)
        serial = [0]
        persons_made = contacts_made = 0
        for key, plan in PLANS.items():
            service = services[key]
            previous: list[Person] = []
            for index, year in enumerate(years):
                first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), self.ctx.today)
                if last < first:
                    continue
                share = ((last - first).days + 1) / 365
                wanted = plan.persons if index == len(years) - 1 else plan.persons_year_before
                wanted = max(1, round(wanted * min(1.0, 0.25 + 0.75 * share)))
                kept = min(len(previous), round(wanted * (1 - plan.new_share)))
                returning = [] if not previous else self.rng.sample(previous, kept)
                fresh = [self._new_person(plan, year, serial) for _ in range(wanted - len(returning))]
                persons_made += len(fresh)
                self.s.flush()
                people = returning + fresh
                n_contacts = max(len(people), round(len(people) * plan.contacts_per_person))
                extra = n_contacts - len(people)
                for person in people:
                    visits = 1
                    while extra > 0 and self.rng.random() < 0.5:
                        visits += 1
                        extra -= 1
                    for _ in range(visits):
                        self._contact(service, person, first, last, plan, staff_by_service.get(key, []))
                        contacts_made += 1
                while extra > 0:
                    self._contact(service, self.rng.choice(people), first, last, plan, staff_by_service.get(key, []))
                    contacts_made += 1
                    extra -= 1
                previous = people
        self.s.flush()
        return persons_made, contacts_made

    def _contact(self, service: Service, person: Person, first: dt.date, last: dt.date,
                 plan: ServicePlan, staff_ids: list[int]) -> None:
        rng = self.rng
        kind = rng.choices(list(plan.kinds), weights=list(plan.kinds.values()))[0]
        contact = Contact(
            unit_id=self.ctx.unit_id,
            service_id=service.id,
            person_id=person.id,
            contact_date=self._working_day(first, last),
            kind=kind,
            staff_id=rng.choice(staff_ids) if staff_ids else None,
            minutes=rng.choice([15, 30, 45, 60, 60, 90, 120]) if kind != "telefon" else rng.choice([10, 15, 20, 30]),
        )
        contact.tasks = rng.sample(service.tasks, k=min(len(service.tasks), rng.choice([1, 1, 2, 2, 3])))
        self.s.add(contact)
