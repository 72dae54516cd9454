"""Närvaro's month: each day's visits, and a mark on the past days whose planned sessions still lack counts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QCalendarWidget

from ....services import attendance_history
from ... import i18n
from ...models import WARNING_BACKGROUND

MISSING_COLOUR = QColor("#b00020")


class MonthCalendar(QCalendarWidget):
    """A month where each day shows how many came, so the month is seen at a glance; a red
    dot (and a pale red cell) marks a day with planned sessions that have no counts yet."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.visits: dict[dt.date, int] = {}
        self.cancelled: set[dt.date] = set()
        self.missing: set[dt.date] = set()
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)

    def set_summary(self, summary: list[attendance_history.DaySummary],
                    missing: list[attendance_history.MissingCount]) -> None:
        self.visits = {d.day: d.visits for d in summary if d.sessions}
        self.cancelled = {d.day for d in summary if d.cancelled and not d.sessions}
        self.missing = {m.day for m in missing}
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:  # noqa: N802 (Qt's name)
        """Day number top left, visits bottom right, the missing mark bottom left, so all stay
        readable in a small cell."""
        day = dt.date(date.year(), date.month(), date.day())
        painter.save()
        selected = date == self.selectedDate()
        in_month = date.month() == self.monthShown()
        missing = in_month and day in self.missing
        background = QColor("#cfe0fc") if selected else WARNING_BACKGROUND if missing else QColor("white")
        painter.fillRect(rect, background)
        if selected:
            painter.setPen(QColor("#0b57d0"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(QColor("#888888") if not in_month else QColor("#b00020") if day.isoweekday() >= 6 else QColor("black"))
        painter.drawText(rect.adjusted(4, 2, -2, -2), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), str(date.day()))
        if missing:
            size = max(6.0, rect.height() * 0.22)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MISSING_COLOUR)
            painter.drawEllipse(QRectF(rect.left() + 4, rect.bottom() - size - 3, size, size))
        text = i18n.number(self.visits[day]) if day in self.visits else ("×" if day in self.cancelled else "")
        if text and in_month:
            font = painter.font()
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#0b4a9e"))
            painter.drawText(rect.adjusted(2, 2, -4, -2), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)
        painter.restore()
