"""The year report's and the workbook's tables of outreach, routes in and volunteers; each staff
member's own figures as a PDF; the folder's "Andra aktörer" from the partner register. Built from the
small year of tests/reach_data.py and read back with pdftotext and openpyxl."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from seniorhalsan.errors import Forbidden
from seniorhalsan.operations.accounts import CreateAccount
from seniorhalsan.reports import api
from seniorhalsan.reports.figures import collect_year
from seniorhalsan.reports.workbook import render_workbook
from seniorhalsan.reports.yearly import render_year
from seniorhalsan.services import accounts
from tests import reach_data
from tests.reports import pdftools

D = dt.date
PASSWORD = "ett-långt-lösen"


@pytest.fixture
def reach(db):
    return db, reach_data.build(db)


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start): text.index(end, text.index(start))]


def test_the_year_report_has_outreach_routes_and_volunteers(reach, tmp_path):
    db, _made = reach
    laid_out = pdftools.text(render_year(db.read(collect_year, 2025)).data, tmp_path, layout=True)
    page = section(laid_out, "Att nå fler: utåtriktat arbete, vägar in och", "Redovisning av synpunkter")
    text = pdftools.squash(page)
    assert "Utåtriktat arbete per typ" in text and "(vid 1 av 4 tillfällen)" in text
    assert pdftools.cells(page, "Informationsmöte") == ["2", "12"]
    assert pdftools.cells(page, "Annons (ej registrerat)") == ["1", "–"]
    assert pdftools.cells(page, "Totalt") == ["4", "12"]
    # routes: every route a row, then those without one, then the new persons; a column per service, then total
    assert "Nya personer per väg in och insats" in text
    assert pdftools.cells(page, "Biståndshandläggare") == ["0", "1", "0", "0", "0", "1"]
    assert pdftools.cells(page, "Senior Connect") == ["0", "1", "0", "0", "0", "1"]
    assert pdftools.cells(page, "Anhörig ") == ["0", "0", "1", "0", "0", "1"]
    assert pdftools.cells(page, "Ej angiven") == ["0", "1", "0", "0", "0", "1"]
    assert pdftools.cells(page, "Nya personer  ") == ["0", "3", "1", "0", "0", "4"]
    assert "Ej angiven: 1 av 4 nya personer (25 %)" in text
    assert "Volontärer: 2 aktiva volontärer och de tillfällen de ledde" in text
    assert pdftools.cells(page, "Canasta") == ["2", "19", "39 %"]  # of the 49 visits of 2025
    assert pdftools.cells(page, "Seniorgympa") == ["1", "5", "10 %"]


def test_a_year_without_outreach_says_it_was_not_recorded(db, tmp_path):
    laid_out = pdftools.text(render_year(db.read(collect_year, 2025)).data, tmp_path, layout=True)
    row = next(line for line in laid_out.splitlines() if "Utåtriktat arbete (ej registrerat)" in line)
    assert row.split() == ["Utåtriktat", "arbete", "(ej", "registrerat)", "–", "–"]
    text = pdftools.squash(laid_out)
    assert "Inget utåtriktat arbete registrerades under perioden" in text
    assert "Volontärer: ingen aktiv volontär" in text


def test_the_workbook_has_the_same_tables_with_numbers(reach):
    db, _made = reach
    book = load_workbook(io.BytesIO(render_workbook(db.read(collect_year, 2025))))
    outreach = {row[0]: row[1:] for row in book["Utåtriktat arbete"].iter_rows(min_row=5, values_only=True) if row[0]}
    assert outreach["Informationsmöte"][:2] == (2, 12)
    assert outreach["Annons (ej registrerat)"][:2] == (1, "–")
    routes = {row[0]: row[1:] for row in book["Vägar in"].iter_rows(min_row=5, values_only=True) if row[0]}
    assert routes["Senior Connect"] == (0, 1, 0, 0, 0, 1)
    assert routes["Nya personer"] == (0, 3, 1, 0, 0, 4)
    assert [c.value for c in book["Vägar in"][4]] == ["Väg in", "IT-stöd", "Fixartjänst", "Syn- och hörselstöd",
                                                      "Anhörigstöd", "Äldrestöd", "Totalt"]
    volunteers = {row[0]: row[1:] for row in book["Volontärer"].iter_rows(min_row=5, values_only=True) if row[0]}
    assert volunteers["Canasta"][:2] == (2, 19) and volunteers["Totalt"][:2] == (3, 24)
    assert book["Volontärer"]["A1"].value == "Volontärer: 2 aktiva volontärer och de tillfällen de ledde"


def sign_in(db, name):
    db.actor = db.call(accounts.login, username=name, password=PASSWORD)


def test_an_instructor_prints_their_own_figures(reach, tmp_path):
    db, made = reach
    db.perform(CreateAccount(username="karin", password=PASSWORD, role="enhetschef"))
    sign_in(db, "karin")
    db.perform(CreateAccount(username="tomas", password=PASSWORD, role="instruktor", services=("fixartjanst",),
                             staff_id=made.staff["Tomas"]))
    sign_in(db, "tomas")
    written = api.write_staff_report(db, 2025, tmp_path / "egna.pdf")
    [page] = pdftools.pages(written.path, tmp_path)
    assert written.title == "Tomas Greger: egna siffror 2025" and written.pages == 1
    assert pdftools.cells(page, "Fixartjänst") == ["5", "4"]
    assert pdftools.cells(page, "Utbildningar för personal") == ["1", "11"]
    assert ("Inget registrerat under året: gruppträffar, ledda tillfällen, anmälningslistor och utåtriktat arbete."
            in pdftools.squash(page))
    assert "Petra" not in page
    with pytest.raises(Forbidden):
        api.write_staff_report(db, 2025, tmp_path / "andras.pdf", name="Petra Nyholm")


def test_the_unit_head_prints_anyones_or_everyones_one_per_page(reach, tmp_path):
    db, _made = reach
    db.perform(CreateAccount(username="karin", password=PASSWORD, role="enhetschef"))
    sign_in(db, "karin")
    [petra] = pdftools.pages(api.write_staff_report(db, 2025, tmp_path / "petra.pdf", name="Petra Nyholm").path,
                             tmp_path)
    assert pdftools.cells(petra, "Seniorgympa") == ["1", "25"]
    assert pdftools.cells(petra, "Utåtriktat arbete  ") == ["2", "12"]
    everyone = api.write_staff_report(db, 2025, tmp_path / "alla.pdf")
    pages = pdftools.pages(everyone.path, tmp_path)
    assert everyone.title == "Medarbetarnas egna siffror 2025" and len(pages) == 4
    assert "Petra Nyholm" in pages[0] and "Tomas Greger" not in pages[0]
    assert pdftools.squash(pages[1]).startswith("Stig Holmér Volontär")
    assert pdftools.cells(pages[1], "Canasta") == ["2", "19"]
    assert pdftools.squash(pages[2]).startswith("Tomas Greger Fixare, anställd")
    assert "Inget registrerat under året: stödkontakter" in pdftools.squash(pages[3])
    assert all(pdftools.fonts(everyone.path, tmp_path).values())  # every font embedded
