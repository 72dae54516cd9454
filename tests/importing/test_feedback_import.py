"""Importing "Tyck till" items: through the window's operations, whole files or nothing, twice adds nothing."""

import datetime as dt

import pytest
from openpyxl import Workbook

from seniorhalsan import stats
from seniorhalsan.importing import ImportRefused
from seniorhalsan.importing.report import MAX_ERRORS
from seniorhalsan.operations.feedback import RecordAnswer
from seniorhalsan.operations.imports import ImportFile
from seniorhalsan.services import feedback_register
from tests.concurrency import at_once
from tests.conftest import TODAY

HEADER = "datum;typ;från;gäller;mötesplats;text;kontakt;återkoppling;åtgärd\n"
FEEDBACK = HEADER + """2025-01-15;beröm;Senior;;Axelsberg;Underbar kör!;;;
2025-02-01;synpunkt;Senior;Tillgänglighet;Axelsberg;Fler gympapass;Astrid, Storgatan 1;2025-02-14;Ett pass till på torsdagar
2025-02-03;klagomål;Närstående (anhörig, god man, etc.);bemotande;;Otrevligt bemötande;;;
2025-05-20;synpunkt;senior;Fråga/idé;Gröndal;Gympa utan musik?;;;
"""  # noqa: E501 (a file's lines as they are)


def write(tmp_path, text, name="fil.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported(db, path, **kw):
    return db.perform(ImportFile("feedback", str(path), **kw)).value


def refused_lines(db, path):
    with pytest.raises(ImportRefused) as refused:
        imported(db, path)
    return refused.value.report


def test_feedback_import(db, tmp_path):
    outcome = db.perform(ImportFile("feedback", str(write(tmp_path, FEEDBACK))))
    assert outcome.value.created == 4 and outcome.changes.topics == {"feedback"}
    f = db.read(stats.year_stats, 2025).feedback
    assert f.total == stats.Tertials(3, 1, 0)
    assert f.praise.total == 1
    assert f.from_["narstaende"].total == 1 and f.from_["senior"].total == 3
    assert f.about["tillganglighet"].total == 1 and f.about["bemotande"].total == 1
    assert (f.answered.total, f.acted_on.total) == (1, 1)
    item = next(i for i in db.read(feedback_register.list_feedback) if i.text == "Fler gympapass")
    assert (item.place_name, item.contact, item.action_text) == (
        "Axelsberg", "Astrid, Storgatan 1", "Ett pass till på torsdagar")
    assert item.answered_on == dt.date(2025, 2, 14)


def test_feedback_twice_adds_nothing_but_records_a_later_answer(db, tmp_path):
    imported(db, write(tmp_path, FEEDBACK))
    later = FEEDBACK.replace("Gympa utan musik?;;;", "Gympa utan musik?;;2025-06-01;Nytt pass utan musik")
    report = imported(db, write(tmp_path, later, "ny.csv"))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 3)
    f = db.read(stats.year_stats, 2025).feedback
    assert f.total.total == 4 and f.answered.total == 2 and f.acted_on.total == 2


def test_equal_lines_are_as_many_items_and_a_template_row_by_any_name_is_the_same(db, tmp_path):
    twice = HEADER + "2025-03-01;synpunkt;Senior;Tillgänglighet;;Fler stolar;;;\n" * 2
    assert imported(db, write(tmp_path, twice)).created == 2
    spelt_otherwise = HEADER + (
        "2025-03-01;Synpunkt;senior;Tillgänglighet (öppettider, telefontider, fysisk miljö);;Fler stolar;;;\n"
        "2025-03-01;synpunkt;SENIOR;tillganglighet;;Fler stolar ;;;\n"
        "2025-03-01;synpunkt;Senior;Tillgänglighet;;Fler stolar;;;\n")
    report = imported(db, write(tmp_path, spelt_otherwise, "igen.csv"))
    assert (report.created, report.unchanged) == (1, 2)
    assert db.read(feedback_register.count_feedback) == 3


def test_an_answer_typed_in_the_window_stays_when_the_file_has_none(db, tmp_path):
    path = write(tmp_path, FEEDBACK)
    imported(db, path)
    item = next(i for i in db.read(feedback_register.list_feedback) if i.text == "Gympa utan musik?")
    db.perform(RecordAnswer(item.id, dt.date(2025, 5, 30), "Vi ringde.", version=item.version))
    assert (imported(db, path).unchanged) == 4
    again = db.read(feedback_register.list_feedback, status="besvarad")
    assert {(i.text, i.answered_on) for i in again} >= {("Gympa utan musik?", dt.date(2025, 5, 30))}


