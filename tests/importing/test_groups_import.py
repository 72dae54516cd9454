"""Importing group meetings and trainings: the window's operations, whole files or nothing, twice adds nothing."""

import datetime as dt

import pytest

from seniorhalsan import stats
from seniorhalsan.cli.main import main
from seniorhalsan.database import open_database
from seniorhalsan.importing import ImportRefused
from seniorhalsan.importing.report import MAX_ERRORS
from seniorhalsan.operations.imports import ImportFile
from seniorhalsan.services import groups
from tests import factories
from tests.concurrency import at_once

GROUPS = """datum;tjänst;grupp;typ;deltagare;medarbetare
2025-02-03;Anhörigstöd;Anhöriggrupp 1: demens;anhöriggrupp;7;Camilla Öst
2025-02-17;Anhörigstöd;Anhöriggrupp 1: demens;Anhöriggrupp;6;Camilla Öst
2025-06-16;IT-stöd;Sommarkurs i IT;kurs;6;
2025-06-16;IT-stöd;Sommarkurs i IT;kurs;8;
2025-03-19;syn_horsel;Öppen mottagning hörselhjälpmedel;öppen mottagning;5;
2025-10-09;Syn- och hörselstöd;Samtal om synnedsättning;samtalsgrupp;4;
2025-04-15;Äldrestöd;Äldreomsorgens stöd;informationsträff;22;
2025-05-05;Äldrestöd;Vårfest;annat;30;
"""

TRAININGS = """datum;tjänst;målgrupp;ämne;deltagare
2025-01-15;Syn- och hörselstöd;Omsorgspersonal i hemtjänsten;Hörselnedsättning;9
2025-02-12;Syn- och hörselstöd;Omsorgspersonal i hemtjänsten;Hörselnedsättning;11
2025-05-20;Anhörigstöd;Anhörigombud;Workshop om anhörigstöd;54
2025-09-12;;Vikarier inom äldreomsorgen;;8
"""


def write(tmp_path, text, name="grupper.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported(db, kind, path, **kw):
    return db.perform(ImportFile(kind, str(path), **kw)).value


@pytest.fixture
def staff(db):
    return factories.staff_member(db, "Camilla Öst")


def test_groups_are_counted_per_service_and_kind_and_a_second_import_adds_nothing(db, staff, tmp_path):
    path = write(tmp_path, GROUPS)
    report = imported(db, "groups", path)
    assert (report.rows, report.created, report.updated, report.unchanged) == (8, 8, 0, 0)
    figures = db.read(stats.year_stats, 2025).groups
    assert (figures["anhorigstod"].meetings, figures["anhorigstod"].participants) == (2, 13)
    assert figures["anhorigstod"].by_kind["anhoriggrupp"] == stats.Meetings(2, 13)
    assert figures["it_stod"].by_kind["kurs"] == stats.Meetings(2, 14)  # two lines alike are two meetings
    assert figures["syn_horsel"].by_kind["oppen_mottagning"] == stats.Meetings(1, 5)
    assert figures["syn_horsel"].by_kind["samtalsgrupp"] == stats.Meetings(1, 4)
    assert figures["aldrestod"].by_kind["informationstraff"] == stats.Meetings(1, 22)
    assert figures["aldrestod"].by_kind["annat"] == stats.Meetings(1, 30)
    assert figures["fixartjanst"].meetings is None  # nothing recorded there
    saved = db.read(groups.list_group_meetings, service="anhorigstod")
    assert {m.staff_id for m in saved} == {staff.id}

    again = imported(db, "groups", path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 8)
    assert db.read(stats.year_stats, 2025).groups == figures


def test_a_changed_count_changes_that_meeting(db, staff, tmp_path):
    imported(db, "groups", write(tmp_path, GROUPS))
    changed = GROUPS.replace("2025-06-16;IT-stöd;Sommarkurs i IT;kurs;8;", "2025-06-16;IT-stöd;Sommarkurs i IT;kurs;9;")
    report = imported(db, "groups", write(tmp_path, changed))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 7)
    assert db.read(stats.year_stats, 2025).groups["it_stod"].by_kind["kurs"] == stats.Meetings(2, 15)
    more = changed + "2025-06-16;IT-stöd;Sommarkurs i IT;kurs;7;\n"  # a third meeting of the same day
    report = imported(db, "groups", write(tmp_path, more))
    assert (report.created, report.updated, report.unchanged) == (1, 0, 8)


