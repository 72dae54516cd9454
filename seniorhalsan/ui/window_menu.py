"""The main window's menus: Arkiv (save, the demo or the real database, quit), Gå till (each page,
Ctrl+1 … Ctrl+0) and Hjälp (Kom igång, Handledning, about)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from .. import __version__
from .i18n import _
from .pages import PAGES

if TYPE_CHECKING:
    from .main_window import MainWindow


class WindowMenu:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.save_action = QAction(window)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self._save_current)
        self.demo_action = QAction(window)  # the demo database, or the unit's real one from the demo
        self.demo_action.triggered.connect(self._switch_demo)
        self.demo_action.setVisible(False)
        self.quit_action = QAction(window)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(window.close)
        self.file_menu.addAction(self.save_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.page_actions = []
        self.go_menu = bar.addMenu("")
        for number, spec in enumerate(PAGES, start=1):
            action = QAction(window)
            if number <= 10:  # the tenth page: Ctrl+0; a page after it has no number
                action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))
            action.triggered.connect(lambda _checked=False, k=spec.key: window.show_page(k))
            self.go_menu.addAction(action)
            self.page_actions.append((action, spec))

        self.help_menu = bar.addMenu("")
        self.start_action = QAction(window)
        self.start_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.start_action.triggered.connect(window.show_start)
        self.start_action.setVisible(False)
        self.handbook_action = QAction(window)
        self.handbook_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1
        self.handbook_action.triggered.connect(self._handbook)
        self.about_action = QAction(window)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.start_action)
        self.help_menu.addAction(self.handbook_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        window = self.window
        self.file_menu.setTitle(_("&Arkiv"))
        self.save_action.setText(_("&Spara"))
        self.quit_action.setText(_("&Avsluta"))
        demo = bool(window.unit and window.unit.demo)
        self.demo_action.setText(_("Öppna enhetens &riktiga databas") if demo else _("Öppna &demodatabasen"))
        self.demo_action.setVisible(window.opener is not None and window.app.db is not None)
        self.go_menu.setTitle(_("&Gå till"))
        for action, spec in self.page_actions:
            action.setText(spec.title())
        self.help_menu.setTitle(_("&Hjälp"))
        self.start_action.setText(_("&Kom igång"))
        self.handbook_action.setText(_("Hand&ledning"))
        self.about_action.setText(_("&Om Seniorhälsan"))

    def _save_current(self) -> None:
        page = self.window.current_page()
        if page is not None:
            page.save_changes()

    def _switch_demo(self) -> None:
        window = self.window
        if window.opener is None:
            return
        if window.unit is not None and window.unit.demo:
            window.opener.open_real()
        else:
            window.opener.open_demo()

    def _handbook(self) -> None:
        from .handbook import show_handbook

        show_handbook(self.window)

    def _about(self) -> None:
        unit = self.window.unit
        QMessageBox.about(
            self.window,
            _("Om Seniorhälsan"),
            _("Seniorhälsan, version {version}.\nAktiviteter, närvaro, stödinsatser och Tyck till för {unit}.").format(
                version=__version__, unit=unit.name if unit else "Seniorhälsan"
            ),
        )
