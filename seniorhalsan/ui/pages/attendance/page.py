"""Närvaro: pick a place and a day, type the counts of each session, save with Ctrl+S."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ....errors import RowsRefused
from ....operations.attendance import RecordCounts
from ....services import activities as activity_service
from ....services import attendance_days, attendance_history
from ....services import places as place_service
from ... import i18n
from ...common import Page, confirm_unsaved, show_error
from ...forms import ERROR_STYLE, DateField, heading, hint, select_data
from ...i18n import _
from ...layouts import WrapLabel, flow, narrow_combo, pair
from .calendar import MonthCalendar
from .extra import ExtraSessionDialog
from .history import HistoryPanel
from .missing import MissingCountsDialog
from .model import WOMEN, DayModel, extra_session, future_text
from .table import CANCEL_KEY, NOTE_KEY, EntryTable


class AttendancePage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.day = app.db.clock()
        self.places: list[place_service.PlaceInfo] = []
        self.shown_place: int | None = None  # the place whose day the table holds
        self.missing_dialog: MissingCountsDialog | None = None

        self.heading = heading()
        self.place_label = QLabel()
        self.place = narrow_combo(QComboBox(), 14)
        self.date_label = QLabel()
        self.date = DateField(self.day)
        self.previous_day = QPushButton("◀")
        self.next_day = QPushButton("▶")
        self.today = QPushButton()
        self.show_missing = QPushButton()
        day = QWidget()
        day_layout = QHBoxLayout(day)
        day_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.date_label, self.previous_day, self.date, self.next_day):
            day_layout.addWidget(widget)
        top = flow(pair(self.place_label, self.place), day, self.today, self.show_missing)

        self.calendar = MonthCalendar()
        self.calendar.setSelectedDate(QDate(self.day.year, self.day.month, self.day.day))
        self.month_total = WrapLabel()
        self.missing_legend = WrapLabel()
        self.missing_legend.setStyleSheet("color: #b00020;")
        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addWidget(self.month_total)
        left.addWidget(self.missing_legend)
        left.addStretch(1)

        self.day_title = QLabel()
        font = self.day_title.font()
        font.setBold(True)
        self.day_title.setFont(font)
        self.help = hint()
        self.future_note = WrapLabel()
        self.future_note.setStyleSheet("color: #0b4a9e; font-weight: bold;")
        self.future_note.hide()
        self.model = DayModel(self)
        self.table = EntryTable(self.model)
        self.empty = WrapLabel()
        self.add_extra = QPushButton()
        self.undo = QPushButton()
        self.save = QPushButton()
        self.save.setProperty("primary", True)
        self.error = WrapLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        buttons = flow(self.add_extra, self.undo, self.save)
        right = QVBoxLayout()
        right.addWidget(self.day_title)
        right.addWidget(self.help)
        right.addWidget(self.future_note)
        right.addWidget(self.table, 1)
        right.addWidget(self.empty)
        right.addWidget(self.error)
        right.addWidget(buttons)

        upper = QWidget()
        upper_layout = QHBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(left)
        upper_layout.addLayout(right, 1)

        self.lower = HistoryPanel(self._fetch_history, self._count_history)
        self.history = self.lower.model
        self.history_view = self.lower.view

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.lower)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)  # the day keeps its size; a taller window lengthens the history
        self.splitter.setStretchFactor(1, 1)
        state = app.store.state("attendance/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([upper.sizeHint().height(), 10_000])

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(top)
        layout.addWidget(self.splitter, 1)

        self.place.currentIndexChanged.connect(self._place_changed)
        self.date.dateChanged.connect(self._set_day)  # a whole date typed, Enter, or a day picked
        self.previous_day.clicked.connect(lambda: self._set_day(self.day - dt.timedelta(days=1)))
        self.next_day.clicked.connect(lambda: self._set_day(self.day + dt.timedelta(days=1)))
        self.today.clicked.connect(lambda: self._set_day(self.app.db.clock()))
        self.calendar.clicked.connect(lambda q: self._set_day(dt.date(q.year(), q.month(), q.day())))
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._load_month())
        self.save.clicked.connect(self.save_changes)
        self.undo.clicked.connect(self.discard_changes)
        self.add_extra.clicked.connect(self._add_extra)
        self.show_missing.clicked.connect(self.open_missing)
        self.history_view.doubleClicked.connect(self._open_history_row)
        self.model.dataChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsInserted.connect(lambda *_a: self._update_buttons())

        self.setTabOrder(self.place, self.date)
        self.setTabOrder(self.date, self.table)
        self.setTabOrder(self.table, self.save)
        self.retranslate()
        self._load_places()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.calendar.setLocale(QLocale())
        self.heading.setText(_("Närvaro"))
        self.place_label.setText(_("&Mötesplats:"))
        self.place_label.setBuddy(self.place)
        self.date_label.setText(_("&Dag:"))
        self.date_label.setBuddy(self.date)
        self.previous_day.setToolTip(_("Föregående dag (Alt+Vänster)"))
        self.previous_day.setShortcut("Alt+Left")
        self.next_day.setToolTip(_("Nästa dag (Alt+Höger)"))
        self.next_day.setShortcut("Alt+Right")
        self.today.setText(_("&I dag"))
        self.help.setText(_("Skriv antal kvinnor, män och övriga – eller bara totalt – och hur många som var nya. "
                            "Tab eller Enter går vidare till nästa antal, {cancel} markerar tillfället som inställt, "
                            "{note} skriver en anteckning och Ctrl+S sparar.").format(cancel=CANCEL_KEY, note=NOTE_KEY))
        self.future_note.setText(future_text())
        self.missing_legend.setText(_("● Röd prick: antal saknas"))
        self.missing_legend.setToolTip(_("Dagar med planerade tillfällen som ännu saknar antal"))
        self.show_missing.setText(_("Sa&knade räkningar …"))
        self.show_missing.setToolTip(_("Alla planerade tillfällen under en period som ännu saknar antal"))
        self.add_extra.setText(_("Lägg till &extra tillfälle …"))
        self.undo.setText(_("Ång&ra ändringar"))
        self.save.setText(_("&Spara"))
        self.save.setToolTip(_("Spara dagens siffror (Ctrl+S)"))
        self.lower.retranslate()
        self._update_titles()
        self._update_buttons()
        if self.missing_dialog is not None:
            self.missing_dialog.retranslate()

    def _update_titles(self) -> None:
        self.day_title.setText(i18n.date_text(self.day, "full", capital=True))
        self.empty.setText(_("Inga tillfällen på schemat den här dagen. Lägg till ett extra tillfälle om något hölls."))
        self._load_month()

    # --- loading ----------------------------------------------------------------------------
    def _load_places(self) -> None:
        self.places = self.app.db.read(place_service.list_places)
        today = self.app.db.clock()
        self.places.sort(key=lambda p: (not p.in_use_on(today), p.name))
        preferred = next((p.id for p in self.places if p.kind == "aktivitetscenter"), None)
        self.place.blockSignals(True)
        self.place.clear()
        for p in self.places:
            suffix = "" if p.in_use_on(today) else " " + _("(stängd)")
            self.place.addItem(p.name + suffix, p.id)
        wanted = self.shown_place or self.app.settings.last_place_id or preferred
        index = self.place.findData(wanted)
        self.place.setCurrentIndex(index if index >= 0 else 0)
        self.place.blockSignals(False)
        if self.place_id() == self.shown_place and self.model.has_changes():
            return  # the typed counts stay; the list already shows the places as they are now
        self.shown_place = None  # read the day again
        self._place_changed()

    def place_id(self) -> int | None:
        return self.place.currentData()

    def _place_changed(self, *_args) -> None:
        if self.place_id() is None or self.place_id() == self.shown_place:
            return
        if self.shown_place is not None and not confirm_unsaved(self, self):
            self.place.blockSignals(True)  # stay: the typed counts belong to the place shown
            select_data(self.place, self.shown_place)
            self.place.blockSignals(False)
            return
        self.shown_place = self.place_id()
        self.app.settings.last_place_id = self.place_id()
        self._load_day()
        self._load_month()
        self.history.reload()

    def _set_day(self, day: dt.date) -> None:
        if day == self.day:
            return
        if not confirm_unsaved(self, self):
            self.date.blockSignals(True)
            self.date.set_date(self.day)
            self.date.blockSignals(False)
            return
        self.day = day
        self.date.blockSignals(True)
        self.date.set_date(day)
        self.date.blockSignals(False)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._load_day()
        self._update_titles()

    def set_day(self, day: dt.date) -> None:
        self._set_day(day)

    def open_day(self, place_id: int, day: dt.date) -> None:
        """Show a place's day (from the list of missing counts), ready to type its counts."""
        if place_id != self.place_id():
            select_data(self.place, place_id)
            if self.place_id() != self.shown_place:  # the user chose to stay with unsaved counts
                return
        self._set_day(day)
        if self.day == day:
            self.window().activateWindow()
            self.table.focus_first_cell()

    def is_future(self) -> bool:
        return self.day > self.app.db.clock()

    def _load_day(self) -> None:
        self.error.hide()
        if self.place_id() is None:
            return
        sessions = self.app.db.read(attendance_days.day_sessions, place_id=self.place_id(), day=self.day)
        future = self.is_future()
        self.model.set_sessions(sessions, future=future)
        self.future_note.setVisible(future)
        self.help.setVisible(not future)

    def _load_month(self) -> None:
        if self.place_id() is None:
            return
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        summary = self.app.db.read(attendance_history.month_summary, place_id=self.place_id(), year=year, month=month)
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        missing = self.app.db.read(attendance_history.missing_counts, first=first, last=last, place_id=self.place_id())
        self.calendar.set_summary(summary, missing)
        visits = sum(d.visits for d in summary)
        sessions = sum(d.sessions for d in summary)
        self.month_total.setText(i18n.plural(
            sessions, _("{month}: {visits} besök vid {n} tillfälle"), _("{month}: {visits} besök vid {n} tillfällen"),
            month=i18n.date_text(first, "LLLL yyyy", capital=True), visits=i18n.number(visits),
        ))
        self.missing_legend.setVisible(bool(missing))

    def _fetch_history(self, offset: int, limit: int):
        return self.app.db.read(attendance_history.list_sessions, place_id=self.place_id(), offset=offset, limit=limit)

    def _count_history(self) -> int:
        return self.app.db.read(attendance_history.count_sessions, place_id=self.place_id()) if self.place_id() else 0

    def _open_history_row(self, index) -> None:
        row = self.history.row_at(index.row())
        self._set_day(row.held_on)

    def open_missing(self) -> MissingCountsDialog:
        """The list of missing counts, beside the page (one window, brought forward if open)."""
        if self.missing_dialog is None:
            self.missing_dialog = MissingCountsDialog(self.app, self.places, self)
            self.missing_dialog.open_day.connect(self.open_day)
        if self.missing_dialog.isVisible():
            self.missing_dialog.raise_()  # behind the window: bring it forward
        self.missing_dialog.show()
        self.missing_dialog.activateWindow()
        return self.missing_dialog

    # --- editing ----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        dirty = self.model.has_changes()
        self.save.setEnabled(dirty)
        self.undo.setEnabled(dirty)
        self.empty.setVisible(self.model.rowCount() == 0)
        future = self.model.future
        self.add_extra.setEnabled(not future)
        self.add_extra.setToolTip(
            future_text() if future else _("Ett evenemang eller en utflykt som inte står på schemat"))

    def _add_extra(self) -> None:
        activities = self.app.db.read(activity_service.list_activities)
        if not activities:
            self.error.setText(_("Det finns inga aktiviteter ännu. Lägg till dem under Aktiviteter och schema."))
            self.error.show()
            return
        dialog = ExtraSessionDialog(activities, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        activity, starts, ends = dialog.chosen()
        place = next(p for p in self.places if p.id == self.place_id())
        row = self.model.add_extra(
            extra_session(activity.id, activity.name, activity.kind, place.id, place.name, self.day, starts, ends)
        )
        # the cursor in the new row's first count, its editor focused: the next key lands there
        self.window().activateWindow()
        self.table.edit_cell(row, WOMEN)

    def has_unsaved_changes(self) -> bool:
        self.table.commit_open_editor()
        return self.model.has_changes()

    def save_changes(self) -> bool:
        self.table.commit_open_editor()
        rows = self.model.dirty_rows()
        if not rows:
            return True
        counts = tuple(self.model.rows[i].to_count() for i in rows)
        try:
            self.app.perform(RecordCounts(counts))
        except RowsRefused as exc:
            self.model.show_errors(exc.failures)
            self.error.setText(str(exc))
            self.error.show()
            self._status("")
            return False
        except Exception as exc:
            self._status("")
            show_error(self, exc)
            return False
        self.error.hide()
        self._load_day()
        self._load_month()
        self.history.reload()
        self._status(i18n.plural(len(counts), _("Sparat: {n} tillfälle {day}."), _("Sparat: {n} tillfällen {day}."),
                                 day=i18n.date_text(self.day, "d MMMM")))
        return True

    def _status(self, text: str) -> None:
        """Say what was saved in the status line; an empty text takes back an earlier word."""
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is None:
            return
        if text:
            status_bar().showMessage(text, 6000)
        else:
            status_bar().clearMessage()

    def discard_changes(self) -> None:
        self._load_day()

    def on_changed(self, topics: set[str]) -> None:
        if "places" in topics:
            self._load_places()
        elif topics & {"attendance", "schedule", "activities"} and not self.has_unsaved_changes():
            self._load_day()
            self._load_month()
        if topics & {"attendance", "schedule", "places"} and self.missing_dialog is not None \
                and self.missing_dialog.isVisible():
            self.missing_dialog.refresh()

    def activated(self) -> None:
        if not self.has_unsaved_changes():
            self._load_day()
            self._load_month()
            self.history.reload()
        self.table.focus_first_cell()

    def save_state(self) -> None:
        self.app.store.set_state("attendance/splitter", self.splitter.saveState())
