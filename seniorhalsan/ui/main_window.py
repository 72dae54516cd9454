"""The main window: navigation on the left, one page at a time, a status line below.

The window can be built before its database is open: it then shows its navigation,
menus and status line at once, and `connect_database` fills it in (the unit, the
signed-in role, the page) as soon as the database is there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import i18n
from .common import AppContext, Page, confirm_unsaved
from .i18n import _
from .pages import BY_KEY, PAGES
from .window_menu import WindowMenu
from .window_parts import DemoBanner, PageStack, database_name, window_title

START = "start"  # the key of the Kom igång list, which is no page of the navigation


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
        self.opener = None  # opens another database in this window (the demo, the real one); see opening.py
        self.start_view = None  # the Kom igång list, built the first time it is shown
        self._after_first_frame: list[Callable[[], None]] = []

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = PageStack()
        for spec in PAGES:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # built the first time it is shown
        self.navigation.currentRowChanged.connect(self._navigate)
        self._size_navigation()
        self.apply_role()

        self.demo_banner = DemoBanner()
        self.demo_banner.open_real.clicked.connect(lambda: self.opener and self.opener.open_real())
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.demo_banner)
        layout = QHBoxLayout()
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.waiting_label = QLabel()
        self.database_label = QLabel()
        self.database_label.setContentsMargins(0, 0, 10, 0)
        self.start_button = QPushButton()  # "Kom igång: 2 av 5 klara", while the list is not done
        self.start_button.setFlat(True)
        self.start_button.clicked.connect(self.show_start)
        self.start_button.hide()
        self.statusBar().addWidget(self.waiting_label, 1)
        self.statusBar().addPermanentWidget(self.start_button)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.database_label)
        app.ops.busy_changed.connect(lambda n: self.busy.setVisible(n > 0))
        app.bus.changed.connect(self._on_changed)

        self.menu = WindowMenu(self)
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
        self.demo_banner.setVisible(self.unit.demo)
        self.apply_role()
        self.retranslate()
        if self.wanted_key or not self.opens_on_start_list():
            self.show_page(self.wanted_key or self.app.settings.last_page)
        else:
            self.show_start()
        self.update_waiting()

    def release_database(self) -> None:
        """Before another database is opened in the window: the pages of this one go."""
        self.app.ops.wait(10_000)
        for page in self.pages.values():
            save_state = getattr(page, "save_state", None)
            if save_state:
                save_state()
        for widget in [*self.pages.values(), *([self.start_view] if self.start_view else [])]:
            index = self.stack.indexOf(widget)
            self.stack.removeWidget(widget)
            widget.deleteLater()
            if widget is not self.start_view:
                self.stack.insertWidget(index, QWidget())
        self.pages, self.start_view, self.current_key, self.wanted_key = {}, None, "", ""
        self.app.db = None

    def after_first_frame(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the window has been painted for the first time.

        A window that is not painted at once (started minimised) calls it after a second.
        """
        self._after_first_frame.append(callback)
        QTimer.singleShot(1000, self, self._first_frame_done)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.current_key == START and self.start_view is not None:
            self.start_view.focus_next_step()  # a hidden window could not take the focus before

    def paintEvent(self, event: QPaintEvent) -> None:
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

    def go_to(self, key: str, tab: str = "") -> None:
        """Show a page and, on it, a tab (the Kom igång list's buttons; the folder's texts)."""
        self.show_page(key)
        show_tab = getattr(self.current_page(), "show_tab", None)
        if self.current_key == key and tab and show_tab is not None:
            show_tab(tab)

    # --- Kom igång ---------------------------------------------------------------------------
    def may_set_up(self) -> bool:
        """Whether the signed-in role does the steps of the Kom igång list (coordinators, the unit head)."""
        from ..roles import allowed

        return self.app.db is not None and allowed(self.app.db.actor, "catalogue")

    def opens_on_start_list(self) -> bool:
        """A new unit opens on Kom igång while there is nothing to count yet (no term with a schedule):
        the Närvaro page would be empty. Later the last page opens, and the list is in the Hjälp menu;
        a unit that has counted sessions is not new, even between two terms."""
        from ..services.units import setup_progress

        if self.unit is None or self.unit.demo or not self.may_set_up():
            return False
        progress = self.app.db.read(setup_progress)
        return progress.offered and not progress.steps["schedule"]

    def show_start(self) -> None:
        """The Kom igång list in place of a page, the cursor on the first step not done."""
        if self.app.db is None:
            return
        previous = self.current_page()
        if previous is not None and not confirm_unsaved(self, previous):
            return
        if self.start_view is None:
            from .getting_started import GettingStarted

            self.start_view = GettingStarted(self.app)
            self.start_view.go.connect(self.go_to)
            self.stack.addWidget(self.start_view)
        self.start_view.allow(self.may_see)
        self.start_view.refresh()
        self.stack.setCurrentWidget(self.start_view)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(-1)
        self.navigation.blockSignals(False)
        self.current_key = START
        self.start_view.focus_next_step()

    def update_start(self) -> None:
        """The Hjälp menu and the status line offer the list until every step is done."""
        from ..services.units import setup_progress

        demo = self.unit is not None and self.unit.demo  # the demo is no unit to set up
        progress = self.app.db.read(setup_progress) if self.may_set_up() and not demo else None
        offered = progress is not None and progress.offered
        self.menu.start_action.setVisible(offered)
        self.start_button.setVisible(offered)
        if offered:
            done = sum(progress.steps.values())
            self.start_button.setText(_("Kom igång: {done} av {n} klara").format(done=done, n=len(progress.steps)))
        if self.start_view is not None:
            self.start_view.refresh()

    def _navigate(self, row: int) -> None:
        key = PAGES[row].key
        if self.app.db is None:
            self.wanted_key = key  # shown as soon as the database is open
            return
        if key == self.current_key and self.stack.currentWidget() is self.pages.get(key):
            return
        if not self.may_see(key):
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

    def _language_changed(self, _language: str) -> None:
        self.retranslate()

    def _size_navigation(self) -> None:
        """Tall rows that follow the text size, easy to hit and to read, and wide enough for the
        longest page title, up to about 20 characters: at a big text size a longer title takes
        two lines, so that the page keeps its width on a small screen."""
        metrics = self.navigation.fontMetrics()
        line = metrics.height()
        padding = 36
        titles = [self.navigation.item(row).text() for row in range(self.navigation.count())]
        widest = max((metrics.horizontalAdvance(t) for t in titles), default=0)
        longest_word = max((metrics.horizontalAdvance(w) for t in titles for w in t.split()), default=0)
        width = max(210, longest_word + padding, min(widest + padding, metrics.averageCharWidth() * 20 + padding))
        self.navigation.setWordWrap(True)
        for row, title in enumerate(titles):
            lines = metrics.boundingRect(QRect(0, 0, width - padding, 10_000), int(Qt.TextFlag.TextWordWrap),
                                         title).height() // line
            self.navigation.item(row).setSizeHint(QSize(0, max(1, lines) * line + 20))
        self.navigation.setFixedWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_navigation()
        super().changeEvent(event)

    def retranslate(self) -> None:
        actor = self.app.db.actor if self.app.db is not None else None
        self.setWindowTitle(window_title(self.unit.name if self.unit else None, demo=bool(self.unit and self.unit.demo),
                                         username=actor.username if actor else None))
        self.demo_banner.retranslate()
        if self.start_view is not None:
            self.start_view.retranslate()
        for row, spec in enumerate(PAGES):
            self.navigation.item(row).setText(spec.title())
        self._size_navigation()
        self.menu.retranslate()
        self.database_label.setText(_("Databas: {name}").format(name=database_name(self.url)))
        self.database_label.setToolTip(self.url)
        self.update_waiting()
        if self.app.db is not None:
            self.update_start()

    # --- feedback waiting for återkoppling ----------------------------------------------------
    def _on_changed(self, topics: set[str]) -> None:
        if "feedback" in topics:
            self.update_waiting()
        if "unit" in topics:
            from ..services import lookups

            self.unit = self.app.db.read(lookups.unit)
            self.retranslate()
        elif topics & {"texts", "places", "staff", "activities", "schedule"}:
            self.update_start()

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
            self.wanted_key = ""  # not asked for by the user: a new unit may still open on Kom igång

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
