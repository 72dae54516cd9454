"""The demo year's goals and their analyses, and an activity that has dwindled: the follow-up of the
unit's plan (seed 001) on the invented year.

The targets are set from the year before's figures, the way a unit head writes next year's goals
("nå fler invånare", more cultural activities, återkoppling in time), so that some are reached,
some partly and some not. An analysis is written only for a report whose period has ended, and it
says what the figures say (more or fewer than the year before).
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from ..db.models import Activity, ActivitySession
from ..db.session import Ctx
from ..periods import tertial_range
from ..services import goals as goal_service
from ..stats import year_stats
from ..stats.goal_figures import value_of
from ..stats.goals import NOT_RECORDED, REACHED, GoalResult

DWINDLED = "Lungträning"  # its last sessions of the year had few visitors, so the page flags it

# figure, growth on the year before (or a fixed target), women's and men's growth, rounded to
GOALS = [
    ("visits", 1.03, (1.03, 1.08), 100),
    ("new_visitors", 1.15, None, 10),
    ("sessions:kultur", 1.05, None, 5),
    ("contacts:it_stod", 1.03, None, 10),
    ("persons:fixartjanst", 1.0, None, 5),
    ("new_persons:syn_horsel", 1.0, None, 10),
    ("persons:anhorigstod", 1.2, (1.2, 1.4), 10),
    ("feedback_answered_in_time", 90, None, 1),
    ("signups:attended", 1.15, None, 10),
    ("trainings", 12, None, 1),
]

# What the unit head writes about each goal at the year's end, by whether it was reached.
YEAR_TEXTS = {
    "visits": ("Fler besök än målet. Den öppna mötesplatsen i Axelsberg och de nya sociala aktiviteterna har "
               "lockat nya besökare, och informationen i sociala medier och på affischer har nått fler.",
               "Besöken nådde inte hela vägen fram. Flera pass ställdes in under vintern, och männen är "
               "fortfarande få. Under nästa år prövar vi ett gympass och en samtalsgrupp som riktar sig till män, "
               "och fortsätter arbetet med tjänstedesign för att öppna mötesplatsen i Axelsberg mer."),
    "new_visitors": ("Många nya besökare har hittat till oss, framför allt genom foldern och vårdcentralerna.",
                     "Nya besökare räknades inte vid alla tillfällen, så siffran är lägre än verkligheten. "
                     "Samordnarna påminns om att skriva in nya besökare vid varje tillfälle."),
    "sessions:kultur": ("Kulturutbudet har vuxit: kören, dansen och Öppen scen har gått hela året.",
                        "Några kulturtillfällen ställdes in när ledaren var sjuk. Kören har ändå vuxit, och vi "
                        "planerar fler tillfällen med Bio Aspen och Shared Reading."),
    "contacts:it_stod": ("IT-stödet har haft fler enskilda träffar än planerat, mest om BankID och "
                         "digitala vårdbesök.",
                         "Färre enskilda träffar än planerat; IT-pedagogen har lagt mer tid på kurser i grupp."),
    "persons:fixartjanst": ("Fixartjänsten har nått fler seniorer, mycket tack vare informationen till "
                            "biståndshandläggarna.",
                            "Något färre personer än målet. Väntetiden har varit längre under sommaren."),
    "new_persons:syn_horsel": ("Många nya personer med syn- eller hörselnedsättning har fått stöd, "
                               "bland annat efter Ögats dag.",
                               "Färre nya personer än målet; fler av besöken har gällt personer vi redan känner."),
    "persons:anhorigstod": ("Anhörigstödet når fler anhöriga sedan vi blev två anhörigkonsulenter. Andelen män "
                            "har ökat efter anhörigcaféet på kvällstid.",
                            "Något färre anhöriga än målet. Männen är svårast att nå; vi fortsätter med "
                            "anhörigcaféet på kvällstid."),
    "feedback_answered_in_time": ("Nästan alla har fått återkoppling inom en månad.",
                                  "Några synpunkter besvarades för sent under semestern. Från och med hösten "
                                  "har en medarbetare ansvar för Tyck till-lådan också under enhetschefens "
                                  "ledighet."),
    "signups:attended": ("Utflykterna och kurserna har varit fullsatta, och de flesta som anmält sig kom.",
                         "Färre deltagare än målet: bussen till Skultuna bruk tog färre än planerat, och "
                         "några utflykter fick reservlistor som inte hann ringas in."),
    "trainings": ("Fler utbildningar för omsorgspersonal än planerat, efter önskemål från hemtjänsten.",
                  "Färre utbildningar än planerat; två tillfällen flyttades till nästa år."),
}


def _rounded(value: float, step: int) -> int:
    return max(step, round(value / step) * step)


def _dwindle(ctx: Ctx, year: int, rng: random.Random) -> int:
    """The activity's latest held sessions of the year had only a few visitors each; returns the
    change in the year's visits."""
    s = ActivitySession
    latest = list(ctx.session.scalars(
        select(s).join(Activity, Activity.id == s.activity_id)
        .where(s.unit_id == ctx.unit_id, Activity.name == DWINDLED, s.cancelled.is_(False), s.total.is_not(None),
               s.held_on >= dt.date(year, 1, 1), s.held_on <= dt.date(year, 12, 31))
        .order_by(s.held_on.desc(), s.starts_at.desc()).limit(4)))
    if len(latest) < 3:
        return 0  # the year has hardly begun
    change = 0
    for session in latest:
        women, men = rng.randint(1, 3), rng.randint(0, 1)
        change += women + men - session.total
        session.women, session.men, session.other, session.total = women, men, 0, women + men
        if session.new_visitors is not None:
            session.new_visitors = 0
    ctx.session.flush()
    return change


