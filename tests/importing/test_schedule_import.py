"""Importing a term's schedule: rows matched on place, day and activity, so a file imported twice
changes nothing and a changed time changes its row; a refusal leaves everything as it was."""

import datetime as dt
import json

import pytest
from openpyxl import Workbook

from seniorhalsan.cli.main import main
from seniorhalsan.database import open_database
from seniorhalsan.errors import UserError, ValidationError
from seniorhalsan.importing import ImportRefused
from seniorhalsan.importing.schedule import weekday_number
from seniorhalsan.operations.imports import ImportFile
from seniorhalsan.services import activities, attendance_days, schedule, staff
from tests import factories
from tests.concurrency import at_once

HT = "mötesplats;veckodag;start;slut;aktivitet;ledare\n"
GOOD = HT + (
    "Axelsberg;måndag;10:00;11:00;Seniorgympa;\n"
    "Axelsberg;Mån;14:00;15:00;Seniorgympa;\n"          # a second session of the same day
    "axelsberg;TISDAGAR;13.30;15;Canasta;Inger Dahl\n"   # the activity's own leader
    "Axelsberg;ons;9;10;Seniorgympa;Maria Berglind\n"     # someone else leads this one
    "Gröndal;fredag;10:00;;Seniorgympa;\n"
)


@pytest.fixture
def catalogue(db):
    maria = factories.staff_member(db, "Maria Berglind")
    inger = factories.staff_member(db, "Inger Dahl", kind="volontar")
    factories.activity(db, "Seniorgympa")
    factories.activity(db, "Canasta", kind="social", leader_id=inger.id)
    ht = factories.term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 24), ends_on=dt.date(2026, 12, 18))
    return {"ht": ht, "maria": maria, "inger": inger}


@pytest.fixture
def cli(db, monkeypatch):
    """The command line in this process, on the tests' today (it closes what it opens itself)."""
    import seniorhalsan.database

    def open_on_todays_date(*args, **kwargs):
        opened = open_database(*args, **kwargs)
        opened.clock = db.clock
        return opened

    monkeypatch.setattr(seniorhalsan.database, "open_database", open_on_todays_date)
    return lambda *args: main(["--db-url", db.url, *args])


def write(tmp_path, text, name="schema.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def entries(db, code="ht2026"):
    term = db.read(schedule.get_term, code)
    own = db.read(schedule.own_leader_ids, term.id)
    return [(e.place_name, e.weekday or e.on_date, e.starts_at.strftime("%H:%M"),
             e.ends_at.strftime("%H:%M") if e.ends_at else None, e.activity_name, e.leader_name, own[e.id] is not None)
            for e in db.read(schedule.list_schedule, term.id)]


def perform(db, path, **options):
    return db.perform(ImportFile("schedule", str(path), term=options.pop("term", "ht2026"), **options))


def test_a_schedule_is_imported_and_importing_it_again_changes_nothing(db, catalogue, tmp_path):
    path = write(tmp_path, GOOD)
    outcome = perform(db, path)
    report = outcome.value
    assert (report.rows, report.created, report.updated, report.unchanged) == (5, 5, 0, 0)
    assert outcome.changes.topics == {"schedule"}
    assert entries(db) == [
        ("Axelsberg", 1, "10:00", "11:00", "Seniorgympa", None, False),
        ("Axelsberg", 1, "14:00", "15:00", "Seniorgympa", None, False),
        ("Axelsberg", 2, "13:30", "15:00", "Canasta", "Inger Dahl", False),  # the usual leader: no override
        ("Axelsberg", 3, "09:00", "10:00", "Seniorgympa", "Maria Berglind", True),
        ("Gröndal", 5, "10:00", None, "Seniorgympa", None, False),
    ]
    before = entries(db)
    again = perform(db, path)
    assert (again.value.created, again.value.updated, again.value.unchanged) == (0, 0, 5)
    assert not again.changes and entries(db) == before
    assert "5 rader lästes: 0 nya, 0 ändrade, 5 fanns redan." in again.value.summary()


def test_a_changed_time_changes_its_row_and_no_other(db, catalogue, tmp_path):
    perform(db, write(tmp_path, GOOD))
    ids = {(e.weekday, e.starts_at): e.id for e in db.read(schedule.list_schedule, catalogue["ht"].id)}
    changed = GOOD.replace("Axelsberg;Mån;14:00;15:00", "Axelsberg;Mån;08:30;09:30").replace(
        "Gröndal;fredag;10:00;;", "Gröndal;fredag;10:00;11:30;")
    report = perform(db, write(tmp_path, changed, "ändrat.csv")).value
    assert (report.created, report.updated, report.unchanged) == (0, 2, 3)
    after = {(e.weekday, e.starts_at): e.id for e in db.read(schedule.list_schedule, catalogue["ht"].id)}
    assert after[(1, dt.time(8, 30))] == ids[(1, dt.time(14))]  # the same row, moved
    assert after[(1, dt.time(10))] == ids[(1, dt.time(10))]
    assert len(after) == 5
    # a row beyond the schedule's is new; rows the file leaves out stay
    more = HT + "Axelsberg;måndag;10:00;11:00;Seniorgympa;\nAxelsberg;måndag;16:00;17:00;Seniorgympa;\n"
    report = perform(db, write(tmp_path, more, "mer.csv")).value
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)  # 08:30 became 16:00
    assert len(entries(db)) == 5


