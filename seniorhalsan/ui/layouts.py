"""Layouts that fit a small screen at a big text size: rows that wrap, forms that stack, scroll areas.

A page must fit 1366 × 768 at every text size (see `fit.py`); these are the building blocks
that let a row of buttons or fields take a second line, and a long form scroll, instead of
making the whole window wider or taller than the screen. Fields in pairs are in `pair_grid.py`,
table columns in `table_widths.py`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QWidget,
)


class WrapLabel(QLabel):
    """A text that wraps, whose minimum height is that of all its lines at the width it has.

    Qt counts one line for a wrapped text's minimum, so a splitter, a tab or a window that asks
    only for the minimum squeezes the other lines away (or lays the next part over them); this
    one asks for all of them, once a layout has given it its width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.wordWrap() and self.testAttribute(Qt.WidgetAttribute.WA_Resized) and self.width() > 0:
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width, another number of lines


class FlowLayout(QLayout):
    """Items side by side, left to right, on as many lines as the width needs (Qt's flow layout
    example). An item with a horizontal stretch factor set with `add(widget, stretch=1)` takes the
    rest of its line. Its minimum width is that of its widest item."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1, top: bool = False,
                 grid: bool = False) -> None:
        super().__init__(parent)
        self.top = top  # items as tall as their line (columns), or centred in it (buttons)
        self.grid = grid  # items in as many aligned columns as fit (a checklist), row by row
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}
        self.setContentsMargins(0, 0, 0, 0)  # a row among others: the page's margins are enough
        self._spacing = spacing

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        self.addWidget(widget)
        if stretch:
            self._stretch[id(self._items[-1])] = stretch

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(id(item), None)
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """All on one line."""
        width = height = 0
        for item in self._visible():
            hint = item.sizeHint()
            width += self._one_line(item) + (self._gap() if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item; as low as its lines at the width it was given (one line
        before it was given any), so that whatever asks only for the minimum leaves room for them."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        width = self.geometry().width()
        if width > 0:
            size.setHeight(max(size.height(), self.heightForWidth(max(width, size.width()))))
        return size

    def setGeometry(self, rect: QRect) -> None:
        width = self.geometry().width()
        super().setGeometry(rect)
        self._arrange(rect, move=True)
        if rect.width() != width and self.parentWidget() is not None:
            self.parentWidget().updateGeometry()  # the minimum height follows the width: ask the parents again

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else 6

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Break the items into lines, give each line's stretching items its spare width, and
        (with `move`) put them there; returns the height used."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        lines = self._lines(area.width(), gap)
        y = area.y()
        for line, widths in lines:
            heights = [item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
                       for item, w in zip(line, widths, strict=True)]
            height = max(heights)
            if move:
                x = area.x()
                for item, item_width, item_height in zip(line, widths, heights, strict=True):
                    if self.top or item.expandingDirections() & Qt.Orientation.Vertical:
                        top, item_height = y, height
                    else:
                        top = y + (height - item_height) // 2
                    item.setGeometry(QRect(x, top, item_width, item_height))
                    x += item_width + gap
            y += height + gap
        return y - gap - area.y() + margins.top() + margins.bottom() if y > area.y() else 0

    def _lines(self, width: int, gap: int) -> list[tuple[list[QLayoutItem], list[int]]]:
        """The items of each line, and their widths."""
        items = self._visible()
        if not items:
            return []
        if self.grid:
            wanted = [self._one_line(item) for item in items]
            for columns in range(len(items), 0, -1):
                widths = [max(wanted[c::columns]) for c in range(columns)]
                if sum(widths) + gap * (columns - 1) <= width or columns == 1:
                    break
            return [(items[i:i + columns], [min(w, width) for w in widths[:len(items[i:i + columns])]])
                    for i in range(0, len(items), columns)]
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in items:
            wanted_width = self._one_line(item)
            if not lines or used + gap + wanted_width > width:
                lines.append([])
                used = -gap
            used += gap + wanted_width
            lines[-1].append(item)
        return [(line, self._widths(line, width, gap)) for line in lines]

    @staticmethod
    def _one_line(item: QLayoutItem) -> int:
        """The width an item would like; a text that wraps would like its whole line (it wraps
        only when the line is too short for it)."""
        label = item.widget()
        if isinstance(label, QLabel) and label.wordWrap() and label.text():
            margins = label.contentsMargins()
            return label.fontMetrics().horizontalAdvance(label.text()) + margins.left() + margins.right() + 4
        return item.sizeHint().width()

    def _widths(self, line: list[QLayoutItem], width: int, gap: int) -> list[int]:
        widths = [max(min(self._one_line(item), width), item.minimumSize().width()) for item in line]
        spare = width - sum(widths) - gap * (len(line) - 1)
        stretch = [self._stretch.get(id(item), 0) for item in line]
        if spare > 0 and sum(stretch):
            total = sum(stretch)
            widths = [w + spare * s // total for w, s in zip(widths, stretch, strict=True)]
        return widths


def flow(*widgets: QWidget, parent: QWidget | None = None) -> QWidget:
    """A row of widgets (buttons, a field with its label) that takes a second line when narrow."""
    box = QWidget(parent)
    layout = FlowLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.add(widget)
    return box


def columns(*widgets: QWidget, spacing: int = 24) -> QWidget:
    """Parts of a page side by side when the width allows, one below the other when it does not
    (a big text size): each takes the whole width of its line."""
    box = QWidget()
    layout = FlowLayout(box, spacing=spacing, top=True)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.add(widget, stretch=1)
    return box


def pair(label: QWidget, field: QWidget, *, stretch: int = 0) -> QWidget:
    """A label and its field kept on one line (a `flow` moves them as one)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(field, stretch)
    return box


