"""Starting the window: the first start's offer, remembered state, a damaged file."""

import os

from PySide6.QtWidgets import QMessageBox

from seniorhalsan.database import DamagedDatabase, open_database
from seniorhalsan.db.backup import list_backups
from seniorhalsan.services import lookups
from seniorhalsan.ui import app as ui_app
from seniorhalsan.ui.app import build
from seniorhalsan.ui.first_start import offer_demo
from seniorhalsan.ui.settings import SettingsStore


def click_default(monkeypatch):
    """Answer the next message boxes with their default button, as pressing Enter does."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.defaultButton().click())


def test_the_first_start_offers_demo_data(window, qtbot, db, monkeypatch):
    assert db.read(lookups.unit_is_empty)
    click_default(monkeypatch)
    finished = []
    offer_demo(window, window.app, finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert finished == [True]
    assert not db.read(lookups.unit_is_empty)


def test_starting_empty_is_a_choice_too(window, qtbot, db, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[-1].click())
    finished = []
    offer_demo(window, window.app, finished.append)
    assert finished == [False] and db.read(lookups.unit_is_empty)


def test_the_last_page_and_place_are_remembered(qtbot, db, tmp_path):
    store = SettingsStore(tmp_path / "fonster.ini")
    context, first = build(db, store)
    first.show_page("statistics")
    first.page("attendance").place.setCurrentIndex(3)
    place = first.page("attendance").place.currentData()
    first.resize(1100, 700)
    first.close()
    assert store.load().last_page == "statistics" and store.load().last_place_id == place
    assert store.state("geometry") is not None
    context, second = build(db, store)
    qtbot.addWidget(second)
    assert second.current_key == "statistics"
    assert second.page("attendance").place.currentData() == place


def test_a_damaged_file_is_offered_its_newest_backup(qtbot, db_path, monkeypatch):
    open_database(f"sqlite:///{db_path}").dispose()  # the day's backup
    with open(db_path, "r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(4096 * 3))
    try:
        open_database(f"sqlite:///{db_path}")
    except DamagedDatabase as exc:
        damaged = exc
    click_default(monkeypatch)
    restored = ui_app.offer_restore(damaged, f"sqlite:///{db_path}")
    assert restored is not None and restored.read(lookups.unit) is not None
    assert any(p.name.startswith(db_path.stem + ".ersatt") for p in db_path.parent.iterdir())
    assert list_backups(db_path)
    restored.dispose()
