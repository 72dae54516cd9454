"""Närvaro typed as a coordinator types it: nothing typed lands in the wrong place or is lost."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from seniorhalsan.services import attendance_days
from seniorhalsan.ui import i18n
from seniorhalsan.ui.pages.attendance.extra import ExtraSessionDialog
from seniorhalsan.ui.pages.attendance.model import CANCELLED, MEN, NEW, NOTE, OTHER, TOTAL, WOMEN
from tests import factories
from tests.conftest import TODAY
from tests.ui.attendance_helpers import NEXT_TUESDAY, TUESDAY, WEDNESDAY, autumn, ctrl, focused, open_day, type_keys

REAL_EXEC = QDialog.exec  # taken before the tests' guard against unanswered dialogs replaces it


@pytest.fixture
def place(db):
    return autumn(db)


def saved(db, place, day):
    return [(s.activity_name, s.women, s.men, s.other, s.total, s.new_visitors, s.cancelled, s.note)
            for s in db.read(attendance_days.day_sessions, place_id=place.id, day=day)]


def test_a_typed_date_opens_that_day_once_and_is_one_tab_stop(window, qtbot, db, place):
    page = open_day(window, place, TODAY)
    opened = []
    page.model.modelReset.connect(lambda: opened.append(page.day))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # "&Dag:"
    assert focused() is page.date
    type_keys(qtbot, "2026-11-18")
    assert page.day == WEDNESDAY and opened == [WEDNESDAY]  # not 1 November, 11 November, …
    assert [r.session.activity_name for r in page.model.rows] == ["Qigong"]

    focused().selectAll()
    type_keys(qtbot, "20261117")
    assert page.day == TUESDAY and opened == [WEDNESDAY, TUESDAY]

    focused().selectAll()
    type_keys(qtbot, "18/11")  # could still become 18/11/2027: it counts on Enter
    assert page.day == TUESDAY
    type_keys(qtbot, "\n")
    assert page.day == WEDNESDAY and page.date.text() == "2026-11-18"
    assert opened == [WEDNESDAY, TUESDAY, WEDNESDAY]

    type_keys(qtbot, "\t")  # one Tab leaves the date for the day's first count
    assert focused() is not page.date and page.table.isAncestorOf(focused())
    assert page.table.currentIndex().column() == WOMEN


def test_the_first_key_after_an_extra_session_lands_in_its_first_count(window, qtbot, db, place, monkeypatch):
    trip = factories.activity(db, "Utflykt", kind="utflykt")
    page = open_day(window, place, WEDNESDAY)
    monkeypatch.setattr(ExtraSessionDialog, "exec", REAL_EXEC)  # the real dialog, answered with the keyboard

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExtraSessionDialog)
        dialog.activity.setCurrentIndex(dialog.activity.findText(trip.name))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Lägg till

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(page.add_extra, Qt.MouseButton.LeftButton)
    assert page.model.rows[-1].session.activity_name == "Utflykt"
    window.activateWindow()  # what the desktop does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    type_keys(qtbot, "30\t10")
    ctrl(qtbot, Qt.Key.Key_S)
    assert ("Utflykt", 30, 10, 0, 40, None, False, None) in saved(db, place, WEDNESDAY)


def test_tab_and_enter_walk_only_the_counts_and_inställt_and_anteckning_have_keys(window, qtbot, db, place):
    page = open_day(window, place, TUESDAY)
    table = page.table
    assert [r.session.activity_name for r in page.model.rows] == ["Seniorgympa", "Kör"]
    page.table.focus_first_cell()
    walked = [(table.currentIndex().row(), table.currentIndex().column())]
    type_keys(qtbot, "12")
    for key in "\t\t\t\t\n\t\t\t":
        type_keys(qtbot, key)
        walked.append((table.currentIndex().row(), table.currentIndex().column()))
    # with women typed the total is counted, not typed: Övriga goes on to Nya; on an empty row
    # Totalt is a stop of its own
    assert walked == [(0, WOMEN), (0, MEN), (0, OTHER), (0, NEW), (1, WOMEN), (1, MEN), (1, OTHER), (1, TOTAL),
                      (1, NEW)]
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert table.currentIndex() == page.model.index(1, TOTAL)

    ctrl(qtbot, Qt.Key.Key_I)  # Kör was cancelled: its counts are not kept, and not shown
    assert page.model.rows[1].value("cancelled") and table.currentIndex().column() == CANCELLED
    assert page.model.data(page.model.index(1, WOMEN)) == ""
    ctrl(qtbot, Qt.Key.Key_N)
    assert table.currentIndex().column() == NOTE and focused() is table.indexWidget(table.currentIndex())
    type_keys(qtbot, "Ledaren sjuk\n")
    ctrl(qtbot, Qt.Key.Key_S)
    assert saved(db, place, TUESDAY) == [
        ("Seniorgympa", 12, 0, 0, 12, None, False, None),
        ("Kör", None, None, None, None, None, True, "Ledaren sjuk"),
    ]

    page.table.focus_first_cell()  # Ctrl+I again: held after all, and its counts come next
    table.setCurrentIndex(page.model.index(1, CANCELLED))
    ctrl(qtbot, Qt.Key.Key_I)
    assert not page.model.rows[1].value("cancelled") and table.currentIndex() == page.model.index(1, WOMEN)
    type_keys(qtbot, "7\t")
    assert page.model.rows[1].value("women") == 7


def test_a_future_day_cannot_be_typed_in_and_says_why(window, qtbot, db, place):
    page = open_day(window, place, NEXT_TUESDAY)
    assert [r.session.activity_name for r in page.model.rows] == ["Seniorgympa", "Kör"]
    assert page.future_note.isVisibleTo(page) and "inte varit ännu" in page.future_note.text()
    assert not page.add_extra.isEnabled() and "inte varit ännu" in page.add_extra.toolTip()
    assert "inte varit ännu" in page.model.data(page.model.index(0, WOMEN), Qt.ItemDataRole.ToolTipRole)
    page.activated()
    type_keys(qtbot, "12\t3")
    ctrl(qtbot, Qt.Key.Key_I)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=page.table.visualRect(page.model.index(0, WOMEN)).center())
    type_keys(qtbot, "5")
    assert not page.has_unsaved_changes() and not page.save.isEnabled()
    ctrl(qtbot, Qt.Key.Key_S)
    assert window.statusBar().currentMessage() == ""
    assert saved(db, place, NEXT_TUESDAY) == [("Seniorgympa",) + (None,) * 5 + (False, None),
                                             ("Kör",) + (None,) * 5 + (False, None)]


def test_the_status_line_says_saved_only_after_a_save(window, qtbot, db, place):
    page = open_day(window, place, TUESDAY)
    page.table.focus_first_cell()
    type_keys(qtbot, "12\t3\t\t2")
    ctrl(qtbot, Qt.Key.Key_S)
    assert window.statusBar().currentMessage() == "Sparat: 1 tillfälle 17 november."
    assert saved(db, place, TUESDAY)[0] == ("Seniorgympa", 12, 3, 0, 15, 2, False, None)  # Ctrl+S kept the "2"
    page.table.edit_cell(0, NEW)
    type_keys(qtbot, "99")  # more new visitors than visitors: refused
    ctrl(qtbot, Qt.Key.Key_S)
    assert "Inget sparades" in page.error.text() and window.statusBar().currentMessage() == ""
    assert page.has_unsaved_changes()


def test_changing_the_place_with_typed_counts_asks_first(window, qtbot, db, place, monkeypatch):
    from seniorhalsan.ui.pages.attendance import page as attendance_page

    page = open_day(window, place, TUESDAY)
    page.table.focus_first_cell()
    type_keys(qtbot, "12")
    page.table.setFocus()  # the editor closes: the count is in the row
    asked = []
    monkeypatch.setattr(attendance_page, "confirm_unsaved", lambda parent, p: asked.append(p) or False)
    other = next(i for i in range(page.place.count()) if page.place.itemData(i) != place.id)
    page.place.setCurrentIndex(other)
    assert asked == [page] and page.place.currentData() == place.id
    assert page.model.rows[0].value("women") == 12


def test_the_history_has_room_for_several_rows(window, place):
    page = open_day(window, place, TUESDAY)
    rows = page.history_view.verticalHeader().defaultSectionSize()
    assert page.history_view.viewport().height() >= 5 * rows


def test_the_day_is_written_with_its_own_capitals_in_each_language(window, place):
    page = open_day(window, place, WEDNESDAY.replace(day=25))
    assert page.day_title.text() == "Onsdag 25 november 2026"
    i18n.set_language("en")
    assert page.day_title.text() == "Wednesday, 25 November 2026"  # not "Wednesday, 25 november"
    assert page.month_total.text() == "November 2026: 0 visits at 0 sessions"
    assert page.help.text().startswith("Type the number of women")
