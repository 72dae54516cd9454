"""The statistics page's rows of support: services, checklists, groups, trainings and the city's
feedback template, in the words of the printed report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ....formatting import UNRECORDED
from ....periods import TERTIALS
from ....stats import ServiceFigures, Tertials, YearOverview
from ....stats import template as city
from ....vocabulary import GROUP_KINDS, NOT_GIVEN
from ...i18n import _
from .model import Line, _before, age_labels, change, contact_kind_labels, count, share, unrecorded


def service_keys(overview: YearOverview) -> list[str]:
    return list(overview.figures.services)


def service_headers(overview: YearOverview | None) -> list[str]:
    names = overview.labels.get("services", {}) if overview else {}
    return [""] + [names.get(key, key) for key in (service_keys(overview) if overview else [])]


def service_lines(overview: YearOverview) -> list[Line]:
    services = overview.figures.services
    keys = service_keys(overview)
    before = str(overview.year - 1)

    def cells(fn: Callable[[ServiceFigures], Any]) -> tuple[Any, ...]:
        return tuple(fn(services[key]) for key in keys)

    persons_tip = _("Andel av personerna som fick stöd under perioden.")
    same_days = _("Samma dagar {year}.").format(year=before)
    lines = [
        Line(_("Kontakter"), cells(lambda s: s.contacts), heading=True,
             tooltip=_("Varje möte med en person: hembesök, samtal, besök.")),
    ]
    for kind, label in contact_kind_labels().items():
        lines.append(Line(label, cells(lambda s, k=kind: s.by_contact_kind.get(k, 0)), indent=True))
    lines += [
        Line(_("Kontakter {year}").format(year=before), cells(lambda s: s.previous_year.contacts), indent=True,
             tooltip=same_days),
        Line(_("Förändring, kontakter"), cells(lambda s: change(s.contacts, s.previous_year.contacts)),
             indent=True),
        Line(_("Personer"), cells(lambda s: s.persons), heading=True,
             tooltip=_("Olika personer med minst en kontakt under perioden.")),
        Line(_("Personer {year}").format(year=before), cells(lambda s: s.previous_year.persons), indent=True,
             tooltip=same_days),
        Line(_("Förändring, personer"), cells(lambda s: change(s.persons, s.previous_year.persons)),
             indent=True),
        Line(_("Nya personer"), cells(lambda s: s.new_persons), indent=True,
             tooltip=_("Personens första kontakt med insatsen någonsin låg under perioden.")),
        Line(_("Andel nya (av personerna)"), cells(lambda s: share(s.new_persons, s.persons)), indent=True),
        Line(_("Kön (andel av personerna)"), heading=True),
        Line(_("Kvinnor"), cells(lambda s: share(s.persons_by_gender.women, s.persons)), indent=True,
             tooltip=persons_tip),
        Line(_("Män"), cells(lambda s: share(s.persons_by_gender.men, s.persons)), indent=True,
             tooltip=persons_tip),
        Line(_("Annat/okänt kön"), cells(lambda s: share(s.persons_by_gender.other, s.persons)),
             indent=True, tooltip=persons_tip),
        Line(_("Ålder (andel av personerna)"), heading=True, tooltip=_("Ålder = årtalet minus födelseåret.")),
    ]
    for group, label in age_labels().items():
        lines.append(Line(label, cells(lambda s, g=group: share(s.persons_by_age[g], s.persons)), indent=True,
                          tooltip=persons_tip))
    return lines


def task_headers() -> list[str]:
    return [_("Utfört vid besöken"), _("Kontakter")]


def task_lines(overview: YearOverview) -> list[Line]:
    """Each service's checklist, with how many contacts ticked each point; "–" where nobody filled
    the checklist in during the period."""
    names = overview.labels.get("tasks", {})
    services = overview.labels.get("services", {})
    lines = []
    for key, figures in overview.figures.services.items():
        if not figures.tasks:
            continue
        name = services.get(key, key)
        if not figures.tasks_recorded:
            lines.append(Line(unrecorded(name), heading=True,
                              tooltip=_("Checklistan fylldes inte i vid någon kontakt under perioden.")))
        else:
            lines.append(Line(name, heading=True))
        lines += [Line(names.get(f"{key}:{task}", task), (count(n),), indent=True) for task, n in figures.tasks.items()]
    return lines


def group_headers(overview: YearOverview | None) -> list[str]:
    before = str(overview.year - 1) if overview is not None else _("året före")
    return ["", _("Träffar"), _("Deltagare"), _("Deltagare {year}").format(year=before), _("Förändring")]


def group_lines(overview: YearOverview) -> list[Line]:
    """Group meetings per service and kind, then trainings per service; unrecorded ones say so."""
    names = overview.labels.get("services", {})
    kinds = {key: _(label) for key, label in GROUP_KINDS.items()}
    lines = [Line(_("Gruppträffar, föreläsningar och kurser"), heading=True)]
    for key, g in overview.figures.groups.items():
        before = _before(overview, lambda y, k=key: y.groups[k].participants if k in y.groups else None)
        shown_before = None if before is None and overview.previous is None else count(before)
        if not g.recorded:
            lines.append(Line(unrecorded(names.get(key, key)), (UNRECORDED, UNRECORDED, shown_before, ""),
                              indent=True, tooltip=_("Inga gruppträffar registrerades under perioden.")))
            continue
        lines.append(Line(names.get(key, key), (g.meetings, g.participants, shown_before,
                                                change(g.participants, before)), indent=True))
        lines += [Line("   " + kinds.get(kind, kind), (held.meetings, held.participants), indent=True)
                  for kind, held in g.by_kind.items() if held.meetings]
    t = overview.figures.trainings
    before = _before(overview, lambda y: y.trainings.participants)
    shown_before = None if overview.previous is None else count(before)
    tip = _("Utbildningar som enheten gav, t.ex. för hemtjänstens personal.")
    if not t.recorded:
        lines.append(Line(unrecorded(_("Utbildningar för personal")), (UNRECORDED, UNRECORDED, shown_before, ""),
                          heading=True, tooltip=tip))
        return lines
    lines.append(Line(_("Utbildningar för personal"), (t.sessions, t.participants, shown_before,
                                                      change(t.participants, before)), heading=True, tooltip=tip))
    lines += [Line(names.get(key, _("Ingen insats angiven")) if key != NOT_GIVEN else _("Ingen insats angiven"),
                   (held.meetings, held.participants), indent=True)
              for key, held in t.by_service.items() if held.meetings]
    return lines


def feedback_headers() -> list[str]:
    return ["", "T1", "T2", _("T3 (VB)"), _("Totalt")]


def feedback_lines(overview: YearOverview) -> list[Line]:
    """Every row of the city's template, in its order and with its whole name, zeros included."""
    f = overview.figures.feedback
    labels = overview.labels

    def four(values: Tertials) -> tuple[int, ...]:
        return (*(values.of(t) for t in TERTIALS), values.total)

    lines = [
        Line(_("Inkomna totalt"), four(f.total), heading=True),
        Line(city.SECTIONS["praise"], heading=True),
        Line(city.ROWS["praise"], four(f.praise), indent=True),
        Line(city.SECTIONS["from"], heading=True),
    ]
    lines += [Line(city.row_name("from", key, labels), four(values), indent=True) for key, values in f.from_.items()]
    lines.append(Line(city.SECTIONS["about"], heading=True, tooltip=_("Beröm räknas aldrig här.")))
    lines += [Line(city.row_name("about", key, labels), four(values), indent=True) for key, values in f.about.items()]
    lines += [
        Line(unrecorded(city.SECTIONS["deviations"]), (UNRECORDED,) * 4, heading=True,
             tooltip=_("Avvikelser registreras inte i programmet.")),
        Line(city.SECTIONS["answered"], heading=True),
        Line(city.ROWS["answered"], four(f.answered), indent=True),
        Line(city.SECTIONS["acted_on"], heading=True),
        Line(city.ROWS["acted_on"], four(f.acted_on), indent=True),
    ]
    return lines
