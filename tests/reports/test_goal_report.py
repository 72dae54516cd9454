"""The goals, each activity and the sessions per kind in the year report, a tertial report and the
workbook, read back from the real files (pdftotext, openpyxl)."""

import io

import pytest
from openpyxl import load_workbook

from seniorhalsan.operations.goals import SetGoal, SetLowAttendance, WriteGoalAnalysis
from seniorhalsan.reports.figures import collect_year
from seniorhalsan.reports.workbook import render_workbook
from seniorhalsan.reports.yearly import render_year
from tests.reports import pdftools
from tests.reports.test_workbook import rows


@pytest.fixture
def with_goals(small_year):
    """The small year (1 257 visits, 936 women and 308 men; four views and complaints due, two answered
    in time) with goals, analyses and a limit that flags the open gym."""
    db = small_year
    db.perform(SetGoal(2025, "visits", 1300, women=1000, men=300, analysis="Besöken ökade efter sommaren."))
    db.perform(WriteGoalAnalysis(2025, "visits", "Bra start på året.", tertial=1))
    db.perform(SetGoal(2025, "feedback_answered_in_time", 90))
    db.perform(SetGoal(2025, "trainings", 2))
    db.perform(SetLowAttendance(below=100, in_a_row=2))
    return db


def report_pages(db, tmp_path, tertial=None):
    built = render_year(db.read(collect_year, 2025, tertial=tertial))
    return pdftools.pages(built.data, tmp_path)


def page_with(pages, heading):
    return next(p for p in pages if heading in p)


def test_the_goals_in_the_districts_layout(with_goals, tmp_path):
    page = page_with(report_pages(with_goals, tmp_path), "Mål och utfall")
    flat = pdftools.squash(page)
    for heading in ("Indikator", "Periodens", "kvinnor", "Utfall män", "2024", "Årsmål", "Status"):
        assert heading in page
    assert pdftools.cells(page, "Besök på aktiviteter") == ["1 257", "936", "308", "0", "1 300", "Delvis uppnått"]
    assert pdftools.cells(page, "Mål för kvinnor") == ["936", "0", "1 000", "Delvis uppnått"]  # 93.6 %
    assert pdftools.cells(page, "Mål för män") == ["308", "0", "300", "Uppnått"]
    assert "Analys: Besöken ökade efter sommaren." in flat and "Bra start på året." not in flat
    # two of the four views and complaints due were answered in time; none was due in 2024
    assert pdftools.cells(page, "Andel synpunkter med") == ["50 %", "–", "90 %", "Ej uppnått"]
    assert "återkoppling i tid" in page
    assert pdftools.cells(page, "Utbildningar för personal:") == ["1", "–", "2", "Ej uppnått"]
    assert "delvis uppnått vid minst 90 %" in flat and "aldrig räknas som ej uppnått" in flat


def test_a_tertial_report_measures_the_year_so_far(with_goals, tmp_path):
    page = page_with(report_pages(with_goals, tmp_path, tertial=1), "Mål och utfall")
    flat = pdftools.squash(page)
    assert "Status hittills" in flat
    # by 30 April: 1 200 + 35 visits of the year's 1 300 (95 %); one training of two: not yet
    assert pdftools.cells(page, "Besök på aktiviteter") == ["1 235", "930", "304", "0", "1 300", "Delvis uppnått"]
    assert pdftools.cells(page, "Utbildningar för personal:") == ["1", "–", "2", "Ej uppnått ännu"]
    assert "Analys: Bra start på året." in flat and "Besöken ökade efter sommaren." not in flat
    assert "Utfallet gäller året hittills (1 januari – 30 april 2025) och jämförs med helårets mål." in flat


def test_a_year_without_goals_has_no_goals_section(small_year, tmp_path):
    assert not any("Mål och utfall" in p for p in report_pages(small_year, tmp_path))


def test_each_activity_and_the_sessions_per_kind(with_goals, tmp_path):
    pages = report_pages(with_goals, tmp_path)
    kinds = page_with(pages, "Genomförda tillfällen per typ av aktivitet")
    assert pdftools.cells(kinds.split("Genomförda tillfällen per typ av aktivitet")[1], "Fysisk aktivitet") == [
        "3", "0"]  # gympa once (the other was cancelled), the open gym twice; none in 2024
    assert pdftools.cells(kinds, "Alla tillfällen") == ["4", "0"]
    table = page_with(pages, "Snitt per")
    assert pdftools.cells(table, "Seniorgympa") == ["1", "1 200", "1 200,0", "900", "300", "0", "0"]
    assert pdftools.cells(table, "Kör") == ["1", "35", "35,0", "30", "4", "1", "0"]
    # 10 and 12 visitors: the name's note runs on to a second line in the cell
    assert pdftools.cells(table, "Öppet gym (få besökare: de 2") == ["2", "22", "11,0", "6", "4", "12", "0"]
    assert "senaste tillfällena under 100)" in table
    flat = pdftools.squash(table)
    assert "Kör (få" not in flat  # one session below 100 is not two in a row
    assert "Få besökare: de senaste 2 tillfällena i rad (eller fler)" in flat


def test_the_workbook_has_the_same_tables(with_goals):
    book = load_workbook(io.BytesIO(render_workbook(with_goals.read(collect_year, 2025))))
    goals = book["Mål"]
    assert [c.value for c in goals[4]] == ["Indikator", "Periodens utfall", "Utfall kvinnor", "Utfall män",
                                           "Utfall 2024", "Årsmål", "Status", "Analys"]
    found = rows(goals)
    assert found["Besök på aktiviteter"] == ("Besök på aktiviteter", 1257, 936, 308, 0, 1300, "Delvis uppnått",
                                             "Besöken ökade efter sommaren.")
    assert found["Mål för kvinnor"] == ("Mål för kvinnor", None, 936, None, 0, 1000, "Delvis uppnått", None)
    share = found["Andel synpunkter med återkoppling i tid"]
    assert share[1:7] == (0.5, None, None, "–", 0.9, "Ej uppnått")
    assert goals.cell(8, 2).number_format == "0 %"  # a share, as a number the controller can use
    per_activity = rows(book["Per aktivitet"])
    assert per_activity["Seniorgympa"][:4] == ("Seniorgympa", 1, 1200, 1200.0)
    assert book["Per aktivitet"].cell(5, 4).number_format == "#,##0.0"
    assert "Öppet gym (få besökare: de 2 senaste tillfällena under 100)" in per_activity
    assert rows(book["Tillfällen per typ"])["Fysisk aktivitet"] == ("Fysisk aktivitet", 3, 0, None)
