"""Import of support contacts: datum;tjänst;person;födelseår;kön;kontakttyp[;medarbetare;minuter;anteckning;utfört;väg].

The lines are saved through the same operation and rules as contacts and persons typed in the
window (`AddContacts`), a chunk at a time: a person is matched by reference (an unknown one is
created by the person rules; a birth year or gender that disagrees with the recorded one is an
error), and the n-th line of a day, service, person and kind is the n-th contact recorded for
them, so that importing a file twice adds nothing the second time. The optional `väg` is how the
person found the service; the lines of one person and service must not disagree on it.
"""

from __future__ import annotations

import datetime as dt

from ..db.session import Ctx
from ..errors import FieldError, UserError, ValidationError
from ..formatting import number
from ..operations.support import AddContacts
from ..roles import requires
from ..services import staff as staff_service
from ..services.checks import Checker
from ..services.contacts_bulk import ContactInput, ContactsSaved, add_contacts
from ..services.lookups import services
from ..vocabulary import CONTACT_KINDS, GENDER_ALIASES, GENDERS, ROUTE_ALIASES, ROUTES, fold
from .cells import date_cell
from .reader import Row, Table
from .report import ImportRefused, ImportReport, checked_rows, save_chunk, suggestions

ALIASES = {
    "datum": "datum",
    "tjanst": "tjänst",
    "insats": "tjänst",
    "person": "person",
    "referens": "person",
    "fodelsear": "födelseår",
    "kon": "kön",
    "kontakttyp": "kontakttyp",
    "typ": "kontakttyp",
    "medarbetare": "medarbetare",
    "instruktor": "medarbetare",
    "minuter": "minuter",
    "tid": "minuter",
    "anteckning": "anteckning",
    "utfort": "utfört",
    "uppgifter": "utfört",
    "vag": "väg",
    "vag in": "väg",
}

REQUIRED = ("datum", "tjänst", "person", "födelseår", "kön", "kontakttyp")
COLUMN_OF_FIELD = {
    "date": "datum",
    "contact_kind": "kontakttyp",
    "minutes": "minuter",
    "note": "anteckning",
    "tasks": "utfört",
    "birth_year": "födelseår",
    "gender": "kön",
    "reference": "person",
    "person": "person",
    "service": "tjänst",
    "staff": "medarbetare",
    "route": "väg",
}
CHUNK_ROWS = 20_000  # lines checked and saved together; a large file is never held whole


@requires("persons")
def import_contacts(ctx: Ctx, table: Table, *, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="kontakter")
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise ValidationError(FieldError(
            "columns",
            "filen saknar " + ", ".join(missing)
            + ". Första raden ska vara datum;tjänst;person;födelseår;kön;kontakttyp"
            " (och valfritt medarbetare;minuter;anteckning;utfört;väg).",
        ))
    lines = _Lines(ctx, report, create_missing, with_tasks="utfört" in table.columns,
                   with_route="väg" in table.columns)
    pending: list[tuple[int, ContactInput]] = []
    new_persons: list[str] = []
    for row in checked_rows(table, report):
        contact = lines.read(row)
        if contact is not None:
            pending.append((row.line, contact))
        if len(pending) >= CHUNK_ROWS:
            _save(ctx, pending, report, new_persons)
            pending = []
    _save(ctx, pending, report, new_persons)
    if report.errors:
        report.errors.sort(key=lambda e: e.line)  # a line's own order kept: the sort is stable
        raise ImportRefused(report)
    if new_persons:
        shown = ", ".join(new_persons[:10]) + (", …" if len(new_persons) > 10 else "")
        report.created_records.append(f"personen {shown}" if len(new_persons) == 1
                                      else f"{number(len(new_persons))} personer ({shown})")
    return report