def test_trainings_per_service_and_a_second_import_adds_nothing(db, tmp_path):
    path = write(tmp_path, TRAININGS, "utbildningar.csv")
    report = imported(db, "trainings", path)
    assert (report.rows, report.created) == (4, 4)
    t = db.read(stats.year_stats, 2025).trainings
    assert (t.sessions, t.participants) == (4, 82)
    assert t.by_service["syn_horsel"] == stats.Meetings(2, 20)
    assert t.by_service["anhorigstod"] == stats.Meetings(1, 54)
    assert t.by_service["ej_angiven"] == stats.Meetings(1, 8)  # given by the unit as a whole
    assert t.by_service["it_stod"] == stats.Meetings(None, None)
    again = imported(db, "trainings", path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    changed = imported(db, "trainings", write(tmp_path, TRAININGS.replace(";54\n", ";50\n"), "utbildningar.csv"))
    assert (changed.created, changed.updated, changed.unchanged) == (0, 1, 3)
    assert db.read(stats.year_stats, 2025).trainings.by_service["anhorigstod"] == stats.Meetings(1, 50)


def test_bad_lines_are_reported_with_line_and_column_and_nothing_is_saved(db, staff, tmp_path, unchanged):
    bad = """datum;tjänst;grupp;typ;deltagare;medarbetare
2025-13-01;Anhörigstöd;Anhöriggrupp 1;anhöriggrupp;7;
2025-02-03;Anhörigstödet;Anhöriggrupp 1;anhöriggrupp;7;
2025-02-03;Anhörigstöd;Anhöriggrupp 1;fest;7;
2025-02-03;Anhörigstöd;Anhöriggrupp 1;anhöriggrupp;sju;
2025-02-03;Anhörigstöd;;anhöriggrupp;7;
2025-02-03;Anhörigstöd;Anhöriggrupp 1;anhöriggrupp;7;Okänd Person
2025-02-03 skräp;Anhörigstöd;Anhöriggrupp 1;anhöriggrupp;7;
1899-12-31;Anhörigstöd;Anhöriggrupp 1;anhöriggrupp;7;
2025-02-03;Anhörigstöd;Anhöriggrupp 1;anhöriggrupp;;
2025-02-03;Anhörigstöd;Anhöriggrupp 2;anhöriggrupp;7;Camilla Öst
"""
    with unchanged(), pytest.raises(ImportRefused) as refused:
        imported(db, "groups", write(tmp_path, bad))
    errors = {(e.line, e.column) for e in refused.value.report.errors}
    assert errors == {(2, "datum"), (3, "tjänst"), (4, "typ"), (5, "deltagare"), (6, "grupp"), (7, "medarbetare"),
                      (8, "datum"), (9, "datum"), (10, "deltagare")}
    message = str(refused.value)
    assert "Rad 3, kolumn tjänst: 'Anhörigstödet' är ingen insats. Menade du: Anhörigstöd?" in message
    assert "Rad 4, kolumn typ: 'fest' är ingen typ av grupp" in message
    assert "Inget sparades" in message

    bad_trainings = "datum;tjänst;målgrupp;ämne;deltagare\n2025-02-02;Fixare;Hemtjänsten;;5\n2025-02-02;;;;5\n"
    with unchanged(), pytest.raises(ImportRefused) as refused:
        imported(db, "trainings", write(tmp_path, bad_trainings, "utbildningar.csv"))
    assert {(e.line, e.column) for e in refused.value.report.errors} == {(2, "tjänst"), (3, "målgrupp")}


def test_missing_columns_are_named(db, tmp_path):
    from seniorhalsan.errors import ValidationError

    with pytest.raises(ValidationError, match="grupp, typ") as refused:
        imported(db, "groups", write(tmp_path, "datum;tjänst;deltagare\n2025-01-01;IT-stöd;4\n"))
    assert "datum;tjänst;grupp;typ;deltagare;medarbetare" in str(refused.value)


def test_a_file_of_bad_lines_stops_after_1000_errors(db, tmp_path, unchanged):
    bad = "gårdagen;Anhörigstöd;Grupp;anhöriggrupp;5;\n" * (MAX_ERRORS + 300)
    with unchanged(), pytest.raises(ImportRefused) as refused:
        imported(db, "groups", write(tmp_path, "datum;tjänst;grupp;typ;deltagare;medarbetare\n" + bad))
    report = refused.value.report
    assert report.full and len(report.errors) == MAX_ERRORS
    assert report.rows == MAX_ERRORS and report.unchecked == 300


def test_two_imports_of_the_same_file_at_once_save_it_once(db, db_url, tmp_path):
    lines = [f"{(dt.date(2025, 1, 1) + dt.timedelta(days=n % 120)).isoformat()};Anhörigstöd;Grupp {n % 3};"
             f"anhöriggrupp;{5 + n % 4};" for n in range(240)]  # every meeting twice
    path = write(tmp_path, "datum;tjänst;grupp;typ;deltagare;medarbetare\n" + "\n".join(lines) + "\n")
    reports = at_once(db_url, ImportFile("groups", str(path)), ImportFile("groups", str(path)))
    assert sorted((r.created, r.unchanged) for r in reports) == [(0, 240), (240, 0)]
    assert db.read(stats.year_stats, 2025).groups["anhorigstod"].meetings == 240


def test_the_command_line(db, tmp_path, capsys, monkeypatch):
    import seniorhalsan.database

    def on_the_tests_day(*args, **kwargs):
        opened = open_database(*args, **kwargs)
        opened.clock = db.clock
        return opened

    monkeypatch.setattr(seniorhalsan.database, "open_database", on_the_tests_day)
    path = str(write(tmp_path, TRAININGS, "utbildningar.csv"))
    assert main(["--db-url", db.url, "import", "trainings", path]) == 0
    assert "4 nya" in capsys.readouterr().out
    assert main(["--db-url", db.url, "import", "trainings", path]) == 0
    assert "4 fanns redan" in capsys.readouterr().out
    groups_path = str(write(tmp_path, GROUPS))
    assert main(["--db-url", db.url, "import", "groups", groups_path]) == 1  # Camilla Öst is not known
    assert "kolumn medarbetare: 'Camilla Öst' är ingen känd medarbetare" in capsys.readouterr().err
    assert main(["--db-url", db.url, "import", "groups", groups_path, "--create-missing"]) == 0
    out = capsys.readouterr().out
    assert "8 nya" in out and "medarbetaren Camilla Öst" in out
