"""Counts still missing: marked in Närvaro's calendar, and listed for a period as `attendance missing` lists them."""

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt

from seniorhalsan.operations.attendance import RecordCounts
from seniorhalsan.services import attendance_days
from seniorhalsan.services.attendance import CountInput
from seniorhalsan.services.attendance_slots import SessionKey
from seniorhalsan.ui.pages.attendance.calendar import MISSING_COLOUR
from seniorhalsan.ui.pages.attendance.model import WOMEN
from tests import commandline
from tests.conftest import TODAY
from tests.ui.attendance_helpers import TUESDAY, WEDNESDAY, D, autumn, ctrl, focused, open_day, type_keys


@pytest.fixture
def place(db):
    return autumn(db)


def record(db, place, day, activity, **counts):
    session = next(s for s in db.read(attendance_days.day_sessions, place_id=place.id, day=day)
                   if s.activity_name == activity)
    db.perform(RecordCounts((CountInput(SessionKey(place.id, day, schedule_entry_id=session.schedule_entry_id),
                                        **counts),)))


def red_pixels(widget) -> int:
    image = widget.grab().toImage()
    wanted = MISSING_COLOUR.rgb()
    return sum(image.pixel(x, y) == wanted for x in range(0, image.width()) for y in range(0, image.height(), 2))


def test_the_calendar_marks_past_days_whose_planned_sessions_lack_counts(db, place, window):
    record(db, place, TUESDAY, "Seniorgympa", total=12)  # Kör that day still lacks its count
    record(db, place, WEDNESDAY, "Qigong", cancelled=True)  # a cancelled session lacks nothing
    record(db, place, D(2026, 11, 10), "Seniorgympa", total=9)
    record(db, place, D(2026, 11, 10), "Kör", total=20)
    page = open_day(window, place, TODAY)
    november = {D(2026, 11, d) for d in (3, 4, 11, 17)}  # Tuesdays and Wednesdays since the 1st, less the done
    assert page.calendar.missing == november  # not today (not over yet), not the days to come
    assert not page.missing_legend.isHidden()
    marked = red_pixels(page.calendar)
    assert marked > 0

    record(db, place, TUESDAY, "Kör", total=25)
    window.show_page("feedback")
    window.show_page("attendance")  # shown again: read again
    assert page.calendar.missing == november - {TUESDAY}
    assert 0 < red_pixels(page.calendar) < marked


def test_the_missing_counts_view_lists_what_attendance_missing_lists_and_opens_the_day(window, qtbot, db, place):
    record(db, place, TUESDAY, "Seniorgympa", total=12)
    page = open_day(window, place, TODAY)
    qtbot.mouseClick(page.show_missing, Qt.MouseButton.LeftButton)
    dialog = page.missing_dialog
    assert dialog.isVisible() and dialog.period.currentText() == "T3 (sep–dec) 2026"
    assert "T2 (maj–aug) 2026" in [dialog.period.itemText(i) for i in range(dialog.period.count())]

    dialog.first.set_date(D(2026, 11, 1))
    dialog.last.set_date(D(2026, 11, 18))
    assert dialog.period.currentText() == "Egen period"
    window.app.ops.wait()
    qtbot.waitUntil(lambda: dialog.count.text() != "Letar …")
    cli = commandline.run("--db-url", db.url, "attendance", "missing", "--from", "2026-11-01", "--to", "2026-11-18",
                          "--json")
    assert cli.returncode == 0
    listed = [{"date": m.day.isoformat(), "place": m.place_name, "start": m.starts_at.strftime("%H:%M"),
               "activity": m.activity_name, "leader": m.leader_name} for m in dialog.model.rows]
    assert listed == json.loads(cli.stdout)
    assert [(r["date"], r["activity"]) for r in listed] == [
        ("2026-11-03", "Seniorgympa"), ("2026-11-03", "Kör"), ("2026-11-04", "Qigong"),
        ("2026-11-10", "Seniorgympa"), ("2026-11-10", "Kör"), ("2026-11-11", "Qigong"),
        ("2026-11-17", "Kör"), ("2026-11-18", "Qigong")]
    assert dialog.count.text() == "8 planerade tillfällen saknar antal."

    row = next(i for i, m in enumerate(dialog.model.rows) if m.day == TUESDAY)
    where = dialog.view.visualRect(dialog.model.index(row, 0)).center()
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.day == TUESDAY and page.place.currentData() == place.id
    assert page.table.currentIndex() == page.model.index(1, WOMEN)  # Kör, the one still without counts
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None and page.table.isAncestorOf(focused()))
    type_keys(qtbot, "18")
    ctrl(qtbot, Qt.Key.Key_S)
    window.app.ops.wait()
    qtbot.waitUntil(lambda: len(dialog.model.rows) == 7)  # the list follows the save
    assert dialog.count.text() == "7 planerade tillfällen saknar antal."
    assert TUESDAY not in {m.day for m in dialog.model.rows}

    dialog.last.set_date(D(2026, 11, 2))
    window.app.ops.wait()
    qtbot.waitUntil(lambda: dialog.count.text() == "Inga planerade tillfällen saknar antal i perioden.")
    dialog.close()


def test_a_period_that_ends_before_it_begins_is_said_so(window, qtbot, place):
    page = open_day(window, place, TODAY)
    dialog = page.open_missing()
    dialog.last.set_date(dt.date(2026, 9, 1))
    dialog.first.set_date(dt.date(2026, 10, 1))
    window.app.ops.wait()
    qtbot.waitUntil(lambda: "före den börjar" in dialog.count.text())
    assert dialog.model.rowCount() == 0
    dialog.close()
