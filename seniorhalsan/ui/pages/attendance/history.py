"""A place's earlier sessions below the day, newest first, read a page at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from ....services.attendance_history import HistoryRow
from ...i18n import _
from ...layouts import WrapLabel
from ...models import Column, LazyModel
from ...table_widths import ColumnWidths

ROWS_SHOWN = 3  # the list always has room for this many rows, whatever the text size (more by default)


def history_columns() -> list[Column[HistoryRow]]:
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


class HistoryPanel(QWidget):
    """The title and the list; `model` is read with `fetch(offset, limit)` and `count()`."""

    def __init__(self, fetch: Callable[[int, int], list[HistoryRow]], count: Callable[[], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = WrapLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = LazyModel(history_columns(), fetch, count, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        ColumnWidths(self.view, {0: "2026-11-17", 1: "14:30", **dict.fromkeys(range(3, 8), "8888"), 8: ""},
                     fill=2, fill_sample="Seniorgympa")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        self.size_rows()

    def retranslate(self) -> None:
        self.title.setText(_("Tidigare tillfällen på platsen (dubbelklicka för att öppna dagen)"))

    def size_rows(self) -> None:
        """Room for a few rows at the current text size (the splitter cannot squeeze it to two)."""
        rows = self.view.verticalHeader().defaultSectionSize() * ROWS_SHOWN
        header = self.view.horizontalHeader().sizeHint().height()
        self.view.setMinimumHeight(rows + header + 2 * self.view.frameWidth())
