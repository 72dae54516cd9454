"""Anmälan in the window: five people for a trip of four places from the keyboard, a cancellation
that says whom to call, the call list printed, who came ticked, and each role's view."""

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from seniorhalsan import stats
from seniorhalsan.services import accounts, attendance_days, signup_people
from seniorhalsan.ui.pages.signups import page as signups_page
from seniorhalsan.ui.pages.signups.models import NEW, PRESENT
from tests import factories
from tests.reports import pdftools
from tests.signup_helpers import PAST_TRIP_DAY, series, sign_up_people, trip

PEOPLE = [("Astrid Ek", "070-111 11 01", "K"), ("Bertil Holm", "070-111 11 02", "M"),
          ("Cecilia Lund", "070-111 11 03", "K"), ("David Berg", "070-111 11 04", ""),
          ("Elsa Nystrom", "070-111 11 05", "K")]


@pytest.fixture(autouse=True)
def windows_are_deleted_afterwards():
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def focused():
    return QApplication.focusWidget()


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def open_page(window):
    window.show_page("signups")
    return window.page("signups")


def test_five_people_for_four_places_from_the_keyboard_a_cancellation_and_the_call_list(
        window, qtbot, db, tmp_path, monkeypatch):
    occasion = trip(db, places=4)
    page = open_page(window)
    assert page.current.list_id == occasion.list_id
    people = page.people
    people.name.setFocus()
    for name, phone, gender in PEOPLE:
        assert focused() is people.name
        qtbot.keyClicks(focused(), name)
        key(qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), phone)
        key(qtbot, Qt.Key.Key_Tab)  # no e-mail
        key(qtbot, Qt.Key.Key_Tab)
        assert focused() is people.gender
        if gender:
            qtbot.wait(QApplication.keyboardInputInterval() + 20)  # a new search, not the letters typed before
            qtbot.keyClicks(focused(), gender)
        key(qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "rullator" if name.startswith("B") else "")
        key(qtbot, Qt.Key.Key_Return)
    assert people.message.text() == "Platserna är slut: Elsa Nystrom står som nummer 1 på reservlistan."
    assert [(p.name, p.gender, p.status) for p in people.model.rows] == [
        ("Astrid Ek", "kvinna", "plats"), ("Bertil Holm", "man", "plats"), ("Cecilia Lund", "kvinna", "plats"),
        ("David Berg", None, "plats"), ("Elsa Nystrom", "kvinna", "reserv")]
    assert people.model.rows[1].note == "rullator"
    assert page.title.text().startswith("Dagsutflykt till Skultuna bruk") and "4 av 4 platser" in page.title.text()

    asked = []
    monkeypatch.setattr(signups_page, "ask", lambda parent, title, text, yes=None: asked.append(text) or True)
    people.view.setFocus()
    people.view.setCurrentIndex(people.model.index(1, 0))
    key(qtbot, Qt.Key.Key_Delete)
    assert asked == ["Avanmäl Bertil Holm från Dagsutflykt till Skultuna bruk?"]
    assert people.message.text() == ("Bertil Holm är avanmäld. Ring Elsa Nystrom, 070-111 11 05: har fått plats 4 "
                                     "från reservlistan.")
    assert [p.name for p in db.read(signup_people.participants, occasion.list_id)] == [
        "Astrid Ek", "Cecilia Lund", "David Berg", "Elsa Nystrom"]

    target = tmp_path / "ringlista.pdf"
    monkeypatch.setattr(signups_page, "choose_file", lambda parent, suggested: str(target))
    page.call_button.click()
    qtbot.waitUntil(lambda: page.print_status.text().startswith("Sparad"), timeout=20_000)
    text = pdftools.text(target, tmp_path)
    assert "Ringlista" in text and "Elsa Nystrom" in text and "Bertil" not in text


