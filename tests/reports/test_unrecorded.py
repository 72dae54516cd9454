"""What nobody recorded is printed "–" with "ej registrerat", never 0; what was recorded is a number.

The same year report is built on a year where new visitors, cancellations, a checklist, groups and
trainings were recorded (the small year of conftest.py) and on a bare year where none of them was,
and read back as the unit head would paste it: the PDF with pdftotext, `stats --json`, the workbook.
"""

import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from seniorhalsan.reports.figures import collect_year
from seniorhalsan.reports.workbook import HEADER_ROW, render_workbook
from seniorhalsan.reports.yearly import render_year
from tests import factories
from tests.cli.test_cli import run
from tests.reports import pdftools

D = dt.date


@pytest.fixture
def bare_year(db):
    """2025 with visits and contacts, but no new visitors counted, nothing cancelled, no checklist
    ticked, no group and no training; an activity without a type; fewer contacts than in 2024."""
    axelsberg = factories.place_named(db, "Axelsberg")
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk")
    kor = factories.activity(db, "Kör från importen", kind=None)
    factories.session(db, gympa, axelsberg, D(2025, 2, 3), women=8, men=2)
    factories.session(db, kor, axelsberg, D(2025, 2, 4), women=20, men=4)
    person = factories.person(db, reference="A", birth_year=1944)
    for day in (D(2024, 3, 1), D(2024, 5, 1), D(2025, 3, 1)):
        factories.contact(db, person.id, day=day)
    return db


def rows_of(sheet) -> dict:
    return {row[0]: row[1:] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if row[0]}


def test_the_json_says_null_for_what_nobody_recorded(bare_year, db_url):
    bare = json.loads(run("stats", "--year", "2025", "--json", db=db_url).stdout)
    assert bare["attendance"]["new_visitors"] is None
    assert set(bare["services"]["fixartjanst"]["tasks"].values()) == {None}
    assert bare["groups"]["anhorigstod"]["meetings"] is None and bare["groups"]["anhorigstod"]["participants"] is None
    assert bare["trainings"]["sessions"] is None and bare["trainings"]["participants"] is None
    assert bare["attendance"]["by_kind"]["ej_angiven"] == 24 and bare["attendance"]["by_kind"]["fysisk"] == 10


def test_the_json_has_numbers_for_what_was_recorded(small_year):
    recorded = small_year.read(collect_year, 2025).stats.to_json()
    assert recorded["attendance"]["new_visitors"] == 20
    assert recorded["services"]["fixartjanst"]["tasks"]["brandvarnare"] == 1
    assert recorded["services"]["fixartjanst"]["tasks"]["gardiner"] == 0  # the checklist was in use: a true 0
    assert recorded["groups"]["anhorigstod"]["meetings"] == 2
    assert recorded["groups"]["anhorigstod"]["by_kind"]["grupp"] == {"meetings": 2, "participants": 13}
    assert recorded["trainings"]["sessions"] == 1
    assert recorded["trainings"]["by_service"]["syn_horsel"] == {"sessions": 1, "participants": 11}


def test_the_pdf_prints_a_dash_and_ej_registrerat(bare_year, tmp_path):
    built = render_year(bare_year.read(collect_year, 2025))
    text = pdftools.text(built.data, tmp_path, layout=True)
    visits = text[text.index("Besök totalt"):]
    assert pdftools.cells(visits, "Nya besökare") == ["(ej registrerat)", "–"]
    assert pdftools.cells(visits, "Inställda tillfällen") == ["(ej registrerat)", "–"]
    fixar = text[text.index("Fixartjänst (Seniorer"):]
    assert "Utfört vid kontakterna (andel av kontakterna) (ej registrerat)" in fixar
    assert pdftools.cells(fixar, "Brandvarnare") == ["–"]
    groups = text[text.index("Gruppträffar per insats"):]
    for service in ("IT-stöd", "Fixartjänst", "Syn- och hörselstöd", "Anhörigstöd", "Äldrestöd"):
        assert pdftools.cells(groups, service) == ["(ej registrerat)", "–", "–"]
    assert pdftools.cells(groups, "Utbildningar för personal (ej registrerat)") == ["–", "–"]
    kinds = text[text.index("Typ av aktivitet"):]
    assert pdftools.cells(kinds, "Typ ej angiven") == ["24", "71 %"]  # 24 of the 34 visits
    # the comparison is headed by the years, and a fall has a real minus sign
    services = text[text.index("Stöd och service"):]
    assert "2025" in services.splitlines()[2] and "2024" in services.splitlines()[2]
    assert pdftools.cells(services, "Fixartjänst") == ["1", "2", "\u221250 %", "1", "1", "±0 %", "0", "0 %"]
    assert "I år" not in text and "Förra året" not in text and "förra året" not in text


