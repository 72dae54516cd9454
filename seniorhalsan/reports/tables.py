"""The year's figures shaped into tables, once, for both the PDF and the XLSX workbook.

Cells hold values, not text: whole numbers, `Share` and `Change` (formatted the Swedish
way in the PDF, stored as numbers in the workbook), `UNRECORDED` for a figure nobody recorded
(printed "–", with the row's note "ej registrerat"), labels, or None for "not reported".
Every share says what it is a share of, in its column's heading or its row's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.dates import get_month_names

from ..formatting import LOCALE, NOT_RECORDED, number, share
from ..stats import FeedbackFigures, Tertials
from ..stats import template as city
from ..vocabulary import AGE_GROUPS, CONTACT_KINDS, GROUP_KINDS, NOT_GIVEN
from .figures import ReportFigures

AGE_LABELS = {"<65": "Under 65 år", "65-74": "65–74 år", "75-84": "75–84 år", "85+": "85 år och äldre"}
GENDER_LABELS = {"women": "Kvinnor", "men": "Män", "other": "Annat/okänt kön"}
NO_KIND = "Typ ej angiven"
NO_SERVICE = "Enheten (ingen insats angiven)"


@dataclass(frozen=True)
class Unrecorded:
    """A figure nobody recorded in the period: "–", never 0 (which would read as "none happened")."""


UNRECORDED = Unrecorded()


@dataclass(frozen=True)
class Share:
    """`part` of `whole`: '65 %' in the PDF, 0.65 in the workbook; no whole gives '–'."""

    part: int
    whole: int

    @property
    def value(self) -> float | None:
        return self.part / self.whole if self.whole else None


@dataclass(frozen=True)
class Change:
    """The change from `before` to `now`: '+37 %' in the PDF, 0.37 in the workbook."""

    now: int
    before: int

    @property
    def value(self) -> float | None:
        return (self.now - self.before) / self.before if self.before else None


@dataclass(frozen=True)
class Row:
    cells: tuple
    group: bool = False  # a subheading row: its label spans the table
    indent: bool = False
    note: str = ""  # said after the label: "ej registrerat", or where a figure was counted


@dataclass(frozen=True)
class TableSpec:
    sheet: str  # the workbook sheet's name (at most 31 characters)
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    widths: tuple[float, ...]  # relative column widths
    note: str = ""
    numeric_from: int = 1  # columns from this one on hold numbers
    extra: dict = field(default_factory=dict)


def month_name(month: int) -> str:
    return get_month_names("wide", locale=LOCALE)[month].capitalize()


def figure(value: int | None) -> int | Unrecorded:
    return UNRECORDED if value is None else value


def _recorded_note(value: int | None, counted: int = 0, of: int = 0) -> str:
    """Why a figure is "–", or at how many sessions it was counted when not at all of them."""
    if value is None:
        return NOT_RECORDED
    if counted and counted < of:
        return f"räknade vid {number(counted)} av {number(of)} tillfällen"
    return ""


def key_figures(f: ReportFigures) -> TableSpec:
    a = f.stats.attendance
    known = a.gender_counted
    rows = [
        Row(("Besök på aktiviteter", a.visits, None)),
        Row(("Genomförda tillfällen", a.sessions, None)),
    ]
    # a share of women says of which visits: those where gender was counted, and all of them
    if a.gender_unknown:
        rows.append(Row(("Kvinnor bland besökarna", UNRECORDED, None), note=NOT_RECORDED))
    else:
        rows.append(Row(("Kvinnor bland besökarna", a.women, None)))
        if known == a.visits:
            rows.append(Row(("andel av besöken", None, Share(a.women, a.visits)), indent=True))
        else:
            rows += [Row((f"andel av de {number(known)} besök där kön räknades", None, Share(a.women, known)),
                         indent=True),
                     Row((f"andel av alla {number(a.visits)} besök", None, Share(a.women, a.visits)),
                         indent=True)]
    for svc in f.services:
        entry = f.stats.services[svc.key]
        rows.append(Row((f"{svc.name}: personer", entry.persons, None)))
        rows.append(Row(("varav nya (andel av personerna)", entry.new_persons,
                         Share(entry.new_persons, entry.persons)), indent=True))
    rows.append(Row(("Synpunkter, klagomål och beröm", f.stats.feedback.total.total, None)))
    title = "Perioden i siffror" if f.tertial else "Året i siffror"
    return TableSpec(title, title, ("", "Antal", "Andel"), tuple(rows), (6, 2, 2))


def attendance(f: ReportFigures) -> TableSpec:
    a = f.stats.attendance
    known = a.gender_counted
    unknown = a.gender_unknown

    def part(label: str, value: int) -> Row:
        if unknown:
            return Row((label, UNRECORDED, None), indent=True, note=NOT_RECORDED)
        return Row((label, value, Share(value, known)), indent=True)

    rows = (
        Row(("Besök totalt", a.visits, None)),
        part("Kvinnor", a.women),
        part("Män", a.men),
        part("Annat/okänt kön", a.other),
        Row(("Räknade utan uppdelning på kön", a.unspecified, None), indent=True),
        Row(("Nya besökare", figure(a.new_visitors), None),
            note=_recorded_note(a.new_visitors, a.new_visitors_sessions, a.sessions)),
        Row(("Genomförda tillfällen", a.sessions, None)),
        Row(("Inställda tillfällen", figure(a.cancelled), None), note=_recorded_note(a.cancelled)),
    )
    if unknown:
        note = "Kön räknades inte vid något besök under perioden."
    else:
        note = f"Andelarna är av de {number(known)} besök där kön räknades."
    if known != a.visits and known:
        note += f" Av alla {number(a.visits)} besök var {share(a.women, a.visits)} kvinnor."
    return TableSpec("Besök", "Besök på aktiviteter", ("", "Antal", "Andel av besök där kön räknades"), rows,
                     (6, 2, 2), note=note)


def by_tertial(f: ReportFigures) -> TableSpec:
    """The figures the statistics give per tertial; a tertial not reported yet is blank."""
    a, fb = f.stats.attendance, f.stats.feedback.total
    rows = (Row(("Besök på aktiviteter", *_reported(f, a.by_tertial), a.visits)),
            Row(("Synpunkter, klagomål och beröm", *_reported(f, fb), fb.total)))
    return TableSpec("Per tertial", "Per tertial", ("", "T1", "T2", "T3", "Totalt"), rows, (5, 2, 2, 2, 2))


def places(f: ReportFigures) -> TableSpec:
    total = f.stats.attendance.visits
    rows = tuple(Row((p.name, p.visits, p.women, p.men, p.sessions, Share(p.visits, total)))
                 for p in f.stats.attendance.places)
    return TableSpec("Mötesplatser", "Besök per mötesplats", ("Mötesplats", "Besök", "Kvinnor", "Män", "Tillfällen",
                                                               "Andel av besöken"), rows, (5, 2, 2, 2, 2, 2),
                     note="" if rows else "Inga tillfällen hölls under perioden.")


def kinds(f: ReportFigures) -> TableSpec:
    a = f.stats.attendance
    rows = tuple(Row((f.labels["kinds"].get(k, NO_KIND), n, Share(n, a.visits)))
                 for k, n in a.by_kind.items() if k != NOT_GIVEN or n)
    note = ""
    if a.by_kind.get(NOT_GIVEN):
        note = (f"{NO_KIND}: aktiviteter som ännu inte har någon typ (till exempel skapade av en import). "
                "Typen väljs under Aktiviteter och schema.")
    return TableSpec("Aktivitetstyper", "Besök per typ av aktivitet",
                     ("Typ av aktivitet", "Besök", "Andel av besöken"), rows, (6, 2, 2), note=note)


def months(f: ReportFigures) -> TableSpec:
    rows = tuple(Row((month_name(m.month), m.visits, m.women, m.men, m.sessions)) for m in f.stats.attendance.months)
    return TableSpec("Månader", "Besök per månad", ("Månad", "Besök", "Kvinnor", "Män", "Tillfällen"), rows,
                     (4, 2, 2, 2, 2))


def services_overview(f: ReportFigures) -> TableSpec:
    rows = []
    for svc in f.services:
        e = f.stats.services[svc.key]
        prev = e.previous_year
        rows.append(Row((svc.name, e.contacts, prev.contacts, Change(e.contacts, prev.contacts),
                         e.persons, prev.persons, Change(e.persons, prev.persons), e.new_persons,
                         Share(e.new_persons, e.persons))))
    now, before = f.year_label, f.before
    columns = ("Insats", f"Kontakter {now}", f"Kontakter {before}", "Förändring kontakter", f"Personer {now}",
               f"Personer {before}", "Förändring personer", "Nya personer", "Andel nya av personerna")
    # the PDF groups the columns under two header rows, so that each header is one short word
    header = (("", "Kontakter", None, None, "Personer", None, None, "Nya personer", None),
              ("Insats", now, before, "Förändring", now, before, "Förändring", "Antal", "Andel av alla"))
    return TableSpec("Stöd och service", "Stöd och service: kontakter och personer", columns, tuple(rows),
                     (10, 4.3, 4.3, 5.6, 4.3, 4.3, 5.6, 4.3, 5.3),
                     note=f"{before}: samma dagar ett år tidigare ({f.before_text}). En person är ny när "
                          "personens första kontakt med insatsen någonsin ligger under perioden; andelen nya är "
                          "av alla personer som insatsen hade kontakt med.",
                     extra={"header": header, "header_spans": ((1, 3), (4, 6), (7, 8))})


def service_detail(f: ReportFigures, svc) -> TableSpec:
    e = f.stats.services[svc.key]
    contacts, persons = e.contacts, e.persons
    rows = [Row(("Kontakter", contacts, None)),
            Row(("Personer", persons, None)),
            Row(("varav nya (andel av personerna)", e.new_persons, Share(e.new_persons, persons)), indent=True),
            Row(("Kontakter per kontakttyp (andel av kontakterna)",), group=True)]
    rows += [Row((CONTACT_KINDS.get(k, k), n, Share(n, contacts)), indent=True) for k, n in e.by_contact_kind.items()]
    rows.append(Row(("Personer per kön (andel av personerna)",), group=True))
    genders = e.persons_by_gender
    rows += [Row((GENDER_LABELS[k], n, Share(n, persons)), indent=True)
             for k, n in (("women", genders.women), ("men", genders.men), ("other", genders.other))]
    rows.append(Row(("Personer per åldersgrupp (andel av personerna)",), group=True))
    rows += [Row((AGE_LABELS[g], e.persons_by_age[g], Share(e.persons_by_age[g], persons)), indent=True)
             for g in AGE_GROUPS]
    rows.append(Row(("Kontakter per åldersgrupp (andel av kontakterna)",), group=True))
    rows += [Row((AGE_LABELS[g], e.contacts_by_age[g], Share(e.contacts_by_age[g], contacts)), indent=True)
             for g in AGE_GROUPS]
    if e.tasks:
        recorded = e.tasks_recorded
        rows.append(Row(("Utfört vid kontakterna (andel av kontakterna)",), group=True,
                        note="" if recorded else NOT_RECORDED))
        rows += [Row((f.labels["tasks"].get(f"{svc.key}:{k}", k), figure(n), Share(n, contacts) if recorded else None),
                     indent=True) for k, n in e.tasks.items()]
    title = svc.name + (f" ({svc.target_group})" if svc.target_group else "")
    note = "Ålder = årtalet minus födelseåret."
    if e.tasks and not e.tasks_recorded:
        note += " Checklistan fylldes inte i vid någon kontakt under perioden: – betyder ej registrerat, inte noll."
    return TableSpec(svc.name[:31], title, (svc.name, "Antal", "Andel"), tuple(rows), (6, 2, 2), note=note)


def groups(f: ReportFigures) -> TableSpec:
    """Group meetings per service and kind; a service that recorded none says so."""
    rows = []
    for svc in f.services:
        g = f.stats.groups[svc.key]
        if not g.recorded:
            rows.append(Row((svc.name, UNRECORDED, UNRECORDED), note=NOT_RECORDED))
            continue
        rows.append(Row((svc.name, g.meetings, g.participants)))
        rows += [Row((GROUP_KINDS.get(kind, kind), held.meetings, held.participants), indent=True)
                 for kind, held in g.by_kind.items() if held.meetings]
    return TableSpec("Gruppträffar", "Gruppträffar per insats och slag av grupp",
                     ("Insats och slag av grupp", "Träffar", "Deltagare"), tuple(rows), (6, 2, 2),
                     note="Deltagare är summan av deltagarna vid varje träff: den som kom till fem träffar "
                          "räknas fem gånger.")


def trainings(f: ReportFigures) -> TableSpec:
    """Trainings the unit gave to others' staff, per service and in all."""
    t = f.stats.trainings
    if not t.recorded:
        rows: tuple[Row, ...] = (Row(("Utbildningar för personal", UNRECORDED, UNRECORDED), note=NOT_RECORDED),)
    else:
        names = {svc.key: svc.name for svc in f.services}
        rows = tuple(Row((names.get(key, NO_SERVICE), held.meetings, held.participants))
                     for key, held in t.by_service.items() if held.meetings)
        rows += (Row(("Totalt", t.sessions, t.participants)),)
    return TableSpec("Utbildningar", "Utbildningar för personal", ("Insats som gav utbildningen", "Tillfällen",
                                                                   "Deltagare"), rows, (6, 2, 2))


