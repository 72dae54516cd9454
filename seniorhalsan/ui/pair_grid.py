"""Labels and fields in a grid of as many pairs a row as the width allows: side by side in a wide
window, one below the other at a big text size."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QWidget


class PairGrid(QWidget):
    """Labels and their fields in a grid of as many pairs a row as the width allows, at most
    `most`: side by side in a wide window, one below the other at a big text size. A pair may
    take more places of a row (a note), a field without a label the whole row; `end_with` puts
    a button at the end of the last row."""

    def __init__(self, most: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.most = most
        self.pairs: list[tuple[QWidget | None, QWidget, int]] = []
        self.tail: tuple[QWidget, Qt.AlignmentFlag] | None = None
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(8)
        self.per_row = 0

    def add(self, label: QWidget | None, field: QWidget, span: int = 1) -> None:
        self.pairs.append((label, field, span))
        self.arrange(self.per_row or self.most)

    def end_with(self, widget: QWidget, alignment: Qt.AlignmentFlag) -> None:
        self.tail = (widget, alignment)
        self.arrange(self.per_row or self.most)

    def places(self, per_row: int) -> list[tuple[QWidget | None, QWidget, int, int, int]]:
        """Where each pair goes with `per_row` pairs a row: (label, field, row, place, span)."""
        out = []
        position = 0
        for label, field, span in self.pairs:
            span = per_row if label is None else min(span, per_row)
            if position % per_row + span > per_row:
                position += per_row - position % per_row
            row, place = divmod(position, per_row)
            out.append((label, field, row, place, span))
            position += span
        return out

    def needed_width(self, per_row: int) -> int:
        """The least width for `per_row` pairs a row, as the grid sizes its columns: each label
        column as wide as its widest label, each field column as its widest field's minimum."""
        widths = [0] * (2 * per_row)
        whole = 0
        for label, field, _row, place, span in self.places(per_row):
            if label is None:
                whole = max(whole, field.minimumSizeHint().width())
                continue
            widths[2 * place] = max(widths[2 * place], label.sizeHint().width())
            if span == 1:
                widths[2 * place + 1] = max(widths[2 * place + 1], field.minimumSizeHint().width())
        return max(whole, sum(widths) + self.grid.horizontalSpacing() * (2 * per_row - 1))

    def per_row_for(self, width: int) -> int:
        return next((n for n in range(self.most, 1, -1) if self.needed_width(n) <= width), 1)

    def arrange(self, per_row: int) -> None:
        """Lay the pairs out `per_row` a row (again, when the width calls for another number)."""
        while self.grid.count():
            self.grid.takeAt(0)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for place in range(per_row):
            self.grid.setColumnStretch(place * 2 + 1, 1)
        top = Qt.AlignmentFlag.AlignTop
        row = place = span = 0
        for label, field, row, place, span in self.places(per_row):
            if label is None:
                self.grid.addWidget(field, row, 0, 1, per_row * 2)
            else:
                self.grid.addWidget(label, row, place * 2, top)
                self.grid.addWidget(field, row, place * 2 + 1, 1, span * 2 - 1, top)
        if self.tail is not None:
            widget, alignment = self.tail
            # in the last place of the last row when it is free, else on a row of its own
            free = self.pairs and place + span < per_row
            self.grid.addWidget(widget, row if free else row + 1, per_row * 2 - 1, alignment)
        self.per_row = per_row
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """As narrow as one pair a row; as low as the rows are at the width it has."""
        hint = super().minimumSizeHint()
        hint.setWidth(self.needed_width(1))
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        per_row = self.per_row_for(event.size().width())
        if per_row != self.per_row:
            self.arrange(per_row)
