"""Närvaro: a day's counts typed with the keyboard alone and read back through the services."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from seniorhalsan import stats
from seniorhalsan.services import attendance, attendance_days, schedule
from seniorhalsan.ui.pages.attendance.model import CANCELLED, TOTAL, WOMEN
from tests import factories

DAY = dt.date(2026, 3, 10)  # a Tuesday


@pytest.fixture
def planned(db):
    axelsberg = factories.place_named(db, "Axelsberg")
    gympa = factories.activity(db, "Seniorgympa")
    kor = factories.activity(db, "Kör", kind="kultur")
    term = factories.term(db)
    for activity, hour in ((gympa, 10), (kor, 13)):
        db.call(schedule.add_entry, term_id=term.id, activity_id=activity.id, place_id=axelsberg.id,
                weekday=2, starts_at=dt.time(hour), ends_at=dt.time(hour + 1))
    return axelsberg


def open_day(window, qtbot, place, day=DAY):
    window.show_page("attendance")
    page = window.page("attendance")
    page.place.setCurrentIndex(page.place.findData(place.id))
    page.set_day(day)
    return page


def type_text(qtbot, text):
    for key in text:
        if key == "\t":
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        elif key == "\n":
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(QApplication.focusWidget(), key)


def test_a_days_counts_are_typed_with_the_keyboard_and_saved(window, qtbot, db, planned):
    page = open_day(window, qtbot, planned)
    assert [r.session.activity_name for r in page.model.rows] == ["Seniorgympa", "Kör"]
    page.table.focus_first_cell()
    assert page.table.currentIndex().column() == WOMEN
    # gympa: 12 women, 3 men, 0 other, (total is computed and skipped), 2 new;
    # Tab then goes on to kör's counts (Inställt and Anteckning have keys of their own);
    # kör: Enter also moves on; the total alone
    type_text(qtbot, "12\t3\t0\t2\t" + "\t\t\t" + "25\n")
    assert page.has_unsaved_changes()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.has_unsaved_changes()

    saved = db.read(attendance_days.day_sessions, place_id=planned.id, day=DAY)
    assert [(s.activity_name, s.women, s.men, s.other, s.total, s.new_visitors) for s in saved] == [
        ("Seniorgympa", 12, 3, 0, 15, 2),
        ("Kör", None, None, None, 25, None),
    ]
    assert db.read(stats.year_stats, 2026).attendance.visits == 40


def test_a_refused_row_is_marked_and_nothing_is_saved(window, qtbot, db, planned, unchanged):
    page = open_day(window, qtbot, planned)
    page.model.setData(page.model.index(0, WOMEN), "5")
    page.model.setData(page.model.index(1, TOTAL), "4")
    page.model.setData(page.model.index(1, 6), "9")  # more new visitors than visitors
    with unchanged():
        assert page.save_changes() is False
    assert page.model.rows[1].error and "Nya besökare" in page.model.rows[1].error
    assert not page.error.isHidden() and "Inget sparades" in page.error.text()
    assert page.has_unsaved_changes()


def test_cancelling_and_an_extra_session(window, qtbot, db, planned):
    page = open_day(window, qtbot, planned)
    page.model.setData(page.model.index(0, CANCELLED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    event = factories.activity(db, "Öppen scen", kind="kultur")
    from seniorhalsan.ui.pages.attendance.model import extra_session

    row = page.model.add_extra(extra_session(event.id, event.name, "kultur", planned.id, "Axelsberg", DAY,
                                             dt.time(15), dt.time(17)))
    page.model.setData(page.model.index(row, TOTAL), "48")
    assert page.save_changes()
    saved = {s.activity_name: s for s in db.read(attendance_days.day_sessions, place_id=planned.id, day=DAY)}
    assert saved["Seniorgympa"].cancelled
    assert saved["Öppen scen"].total == 48 and saved["Öppen scen"].starts_at == dt.time(15)


@pytest.fixture
def counted(db, planned):
    gympa = db.read(attendance_days.day_sessions, place_id=planned.id, day=DAY)[0]
    db.call(attendance.record_attendance, schedule_entry_id=gympa.schedule_entry_id, held_on=DAY, women=7, men=1)
    return planned


def test_earlier_days_and_the_month(db, counted, planned, window, qtbot):
    page = open_day(window, qtbot, planned, dt.date(2026, 3, 17))
    assert page.calendar.visits == {DAY: 8}
    assert page.month_total.text() == "Mars 2026: 8 besök vid 1 tillfälle"  # one, not "1 tillfällen"
    assert page.history.rowCount() == 1
    page.history_view.doubleClicked.emit(page.history.index(0, 0))
    assert page.day == DAY
    assert page.model.rows[0].session.total == 8


def test_leaving_with_unsaved_counts_asks_first(window, qtbot, db, planned, monkeypatch):
    from seniorhalsan.ui import common

    page = open_day(window, qtbot, planned)
    page.model.setData(page.model.index(0, WOMEN), "5")
    asked = []
    monkeypatch.setattr(common, "confirm_unsaved", lambda parent, p: asked.append(p) or False)
    from seniorhalsan.ui import main_window

    monkeypatch.setattr(main_window, "confirm_unsaved", lambda parent, p: asked.append(p) or False)
    window.show_page("feedback")
    assert asked == [page]
    assert window.current_key == "attendance"


def test_the_history_model_passes_the_model_tester(window, qtbot, db, planned, qtmodeltester):
    for day in range(1, 20):
        activity_id = db.read(attendance_days.day_sessions, place_id=planned.id, day=DAY)[0].activity_id
        db.call(attendance.record_attendance, activity_id=activity_id,
                place_id=planned.id, held_on=dt.date(2026, 2, day), total=day)
    page = open_day(window, qtbot, planned)
    page.history.page = 5
    page.history.reload()
    qtmodeltester.check(page.history)
    qtmodeltester.check(page.model)
