"""Saknade räkningar: the planned sessions of a period that have neither counts nor a
cancellation (the same list as `seniorhalsan attendance missing`); a double-click opens the day."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....errors import UserError
from ....periods import add_months, tertial_range
from ....services import attendance_history
from ....services.places import PlaceInfo
from ... import i18n
from ...common import AppContext
from ...forms import ERROR_STYLE, DateField, hint, select_data
from ...i18n import _
from ...layouts import WrapLabel
from ...models import Column, RecordModel
from ...table_widths import ColumnWidths

log = logging.getLogger(__name__)
OWN = "own"  # the period chooser's entry for dates typed by hand


def tertial_names() -> dict[int, str]:
    """The same names as Tyck till's filter: T2 is May–August everywhere."""
    return {1: _("T1 (jan–apr)"), 2: _("T2 (maj–aug)"), 3: _("T3 (sep–dec)")}


def periods(today: dt.date) -> list[tuple[str, str, tuple[dt.date, dt.date]]]:
    """The periods offered: key, name and first and last day (the list ends yesterday anyway)."""
    month = today.replace(day=1)
    last_month = add_months(month, -1)
    out = [
        ("month", _("Den här månaden"), (month, today)),
        ("last_month", _("Förra månaden"), (last_month, month - dt.timedelta(days=1))),
    ]
    names = tertial_names()
    for tertial in (1, 2, 3):
        first, last = tertial_range(today.year, tertial)
        if first <= today:
            out.append((f"t{tertial}", f"{names[tertial]} {today.year}", (first, min(last, today))))
    out.append(("year", _("Hela året {year}").format(year=today.year), (dt.date(today.year, 1, 1), today)))
    out.append(("last_year", _("Hela året {year}").format(year=today.year - 1),
                (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))))
    return out


def missing_columns() -> list[Column[attendance_history.MissingCount]]:
    return [
        Column(lambda: _("Datum"), lambda m: m.day, "date"),
        Column(lambda: _("Dag"), lambda m: i18n.date_text(m.day, "EEEE", capital=True)),
        Column(lambda: _("Tid"), lambda m: m.starts_at, "time"),
        Column(lambda: _("Mötesplats"), lambda m: m.place_name),
        Column(lambda: _("Aktivitet"), lambda m: m.activity_name),
        Column(lambda: _("Ledare"), lambda m: m.leader_name or ""),
    ]


class MissingCountsDialog(QDialog):
    """Stays open beside Närvaro: open a day, type its counts, and the list shrinks."""

    open_day = Signal(int, object)  # place id, day

    def __init__(self, app: AppContext, places: list[PlaceInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._asked = 0  # the newest reading; older answers are dropped
        self._dates: dict[str, tuple[dt.date, dt.date]] = {}
        today = app.db.clock()
        self.resize(820, 520)

        self.intro = hint()
        self.period_label = QLabel()
        self.period = QComboBox()
        self.first_label = QLabel()
        self.first = DateField(today)
        self.last_label = QLabel()
        self.last = DateField(today)
        self.place_label = QLabel()
        self.place = QComboBox()
        self.place.addItem("", None)
        for p in sorted(places, key=lambda p: (not p.in_use_on(today), p.name)):
            self.place.addItem(p.name, p.id)
        choices = QHBoxLayout()
        for label, widget in ((self.period_label, self.period), (self.first_label, self.first),
                              (self.last_label, self.last), (self.place_label, self.place)):
            label.setBuddy(widget)
            choices.addWidget(label)
            choices.addWidget(widget)
            choices.addSpacing(6)
        choices.addStretch(1)

        self.model = RecordModel(missing_columns(), parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ColumnWidths(self.view, {}, fill=4, fill_sample="Seniorgympa")  # the activity never squeezed away
        self.count = WrapLabel()
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(choices)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)

        self.retranslate()
        self._fill_periods(today)
        self.period.currentIndexChanged.connect(lambda _i: self._period_chosen())
        self.first.dateChanged.connect(lambda _d: self._dates_typed())
        self.last.dateChanged.connect(lambda _d: self._dates_typed())
        self.place.currentIndexChanged.connect(lambda _i: self.refresh())
        self.view.activated.connect(self._open)  # Enter, and a double-click
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        self.close_button.clicked.connect(self.close)
        self.model.modelReset.connect(self._update_buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self._period_chosen()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Saknade räkningar"))
        self.intro.setText(_("Planerade tillfällen som varken har antal eller är markerade som inställda, "
                             "till och med i går. Dubbelklicka (eller tryck Enter) för att öppna dagen i Närvaro; "
                             "listan följer med när dagen sparas."))
        self.period_label.setText(_("&Period:"))
        self.first_label.setText(_("&Från:"))
        self.last_label.setText(_("&Till:"))
        self.place_label.setText(_("Möte&splats:"))  # a letter of its own in this window
        self.place.setItemText(0, _("Alla platser"))
        self.open_button.setText(_("&Öppna dagen"))
        self.close_button.setText(_("Stäng"))

    def _fill_periods(self, today: dt.date) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        for key, name, dates in periods(today):
            self.period.addItem(name, key)
            self._dates[key] = dates
        self.period.addItem(_("Egen period"), OWN)
        select_data(self.period, f"t{(today.month - 1) // 4 + 1}")  # the tertial going on
        self.period.blockSignals(False)

    # --- choosing ---------------------------------------------------------------------------
    def _period_chosen(self) -> None:
        dates = self._dates.get(self.period.currentData())
        if dates is None:
            return
        for field, day in zip((self.first, self.last), dates, strict=True):
            field.blockSignals(True)
            field.set_date(day)
            field.blockSignals(False)
        self.refresh()

    def _dates_typed(self) -> None:
        self.period.blockSignals(True)
        select_data(self.period, OWN)
        self.period.blockSignals(False)
        self.refresh()

    def choose_place(self, place_id: int | None) -> None:
        select_data(self.place, place_id)

    # --- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again off the GUI thread; what was asked last is what is shown."""
        self._asked += 1
        asked = self._asked
        self.count.setStyleSheet("")
        self.count.setText(_("Letar …"))
        self.app.run(attendance_history.missing_counts, first=self.first.date_value(), last=self.last.date_value(),
                     place_id=self.place.currentData(),
                     on_done=lambda rows: self._show(asked, rows), on_error=lambda exc: self._failed(asked, exc))

    def _show(self, asked: int, rows: list[attendance_history.MissingCount]) -> None:
        if asked != self._asked:
            return
        self.model.set_rows(rows)
        if rows:
            self.count.setText(i18n.plural(len(rows), _("{n} planerat tillfälle saknar antal."),
                                           _("{n} planerade tillfällen saknar antal.")))
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.count.setText(_("Inga planerade tillfällen saknar antal i perioden."))

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked != self._asked:
            return
        self.model.set_rows([])
        if not isinstance(exc, UserError):
            log.error("Saknade räkningar kunde inte läsas", exc_info=exc)
        self.count.setStyleSheet(ERROR_STYLE)
        self.count.setText(str(exc) if isinstance(exc, UserError) else _("Listan kunde inte läsas; se loggfilen."))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.view.currentIndex().isValid())

    def _open(self, index) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        self.open_day.emit(row.place_id, row.day)
