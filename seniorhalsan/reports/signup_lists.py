"""The printed sign-up lists: the leader's participant list (a box to tick who came) and the
coordinator's call list (a box for each call), the waiting list after the places, large and
plain like the folder."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..db.session import Ctx, Database
from ..errors import UserError
from ..formatting import date_long, number
from ..roles import requires
from ..services import lookups
from ..services.signup_people import ParticipantInfo, participants
from ..services.signups import OccasionInfo, get_occasion
from ..vocabulary import WEEKDAYS
from .base import RULE, Built, Report
from .output import check_target

KINDS = {"deltagare": "Deltagarlista", "ringlista": "Ringlista"}


@dataclass(frozen=True)
class SignupListData:
    kind: str  # deltagare (the leader's, to tick who came) or ringlista (the coordinator's, to call)
    unit_name: str
    occasion: OccasionInfo
    day: dt.date | None  # the meeting a participant list is for
    people: tuple[ParticipantInfo, ...]
    made_on: dt.date

    @property
    def title(self) -> str:
        return f"{KINDS[self.kind]}: {self.occasion.activity_name}"


@requires("signup_lists")
def collect_list(ctx: Ctx, list_id: int, kind: str, day: dt.date | None = None) -> SignupListData:
    """What a printed list shows; reading it is a view of the list, and logged as one."""
    if kind not in KINDS:
        raise UserError(f"Lista: '{kind}' känns inte igen; välj deltagare eller ringlista.")
    found = get_occasion(ctx, list_id)
    if found.cleared:
        raise UserError("Listan är gallrad: namnen och telefonnumren finns inte längre.")
    if day is not None and day not in found.meeting_days():
        raise UserError(f"Datum: {found.activity_name} träffas inte {day.isoformat()}.")
    if day is None and found.on_date is not None:
        day = found.on_date
    people = participants(ctx, list_id, why=f"utskrift ({KINDS[kind].lower()})")
    return SignupListData(kind, lookups.unit(ctx).name, found, day if kind == "deltagare" else None,
                          tuple(people), ctx.today)


class TickBox(Flowable):
    """An empty square to tick by hand."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(1.2)
        self.canv.rect(0, 0, self.size, self.size)


class SignupListReport(Report):
    pagesize = A4
    margin = 16 * mm
    base_size = 14
    cover_has_footer = True

    def __init__(self, data: SignupListData) -> None:
        self.data = data
        self.title = f"{data.title} – {data.unit_name}"
        self.author = data.unit_name
        super().__init__()

    def footer_text(self) -> str:
        return f"{KINDS[self.data.kind]}, utskriven {self.data.made_on.isoformat()}"

    def story(self) -> list[Flowable]:
        d, o = self.data, self.data.occasion
        out: list[Flowable] = [self.p(KINDS[d.kind], "h2"), self.p(o.activity_name, "h1")]
        when = o.when
        if d.day is not None and o.is_series:
            when = f"Träffen {WEEKDAYS[d.day.isoweekday() - 1]} {date_long(d.day)}"
            if o.starts_at:
                when += f" kl. {o.starts_at.strftime('%H:%M')}"
        facts = [when[:1].upper() + when[1:], f"Plats: {o.place_name}"]
        if o.leader_name:
            facts.append(f"Ledare: {o.leader_name}")
        facts.append(f"Platser: {number(o.places)}, med plats: {number(o.taken)}, på reservlistan: "
                     f"{number(o.waiting)}")
        out += [self.p(line, "lead") for line in facts]
        out.append(self.p("Listan har personuppgifter: låt ingen obehörig se den, och förstör den när den inte "
                          "behövs längre.", "note"))
        holders = [p for p in d.people if p.has_place]
        waiting = [p for p in d.people if not p.has_place]
        box = "Kom" if d.kind == "deltagare" else "Ringt"
        out.append(Spacer(1, 2 * mm))
        out += self.people_table(holders, box) if holders else [self.p("Ingen har anmält sig ännu.", "body")]
        if waiting:  # the heading stays with the table's first rows (keepWithNext)
            out += [self.p("Reservlista, i tur och ordning", "h2"), *self.people_table(waiting, box)]
        return out

    def people_table(self, people: list[ParticipantInfo], box: str) -> list[Flowable]:
        """Nr, name, phone, note and a box; the header repeats on a new page, a row never splits."""
        widths = [12 * mm, 62 * mm, 42 * mm, 46 * mm, 16 * mm]
        rows: list[list] = [["Nr", "Namn", "Telefon", "Anteckning", box]]
        rows += [[str(p.number), p.name or "", p.phone or "", p.note or "", TickBox(self.base_size * 1.1)]
                 for p in people]
        return [self.table(rows, widths, numeric=[0])]


def render_list(data: SignupListData) -> Built:
    return SignupListReport(data).build()


def write_signup_list(db: Database, list_id: int, kind: str, path: str | os.PathLike,
                      day: dt.date | None = None):
    """A printed list as a PDF file, complete or not at all."""
    from .api import _write

    check_target(path)
    data = db.read(collect_list, list_id, kind, day)
    return _write(path, render_list(data), data.title)
