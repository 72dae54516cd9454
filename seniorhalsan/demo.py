"""A realistic, fictional year of the unit's work, for trying the program and the reports.

Fills the year before and the chosen year (up to today when it is the current year):
the catalogue, three terms a year with their schedules, sessions with counts at the
scale of the unit's year report (about 28 000 visits), the support services' persons,
contacts, groups and trainings, and some "Tyck till" items. Every name is invented.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import func, select

from .db.models import (
    Activity,
    ActivitySession,
    Contact,
    Person,
    Place,
    ScheduleEntry,
    Service,
    Staff,
    Term,
    Unit,
)
from .db.session import Ctx
from .demo_catalogue import (
    ACTIVITIES,
    CONTACT,
    FEEDBACK,
    FIRST_NAMES_MEN,
    FIRST_NAMES_WOMEN,
    HAGERNAS_TRIPS,
    MONTHLY,
    STAFF,
    SUMMER_TRIPS,
    SUMMER_WEEKLY,
    SIGNUP,
    SURNAMES,
    WEEKLY,
    YEARLY,
)
from .demo_goals import follow_up
from .demo_signups import DemoSignups
from .errors import UserError
from .periods import add_months
from .services import activities as activity_service
from .services import feedback as feedback_service
from .services import groups as group_service
from .services import staff as staff_service
from .services import texts as text_service
from .services.lookups import kind_by_key
from .roles import requires


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
    "it_stod": ServicePlan(270, 260, 0.60, 3.1, {"motesplats": 0.6, "telefon": 0.22, "hembesok": 0.12, "digitalt": 0.06},
                           [(68, 74, 0.30), (75, 84, 0.50), (85, 96, 0.20)], 0.77),
    "fixartjanst": ServicePlan(235, 230, 0.40, 1.75, {"hembesok": 1.0},
                               [(68, 74, 0.22), (75, 84, 0.45), (85, 98, 0.33)], 0.82),
    "syn_horsel": ServicePlan(416, 380, 0.65, 2.15, {"hembesok": 0.86, "oppen_mottagning": 0.08, "telefon": 0.06},
                              [(40, 64, 0.01), (65, 74, 0.04), (75, 84, 0.10), (85, 101, 0.85)], 0.77),
    "anhorigstod": ServicePlan(201, 147, 0.82, 2.6, {"telefon": 0.45, "motesplats": 0.35, "hembesok": 0.15, "digitalt": 0.05},
                               [(30, 64, 0.22), (65, 74, 0.30), (75, 84, 0.33), (85, 95, 0.15)], 0.77),
    "aldrestod": ServicePlan(45, 44, 0.85, 2.2, {"telefon": 0.4, "hembesok": 0.4, "motesplats": 0.2},
                             [(65, 74, 0.30), (75, 84, 0.45), (85, 97, 0.25)], 0.70),
}


@dataclass(frozen=True)
class DemoSummary:
    years: tuple[int, ...]
    sessions: int
    visits: int
    persons: int
    contacts: int
    feedback: int


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def easter(year: int) -> dt.date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def holidays(year: int) -> set[dt.date]:
    """Days the meeting places are closed: public holidays and the eves around them."""
    e = easter(year)
    fixed = {(1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)}
    days = {dt.date(year, m, d) for m, d in fixed}
    days |= {e - dt.timedelta(days=2), e + dt.timedelta(days=1), e + dt.timedelta(days=39)}
    midsummer_eve = next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).isoweekday() == 5)
    days.add(midsummer_eve)
    return days


def _nth_weekday(year: int, month: int, nth: int, weekday: int) -> dt.date:
    day = dt.date(year, month, 1)
    while day.isoweekday() != weekday:
        day += dt.timedelta(days=1)
    return day + dt.timedelta(weeks=nth - 1)


def term_dates(year: int) -> dict[str, tuple[dt.date, dt.date]]:
    first_monday = _nth_weekday(year, 1, 2, 1)
    return {
        "vt": (first_monday, _nth_weekday(year, 6, 1, 5)),
        "sommar": (dt.date(year, 6, 15), dt.date(year, 8, 14)),
        "ht": (_nth_weekday(year, 8, 4, 1), _nth_weekday(year, 12, 2, 5)),
    }


class DemoBuilder:
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

    # --- catalogue and schedule --------------------------------------------------------
    def catalogue(self) -> None:
        for name, title, kind, services in STAFF:
            self.staff[name] = staff_service.create_staff(self.ctx, name=name, title=title, kind=kind, services=services).id
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
                    day = _nth_weekday(year, month, nth, weekday)
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

    # --- support services --------------------------------------------------------------
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
                returning = [] if not previous else self.rng.sample(previous, min(len(previous), round(wanted * (1 - plan.new_share))))
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

    # --- groups, trainings, feedback -----------------------------------------------------
    def groups_and_trainings(self, year: int) -> None:
        ctx, rng = self.ctx, self.rng
        first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), ctx.today)

        def meeting(service, day, kind, title, participants, staff=None, place="Axelsberg"):
            if first <= day <= last:
                group_service.add_group_meeting(
                    ctx, service=service, held_on=day, kind=kind, title=title, participants=participants,
                    staff_id=self.staff.get(staff), place_id=self.places[place].id,
                )

        carers = ["Partner till person med demenssjukdom", "Vuxna barn till förälder med kognitiv sjukdom",
                  "Anhöriga till närstående på boende", "Lewy Body, länsövergripande"]
        for g in range(11):
            start = dt.date(year, 2 if g < 6 else 9, 3 + g)
            for n in range(6):
                meeting("anhorigstod", start + dt.timedelta(weeks=2 * n), "anhoriggrupp",
                        f"Anhöriggrupp {g + 1}: {carers[g % len(carers)]}", rng.randint(5, 9), "Camilla Öst")
        for month in (2, 3, 4, 5, 9, 10, 11, 12):
            meeting("syn_horsel", _nth_weekday(year, month, 2, 2), "grupp", "Syn- och hörselgrupp", rng.randint(6, 11), "Annika Sjöberg")
        for n in range(27):
            day = _nth_weekday(year, 1, 3, 3) + dt.timedelta(weeks=n + (6 if n >= 19 else 0) + (4 if n >= 22 else 0))
            meeting("syn_horsel", day, "oppen_mottagning", "Öppen mottagning hörselhjälpmedel", rng.randint(3, 8), "Helena Rydh")
        meeting("syn_horsel", dt.date(year, 10, 9), "evenemang", "Ögats dag", 58, "Annika Sjöberg")
        meeting("syn_horsel", dt.date(year, 6, 12), "utflykt", "Sommarutflykt för syn- och hörselgruppen", 14, "Helena Rydh")
        for week in range(28):
            day = _nth_weekday(year, 1, 3, 4) + dt.timedelta(weeks=week + (12 if week >= 18 else 0))
            meeting("it_stod", day, "grupp", "IT-grupp", rng.randint(5, 10), "Oskar Lindkvist", "Fruängsgården")
        for n in range(24):
            day = dt.date(year, 6, 16) + dt.timedelta(days=n * 2 + (n // 5) * 2)
            meeting("it_stod", day, "kurs", "Sommarkurs i IT med feriearbetande ungdomar",
                    6 if n % 6 else 8, "Oskar Lindkvist")
        for day in (dt.date(year, 3, 18), dt.date(year, 10, 21)):
            meeting("it_stod", day, "forelasning", "Föreläsning: trygg på nätet", rng.randint(25, 40), "Oskar Lindkvist")
        meeting("anhorigstod", dt.date(year, 10, 6), "evenemang", "Anhörigdagen", 42, "Nadia Rahimi")
        meeting("anhorigstod", dt.date(year, 6, 19), "utflykt", "Sommarutflykt för anhöriga", 18, "Nadia Rahimi")
        meeting("aldrestod", dt.date(year, 4, 15), "informationstraff", "Information om äldreomsorgens stöd", 22,
                "Camilla Öst")

        def training(day, audience, topic, participants, service, staff, minutes=120):
            if first <= day <= last:
                group_service.add_training(ctx, held_on=day, audience=audience, topic=topic, participants=participants,
                                           service=service, staff_id=self.staff.get(staff), minutes=minutes)

        counts = [9, 11, 8, 12, 10, 9, 10, 11, 8, 10, 11, 10]
        for n, participants in enumerate(counts):
            training(_nth_weekday(year, 1 + n, 3, 2), "Omsorgspersonal i hemtjänsten", "Hörselnedsättning och hörhjälpmedel",
                     participants, "syn_horsel", "Annika Sjöberg" if n % 2 else "Helena Rydh")
        training(dt.date(year, 5, 20), "Anhörigombud, chefer och administratörer", "Workshop om anhörigstöd och anhörigsamverkan",
                 54, "anhorigstod", "Camilla Öst", 420)
        for month in (3, 9, 11):
            training(dt.date(year, month, 12), "Vikarier inom äldreomsorgen", "Introduktion till anhörigstöd",
                     rng.randint(7, 12), "anhorigstod", "Nadia Rahimi", 90)
        training(dt.date(year, 2, 26), "Medborgarkontorets personal", "IT-teknik och digitalisering", 14, "it_stod", "Oskar Lindkvist")

    def feedback(self, year: int) -> int:
        ctx, rng = self.ctx, self.rng
        first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), ctx.today)
        places = [p for p in self.places.values() if p.kind in ("motesplats", "aktivitetscenter", "gym")]
        items = FEEDBACK + rng.sample(FEEDBACK, 10)
        made = 0
        for index, (kind, sender, about, text, has_contact, acted) in enumerate(items):
            day = first + dt.timedelta(days=int(((last - first).days) * (index + rng.random()) / len(items)))
            name = f"{rng.choice(FIRST_NAMES_WOMEN)} {rng.choice(SURNAMES)}"
            item = feedback_service.register_feedback(
                ctx, received_on=day, type=kind, from_key=sender, about_key=about, text=text,
                channel=rng.choice(["blankett", "blankett", "blankett", "muntligt", "telefon", "epost"]),
                place_id=rng.choice(places).id,
                contact=f"{name}, {rng.choice(SURNAMES)}vägen {rng.randint(1, 60)}" if has_contact else None,
            )
            answer_day = day + dt.timedelta(days=rng.randint(3, 25))
            if has_contact and answer_day <= last - dt.timedelta(days=10):
                feedback_service.record_answer(ctx, item.id, answered_on=answer_day,
                                               answer_text="Tack för att du hörde av dig. Vi har tagit upp det på vårt kvalitetsmöte.")
            if acted and answer_day <= last:
                feedback_service.record_action(ctx, item.id, action_on=min(last, add_months(day, 1)),
                                               action_text="Ändrat i schemat och informerat deltagarna.")
            made += 1
        return made


@requires("accounts")
def generate(ctx: Ctx, *, year: int | None = None, seed: int = 65) -> DemoSummary:
    """Fill an empty database with the year before `year` and `year` (default: this year).

    The support services also get the year before that, so that new and returning
    persons and the change against the year before look as they do in a real year.
    """
    year = year or ctx.today.year
    if year > ctx.today.year:
        raise UserError(f"År: {year} har inte börjat ännu; välj {ctx.today.year} eller ett tidigare år.")
    if year < 2000:
        raise UserError(f"År: välj ett år från 2000 och framåt, inte {year}.")
    existing = ctx.session.scalar(select(func.count()).select_from(Activity).where(Activity.unit_id == ctx.unit_id))
    existing += ctx.session.scalar(select(func.count()).select_from(Person).where(Person.unit_id == ctx.unit_id))
    if existing:
        raise UserError("Databasen innehåller redan aktiviteter eller personer. Demodata fylls bara i en tom databas; "
                        "välj en ny fil med --db.")
    kind_by_key(ctx, "fysisk")  # reference data is installed
    ctx.session.get(Unit, ctx.unit_id).demo = True  # the window marks it as invented on every page
    builder = DemoBuilder(ctx, year, seed)
    builder.catalogue()
    years = [year - 1, year]
    sessions = visits = feedback = 0
    for y in years:
        terms = builder.terms(y)
        n, v = builder.sessions(y, terms)
        sessions += n
        visits += v
        lists = DemoSignups(ctx, seed, holidays(y))
        for term in terms:
            lists.term(term)
        visits += lists.visits
        lists.clear()
        builder.groups_and_trainings(y)
        feedback += builder.feedback(y)
    persons, contacts = builder.support([year - 2, *years])
    visits += follow_up(ctx, year, seed)  # the plan's follow-up: goals, analyses, an activity that dwindled
    return DemoSummary(tuple(years), sessions, visits, persons, contacts, feedback)
