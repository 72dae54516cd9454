"""The year report and the tertial reports, built from a small hand-made year."""

import datetime as dt
import shutil

import pytest

from seniorhalsan.database import open_database
from seniorhalsan.errors import UserError
from seniorhalsan.paths import sqlite_url
from seniorhalsan.reports.figures import collect_year, get_feedback_summary, set_feedback_summary
from seniorhalsan.reports.yearly import render_year
from seniorhalsan.stats import template as city
from tests.conftest import TODAY
from tests.reports import pdftools
from tests.reports.conftest import _fill as fill


@pytest.fixture(scope="module")
def year_pdf(small_year_file, tmp_path_factory):
    """The year report of the small year, built once for the tests that only read it."""
    folder = tmp_path_factory.mktemp("year_pdf")
    if small_year_file is not None:
        shutil.copy(small_year_file, folder / "db.sqlite3")
    database = open_database(sqlite_url(folder / "db.sqlite3"))
    database.clock = lambda: TODAY
    if small_year_file is None:  # on the PostgreSQL run: the layout is the same from a file of its own
        fill(database)
    built = render_year(database.read(collect_year, 2025))
    database.dispose()
    return built, pdftools.pages(built.data, folder)


def page_with(pages: list[str], heading: str) -> str:
    return next(p for p in pages if heading in p)


def test_visits_are_written_the_swedish_way(year_pdf):
    built, pages = year_pdf
    first = pages[0]
    assert "Statistik 2025" in first and "Helåret 2025: 1 januari – 31 december 2025" in first
    whole = "\n".join(pages)
    visits = whole[whole.index("Besök totalt"):]
    assert pdftools.cells(visits, "Besök totalt") == ["1 257"]
    assert pdftools.cells(visits, "Kvinnor") == ["936", "75 %"]  # 936 of the 1 245 with a known gender
    assert pdftools.cells(visits, "Män") == ["308", "25 %"]
    assert pdftools.cells(visits, "Räknade utan uppdelning på kön") == ["12"]
    assert pdftools.cells(visits, "Inställda tillfällen") == ["1"]
    # new visitors were counted at one of the four sessions held, and the row says so
    assert pdftools.cells(visits, "Nya besökare") == ["(räknade vid 1 av 4 tillfällen)", "20"]
    by_tertial = whole[whole.index("Per tertial"):]
    assert pdftools.cells(by_tertial, "Besök på aktiviteter  ") == ["1 235", "10", "12", "1 257"]
    assert pdftools.cells(by_tertial, "Synpunkter, klagomål och beröm  ") == ["3", "1", "2", "6"]
    assert pdftools.cells(page_with(pages, "Besök per månad"), "Januari") == ["1 200", "900", "300", "1"]
    assert f"Sida 1 av {built.pages}" in first


def test_places_and_kinds(year_pdf):
    _, pages = year_pdf
    places = page_with(pages, "Mötesplats ")
    assert pdftools.cells(places, "Gymmet Axelsberg") == ["22", "6", "4", "2", "2 %"]
    assert "Gröndal" not in places  # a place of the reference data without sessions is not a row of zeros
    assert pdftools.cells(page_with(pages, "Typ av aktivitet"), "Kultur") == ["35", "3 %"]


def test_support_services_with_shares_and_change(year_pdf):
    _, pages = year_pdf
    services = page_with(pages, "Stöd och service")
    # contacts 4 (1 the year before), persons 3 (1), new 2
    assert pdftools.cells(services, "Fixartjänst") == ["4", "1", "+300 %", "3", "1", "+200 %", "2", "67 %"]
    assert pdftools.cells(services, "Äldrestöd") == ["0", "0", "–", "0", "0", "–", "0", "–"]
    # the group's heading stands over its three columns (2025, 2024, Förändring), centred
    lines = services.splitlines()
    top = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Kontakter") and "Personer" in line)
    heading, columns = lines[top], lines[top + 1]
    first, last = columns.index("2025"), columns.index("Förändring") + len("Förändring")
    middle = heading.index("Kontakter") + len("Kontakter") / 2
    assert columns.split()[:3] == ["Insats", "2025", "2024"]
    assert abs(middle - (first + last) / 2) < 6, (heading, columns)
    text = "\n".join(pages)
    fixar = text[text.index("Fixartjänst (Seniorer 68+"):]
    assert pdftools.cells(fixar, "Telefon") == ["1", "25 %"]
    assert pdftools.cells(fixar, "varav nya (andel av personerna)") == ["2", "67 %"]
    assert pdftools.cells(fixar, "85 år och äldre") == ["1", "33 %"]  # B, born 1935
    assert pdftools.cells(fixar, "Brandvarnare") == ["1", "25 %"]
    assert "Nya och återkommande personer per insats" in text and "Besök per månad" in text
    groups = page_with(pages, "Grupper och utbildningar")
    assert pdftools.cells(groups, "Anhörigstöd") == ["2", "13"]
    assert pdftools.cells(groups, "Grupp ") == ["2", "13"]  # per kind of group, under its service
    assert pdftools.cells(groups, "Fixartjänst") == ["(ej registrerat)", "–", "–"]
    trainings = groups[groups.index("Insats som gav utbildningen"):]
    assert pdftools.cells(trainings, "Totalt") == ["1", "11"]
    assert pdftools.cells(trainings, "Syn- och hörselstöd") == ["1", "11"]


