"""Importing the outreach log (and routes in with contacts): the window's operations, streamed,
whole or nothing, bounded at 1 000 errors, and the same file twice adds nothing."""

import datetime as dt

import pytest

from seniorhalsan import stats
from seniorhalsan.cli.main import main
from seniorhalsan.database import open_database
from seniorhalsan.importing import ImportRefused
from seniorhalsan.importing.report import MAX_ERRORS
from seniorhalsan.operations.catalogue import CreatePlace
from seniorhalsan.operations.imports import ImportFile
from seniorhalsan.services import outreach, persons, routes
from tests import factories
from tests.concurrency import at_once

D = dt.date
HEADER = "datum;typ;samarbetspartner;nådda;medarbetare;anteckning\n"
LOG = HEADER + """2025-03-10;informationsmöte;Vårdcentralen;12;Petra Nyholm;Personalmöte
2025-03-10;Informationsmöte;Vårdcentralen;8;Petra Nyholm;
2025-01-15;annons;;;;Lokaltidningen
2025-10-01;mässa;;120;Petra Nyholm;Äldredagen
2025-02-01;Affischer;;;;
"""


def write(tmp_path, text, name="utatriktat.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def imported(db, path, **kw):
    return db.perform(ImportFile("outreach", path, **kw)).value


@pytest.fixture
def unit(db):
    factories.staff_member(db, "Petra Nyholm")
    return db.perform(CreatePlace("Vårdcentralen", kind="partner")).value


def test_the_log_is_imported_and_a_second_import_adds_nothing(db, unit, tmp_path):
    path = write(tmp_path, LOG)
    report = imported(db, path)
    assert (report.rows, report.created, report.updated, report.unchanged) == (5, 5, 0, 0)
    told = db.read(stats.year_stats, 2025).outreach
    assert told.to_json()["events"] == 5 and told.total.reached == 140
    assert told.by_kind["informationsmote"].to_json() == {"events": 2, "reached": 20}
    assert told.by_kind["massa_bord"].to_json() == {"events": 1, "reached": 120}
    entry = next(e for e in db.read(outreach.list_outreach) if e.reached == 12)
    assert (entry.partner_name, entry.staff_name, entry.note) == ("Vårdcentralen", "Petra Nyholm", "Personalmöte")
    again = imported(db, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)


def test_a_changed_line_changes_its_entry(db, unit, tmp_path):
    imported(db, write(tmp_path, LOG))
    report = imported(db, write(tmp_path, LOG.replace(";8;Petra Nyholm;", ";9;Petra Nyholm;Nio kom")))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    second = [e for e in db.read(outreach.list_outreach) if e.held_on == D(2025, 3, 10)]
    assert sorted((e.reached, e.note) for e in second) == [(9, "Nio kom"), (12, "Personalmöte")]


def test_bad_lines_are_named_with_line_and_column_and_nothing_is_saved(db, unit, tmp_path, unchanged):
    bad = HEADER + """2025-03-10;informationsmöte;Vårdcentralen;12;Petra Nyholm;
2025-03-11;skrivelse;;;;
2025-13-01;annons;;;;
2025-03-12;annons;Vårdcentral;;;
2025-03-12;annons;Axelsberg;;;
2025-03-13;annons;;minus;;
2025-03-14;annons;;;Okänd Person;
2099-01-01;annons;;;;
"""
    with unchanged(), pytest.raises(ImportRefused) as refused:
        imported(db, write(tmp_path, bad))
    text = str(refused.value)
    assert "Rad 3, kolumn typ: 'skrivelse' är ingen typ av utåtriktat arbete" in text
    assert "Rad 4, kolumn datum:" in text
    assert "Rad 5, kolumn samarbetspartner: 'Vårdcentral' finns inte bland samarbetspartnerna." in text
    assert "Vårdcentralen" in text  # the nearest partner is suggested
    assert "Rad 6, kolumn samarbetspartner: Axelsberg är en mötesplats, ingen samarbetspartner." in text
    assert "Rad 7, kolumn nådda:" in text
    assert "Rad 8, kolumn medarbetare: 'Okänd Person' är ingen känd medarbetare" in text
    assert "Rad 9, kolumn datum: 2099-01-01 ligger utanför åren 1900–2027." in text
    assert db.read(outreach.list_outreach) == []


def test_missing_partners_and_staff_are_created_when_asked(db, tmp_path):
    report = imported(db, write(tmp_path, LOG), create_missing=True)
    assert report.created == 5
    assert "samarbetspartnern Vårdcentralen" in report.created_records
    assert "medarbetaren Petra Nyholm" in report.created_records


def test_a_file_of_bad_lines_stops_after_1000_errors(db, tmp_path, unchanged):
    with unchanged(), pytest.raises(ImportRefused) as refused:
        imported(db, write(tmp_path, HEADER + "i går;annons;;;;\n" * (MAX_ERRORS + 200)))
    report = refused.value.report
    assert report.full and len(report.errors) == MAX_ERRORS and report.unchecked == 200


def test_two_imports_of_the_same_file_at_once_save_it_once(db, db_url, unit, tmp_path):
    lines = [f"{(D(2025, 1, 1) + dt.timedelta(days=n % 60)).isoformat()};informationsmöte;Vårdcentralen;{n};;"
             for n in range(120)]
    path = write(tmp_path, HEADER + "\n".join(lines) + "\n")
    reports = at_once(db_url, ImportFile("outreach", path), ImportFile("outreach", path))
    assert sorted((r.created, r.unchanged) for r in reports) == [(0, 120), (120, 0)]
    assert db.read(stats.year_stats, 2025).outreach.total.events == 120


def test_the_command_line(db, unit, tmp_path, capsys, monkeypatch):
    import seniorhalsan.database

    def on_the_tests_day(*args, **kwargs):
        opened = open_database(*args, **kwargs)
        opened.clock = db.clock
        return opened

    monkeypatch.setattr(seniorhalsan.database, "open_database", on_the_tests_day)
    path = write(tmp_path, LOG)
    assert main(["--db-url", db.url, "import", "outreach", path]) == 0
    assert "5 nya" in capsys.readouterr().out


# --- the route in, with the contacts -----------------------------------------------------------

CONTACTS = "datum;tjänst;person;födelseår;kön;kontakttyp;väg\n"


def route_of(db, reference, service="fixartjanst"):
    person = db.read(persons.person_by_reference, reference)
    return db.read(routes.route_question, person_id=person.id, service=service).route


def test_contacts_bring_how_each_person_found_the_service(db, tmp_path):
    lines = CONTACTS + """2025-03-03;Fixartjänst;F-1;1940;kvinna;hembesök;biståndshandläggare
2025-04-03;Fixartjänst;F-1;1940;kvinna;hembesök;
2025-03-04;Fixartjänst;F-2;1938;man;hembesök;vc
2025-03-05;Fixartjänst;F-3;1941;kvinna;hembesök;
2025-03-05;IT-stöd;F-1;1940;kvinna;telefon;Annons eller folder
"""
    report = db.perform(ImportFile("contacts", write(tmp_path, lines, "kontakter.csv"))).value
    assert report.created == 5
    assert (route_of(db, "F-1"), route_of(db, "F-2"), route_of(db, "F-3")) == (
        "bistandshandlaggare", "vardcentral", None)
    assert route_of(db, "F-1", "it_stod") == "annons_folder"
    ways = db.read(stats.year_stats, 2025).services["fixartjanst"].new_persons_by_route
    assert (ways["bistandshandlaggare"], ways["vardcentral"], ways["ej_angiven"]) == (1, 1, 1)
    again = db.perform(ImportFile("contacts", write(tmp_path, lines, "kontakter.csv"))).value
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    corrected = db.perform(ImportFile("contacts", write(
        tmp_path, lines.replace(";man;hembesök;vc", ";man;hembesök;anhörig"), "kontakter.csv"))).value
    assert (corrected.updated, corrected.unchanged) == (1, 4)  # the route changed, nothing else
    assert route_of(db, "F-2") == "anhorig"


def test_a_route_the_file_disagrees_on_or_does_not_know_is_refused(db, tmp_path, unchanged):
    lines = CONTACTS + """2025-03-03;Fixartjänst;F-1;1940;kvinna;hembesök;vårdcentral
2025-04-03;Fixartjänst;F-1;1940;kvinna;hembesök;anhörig
2025-03-04;Fixartjänst;F-2;1938;man;hembesök;brevduva
"""
    with unchanged(), pytest.raises(ImportRefused) as refused:
        db.perform(ImportFile("contacts", write(tmp_path, lines, "kontakter.csv")))
    text = str(refused.value)
    assert "Rad 3, kolumn väg: F-1 står med vägen vårdcentral på rad 2." in text
    assert "Rad 4, kolumn väg: 'brevduva' känns inte igen" in text
