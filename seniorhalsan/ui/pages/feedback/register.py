"""The Tyck till register: the items its filter bar lets through, read a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget

from ....services import feedback_register
from ....services.feedback import FeedbackInfo
from ....services.lookups import CategoryInfo
from ...common import AppContext, select_row_quietly
from ...forms import hint
from ...i18n import _
from ...models import PagedModel
from ...table_widths import ColumnWidths
from .filters import RegisterFilters
from .model import highlight, register_columns


class FeedbackRegister(QWidget):
    """The filter bar over the list, and a word when nothing is listed; `row_changed` tells of
    the current row (the page decides what choosing an item means)."""

    row_changed = Signal(int)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.short_names: dict[str, str] = {}
        self._filters: dict = {}  # the filters' values the list was last read with

        self.filters = RegisterFilters()
        self.model = PagedModel(register_columns(self.short_names, app.db.clock), self._fetch, self._count,
                                highlight=highlight, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # widths that follow the text size; the text takes the rest (or the list scrolls sideways)
        ColumnWidths(self.table, {0: "2026-11-17", 1: "Synpunkt", 2: "Anhörig", 3: "Tillgänglighet",
                                  4: "Fruängsgården", 6: "2026-11-17", 7: "Väntar på återkoppling"},
                     fill=5, fill_sample="Dörren i Axels")
        self.empty = hint()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.row_changed.emit(current.row()))
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(lambda *_a: self._update_count())
        self.setTabOrder(self.filters.overdue, self.table)

    def retranslate(self) -> None:
        self.filters.retranslate()
        self.empty.setText(_("Inga synpunkter med de här filtren."))
        self._update_count()

    def set_categories(self, categories: list[CategoryInfo]) -> None:
        """The templates' short names, which the list shows instead of the long ones."""
        self.short_names.clear()
        self.short_names.update({c.key: c.short_name for c in categories})

    # --- reading ----------------------------------------------------------------------------
    def read(self) -> None:
        """Read the list again with the filters as they are now."""
        self._filters = self.filters.values()
        self.model.reload()

    def _fetch(self, offset: int, limit: int) -> list[FeedbackInfo]:
        return self.app.db.read(feedback_register.list_feedback, **self._filters, offset=offset, limit=limit)

    def _count(self) -> int:
        return self.app.db.read(feedback_register.count_feedback, **self._filters)

    def _update_count(self) -> None:
        total = self.model.total
        self.filters.show_count(total)
        self.empty.setVisible(total == 0)

    # --- rows -------------------------------------------------------------------------------
    def row_of(self, feedback_id: int) -> int | None:
        while True:
            for row, item in enumerate(self.model.rows):
                if item.id == feedback_id:
                    return row
            if not self.model.canFetchMore():
                return None
            self.model.fetchMore()

    def item_at(self, row: int) -> FeedbackInfo | None:
        return self.model.row_at(row) if 0 <= row < len(self.model.rows) else None

    def select(self, row: int) -> None:
        """Make the row the current one, telling of it as a click does."""
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def go_to(self, row: int) -> None:
        """Make the row the current one and scroll it to the middle of the list."""
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def point_at(self, feedback_id: int) -> None:
        """Select the item's row without telling of it as a new choice."""
        row = self.row_of(feedback_id)
        if row is None:
            return
        select_row_quietly(self.table, row)
