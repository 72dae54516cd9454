"""The report and export commands as a user runs them."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from seniorhalsan.cli import main as cli_main
from seniorhalsan.services import schedule
from tests import factories
from tests.cli.test_cli import run
from tests.reports import pdftools
from tests.reports.test_folder import write_contact


def cli(*args, db_path):
    return cli_main.main([*args, "--db", str(db_path)])


def test_report_commands_write_their_files(db, db_path, tmp_path, capsys):
    term = factories.term(db)
    gympa = factories.activity(db, "Seniorgympa")
    db.call(schedule.add_entry, term_id=term.id, activity_id=gympa.id,
            place_id=factories.place_named(db, "Axelsberg").id, weekday=1, starts_at=dt.time(10))
    write_contact(db)
    db.dispose()
    folder, booklet = tmp_path / "folder.pdf", tmp_path / "hafte.pdf"
    assert cli("report", "folder", "--term", "vt2026", "-o", str(folder), db_path=db_path) == 0
    assert cli("report", "folder", "--term", "VT 2026", "--booklet", "-o", str(booklet), db_path=db_path) == 0
    out = capsys.readouterr().out
    assert "Sparade: Vårtermin 2026 (" in out and str(folder) in out
    assert "Seniorgympa" in pdftools.text(folder, tmp_path)
    assert pdftools.page_size(booklet, tmp_path)[0] > pdftools.page_size(booklet, tmp_path)[1]  # landscape sheets

    summary = tmp_path / "sammanfattning.txt"
    summary.write_text("Allt gick bra under året.", encoding="utf-8")
    year = tmp_path / "år.pdf"
    assert cli("report", "year", "--year", "2025", "--summary-file", str(summary), "-o", str(year),
               db_path=db_path) == 0
    assert "Allt gick bra under året." in pdftools.text(year, tmp_path)
    tertial = tmp_path / "t2.pdf"
    assert cli("report", "tertial", "--year", "2025", "--tertial", "2", "-o", str(tertial), db_path=db_path) == 0
    assert "Tertialrapport 2 2025" in pdftools.text(tertial, tmp_path)
    workbook = tmp_path / "år.xlsx"
    assert cli("export", "year", "--year", "2025", "-o", str(workbook), db_path=db_path) == 0
    assert "Synpunkter och klagomål" in load_workbook(workbook).sheetnames


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "folder", "--term", "höst2026"),
         "Fel: Termin: 'höst2026' känns inte igen. Skriv vt, sommar eller ht"),
        (("report", "folder", "--term", "ht2031"), "Fel: Terminen hösttermin 2031 finns inte."),
        (("report", "year", "--year", "2025", "-o", "/finns/inte/år.pdf"),
         "Fel: Utfil: mappen /finns/inte finns inte."),
        (("report", "year", "--year", "2025", "--summary-file", "/finns/inte.txt"),
         "Fel: Sammanfattning: filen /finns/inte.txt finns inte."),
    ],
)
def test_mistakes_are_explained_in_swedish(args, message, db_path, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli(*args, db_path=db_path) == 1
    assert message in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


def test_only_tertial_one_or_two_and_no_traceback(tmp_path):
    result = run("report", "tertial", "--year", "2025", "--tertial", "3", db=tmp_path / "db.sqlite3")
    assert result.returncode == 2 and "ogiltigt val" in result.stderr
    result = run("report", "folder", "--term", "xx", db=tmp_path / "db.sqlite3")
    assert result.returncode == 1 and result.stderr.startswith("Fel: Termin:")
