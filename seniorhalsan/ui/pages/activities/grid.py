"""The week grid: Monday to Sunday across, an hour a row, each cell the entries starting then."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ....services.schedule import EntryInfo, TermInfo
from ....services.staff import StaffInfo
from ... import i18n
from ...i18n import _

Index = QModelIndex | QPersistentModelIndex

FIRST_HOUR, LAST_HOUR = 8, 20  # shown even when empty, so there is always room to add
EMPTY_DAY_WIDTH = 90  # a day without entries gives its width to the days that have some
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 1

FILLED_BACKGROUND = QColor("#e3edfd")
WEEKEND_BACKGROUND = QColor("#f4f4f4")


@lru_cache(maxsize=4)
def _day_names(language: str) -> tuple[str, ...]:
    return tuple(i18n.weekday_names())


def day_names() -> tuple[str, ...]:
    """Monday first, in the current language (babel is asked once per language; views ask often)."""
    return _day_names(i18n.language())


def term_kind_name(kind: str) -> str:
    return {"vt": _("Vårtermin"), "sommar": _("Sommarprogram"), "ht": _("Hösttermin")}.get(kind, kind)


def short_date(day: dt.date) -> str:
    """24 aug (babel writes 'aug.'; the folder and the window leave the dot out)."""
    return i18n.date_text(day, "d MMM").rstrip(".")


def term_label(term: TermInfo) -> str:
    """Hösttermin 2026 (24 aug – 11 dec)."""
    return f"{term_kind_name(term.kind)} {term.year} ({short_date(term.starts_on)} – {short_date(term.ends_on)})"


def hhmm(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def time_span(entry: EntryInfo) -> str:
    return hhmm(entry.starts_at) + (f"–{hhmm(entry.ends_at)}" if entry.ends_at else "")


def leader_labels(staff: list[StaffInfo]) -> Callable[[EntryInfo], str]:
    """Maria Berglind → 'Maria B.'; outside leaders (Bio Aspen) keep their whole name."""
    kinds = {s.id: s.kind for s in staff}

    def label(entry: EntryInfo) -> str:
        name = entry.leader_name or ""
        parts = name.split()
        if len(parts) < 2 or kinds.get(entry.leader_id) == "extern":
            return name
        return f"{parts[0]} {parts[-1][0]}."

    return label


def entry_text(entry: EntryInfo, leader: Callable[[EntryInfo], str]) -> str:
    """10:00–11:00 Seniorgympa (Maria B.)"""
    who = leader(entry)
    return f"{time_span(entry)} {entry.activity_name}" + (f" ({who})" if who else "")


def entry_details(entry: EntryInfo) -> str:
    lines = [f"{time_span(entry)} {entry.activity_name}", entry.place_name]
    if entry.leader_name:
        lines.append(_("Ledare: {name}").format(name=entry.leader_name))
    if entry.note:
        lines.append(_("Anteckning: {note}").format(note=entry.note))
    return "\n".join(lines)


class WeekGridModel(QAbstractTableModel):
    """Read-only cells; the entries of a cell are under `ENTRIES_ROLE`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hours: list[int] = list(range(FIRST_HOUR, LAST_HOUR + 1))
        self.cells: dict[tuple[int, int], list[EntryInfo]] = {}
        self.leader: Callable[[EntryInfo], str] = lambda e: e.leader_name or ""  # see `leader_labels`
        i18n.notifier.changed.connect(self._retranslate)

    def _retranslate(self, _language: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def set_entries(self, entries: list[EntryInfo]) -> None:
        """The weekly entries of one place in one term (dated events are left out)."""
        weekly = [e for e in entries if e.weekday]
        starts = [e.starts_at.hour for e in weekly]
        self.beginResetModel()
        self.hours = list(range(min([FIRST_HOUR, *starts]), max([LAST_HOUR, *starts]) + 1))
        self.cells = {}
        for entry in sorted(weekly, key=lambda e: (e.starts_at, e.activity_name)):
            self.cells.setdefault((self.hours.index(entry.starts_at.hour), entry.weekday - 1), []).append(entry)
        self.endResetModel()

    def entries_at(self, index: Index) -> list[EntryInfo]:
        return list(self.cells.get((index.row(), index.column()), [])) if index.isValid() else []

    def weekday_of(self, index: Index) -> int:
        return index.column() + 1

    def hour_of(self, index: Index) -> int:
        return self.hours[index.row()]

    def index_of(self, weekday: int, starts_at: dt.time) -> QModelIndex:
        if starts_at.hour not in self.hours:
            return QModelIndex()
        return self.index(self.hours.index(starts_at.hour), weekday - 1)

    def day_has_entries(self, column: int) -> bool:
        return any(c == column for (_row, c) in self.cells)

    def entry_count(self) -> int:
        return sum(len(v) for v in self.cells.values())

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hours)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return day_names()[section].capitalize()
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.hours):
            return f"{self.hours[section]:02d}:00"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.hours) and 0 <= index.column() < 7):
            return None
        entries = self.cells.get((index.row(), index.column()), [])
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(entry_text(e, self.leader) for e in entries)
        if role == Qt.ItemDataRole.ToolTipRole and entries:
            return "\n\n".join(entry_details(e) for e in entries)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            where = f"{day_names()[index.column()]} {self.hours[index.row()]:02d}:00"
            what = "; ".join(entry_text(e, self.leader) for e in entries) or _("tom")
            return f"{where}: {what}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if entries:
                return QBrush(FILLED_BACKGROUND)
            if index.column() >= 5:
                return QBrush(WEEKEND_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == ENTRIES_ROLE:
            return list(entries)
        return None


class WeekGridView(QTableView):
    """Arrow keys move between cells; Enter opens a cell, Insert adds, Delete removes."""

    open_requested = Signal(QModelIndex)
    add_requested = Signal(QModelIndex)
    remove_requested = Signal(QModelIndex)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(True)
        # rows fit their wrapped text, measured again whenever the days change width
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows_soon = QTimer(self)
        self._fit_rows_soon.setSingleShot(True)
        self._fit_rows_soon.setInterval(0)
        self._fit_rows_soon.timeout.connect(self.resizeRowsToContents)
        self.horizontalHeader().sectionResized.connect(lambda *_a: self._fit_rows_soon.start())
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.verticalHeader().setHighlightSections(True)
        self.doubleClicked.connect(self.open_requested)
        # the chosen cell must stand out from the pale blue of the filled ones
        self.setStyleSheet("QTableView::item:selected:focus { background: #0b57d0; color: white; }"
                           "QTableView::item:selected:!focus { background: #9bb7e6; color: black; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            self.open_requested.emit(current)
            return
        if key == Qt.Key.Key_Insert and current.isValid():
            self.add_requested.emit(current)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and current.isValid():
            self.remove_requested.emit(current)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        """Arriving with Tab lands on a cell, so the arrows work at once."""
        super().focusInEvent(event)
        model = self.model()
        if model is not None and not self.currentIndex().isValid() and model.rowCount():
            self.setCurrentIndex(model.index(0, 0))

    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self._fit_days)
        self._fit_days()

    def _fit_days(self) -> None:
        """Days with entries share the width; empty days stay narrow (still there to add to)."""
        model, header = self.model(), self.horizontalHeader()
        busy = [model.day_has_entries(c) for c in range(model.columnCount())]
        for column, has_entries in enumerate(busy):
            if has_entries or not any(busy):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, EMPTY_DAY_WIDTH)
        self.resizeRowsToContents()

    def go_to(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
