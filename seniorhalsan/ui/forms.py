"""Form building blocks: fields with their error shown right below, dates, counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..errors import ValidationError

ERROR_STYLE = "color: #b00020; font-weight: bold;"


def count_validator(parent) -> QRegularExpressionValidator:
    """Digits only; empty is acceptable too (not counted), so Tab always moves on."""
    return QRegularExpressionValidator(QRegularExpression(r"\d{0,5}"), parent)


class CountEdit(QLineEdit):
    """A head count: digits only, empty means 'not counted'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(count_validator(self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMaximumWidth(90)

    def value(self) -> int | None:
        text = self.text().strip()
        return int(text) if text else None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))


class DateField(QDateEdit):
    """A date with a calendar pop-up, written the Swedish way (2026-03-10)."""

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.set_date(day or dt.date.today())

    def date_value(self) -> dt.date:
        q = self.date()
        return dt.date(q.year(), q.month(), q.day())

    def set_date(self, day: dt.date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))


class FieldErrors:
    """Shows a service's refusals next to the fields they name; clears them on success."""

    def __init__(self, general: QLabel | None = None) -> None:
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self.general = general

    def add(self, field: str, widget: QWidget) -> QWidget:
        """A container with the widget and its (hidden) error label below it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        layout.addWidget(label)
        self.labels[field] = label
        self.widgets[field] = widget
        return box

    def row(self, form: QFormLayout, field: str, label: QLabel, widget: QWidget) -> None:
        label.setBuddy(widget)
        form.addRow(label, self.add(field, widget))

    def clear(self) -> None:
        for label in self.labels.values():
            label.hide()
            label.clear()
        for widget in self.widgets.values():
            widget.setProperty("invalid", False)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if self.general is not None:
            self.general.hide()

    def show(self, error: ValidationError) -> None:
        """Put each message under its field; messages for unknown fields go to the general label."""
        self.clear()
        leftovers = []
        first = None
        for item in error.errors:
            label = self.labels.get(item.field)
            if label is None:
                leftovers.append(str(item))
                continue
            label.setText(item.message[:1].upper() + item.message[1:])
            label.show()
            widget = self.widgets[item.field]
            widget.setProperty("invalid", True)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            first = first or widget
        if leftovers and self.general is not None:
            self.general.setText("\n".join(leftovers))
            self.general.setStyleSheet(ERROR_STYLE)
            self.general.setWordWrap(True)
            self.general.show()
        if first is not None:
            first.setFocus()

    def show_message(self, text: str) -> None:
        """A refusal that concerns no single field, in the general label."""
        if self.general is not None:
            self.general.setText(text)
            self.general.setStyleSheet(ERROR_STYLE)
            self.general.setWordWrap(True)
            self.general.show()

    def message_for(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""


def select_data(combo: QComboBox, data: Any) -> None:
    """Choose the item holding `data`, or the first item when none does."""
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)


def heading(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setProperty("role", "heading")
    return label


def hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #444444;")
    return label


def grow_to_fit(dialog: QWidget) -> None:
    """Make a dialog tall enough for its wrapped lines at its width (after a refusal is shown under
    a field): a dialog's layout asks only for its minimum height, which counts a wrapped line as one
    and cuts the rest off."""
    layout = dialog.layout()
    layout.activate()
    width = dialog.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if needed > dialog.height():
        dialog.setMinimumHeight(needed)
        dialog.resize(width, needed)