def test_the_pdf_prints_numbers_where_they_were_recorded(small_year, tmp_path):
    built = render_year(small_year.read(collect_year, 2025))
    text = pdftools.text(built.data, tmp_path, layout=True)
    visits = text[text.index("Besök totalt"):text.index("Besök per månad")]
    assert "ej registrerat" not in visits
    assert pdftools.cells(visits, "Nya besökare") == ["(räknade vid 1 av 4 tillfällen)", "20"]
    assert pdftools.cells(visits, "Inställda tillfällen") == ["1"]
    fixar = text[text.index("Fixartjänst (Seniorer"):text.index("Syn- och hörselstöd (")]
    assert "ej registrerat" not in fixar
    assert pdftools.cells(fixar, "Brandvarnare") == ["1", "25 %"]
    assert pdftools.cells(fixar, "Gardiner") == ["0", "0 %"]
    assert "Typ ej angiven" not in text  # every activity has its type
    groups = text[text.index("Gruppträffar per insats"):]
    assert pdftools.cells(groups, "Anhörigstöd") == ["2", "13"]
    trainings = groups[groups.index("Insats som gav utbildningen"):]
    assert pdftools.cells(trainings, "Totalt") == ["1", "11"]


def test_the_workbook_writes_a_dash_not_a_zero(bare_year):
    bare = load_workbook(io.BytesIO(render_workbook(bare_year.read(collect_year, 2025))))
    visits = rows_of(bare["Besök"])
    assert visits["Nya besökare (ej registrerat)"][0] == "–"
    assert visits["Inställda tillfällen (ej registrerat)"][0] == "–"
    assert rows_of(bare["Fixartjänst"])["Brandvarnare"][0] == "–"
    assert rows_of(bare["Gruppträffar"])["Anhörigstöd (ej registrerat)"][:2] == ("–", "–")
    assert rows_of(bare["Utbildningar"])["Utbildningar för personal (ej registrerat)"][:2] == ("–", "–")
    assert rows_of(bare["Aktivitetstyper"])["Typ ej angiven"][0] == 24


def test_the_workbook_writes_numbers_where_they_were_recorded(small_year):
    recorded = load_workbook(io.BytesIO(render_workbook(small_year.read(collect_year, 2025))))
    visits = rows_of(recorded["Besök"])
    assert visits["Nya besökare (räknade vid 1 av 4 tillfällen)"][0] == 20
    assert visits["Inställda tillfällen"][0] == 1
    assert rows_of(recorded["Fixartjänst"])["Brandvarnare"][0] == 1
    groups = rows_of(recorded["Gruppträffar"])
    assert groups["Anhörigstöd"][:2] == (2, 13) and groups["Grupp"][:2] == (2, 13)
    assert groups["Fixartjänst (ej registrerat)"][:2] == ("–", "–")
    assert rows_of(recorded["Utbildningar"])["Totalt"][:2] == (1, 11)
    assert rows_of(recorded["Utbildningar"])["Syn- och hörselstöd"][:2] == (1, 11)


def test_visits_counted_only_as_totals_leave_the_women_unknown_not_zero(db, tmp_path, db_url):
    """A year whose visits were all counted as a total: the report does not say 0 women, or 0 %."""
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk")
    factories.session(db, gympa, factories.place_named(db, "Axelsberg"), D(2025, 2, 3), total=12)
    built = render_year(db.read(collect_year, 2025))
    text = pdftools.text(built.data, tmp_path, layout=True)
    assert pdftools.cells(text, "Kvinnor bland besökarna") == ["(ej registrerat)", "–"]
    visits = text[text.index("Besök totalt"):text.index("Besök per månad")]
    for label in ("Kvinnor", "Män", "Annat/okänt kön"):
        assert pdftools.cells(visits, label) == ["(ej registrerat)", "–"], label
    assert pdftools.cells(visits, "Räknade utan uppdelning på kön") == ["12"]
    assert "0 %" not in visits and "Kön räknades inte vid något besök under perioden." in visits
    workbook = load_workbook(io.BytesIO(render_workbook(db.read(collect_year, 2025))))
    assert rows_of(workbook["Besök"])["Kvinnor (ej registrerat)"][0] == "–"
    table = run("stats", "--year", "2025", db=db_url).stdout
    assert "Kvinnor                                              –  ej registrerat" in table