def feedback(f: ReportFigures) -> TableSpec:
    """The city's template: every row in its order and with its whole name, zeros shown; T2 and
    VB blank until reported; the avvikelser the program does not record marked "–"."""
    fb = f.stats.feedback

    def values(four: Tertials) -> tuple:
        return (*_reported(f, four), four.total)

    sections = city.SECTIONS
    rows = [Row((sections["praise"], city.ROWS["praise"], *values(fb.praise)))]
    for group, per_key in (("from", fb.from_), ("about", fb.about)):
        for index, (key, four) in enumerate(per_key.items()):
            rows.append(Row((sections[group] if index == 0 else "", city.row_name(group, key, f.labels),
                             *values(four))))
    deviations = (*(UNRECORDED if t in f.tertials else None for t in ("T1", "T2", "T3")), UNRECORDED)
    rows.append(Row((sections["deviations"], city.ROWS["deviations"], *deviations)))
    rows.append(Row((sections["answered"], city.ROWS["answered"], *values(fb.answered))))
    rows.append(Row((sections["acted_on"], city.ROWS["acted_on"], *values(fb.acted_on))))
    return TableSpec("Synpunkter och klagomål", city.TITLE, city.COLUMNS, tuple(rows),
                     (3.6, 8.4, 1.5, 1.5, 1.5, 1.7, 5.6), numeric_from=2,
                     extra={"summary": f.feedback_summary, "sections": _sections(fb)})


