"""The XLSX workbook for the controller: one sheet per table, numbers as numbers."""

import io

import pytest
from openpyxl import load_workbook

from seniorhalsan.reports.figures import collect_year
from seniorhalsan.reports.workbook import HEADER_ROW, render_workbook, sheet_name
from seniorhalsan.stats import template as city


@pytest.fixture
def book(small_year):
    return load_workbook(io.BytesIO(render_workbook(small_year.read(collect_year, 2025))))


def rows(sheet) -> dict[str, tuple]:
    """Label in column A (or B) → the row's values, for the rows under the header."""
    out = {}
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        label = row[1] if sheet.title == "Synpunkter och klagomål" else row[0]
        if label:
            out[label] = row
    return out


def test_one_sheet_per_table(book):
    assert book.sheetnames == [
        "Året i siffror", "Per tertial", "Mål", "Besök", "Månader", "Aktivitetstyper", "Tillfällen per typ",
        "Per aktivitet", "Mötesplatser",
        "Stöd och service", "IT-stöd", "Fixartjänst", "Syn- och hörselstöd", "Anhörigstöd", "Äldrestöd",
        "Gruppträffar", "Utbildningar", "Anmälan", "Utåtriktat arbete", "Vägar in", "Volontärer",
        "Synpunkter och klagomål",
    ]


def test_numbers_are_numbers_and_shares_are_fractions(book):
    visits = rows(book["Besök"])
    assert visits["Besök totalt"][1] == 1257 and isinstance(visits["Besök totalt"][1], int)
    assert visits["Kvinnor"][1:3] == (936, pytest.approx(936 / 1245))
    cell = book["Besök"].cell(HEADER_ROW + 2, 3)
    assert cell.number_format == "0 %"
    services = rows(book["Stöd och service"])
    assert services["Fixartjänst"][1:] == (4, 1, 3.0, 3, 1, 2.0, 2, pytest.approx(2 / 3))
    assert services["Äldrestöd"][3] is None  # no change can be given against nothing
    headers = [book["Stöd och service"].cell(HEADER_ROW, c).value for c in range(2, 4)]
    assert headers == ["Kontakter 2025", "Kontakter 2024"]  # the years, not "this year" and "last year"
    change = book["Stöd och service"].cell(HEADER_ROW + 1, 4)
    assert change.number_format == '+0 %;"\u2212"0 %;0 %'  # a real minus sign when it falls
    assert rows(book["Per tertial"])["Besök på aktiviteter"][1:] == (1235, 10, 12, 1257)
    assert rows(book["Per tertial"])["Synpunkter, klagomål och beröm"][1:] == (3, 1, 2, 6)
    assert rows(book["Fixartjänst"])["Telefon"][1:] == (1, 0.25)


def test_the_feedback_sheet_follows_the_template(book):
    sheet = book["Synpunkter och klagomål"]
    labels = [sheet.cell(r, 2).value for r in range(HEADER_ROW + 1, sheet.max_row + 1) if sheet.cell(r, 2).value]
    assert labels == [
        "Antal beröm",
        *city.CATEGORIES["from"].values(),
        *city.CATEGORIES["about"].values(),
        "Antal klagomål där återkoppling har lämnats",
        "Antal klagomål där åtgärder vidtagits",
    ]
    table = rows(sheet)
    assert table["Senior"][2:6] == (2, 1, 1, 4)
    assert table["Patientnämnden"][2:6] == (0, 0, 0, 0)
    assert table["Annat (ange vad i rapporteringsvyn)"][2:6] == (0, 0, 0, 0)
    sections = [sheet.cell(r, 1).value for r in range(HEADER_ROW + 1, sheet.max_row + 1) if sheet.cell(r, 1).value]
    assert sections == list(city.SECTIONS.values())
    deviations = next(r for r in range(HEADER_ROW + 1, sheet.max_row + 1)
                      if sheet.cell(r, 1).value == city.SECTIONS["deviations"])
    assert [sheet.cell(deviations, c).value for c in range(3, 7)] == ["–"] * 4  # not recorded: not 0
    assert [sheet.cell(HEADER_ROW, c).value for c in range(1, 8)] == list(city.COLUMNS)
    assert sheet.cell(HEADER_ROW + 1, 7).value == "Vi har flyttat gympan till förmiddagen."


def test_a_tertial_leaves_later_tertials_empty(small_year):
    from seniorhalsan.reports.tables import feedback

    spec = feedback(small_year.read(collect_year, 2025, tertial=1))
    assert spec.rows[0].cells[2:] == (1, None, None, 1)


def test_sheet_names_are_ones_excel_accepts():
    taken: set[str] = set()
    assert sheet_name("Stöd/service: [2025]?", taken) == "Stöd-service- -2025--"
    assert sheet_name("x" * 40, taken) == "x" * 31
    assert sheet_name("X" * 40, taken) == "X" * 27 + " (2)"  # names differ by more than case
