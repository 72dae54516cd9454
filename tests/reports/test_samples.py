"""The sample printouts of the demo year (the one test that builds the whole demo)."""

import pytest
from openpyxl import load_workbook

from seniorhalsan.reports.samples import make_samples
from tests.reports import pdftools


@pytest.mark.slow
def test_samples_of_the_demo_year(tmp_path):
    paths = {p.name: p for p in make_samples(tmp_path / "exempel", year=2025)}
    assert set(paths) == {
        "folder-ht2025.pdf", "folder-ht2025-hafte.pdf", "folder-sommar2025.pdf", "folder-sommar2025-hafte.pdf",
        "statistik-2025.pdf", "tertialrapport-2025-t1.pdf", "tertialrapport-2025-t2.pdf", "statistik-2025.xlsx",
    }
    folder = pdftools.squash(pdftools.text(paths["folder-ht2025.pdf"], tmp_path))
    assert "Hösttermin 2025" in folder and "Axelsberg" in folder and "Alla-kan-sjunga-kör" in folder
    summer = pdftools.squash(pdftools.text(paths["folder-sommar2025.pdf"], tmp_path))
    assert "Dagsutflykt till Skultuna bruk" in summer
    year = pdftools.pages(paths["statistik-2025.pdf"], tmp_path)
    visits = pdftools.cells("\n".join(year), "Besök totalt")[0]
    assert 28_000 <= int(visits.replace(" ", "")) <= 32_000
    # a short table's note stays on its table's page: no page is a note alone
    volunteers = next(page for page in year if "Volontärer:" in page)
    assert "En volontär räknas som aktiv" in volunteers
    assert all(len(page.split()) > 40 for page in year), [page[:80] for page in year if len(page.split()) <= 40]
    for name in paths:
        if name.endswith(".pdf"):
            found = pdftools.fonts(paths[name], tmp_path)
            assert found["AtkinsonHyperlegible-Regular"] and all(found.values()), name
    sheet = load_workbook(paths["statistik-2025.xlsx"])["Besök"]
    assert sheet.cell(5, 2).value == int(visits.replace(" ", ""))
