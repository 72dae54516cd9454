"""The term's dated events (trips, big events) under the week grid: a list with Add, Edit, Remove."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....services.schedule import EntryInfo
from ...i18n import _
from ...layouts import WrapLabel
from ...models import Column, RecordModel, record_view
from ...table_widths import ColumnWidths
from .grid import day_names, time_span


def dated_columns() -> list[Column[EntryInfo]]:
    return [
        Column(lambda: _("Datum"), lambda e: e.on_date, "date"),
        Column(lambda: _("Dag"), lambda e: day_names()[e.on_date.isoweekday() - 1].capitalize()),
        Column(lambda: _("Tid"), time_span),
        Column(lambda: _("Aktivitet"), lambda e: e.activity_name),
        Column(lambda: _("Plats"), lambda e: e.place_name),
        Column(lambda: _("Ledare"), lambda e: e.leader_name),
        Column(lambda: _("Anteckning"), lambda e: e.note),
    ]


class DatedEvents(QWidget):
    """Every dated event of the term, at all places; the tab adds, edits and removes them."""

    add_requested = Signal()
    edit_requested = Signal(object)  # EntryInfo
    remove_requested = Signal(object)  # EntryInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = WrapLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = RecordModel(dated_columns(), parent=self)
        self.view = record_view(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ColumnWidths(self.view, {}, fill=3, fill_sample="Seniorgympa")  # the activity never squeezed away
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.remove_button = QPushButton()
        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)

        self.view.doubleClicked.connect(lambda _i: self._ask(self.edit_requested))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._ask(self.edit_requested))
        self.remove_button.clicked.connect(lambda: self._ask(self.remove_requested))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("Datum under terminen (utflykter och evenemang)"))
        self.add_button.setText(_("Lägg till dat&um …"))
        self.edit_button.setText(_("Ä&ndra …"))
        self.remove_button.setText(_("Ta &bort"))

    def set_entries(self, entries: list[EntryInfo]) -> None:
        self.model.set_rows(entries)

    def selected(self) -> EntryInfo | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _ask(self, signal) -> None:
        entry = self.selected()
        if entry is not None:
            signal.emit(entry)
