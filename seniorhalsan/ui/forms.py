"""Form building blocks: fields with their error shown right below, dates (`DateField`), counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, QSize, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..errors import FieldError, UserError, ValidationError
from . import datefield
from .i18n import _
from .layouts import WrapLabel

ERROR_STYLE = "color: #b00020; font-weight: bold;"
DateField = datefield.DateField  # the pages take it from here, with the other building blocks


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


class LinesEdit(QPlainTextEdit):
    """A text of a few lines: as tall as `lines` lines of its font, at every text size, and never
    stretched to fill the page (a longer text scrolls inside it). Tab moves on."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        margins = 2 * (self.frameWidth() + round(self.document().documentMargin())) + 4
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * self.lines + margins)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class AcceptedWhenSaved:
    """For a QDialog whose OK saves: `submit(values())` is tried, its refusals stay in the dialog
    (beside their fields, `errors`), and the dialog closes only once saved (`outcome`). The
    dialog gives `submit`, `errors` and `values()`; QDialog gives `accept()`."""

    def try_accept(self) -> None:
        try:
            self.outcome = self.submit(self.values())
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except UserError as exc:
            self.errors.show_message(str(exc))
            return
        self.accept()


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
        label = WrapLabel()  # a refusal is read whole, however long
        label.setStyleSheet(ERROR_STYLE)
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


def commit_dates(errors: FieldErrors, fields: dict[str, datefield.DateField]) -> bool:
    """Let typed dates count before a save by a key (Ctrl+S, Ctrl+Enter: no focus leaves the field);
    a text that is no date is refused under its field instead of saving another day."""
    refused = [FieldError(key, _("'{text}' är inget datum. Skriv t.ex. 2026-11-18 eller 18/11.").format(
        text=field.text().strip())) for key, field in fields.items() if not field.commit()]
    if refused:
        errors.show(ValidationError(refused))
    return not refused


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
    """A grey explanation that wraps, and asks for the room of all its lines."""
    label = WrapLabel(text)
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