def test_the_feedback_table_follows_the_city_template(year_pdf, tmp_path):
    built, pages = year_pdf
    page = page_with(pages, "Redovisning av synpunkter och klagomål")
    labels = [
        "Antal beröm",
        *city.CATEGORIES["from"].values(),
        *city.CATEGORIES["about"].values(),
        "Varav antal avvikelser",
        "Antal klagomål där återkoppling har lämnats",
        "Antal klagomål där åtgärder vidtagits",
    ]
    squashed = pdftools.squash(pdftools.text(built.data, tmp_path, first=len(pages)))
    lines = page.splitlines()
    positions = [next(i for i, line in enumerate(lines) if label in line) for label in labels[:8]]
    assert positions == sorted(positions) and len(labels) == 23
    # every row of the city's form, named whole and in its order
    assert all(label in squashed for label in labels)
    order = [squashed.index(label) for label in labels[8:]]
    assert order == sorted(order)
    assert "Annat (ange vad i rapporteringsvyn)" in squashed
    assert "Bemanning (Kontinuitet, vikarieanskaffning)" in squashed
    assert "Varav antal avvikelser som lett till (ej incidenter som rapporteras i IA)" in squashed
    assert pdftools.cells(page, "Fråga/idé") == ["0", "1", "1", "2"]
    deviations = next(line for line in lines if line.startswith("Varav antal avvikelser"))
    assert deviations.split()[-4:] == ["–", "–", "–", "–"]  # not recorded by the program: not 0
    assert "Utfall T1" in page and "Utfall T2" in page and "Utfall VB" in page and "Totalt ack." in page
    assert " ".join(pdftools.cells(page, "Antal beröm")) == "1 0 1 2 Vi har flyttat gympan till förmiddagen."
    assert pdftools.cells(page, "Senior") == ["2", "1", "1", "4"]
    assert pdftools.cells(page, "Fråga/idé") == ["0", "1", "1", "2"]
    assert pdftools.cells(page, "Patientnämnden") == ["0", "0", "0", "0"]  # zero rows are shown
    assert pdftools.cells(page, "återkoppling har lämnats") == ["2", "0", "0", "2"]
    assert pdftools.cells(page, "åtgärder vidtagits") == ["1", "0", "0", "1"]


def test_a_tertial_report_covers_the_year_so_far(small_year, tmp_path):
    built = render_year(small_year.read(collect_year, 2025, tertial=1))
    pages = pdftools.pages(built.data, tmp_path)
    assert "Tertialrapport 1 2025" in pages[0]
    assert "Året till och med tertial 1: 1 januari – 30 april 2025" in pages[0]
    assert pdftools.cells("\n".join(pages), "Besök totalt") == ["1 235"]  # May and September left out
    whole = "\n".join(pages)
    by_tertial = whole[whole.index("Per tertial"):]
    assert pdftools.cells(by_tertial, "Besök på aktiviteter  ") == ["1 235", "1 235"]
    assert pdftools.cells(by_tertial, "Synpunkter, klagomål och beröm  ") == ["3", "3"]
    services = page_with(pages, "Stöd och service")
    # A (known since 2024) and B (new in March); nothing in the same months of 2024
    assert pdftools.cells(services, "Fixartjänst") == ["2", "0", "–", "2", "0", "–", "1", "50 %"]
    page = page_with(pages, "Redovisning av synpunkter och klagomål")
    # T2 and VB are not reported yet: blank, not zero
    assert pdftools.cells(page, "Senior") == ["2", "2"]
    assert " ".join(pdftools.cells(page, "Antal beröm")) == "1 1 Tertialets synpunkter gällde tiderna."
    deviations = next(line for line in page.splitlines() if line.startswith("Varav antal avvikelser"))
    assert deviations.split()[-2:] == ["–", "–"]  # T1 and the total; T2 and VB not yet
    two = render_year(small_year.read(collect_year, 2025, tertial=2))
    page = page_with(pdftools.pages(two.data, tmp_path), "Redovisning av synpunkter")
    assert pdftools.cells(page, "Fråga/idé") == ["0", "1", "1"]


