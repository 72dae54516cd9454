"""Tyck till keeps what is typed: a save of one part keeps the other's text, an item that leaves
the filtered list keeps its panel, and a typed date counts as typed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from seniorhalsan.services import feedback_register
from seniorhalsan.ui.pages.feedback.page import FORM
from tests.ui.feedback_helpers import D, add, choose, open_page

FILTERS = {
    "alla": lambda filters: None,
    "obesvarade": lambda filters: choose(filters.status, "obesvarad"),
    "bara försenade": lambda filters: filters.overdue.setChecked(True),
}


def focused():
    return QApplication.focusWidget()


def type_into(qtbot, widget, text):
    """Click into the field and type, as the user does (QTest types ASCII only)."""
    qtbot.mouseClick(widget.viewport() if hasattr(widget, "viewport") else widget, Qt.MouseButton.LeftButton)
    assert focused() is widget
    qtbot.keyClicks(widget, text)


@pytest.mark.parametrize("shown_by", FILTERS)
def test_saving_the_answer_keeps_the_typed_action_and_the_panel(window, qtbot, db, shown_by):
    item = add(db, D(2026, 9, 1), contact="Cia, Storgatan 1")  # overdue since 2 October
    page = open_page(window)
    FILTERS[shown_by](page.register_list.filters)
    assert page.select_feedback(item.id)
    detail = page.detail
    type_into(qtbot, detail.answer_text, "Ringde Cia.")
    type_into(qtbot, detail.action_text, "Fler tider fran januari.")
    qtbot.mouseClick(detail.save_answer, Qt.MouseButton.LeftButton)

    [saved] = db.read(feedback_register.list_feedback)
    assert saved.answer_text == "Ringde Cia." and saved.action_text is None
    assert detail.item.id == item.id and detail.stack.currentIndex() == 1  # the panel stays
    assert detail.action_text.toPlainText() == "Fler tider fran januari."  # and so does the typed åtgärd
    assert detail.answer_text.toPlainText() == "Ringde Cia." and page.has_unsaved_changes()
    left = shown_by != "alla"
    assert (page.register_list.row_of(item.id) is None) == left  # answered: no longer waiting
    assert detail.unlisted.isVisibleTo(page) == left
    assert window.statusBar().currentMessage() == "Sparat."

    qtbot.mouseClick(detail.save_action, Qt.MouseButton.LeftButton)  # the åtgärd, after the answer
    [done] = db.read(feedback_register.list_feedback)
    assert (done.answer_text, done.action_text, done.action_on) == ("Ringde Cia.", "Fler tider fran januari.",
                                                                    D(2026, 11, 20))
    assert not page.has_unsaved_changes() and detail.item.id == item.id


def test_saving_the_action_keeps_the_typed_answer(window, qtbot, db):
    item = add(db, D(2026, 9, 1), contact="Cia")
    page = open_page(window)
    choose(page.register_list.filters.status, "obesvarad")
    assert page.select_feedback(item.id)
    detail = page.detail
    type_into(qtbot, detail.answer_text, "Skrev ett brev.")
    type_into(qtbot, detail.action_text, "Nytt pass.")
    qtbot.mouseClick(detail.save_action, Qt.MouseButton.LeftButton)
    assert db.read(feedback_register.list_feedback)[0].action_text == "Nytt pass."
    assert page.register_list.row_of(item.id) is not None  # acted on, but still waiting for its answer
    assert detail.answer_text.toPlainText() == "Skrev ett brev." and detail.answer_dirty()


def test_an_item_that_left_the_list_gives_way_when_the_user_moves_on(window, qtbot, db):
    first = add(db, D(2026, 9, 1), contact="Cia")
    second = add(db, D(2026, 9, 2), contact="Bo")
    page = open_page(window)
    choose(page.register_list.filters.status, "obesvarad")
    page.select_feedback(first.id)
    type_into(qtbot, page.detail.answer_text, "Svar.")
    qtbot.mouseClick(page.detail.save_answer, Qt.MouseButton.LeftButton)
    assert page.detail.item.id == first.id and page.detail.is_unlisted
    page.register_list.go_to(page.register_list.row_of(second.id))  # the next one
    assert page.detail.item.id == second.id and not page.detail.unlisted.isVisibleTo(page)

    type_into(qtbot, page.detail.answer_text, "Svar.")
    qtbot.mouseClick(page.detail.save_answer, Qt.MouseButton.LeftButton)
    assert page.detail.item.id == second.id
    choose(page.register_list.filters.status, "besvarad")  # another filter, nothing typed: moved on
    assert page.detail.item is None or page.register_list.row_of(page.detail.item.id) is not None


def test_a_typed_receipt_date_counts_as_typed_and_the_due_date_follows(window, qtbot, db):
    page = open_page(window, FORM)
    form = page.form
    qtbot.keyClick(form, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "&Mottagen:"
    assert focused() is form.received
    qtbot.keyClicks(focused(), "2026-11-18")
    assert (form.received.date_value(), form.due.date_value()) == (D(2026, 11, 18), D(2026, 12, 18))
    focused().selectAll()
    qtbot.keyClicks(focused(), "20261017")
    assert (form.received.date_value(), form.due.date_value()) == (D(2026, 10, 17), D(2026, 11, 17))

    focused().selectAll()
    qtbot.keyClicks(focused(), "3/11")  # counts on Ctrl+Enter too, and the due date follows first
    form.type_buttons["synpunkt"].setChecked(True)
    choose(form.about, "bemotande")
    form.text.setPlainText("Fint bemötande i receptionen.")
    form.received.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [item] = db.read(feedback_register.list_feedback)
    assert (item.received_on, item.response_due) == (D(2026, 11, 3), D(2026, 12, 3))


def test_a_date_that_is_no_date_is_refused_at_its_field(window, qtbot, db, unchanged):
    page = open_page(window, FORM)
    form = page.form
    form.type_buttons["synpunkt"].setChecked(True)
    choose(form.about, "bemotande")
    form.text.setPlainText("Text.")
    form.received.setFocus()
    form.received.selectAll()
    qtbot.keyClicks(form.received, "31/2")
    with unchanged():
        assert page.submit_form() is False
    assert "'31/2' är inget datum" in form.errors.message_for("received_on")