def stacking_form(form: QFormLayout) -> QFormLayout:
    """A form whose fields go below their labels when the two do not fit side by side, so that a
    long label at a big text size does not widen the page."""
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class ScrollArea(QScrollArea):
    """A form or a panel that scrolls when the window is too low (or too narrow) for it, instead
    of making the window bigger than the screen.

    Unlike QScrollArea's own resizing, the panel is made as low as its layout allows at the
    width it gets (wrapped lines counted), not as tall as it would like: no scroll bar appears
    while everything fits, and nothing is squeezed when it does not."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None, *, sideways: bool = True) -> None:
        super().__init__(parent)
        self.sideways = sideways  # False: never narrower than the panel, only scrolled up and down
        self.setWidget(widget)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        if not sideways:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The cursor always in sight: a field that takes it (from a key, or from the program)
        is scrolled into view."""
        if new is not None and self.widget() is not None and self.widget().isAncestorOf(new):
            self.ensureWidgetVisible(new)

    def fit_widget(self) -> None:
        inner = self.widget()
        layout = inner.layout()
        viewport = self.viewport().size()
        width = max(viewport.width(), inner.minimumSizeHint().width())
        if layout is None:
            height = inner.minimumSizeHint().height()
        elif layout.hasHeightForWidth():
            height = layout.totalMinimumHeightForWidth(width)
        else:
            height = layout.totalMinimumSize().height()
        inner.resize(width, max(height, viewport.height()))

    def sizeHint(self) -> QSize:
        return self.widget().sizeHint() + QSize(self.verticalScrollBar().sizeHint().width(), 0)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self.sideways:
            hint.setWidth(self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width())
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_widget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit_widget()  # a line wrapped or a part shown: the content's height changed
            self.updateGeometry()
        return super().eventFilter(watched, event)


def scrolled(widget: QWidget, *, sideways: bool = True) -> ScrollArea:
    return ScrollArea(widget, sideways=sideways)


def narrow_combo(combo: QComboBox, characters: int = 16) -> QComboBox:
    """A list box whose width does not follow its longest item (a long activity or place name
    would widen the page); the open list still shows each name whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    policy = combo.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
    combo.setSizePolicy(policy)
    return combo
