"""Närvaro's month: each day's visits, and a mark on the past days whose planned sessions still lack counts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QCalendarWidget, QTableView, QWidget

from ....services import attendance_history
from ... import i18n
from ...models import WARNING_BACKGROUND

MISSING_COLOUR = QColor("#b00020")


def digit_height(font: QFont) -> int:
    """How tall digits (and ×) stand above their baseline in a font: no line spacing, no descent."""
    return QFontMetrics(font).tightBoundingRect("0123456789×").height()


class MonthCalendar(QCalendarWidget):
    """A month where each day shows how many came, so the month is seen at a glance; a red
    dot (and a pale red cell) marks a day with planned sessions that have no counts yet.

    The day number sits at the top of its cell and the count on a line of its own at the
    bottom, smaller and blue: at any text size the cells are made tall enough for both lines,
    so "10" over "83" never reads as 1083."""

    PAD = 3  # around the cell's edge, and between the day number and the count
    SMALLEST = QSize(330, 290)  # as the calendar has always been at the normal text size

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.visits: dict[dt.date, int] = {}
        self.cancelled: set[dt.date] = set()
        self.missing: set[dt.date] = set()
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.fit_text()

    def set_summary(self, summary: list[attendance_history.DaySummary],
                    missing: list[attendance_history.MissingCount]) -> None:
        self.visits = {d.day: d.visits for d in summary if d.sessions}
        self.cancelled = {d.day for d in summary if d.cancelled and not d.sessions}
        self.missing = {m.day for m in missing}
        self.updateCells()

    # --- sizes ------------------------------------------------------------------------------
    def count_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        font.setBold(True)
        return font

    def cell_needed(self) -> QSize:
        """The smallest cell with room for the day number over the widest likely count."""
        day = QFontMetrics(self.font()).tightBoundingRect("28")
        count = QFontMetrics(self.count_font()).tightBoundingRect(i18n.number(888))  # a busy day at a place
        names = QFontMetrics(self.font())
        short = QLocale.FormatType.ShortFormat
        name = max(names.horizontalAdvance(self.locale().dayName(d, short)) for d in range(1, 8))
        width = max(day.width(), count.width(), name) + 3 * self.PAD
        height = digit_height(self.font()) + digit_height(self.count_font()) + 3 * self.PAD
        return QSize(width, height)

    def fit_text(self) -> None:
        """Size the calendar for the text size: the header row and six weeks of cells that hold
        two lines each, and the month's navigation above them."""
        cell = self.cell_needed()
        navigation = self.findChild(QWidget, "qt_calendar_navigationbar")
        bar = navigation.sizeHint().height() if navigation is not None else 0
        frame = 2 * self.findChild(QTableView, "qt_calendar_calendarview").frameWidth()
        self.setFixedSize(QSize(7 * cell.width() + frame, bar + 7 * cell.height() + frame)
                          .expandedTo(self.SMALLEST)
                          .expandedTo(super().minimumSizeHint()))  # the names of the days whole

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self.fit_text)  # once the month's navigation has its new font too

    # --- painting ---------------------------------------------------------------------------
    def text_rects(self, rect: QRect, date: QDate) -> tuple[QRect, QRect | None]:
        """Where the day number and the count (None: no count that day) are painted in a cell:
        the number at the top left, the count at the bottom right, each as tall as its digits."""
        day = dt.date(date.year(), date.month(), date.day())
        metrics = QFontMetrics(self.font())
        day_height = digit_height(self.font())
        number = QRect(rect.left() + self.PAD + 1, rect.top() + self.PAD,
                       metrics.horizontalAdvance(str(date.day())), day_height)
        text = self.count_text(day)
        if not text or date.month() != self.monthShown():
            return number, None
        small = QFontMetrics(self.count_font())
        width, height = small.horizontalAdvance(text), digit_height(self.count_font())
        count = QRect(rect.right() - self.PAD - width, rect.bottom() - self.PAD - height + 1, width, height)
        return number, count

    def count_text(self, day: dt.date) -> str:
        return i18n.number(self.visits[day]) if day in self.visits else ("×" if day in self.cancelled else "")

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        """Day number top left, visits bottom right, the missing mark bottom left."""
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
        number_rect, count_rect = self.text_rects(rect, date)
        weekend = day.isoweekday() >= 6
        painter.setPen(QColor("#888888") if not in_month else QColor("#b00020") if weekend else QColor("black"))
        painter.setFont(self.font())
        painter.drawText(number_rect.left(), number_rect.bottom() + 1, str(date.day()))  # on its baseline
        if missing:
            size = max(6.0, min(rect.height() * 0.22, rect.height() - number_rect.bottom() + rect.top() - 2 * self.PAD))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MISSING_COLOUR)
            painter.drawEllipse(QRectF(rect.left() + 4, rect.bottom() - size - self.PAD, size, size))
        if count_rect is not None:
            painter.setFont(self.count_font())
            painter.setPen(QColor("#0b4a9e"))
            painter.drawText(count_rect.left(), count_rect.bottom() + 1, self.count_text(day))
        painter.restore()
