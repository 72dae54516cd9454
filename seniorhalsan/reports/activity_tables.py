"""The year report's tables of each activity and of sessions per kind of activity (and the
workbook's sheets), and the chart of visits per activity, from the statistics' `ActivityTable`."""

from __future__ import annotations

from ..formatting import number
from ..vocabulary import NOT_GIVEN
from .figures import ReportFigures
from .tables import NO_KIND, UNRECORDED, Change, Row, TableSpec

TOP = 15  # the chart shows the activities with most visits, the rest as one bar


def low_note(f: ReportFigures, activity) -> str:
    """Said after a flagged activity's name: its latest sessions had few visitors."""
    if not activity.flagged:
        return ""
    below = number(f.stats.activities.rule.below)
    return f"få besökare: de {number(activity.low_in_a_row)} senaste tillfällena under {below}"


def activities(f: ReportFigures) -> TableSpec:
    """Every activity with a held session in the period, most visits first."""
    table = f.stats.activities
    rows = []
    for a in table.most_visited():
        before = a.visits_before
        average = UNRECORDED if a.average is None else a.average
        rows.append(Row((a.name, a.sessions, a.visits, average, a.women, a.men, a.other + a.unspecified,
                         before, Change(a.visits, before) if before else None), note=low_note(f, a)))
    rule = table.rule
    note = ("Snitt: besök per tillfälle där besökarna räknades. Övriga: annat kön och besök som räknades "
            f"utan uppdelning på kön. {f.before}: samma dagar ett år tidigare ({f.before_text}). "
            f"Få besökare: de senaste {number(rule.in_a_row)} tillfällena i rad (eller fler) under perioden hade "
            f"färre än {number(rule.below)} besökare vardera; gränsen är enhetens inställning.")
    if not rows:
        note = "Inga tillfällen hölls under perioden."
    return TableSpec("Per aktivitet", "Besök per aktivitet",
                     ("Aktivitet", "Tillfällen", "Besök", "Snitt per tillfälle", "Kvinnor", "Män", "Övriga",
                      f"Besök {f.before}", "Förändring"),
                     tuple(rows), (5.6, 2.4, 1.9, 2.1, 2.1, 1.6, 1.9, 2.1, 2.7), note=note)


def sessions_by_kind(f: ReportFigures) -> TableSpec:
    """Held sessions per kind of activity (the plan's "antal kulturaktiviteter"), against the year before."""
    table = f.stats.activities
    before = table.sessions_by_kind_before or {}
    rows = tuple(Row((f.labels["kinds"].get(key, NO_KIND), n, before.get(key),
                      Change(n, before[key]) if before.get(key) else None))
                 for key, n in table.sessions_by_kind.items() if key != NOT_GIVEN or n or before.get(key))
    total = sum(table.sessions_by_kind.values())
    total_before = sum(before.values()) if before else None
    rows += (Row(("Alla tillfällen", total, total_before, Change(total, total_before) if total_before else None)),)
    return TableSpec("Tillfällen per typ", "Genomförda tillfällen per typ av aktivitet",
                     ("Typ av aktivitet", f.year_label, f.before, "Förändring"), rows, (6, 2, 2, 2),
                     note=f"{f.before}: samma dagar ett år tidigare ({f.before_text}). "
                          "Inställda tillfällen räknas inte.")


def chart_data(f: ReportFigures) -> tuple[list[str], list[tuple[str, list[int]]], str]:
    """The chart's bars, the most visited activities split into women, men and the rest, and a line
    about the others: as one more bar they would be the longest and shrink the rest out of sight."""
    ordered = f.stats.activities.most_visited()
    shown, rest = ordered[:TOP], ordered[TOP:]
    series = [("Kvinnor", [a.women for a in shown]), ("Män", [a.men for a in shown]),
              ("Annat, okänt eller utan uppdelning", [a.visits - a.women - a.men for a in shown])]
    others = ""
    if rest:
        others = (f"Övriga {number(len(rest))} aktiviteter: {number(sum(a.visits for a in rest))} besök tillsammans "
                  "(alla står i tabellen nedan).")
    return [a.name for a in shown], series, others
