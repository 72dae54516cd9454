"""Every page, and every tab of it, fits a small laptop's screen (1366 × 768) at every text size:
the window's minimum size fits, nothing is cut off, and a page visited earlier does not keep the
window big. The pages are those registered in `pages.PAGES`, so a page added later is checked too."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from seniorhalsan.database import open_database
from seniorhalsan.operations.imports import GenerateDemo
from seniorhalsan.paths import sqlite_url
from seniorhalsan.ui import fit, i18n, style
from seniorhalsan.ui.app import build
from seniorhalsan.ui.pages import PAGES
from seniorhalsan.ui.settings import TEXT_SIZES, SettingsStore

pytestmark = pytest.mark.slow  # every page and tab, three times

DAY = dt.date(2026, 11, 17)  # the screenshots' day: a Tuesday in the autumn term


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """A year of demo data (long names, full lists), made once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(sqlite_url(path), daily_backup=False)
    db.clock = lambda: DAY
    db.perform(GenerateDemo(2026))
    db.dispose()
    return path


@pytest.fixture
def open_window(qtbot, demo_file, tmp_path):
    made = []

    def open_at(text_size):
        db = open_database(sqlite_url(demo_file), daily_backup=False)
        db.clock = lambda: DAY
        store = SettingsStore(tmp_path / f"fonster-{text_size}.ini")
        settings = store.load()
        settings.text_size = text_size
        store.save(settings)
        i18n.set_language("sv")
        context, window = build(db, store)
        made.append((db, context, window))
        window.resize(fit.SCREEN)
        window.show()
        qtbot.waitExposed(window)

        def settle():
            QApplication.processEvents()
            context.ops.wait()
            QApplication.processEvents()

        return window, settle

    yield open_at
    for db, context, window in made:
        context.ops.wait()
        for page in window.pages.values():
            page.discard_changes()
        window.close()
        window.deleteLater()
        db.dispose()
    style.apply(QApplication.instance(), "normal")  # the next tests' text size


@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
def test_every_page_and_tab_fits_a_small_screen_at_every_text_size(open_window, text_size):
    window, settle = open_window(text_size)
    first = fit.measure(window, "attendance", "Närvaro", settle).needed

    found = list(fit.views(window, settle))

    assert {view.key for view in found} >= {spec.key for spec in PAGES}  # every registered page, and Kom igång
    assert len({view.name for view in found}) > len(PAGES)  # and the tabs of those that have them
    assert [view.describe() for view in fit.too_big(found)] == []
    window.show_page("attendance")  # after every other page: the window asks for no more room than before
    assert fit.measure(window, "attendance", "Närvaro", settle).needed == first
    assert window.width() <= fit.SCREEN.width() and window.height() <= fit.SCREEN.height()


def test_the_pages_fit_when_the_text_size_is_changed_with_the_window_open(open_window):
    window, settle = open_window("normal")
    list(fit.views(window, settle))  # every page built at the normal size
    window.page("settings").set_text_size("storst")  # as Inställningar does: the pages are not built again
    settle()
    assert [view.describe() for view in fit.too_big(list(fit.views(window, settle)))] == []


def test_the_screenshot_tool_names_each_tab_that_does_not_fit_and_a_page_only_when_no_tab_is_to_blame():
    big, small = fit.SCREEN + fit.SCREEN, fit.SCREEN
    found = [fit.View("feedback", "Tyck till", big), fit.View("feedback", "Tyck till › Alla synpunkter", big),
             fit.View("feedback", "Tyck till › Registrera ny", small),
             fit.View("attendance", "Närvaro", small, cut_off=("QPushButton 'Spara'",)),
             fit.View("import", "Import", big)]
    assert [view.describe() for view in fit.too_big(found)] == [
        "Tyck till › Alla synpunkter: 2732 × 1536",
        "Närvaro: 1366 × 768; klipps: QPushButton 'Spara'",
        "Import: 2732 × 1536",
    ]
