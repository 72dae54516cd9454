"""Utskrifter: documents built off the GUI thread, previewed, saved and printed."""

import datetime as dt
import gc
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog

from seniorhalsan.services import schedule, texts
from tests import factories
from tests.reports.test_folder import write_contact


@pytest.fixture
def term(db):
    gympa = factories.activity(db, "Seniorgympa", description="Gympa för hela kroppen.")
    vt = factories.term(db)
    db.call(schedule.add_entry, term_id=vt.id, activity_id=gympa.id,
            place_id=factories.place_named(db, "Axelsberg").id, weekday=1, starts_at=dt.time(10), ends_at=dt.time(11))
    write_contact(db)
    return vt


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_folder_is_built_previewed_and_saved(term, alone, qtbot, tmp_path):
    alone.show_page("prints")
    page = alone.page("prints")
    page.term.setCurrentIndex(page.term.findData("vt2026"))
    page.build()
    qtbot.waitUntil(lambda: page.current is not None, timeout=20_000)
    assert page.document.pageCount() == page.current.pages >= 3
    saved = page.save_to(tmp_path / "folder.pdf")
    text = pdf_text(saved)
    assert "Vårtermin 2026" in text and "Seniorgympa" in text and "Gympa för hela kroppen." in text


def test_the_previews_are_removed_with_the_page(term, alone, qtbot):
    page = alone.page("prints")
    del alone.pages["prints"]  # this test deletes the page itself
    page.build()
    qtbot.waitUntil(lambda: page.current is not None, timeout=20_000)
    work = page.work
    assert page.current.path.parent == work and page.current.path.exists()
    page.document.close()
    page.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    page = None
    gc.collect()
    assert not work.exists()  # nothing of the unit's is left in the temporary folder


def test_printing_sends_every_page(term, alone, qtbot, tmp_path):
    page = alone.page("prints")
    page.kind_buttons["year"].setChecked(True)
    page.year.setValue(2026)
    page.build()
    qtbot.waitUntil(lambda: page.current is not None, timeout=20_000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "utskrift.pdf"))
    page.print_to(printer)
    info = subprocess.run(["pdfinfo", str(tmp_path / "utskrift.pdf")], capture_output=True, text=True).stdout
    assert re.search(rf"Pages:\s+{page.current.pages}\n", info)


def test_a_term_without_schedule_and_a_year_without_data_still_build(alone, qtbot, db):
    write_contact(db)
    factories.term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 24), ends_on=dt.date(2026, 12, 11))
    page = alone.page("prints")
    page._load_terms()
    page.build()
    qtbot.waitUntil(lambda: page.current is not None, timeout=20_000)
    assert "Hösttermin 2026" in page.status.text()


def test_the_folders_texts_are_one_click_away_on_the_unit_page(window, qtbot):
    window.show_page("prints")
    page = window.page("prints")
    page.kind_buttons["folder"].setChecked(True)
    assert page.texts_button.isVisibleTo(window)
    qtbot.mouseClick(page.texts_button, Qt.MouseButton.LeftButton)
    unit = window.page("unit")
    assert window.current_key == "unit" and unit.tabs.currentWidget() is unit.texts
    assert unit.texts.edits[texts.CONTACT_PHONE].hasFocus()  # where a new unit starts


def test_without_contact_details_the_folder_is_refused_calmly_or_built_as_a_draft(alone, qtbot, db):
    gympa = factories.activity(db, "Seniorgympa")
    vt = factories.term(db)
    db.call(schedule.add_entry, term_id=vt.id, activity_id=gympa.id,
            place_id=factories.place_named(db, "Axelsberg").id, weekday=1, starts_at=dt.time(10))
    page = alone.page("prints")
    page._load_terms()
    page.term.setCurrentIndex(page.term.findData("vt2026"))
    assert page.draft.isVisible() or not page.isVisible()
    page.build()
    qtbot.waitUntil(lambda: not page.busy.isVisibleTo(page), timeout=20_000)
    assert page.current is None
    assert "Det saknas: telefonnummer, e-postadress" in page.status.text()
    assert "Utkast" in page.status.text()

    page.draft.setChecked(True)
    page.build()
    qtbot.waitUntil(lambda: page.current is not None, timeout=20_000)
    assert page.current.title == "Utkast: Vårtermin 2026"
    assert "UTKAST" in pdf_text(page.current.path)


def test_the_contact_details_are_written_on_the_unit_page(alone, db):
    page = alone.page("unit").texts
    page.edits[texts.CONTACT_PHONE].setText("08-508 000 00")
    page.edits[texts.CONTACT_EMAIL].setText("seniorhalsan@example.org")
    page.edits[texts.UNIT_HEAD].setPlainText("Enhetschef: Anna Andersson")
    assert page.save()
    assert db.read(texts.get_text, texts.CONTACT_PHONE) == "08-508 000 00"
    assert db.read(texts.get_text, texts.UNIT_HEAD) == "Enhetschef: Anna Andersson"


def test_the_save_dialog_starts_where_the_last_file_was_saved(term, alone, qtbot, tmp_path, monkeypatch):
    page = alone.page("prints")
    page.term.setCurrentIndex(page.term.findData("vt2026"))
    page.build()
    qtbot.waitUntil(lambda: page.current is not None, timeout=20_000)
    chosen = tmp_path / "Utskrifter"
    chosen.mkdir()
    asked = []

    def answer(parent, title, where, filters):
        asked.append(Path(where))
        return str(chosen / "folder.pdf"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    page._save_as()
    page._save_as()
    first, second = asked
    assert first.name == page.current.path.name and first.parent != page.work  # never the preview folder
    assert second.parent == chosen  # then where the user saved last
    assert (chosen / "folder.pdf").exists()
