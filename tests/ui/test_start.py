"""Starting the window: the first start (the unit's own database first, a demo file beside it),
the unit head's first account that cannot be skipped, remembered state, a damaged file."""

import os

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from seniorhalsan.database import DamagedDatabase, open_database
from seniorhalsan.db.backup import list_backups
from seniorhalsan.paths import demo_db_path, sqlite_url
from seniorhalsan.services import accounts, lookups, staff
from seniorhalsan.ui import app as ui_app
from seniorhalsan.ui import style
from seniorhalsan.ui.app import _context, build
from seniorhalsan.ui.login import FirstAccountDialog
from seniorhalsan.ui.main_window import START, MainWindow
from seniorhalsan.ui.opening import Opener
from seniorhalsan.ui.settings import SettingsStore
from tests import factories

PASSWORD = "blå cykel vid Mälaren"


def click_default(monkeypatch):
    """Answer the next message boxes with their default button, as pressing Enter does."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.defaultButton().click())


def click(monkeypatch, text):
    """Answer the next message boxes with the button of that text."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(b for b in box.buttons() if b.text() == text).click())


def fill_first_account(monkeypatch, username="karin", name="Karin Berg"):
    """The unit head types the first account's fields and presses Enter."""

    def typed(dialog):
        dialog.username.setText(username)
        dialog.display_name.setText(name)
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        return dialog.create() and dialog.result()

    monkeypatch.setattr(FirstAccountDialog, "exec", typed)


@pytest.fixture
def starting(qtbot, db_url, tmp_path):
    """A window as the program starts it, with nothing open yet; `opener.start(url)` opens."""
    store = SettingsStore(tmp_path / "fonster.ini")
    context = _context(None, store)
    window = MainWindow(context, url=db_url)
    qtbot.addWidget(window)
    opener = Opener(window, context, real_url=db_url, fallback_url=db_url)
    yield window, opener
    context.ops.wait()
    if context.db is not None:
        context.db.dispose()


def test_a_new_database_starts_with_its_own_first_account_and_the_checklist(starting, db_url, monkeypatch):
    window, opener = starting
    click_default(monkeypatch)  # Enter on the welcome: the unit's own database, never invented data
    fill_first_account(monkeypatch)
    assert opener.start(db_url)
    db = window.app.db
    assert db.actor.username == "karin" and db.actor.role == "enhetschef"
    assert not db.read(lookups.unit).demo and db.read(lookups.unit_is_empty)
    assert window.current_key == START and window.stack.currentWidget() is window.start_view
    # the first account's dialog added the unit head to the staff, tied to the account
    karin = db.read(staff.find_staff, "Karin Berg")
    assert karin is not None and karin.title == "Enhetschef"
    assert db.read(accounts.list_accounts)[0].staff_id == karin.id
    assert not demo_db_path().exists()


def test_escape_on_the_first_account_asks_and_never_skips_it(qtbot, db, monkeypatch):
    dialog = FirstAccountDialog(db)
    qtbot.addWidget(dialog)
    asked = []
    monkeypatch.setattr(dialog, "ask_quit", lambda: asked.append(1) or False)  # "Skapa kontot"
    dialog.show()
    dialog.reject()  # Esc, or the window's close button
    assert asked == [1] and dialog.isVisible() and dialog.result() == 0
    monkeypatch.setattr(dialog, "ask_quit", lambda: True)  # "Avsluta programmet"
    dialog.reject()
    assert not dialog.isVisible()
    assert not db.read(accounts.has_accounts)


def test_quitting_at_the_first_account_ends_the_start_and_asks_again_next_time(starting, db_url, db, monkeypatch):
    window, opener = starting
    click_default(monkeypatch)
    monkeypatch.setattr(FirstAccountDialog, "exec", lambda dialog: dialog.reject() or dialog.result())
    monkeypatch.setattr(FirstAccountDialog, "ask_quit", lambda dialog: True)
    assert not opener.start(db_url) and opener.exit_code == 0
    assert window.app.db is None and not db.read(accounts.has_accounts)


@pytest.mark.parametrize("size", ["normal", "storst"])
def test_the_first_account_dialog_grows_with_its_refusals(qtbot, db, size):
    style.apply(QApplication.instance(), size)
    dialog = FirstAccountDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.username.setText("Karin Berg")
    dialog.password.setText("kort")
    dialog.repeat.setText("kort")
    try:
        assert not dialog.create()
        qtbot.wait(50)
        shown = [label for label in dialog.errors.labels.values() if label.isVisible()]
        assert len(shown) == 2  # the username and the password
        for label in shown:
            assert label.text() and label.wordWrap()
            assert label.height() >= label.heightForWidth(label.width())  # no line cut off
            assert label.mapTo(dialog, label.rect().bottomLeft()).y() <= dialog.height()
    finally:
        dialog.done(0)
        style.apply(QApplication.instance(), "normal")


def test_the_demo_is_a_file_of_its_own_marked_on_every_page_and_the_real_database_is_one_click_away(
        starting, db_url, db, monkeypatch):
    window, opener = starting
    click(monkeypatch, "Prova med demodata")
    assert opener.start(db_url)
    demo = window.app.db
    assert demo.url == sqlite_url(demo_db_path()) and demo.url != db_url
    assert demo.read(lookups.unit).demo and not demo.read(lookups.unit_is_empty)
    assert db.read(lookups.unit_is_empty) and not db.read(lookups.unit).demo  # nothing invented in the real one
    assert window.windowTitle().startswith("DEMODATA – ")
    assert window.current_key != START  # the demo has a schedule: it opens on its last page
    for key in ("attendance", "feedback", "unit"):
        window.show_page(key)
        assert window.demo_banner.isVisibleTo(window)
        assert "Demodata – påhittade uppgifter" in window.demo_banner.text.text()
    assert window.menu.demo_action.text().replace("&", "") == "Öppna enhetens riktiga databas"

    click_default(monkeypatch)  # the real database is still new: its first start
    fill_first_account(monkeypatch)
    window.demo_banner.open_real.click()
    assert window.app.db.url == db_url and not window.demo_banner.isVisibleTo(window)
    assert not window.windowTitle().startswith("DEMODATA") and window.current_key == START
    assert window.menu.demo_action.text().replace("&", "") == "Öppna demodatabasen"


def test_a_new_unit_opens_on_the_checklist_until_it_has_a_schedule(qtbot, db, tmp_path):
    store = SettingsStore(tmp_path / "fonster.ini")
    _context, first = build(db, store)
    qtbot.addWidget(first)
    assert first.current_key == START
    factories.scheduled_term(db)
    _context, second = build(db, store)
    qtbot.addWidget(second)
    assert second.current_key == "attendance"


def test_the_last_page_and_place_are_remembered(qtbot, db, tmp_path):
    factories.scheduled_term(db)  # not a new unit: no Kom igång list first
    store = SettingsStore(tmp_path / "fonster.ini")
    _context, first = build(db, store)
    first.show_page("statistics")
    first.page("attendance").place.setCurrentIndex(3)
    place = first.page("attendance").place.currentData()
    first.resize(1100, 700)
    first.close()
    assert store.load().last_page == "statistics" and store.load().last_place_id == place
    assert store.state("geometry") is not None
    _context, second = build(db, store)
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
