"""Seeded benchmark databases: one unit-year, one unit over ten years, the city's 13 units.

Each database is built once and kept under `out/bench/` (named with the generator's
version, so a changed generator builds afresh). The catalogue, schedules, sessions,
groups, trainings and feedback come from the demo's own builder, one unit and year at
a time; persons and contacts, the bulk of the rows, are written here in bulk. Years
are written unit after unit inside each year, so the units' rows lie interleaved in
the file as they would after years of use.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from seniorhalsan import reference
from seniorhalsan.database import open_database
from seniorhalsan.db.models import (
    Activity,
    ActivitySession,
    Contact,
    Person,
    Place,
    Service,
    Staff,
    Unit,
    contact_tasks,
)
from seniorhalsan.db.session import Ctx
from seniorhalsan.demo import PLANS, DemoBuilder
from seniorhalsan.demo.catalogue import FIRST_NAMES_MEN, FIRST_NAMES_WOMEN, SURNAMES
from seniorhalsan.paths import sqlite_url

VERSION = 1
SEED = 2026
LAST_YEAR = 2025
TODAY = dt.date(2026, 1, 15)  # every generated year is over, whenever the suite runs
OUT = Path(__file__).resolve().parent.parent / "out" / "bench"

# Stockholm's 13 district committees; the first is the unit whose year is measured.
DISTRICTS = [
    ("hagersten-alvsjo", "Hägersten-Älvsjö"),
    ("bromma", "Bromma"),
    ("enskede-arsta-vantor", "Enskede-Årsta-Vantör"),
    ("farsta", "Farsta"),
    ("hasselby-vallingby", "Hässelby-Vällingby"),
    ("kungsholmen", "Kungsholmen"),
    ("norrmalm", "Norrmalm"),
    ("rinkeby-kista", "Rinkeby-Kista"),
    ("skarpnack", "Skarpnäck"),
    ("skarholmen", "Skärholmen"),
    ("spanga-tensta", "Spånga-Tensta"),
    ("sodermalm", "Södermalm"),
    ("ostermalm", "Östermalm"),
]
MEASURED_UNIT = DISTRICTS[0][0]

HISTORY_PLACE = "Axelsberg"
HISTORY_SESSIONS = 100_000


@dataclass(frozen=True)
class Scale:
    key: str
    units: int
    years: int
    label: str

    @property
    def year_range(self) -> range:
        return range(LAST_YEAR - self.years + 1, LAST_YEAR + 1)


SCALES = {
    "unit": Scale("unit", 1, 1, "en enhet, ett år"),
    "decade": Scale("decade", 1, 10, "en enhet, tio år"),
    "city": Scale("city", 13, 10, "13 enheter, tio år var"),
}


def path_of(name: str) -> Path:
    return OUT / f"{name}-v{VERSION}.sqlite3"


def database(scale: str, *, log=print) -> Path:
    """The database file of a scale, built first if it is not cached yet."""
    target = path_of(scale)
    if not target.exists():
        log(f"Bygger testdatabasen '{scale}' ({SCALES[scale].label}) i {target} …")
        _build(target, lambda session: _fill(session, SCALES[scale]))
    return target


def history_database(*, log=print) -> Path:
    """One unit whose activity centre has 100 000 recorded sessions."""
    target = path_of("history")
    if not target.exists():
        log(f"Bygger testdatabasen 'history' ({HISTORY_SESSIONS:,} tillfällen på en plats) i {target} …")
        _build(target, _fill_history)
    return target


def _build(target: Path, fill) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    db = open_database(sqlite_url(partial), unit_key=MEASURED_UNIT, daily_backup=False)
    try:
        with Session(db.engine) as session:
            fill(session)
            session.commit()
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()
    partial.replace(target)
    Path(f"{partial}-wal").unlink(missing_ok=True)
    Path(f"{partial}-shm").unlink(missing_ok=True)


def _units(session: Session, count: int) -> list[int]:
    ids = []
    for key, district in DISTRICTS[:count]:
        unit_id = reference.install(session, unit_key=key)
        session.execute(
            update(Unit).where(Unit.id == unit_id).values(
                name=f"Seniorhälsan {district}", district=f"{district} stadsdelsförvaltning"
            )
        )
        ids.append(unit_id)
    return ids


def _fill(session: Session, scale: Scale) -> None:
    builders = []
    for index, unit_id in enumerate(_units(session, scale.units)):
        ctx = Ctx(session=session, unit_id=unit_id, today=TODAY)
        builder = UnitBuilder(ctx, LAST_YEAR, SEED + index)
        builder.catalogue()
        builders.append(builder)
    session.commit()
    for year in scale.year_range:
        for builder in builders:
            builder.work_year(year)
        session.commit()


class UnitBuilder(DemoBuilder):
    """The demo's builder, one year at a time, with persons and contacts written in bulk."""

    def __init__(self, ctx: Ctx, year: int, seed: int) -> None:
        super().__init__(ctx, year, seed)
        self.returning: dict[str, list[int]] = {}
        self.serial = 0

    def work_year(self, year: int) -> None:
        self.sessions(year, self.terms(year))
        self.groups_and_trainings(year)
        self.feedback(year)
        self.support_year(year)

    def support_year(self, year: int) -> None:
        s, rng = self.s, self.rng
        services = {svc.key: svc for svc in s.scalars(select(Service))}
        staff_by_service: dict[str, list[int]] = {}
        for staff in s.scalars(select(Staff).where(Staff.unit_id == self.ctx.unit_id)):
            for svc in staff.services:
                staff_by_service.setdefault(svc.key, []).append(staff.id)
        person_id = (s.scalar(select(func.max(Person.id))) or 0) + 1
        contact_id = (s.scalar(select(func.max(Contact.id))) or 0) + 1
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        persons, contacts, tasks = [], [], []
        trend = 1 + 0.03 * (year - LAST_YEAR)  # the services grow a little every year
        for key, plan in PLANS.items():
            service = services[key]
            task_ids = [t.id for t in service.tasks]
            staff_ids = staff_by_service.get(key, [])
            wanted = max(1, round(plan.persons * trend))
            previous = self.returning.get(key, [])
            people = rng.sample(previous, min(len(previous), round(wanted * (1 - plan.new_share))))
            while len(people) < wanted:
                low, high, _share = rng.choices(plan.ages, weights=[a[2] for a in plan.ages])[0]
                gender = "kvinna" if rng.random() < plan.women else ("man" if rng.random() < 0.98 else "annat")
                self.serial += 1
                persons.append({
                    "id": person_id,
                    "unit_id": self.ctx.unit_id,
                    "reference": f"P{self.serial:06d}",
                    "name": (f"{rng.choice(FIRST_NAMES_WOMEN if gender == 'kvinna' else FIRST_NAMES_MEN)} "
                             f"{rng.choice(SURNAMES)}") if rng.random() < 0.7 else None,
                    "birth_year": year - rng.randint(low, high),
                    "gender": gender,
                    "housing": rng.choices(["ordinart", "servicehus", "okant"], weights=[0.85, 0.1, 0.05])[0],
                })
                people.append(person_id)
                person_id += 1
            extra = max(0, round(len(people) * plan.contacts_per_person) - len(people))
            visits = []
            for person in people:
                n = 1
                while extra > 0 and rng.random() < 0.5:
                    n += 1
                    extra -= 1
                visits += [person] * n
            visits += [rng.choice(people) for _ in range(extra)]
            for person in visits:
                kind = rng.choices(list(plan.kinds), weights=list(plan.kinds.values()))[0]
                contacts.append({
                    "id": contact_id,
                    "unit_id": self.ctx.unit_id,
                    "service_id": service.id,
                    "person_id": person,
                    "contact_date": self._working_day(first, last),
                    "kind": kind,
                    "staff_id": rng.choice(staff_ids) if staff_ids else None,
                    "minutes": rng.choice([15, 30, 45, 60, 60, 90, 120]) if kind != "telefon"
                    else rng.choice([10, 15, 20, 30]),
                })
                for task in rng.sample(task_ids, k=min(len(task_ids), rng.choice([1, 1, 2, 2, 3]))):
                    tasks.append({"contact_id": contact_id, "task_id": task})
                contact_id += 1
            self.returning[key] = people
        s.execute(Person.__table__.insert(), persons)
        s.execute(Contact.__table__.insert(), contacts)
        if tasks:
            s.execute(contact_tasks.insert(), tasks)