def test_who_came_is_ticked_with_the_keyboard_and_counted_under_narvaro(window, qtbot, db):
    occasion = trip(db, day=PAST_TRIP_DAY)
    sign_up_people(db, occasion, 3)
    page = open_page(window)
    page.tabs.setCurrentWidget(page.ticks)
    ticks = page.ticks
    assert ticks.chosen_day() == PAST_TRIP_DAY
    ticks.view.setFocus()
    for row, column in ((0, PRESENT), (2, PRESENT), (2, NEW)):
        ticks.view.setCurrentIndex(ticks.model.index(row, column))
        key(qtbot, Qt.Key.Key_Space)
    assert page.has_unsaved_changes()
    ticks.save_button.click()
    assert "Sparat: 2 kom (kvinnor 2, män 0, övriga 0)" in ticks.result.text()
    assert not page.has_unsaved_changes()
    [session] = db.read(attendance_days.day_sessions, place_id=occasion.place_id, day=PAST_TRIP_DAY)
    assert (session.women, session.total, session.new_visitors) == (2, 2, 1)
    assert db.read(stats.year_stats, 2026).attendance.visits == 2


def test_an_instructor_sees_the_list_they_lead_without_the_sign_up_form(window, db):
    jonas = factories.staff_member(db, "Jonas Hedlund")
    trip(db, leader_id=jonas.id)
    series(db)
    for name, role, services in (("karin", "enhetschef", []), ("jonas", "instruktor", ["it_stod"])):
        db.call(accounts.create_account, username=name, password="ett-långt-lösen", role=role, services=services,
                staff_id=jonas.id if name == "jonas" else None)
        if name == "karin":
            db.actor = db.call(accounts.login, username="karin", password="ett-långt-lösen")
    db.actor = db.call(accounts.login, username="jonas", password="ett-långt-lösen")
    window.apply_role()
    page = open_page(window)
    assert [o.activity_name for o in page.occasions.rows] == ["Dagsutflykt till Skultuna bruk"]
    assert page.people.form_box.isHidden() and page.open_button.isHidden() and page.keep_box.isHidden()
    assert not page.participant_button.isHidden()
    db.actor = None  # the window's other pages are discarded as nobody's when the test ends


def test_a_reader_has_no_signup_page_but_the_figures(window, db):
    db.call(accounts.create_account, username="karin", password="ett-långt-lösen", role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password="ett-långt-lösen")
    db.call(accounts.create_account, username="lisa", password="ett-långt-lösen", role="lasare")
    db.actor = db.call(accounts.login, username="lisa", password="ett-långt-lösen")
    window.apply_role()
    assert not window.may_see("signups") and window.may_see("statistics")
    db.actor = None


def test_the_statistics_page_shows_the_years_sign_ups(window, qtbot, db):
    occasion = trip(db, day=PAST_TRIP_DAY, places=3)
    sign_up_people(db, occasion, 4)
    window.show_page("statistics")
    page = window.page("statistics")
    qtbot.waitUntil(lambda: not page.is_busy() and page.result is not None, timeout=20_000)
    model = page.signup_tab.model
    assert model.row_texts("Alla tillfällen med anmälan") == ["1", "3", "3", "0", "1", "3"]
    assert model.row_texts("Utflykt") == ["1", "3", "3", "0", "1", "3"]
    assert page.tabs.tabText(7) == "Anmälan"
    assert dt.date(2026, 1, 1) <= PAST_TRIP_DAY


def test_ctrl_2_opens_the_sign_up_page_next_to_attendance(window, qtbot):
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "signups"
    qtbot.keyClick(focused(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "attendance"


def test_the_unit_head_sets_how_long_names_stay_after_an_occasion(window, db):
    from seniorhalsan.services import signup_retention

    trip(db)
    page = open_page(window)
    assert not page.keep_box.isHidden() and page.keep_days.value() == 30
    page.keep_days.setValue(14)
    page.keep_save.click()
    assert db.read(signup_retention.retention_days) == 14
    assert page.print_status.text() == "Namn och telefon gallras 14 dagar efter tillfället."
