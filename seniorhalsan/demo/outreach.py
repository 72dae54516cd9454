"""The demo's outreach log, a year at a time: information meetings with the care centres and the
pensioners' associations, a table at the big days, adverts, the folder mailed out, posters, meetings
with partners and posts on social media (seed 001: "sociala medier, annonser, folder och affischer")."""

from __future__ import annotations

import datetime as dt
import random

from ..db.session import Ctx
from ..services import outreach as outreach_service

INFORMATION = "Petra Nyholm"  # the hälsopedagog who also has the task of informing (seed 000)

# kind, how many a year, partner, people reached (low, high; None: not counted), who, note
PLAN = [
    ("informationsmote", 3, "PRO och SPF", (25, 60), INFORMATION, "Om terminens aktiviteter och stöd"),
    ("informationsmote", 3, "Vårdcentralerna i stadsdelen", (8, 20), INFORMATION, "Information till personalen"),
    ("informationsmote", 1, "Liljeholmens vårdcentral", (6, 14), "Camilla Öst", "Senior Connect"),
    ("informationsmote", 1, None, (15, 30), INFORMATION, "Medborgarkontoret i Älvsjö"),
    ("vardcentral", 6, "Vårdcentralerna i stadsdelen", (10, 30), "Amir Haddad", "Bord i väntrummet"),
    ("massa_bord", 1, None, (80, 150), INFORMATION, "Äldredagen"),
    ("massa_bord", 1, None, (40, 70), "Lena Fors", "Hälsans dag"),
    ("massa_bord", 1, None, (30, 50), "Nadia Rahimi", "Anhörigdagen"),
    ("annons", 4, None, None, INFORMATION, "Terminens program i lokaltidningen"),
    ("utskick", 2, "PRO och SPF", (320, 420), INFORMATION, "Foldern till föreningarnas medlemmar"),
    ("affischer", 3, None, None, INFORMATION, "I tvättstugor, på bibliotek och vårdcentraler"),
    ("samverkansmote", 4, "Beställarenheten", (6, 15), "Karin Exempelsson", "Hur biståndshandläggarna informerar"),
    ("samverkansmote", 2, "Tryggt mottagande", (4, 8), "Karin Exempelsson", "Information vid uppföljningssamtalen"),
    ("samverkansmote", 2, "Vårdcentralerna i stadsdelen", (5, 10), "Karin Exempelsson", "Hälsofrämjande samtal"),
    ("sociala_medier", 20, None, (120, 400), INFORMATION, None),
    ("annat", 1, None, (10, 20), "Oskar Lindkvist", "IT-stöd på biblioteket"),
]


def outreach_year(ctx: Ctx, year: int, rng: random.Random, staff: dict[str, int], partners: dict[str, int]) -> int:
    """The year's outreach, up to today; the number of entries made."""
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), ctx.today - dt.timedelta(days=1))
    made = 0
    for kind, count, partner, reached, who, note in PLAN:
        for n in range(count):
            # spread over the year, on weekdays, away from the summer for all but the posts
            month = 1 + (n * 12 // count + rng.randint(0, max(0, 12 // count - 1))) % 12
            if kind != "sociala_medier" and month in (7,):
                month = 8
            day = dt.date(year, month, rng.randint(1, 28))
            while day.isoweekday() > 5:
                day += dt.timedelta(days=1)
            counted = reached is not None and (kind != "sociala_medier" or rng.random() < 0.35)
            if not first <= day <= last:
                continue
            outreach_service.add_outreach(
                ctx, held_on=day, kind=kind, partner_id=partners.get(partner) if partner else None,
                reached=rng.randint(*reached) if counted else None, staff_id=staff.get(who), note=note)
            made += 1
    return made
