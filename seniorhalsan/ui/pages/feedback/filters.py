"""The Tyck till register's filter bar: status, year, tertial, place, only the late ones, and how many are listed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from ....services.places import PlaceInfo
from ... import i18n
from ...forms import select_data
from ...i18n import _
from ...layouts import FlowLayout, narrow_combo, pair
from .model import status_filters


class RegisterFilters(QWidget):
    """The choices the register is read with (`values`); `changed` says one of them was changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overdue_count = 0

        self.status_label = QLabel()
        self.status = narrow_combo(QComboBox(), 12)
        self.year_label = QLabel()
        self.year = QComboBox()
        self.tertial_label = QLabel()
        self.tertial = narrow_combo(QComboBox(), 10)
        self.place_label = QLabel()
        self.place = narrow_combo(QComboBox(), 12)
        self.overdue = QCheckBox()
        self.count = QLabel()
        layout = FlowLayout(self)  # a second line at a big text size, never a wider window
        for label, widget in ((self.status_label, self.status), (self.year_label, self.year),
                              (self.tertial_label, self.tertial), (self.place_label, self.place)):
            label.setBuddy(widget)
            layout.add(pair(label, widget))
        layout.add(self.overdue)
        layout.add(self.count)

        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.year.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.tertial.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.place.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.overdue.toggled.connect(lambda _c: self.changed.emit())

        self.setTabOrder(self.status, self.year)
        self.setTabOrder(self.year, self.tertial)
        self.setTabOrder(self.tertial, self.place)
        self.setTabOrder(self.place, self.overdue)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.status_label.setText(_("&Visa:"))
        self.year_label.setText(_("Å&r:"))
        self.tertial_label.setText(_("T&ertial:"))
        self.tertial.setToolTip(_("T1 = januari–april, T2 = maj–augusti, T3 = september–december"))
        self.place_label.setText(_("Mötes&plats:"))
        self.overdue.setToolTip(_("Bara de med kontaktuppgift där återkopplingen är försenad, mest försenad först"))
        self.show_overdue_count(self._overdue_count)
        self._fill(self.status, status_filters())
        self.status.setItemData(1, _("Synpunkter och klagomål med kontaktuppgift som väntar på återkoppling, mest "
                                     "försenad först – de som statusraden räknar. Beröm och synpunkter utan "
                                     "kontaktuppgift väntar inte på något."), Qt.ItemDataRole.ToolTipRole)
        self._fill(self.tertial, [(None, _("Hela året")), (1, _("T1 (jan–apr)")), (2, _("T2 (maj–aug)")),
                                  (3, _("T3 (sep–dec)"))])
        if self.year.count():
            self.year.setItemText(0, _("Alla år"))
        if self.place.count():
            self.place.setItemText(0, _("Alla platser"))

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[object, str]]) -> None:
        """Set the items' texts again, or fill the combo the first time; the choice stays."""
        if combo.count() == len(items):
            for row, (_data, text) in enumerate(items):
                combo.setItemText(row, text)
            return
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.blockSignals(False)

    def show_overdue_count(self, n: int) -> None:
        self._overdue_count = n
        self.overdue.setText(_("Bara &försenade ({n})").format(n=i18n.number(n)))

    def show_count(self, total: int) -> None:
        self.count.setText(i18n.plural(total, _("{n} synpunkt"), _("{n} synpunkter")))

    # --- the choices ------------------------------------------------------------------------
    def set_places(self, places: list[PlaceInfo], today: dt.date) -> None:
        """The places to choose from, open ones first; the chosen one stays chosen."""
        keep = self.place.currentData()
        self.place.blockSignals(True)
        self.place.clear()
        self.place.addItem(_("Alla platser"), None)
        for p in sorted(places, key=lambda p: (not p.in_use_on(today), p.name)):
            self.place.addItem(p.name if p.in_use_on(today) else p.name + " " + _("(stängd)"), p.id)
        select_data(self.place, keep)
        self.place.blockSignals(False)

    def set_years(self, years: list[int]) -> None:
        """The years to choose from, newest first; the chosen one stays chosen."""
        keep = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(_("Alla år"), None)
        for year in years:
            self.year.addItem(str(year), year)
        select_data(self.year, keep)
        self.year.blockSignals(False)
        self.tertial.setEnabled(self.year.currentData() is not None)

    def _year_changed(self) -> None:
        self.tertial.setEnabled(self.year.currentData() is not None)
        self.changed.emit()

    def values(self) -> dict:
        """Keyword arguments for `feedback_register.list_feedback` / `count_feedback`."""
        year = self.year.currentData()
        return dict(
            status=self.status.currentData(),
            year=year,
            tertial=self.tertial.currentData() if year is not None else None,
            place_id=self.place.currentData(),
            overdue_only=self.overdue.isChecked(),
        )
