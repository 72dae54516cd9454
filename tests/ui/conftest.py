"""A real main window (or a page of it on its own) on a real database file, offscreen."""

from __future__ import annotations

import contextlib
import warnings

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from seniorhalsan.ui import i18n
from seniorhalsan.ui.app import _context, build
from seniorhalsan.ui.settings import SettingsStore


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the run; a test that expects one replaces this."""

    def refuse(self, *args, **kwargs):
        text = getattr(self, "text", lambda: "")()
        raise AssertionError(f"Ett oväntat modalt fönster öppnades: {self.windowTitle()!r} {text!r}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)


def free_closed_windows() -> None:
    """Really delete the windows of earlier tests: each live widget slows every new window's
    style sheet, and a page's language hook (a lambda) would outlive its page."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with contextlib.suppress(RuntimeError, TypeError):
            i18n.notifier.changed.disconnect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def fresh_windows(qapp):
    """Set up before `window`, so torn down after it: no test meets an earlier test's window."""
    free_closed_windows()
    yield
    free_closed_windows()


@pytest.fixture
def window(qtbot, db, tmp_path):
    i18n.set_language("sv")
    context, main = build(db, SettingsStore(tmp_path / "fonster.ini"))
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    context.ops.wait()
    for page in main.pages.values():  # closing must not stop on "save your changes?"
        page.discard_changes()
    main.close()
    main.deleteLater()
    # really delete it now, so no page of this test reacts to the next test's signals
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.set_language("sv")


@pytest.fixture
def context(window):
    return window.app


class PagesAlone:
    """Pages built one at a time on their own, each a top-level widget, reached as in the main
    window (`page`, `show_page`, `app`): for the tests where the whole window is not the point."""

    def __init__(self, context, qtbot) -> None:
        self.app = context
        self.pages: dict = {}
        self.qtbot = qtbot

    def page(self, key: str):
        if key not in self.pages:
            from seniorhalsan.ui.pages import BY_KEY

            page = BY_KEY[key](self.app)
            page.resize(1366, 700)
            page.show()
            self.qtbot.waitExposed(page)
            self.pages[key] = page
        return self.pages[key]

    def show_page(self, key: str) -> None:
        self.page(key).activated()


@pytest.fixture
def alone(qtbot, db, tmp_path):
    i18n.set_language("sv")
    pages = PagesAlone(_context(db, SettingsStore(tmp_path / "fonster.ini")), qtbot)
    yield pages
    pages.app.ops.wait()
    for page in pages.pages.values():
        page.discard_changes()
        page.close()
        page.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.set_language("sv")
