"""Närvaro's calendar at the biggest text size: a day's number and its visits are painted apart
("10" above "83", never "10 83" that reads 1083), and the calendar grows to hold both."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTableView

from seniorhalsan.ui import style
from seniorhalsan.ui.pages.attendance.calendar import MonthCalendar

NOVEMBER = {dt.date(2026, 11, day): visits for day, visits in
            ((2, 64), (3, 105), (10, 83), (11, 60), (12, 36), (17, 888), (24, 1234))}


class PaintedCalendar(MonthCalendar):
    """The calendar, noting where each cell of the month was painted."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[dt.date, QRect] = {}

    def paintCell(self, painter, rect, date):
        super().paintCell(painter, rect, date)
        if date.month() == self.monthShown():
            self.cells[dt.date(date.year(), date.month(), date.day())] = QRect(rect)


@pytest.fixture
def biggest_text(qapp):
    style.apply(qapp, "storst")
    yield
    style.apply(qapp, "normal")


def painted_boxes(image, cell: QRect) -> tuple[QRect, QRect]:
    """The boxes around the dark pixels (the day number) and the blue ones (the visits) in a cell."""
    dark, blue = QRect(), QRect()
    for x in range(cell.left() + 1, cell.right()):
        for y in range(cell.top() + 1, cell.bottom()):
            colour = QColor(image.pixel(x, y))
            r, g, b = colour.red(), colour.green(), colour.blue()
            if b > r + 60 and b > 90 and g < 140:  # the visits' blue, #0b4a9e, and its softened edges
                blue = blue.united(QRect(x, y, 1, 1))
            elif r < 110 and g < 110 and b < 110:  # the day number's black
                dark = dark.united(QRect(x, y, 1, 1))
    return dark, blue


def test_at_the_biggest_text_size_the_day_numbers_and_the_visits_are_painted_apart(qtbot, biggest_text):
    calendar = PaintedCalendar()
    qtbot.addWidget(calendar)
    calendar.setSelectedDate(QDate(2026, 11, 30))  # no chosen day over the ones looked at
    calendar.setCurrentPage(2026, 11)
    calendar.visits = dict(NOVEMBER)
    calendar.show()
    qtbot.waitExposed(calendar)
    image = calendar.grab().toImage()
    viewport = calendar.findChild(QTableView, "qt_calendar_calendarview").viewport()
    offset = viewport.mapTo(calendar, QPoint(0, 0))  # the cells are painted in the view's coordinates

    for day in NOVEMBER:
        cell = calendar.cells[day].translated(offset)
        number, visits = calendar.text_rects(calendar.cells[day], QDate(day.year, day.month, day.day))
        assert visits is not None and not number.intersects(visits), day  # where the calendar paints them
        dark, blue = painted_boxes(image, cell)
        assert not dark.isNull() and not blue.isNull(), day
        # what was painted: the number wholly above the visits, with a gap between
        assert dark.bottom() < blue.top(), (day, dark, blue)
        assert cell.contains(dark) and cell.contains(blue), day


def test_the_calendar_grows_with_the_text_size_also_when_it_is_changed_with_the_calendar_shown(qtbot, qapp):
    calendar = MonthCalendar()
    qtbot.addWidget(calendar)
    calendar.show()
    normal = calendar.size()
    style.apply(qapp, "storst")  # as Inställningar changes it
    try:
        QApplication.processEvents()
        assert calendar.height() > normal.height() and calendar.width() > normal.width()
        assert calendar.size() == MonthCalendar().size()  # as if built at that size
    finally:
        style.apply(qapp, "normal")
