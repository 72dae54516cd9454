"""The year's figures shaped into tables, once, for both the PDF and the XLSX workbook.

Cells hold values, not text: whole numbers, `Share` and `Change` (formatted the Swedish
way in the PDF, stored as numbers in the workbook), labels, or None for "not reported".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.dates import get_month_names

from ..formatting import LOCALE
from ..stats import FeedbackFigures, Tertials
from ..vocabulary import AGE_GROUPS, CONTACT_KINDS
from .figures import ReportFigures

AGE_LABELS = {"<65": "Under 65 år", "65-74": "65–74 år", "75-84": "75–84 år", "85+": "85 år och äldre"}
GENDER_LABELS = {"women": "Kvinnor", "men": "Män", "other": "Annat/okänt kön"}

FEEDBACK_SECTIONS = {
    "praise": "Beröm",
    "from": "Från vem har klagomål, synpunkt eller avvikelser inkommit?",
    "about": "Vad gällde klagomålet, synpunkten eller avvikelsen?",
    "answered": "Återkoppling",
    "acted_on": "Åtgärder",
}
FEEDBACK_COLUMNS = ("Uppdelning", "Klagomål, synpunkter, kategorier", "Utfall T1", "Utfall T2", "Utfall VB",
                    "Totalt ack. utfall", "Sammanfattning och planerade åtgärder")


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


def key_figures(f: ReportFigures) -> TableSpec:
    a = f.stats.attendance
    rows = [
        Row(("Besök på aktiviteter", a.visits, None)),
        Row(("Genomförda tillfällen", a.sessions, None)),
        Row(("Kvinnor bland besökarna", a.women, Share(a.women, a.gender_counted))),
    ]
    for svc in f.services:
        entry = f.stats.services[svc.key]
        rows.append(Row((f"{svc.name}: personer", entry.persons, None)))
        rows.append(Row((f"{svc.name}: varav nya", entry.new_persons, Share(entry.new_persons, entry.persons)),
                        indent=True))
    rows.append(Row(("Synpunkter, klagomål och beröm", f.stats.feedback.total.total, None)))
    title = "Perioden i siffror" if f.tertial else "Året i siffror"
    return TableSpec(title, title, ("", "Antal", "Andel"), tuple(rows), (6, 2, 2))


def attendance(f: ReportFigures) -> TableSpec:
    a = f.stats.attendance
    known = a.gender_counted
    rows = (
        Row(("Besök totalt", a.visits, None)),
        Row(("Kvinnor", a.women, Share(a.women, known)), indent=True),
        Row(("Män", a.men, Share(a.men, known)), indent=True),
        Row(("Annat/okänt kön", a.other, Share(a.other, known)), indent=True),
        Row(("Räknade utan uppdelning på kön", a.unspecified, None), indent=True),
        Row(("Nya besökare", a.new_visitors, None)),
        Row(("Genomförda tillfällen", a.sessions, None)),
        Row(("Inställda tillfällen", a.cancelled, None)),
    )
    return TableSpec("Besök", "Besök på aktiviteter", ("", "Antal", "Andel"), rows, (6, 2, 2),
                     note="Andelarna för kön räknas på de besök där kön är angivet.")


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
                                                               "Andel av besöken"), rows, (5, 2, 2, 2, 2, 2))


def kinds(f: ReportFigures) -> TableSpec:
    a = f.stats.attendance
    rows = tuple(Row((f.labels["kinds"].get(k, k), n, Share(n, a.visits))) for k, n in a.by_kind.items())
    return TableSpec("Aktivitetstyper", "Besök per typ av aktivitet", ("Typ av aktivitet", "Besök", "Andel"), rows,
                     (6, 2, 2))


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
    before = f.before
    columns = ("Insats", "Kontakter", f"Kontakter {before}", "Förändring kontakter", "Personer",
               f"Personer {before}", "Förändring personer", "Nya personer", "Andel nya personer")
    # the PDF groups the columns under two header rows, so that each header is one short word
    header = (("", "Kontakter", None, None, "Personer", None, None, "Nya personer", None),
              ("Insats", "I år", "Förra året", "Förändring", "I år", "Förra året", "Förändring", "Antal", "Andel"))
    return TableSpec("Stöd och service", "Stöd och service: kontakter och personer", columns, tuple(rows),
                     (8.5, 5.1, 5.1, 5.8, 5.1, 5.1, 5.8, 4.5, 4.3),
                     note="En person är ny när personens första kontakt med insatsen ligger i år. "
                          f"Förra året betyder {before}.",
                     extra={"header": header, "header_spans": ((1, 3), (4, 6), (7, 8))})


def service_detail(f: ReportFigures, svc) -> TableSpec:
    e = f.stats.services[svc.key]
    contacts, persons = e.contacts, e.persons
    rows = [Row(("Kontakter", contacts, None))]
    rows += [Row((CONTACT_KINDS.get(k, k), n, Share(n, contacts)), indent=True) for k, n in e.by_contact_kind.items()]
    rows += [Row(("Personer", persons, None)),
             Row(("Nya personer", e.new_persons, Share(e.new_persons, persons)), indent=True)]
    rows.append(Row(("Personer per kön",), group=True))
    genders = e.persons_by_gender
    rows += [Row((GENDER_LABELS[k], n, Share(n, persons)), indent=True)
             for k, n in (("women", genders.women), ("men", genders.men), ("other", genders.other))]
    rows.append(Row(("Personer per åldersgrupp",), group=True))
    rows += [Row((AGE_LABELS[g], e.persons_by_age[g], Share(e.persons_by_age[g], persons)), indent=True)
             for g in AGE_GROUPS]
    rows.append(Row(("Kontakter per åldersgrupp",), group=True))
    rows += [Row((AGE_LABELS[g], e.contacts_by_age[g], Share(e.contacts_by_age[g], contacts)), indent=True)
             for g in AGE_GROUPS]
    if e.tasks:
        rows.append(Row(("Utfört vid kontakterna",), group=True))
        rows += [Row((f.labels["tasks"].get(f"{svc.key}:{k}", k), n, Share(n, contacts)), indent=True)
                 for k, n in e.tasks.items()]
    title = svc.name + (f" ({svc.target_group})" if svc.target_group else "")
    return TableSpec(svc.name[:31], title, (svc.name, "Antal", "Andel"), tuple(rows), (6, 2, 2),
                     note="Andelen för kön och ålder räknas på personerna, för kontakttyp och utfört på kontakterna.")


def groups(f: ReportFigures) -> TableSpec:
    rows = [Row((f"{svc.name}: gruppträffar", f.stats.groups[svc.key].meetings, f.stats.groups[svc.key].participants))
            for svc in f.services]
    t = f.stats.trainings
    rows.append(Row(("Utbildningar för personal", t.sessions, t.participants)))
    return TableSpec("Grupper och utbildningar", "Grupper och utbildningar", ("", "Tillfällen", "Deltagare"),
                     tuple(rows), (6, 2, 2))


def feedback(f: ReportFigures) -> TableSpec:
    """The city's template: every row in its order, zeros shown; T2 and VB blank until reported."""
    fb = f.stats.feedback

    def values(four: Tertials) -> tuple:
        return (*_reported(f, four), four.total)

    rows = [Row((FEEDBACK_SECTIONS["praise"], "Antal beröm", *values(fb.praise)))]
    for group, per_key in (("from", fb.from_), ("about", fb.about)):
        for index, (key, four) in enumerate(per_key.items()):
            section = FEEDBACK_SECTIONS[group] if index == 0 else ""
            rows.append(Row((section, f.labels[group].get(key, key), *values(four))))
    rows.append(Row((FEEDBACK_SECTIONS["answered"], "Antal klagomål där återkoppling har lämnats",
                     *values(fb.answered))))
    rows.append(Row((FEEDBACK_SECTIONS["acted_on"], "Antal klagomål där åtgärder vidtagits", *values(fb.acted_on))))
    return TableSpec("Synpunkter och klagomål", "Redovisning av synpunkter och klagomål", FEEDBACK_COLUMNS,
                     tuple(rows), (3.6, 8.4, 1.5, 1.5, 1.5, 1.7, 5.6), numeric_from=2,
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
    spans += [(start, start), (start + 1, start + 1)]
    return spans


def year_tables(f: ReportFigures) -> list[TableSpec]:
    """Every table of the report, in the report's order."""
    from .signup_tables import signups  # it builds on this module's rows

    return [key_figures(f), by_tertial(f), attendance(f), months(f), kinds(f), places(f), services_overview(f),
            *(service_detail(f, svc) for svc in f.services), groups(f), signups(f), feedback(f)]
