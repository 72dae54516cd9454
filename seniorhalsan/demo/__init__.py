"""A realistic, fictional year of the unit's work, for trying the program and the reports.

Fills the year before and the chosen year (up to today when it is the current year):
the catalogue, three terms a year with their schedules, sessions with counts at the
scale of the unit's year report (about 28 000 visits), the support services' persons,
contacts, groups and trainings, some "Tyck till" items, the volunteer and partner
registers, the outreach log and how new persons found each service. Every name is invented.

Each part draws from its own random numbers, so that a part added later leaves the figures
of the others as they were.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import func, select

from ..db.models import Activity, Person, Unit
from ..db.session import Ctx
from ..errors import UserError
from ..roles import requires
from ..services.lookups import kind_by_key
from . import registers
from .builder import DemoBuilder
from .dates import easter, holidays, term_dates
from .goals import follow_up
from .outreach import outreach_year
from .routes import routes
from .signups import DemoSignups
from .support import PLANS, ServicePlan

__all__ = ["PLANS", "DemoBuilder", "DemoSummary", "ServicePlan", "easter", "generate", "holidays", "term_dates"]


@dataclass(frozen=True)
class DemoSummary:
    years: tuple[int, ...]
    sessions: int
    visits: int
    persons: int
    contacts: int
    feedback: int


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
    # The registers, the outreach and the routes in draw numbers of their own: the figures above stay
    # exactly as they were before these parts were added.
    registers.volunteers(ctx, year, builder.staff, {name: place.id for name, place in builder.places.items()})
    registers.summer_leader(ctx, builder.staff)
    partners = registers.partners(ctx)
    told = random.Random(seed + 1)
    for y in years:
        outreach_year(ctx, y, told, builder.staff, partners)
    routes(ctx, year - 2, random.Random(seed + 2))
    visits += follow_up(ctx, year, seed + 3)  # the plan's follow-up: goals set against the figures above
    return DemoSummary(tuple(years), sessions, visits, persons, contacts, feedback)