def _reported(f: ReportFigures, values: Tertials) -> tuple[int | None, ...]:
    """Each tertial's number, or None for a tertial the report does not cover yet."""
    return tuple(values.of(t) if t in f.tertials else None for t in ("T1", "T2", "T3"))


def _sections(fb: FeedbackFigures) -> list[tuple[int, int]]:
    """(first, last) body row of each section of the feedback template, for spanning its name."""
    spans, start = [(0, 0)], 1
    for rows in (fb.from_, fb.about):
        spans.append((start, start + len(rows) - 1))
        start += len(rows)
    spans += [(start, start), (start + 1, start + 1), (start + 2, start + 2)]  # avvikelser, återkoppling, åtgärder
    return spans


def year_tables(f: ReportFigures) -> list[TableSpec]:
    """Every table of the report, in the report's order."""
    from . import outreach_tables as reach  # they build on this module's rows
    from .activity_tables import activities, sessions_by_kind
    from .goal_tables import goals
    from .signup_tables import signups

    return [key_figures(f), by_tertial(f), goals(f), attendance(f), months(f), kinds(f), sessions_by_kind(f),
            activities(f), places(f), services_overview(f), *(service_detail(f, svc) for svc in f.services),
            groups(f), trainings(f), signups(f), reach.outreach(f), reach.routes(f), reach.volunteers(f), feedback(f)]
