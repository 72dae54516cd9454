"""The day's table, typed with the keyboard alone: Tab and Enter walk the counts only;
Ctrl+I marks a session cancelled and Ctrl+N writes its note."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
)

from ...forms import count_validator
from ...table_widths import ColumnWidths
from .model import ACTIVITY, CANCELLED, COUNT_FIELDS, NOTE, TIME, WOMEN

CANCEL_KEY = "Ctrl+I"
NOTE_KEY = "Ctrl+N"


class CountDelegate(QStyledItemDelegate):
    """Digits-only editors; Enter moves on like Tab, so a day is typed without the mouse."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        if index.column() in COUNT_FIELDS:
            editor.setValidator(count_validator(editor))
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        editor.installEventFilter(self)
        return editor

    def eventFilter(self, editor, event) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class EntryTable(QTableView):
    """Tab, Shift+Tab and Enter step through the count cells one can type in, skipping the rest;
    Inställt and Anteckning have their own keys, so a day's counts are one run of typing."""

    def __init__(self, model: QAbstractItemModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CountDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        for keys, slot in ((CANCEL_KEY, self.toggle_cancelled), (NOTE_KEY, self.edit_note)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # also from an open editor
            shortcut.activated.connect(slot)
        # the counts as wide as their title (or four digits), the activity the rest; at a big text
        # size the table scrolls sideways to Inställt and Anteckning rather than squeeze the names
        self.columns = ColumnWidths(self, {**dict.fromkeys(COUNT_FIELDS, "8888"), CANCELLED: "",
                                           NOTE: "Anteckn"}, fill=ACTIVITY, fill_sample="Seniorgym")
        self.fit_time()
        self.verticalHeader().hide()
        self.setWordWrap(True)  # long activity names wrap instead of being cut
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def fit_time(self) -> None:
        """The session's time on one line when there is room, else on two ("09:00–" over "12:00"),
        so that the counts stay in sight at a big text size."""
        header = self.horizontalHeader()
        one_line = self.columns.needed(TIME, "09:00–12:00")
        others = sum(header.sectionSize(c) for c in range(header.count()) if c not in (TIME, ACTIVITY))
        room = self.viewport().width() - others - self.columns.needed(ACTIVITY, self.columns.fill_sample)
        width = one_line if room >= one_line else self.columns.needed(TIME, "09:00–")
        if header.sectionSize(TIME) != width:
            header.resizeSection(TIME, width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_time()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_time()

    def _enterable(self, row: int, column: int) -> bool:
        return column in COUNT_FIELDS and bool(self.model().flags(self.model().index(row, column))
                                               & Qt.ItemFlag.ItemIsEditable)

    def moveCursor(self, action, modifiers):
        model = self.model()
        if model is None or action not in (
            QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious
        ):
            return super().moveCursor(action, modifiers)
        rows, columns = model.rowCount(), model.columnCount()
        if not rows:
            return QModelIndex()
        current = self.currentIndex()
        position = current.row() * columns + current.column() if current.isValid() else -1
        step = 1 if action == QAbstractItemView.CursorAction.MoveNext else -1
        for _attempt in range(rows * columns):
            position += step
            if not 0 <= position < rows * columns:
                break
            row, column = divmod(position, columns)
            if self._enterable(row, column):
                return model.index(row, column)
        return current

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            target = self.moveCursor(QAbstractItemView.CursorAction.MoveNext, event.modifiers())
            if target.isValid():
                self.setCurrentIndex(target)
            return
        super().keyPressEvent(event)

    # --- cells reached by their own keys ----------------------------------------------------
    def commit_open_editor(self) -> None:
        """Keep what was typed in the open cell, as Tab would: before the row's other cells are
        changed, before a save (Ctrl+S while typing) and before the day is left."""
        editor = self.indexWidget(self.currentIndex())
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def toggle_cancelled(self) -> None:
        """Ctrl+I: the current row's session cancelled (or not any more)."""
        current = self.currentIndex()
        if not current.isValid():
            return
        model = self.model()
        index = model.index(current.row(), CANCELLED)
        if not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return
        self.commit_open_editor()
        was = model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        state = Qt.CheckState.Unchecked if was else Qt.CheckState.Checked
        model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)
        if was:
            self.edit_cell(current.row(), WOMEN)  # held after all: its counts are next
        else:
            self.setFocus()
            self.setCurrentIndex(index)  # Tab goes on with the next session's counts

    def edit_note(self) -> None:
        """Ctrl+N: write the current row's note; Enter or Tab then goes on with the counts."""
        current = self.currentIndex()
        if not current.isValid():
            return
        if not self.model().flags(self.model().index(current.row(), NOTE)) & Qt.ItemFlag.ItemIsEditable:
            return
        self.commit_open_editor()
        self.edit_cell(current.row(), NOTE)

    def edit_cell(self, row: int, column: int) -> None:
        """Put the cursor in a cell with its editor open and focused, so the next key lands there."""
        index = self.model().index(row, column)
        self.setFocus()
        if self.currentIndex() != index:
            self.setCurrentIndex(index)  # opens the editor (the CurrentChanged trigger)
        if self.indexWidget(index) is None and self.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)
        editor = self.indexWidget(index)
        if editor is not None:
            editor.setFocus()

    def focus_first_cell(self) -> None:
        """The cursor in the first session still without counts (else the first one can type in)."""
        model = self.model()
        for row in [*model.uncounted_rows(), *range(model.rowCount())]:
            for column in COUNT_FIELDS:
                if self._enterable(row, column):
                    self.edit_cell(row, column)
                    return
        self.setFocus()
