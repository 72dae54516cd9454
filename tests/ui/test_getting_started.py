"""Kom igång: a new unit follows the checklist with the keyboard, from an empty database to a
term with a schedule, and enters its first day's counts."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from seniorhalsan.operations.catalogue import UpdatePlace
from seniorhalsan.services import activities, attendance_days, places, schedule, staff, texts
from seniorhalsan.ui.main_window import START
from seniorhalsan.ui.pages.activities.dialogs import EntryDialog, TermDialog
from tests.conftest import TODAY
from tests.ui.keys import press, write

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def back_to_the_list(window):
    """Ctrl+Shift+K, as Hjälp → Kom igång."""
    press(Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.current_key == START


def alt(qtbot, key):
    """Alt+letter: a button's mnemonic clicks it a moment later (as it shows the press)."""
    before = QApplication.focusWidget()
    press(key, ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not before, timeout=2000)


def focused_text():
    widget = QApplication.focusWidget()
    return widget.text().replace("&", "") if hasattr(widget, "text") else type(widget).__name__


def answered_with_enter(qtbot, *dialog_classes):
    """A dialog that opens is shown and answered with Enter (its default button), as a user would."""

    def exec_(dialog):
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                        and QApplication.focusWidget().window() is dialog)
        press(Qt.Key.Key_Return)
        result = dialog.result()
        if dialog.isVisible():  # refused: nothing is answered here that a user would not see
            dialog.done(0)
        main = dialog.parentWidget().window()
        main.activateWindow()  # the window has the keyboard again, as when a dialog closes
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                        and QApplication.focusWidget().window() is main)
        return result

    return [(cls, exec_) for cls in dialog_classes]


@pytest.fixture
def new_unit(db):
    """A database as a new unit gets it: the places' names, nothing of its own."""
    for place in db.read(places.list_places):
        db.perform(UpdatePlace(place.id, address=""))
    return db


def test_a_new_unit_follows_the_checklist_with_the_keyboard_to_its_first_days_counts(
        new_unit, qtbot, tmp_path, monkeypatch):
    from seniorhalsan.ui.app import build
    from seniorhalsan.ui.settings import SettingsStore

    db = new_unit
    _context, window = build(db, SettingsStore(tmp_path / "fonster.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for dialog_class, exec_ in answered_with_enter(qtbot, TermDialog, EntryDialog):
        monkeypatch.setattr(dialog_class, "exec", exec_)

    # an empty database opens on the list, the cursor on its first step
    assert window.current_key == START
    listed = window.start_view
    assert [listed.marks[s].text() for s in ("unit", "places", "staff", "activities", "schedule")] == \
        ["1.", "2.", "3.", "4.", "5."]
    assert focused_text() == "Skriv enhetens uppgifter"
    assert window.start_button.isVisible() and "0 av 5" in window.start_button.text()

    # 1. the unit's contact details
    press(Qt.Key.Key_Space)
    assert window.current_key == "unit"
    write("08-508 12 345\t\tseniorhalsan@example.org")  # phone, (phone hours,) e-mail
    press(Qt.Key.Key_S, CTRL)
    assert db.read(texts.get_text, texts.CONTACT_PHONE) == "08-508 12 345"
    assert db.read(texts.get_text, texts.CONTACT_EMAIL) == "seniorhalsan@example.org"
    back_to_the_list(window)
    assert listed.marks["unit"].text() == "✓" and focused_text() == "Gå till mötesplatserna"

    # 2. a meeting place with its address
    press(Qt.Key.Key_Space)
    alt(qtbot, Qt.Key.Key_Y)  # N&y mötesplats
    write("Träffpunkt Solgården\t\t")  # name, kind (a meeting place), address
    write("Solgårdsvägen 3\n")
    assert db.read(places.find_place, "Träffpunkt Solgården").address == "Solgårdsvägen 3"
    back_to_the_list(window)
    assert listed.marks["places"].text() == "✓" and focused_text() == "Lägg till medarbetare"

    # 3. a member of staff (the button to add one has the cursor: the list is empty)
    press(Qt.Key.Key_Space)
    assert focused_text() == "Ny medarbetare"
    press(Qt.Key.Key_Space)
    write("Tomas Fixare\n")
    assert [s.name for s in db.read(staff.list_staff)] == ["Tomas Fixare"]
    back_to_the_list(window)
    assert focused_text() == "Lägg till aktiviteter" and "3 av 5" in window.start_button.text()

    # 4. an activity, led by him
    press(Qt.Key.Key_Space)
    assert window.current_key == "activities"
    write("Seniorgympa")
    alt(qtbot, Qt.Key.Key_L)  # &Ledare
    write("T")
    press(Qt.Key.Key_S, CTRL)
    gympa = db.read(activities.find_activity, "Seniorgympa")
    assert gympa is not None and gympa.leader_name == "Tomas Fixare"
    back_to_the_list(window)
    assert focused_text() == "Lägg upp terminen och schemat"

    # 5. the term (its dates suggested), and the activity on Fridays at ten at the new place
    press(Qt.Key.Key_Space)
    assert focused_text() == "Ny termin …"
    press(Qt.Key.Key_Space)  # the term dialog: Enter takes the suggested term and dates
    term = db.read(schedule.list_terms)[0]
    assert term.code == "ht2026" and term.covers(TODAY)
    alt(qtbot, Qt.Key.Key_P)  # &Plats
    write("T")  # Träffpunkt Solgården
    press(Qt.Key.Key_Tab)  # into the week grid, Monday at eight
    for _ in range(TODAY.isoweekday() - 1):
        press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)  # an empty cell: a new entry there, Enter in its dialog saves it
    entries = db.read(schedule.list_schedule, term.id)
    assert [(e.activity_name, e.place_name, e.weekday, e.starts_at) for e in entries] == \
        [("Seniorgympa", "Träffpunkt Solgården", TODAY.isoweekday(), dt.time(10))]

    # everything is ticked: the Hjälp menu and the status line no longer offer the list
    assert not window.start_button.isVisible() and not window.menu.start_action.isVisible()
    window.show_start()  # (shown once more here, to see it say so)
    assert all(mark.text() == "✓" for mark in listed.marks.values())
    assert listed.finished.isVisible() and focused_text() == "Till Närvaro"

    # the first day's counts
    press(Qt.Key.Key_Space)
    assert window.current_key == "attendance"
    page = window.page("attendance")
    assert page.place.currentText().startswith("Träffpunkt Solgården") and page.day == TODAY
    page.table.focus_first_cell()
    write("14\t3\t0\t2\n")  # Enter: the last count is in too
    press(Qt.Key.Key_S, CTRL)
    held = db.read(attendance_days.day_sessions, place_id=entries[0].place_id, day=TODAY)
    assert [(s.activity_name, s.women, s.men, s.new_visitors) for s in held] == [("Seniorgympa", 14, 3, 2)]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_lists_buttons_have_letters_of_their_own(window, language):
    from seniorhalsan.ui import i18n
    from tests.ui.test_mnemonics import clashes, reachable_texts

    i18n.set_language(language)
    window.show_start()
    texts = reachable_texts(window)
    assert ("Write the &unit's details" if language == "en" else "Skriv &enhetens uppgifter") in texts
    assert not clashes(texts)