def test_bad_feedback_lines(db, tmp_path, unchanged):
    text = HEADER + (
        "2025-01-15;beröm;;;;Fint!;;;\n"
        "2025-01-16;synpunkt;Senior;;;Något;;;\n"
        "2025-01-17;gnäll;Senior;Annat;;Något;;;\n"
        "2025-01-18;synpunkt;Senior;Vädret;;Regn;;;\n"
        "2025-01-19;synpunkt;Senior;Annat;;Något;;igår;\n"
        "2025-01-20;synpunkt;Senior;Annat;Axelsbrg;Något;;;\n"
        "2025-01-21;synpunkt;Senior;Annat;;Något;Bo;2025-01-02;\n"   # answered before it came in
    )
    with unchanged():
        report = refused_lines(db, write(tmp_path, text))
    assert [(e.line, e.column) for e in report.errors] == [
        (2, "från"), (3, "gäller"), (4, "typ"), (5, "gäller"), (6, "återkoppling"), (7, "mötesplats"),
        (8, "återkoppling"),
    ]
    assert "Menade du: Axelsberg" in report.errors[5].message
    assert "före dagen" in report.errors[6].message


def test_dates_a_report_can_never_hold_are_refused_with_their_line(db, tmp_path, unchanged):
    text = HEADER + (
        "0001-01-01;beröm;Senior;;;Fint!;;;\n"
        "1800-01-01;beröm;Senior;;;Fint!;;;\n"
        "2025-02-01 skräp;beröm;Senior;;;Fint!;;;\n"
        "2025-02-01 10:00;beröm;Senior;;;Fint!;;;\n"          # a time after the date, as Excel writes it
        "2025-02-01;synpunkt;Senior;Annat;;Svar?;Bo;2025-02-03 skräp;\n"
        "2025-02-01;synpunkt;Senior;Annat;;Svar?;Bo;1800-02-03;\n"
        f"{TODAY.year + 2}-01-01;beröm;Senior;;;Fint!;;;\n"
    )
    with unchanged():
        report = refused_lines(db, write(tmp_path, text))
    errors = {(e.line, e.column): e.message for e in report.errors}
    assert set(errors) == {(2, "datum"), (3, "datum"), (4, "datum"), (6, "återkoppling"), (7, "återkoppling"),
                           (8, "datum")}
    assert "1900" in errors[(2, "datum")] and "1900" in errors[(3, "datum")]
    assert "inget datum" in errors[(4, "datum")] and "inget datum" in errors[(6, "återkoppling")]
    assert "1900" in errors[(7, "återkoppling")] and "1900" in errors[(8, "datum")]


def test_the_import_stops_after_a_thousand_bad_lines(db, tmp_path, unchanged):
    bad = "gårdagen;beröm;Senior;;;Fint!;;;\n" * (MAX_ERRORS + 500)
    with unchanged():
        report = refused_lines(db, write(tmp_path, HEADER + bad))
    assert report.full and len(report.errors) == MAX_ERRORS
    assert report.rows == MAX_ERRORS and report.unchecked == 500


def test_feedback_from_xlsx(db, tmp_path):
    book = Workbook()
    for row in FEEDBACK.strip().splitlines():
        book.active.append(row.split(";"))
    book.active.append([dt.datetime(2025, 6, 2), "beröm", "Senior", None, None, "Tack för sommaren", None, None, None])
    path = tmp_path / "tyck_till.xlsx"
    book.save(path)
    assert imported(db, path).created == 5


def test_two_imports_of_the_same_file_at_once_save_it_once(db, db_url, tmp_path):
    lines = [f"{(dt.date(2025, 1, 1) + dt.timedelta(days=n % 150)).isoformat()};synpunkt;Senior;Annat;;"
             f"Synpunkt {n % 150};;;" for n in range(300)]  # every item twice
    path = write(tmp_path, HEADER + "\n".join(lines) + "\n", "stor.csv")
    reports = at_once(db_url, ImportFile("feedback", str(path)), ImportFile("feedback", str(path)))
    assert sorted((r.created, r.unchanged) for r in reports) == [(0, 300), (300, 0)]
    assert db.read(feedback_register.count_feedback) == 300