def test_a_year_without_data_still_gives_a_report(db, tmp_path):
    built = render_year(db.read(collect_year, 2019))
    text = pdftools.text(built.data, tmp_path, layout=True)
    assert pdftools.cells(text, "Besök totalt") == ["0"]
    assert "Inga siffror att visa för perioden." in text
    # nothing written: the summary cell is empty, as on the city's form, with no words of the program's
    assert "sammanfattning är skriven" not in text.lower() and "Sammanfattningen är för lång" not in text
    last = pdftools.pages(built.data, tmp_path)[-1]
    assert pdftools.cells(last, "Antal beröm") == ["0", "0", "0", "0"]
    found = pdftools.fonts(built.data, tmp_path)
    assert found and all(found.values())


@pytest.mark.parametrize("paragraphs", [3, 30])
def test_a_summary_too_long_for_its_cell_says_on_which_page_it_stands(small_year, tmp_path, paragraphs):
    long = "\n\n".join(f"Stycke {n}: " + "Seniorerna önskar fler pass och mindre grupper. " * 12
                        for n in range(paragraphs))
    small_year.call(set_feedback_summary, year=2025, body=long)
    built = render_year(small_year.read(collect_year, 2025))
    pages = [pdftools.squash(page) for page in pdftools.pages(built.data, tmp_path)]
    table = next(n for n, page in enumerate(pages, start=1) if "Redovisning av synpunkter" in page)
    below = next(n for n, page in enumerate(pages, start=1)
                 if "Sammanfattning och planerade åtgärder Stycke 0:" in page)
    assert f"den står på sida {below}." in pages[table - 1]  # the page it really stands on
    assert below >= table and f"Sida {below} av {built.pages}" in pages[below - 1]
    assert f"Stycke {paragraphs - 1}:" in pages[-1]


def test_the_feedback_summary_is_stored_per_year_and_tertial(db):
    db.call(set_feedback_summary, year=2026, body="  Året  ")
    db.call(set_feedback_summary, year=2026, tertial=2, body="Andra tertialet")
    assert db.read(get_feedback_summary, year=2026) == "Året"
    assert db.read(get_feedback_summary, year=2026, tertial=2) == "Andra tertialet"
    assert db.read(get_feedback_summary, year=2026, tertial=1) == ""
    with pytest.raises(UserError, match="Tertial: ange 1 eller 2"):
        db.call(set_feedback_summary, year=2026, tertial=3, body="x")
    with pytest.raises(UserError, match="År"):
        db.read(collect_year, 20260)


def test_the_report_embeds_its_font_and_has_no_other(year_pdf, tmp_path):
    built, _ = year_pdf
    found = pdftools.fonts(built.data, tmp_path)
    assert found["AtkinsonHyperlegible-Regular"] and found["AtkinsonHyperlegible-Bold"]
    assert all(found.values()), found  # no font left out of the file (reportlab's Helvetica was)


def test_numbers_keep_their_no_break_spaces_in_the_cells():
    from seniorhalsan.reports.tables import Change, Share
    from seniorhalsan.reports.yearly import cell_text

    assert cell_text(28_000) == "28\xa0000"
    assert cell_text(Share(13, 20)) == "65\xa0%"
    assert cell_text(Change(274, 200)) == "+37\xa0%"
    assert cell_text(Change(126, 200)) == "\u221237\xa0%"  # a real minus sign, not a hyphen
    assert cell_text(Share(1, 0)) == "–" and cell_text(None) == ""


def test_unusual_characters_in_a_place_name(small_year, tmp_path):
    from seniorhalsan.services import attendance
    from tests import factories

    place = factories.place(small_year, "Café ☕ 漢 Ølstykke")
    gympa = factories.activity(small_year, "Gympa på caféet")
    small_year.call(attendance.record_attendance, activity_id=gympa.id, place_id=place.id,
                    held_on=dt.date(2025, 3, 3), women=5, men=2)
    built = render_year(small_year.read(collect_year, 2025))
    text = pdftools.text(built.data, tmp_path)
    assert "Café ☕ ? Ølstykke" in text  # in the table, with the fallback font for the cup
    assert "漢" in built.missing and "☕" in built.missing  # the chart label cannot show the cup


def test_charts_name_their_axes_and_keep_their_legends_inside_the_page(year_pdf, tmp_path):
    import re
    import subprocess

    built, pages = year_pdf
    text = "\n".join(pages)
    assert "Antal besök" in text and "Månad" in text and "Antal personer" in text
    path = tmp_path / "doc.pdf"
    path.write_bytes(built.data)
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    words = [(float(x_max), word) for x_max, word in
             re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes)]
    legend = [x for x, word in words if word == "uppdelning"]  # the end of the third series' name
    assert legend and max(legend) <= width - 18 * 72 / 25.4 + 1  # inside the right margin
