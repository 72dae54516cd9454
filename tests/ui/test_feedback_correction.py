"""Tyck till: a registered item corrected in the form, and the form not left without asking."""

from PySide6.QtCore import Qt

from seniorhalsan.services import feedback, feedback_register
from seniorhalsan.ui.pages.feedback import page as feedback_page
from seniorhalsan.ui.pages.feedback.page import FORM, REGISTER
from tests import factories
from tests.ui.feedback_helpers import D, add, choose, open_page, selected_ids


def test_an_item_is_corrected_in_the_form_and_read_back(window, qtbot, db):
    axelsberg, grondal = factories.place_named(db, "Axelsberg"), factories.place_named(db, "Gröndal")
    item = add(db, D(2026, 9, 1), place_id=axelsberg.id, contact="Bo", text="Fler tider for gympan.")
    page = open_page(window)
    assert page.select_feedback(item.id)
    form = page.form
    qtbot.mouseClick(page.detail.edit, Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == FORM and page.tabs.tabText(FORM) == "Ändra synpunkt"
    assert form.register.text() == "Spara än&dringen" and not form.cancel_button.isHidden()
    assert "mottagen 1 september 2026" in form.editing_note.text()
    assert (form.received.date_value(), form.place.currentData(), form.type_key(), form.sender.currentData()) == (
        D(2026, 9, 1), axelsberg.id, "synpunkt", "senior")
    assert form.text.toPlainText() == "Fler tider for gympan." and form.contact.text() == "Bo"
    assert not page.has_unsaved_changes()

    form.received.set_date(D(2026, 9, 3))  # the due date follows, as it was never set by hand
    assert form.due.date_value() == D(2026, 10, 3)
    choose(form.place, grondal.id)
    form.text.selectAll()
    qtbot.keyClicks(form.text, "Fler tider for gympan, tack.")
    assert page.has_unsaved_changes()
    qtbot.mouseClick(form.register, Qt.MouseButton.LeftButton)

    [saved] = db.read(feedback_register.list_feedback)
    assert (saved.id, saved.received_on, saved.place_id, saved.text, saved.response_due, saved.contact) == (
        item.id, D(2026, 9, 3), grondal.id, "Fler tider for gympan, tack.", D(2026, 10, 3), "Bo")
    assert saved.version != item.version
    # back to a blank registration form; the register shows the new values with the item still selected
    assert form.editing is None and form.register.text() == "&Registrera" and form.cancel_button.isHidden()
    assert page.tabs.tabText(FORM) == "Registrera ny" and form.text.toPlainText() == ""
    assert form.received.date_value() == D(2026, 11, 20) and not page.has_unsaved_changes()
    assert page.tabs.currentIndex() == REGISTER
    listed = page.register_list
    current = listed.model.row_at(listed.table.currentIndex().row())
    assert (current.id, current.place_id, current.received_on) == (item.id, grondal.id, D(2026, 9, 3))
    assert page.detail.item == saved and "Gröndal" in page.detail.facts.text()

    # Avbryt leaves the item as it was
    page.detail.edit.click()
    form.text.setPlainText("Något helt annat")
    form.cancel_button.click()
    assert form.editing is None and not page.has_unsaved_changes() and page.tabs.currentIndex() == REGISTER
    assert db.read(feedback.get_feedback, item.id) == saved


def test_a_refused_correction_is_explained_under_its_fields_and_saves_nothing(window, db, unchanged):
    item = add(db)
    page = open_page(window)
    page.select_feedback(item.id)
    page.detail.edit.click()
    form = page.form
    form.text.setPlainText("   ")
    form.received.set_date(D(2026, 12, 1))  # after today
    with unchanged():
        assert page.save_changes() is False
    assert form.errors.message_for("text").startswith("Måste fyllas i")
    assert "framtiden" in form.errors.message_for("received_on")
    assert form.editing.id == item.id and page.has_unsaved_changes()
    assert db.read(feedback.get_feedback, item.id) == item


def test_a_correction_of_an_item_someone_else_changed_is_refused_and_shows_theirs(window, db):
    grondal = factories.place_named(db, "Gröndal")
    item = add(db, contact="Bo")
    page = open_page(window)
    page.select_feedback(item.id)
    page.detail.edit.click()
    form = page.form
    form.text.setPlainText("Min rättelse")
    theirs = db.call(feedback.update_feedback, item.id, place_id=grondal.id, contact="Bo, 08-123 45")  # meanwhile
    assert page.submit_form() is False
    assert "ändrats av någon annan" in form.general.text() and not form.general.isHidden()
    assert form.editing == theirs and form.place.currentData() == grondal.id
    assert form.contact.text() == "Bo, 08-123 45" and form.text.toPlainText() == item.text
    assert db.read(feedback.get_feedback, item.id) == theirs
    listed = page.register_list
    assert listed.model.row_at(listed.row_of(item.id)).place_id == grondal.id  # the register shows theirs too

    form.text.setPlainText("Min rättelse")  # done again on their version, it is saved
    assert page.submit_form()
    saved = db.read(feedback.get_feedback, item.id)
    assert (saved.text, saved.place_id) == ("Min rättelse", grondal.id)


def test_a_correction_is_not_left_without_asking(window, qtbot, db, monkeypatch):
    from seniorhalsan.ui import main_window

    first, second = add(db, D(2026, 9, 1), text="Första"), add(db, D(2026, 9, 2), text="Andra")
    page = open_page(window, FORM)
    listed = page.register_list
    page.form.text.setPlainText("En ny som inte är registrerad")
    asked = []
    monkeypatch.setattr(feedback_page, "ask_unsaved", lambda parent, text: asked.append(text) or None)
    page.select_feedback(first.id)
    assert page.edit_item(first) is False and page.form.editing is None  # the new one is not thrown away
    assert page.form.text.toPlainText() == "En ny som inte är registrerad"
    monkeypatch.setattr(feedback_page, "ask_unsaved", lambda parent, text: asked.append(text) or "discard")
    assert page.edit_item(first) and page.form.text.toPlainText() == "Första"

    page.form.text.setPlainText("Första, rättad")
    confirmed = []
    monkeypatch.setattr(main_window, "confirm_unsaved", lambda parent, p: confirmed.append(p) or False)
    window.show_page("attendance")
    assert confirmed == [page] and window.current_key == "feedback"

    page.tabs.setCurrentIndex(REGISTER)
    monkeypatch.setattr(feedback_page, "ask_unsaved", lambda parent, text: asked.append(text) or None)  # stay
    where = listed.table.visualRect(listed.model.index(listed.row_of(second.id), 0)).center()
    qtbot.mouseClick(listed.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: selected_ids(page) == [first.id], timeout=1000)
    assert page.detail.item.id == first.id and page.form.text.toPlainText() == "Första, rättad"
    assert listed.model.row_at(listed.table.currentIndex().row()).id == first.id
    monkeypatch.setattr(feedback_page, "ask_unsaved", lambda parent, text: asked.append(text) or "save")
    listed.table.setCurrentIndex(listed.model.index(listed.row_of(second.id), 0))
    assert page.detail.item.id == second.id and page.form.editing is None
    assert listed.model.row_at(listed.table.currentIndex().row()).id == second.id
    assert db.read(feedback.get_feedback, first.id).text == "Första, rättad"
    assert len(asked) == 4 and "ändrat synpunkten" in asked[-1]

    page.edit_item(second)
    page.form.text.setPlainText("Andra, rättad")
    monkeypatch.setattr(feedback_page, "ask_unsaved", lambda parent, text: "discard")
    listed.table.setCurrentIndex(listed.model.index(listed.row_of(first.id), 0))
    assert page.detail.item.id == first.id and page.form.editing is None and not page.has_unsaved_changes()
    assert db.read(feedback.get_feedback, second.id).text == "Andra"
