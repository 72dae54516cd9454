"""Starting the window: it shows itself first and opens the database after its first frame."""

import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from seniorhalsan.cli.main import window_arguments
from seniorhalsan.services import lookups
from seniorhalsan.ui import i18n
from seniorhalsan.ui.app import _context, run
from seniorhalsan.ui.main_window import MainWindow
from seniorhalsan.ui.pages import PAGES
from seniorhalsan.ui.settings import SettingsStore
from tests import factories


def test_each_page_is_registered_once_with_a_page_class_and_a_title_in_both_languages():
    from seniorhalsan.ui.common import Page

    assert len({spec.key for spec in PAGES}) == len({spec.package for spec in PAGES}) == len(PAGES)
    assert all(issubclass(spec.load(), Page) for spec in PAGES)
    swedish = [spec.title() for spec in PAGES]
    i18n.set_language("en")
    try:
        english = [spec.title() for spec in PAGES]
    finally:
        i18n.set_language("sv")
    assert all(swedish) and all(english) and swedish != english


def test_the_window_shows_itself_before_the_database_and_fills_in_after(qtbot, db, tmp_path):
    store = SettingsStore(tmp_path / "fonster.ini")
    settings = store.load()
    settings.last_page = "feedback"
    store.save(settings)
    context = _context(None, store)
    window = MainWindow(context, url=db.url)
    qtbot.addWidget(window)
    window.show()
    assert window.pages == {} and window.navigation.currentRow() == [spec.key for spec in PAGES].index("feedback")
    assert window.windowTitle() == "Seniorhälsan" and db.url.rsplit("/", 1)[-1] in window.database_label.text()
    window.show_page("statistics")  # chosen before the database is open: shown once it is
    assert window.pages == {}
    window.connect_database(db)
    assert window.current_key == "statistics" and list(window.pages) == ["statistics"]
    assert window.unit.name in window.windowTitle() and context.db is db


def test_the_command_starts_the_window_without_the_commands(tmp_path):
    assert window_arguments([]) is not None
    assert window_arguments(["--db", str(tmp_path / "x.sqlite3")]).db == str(tmp_path / "x.sqlite3")
    for command in (["stats", "--year", "2025"], ["--help"], ["--version"], ["--db"], ["--db", "x", "demo"]):
        assert window_arguments(command) is None


def test_nothing_of_the_data_layer_is_loaded_before_the_first_frame():
    code = ("import sys; import seniorhalsan.cli.main, seniorhalsan.ui.app, seniorhalsan.ui.main_window; "
            "print(' '.join(m for m in ('sqlalchemy', 'alembic', 'babel', 'reportlab', 'openpyxl', "
            "'seniorhalsan.db', 'seniorhalsan.services') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def started_windows(before: set) -> list[MainWindow]:
    """The main windows opened since `before` (earlier tests' windows may not be deleted yet)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]


def test_run_opens_the_database_after_the_first_frame_and_shows_the_last_page(qtbot, db):
    factories.scheduled_term(db)  # not a new unit: no first-start offer, no Kom igång list first
    seen = {}
    before = set(QApplication.topLevelWidgets())

    def look() -> None:
        windows = started_windows(before)
        if windows and windows[0].current_page() is not None:
            seen["page"] = windows[0].current_key
            seen["unit"] = windows[0].unit.name
            opened.append(windows[0].app.db)
            windows[0].close()
            QApplication.instance().exit(0)
        else:
            QTimer.singleShot(20, look)

    opened = []
    QTimer.singleShot(0, look)
    assert run(db.url) == 0
    opened[0].dispose()
    assert seen == {"page": "attendance", "unit": db.read(lookups.unit).name}


def test_a_failure_while_opening_is_told_calmly_and_ends_the_start(qtbot, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import seniorhalsan.database

    told = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: told.append(args[1]))

    def broken(url, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(seniorhalsan.database, "open_database", broken)
    before = set(QApplication.topLevelWidgets())
    assert run(db.url) == 70
    assert told == ["Oväntat fel"]
    for window in started_windows(before):
        window.close()
        window.deleteLater()
