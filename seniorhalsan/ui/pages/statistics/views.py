"""How the statistics page shows its figures: tables that fit their labels, titled boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .model import FigureModel


class FigureTable(QTableView):
    """A figures table whose label column takes the room left over, but never less than its text."""

    def __init__(self, model: FigureModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(60)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        model.modelReset.connect(self.fit_label_column)
        model.headerDataChanged.connect(lambda *_a: self.fit_label_column())

    def fit_label_column(self) -> None:
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(1, self.model().columnCount()))
        needed = max(self.sizeHintForColumn(0), header.sectionSizeHint(0)) + 8
        header.resizeSection(0, max(needed, self.viewport().width() - others))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_label_column()


def table(model: FigureModel) -> QTableView:
    return FigureTable(model)


def titled(title: QLabel, widget: QWidget, stretch: int = 1) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(title)
    layout.addWidget(widget, stretch)
    return box


def with_hint(title: QLabel, view: QTableView, note: QLabel) -> QWidget:
    """A titled table with a note under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.addWidget(title)
    layout.addWidget(view, 1)
    layout.addWidget(note)
    return box


def split(orientation: Qt.Orientation, *parts: tuple[QWidget, int]) -> QSplitter:
    """Widgets side by side (or one above the other) at the given starting sizes."""
    splitter = QSplitter(orientation)
    for widget, _size in parts:
        splitter.addWidget(widget)
    splitter.setSizes([size for _widget, size in parts])
    return splitter


def bold_label() -> QLabel:
    label = QLabel()
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
