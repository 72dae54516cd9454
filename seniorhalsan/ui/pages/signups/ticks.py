"""Who came: tick each person who came on a day (Space ticks the chosen box), then save; the
ticks become the session's count under Närvaro."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....services.signup_people import ParticipantInfo
from ....services.signups import OccasionInfo
from ... import i18n
from ...forms import hint
from ...i18n import _
from ...layouts import WrapLabel, flow, narrow_combo, pair
from ...table_widths import ColumnWidths
from .models import NAME, TickModel


class TicksPanel(QWidget):
    """The ticks of one day of an occasion; `save` asks the page to save them."""

    save = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: list[ParticipantInfo] = []
        self.day_label = QLabel()
        self.day = narrow_combo(QComboBox(), 16)
        self.day_label.setBuddy(self.day)
        self.model = TickModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ColumnWidths(self.view, {}, fill=NAME, fill_sample="Birgitta Ekh")
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.note = hint()
        self.result = WrapLabel()
        top = flow(pair(self.day_label, self.day), self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.result)
        self.day.currentIndexChanged.connect(lambda _i: self._show_day())
        self.retranslate()

    def retranslate(self) -> None:
        self.day_label.setText(_("Trä&ffen:"))
        self.save_button.setText(_("&Spara närvaron"))
        self.note.setText(_("Bocka i Kom för var och en som kom (mellanslag bockar i rutan) och Ny för den som kom "
                            "för första gången. Antalet sparas som tillfällets närvaro, kvinnor och män för sig när "
                            "allas kön är känt. Att spara igen ändrar samma tillfälle."))

    def set_occasion(self, occasion: OccasionInfo | None, people: list[ParticipantInfo], today: dt.date) -> None:
        """The occasion's meetings up to today, the latest chosen (or the one chosen before)."""
        self.people = people
        chosen = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        days = [d for d in (occasion.meeting_days() if occasion else []) if d <= today]
        for day in reversed(days):
            self.day.addItem(i18n.date_text(day, "full"), day)
        index = self.day.findData(chosen)
        self.day.setCurrentIndex(index if index >= 0 else 0)
        self.day.blockSignals(False)
        may_tick = bool(days) and occasion is not None and not occasion.cleared
        self.save_button.setEnabled(may_tick)
        self.view.setEnabled(may_tick)
        if occasion is not None and not days:
            self.result.setText(_("Närvaron bockas av från och med tillfällets dag."))
        elif occasion is not None and occasion.cleared:
            self.result.setText(_("Listan är gallrad; närvaron kan inte ändras längre."))
        else:
            self.result.clear()
        self._show_day()

    def _show_day(self) -> None:
        self.model.set_day(self.people, self.day.currentData())

    def chosen_day(self) -> dt.date | None:
        return self.day.currentData()

    def saved(self, text: str) -> None:
        self.model.saved = (frozenset(self.model.present), frozenset(self.model.new))
        self.result.setText(text)
