"""Hjälp → Handledning: the user guide shipped with the program, in a window beside the work."""

from __future__ import annotations

from contextlib import ExitStack
from importlib.resources import as_file

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..paths import resource
from .i18n import _

GUIDE = ("handledning", "handledning.md")


def guide_text() -> str:
    """The guide (Markdown) as the installed program has it."""
    return resource(*GUIDE).read_text(encoding="utf-8")


class Handbook(QDialog):
    """The guide, with its pictures, in a window of its own that can stay open while one works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Handledning för Seniorhälsan"))
        self._files = ExitStack()  # a real folder for the pictures, even from a zipped program
        folder = self._files.enter_context(as_file(resource(GUIDE[0])))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(folder)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Stäng"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(880, 680)

    def done(self, result: int) -> None:
        self._files.close()
        super().done(result)


def show_handbook(window: QWidget) -> Handbook:
    """Open the guide (or bring the open one to the front)."""
    handbook = getattr(window, "_handbook", None)
    if handbook is not None and handbook.isVisible():
        handbook.raise_()
    else:
        handbook = Handbook(window)
        window._handbook = handbook
        handbook.show()
    handbook.activateWindow()
    return handbook
