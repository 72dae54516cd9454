"""The demo's volunteer register and partner register: who volunteers with what and where, and the
partners the unit works with (seed 000: Bio Aspen, the swimming hall, Lilla skafferiet, PRO and SPF,
the care centres, Tryggt mottagande, the biståndshandläggare). Invented contact details only: phone
numbers from the range kept for fiction, e-mail at example.org."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from ..db.models import Activity, ScheduleEntry, Term
from ..db.session import Ctx
from ..services import places as place_service
from ..services import staff as staff_service

# name: what they lead or help with, places, (years before the demo year, month, day) they started,
# the day they left (None: still with the unit), phone
VOLUNTEERS = {
    "Inger Dahl": ("Leder seniordiscot", ("Axelsberg",), (4, 9, 1), None, "070-174 06 41"),
    "Stig Holmér": ("Leder Canasta", ("Axelsberg",), (3, 1, 15), None, "070-174 06 42"),
    "Margit Lund": ("Håller en lunchträff i månaden för den som är ensam", ("Fruängsgården",), (2, 8, 20), None,
                    "070-174 06 43"),
    "Birgitta Sand": ("Ansvarar för Matlyftet på sommaren", ("Västertorp",), (1, 5, 1), None, "070-174 06 44"),
    "Ulla Berg": ("Hjälper till med fika och samvaro", ("Fruängens centrum",), (1, 2, 1), None, "070-174 06 45"),
    "Kjell Åberg": ("Hjälper till vid de stora evenemangen", ("Axelsberg", "Fruängens centrum"), (2, 3, 1), None,
                    "070-174 06 46"),
    "Gunnel Ek": ("Hjälpte till på Tisdagscaféet", ("Axelsberg",), (3, 9, 1), (1, 6, 30), "070-174 06 47"),
}
SUMMER_VOLUNTEER = ("Matlyftet", "Birgitta Sand")  # a volunteer has had charge of it in summer (seed 000)

# name: (contact, what is done together), as "Andra aktörer" in the folder prints it
PARTNERS = {
    "Bio Aspen": ("Biografen, 08-465 004 21", "Bio och lunch en gång i månaden, tillsammans med PRO och SPF."),
    "Västertorps sim- och idrottshall": ("Receptionen, 08-465 004 22",
                                         "Introduktion i simhallen och gymmet för seniorer."),
    "Lilla skafferiet": ("08-465 004 23", "Socialpsykiatrins dagverksamhet lagar och serverar luncherna på "
                                          "Matlyftet i Västertorp."),
    "PRO och SPF": ("pensionarsforeningarna@example.org", "Pensionärsföreningarna: bio och lunch på Bio Aspen, och "
                                                          "vi berättar om våra aktiviteter på deras möten."),
    "Vårdcentralerna i stadsdelen": ("08-465 004 24", "Vi informerar personalen om vårt stöd, och vårdcentralen "
                                                      "tipsar dig som vill träffa andra."),
    "Liljeholmens vårdcentral": ("08-465 004 25", "Tillsammans i projektet Senior Connect, som nu är avslutat."),
    "Tryggt mottagande": ("08-465 004 26", "Berättar om oss när de ringer dig efter en tid på sjukhus."),
    "Beställarenheten": ("08-465 004 27", "Biståndshandläggarna berättar om vårt stöd och service."),
}


def _day(year: int, when: tuple[int, int, int]) -> dt.date:
    before, month, day = when
    return dt.date(year - before, month, day)


def volunteers(ctx: Ctx, year: int, staff: dict[str, int], places: dict[str, int]) -> None:
    """The register's volunteers: those of the catalogue get their entries, the others are added."""
    for name, (helps_with, where, started, ended, phone) in VOLUNTEERS.items():
        fields = dict(helps_with=helps_with, places=[places[p] for p in where], started_on=_day(year, started),
                      phone=phone)
        if name in staff:
            staff_service.update_staff(ctx, staff[name], **fields)
        else:
            staff[name] = staff_service.create_staff(ctx, name=name, kind="volontar", title="Volontär", **fields).id
        if ended is not None:
            staff_service.end_volunteer(ctx, staff[name], ended_on=_day(year, ended))


def summer_leader(ctx: Ctx, staff: dict[str, int]) -> None:
    """The summer programme's Matlyftet is led by a volunteer: its schedule rows say so."""
    activity, volunteer = SUMMER_VOLUNTEER
    summer = select(Term.id).where(Term.unit_id == ctx.unit_id, Term.kind == "sommar")
    led = select(Activity.id).where(Activity.unit_id == ctx.unit_id, Activity.name == activity)
    ctx.session.execute(update(ScheduleEntry).where(ScheduleEntry.term_id.in_(summer),
                                                    ScheduleEntry.activity_id.in_(led))
                        .values(leader_id=staff[volunteer]).execution_options(synchronize_session=False))


def partners(ctx: Ctx) -> dict[str, int]:
    """The partner register: the reference data's partner venues get their entries, the others are added."""
    known = {p.name: p for p in place_service.list_places(ctx)}
    out = {}
    for name, (contact, together) in PARTNERS.items():
        if name in known:
            out[name] = place_service.update_place(ctx, known[name].id, contact=contact, together=together).id
        else:
            out[name] = place_service.create_place(ctx, name=name, kind="partner", contact=contact,
                                                   together=together).id
    return out
