"""Each staff member's own figures for a year, as a PDF ("egna uppföljningsrapporter"): one section
per staff member, each on its own page. The figures come from `stats/staff.py`; this module gathers
them with what the page says around them and lays them out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer

from ..db.session import Ctx
from ..formatting import UNRECORDED, date_long, number
from ..roles import requires
from ..services import lookups
from ..stats.spans import period
from ..stats.staff import StaffFigures, staff_figures
from ..vocabulary import GROUP_KINDS
from .base import Built, Report


@dataclass(frozen=True)
class StaffReportData:
    unit_name: str
    year: int
    first: dt.date
    last: dt.date
    made_on: dt.date
    services: dict[str, str]  # each service's name by its key
    people: tuple[StaffFigures, ...]

    @property
    def title(self) -> str:
        if len(self.people) == 1:
            return f"{self.people[0].name}: egna siffror {self.year}"
        return f"Medarbetarnas egna siffror {self.year}"


@requires("statistics")
def collect_staff(ctx: Ctx, year: int, *, name: str | None = None) -> StaffReportData:
    """The figures of one staff member (`name`), or of the actor's own, or the unit head's everyone."""
    first, last = period(year)
    return StaffReportData(
        unit_name=lookups.unit(ctx).name,
        year=year,
        first=first,
        last=min(last, max(first, ctx.today)),
        made_on=ctx.today,
        services={s.key: s.name for s in lookups.services(ctx)},
        people=tuple(staff_figures(ctx, year, name=name)),
    )


class StaffReport(Report):
    pagesize = A4
    margin = 18 * mm
    base_size = 10
    cover_has_footer = True

    def __init__(self, data: StaffReportData) -> None:
        self.data = data
        self.title = f"{data.title} – {data.unit_name}"
        self.author = data.unit_name
        super().__init__()

    def footer_text(self) -> str:
        return f"{self.data.title} · {self.data.unit_name}"

    def story(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [NextPageTemplate("body"), self.p(d.title, "title"), self.p(d.unit_name, "lead")]
        until = "hela året" if d.last.month == 12 and d.last.day == 31 else f"till och med {date_long(d.last)}"
        out.append(self.p(f"{d.year}, {until}. Framtagen {date_long(d.made_on)}.", "body"))
        if not d.people:
            return [*out, self.p("Ingen medarbetare har något registrerat under året.", "note")]
        for index, person in enumerate(d.people):
            if index:
                out.append(PageBreak())
            out += self.person(person)
        return out

    def person(self, f: StaffFigures) -> list[Flowable]:
        kind = f.kind_label.lower()
        who = ", ".join(part for part in (f.title, kind if kind != (f.title or "").lower() else None) if part)
        who = who[:1].upper() + who[1:]  # "Fixare, anställd"; "Volontär" without a title
        out: list[Flowable] = [self.p(f.name, "h1"), self.p(who, "body")]
        nothing = []
        if f.services:
            rows = [(self.data.services.get(k, k), number(w.contacts), number(w.persons))
                    for k, w in f.services.items()]
            out += self.block("Stödkontakter", ("Insats", "Kontakter", "Personer"), rows,
                              "Personer räknas en gång per insats, hur många kontakter de än hade.")
        else:
            nothing.append("stödkontakter")
        if f.groups:
            rows = [(GROUP_KINDS.get(k, k), number(m.meetings), number(m.participants)) for k, m in f.groups.items()]
            out += self.block("Gruppträffar", ("Slag av grupp", "Träffar", "Deltagare"), rows,
                              "Deltagare är summan av deltagarna vid varje träff.")
        else:
            nothing.append("gruppträffar")
        if f.trainings.recorded:
            rows = [("Utbildningar för personal", number(f.trainings.meetings), number(f.trainings.participants))]
            out += self.block("Utbildningar som hen gav", ("", "Tillfällen", "Deltagare"), rows)
        else:
            nothing.append("utbildningar")
        if f.sessions:
            rows = [(a.name, number(a.sessions), number(a.visits)) for a in f.sessions]
            rows.append(("Totalt", number(f.sessions_led), number(f.visits_led)))
            out += self.block("Tillfällen som hen ledde", ("Aktivitet", "Tillfällen", "Besök"), rows,
                              "Ett tillfälle leds av schemaradens ledare, annars av aktivitetens.")
        else:
            nothing.append("ledda tillfällen")
        if f.signups.occasions:
            s = f.signups
            rows = [("Tillfällen med anmälan", number(s.occasions), number(s.signed_up), number(s.attended))]
            out += self.block("Anmälan till det hen leder", ("", "Tillfällen", "Anmälda", "Kom"), rows)
        else:
            nothing.append("anmälningslistor")
        if f.outreach.recorded:
            reached = UNRECORDED if f.outreach.participants is None else number(f.outreach.participants)
            rows = [("Utåtriktat arbete", number(f.outreach.meetings), reached)]
            out += self.block("Utåtriktat arbete", ("", "Tillfällen", "Nådda"), rows)
        else:
            nothing.append("utåtriktat arbete")
        if nothing:
            what = ", ".join(nothing[:-1]) + (" och " if len(nothing) > 1 else "") + nothing[-1]
            out.append(self.p(f"Inget registrerat under året: {what}.", "note"))
        return out

    def block(self, title: str, columns: tuple[str, ...], rows: list[tuple], note: str = "") -> list[Flowable]:
        width = self.frame_width
        first = 0.46 if len(columns) <= 3 else 0.4
        rest = (1 - first) / (len(columns) - 1)
        table = self.table([columns, *rows], [width * first] + [width * rest] * (len(columns) - 1),
                           numeric=list(range(1, len(columns))))
        parts: list[Flowable] = [self.p(title, "h3"), table]
        if note:
            parts.append(self.p(note, "note"))
        return [KeepTogether(parts), Spacer(1, 2 * mm)]


def render_staff(data: StaffReportData) -> Built:
    return StaffReport(data).build()
