"""What the Närvaro tests share: an autumn term around the tests' today, a day opened, keys typed."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from seniorhalsan.services import schedule
from tests import factories

D = dt.date
TUESDAY, WEDNESDAY = D(2026, 11, 17), D(2026, 11, 18)  # the tests' today is Friday 20 November
NEXT_TUESDAY = D(2026, 11, 24)


def autumn(db):
    """Axelsberg's autumn: Seniorgympa 10–11 and Kör 13–14 on Tuesdays, Qigong 10–11 on Wednesdays."""
    axelsberg = factories.place_named(db, "Axelsberg")
    leader = factories.staff_member(db, "Maria Berglind")
    term = factories.term(db, kind="ht", year=2026, starts_on=D(2026, 8, 24), ends_on=D(2026, 12, 11))
    for name, weekday, hour in (("Seniorgympa", 2, 10), ("Kör", 2, 13), ("Qigong", 3, 10)):
        activity = factories.activity(db, name, leader_id=leader.id)
        db.call(schedule.add_entry, term_id=term.id, activity_id=activity.id, place_id=axelsberg.id,
                weekday=weekday, starts_at=dt.time(hour), ends_at=dt.time(hour + 1))
    return axelsberg


def open_day(window, place, day):
    window.show_page("attendance")
    page = window.page("attendance")
    page.place.setCurrentIndex(page.place.findData(place.id))
    page.set_day(day)
    page.activated()  # as when the user comes to the page: what others saved meanwhile is read
    return page


def focused():
    return QApplication.focusWidget()


def type_keys(qtbot, text):
    """Type into whatever has the focus, as a user would: \\t is Tab, \\n is Enter."""
    for key in text:
        if key == "\t":
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        elif key == "\n":
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(focused(), key)


def ctrl(qtbot, key):
    qtbot.keyClick(focused(), key, Qt.KeyboardModifier.ControlModifier)
