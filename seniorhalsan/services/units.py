"""The unit itself: its name, and how far a new unit has come in setting itself up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select

from ..db.models import Activity, ActivitySession, Place, ScheduleEntry, Staff, Term, UnitText
from ..db.session import Ctx
from ..roles import requires
from .checks import Checker
from .lookups import UnitInfo, current_unit
from .lookups import unit as unit_info
from .texts import CONTACT_EMAIL, CONTACT_PHONE

REQUIRED_CONTACT = (CONTACT_PHONE, CONTACT_EMAIL)  # as the folder requires them (reports/folder_data.py)


@requires("catalogue")
def update_unit(ctx: Ctx, *, name: str, district: str | None = None) -> UnitInfo:
    """The unit's name (printed on the folder and the reports) and its district."""
    check = Checker()
    name = check.text("name", name, required=True, max_length=120)
    district = check.text("district", district, max_length=120)
    check.done()
    unit = current_unit(ctx)
    unit.name = name
    unit.district = district
    ctx.session.flush()
    return unit_info(ctx)


@dataclass(frozen=True)
class SetupProgress:
    """What a new unit has done of the steps before its first day's counts ("Kom igång")."""

    contact_written: bool  # the unit's phone and e-mail: what the folder cannot be printed without
    places: int  # in use
    places_with_address: int
    staff: int  # active
    activities: int  # active
    term: str | None  # the code of the current or next term that has a schedule (ht2026)
    term_entries: int
    counted: bool = False  # a session has been counted: the unit is under way, not new

    @property
    def offered(self) -> bool:
        """Whether the list is worth showing: a new unit that has steps left. A unit that has
        counted its sessions is set up, even between two terms or with a place's address missing."""
        return not self.counted and not self.complete

    @property
    def steps(self) -> dict[str, bool]:
        """Each step of the checklist, in order, and whether it is done."""
        return {
            "unit": self.contact_written,
            "places": self.places_with_address > 0,
            "staff": self.staff > 0,
            "activities": self.activities > 0,
            "schedule": self.term_entries > 0,
        }

    @property
    def complete(self) -> bool:
        return all(self.steps.values())


def _count(ctx: Ctx, model: Any, *conditions: ColumnElement[bool]) -> int:
    """How many of the unit's rows of `model` (a model with a `unit_id`) meet `conditions`."""
    query = select(func.count()).select_from(model).where(model.unit_id == ctx.unit_id, *conditions)
    return ctx.session.scalar(query) or 0


@requires("read")
def setup_progress(ctx: Ctx) -> SetupProgress:
    """Read from what is recorded, so that the checklist ticks itself whichever way a step was
    done (in the window, by an import, from the command line)."""
    today = ctx.today
    written = {key for key, body in ctx.session.execute(
        select(UnitText.key, UnitText.body).where(UnitText.unit_id == ctx.unit_id,
                                                 UnitText.key.in_(REQUIRED_CONTACT))) if (body or "").strip()}
    in_use = ((Place.opened_on.is_(None)) | (Place.opened_on <= today),
              (Place.closed_on.is_(None)) | (Place.closed_on >= today))
    places = _count(ctx, Place, *in_use)
    with_address = _count(ctx, Place, *in_use, func.coalesce(func.trim(Place.address), "") != "")
    staff = _count(ctx, Staff, Staff.active.is_(True))
    activities = _count(ctx, Activity, Activity.active.is_(True))
    planned = ctx.session.execute(
        select(Term.kind, Term.year, func.count(ScheduleEntry.id))
        .join(ScheduleEntry, ScheduleEntry.term_id == Term.id)
        .where(Term.unit_id == ctx.unit_id, Term.ends_on >= today)
        .group_by(Term.id, Term.kind, Term.year, Term.starts_on)
        .order_by(Term.starts_on)
        .limit(1)
    ).first()
    return SetupProgress(
        contact_written=written == set(REQUIRED_CONTACT),
        places=places,
        places_with_address=with_address,
        staff=staff,
        activities=activities,
        term=f"{planned[0]}{planned[1]}" if planned else None,
        term_entries=planned[2] if planned else 0,
        counted=ctx.session.scalar(
            select(ActivitySession.id).where(ActivitySession.unit_id == ctx.unit_id).limit(1)) is not None,
    )
