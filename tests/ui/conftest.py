"""A real main window on a real database file, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from seniorhalsan.ui import i18n
from seniorhalsan.ui.app import build
from seniorhalsan.ui.settings import SettingsStore


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the run; a test that expects one replaces this."""

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"Ett oväntat modalt fönster öppnades: {self.windowTitle()!r} {getattr(self, 'text', lambda: '')()!r}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)


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
