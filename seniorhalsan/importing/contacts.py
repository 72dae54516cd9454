"""Import of support contacts: datum;tjänst;person;födelseår;kön;kontakttyp[;medarbetare;minuter;anteckning].

Persons are matched by their reference; a new reference creates the person, and a
birth year or gender that disagrees with the recorded one is an error. A line that
matches a contact already recorded (same day, service, person and kind, counted in
order) is not added again.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from ..db.models import Contact
from ..db.session import Ctx
from ..roles import requires, visible_services
from ..errors import FieldError, NotFound, ValidationError
from ..services import contacts as contact_service
from ..services import persons as person_service
from ..services import staff as staff_service
from ..services.checks import Checker
from ..services.lookups import service_by_key, services
from ..vocabulary import CONTACT_KINDS, GENDER_ALIASES, GENDERS, fold
from .reader import Table, parse_date
from .report import ImportRefused, ImportReport, suggestions

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
}

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
}


def may_use(ctx: Ctx, service_key: str) -> bool:
    services = visible_services(ctx)
    return services is None or service_key in services


@requires("persons")
def import_contacts(ctx: Ctx, table: Table, *, create_missing: bool = False) -> ImportReport:
    report = ImportReport(kind="kontakter", )
    required = ("datum", "tjänst", "person", "födelseår", "kön", "kontakttyp")
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise ValidationError(
            FieldError(
                "columns",
                "filen saknar " + ", ".join(missing)
                + ". Första raden ska vara datum;tjänst;person;födelseår;kön;kontakttyp"
                " (och valfritt medarbetare;minuter;anteckning).",
            )
        )
    service_names = [s.name for s in services(ctx)]
    staff_cache: dict[str, int] = {}
    existing: dict[tuple, list[Contact]] = defaultdict(list)
    seen: dict[tuple, int] = defaultdict(int)
    first_seen: dict[str, tuple[int, int | None, str | None]] = {}

    for row in table:
        report.rows += 1
        errors_before = len(report.errors)
        check = Checker()
        day = parse_date(row.get("datum"))
        if day is None:
            report.error(row.line, "datum", f"'{row.text('datum')}' är inget datum (skriv ÅÅÅÅ-MM-DD)." if row.text("datum") else "datum saknas.")

        service = None
        try:
            service = service_by_key(ctx, row.text("tjänst"))
        except NotFound:
            name = row.text("tjänst")
            report.error(
                row.line, "tjänst",
                (f"'{name}' är ingen tjänst." if name else "tjänst saknas.")
                + (suggestions(name, service_names) or f" Välj en av: {', '.join(service_names)}."),
            )

        reference = row.text("person")
        birth_year = check.integer("birth_year", row.get("födelseår"), required=True)
        gender = check.choice("gender", row.text("kön"), GENDERS, aliases=GENDER_ALIASES)
        kind = check.choice("contact_kind", row.text("kontakttyp"), CONTACT_KINDS)
        for error in check.errors:
            report.error(row.line, COLUMN_OF_FIELD.get(error.field, error.label.lower()), error.message)
        if not reference:
            report.error(row.line, "person", "personens referens saknas.")
        elif birth_year is not None and gender is not None:
            earlier = first_seen.get(reference.lower())
            if earlier and earlier[1] != birth_year:
                report.error(row.line, "födelseår", f"{reference} står med födelseår {earlier[1]} på rad {earlier[0]}.")
            elif earlier and earlier[2] != gender:
                report.error(row.line, "kön", f"{reference} står med kön {GENDERS[earlier[2]].lower()} på rad {earlier[0]}.")
            first_seen.setdefault(reference.lower(), (row.line, birth_year, gender))

        staff_id = None
        staff_name = row.text("medarbetare")
        if staff_name:
            staff_id = staff_cache.get(fold(staff_name))
            if staff_id is None:
                found = staff_service.find_staff(ctx, staff_name)
                if found is None and create_missing:
                    found = staff_service.create_staff(ctx, name=staff_name)
                    report.created_records.append(f"medarbetaren {found.name}")
                if found is None:
                    known = [s.name for s in staff_service.list_staff(ctx, include_inactive=True)]
                    report.error(row.line, "medarbetare", f"'{staff_name}' är ingen känd medarbetare." + suggestions(staff_name, known))
                else:
                    staff_id = staff_cache[fold(staff_name)] = found.id

        if service is not None and not may_use(ctx, service.key):
            report.error(row.line, "tjänst", f"du arbetar inte med {service.name} och kan inte registrera dess kontakter.")
        if len(report.errors) > errors_before or day is None or service is None:
            continue
        _save_line(ctx, row, report, day, service, reference, birth_year, gender, kind, staff_id, existing, seen)

    if report.errors:
        raise ImportRefused(report)
    return report


def _save_line(ctx, row, report, day, service, reference, birth_year, gender, kind, staff_id, existing, seen) -> None:
    person = person_service.person_by_reference(ctx, reference)
    try:
        if person is None:
            person = person_service.create_person(
                ctx, reference=reference, birth_year=birth_year, gender=gender
            )
            report.created_records.append(f"personen {reference}")
        else:
            wrong = person_service.matches(person, birth_year=birth_year, gender=gender)
            for field in wrong:
                recorded = person.birth_year if field == "birth_year" else GENDERS[person.gender].lower()
                report.error(row.line, COLUMN_OF_FIELD[field], f"stämmer inte med det registrerade för {reference} ({recorded}).")
            if wrong:
                return
    except ValidationError as exc:
        for error in exc.errors:
            report.error(row.line, COLUMN_OF_FIELD.get(error.field, error.label.lower()), error.message)
        return

    key = (day, service.id, person.id, kind)
    if key not in existing:
        existing[key] = list(
            ctx.session.scalars(
                select(Contact)
                .where(Contact.contact_date == day, Contact.service_id == service.id,
                       Contact.person_id == person.id, Contact.kind == kind)
                .order_by(Contact.id)
            )
        )
    index = seen[key]
    seen[key] += 1
    tasks = [t.strip() for t in row.text("utfört").replace(";", ",").split(",") if t.strip()]
    fields = dict(staff_id=staff_id, minutes=row.get("minuter"), note=row.text("anteckning") or None)
    try:
        if index < len(existing[key]):
            old = existing[key][index]
            minutes = Checker().integer("Minuter", fields["minutes"])
            if (old.staff_id, old.minutes, old.note) == (staff_id, minutes, fields["note"]) or not any(
                v is not None for v in fields.values()
            ):
                report.unchanged += 1
            else:
                contact_service.update_contact(ctx, old.id, **fields)
                report.updated += 1
            return
        contact_service.add_contact(
            ctx, person_id=person.id, service=service.key, contact_date=day, kind=kind, tasks=tasks, **fields
        )
        report.created += 1
    except ValidationError as exc:
        for error in exc.errors:
            report.error(row.line, COLUMN_OF_FIELD.get(error.field, error.label.lower()), error.message)
