"""Importing support contacts through the window's rules: streamed, bounded, whole or nothing,
the same file twice adds nothing, and another service's person is a refusal that tells nothing."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from seniorhalsan.cli.main import main
from seniorhalsan.db.models import AccessLogEntry, Contact, Person
from seniorhalsan.errors import UserError
from seniorhalsan.importing import ImportRefused
from seniorhalsan.importing import contacts as contacts_import
from seniorhalsan.importing.report import MAX_ERRORS
from seniorhalsan.operations.imports import ImportFile
from seniorhalsan.services import accounts, contacts, persons
from tests import factories
from tests.concurrency import at_once
from tests.conftest import TODAY

HEADER = "datum;tjänst;person;födelseår;kön;kontakttyp;medarbetare;minuter;anteckning;utfört\n"
PASSWORD = "ett-långt-lösen"


def write(tmp_path, lines, name="kontakter.csv", header=HEADER):
    path = tmp_path / name
    path.write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def count(db, model) -> int:
    return db.read(lambda ctx: ctx.session.scalar(select(func.count()).select_from(model)))


def test_new_persons_and_their_contacts_with_checklists(db, tmp_path):
    factories.staff_member(db, "Tomas Greger", services=["fixartjanst"])
    path = write(tmp_path, [
        "2025-02-03;Fixartjänst;FX-1;1941;kvinna;hembesök;Tomas Greger;60;Brandvarnare bytt;brandvarnare, glödlampor",
        "2025-02-03;Fixartjänst;FX-1;1941;K;hembesök;;;;",
        "2025-03-01;IT-stöd;IT-4;1950;man;telefon;;15;;",
    ])
    outcome = db.perform(ImportFile("contacts", path))
    report = outcome.value
    assert (report.rows, report.created, report.updated, report.unchanged) == (3, 3, 0, 0)
    assert report.created_records == ["2 personer (FX-1, IT-4)"]
    assert outcome.changes.topics == {"persons", "contacts"}
    fx1 = db.read(persons.person_by_reference, "FX-1")
    visits = sorted(db.read(contacts.list_contacts, person_id=fx1.id), key=lambda c: c.id)
    assert [(c.staff_name, c.minutes, c.note, c.tasks) for c in visits] == [
        ("Tomas Greger", 60, "Brandvarnare bytt", ("brandvarnare", "glodlampor")), (None, None, None, ())]
    # every person and contact created is in the access log, as when typed in the window
    logged = db.read(lambda ctx: sorted(ctx.session.execute(
        select(AccessLogEntry.operation, AccessLogEntry.record_type, func.count())
        .where(AccessLogEntry.operation == "skapa")
        .group_by(AccessLogEntry.operation, AccessLogEntry.record_type)).all()))
    assert logged == [("skapa", "kontakt", 3), ("skapa", "person", 2)]


def test_the_same_file_twice_adds_nothing_and_a_corrected_line_corrects_its_contact(db, tmp_path):
    lines = ["2025-02-03;Fixartjänst;FX-1;1941;kvinna;hembesök;;60;;brandvarnare",
             "2025-02-03;Fixartjänst;FX-1;1941;kvinna;hembesök;;30;;",
             "2025-02-04;Fixartjänst;FX-2;1936;man;telefon;;;;"]
    db.perform(ImportFile("contacts", write(tmp_path, lines)))
    again = db.perform(ImportFile("contacts", write(tmp_path, lines)))
    assert (again.value.created, again.value.updated, again.value.unchanged) == (0, 0, 3)
    assert not again.changes
    lines[1] = "2025-02-03;Fixartjänst;FX-1;1941;kvinna;hembesök;;45;;glödlampor"
    lines.append("2025-02-04;Fixartjänst;FX-2;1936;man;telefon;;;;")  # a second call that day
    corrected = db.perform(ImportFile("contacts", write(tmp_path, lines))).value
    assert (corrected.created, corrected.updated, corrected.unchanged) == (1, 1, 2)
    fx1 = db.read(persons.person_by_reference, "FX-1")
    visits = sorted(db.read(contacts.list_contacts, person_id=fx1.id), key=lambda c: c.id)
    assert [(c.minutes, c.tasks) for c in visits] == [(60, ("brandvarnare",)), (45, ("glodlampor",))]
    assert visits[1].version == 2
    assert (count(db, Person), count(db, Contact)) == (2, 4)


def test_refusals_are_named_by_their_column_and_line(db, tmp_path, unchanged):
    factories.person(db, reference="FX-1", birth_year=1941, gender="kvinna")
    path = write(tmp_path, [
        "2025-01-01;Fixartjänst;FX-1;1941;kvinna;hembesök;;;;",                  # 2: good
        "2025-01-02;Fixartjänst;FX-1;1942;kvinna;hembesök;;;;",                  # 3: not as recorded
        "2025-01-03;Fixartjänst;NY-1;1885;kvinna;hembesök;;;;",                  # 4: the person rules
        "2025-01-04;Fixartjänst;" + "X" * 41 + ";1940;man;hembesök;;;;",         # 5: reference too long
        "2025-01-05;Fixartjänst;NY-2;1940;man;hembesök;;5000;;",                 # 6: minutes
        "2025-01-06;Fixartjänst;NY-3;1940;man;hembesök;;;" + "x" * 4001 + ";",   # 7: note
        "2025-01-07;Fixartjänst;NY-4;1940;man;hembesök;;;;måla om köket",        # 8: checklist
        "1935-01-08;Fixartjänst;NY-5;1940;man;hembesök;;;;",                     # 9: before the birth year
        f"{TODAY + dt.timedelta(days=1)};Fixartjänst;NY-6;1940;man;hembesök;;;;",  # 10: tomorrow
        "2025-01-10;Fixartjänst;NY-7;1940;man;hembesök;Ingen Alls;;;",           # 11: staff
    ])
    with unchanged(), pytest.raises(ImportRefused) as refused:
        db.perform(ImportFile("contacts", path))
    found = [(e.line, e.column) for e in refused.value.report.errors]
    assert found == [(3, "födelseår"), (4, "födelseår"), (5, "person"), (6, "minuter"), (7, "anteckning"),
                     (8, "utfört"), (9, "datum"), (10, "datum"), (11, "medarbetare")]
    messages = {e.line: e.message for e in refused.value.report.errors}
    assert "1941" in messages[3] and "1885" in messages[4] and "framtiden" in messages[10]


def test_dates_a_report_can_never_hold_are_refused_with_their_line(db, tmp_path, unchanged):
    path = write(tmp_path, [
        "0001-01-01;Fixartjänst;A;1940;kvinna;hembesök;;;;",
        "1800-01-01;Fixartjänst;B;1940;kvinna;hembesök;;;;",
        f"{TODAY.year + 2}-01-01;Fixartjänst;C;1940;kvinna;hembesök;;;;",
        "2026-11-17 skräp;Fixartjänst;D;1940;kvinna;hembesök;;;;",
        "2026-11-17 10:00;Fixartjänst;E;1940;kvinna;hembesök;;;;",
    ])
    with unchanged(), pytest.raises(ImportRefused) as refused:
        db.perform(ImportFile("contacts", path))
    errors = {e.line: (e.column, e.message) for e in refused.value.report.errors}
    assert set(errors) == {2, 3, 4, 5}
    assert all(column == "datum" for column, _message in errors.values())
    assert "1900" in errors[2][1] and "1900" in errors[3][1] and "1900" in errors[4][1]
    assert "inget datum" in errors[5][1]


def test_a_file_of_bad_lines_stops_after_a_thousand_errors(db, tmp_path, unchanged):
    path = write(tmp_path, [f"2025-01-01;Hemtjänst;P{n};1940;kvinna;hembesök;;;;" for n in range(MAX_ERRORS + 2500)])
    with unchanged(), pytest.raises(ImportRefused) as refused:
        db.perform(ImportFile("contacts", path))
    report = refused.value.report
    assert len(report.errors) == MAX_ERRORS and report.full
    assert report.rows == MAX_ERRORS and report.unchecked == 2500
    assert "2\xa0500 rader till lästes inte" in str(refused.value)


def test_lines_refused_by_the_rules_also_stop_the_reading(db, tmp_path, unchanged, monkeypatch):
    """Lines whose cells are fine but whose values the contact rules refuse count as errors too."""
    monkeypatch.setattr(contacts_import, "CHUNK_ROWS", 500)
    path = write(tmp_path, [f"2025-01-01;Fixartjänst;P{n};1940;kvinna;hembesök;;2000;;" for n in range(3 * MAX_ERRORS)])
    with unchanged(), pytest.raises(ImportRefused) as refused:
        db.perform(ImportFile("contacts", path))
    report = refused.value.report
    assert len(report.errors) == MAX_ERRORS and report.unchecked == 2 * MAX_ERRORS
    assert {e.column for e in report.errors} == {"minuter"}


# --- another service's person -----------------------------------------------------------------


@pytest.fixture
def fixaren(db):
    """An instructor of Fixartjänst; IT-1 is a person of IT-stöd."""
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="fixaren", password=PASSWORD, role="instruktor",
            services=["fixartjanst"])
    it_person = factories.person(db, reference="IT-1", birth_year=1950, gender="kvinna", name="Ingrid")
    factories.contact(db, it_person.id, service="it_stod", kind="telefon")
    db.actor = db.call(accounts.login, username="fixaren", password=PASSWORD)
    return db


THEIRS = "2025-05-05;Fixartjänst;IT-1;1950;kvinna;hembesök;;;;"
NOBODYS_YET = "2025-05-05;Fixartjänst;FX-3;1944;man;hembesök;;;;"


def test_an_instructor_importing_another_services_person_is_refused_without_being_told_of_it(
        fixaren, tmp_path, unchanged):
    with unchanged(), pytest.raises(ImportRefused) as refused:
        fixaren.perform(ImportFile("contacts", write(tmp_path, [THEIRS.replace("IT-1", "it-1"), NOBODYS_YET])))
    [error] = refused.value.report.errors
    assert (error.line, error.column) == (2, "person")
    for telling in ("används", "finns", "IT-stöd", "Ingrid", "annan person", "1950"):
        assert telling not in error.message
    report = fixaren.perform(ImportFile("contacts", write(tmp_path, [NOBODYS_YET]))).value
    assert report.created == 1


def test_the_command_line_refuses_it_in_swedish_with_exit_1(fixaren, tmp_path, capsys, monkeypatch):
    fixaren.dispose()
    monkeypatch.setenv("SENIORHALSAN_PASSWORD", PASSWORD)
    path = write(tmp_path, [THEIRS])
    before = (count(fixaren, Person), count(fixaren, Contact))
    code = main(["--db-url", fixaren.url, "--user", "fixaren", "import", "contacts", path])
    err = capsys.readouterr().err
    assert code == 1 and (count(fixaren, Person), count(fixaren, Contact)) == before
    assert "Rad 2, kolumn person" in err and "Inget sparades" in err
    assert "Traceback" not in err and "IntegrityError" not in err


def test_the_command_line_refuses_another_service(fixaren, tmp_path, capsys, monkeypatch):
    fixaren.dispose()
    monkeypatch.setenv("SENIORHALSAN_PASSWORD", PASSWORD)
    path = write(tmp_path, ["2025-05-05;IT-stöd;IT-9;1950;kvinna;telefon;;;;"])
    assert main(["--db-url", fixaren.url, "--user", "fixaren", "import", "contacts", path]) == 1
    assert "Rad 2, kolumn tjänst: du arbetar inte med IT-stöd" in capsys.readouterr().err
    assert fixaren.read(persons.person_by_reference, "IT-9") is None


# --- two imports at once -----------------------------------------------------------------------


def test_two_imports_of_the_same_file_at_once_save_it_once(db, db_url, tmp_path):
    """150 persons not yet known, ten contacts each: neither the persons nor the contacts are doubled."""
    lines = [f"{(TODAY - dt.timedelta(days=1 + n // 3)).isoformat()};Fixartjänst;R-{n % 150};{1930 + n % 150 % 20};"
             f"{'kvinna' if n % 2 else 'man'};hembesök;;{15 + n % 4 * 15};;" for n in range(1500)]
    path = write(tmp_path, lines)
    reports = at_once(db_url, ImportFile("contacts", path), ImportFile("contacts", path))
    assert sorted((r.created, r.unchanged) for r in reports) == [(0, len(lines)), (len(lines), 0)]
    assert count(db, Contact) == len(lines)
    assert count(db, Person) == len({line.split(";")[2] for line in lines})


def test_a_file_without_a_heading_is_refused_not_a_crash(db, tmp_path):
    path = tmp_path / "citat.csv"
    path.write_bytes(b'"')  # found by test_importers_take_any_bytes: the reader ran out of lines
    with pytest.raises(UserError, match="ingen rad med rubriker"):
        db.perform(ImportFile("contacts", str(path)))
