"""A date field that is typed like text: the date counts when it is complete, on Enter or on
leaving the field, never at each keystroke; one Tab stop, a calendar behind a small button."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QKeyEvent, QPainter, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from ..periods import add_months
from . import i18n
from .i18n import _

_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})(\d{2})(\d{2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?")
# a date the user cannot be about to lengthen: it counts as soon as its last digit is typed
_COMPLETE = re.compile(r"\d{4}[-/.]\d{2}[-/.]\d{2}|\d{8}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")


def typed_date(text: str, near: dt.date) -> dt.date | None:
    """The date meant by what was typed: 2026-11-18, 2026-11-8, 20261118, 18/11/2026, 18.11.26,
    or 18/11 (the year that puts it nearest `near`, so 28/12 typed in early January is last
    December). None when it is no date."""
    text = text.strip()
    if match := _YEAR_FIRST.fullmatch(text):
        numbers = [int(g) for g in match.groups() if g is not None]
        return _date(*numbers)
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        if year is not None:
            return _date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        candidates = [d for d in (_date(near.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
        return min(candidates, key=lambda d: abs((d - near).days)) if candidates else None
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year >= 1900 else None
    except ValueError:
        return None


def is_complete(text: str) -> bool:
    return bool(_COMPLETE.fullmatch(text.strip()))


_ICON: QIcon | None = None


def calendar_icon() -> QIcon:
    """A small calendar sheet, drawn (no image file to ship)."""
    global _ICON
    if _ICON is None:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = QColor("#33475b")
        painter.setPen(ink)
        painter.setBrush(Qt.GlobalColor.white)
        painter.drawRoundedRect(3, 6, 26, 23, 3, 3)
        painter.fillRect(4, 7, 25, 6, ink)
        for row in range(3):
            for column in range(4):
                painter.fillRect(7 + 5 * column, 16 + 4 * row, 3, 2, ink)
        painter.end()
        _ICON = QIcon(pixmap)
    return _ICON


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class _CalendarPopup(QCalendarWidget):
    """The month to pick from; Esc closes it, Enter or a click picks the day."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateField(QLineEdit):
    """A date, shown and typed the Swedish way (2026-03-10).

    `dateChanged` carries the new `datetime.date` once a typed date counts (complete, Enter,
    leaving the field), a day is picked in the calendar, Up/Down/PgUp/PgDn step it, or
    `set_date` changes it. Text that is no date is marked and, on leaving, put back.
    """

    dateChanged = Signal(object)

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = day or dt.date.today()
        self._first: dt.date | None = None
        self._last: dt.date | None = None
        self._popup: _CalendarPopup | None = None
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9./\- ]{0,12}"), self))
        self.calendar_action = self.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.triggered.connect(self.show_calendar)
        self.textEdited.connect(self._edited)
        self.setText(self._date.isoformat())
        i18n.notifier.changed.connect(self._retranslate)
        self._retranslate()

    def _retranslate(self, _language: str = "") -> None:
        self.setPlaceholderText(_("ÅÅÅÅ-MM-DD"))
        self.calendar_action.setToolTip(_("Välj dag i en kalender (Alt+Nedpil)"))
        self.setToolTip(_("Skriv t.ex. 2026-11-18, 20261118 eller 18/11 och tryck Enter. "
                          "Upp- och nedpil byter dag, Alt+Nedpil visar kalendern."))

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("8888-88-88") + metrics.height() + 34, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # --- the value --------------------------------------------------------------------------
    def date_value(self) -> dt.date:
        """The date as the field shows it now: the typed one if it is a date, else the last one."""
        return self._parsed() or self._date

    def set_date(self, day: dt.date) -> None:
        self._mark(False)
        self._accept(self._clamped(day))

    def set_range(self, first: dt.date | None, last: dt.date | None) -> None:
        """Only days from `first` to `last` can be chosen (None: no limit)."""
        self._first, self._last = first, last
        self.set_date(self._date)

    def commit(self) -> bool:
        """Let the typed text count now, as Enter does; False (and marked) if it is no date."""
        day = self._parsed()
        if day is None:
            self._mark(True)
            return False
        self._mark(False)
        self._accept(day)
        return True

    def _parsed(self) -> dt.date | None:
        day = typed_date(self.text(), self._date)
        if day is None or (self._first and day < self._first) or (self._last and day > self._last):
            return None
        return day

    def _clamped(self, day: dt.date) -> dt.date:
        if self._first and day < self._first:
            return self._first
        if self._last and day > self._last:
            return self._last
        return day

    def _accept(self, day: dt.date) -> None:
        if self.text() != day.isoformat():
            self.setText(day.isoformat())
        if day != self._date:
            self._date = day
            self.dateChanged.emit(day)

    def _mark(self, invalid: bool) -> None:
        if bool(self.property("invalid")) == invalid:
            return
        self.setProperty("invalid", invalid)
        self.style().unpolish(self)
        self.style().polish(self)

    def _edited(self, text: str) -> None:
        if is_complete(text):
            self.commit()
        elif self.property("invalid"):
            self._mark(False)  # being corrected: judged again when complete or left

    # --- keys and focus ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.commit():
                self.selectAll()
                return  # stay: the text is no date, and a dialog's default button must not act on it
            super().keyPressEvent(event)  # returnPressed, and a dialog's default button
            return
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
        months = {Qt.Key.Key_PageUp: 1, Qt.Key.Key_PageDown: -1}
        if key in steps or key in months:
            day = self.date_value()
            day = day + dt.timedelta(days=steps[key]) if key in steps else add_months(day, months[key])
            self.set_date(day)
            return
        if key == Qt.Key.Key_Escape and self.text() != self._date.isoformat():
            self._revert()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            if self._parsed() is None:
                self._revert()
            else:
                self.commit()
        super().focusOutEvent(event)

    def _revert(self) -> None:
        self._mark(False)
        self.setText(self._date.isoformat())

    # --- the calendar -----------------------------------------------------------------------
    def show_calendar(self) -> None:
        popup = _CalendarPopup(self)
        popup.setWindowFlags(Qt.WindowType.Popup)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.setLocale(QLocale())
        popup.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        popup.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        popup.setGridVisible(True)
        if self._first:
            popup.setMinimumDate(_qdate(self._first))
        if self._last:
            popup.setMaximumDate(_qdate(self._last))
        popup.setSelectedDate(_qdate(self.date_value()))
        popup.clicked.connect(self._picked)
        popup.activated.connect(self._picked)
        popup.destroyed.connect(lambda *_a: setattr(self, "_popup", None))
        self._popup = popup
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        popup.setFocus()

    def _picked(self, day: QDate) -> None:
        if self._popup is not None:
            self._popup.close()
        self.set_date(_pydate(day))
        self.setFocus()
        self.selectAll()