def _save(ctx: Ctx, pending: list[tuple[int, ContactInput]], report: ImportReport, new_persons: list[str]) -> None:
    """Save a chunk of lines through the window's rules (see `save_chunk`)."""

    def save(contacts: tuple[ContactInput, ...]) -> ContactsSaved:
        saved = AddContacts(contacts).apply(ctx)
        ctx.flush_log()  # a large file's access-log entries are not held until the end
        return saved

    saved = save_chunk(report, pending, save=save, check=lambda contacts: add_contacts(ctx, contacts, write=False),
                       refused=lambda line, exc: report.refused(line, exc, COLUMN_OF_FIELD, other="person",
                                                                unknown="person"))
    if saved is not None:
        report.saved(saved)
        new_persons.extend(saved.new_persons)


class _Lines:
    """A line's cells as a contact: services and staff by the names a file uses (staff created
    when asked to), and each person's birth year and gender the same on every line."""

    def __init__(self, ctx: Ctx, report: ImportReport, create_missing: bool, *, with_tasks: bool,
                 with_route: bool = False) -> None:
        self.ctx, self.report, self.create_missing, self.with_tasks = ctx, report, create_missing, with_tasks
        self.with_route = with_route
        self.routes: dict[str, tuple[str | None, list]] = {}
        self.route_lines: dict[tuple[int, str], tuple[str, int]] = {}  # each person and service's route and its line
        known = services(ctx)
        self.service_names = [s.name for s in known]
        self.services: dict[str, str] = {}
        for s in known:
            self.services[fold(s.key)] = self.services[fold(s.name)] = s.key
        everyone = staff_service.list_staff(ctx, include_inactive=True)
        self.staff = {fold(s.name): s.id for s in reversed(everyone)}  # the first of a name, as find_staff
        self.staff_names = [s.name for s in everyone]
        self.genders: dict[str, tuple[str | None, list]] = {}  # each spelling in the file, looked up once
        self.kinds: dict[str, tuple[str | None, list]] = {}
        self.task_lists: dict[str, tuple[str, ...]] = {}
        # each reference's number (for the packed keys below), first line, birth year and gender
        self.persons: dict[str, tuple[int, int, int, str]] = {}
        self.pairs: dict[tuple[str, str], int] = {}  # a number for each service and kind
        # The lines' days, services, persons and kinds, each packed in one number: those seen once
        # in a set, those seen again with their count, so that a large file's keys take little memory.
        self.seen: set[int] = set()
        self.repeated: dict[int, int] = {}

    def read(self, row: Row) -> ContactInput | None:
        """The line's contact; None if a cell is wrong (reported)."""
        report, errors = self.report, len(self.report.errors)
        day = date_cell(report, row, "datum", today=self.ctx.today)
        service = self.service(row)
        reference = _text(row, "person")
        check = Checker()
        birth_year = check.integer("birth_year", row.get("födelseår"), required=True)
        gender = self.choice(check, self.genders, "gender", _text(row, "kön"))
        kind = self.choice(check, self.kinds, "contact_kind", _text(row, "kontakttyp"))
        minutes = check.integer("minutes", row.get("minuter"))
        route_text = _text(row, "väg") if self.with_route else ""
        route = self.choice(check, self.routes, "route", route_text) if route_text else None
        for error in check.errors:
            report.error(row.line, COLUMN_OF_FIELD[error.field], error.message)
        if not reference:
            report.error(row.line, "person", "personens referens saknas.")
        elif birth_year is not None and gender is not None:
            self._same_person(row, reference, birth_year, gender)
        staff_id = self.staff_member(row)
        if route and service and reference and reference.lower() in self.persons:
            self._same_route(row, reference, service, route)
        if len(report.errors) > errors or day is None or service is None or birth_year is None \
                or gender is None or kind is None:
            return None
        tasks = None
        if self.with_tasks:
            done = _text(row, "utfört")
            tasks = self.task_lists.get(done)
            if tasks is None:  # each way of writing the checklist split once
                tasks = self.task_lists[done] = tuple(t.strip() for t in done.replace(";", ",").split(",") if t.strip())
        return ContactInput(reference, birth_year, gender, service, day, kind, staff_id, minutes,
                            _text(row, "anteckning") or None, tasks,
                            self._occurrence(reference, day, service, kind), route)

    @staticmethod
    def choice(into: Checker, seen: dict[str, tuple[str | None, list]], field: str, text: str) -> str | None:
        """A gender, a kind of contact or a route as the file writes it, looked up once for each spelling."""
        if text not in seen:
            check = Checker()
            key: str | None  # None for a spelling refused: its errors are kept beside it
            if field == "gender":
                key = check.choice(field, text, GENDERS, aliases=GENDER_ALIASES)
            elif field == "route":
                key = check.choice(field, text, ROUTES, aliases=ROUTE_ALIASES)
            else:
                key = check.choice(field, text, CONTACT_KINDS)
            seen[text] = (key, check.errors)
        key, errors = seen[text]
        if errors:
            into.errors.extend(errors)
        return key

    def service(self, row: Row) -> str | None:
        name = _text(row, "tjänst")
        key = self.services.get(fold(name)) if name else None
        if key is None:
            self.report.error(row.line, "tjänst", (f"'{name}' är ingen tjänst." if name else "tjänst saknas.")
                              + (suggestions(name, self.service_names)
                                 or f" Välj en av: {', '.join(self.service_names)}."))
        return key

    def staff_member(self, row: Row) -> int | None:
        name = _text(row, "medarbetare")
        if not name:
            return None
        if fold(name) not in self.staff and self.create_missing:
            try:
                created = staff_service.create_staff(self.ctx, name=name)
            except UserError as exc:
                self.report.error(row.line, "medarbetare", str(exc))
                return None
            self.staff[fold(name)] = created.id
            self.staff_names.append(created.name)
            self.report.created_records.append(f"medarbetaren {created.name}")
        staff_id = self.staff.get(fold(name))
        if staff_id is None:
            self.report.error(row.line, "medarbetare", f"'{name}' är ingen känd medarbetare."
                              + suggestions(name, self.staff_names))
        return staff_id

    def _same_person(self, row: Row, reference: str, birth_year: int, gender: str) -> None:
        key = reference.lower()
        earlier = self.persons.get(key)
        if earlier is None:
            earlier = self.persons[key] = (len(self.persons), row.line, birth_year, gender)
        if earlier[2] != birth_year:
            self.report.error(row.line, "födelseår",
                              f"{reference} står med födelseår {earlier[2]} på rad {earlier[1]}.")
        elif earlier[3] != gender:
            self.report.error(row.line, "kön", f"{reference} står med kön {GENDERS[earlier[3]].lower()} "
                                               f"på rad {earlier[1]}.")

    def _same_route(self, row: Row, reference: str, service: str, route: str) -> None:
        """A person's route into a service is one: the file's lines must not disagree on it."""
        key = (self.persons[reference.lower()][0], service)
        earlier = self.route_lines.setdefault(key, (route, row.line))
        if earlier[0] != route:
            self.report.error(row.line, "väg", f"{reference} står med vägen {ROUTES[earlier[0]].lower()} "
                                               f"på rad {earlier[1]}.")

    def _occurrence(self, reference: str, day: dt.date, service: str, kind: str) -> int:
        """How many lines so far name this day, service, person and kind."""
        person = self.persons[reference.lower()][0]
        pair = self.pairs.setdefault((service, kind), len(self.pairs))
        key = (person * 1024 + pair) * 1_000_000 + day.toordinal()
        if key not in self.seen:
            self.seen.add(key)
            return 1
        count = self.repeated[key] = self.repeated.get(key, 1) + 1
        return count


def _text(row: Row, column: str) -> str:
    """A cell as text (`Row.text`), quicker for the usual cell that is text already."""
    value = row.values.get(column)
    return value if type(value) is str else row.text(column)
