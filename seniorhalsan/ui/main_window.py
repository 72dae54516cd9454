"""The main window: navigation on the left, one page at a time, a status line below.

The window can be built before its database is open: it then shows its navigation,
menus and status line at once, and `connect_database` fills it in (the unit, the
signed-in role, the page) as soon as the database is there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from .. import __version__
from . import i18n
from .common import AppContext, Page, confirm_unsaved
from .i18n import _
from .pages import BY_KEY, PAGES


class MainWindow(QMainWindow):
    def __init__(self, app: AppContext, *, url: str | None = None) -> None:
        """The window of `app`; with no database in it yet, its shell, to be connected later."""
        super().__init__()
        self.app = app
        self.url = url if url is not None else app.db.url
        self.unit = None
        self.pages: dict[str, Page] = {}
        self.current_key = ""
        self.wanted_key = ""  # a page asked for before the database was open
        self._after_first_frame: list[Callable[[], None]] = []

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        for spec in PAGES:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # built the first time it is shown
        self.navigation.currentRowChanged.connect(self._navigate)
        self._size_navigation()
        self.apply_role()

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.waiting_label = QLabel()
        self.database_label = QLabel()
        self.database_label.setContentsMargins(0, 0, 10, 0)
        self.statusBar().addWidget(self.waiting_label, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.database_label)
        app.ops.busy_changed.connect(lambda n: self.busy.setVisible(n > 0))
        app.bus.changed.connect(self._on_changed)

        self._build_menu()
        i18n.notifier.changed.connect(self._language_changed)
        self.retranslate()
        self._restore_state()
        if app.db is not None:
            self.connect_database(app.db)

    def connect_database(self, db) -> None:
        """The database is open (and someone signed in, when it has accounts): show the unit's page."""
        from ..services import lookups

        self.app.db = db
        self.url = db.url
        self.unit = db.read(lookups.unit)
        self.apply_role()
        self.retranslate()
        self.show_page(self.wanted_key or self.app.settings.last_page)
        self.update_waiting()

    def after_first_frame(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the window has been painted for the first time.

        A window that is not painted at once (started minimised) calls it after a second.
        """
        self._after_first_frame.append(callback)
        QTimer.singleShot(1000, self, self._first_frame_done)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self._after_first_frame:
            QTimer.singleShot(0, self, self._first_frame_done)  # once this frame is on screen

    def _first_frame_done(self) -> None:
        waiting, self._after_first_frame = self._after_first_frame, []
        for callback in waiting:
            callback()

    # --- navigation -----------------------------------------------------------------------
    def page(self, key: str) -> Page:
        if key not in self.pages:
            index = PAGES.index(BY_KEY[key])
            page = BY_KEY[key](self.app)
            placeholder = self.stack.widget(index)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(index, page)
            self.pages[key] = page
        return self.pages[key]

    def may_see(self, key: str) -> bool:
        if self.app.db is None:
            return True  # nobody has signed in yet; the pages are built only after that
        from ..roles import allowed

        needed = BY_KEY[key].permissions
        return needed is None or any(allowed(self.app.db.actor, p) for p in needed)

    def apply_role(self) -> None:
        """Show only the pages the signed-in role can use."""
        for row, spec in enumerate(PAGES):
            self.navigation.item(row).setHidden(not self.may_see(spec.key))

    def show_page(self, key: str) -> None:
        keys = [spec.key for spec in PAGES]
        if key not in keys or not self.may_see(key):
            key = next(k for k in keys if self.may_see(k))
        if self.navigation.currentRow() == keys.index(key):
            self._navigate(keys.index(key))  # marked before the database was open; build it now
        else:
            self.navigation.setCurrentRow(keys.index(key))

    def current_page(self) -> Page | None:
        return self.pages.get(self.current_key)

    def _navigate(self, row: int) -> None:
        key = PAGES[row].key
        if self.app.db is None:
            self.wanted_key = key  # shown as soon as the database is open
            return
        if key == self.current_key or not self.may_see(key):
            return
        previous = self.current_page()
        if previous is not None and not confirm_unsaved(self, previous):
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(PAGES.index(BY_KEY[self.current_key]))
            self.navigation.blockSignals(False)
            return
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.current_key = key
        self.app.settings.last_page = key
        page.activated()

    # --- menu -----------------------------------------------------------------------------
    def _build_menu(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self._save_current)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.save_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.page_actions = []
        self.go_menu = self.menuBar().addMenu("")
        for number, spec in enumerate(PAGES, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))  # the tenth page: Ctrl+0
            action.triggered.connect(lambda _checked=False, k=spec.key: self.show_page(k))
            self.go_menu.addAction(action)
            self.page_actions.append((action, spec))
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def _save_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.save_changes()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            _("Om Seniorhälsan"),
            _("Seniorhälsan, version {version}.\nAktiviteter, närvaro, stödinsatser och Tyck till för {unit}.").format(
                version=__version__, unit=self.unit.name if self.unit else "Seniorhälsan"
            ),
        )

    def _language_changed(self, _language: str) -> None:
        self.retranslate()

    def _size_navigation(self) -> None:
        """Tall rows that follow the text size, easy to hit and to read, and wide enough
        for the longest page title in the chosen language and text size."""
        metrics = self.navigation.fontMetrics()
        height = metrics.height() + 20
        widest = 0
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            item.setSizeHint(QSize(0, height))
            widest = max(widest, metrics.horizontalAdvance(item.text()))
        self.navigation.setFixedWidth(min(max(210, widest + 36), 320))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_navigation()
        super().changeEvent(event)

    def retranslate(self) -> None:
        actor = self.app.db.actor if self.app.db is not None else None
        signed_in = f" – {actor.username}" if actor else ""
        self.setWindowTitle(f"Seniorhälsan – {self.unit.name}{signed_in}" if self.unit else "Seniorhälsan")
        for row, spec in enumerate(PAGES):
            self.navigation.item(row).setText(spec.title())
        self._size_navigation()
        self.file_menu.setTitle(_("&Arkiv"))
        self.save_action.setText(_("&Spara"))
        self.quit_action.setText(_("&Avsluta"))
        self.go_menu.setTitle(_("&Gå till"))
        for action, spec in self.page_actions:
            action.setText(spec.title())
        self.help_menu.setTitle(_("&Hjälp"))
        self.about_action.setText(_("&Om Seniorhälsan"))
        self.database_label.setText(_("Databas: {name}").format(name=self._database_name()))
        self.database_label.setToolTip(self.url)
        self.update_waiting()

    def _database_name(self) -> str:
        url = self.url
        if url.startswith("sqlite"):
            return Path(url.split(":///", 1)[-1]).name  # Path: a Windows path has backslashes
        return url.split("@")[-1]

    # --- feedback waiting for återkoppling ----------------------------------------------------
    def _on_changed(self, topics: set[str]) -> None:
        if "feedback" in topics:
            self.update_waiting()

    def update_waiting(self) -> None:
        if self.app.db is None:
            return
        from ..roles import allowed
        from ..services import feedback_register

        if not allowed(self.app.db.actor, "feedback"):
            self.waiting_label.clear()
            return
        waiting = self.app.db.read(feedback_register.waiting_summary)
        if not waiting.waiting:
            self.waiting_label.setText(_("Inga synpunkter väntar på återkoppling."))
            self.waiting_label.setStyleSheet("")
            return
        text = i18n.plural(waiting.waiting, _("{n} synpunkt väntar på återkoppling"),
                           _("{n} synpunkter väntar på återkoppling"))
        if waiting.overdue:
            text += i18n.plural(waiting.overdue, _(", varav {n} är försenad"), _(", varav {n} är försenade"))
            self.waiting_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.waiting_label.setStyleSheet("")
        self.waiting_label.setText(text + ".")

    # --- state ------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.app.store.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        if self.app.db is None:  # mark the page that will open, without building it yet
            self.show_page(self.app.settings.last_page)

    def closeEvent(self, event: QCloseEvent) -> None:
        page = self.current_page()
        if page is not None and not confirm_unsaved(self, page):
            event.ignore()
            return
        for page in self.pages.values():
            save_state = getattr(page, "save_state", None)
            if save_state:
                save_state()
        self.app.store.set_state("geometry", self.saveGeometry())
        self.app.save_settings()
        self.app.ops.wait(10_000)
        event.accept()
