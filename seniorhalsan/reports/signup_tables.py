"""The year report's table of sign-ups (and the workbook's sheet): occasions, places, signed up,
came, waiting list and different persons, in all and per kind of activity."""

from __future__ import annotations

from .figures import ReportFigures
from .tables import NO_KIND, Row, Share, TableSpec

COLUMNS = ("", "Tillfällen", "Platser", "Anmälda", "Kom", "Andel som kom", "Reservlista", "Personer")


def signups(f: ReportFigures) -> TableSpec:
    s = f.stats.signups

    def cells(c) -> tuple:
        return (c.occasions, c.places_offered, c.signed_up, c.attended, Share(c.attended, c.signed_up),
                c.waiting_list, c.distinct_persons)

    rows = [Row(("Totalt", *cells(s.total)))]
    rows += [Row((f.labels["kinds"].get(key, NO_KIND), *cells(c)), indent=True)
             for key, c in s.by_kind.items() if c.occasions]
    return TableSpec("Anmälan", "Anmälan: utflykter, evenemang, kurser och grupper", COLUMNS, tuple(rows),
                     (4.6, 2, 1.8, 2, 1.5, 2, 2.6, 2),
                     note="Anmälda är de som har en plats, reservlistan de som väntar. Kom är de som bockats av "
                          "som närvarande minst en gång. Personer räknas en gång även när de anmält sig till flera "
                          "tillfällen. En kurs eller grupp räknas det år terminen börjar.")