def _fill_history(session: Session) -> None:
    unit_id = _units(session, 1)[0]
    ctx = Ctx(session=session, unit_id=unit_id, today=TODAY)
    builder = UnitBuilder(ctx, LAST_YEAR, SEED)
    builder.catalogue()
    place_id = session.scalar(select(Place.id).where(Place.unit_id == unit_id, Place.name == HISTORY_PLACE))
    activities = list(session.scalars(select(Activity.id).where(Activity.unit_id == unit_id).order_by(Activity.id)))
    rng = random.Random(SEED)
    day = dt.date(LAST_YEAR - 9, 1, 1)
    rows: list[dict] = []
    # about 38 sessions each weekday for ten years: a stress test, not a real centre
    while len(rows) < HISTORY_SESSIONS:
        if day.isoweekday() <= 5:
            for slot in range(38):
                if len(rows) == HISTORY_SESSIONS:
                    break
                total = rng.randint(2, 40)
                women = sum(1 for _ in range(total) if rng.random() < 0.8)
                start = dt.time(8 + slot * 15 // 60, slot * 15 % 60)
                rows.append({
                    "unit_id": unit_id, "activity_id": activities[(slot * 7 + day.toordinal()) % len(activities)],
                    "place_id": place_id, "held_on": day, "starts_at": start, "ends_at": None,
                    "cancelled": False, "women": women, "men": total - women, "other": 0, "total": total,
                    "new_visitors": rng.randint(0, 2),
                })
        day += dt.timedelta(days=1)
    session.execute(ActivitySession.__table__.insert(), rows)


def history_place_id(session: Session) -> int:
    return session.scalar(select(Place.id).where(Place.name == HISTORY_PLACE).order_by(Place.id))


# --- the same data on a PostgreSQL server (SENIORHALSAN_BENCH_PG) ---------------------------


def _url_on(server: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(server).set(database=name).render_as_string(hide_password=False)


def pg_database(scale: str, server: str, *, log=print) -> str:
    """The URL of a scale's database copied to a PostgreSQL server (copied the first time)."""
    from sqlalchemy import create_engine, text

    name = f"seniorhalsan_bench_{scale}_v{VERSION}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
                partial = f"{name}_part"
                conn.execute(text(f'DROP DATABASE IF EXISTS "{partial}"'))
                conn.execute(text(f'CREATE DATABASE "{partial}"'))
                log(f"Kopierar testdatabasen '{scale}' till PostgreSQL ({name}) …")
                _copy_to(database(scale, log=log), _url_on(server, partial))
                conn.execute(text(f'ALTER DATABASE "{partial}" RENAME TO "{name}"'))
    finally:
        admin.dispose()
    return _url_on(server, name)


def _copy_to(source: Path, url: str) -> None:
    """Every table of a SQLite file into an empty database at `url`, ids and all."""
    from sqlalchemy import text

    from seniorhalsan.db import migrate
    from seniorhalsan.db.engine import make_engine
    from seniorhalsan.db.models import Base

    target = make_engine(url)
    migrate.upgrade(target)
    origin = make_engine(sqlite_url(source))
    try:
        with origin.connect() as src, target.begin() as dst:
            for table in Base.metadata.sorted_tables:
                result = src.execute(select(table)).mappings()
                while chunk := result.fetchmany(20_000):
                    dst.execute(table.insert(), [dict(row) for row in chunk])
                if "id" in table.c:
                    dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                     f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 1))"))
    finally:
        origin.dispose()
        target.dispose()
