"""The year report's tables of how the unit reaches new people (and the workbook's sheets): outreach
by kind, new persons per route in and service, and the volunteers' part."""

from __future__ import annotations

from ..formatting import NOT_RECORDED, number, share
from ..vocabulary import NOT_GIVEN, OUTREACH_KINDS, ROUTES
from .figures import ReportFigures
from .tables import UNRECORDED, Row, Share, TableSpec

NO_ROUTE = "Ej angiven"


def outreach(f: ReportFigures) -> TableSpec:
    o = f.stats.outreach
    if not o.recorded:
        rows: tuple[Row, ...] = (Row(("Utåtriktat arbete", UNRECORDED, UNRECORDED), note=NOT_RECORDED),)
        note = "Inget utåtriktat arbete registrerades under perioden (Enheten → Utåtriktat arbete)."
    else:
        def reached(value: int | None):
            return UNRECORDED if value is None else value

        rows = tuple(Row((OUTREACH_KINDS.get(key, key), c.events, reached(c.reached)),
                         note="" if c.reached is not None else NOT_RECORDED)
                     for key, c in o.by_kind.items() if c.events)
        rows += (Row(("Totalt", o.total.events, reached(o.total.reached))),)
        note = "Nådda är de som nåddes där det räknades"
        if o.total.counted < (o.total.events or 0):
            note += f" (vid {number(o.total.counted)} av {number(o.total.events)} tillfällen)"
        note += "; för en annons eller affischer räknas det sällan."
    return TableSpec("Utåtriktat arbete", "Utåtriktat arbete per typ", ("Typ", "Tillfällen", "Nådda"), rows,
                     (6, 2, 2), note=note)


def routes(f: ReportFigures) -> TableSpec:
    """New persons of each service by how they found it; a route nobody took is a row of zeros, since
    that it was not taken is worth knowing too (Senior Connect: "endast ett fåtal")."""
    services = [(svc.key, svc.name) for svc in f.services]
    per = {key: f.stats.services[key].new_persons_by_route for key, _name in services}

    def row(label: str, route: str, **kw) -> Row:
        values = [per[key].get(route, 0) for key, _name in services]
        return Row((label, *values, sum(values)), **kw)

    rows = [row(label, route) for route, label in ROUTES.items()]
    if any(per[key].get(NOT_GIVEN) for key, _name in services):
        rows.append(row(NO_ROUTE, NOT_GIVEN))
    totals = [f.stats.services[key].new_persons for key, _name in services]
    rows.append(Row(("Nya personer", *totals, sum(totals))))
    everyone = sum(totals)
    noted = sum(per[key].get(NOT_GIVEN, 0) for key, _name in services)
    note = ("Hur nya personer hittade till insatsen; frågan ställs vid personens första kontakt med den. "
            "En person som är ny i två insatser räknas i båda.")
    if noted:
        note += (f" {NO_ROUTE}: {number(noted)} av {number(everyone)} nya personer ({share(noted, everyone)}) "
                 "har ingen väg in registrerad.")
    return TableSpec("Vägar in", "Nya personer per väg in och insats", ("Väg in", *(n for _k, n in services), "Totalt"),
                     tuple(rows), (4.2, *([2] * len(services)), 1.8), note=note)


def volunteers(f: ReportFigures) -> TableSpec:
    v = f.stats.volunteers
    rows = [Row((a.name, a.sessions, a.visits, Share(a.visits, f.stats.attendance.visits))) for a in v.activities]
    rows.append(Row(("Totalt", v.sessions, v.visits, Share(v.visits, f.stats.attendance.visits))))
    active = "ingen aktiv volontär" if not v.active else ("en aktiv volontär" if v.active == 1
                                                          else f"{number(v.active)} aktiva volontärer")
    note = ("En volontär räknas som aktiv när volontärregistret säger att hen var med under perioden, eller när "
            "hen ledde något tillfälle. Ett tillfälle leds av schemaradens ledare, annars av aktivitetens.")
    return TableSpec("Volontärer", f"Volontärer: {active} och de tillfällen de ledde",
                     ("Aktivitet som en volontär ledde", "Tillfällen", "Besök", "Andel av alla besök"),
                     tuple(rows), (5, 2, 2, 2.4), note=note)

