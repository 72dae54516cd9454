"""Table models over plain values from the services (frozen dataclasses), never ORM objects."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView

from . import i18n

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

# Colours chosen for contrast on white (WCAG AA for text on these backgrounds).
WARNING_BACKGROUND = QColor("#fde2e1")
DIRTY_BACKGROUND = QColor("#fff4c2")
MUTED_TEXT = QColor("#555555")


@dataclass(frozen=True)
class Column(Generic[T]):
    title: Callable[[], str]
    value: Callable[[T], Any]
    kind: str = "text"  # text, number, date, time, check
    tooltip: Callable[[T], str] | None = None
    width: int | None = None


def display(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "number" and isinstance(value, (int, float)):
        return i18n.number(value)
    if kind == "date" and isinstance(value, dt.date):
        return i18n.date_text(value, "short")
    if kind == "time" and isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if kind == "check":
        return i18n._("Ja") if value else ""
    return str(value)


class RecordModel(QAbstractTableModel, Generic[T]):
    """Rows are records; columns say how to show them. `highlight` may mark rows."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        rows: Sequence[T] = (),
        *,
        highlight: Callable[[T], str | None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[T] = list(rows)
        self.highlight = highlight
        i18n.notifier.changed.connect(self._retranslate)

    def _retranslate(self, _language: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title()
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].kind == "number":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def _record(self, row: int) -> T | None:
        return self.rows[row] if row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        record = self._record(index.row())
        if record is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(column.value(record), column.kind)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind == "number":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight:
            mark = self.highlight(record)
            if mark == "warning":
                return QBrush(WARNING_BACKGROUND)
            if mark == "dirty":
                return QBrush(DIRTY_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and self.highlight and self.highlight(record) == "warning":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self.highlight and self.highlight(record) == "muted":
            return QBrush(MUTED_TEXT)
        return None


class PagedModel(RecordModel[T]):
    """Fetches rows a page at a time as the view scrolls, so ten years open at once."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch: Callable[[int, int], list[T]],
        total: Callable[[], int],
        *,
        page: int = 200,
        highlight: Callable[[T], str | None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(columns, (), highlight=highlight, parent=parent)
        self.fetch = fetch
        self.total_fn = total
        self.page = page
        self.total = 0

    def reload(self) -> None:
        self.beginResetModel()
        self.total = self.total_fn()
        self.rows = self.fetch(0, self.page) if self.total else []
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self.fetch(len(self.rows), self.page)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()


class LazyModel(RecordModel[T]):
    """Counts every row at once, fetches them a page at a time where the view looks.

    The scroll bar spans the whole list from the start, so dragging it to the end of
    a hundred thousand rows reads one page there, not every page on the way. Pages
    already read are kept (the most recently used `keep` of them).
    """

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch: Callable[[int, int], list[T]],
        total: Callable[[], int],
        *,
        page: int = 200,
        keep: int = 50,
        highlight: Callable[[T], str | None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(columns, (), highlight=highlight, parent=parent)
        self.fetch = fetch
        self.total_fn = total
        self.page = page
        self.keep = keep
        self.total = 0
        self.pages: OrderedDict[int, list[T]] = OrderedDict()

    def reload(self) -> None:
        self.beginResetModel()
        self.pages.clear()
        self.total = self.total_fn()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.total

    def _record(self, row: int) -> T | None:
        if not 0 <= row < self.total:
            return None
        number, at = divmod(row, self.page)
        rows = self.pages.get(number)
        if rows is None:
            rows = self.fetch(number * self.page, self.page)
            self.pages[number] = rows
            while len(self.pages) > self.keep:
                self.pages.popitem(last=False)
        else:
            self.pages.move_to_end(number)
        # rows removed since the count leave the end of the list blank until the next reload
        return rows[at] if at < len(rows) else None

    def row_at(self, row: int) -> T:
        record = self._record(row)
        if record is None:
            raise IndexError(row)
        return record


def record_view(model: QAbstractTableModel) -> QTableView:
    """A list of records to choose one from: whole rows, one at a time, read only; Tab leaves the
    list for the next field instead of walking its cells."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    return view
