"""Närvaro: pick a place and a day, type the counts of each session, save with Ctrl+S."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QRect, Qt, QTime
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ....services import activities as activity_service
from ....operations.attendance import RecordCounts
from ....services import attendance_days, attendance_history
from ....services.attendance import RowsRefused
from ....services import places as place_service
from ... import i18n
from ...common import Page, confirm_unsaved, show_error
from ...forms import DateField, heading, hint
from ...i18n import _
from ...models import Column, LazyModel
from .model import DayModel, EntryTable, extra_session


class MonthCalendar(QCalendarWidget):
    """A month where each day shows how many came, so the month is seen at a glance."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.visits: dict[dt.date, int] = {}
        self.cancelled: set[dt.date] = set()
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)

    def set_summary(self, summary: list[attendance_history.DaySummary]) -> None:
        self.visits = {d.day: d.visits for d in summary if d.sessions}
        self.cancelled = {d.day for d in summary if d.cancelled and not d.sessions}
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        """Day number top left, visits bottom right, so both stay readable in a small cell."""
        day = dt.date(date.year(), date.month(), date.day())
        painter.save()
        selected = date == self.selectedDate()
        in_month = date.month() == self.monthShown()
        painter.fillRect(rect, QColor("#cfe0fc") if selected else QColor("white"))
        if selected:
            painter.setPen(QColor("#0b57d0"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(QColor("#888888") if not in_month else QColor("#b00020") if day.isoweekday() >= 6 else QColor("black"))
        painter.drawText(rect.adjusted(4, 2, -2, -2), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), str(date.day()))
        text = i18n.number(self.visits[day]) if day in self.visits else ("×" if day in self.cancelled else "")
        if text and in_month:
            font = painter.font()
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#0b4a9e"))
            painter.drawText(rect.adjusted(2, 2, -4, -2), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)
        painter.restore()


class ExtraSessionDialog(QDialog):
    """An event or a trip that is not on the schedule."""

    def __init__(self, activities: list[activity_service.ActivityInfo], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Extra tillfälle"))
        self.activity = QComboBox()
        self.activity.setEditable(False)
        for a in activities:
            self.activity.addItem(a.name, a)
        self.starts = QTimeEdit(QTime(13, 0))
        self.starts.setDisplayFormat("HH:mm")
        self.ends = QTimeEdit(QTime(14, 0))
        self.ends.setDisplayFormat("HH:mm")
        form = QFormLayout(self)
        form.addRow(_("&Aktivitet"), self.activity)
        form.addRow(_("&Börjar"), self.starts)
        form.addRow(_("&Slutar"), self.ends)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Lägg till"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[activity_service.ActivityInfo, dt.time, dt.time]:
        start, end = self.starts.time(), self.ends.time()
        return (
            self.activity.currentData(),
            dt.time(start.hour(), start.minute()),
            dt.time(end.hour(), end.minute()),
        )


def history_columns() -> list[Column]:
    return [
        Column(lambda: _("Datum"), lambda r: r.held_on, "date"),
        Column(lambda: _("Tid"), lambda r: r.starts_at, "time"),
        Column(lambda: _("Aktivitet"), lambda r: r.activity_name),
        Column(lambda: _("Kvinnor"), lambda r: r.women, "number"),
        Column(lambda: _("Män"), lambda r: r.men, "number"),
        Column(lambda: _("Övriga"), lambda r: r.other, "number"),
        Column(lambda: _("Totalt"), lambda r: r.total, "number"),
        Column(lambda: _("Nya"), lambda r: r.new_visitors, "number"),
        Column(lambda: _("Inställt"), lambda r: r.cancelled, "check"),
    ]


class AttendancePage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.day = app.db.clock()
        self.places: list[place_service.PlaceInfo] = []

        self.heading = heading()
        self.place_label = QLabel()
        self.place = QComboBox()
        self.place.setMinimumWidth(240)
        self.date_label = QLabel()
        self.date = DateField(self.day)
        self.previous_day = QPushButton("◀")
        self.next_day = QPushButton("▶")
        self.today = QPushButton()
        top = QHBoxLayout()
        for widget in (self.place_label, self.place, self.date_label, self.previous_day, self.date, self.next_day, self.today):
            top.addWidget(widget)
        top.addStretch(1)

        self.calendar = MonthCalendar()
        self.calendar.setFixedSize(330, 290)
        self.calendar.setSelectedDate(QDate(self.day.year, self.day.month, self.day.day))
        self.month_total = QLabel()
        self.month_total.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addWidget(self.month_total)
        left.addStretch(1)

        self.day_title = QLabel()
        font = self.day_title.font()
        font.setBold(True)
        self.day_title.setFont(font)
        self.help = hint()
        self.model = DayModel(self)
        self.table = EntryTable()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(8, 96)
        header.setMinimumSectionSize(40)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # long activity names wrap instead of being cut
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.add_extra = QPushButton()
        self.undo = QPushButton()
        self.save = QPushButton()
        self.save.setProperty("primary", True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_extra)
        buttons.addStretch(1)
        buttons.addWidget(self.undo)
        buttons.addWidget(self.save)
        right = QVBoxLayout()
        right.addWidget(self.day_title)
        right.addWidget(self.help)
        right.addWidget(self.table, 1)
        right.addWidget(self.empty)
        right.addWidget(self.error)
        right.addLayout(buttons)

        upper = QWidget()
        upper_layout = QHBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(left)
        upper_layout.addLayout(right, 1)

        self.history_title = QLabel()
        self.history_title.setFont(font)
        self.history = LazyModel(history_columns(), self._fetch_history, self._count_history, parent=self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_title)
        lower_layout.addWidget(self.history_view)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        state = app.store.state("attendance/splitter")
        if state is not None:
            self.splitter.restoreState(state)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.place.currentIndexChanged.connect(self._place_changed)
        self.date.dateChanged.connect(lambda _d: self._set_day(self.date.date_value()))
        self.previous_day.clicked.connect(lambda: self._set_day(self.day - dt.timedelta(days=1)))
        self.next_day.clicked.connect(lambda: self._set_day(self.day + dt.timedelta(days=1)))
        self.today.clicked.connect(lambda: self._set_day(self.app.db.clock()))
        self.calendar.clicked.connect(lambda q: self._set_day(dt.date(q.year(), q.month(), q.day())))
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._load_month())
        self.save.clicked.connect(self.save_changes)
        self.undo.clicked.connect(self.discard_changes)
        self.add_extra.clicked.connect(self._add_extra)
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
                            "Tab eller Enter går vidare, Ctrl+S sparar."))
        self.add_extra.setText(_("Lägg till &extra tillfälle …"))
        self.add_extra.setToolTip(_("Ett evenemang eller en utflykt som inte står på schemat"))
        self.undo.setText(_("Ång&ra ändringar"))
        self.save.setText(_("&Spara"))
        self.save.setToolTip(_("Spara dagens siffror (Ctrl+S)"))
        self.history_title.setText(_("Tidigare tillfällen på platsen (dubbelklicka för att öppna dagen)"))
        self._size_count_columns()
        self._update_titles()

    def _size_count_columns(self) -> None:
        """Count columns just wide enough for their (bold) heading in the current language."""
        header = self.table.horizontalHeader()
        bold = header.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in (2, 3, 4, 5, 6, 8):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            header.resizeSection(column, max(56, metrics.horizontalAdvance(title) + 22))

    def _update_titles(self) -> None:
        self.day_title.setText(i18n.date_text(self.day, "full").capitalize())
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
        wanted = self.app.settings.last_place_id or preferred
        index = self.place.findData(wanted)
        self.place.setCurrentIndex(index if index >= 0 else 0)
        self.place.blockSignals(False)
        self._place_changed()

    def place_id(self) -> int | None:
        return self.place.currentData()

    def _place_changed(self, *_args) -> None:
        if self.place_id() is None:
            return
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

    def _load_day(self) -> None:
        self.error.hide()
        if self.place_id() is None:
            return
        sessions = self.app.db.read(attendance_days.day_sessions, place_id=self.place_id(), day=self.day)
        self.model.set_sessions(sessions)
        self.empty.setVisible(not sessions)

    def _load_month(self) -> None:
        if self.place_id() is None:
            return
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        summary = self.app.db.read(attendance_history.month_summary, place_id=self.place_id(), year=year, month=month)
        self.calendar.set_summary(summary)
        visits = sum(d.visits for d in summary)
        sessions = sum(d.sessions for d in summary)
        self.month_total.setText(
            _("{month}: {visits} besök vid {sessions} tillfällen").format(
                month=i18n.date_text(dt.date(year, month, 1), "LLLL yyyy").capitalize(),
                visits=i18n.number(visits), sessions=i18n.number(sessions),
            )
        )

    def _fetch_history(self, offset: int, limit: int):
        return self.app.db.read(attendance_history.list_sessions, place_id=self.place_id(), offset=offset, limit=limit)

    def _count_history(self) -> int:
        return self.app.db.read(attendance_history.count_sessions, place_id=self.place_id()) if self.place_id() else 0

    def _open_history_row(self, index) -> None:
        row = self.history.row_at(index.row())
        self._set_day(row.held_on)

    # --- editing ----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        dirty = self.model.has_changes()
        self.save.setEnabled(dirty)
        self.undo.setEnabled(dirty)
        self.empty.setVisible(self.model.rowCount() == 0)

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
        self.table.setCurrentIndex(self.model.index(row, 2))
        self.table.setFocus()

    def has_unsaved_changes(self) -> bool:
        return self.model.has_changes()

    def save_changes(self) -> bool:
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
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        self.error.hide()
        self._load_day()
        self._load_month()
        self.history.reload()
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(_("Sparat."), 4000)
        return True

    def discard_changes(self) -> None:
        self._load_day()

    def on_changed(self, topics: set[str]) -> None:
        if "places" in topics:
            self._load_places()
        elif topics & {"attendance", "schedule", "activities"} and not self.model.has_changes():
            self._load_day()
            self._load_month()

    def activated(self) -> None:
        if not self.model.has_changes():
            self._load_day()
            self._load_month()
            self.history.reload()
        self.table.focus_first_cell()

    def save_state(self) -> None:
        self.app.store.set_state("attendance/splitter", self.splitter.saveState())