def test_rows_out_of_order_and_a_leader_removed(db, catalogue, tmp_path):
    perform(db, write(tmp_path, GOOD))
    lines = GOOD.splitlines()
    shuffled = "\n".join([lines[0], lines[2], lines[1], *lines[3:]]).replace(";Maria Berglind", ";") + "\n"
    report = perform(db, write(tmp_path, shuffled, "omkastat.csv")).value
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    assert ("Axelsberg", 3, "09:00", "10:00", "Seniorgympa", None, False) in entries(db)


def test_without_a_leader_column_the_rows_keep_their_leaders(db, catalogue, tmp_path):
    perform(db, write(tmp_path, GOOD))
    without = "\n".join(line.rsplit(";", 1)[0] for line in GOOD.splitlines()) + "\n"
    report = perform(db, write(tmp_path, without, "utan.csv")).value
    assert (report.created, report.updated, report.unchanged) == (0, 0, 5)
    assert ("Axelsberg", 3, "09:00", "10:00", "Seniorgympa", "Maria Berglind", True) in entries(db)


def test_dated_events_and_a_spreadsheet(db, catalogue, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Mötesplats", "Veckodag", "Datum", "Start", "Slut", "Aktivitet"])
    sheet.append(["Axelsberg", None, dt.date(2026, 10, 7), dt.time(13), dt.time(15), "Canasta"])
    sheet.append(["Axelsberg", "lör", None, "11:00", "12:00", "Seniorgympa"])
    sheet.append(["Axelsberg", None, "2026-12-05", "18:00", None, "Canasta"])
    path = tmp_path / "schema.xlsx"
    book.save(path)
    report = perform(db, path).value
    assert report.created == 3
    assert entries(db) == [
        ("Axelsberg", 6, "11:00", "12:00", "Seniorgympa", None, False),
        ("Axelsberg", dt.date(2026, 10, 7), "13:00", "15:00", "Canasta", "Inger Dahl", False),
        ("Axelsberg", dt.date(2026, 12, 5), "18:00", None, "Canasta", "Inger Dahl", False),
    ]
    assert perform(db, path).value.unchanged == 3


def test_unknown_names_are_refused_with_suggestions_and_nothing_is_saved(db, catalogue, tmp_path, unchanged):
    path = write(tmp_path, HT + "Axelsbrg;måndag;10:00;11:00;Seniorgympa;\n"
                                "Axelsberg;tisdag;10:00;11:00;Seniorgympo;\n"
                                "Axelsberg;onsdag;10:00;11:00;Seniorgympa;Maria Berglund\n"
                                "Axelsberg;torsdag;10:00;11:00;Seniorgympa;\n")
    with unchanged(), pytest.raises(ImportRefused) as refused:
        perform(db, path)
    errors = {(e.line, e.column): e.message for e in refused.value.report.errors}
    assert set(errors) == {(2, "mötesplats"), (3, "aktivitet"), (4, "ledare")}
    assert "Menade du: Axelsberg" in errors[(2, "mötesplats")]
    assert "Menade du: Seniorgympa" in errors[(3, "aktivitet")]
    assert "Menade du: Maria Berglind" in errors[(4, "ledare")]


def test_create_missing_makes_the_term_places_activities_and_leaders(db, tmp_path):
    path = write(tmp_path, HT + "Sommartorget;måndag;10:00;11:00;Boule;Kim Ek\n"
                                "Axelsberg;tisdag;10:00;11:00;Boule;\n")
    report = perform(db, path, term="vt2027", create_missing=True).value
    assert report.created == 2
    assert report.created_records == ["terminen vårtermin 2027 (2027-01-11 – 2027-06-04)",
                                      "mötesplatsen Sommartorget", "aktiviteten Boule", "medarbetaren Kim Ek"]
    term = db.read(schedule.get_term, "vt2027")
    assert (term.starts_on, term.ends_on) == (dt.date(2027, 1, 11), dt.date(2027, 6, 4))  # as the window suggests
    assert db.read(activities.find_activity, "Boule").kind is None  # the file gave no type: none is guessed
    assert report.untyped == ["Boule"] and "1 aktivitet behöver en typ" in report.summary()
    assert db.read(staff.find_staff, "Kim Ek") is not None
    again = perform(db, path, term="vt2027", create_missing=True).value
    assert (again.created, again.unchanged, again.created_records) == (0, 2, [])


def test_an_unknown_term_is_refused_without_create_missing(db, catalogue, tmp_path, unchanged):
    path = write(tmp_path, GOOD)
    with unchanged(), pytest.raises(ValidationError) as refused:
        perform(db, path, term="vt2027")
    assert refused.value.fields == ["term"]
    assert "vårtermin 2027 finns inte" in str(refused.value) and "--create-missing" in str(refused.value)
    with pytest.raises(UserError, match="känns inte igen"):
        perform(db, path, term="höst2026")


def test_bad_rows_are_reported_with_line_and_column(db, catalogue, tmp_path, unchanged):
    path = write(tmp_path, "mötesplats;veckodag;datum;start;slut;aktivitet\n"
                           "Axelsberg;fredax;;10:00;11:00;Seniorgympa\n"
                           "Axelsberg;måndag;;25:00;11:00;Seniorgympa\n"
                           "Axelsberg;;2026-13-01;10:00;11:00;Seniorgympa\n"
                           "Axelsberg;;2026-09-01 skräp;10:00;11:00;Seniorgympa\n"
                           "Axelsberg;;1800-09-01;10:00;11:00;Seniorgympa\n"
                           "Axelsberg;;2026-05-01;10:00;11:00;Seniorgympa\n"      # outside the term
                           "Axelsberg;tisdag;;10:00;09:00;Seniorgympa\n"
                           "Axelsberg;tisdag;2026-09-01;10:00;11:00;Seniorgympa\n"
                           "Axelsberg;;;10:00;11:00;Seniorgympa\n"
                           "Axelsberg;onsdag;;;11:00;Seniorgympa\n"
                           "Axelsberg;torsdag;;10:00;11:00;Seniorgympa\n")  # good, but the file is refused
    with unchanged(), pytest.raises(ImportRefused) as refused:
        perform(db, path)
    errors = {(e.line, e.column): e.message for e in refused.value.report.errors}
    assert set(errors) == {(2, "veckodag"), (3, "start"), (4, "datum"), (5, "datum"), (6, "datum"), (7, "datum"),
                           (8, "slut"), (9, "datum"), (10, "veckodag"), (11, "start")}
    assert "ingen veckodag" in errors[(2, "veckodag")]
    assert "ingen tid" in errors[(3, "start")]
    assert "inget datum" in errors[(4, "datum")] and "inget datum" in errors[(5, "datum")]
    assert "1900" in errors[(6, "datum")]
    assert "utanför terminens datum" in errors[(7, "datum")]
    assert "efter starttiden" in errors[(8, "slut")]
    assert "inte båda" in errors[(9, "datum")]
    assert "Rad 7, kolumn datum" in str(refused.value)


def test_a_file_of_errors_stops_at_a_thousand(db, catalogue, tmp_path):
    path = write(tmp_path, HT + "Axelsberg;blåndag;10:00;;Seniorgympa;\n" * 1500)
    with pytest.raises(ImportRefused) as refused:
        perform(db, path)
    report = refused.value.report
    assert (len(report.errors), report.rows, report.unchecked) == (1000, 1000, 500)
    assert "minst 1\xa0000 fel" in str(refused.value) and "500 rader till lästes inte" in str(refused.value)


def test_a_file_without_the_columns_is_refused(db, catalogue, tmp_path):
    with pytest.raises(ValidationError, match="veckodag eller datum"):
        perform(db, write(tmp_path, "mötesplats;start;aktivitet\nAxelsberg;10:00;Seniorgympa\n"))


@pytest.mark.parametrize("text, number", [("måndag", 1), ("Mandag", 1), ("MÅN", 1), ("må", 1), ("ti", 2),
                                          ("tis.", 2), ("onsdagar", 3), ("tor", 4), ("torsdag", 4), ("fre", 5),
                                          ("lördag", 6), ("lor", 6), ("sön", 7), ("Söndagen", 7), ("3", 3)])
def test_weekdays_are_read_as_people_write_them(text, number):
    assert weekday_number(text) == number


@pytest.mark.parametrize("text", ["m", "mo", "fredax", "8", "helg", ""])
def test_what_is_no_weekday(text):
    assert weekday_number(text) is None


DAY = dt.date(2026, 11, 18)  # a Wednesday two days before the tests' today


def test_an_imported_schedule_is_what_a_days_counts_fill(db, catalogue, tmp_path, capsys, cli):
    plan = [("09:00", "Seniorgympa"), ("10:15", "Canasta"), ("11:00", "Seniorgympa"), ("13:00", "Canasta"),
            ("14:00", "Seniorgympa"), ("15:00", "Canasta")]
    perform(db, write(tmp_path, HT + "".join(f"Axelsberg;onsdag;{s};;{a};\n" for s, a in plan)))
    counts = "datum;mötesplats;aktivitet;kvinnor;män;övriga\n" + "".join(
        f"{DAY};Axelsberg;{a};{10 + i};{i};0\n" for i, (_s, a) in enumerate(plan))
    report = db.perform(ImportFile("attendance", str(write(tmp_path, counts, "idag.csv")))).value
    assert (report.created, report.updated) == (6, 0)
    axelsberg = factories.place_named(db, "Axelsberg")
    rows = db.read(attendance_days.day_sessions, place_id=axelsberg.id, day=DAY)
    assert [(r.starts_at.strftime("%H:%M"), r.activity_name, r.women, r.planned, r.recorded) for r in rows] == [
        (s, a, 10 + i, True, True) for i, (s, a) in enumerate(plan)]
    assert cli("attendance", "day", "--place", "Axelsberg", "--date", DAY.isoformat(), "--json") == 0
    assert [(r["start"], r["women"], r["planned"]) for r in json.loads(capsys.readouterr().out)] == [
        (s, 10 + i, True) for i, (s, _a) in enumerate(plan)]


@pytest.mark.parametrize("create_missing", [False, True])
def test_two_imports_of_the_same_schedule_at_once_save_it_once(db, db_url, tmp_path, create_missing):
    factories.activity(db, "Seniorgympa")
    if not create_missing:  # else the first import creates the term, and the other finds it
        factories.term(db, kind="vt", year=2027, starts_on=dt.date(2027, 1, 11), ends_on=dt.date(2027, 6, 4))
    days = ["måndag", "tisdag", "onsdag", "torsdag", "fredag"]
    rows = [f"Axelsberg;{days[n % 5]};{8 + n // 5 % 10}:{n // 50 % 6}0;;Seniorgympa;\n" for n in range(300)]
    path = write(tmp_path, HT + "".join(rows))
    same_file = ImportFile("schedule", str(path), create_missing, term="vt2027")
    reports = at_once(db_url, same_file, same_file)
    assert sorted((r.created, r.unchanged) for r in reports) == [(0, 300), (300, 0)]
    assert len(db.read(schedule.list_terms)) == 1
    assert len(entries(db, "vt2027")) == 300


def test_the_command_line(db, catalogue, tmp_path, capsys, cli):
    path = str(write(tmp_path, GOOD))
    assert cli("import", "schedule", path, "--term", "ht2026") == 0
    assert "5 nya" in capsys.readouterr().out
    assert cli("import", "schedule", path, "--term", "HT 2026") == 0
    assert "5 fanns redan" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        cli("import", "schedule", path)
    assert exited.value.code == 2 and "behöver --term" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        cli("import", "attendance", path, "--term", "ht2026")
    assert exited.value.code == 2 and "bara för import schedule" in capsys.readouterr().err
    assert cli("import", "schedule", path, "--term", "hosten") == 1
    assert "känns inte igen" in capsys.readouterr().err
    assert cli("import", "schedule", path, "--term", "vt2027") == 1
    assert "vårtermin 2027 finns inte" in capsys.readouterr().err