def _so_far(goal: GoalResult) -> str:
    """A tertial's analysis: the year so far against the same days of the year before."""
    if goal.result is None or goal.last_year is None:
        return ""
    if goal.result > goal.last_year:
        return "Hittills i år mer än under samma period förra året. Vi följer upp på kvalitetsmötet."
    if goal.result < goal.last_year:
        return "Hittills i år något lägre än under samma period förra året; vi ser över schemat inför nästa termin."
    return "Hittills i år samma nivå som under samma period förra året."


def follow_up(ctx: Ctx, year: int, seed: int = 65) -> int:
    """An activity dwindles at the end of the demo year, and the year gets its goals from the year
    before, with analyses for the reports whose period has ended; returns the change in the year's
    visits (the dwindled sessions)."""
    change = _dwindle(ctx, year, random.Random(seed))
    before = year_stats(ctx, year - 1)
    for figure, growth, genders, step in GOALS:
        base = value_of(figure, before)
        if isinstance(growth, int):
            target = growth
        elif not base.result:
            continue  # nothing the year before to set a target from
        else:
            target = _rounded(float(base.result) * growth, step)
        women = men = None
        if genders and base.women and base.men:
            women, men = (_rounded(b * g, step) for b, g in zip((base.women, base.men), genders, strict=True))
            if women + men > target:  # the rounding of a small year: a target for all only
                women = men = None
        goal_service.set_goal(ctx, year=year, figure=figure, target=target, women=women, men=men)
    # the analyses say what the figures say, for the reports whose period has ended
    ended = [t for t in (1, 2) if tertial_range(year, t)[1] < ctx.today]
    for tertial in ended:
        for goal in year_stats(ctx, year, until=tertial_range(year, tertial)[1]).goals:
            text = _so_far(goal)
            if text and goal.figure in ("visits", "sessions:kultur", "persons:anhorigstod"):
                goal_service.write_analysis(ctx, year=year, figure=goal.figure, text=text, tertial=tertial)
    if dt.date(year, 12, 31) < ctx.today:
        for goal in year_stats(ctx, year).goals:
            if goal.status != NOT_RECORDED and goal.figure in YEAR_TEXTS:
                reached, not_reached = YEAR_TEXTS[goal.figure]
                goal_service.write_analysis(ctx, year=year, figure=goal.figure,
                                            text=reached if goal.status == REACHED else not_reached)
    return change
