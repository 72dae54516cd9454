"""Table columns as wide as their text at the current text size, and tables that scroll sideways
rather than squeeze a column to nothing (see `layouts.py` for the rest of what fits a small screen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def scrolling_table(view: QAbstractItemView) -> QAbstractItemView:
    """A table whose columns keep the width of their contents and scroll sideways when the
    window is narrower than they are, instead of being squeezed (or widening the page)."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setMinimumWidth(0)
    return view


class ColumnWidths(QObject):
    """A table's columns as wide as a sample of their contents (and their title) at the current
    text size, set again when the text size or the titles change; columns without a sample keep
    their own mode (as wide as their contents). The `fill` column takes the room left over, but
    never less than its own sample: wider than the window, the table scrolls sideways instead of
    squeezing a column to nothing."""

    PADDING = 18  # the header's padding and border, and a little air

    def __init__(self, view: QTableView, samples: dict[int, str], *, fill: int | None = None,
                 fill_sample: str = "") -> None:
        super().__init__(view)
        self.view = view
        self.samples = samples
        self.fill = fill
        self.fill_sample = fill_sample
        header = view.horizontalHeader()
        for column in (*samples, *([fill] if fill is not None else [])):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        scrolling_table(view)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.model().headerDataChanged.connect(lambda *_a: self.apply())
        # a column sized by its contents changed: the fill column takes what is left again
        header.sectionResized.connect(lambda column, _old, _new: column != fill and self.fill_rest())
        self.apply()

    def needed(self, column: int, sample: str) -> int:
        """The title's width in the header's bold, or the sample's in bold (a row that asks for
        attention, a late item, is written in bold), whichever is wider."""
        bold = QFont(self.view.font())
        bold.setBold(True)
        name = str(self.view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        metrics = QFontMetrics(bold)
        return max(metrics.horizontalAdvance(name), metrics.horizontalAdvance(sample)) + self.PADDING

    def apply(self) -> None:
        header = self.view.horizontalHeader()
        for column, sample in self.samples.items():
            header.resizeSection(column, self.needed(column, sample))
        self.fill_rest()

    def fill_rest(self) -> None:
        if self.fill is None:
            return
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.fill and not header.isSectionHidden(c))
        header.resizeSection(self.fill, max(self.needed(self.fill, self.fill_sample),
                                            self.view.viewport().width() - others))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and watched is self.view:
            self.apply()
        elif event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.fill_rest()
        return False
