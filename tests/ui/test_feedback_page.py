"""Tyck till: a form registered and answered through the page, read back through the services."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from seniorhalsan import stats
from seniorhalsan.services import feedback, feedback_register, texts
from seniorhalsan.ui import i18n
from seniorhalsan.ui.models import WARNING_BACKGROUND
from seniorhalsan.ui.pages.feedback import page as feedback_page
from seniorhalsan.ui.pages.feedback.page import FORM, REGISTER, SUMMARY
from tests import factories
from tests.ui.feedback_helpers import D, add, choose, open_page, selected_ids


def test_register_a_feedback_item_and_answer_it(window, qtbot, db):
    axelsberg = factories.place_named(db, "Axelsberg")
    page = open_page(window, FORM)
    listed = page.register_list
    form = page.form
    assert form.received.date_value() == D(2026, 11, 20)  # today
    assert form.sender.currentData() == "senior" and form.channel.currentData() == "blankett"
    form.received.set_date(D(2026, 10, 2))
    assert form.due.date_value() == D(2026, 11, 2)  # a month later, unless changed by hand
    qtbot.mouseClick(form.type_buttons["klagomal"], Qt.MouseButton.LeftButton)
    choose(form.about, "bemotande")
    choose(form.place, axelsberg.id)
    qtbot.keyClicks(form.text, "Ledaren var otrevlig mot en ny deltagare.")
    qtbot.keyClicks(form.contact, "Astrid Ek, 08-123 45")
    assert page.has_unsaved_changes()
    qtbot.keyClick(form.contact, Qt.Key.Key_Return)  # Enter registers

    [item] = db.read(feedback_register.list_feedback)
    assert (item.received_on, item.type, item.from_key, item.about_key, item.place_id, item.channel) == (
        D(2026, 10, 2), "klagomal", "senior", "bemotande", axelsberg.id, "blankett")
    assert item.text == "Ledaren var otrevlig mot en ny deltagare." and item.contact == "Astrid Ek, 08-123 45"
    assert item.response_due == D(2026, 11, 2) and item.overdue
    assert not page.has_unsaved_changes() and form.text.toPlainText() == "" and form.type_key() is None
    assert "klagomål från Senior" in form.saved_note.text()
    assert window.waiting_label.text() == "1 synpunkt väntar på återkoppling, varav 1 är försenad."

    page.tabs.setCurrentIndex(REGISTER)
    assert listed.model.rowCount() == 1
    listed.table.setCurrentIndex(listed.model.index(0, 0))
    detail = page.detail
    assert detail.item.id == item.id
    detail.answer_day.set_date(D(2026, 11, 10))
    qtbot.keyClicks(detail.answer_text, "Ringde och bad om ursakt.")  # QTest types ASCII only
    assert page.has_unsaved_changes()
    qtbot.mouseClick(detail.save_answer, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(detail.action_text, "Samtal med ledaren.")
    detail.action_day.set_date(D(2026, 11, 12))
    qtbot.mouseClick(detail.save_action, Qt.MouseButton.LeftButton)
    assert not page.has_unsaved_changes()

    [done] = db.read(feedback_register.list_feedback, status="atgardad")
    assert (done.answered_on, done.answer_text) == (D(2026, 11, 10), "Ringde och bad om ursakt.")
    assert (done.action_on, done.action_text) == (D(2026, 11, 12), "Samtal med ledaren.")
    figures = db.read(stats.year_stats, 2026).feedback
    assert figures.about["bemotande"].t3 == 1 and figures.from_["senior"].total == 1
    assert figures.answered.t3 == 1 and figures.acted_on.t3 == 1
    assert "Inga synpunkter väntar" in window.waiting_label.text()
    assert listed.model.row_at(0).status == "atgardad"


def test_a_refused_registration_shows_messages_under_the_fields_and_saves_nothing(window, db, unchanged):
    page = open_page(window, FORM)
    form = page.form
    form.type_buttons["synpunkt"].setChecked(True)
    form.sender.setCurrentIndex(0)  # "– välj –"
    form.received.set_date(D(2026, 12, 1))  # after today
    with unchanged():
        assert page.register() is False
    assert form.errors.message_for("about") == "Välj vad synpunkten eller klagomålet gäller."
    assert form.errors.message_for("from").startswith("Måste väljas")
    assert "framtiden" in form.errors.message_for("received_on")
    assert form.errors.message_for("text").startswith("Måste fyllas i")
    assert page.has_unsaved_changes()
    assert db.read(feedback_register.list_feedback) == []

    form.type_buttons["berom"].setChecked(True)  # praise is about nothing: the field closes
    assert not form.about.isEnabled()
    choose(form.sender, "narstaende")
    form.received.set_date(D(2026, 11, 19))
    form.text.setPlainText("Tack för en fin höst!")
    assert page.register()
    assert form.errors.message_for("about") == ""
    [praise] = db.read(feedback_register.list_feedback)
    assert (praise.type, praise.about_key, praise.from_key) == ("berom", None, "narstaende")

    # "Annat (ange vad)" takes a short note of what
    form.type_buttons["synpunkt"].setChecked(True)
    assert not form.about_note.isEnabled()
    choose(form.about, "annat")
    assert form.about_note.isEnabled()
    form.about_note.setText("fikat")
    form.text.setPlainText("Kan vi få kaffe utan laktos?")
    assert page.register()
    item = db.read(feedback_register.list_feedback)[0]
    assert (item.about_key, item.about_note, item.contact) == ("annat", "fikat", None)


def test_a_refused_answer_and_a_stale_item(window, db, unchanged):
    item = add(db, contact="Bo, bo@example.se")
    page = open_page(window)
    assert page.select_feedback(item.id)
    page.detail.answer_day.set_date(D(2026, 8, 1))
    with unchanged():
        assert page.detail.record_answer() is False
    assert "före dagen" in page.detail.answer_errors.message_for("answered_on")

    # someone else records an åtgärd meanwhile: the answer is refused, the item shown again
    db.call(feedback.record_action, item.id, action_text="Nytt pass.")  # someone else, meanwhile
    page.detail.answer_text.setPlainText("Svar")
    assert page.detail.record_answer() is False
    assert "ändrats av någon annan" in page.detail.answer_general.text()
    assert page.detail.item.action_text == "Nytt pass." and page.detail.answer_text.toPlainText() == ""
    assert db.read(feedback.get_feedback, item.id).answered_on is None


@pytest.fixture
def register(db):
    """Five items: two years, two places, each status, one overdue."""
    axelsberg = factories.place_named(db, "Axelsberg")
    grondal = factories.place_named(db, "Gröndal")
    items = {
        "old": add(db, D(2025, 3, 3), place_id=axelsberg.id, contact="Ann"),
        "answered": add(db, D(2026, 2, 2), place_id=axelsberg.id, contact="Bo"),
        "acted": add(db, D(2026, 6, 6), "klagomal", about="Bemötande", place_id=grondal.id),
        "late": add(db, D(2026, 9, 1), place_id=grondal.id, contact="Cia, Storgatan 1"),
        "praise": add(db, D(2026, 11, 1), "berom", about=None),
    }
    db.call(feedback.record_answer, items["old"].id, answered_on=D(2025, 3, 20))
    db.call(feedback.record_answer, items["answered"].id, answered_on=D(2026, 2, 10))
    db.call(feedback.record_action, items["acted"].id, action_text="Samtal.")
    return items, axelsberg, grondal


def shown(page, items):
    names = {item.id: name for name, item in items.items()}
    model = page.register_list.model
    return [names[model.row_at(row).id] for row in range(model.rowCount())]


def test_filters_and_overdue_rows(window, db, register, qtmodeltester):
    items, axelsberg, _grondal = register
    page = open_page(window)
    listed = page.register_list
    filters = listed.filters
    assert shown(page, items) == ["praise", "late", "acted", "answered", "old"]
    assert filters.count.text() == "5 synpunkter"
    choose(filters.status, "obesvarad")
    assert shown(page, items) == ["late"]  # praise and items without an address wait for no återkoppling
    assert filters.count.text() == "1 synpunkt"
    choose(filters.status, "besvarad")
    assert shown(page, items) == ["answered", "old"]
    choose(filters.status, "atgardad")
    assert shown(page, items) == ["acted"]
    choose(filters.status, None)
    assert not filters.tertial.isEnabled()
    choose(filters.year, 2026)
    assert filters.tertial.isEnabled()
    assert shown(page, items) == ["praise", "late", "acted", "answered"]
    choose(filters.tertial, 2)
    assert shown(page, items) == ["acted"]
    choose(filters.tertial, None)
    choose(filters.place, axelsberg.id)
    assert shown(page, items) == ["answered"]
    choose(filters.year, None)
    assert shown(page, items) == ["answered", "old"]
    choose(filters.place, None)
    filters.overdue.setChecked(True)
    assert shown(page, items) == ["late"]
    assert "(1)" in filters.overdue.text()
    filters.overdue.setChecked(False)

    # overdue rows stand out, and say since when
    model = listed.model
    late = shown(page, items).index("late")
    on_time = shown(page, items).index("praise")
    assert model.data(model.index(late, 0), Qt.ItemDataRole.BackgroundRole) == QBrush(WARNING_BACKGROUND)
    font = model.data(model.index(late, 3), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    tip = model.data(model.index(late, 0), Qt.ItemDataRole.ToolTipRole)
    assert "försenad sedan 2 oktober 2026 (50 dagar)" in tip
    assert model.data(model.index(late, 7)) == "Försenad"
    assert model.data(model.index(late, 6)) == "2026-10-01"
    assert model.data(model.index(on_time, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert not model.data(model.index(on_time, 0), Qt.ItemDataRole.ToolTipRole)
    page.select_feedback(items["late"].id)
    assert "försenad sedan" in page.detail.due.text()
    qtmodeltester.check(model)


def test_the_register_pages_through_many_items(window, db, qtmodeltester):
    for n in range(12):
        add(db, D(2026, 1, 1) + dt.timedelta(days=n), text=f"Synpunkt {n}")
    page = open_page(window)
    listed = page.register_list
    listed.model.page = 5
    page.reload()
    assert listed.model.rowCount() == 5 and listed.model.total == 12
    qtmodeltester.check(listed.model)
    oldest = db.read(feedback_register.list_feedback)[-1]
    assert page.select_feedback(oldest.id)  # fetches the pages it needs
    assert page.detail.item.text == "Synpunkt 0"


def test_a_mistaken_item_is_deleted_after_a_question(window, db, monkeypatch):
    item = add(db)
    page = open_page(window)
    page.select_feedback(item.id)
    asked = []
    monkeypatch.setattr(feedback_page, "ask", lambda parent, title, text: asked.append(text) or False)
    page.detail.delete.click()
    assert len(asked) == 1 and "Fler tider för gympan" in asked[0]
    assert len(db.read(feedback_register.list_feedback)) == 1
    monkeypatch.setattr(feedback_page, "ask", lambda parent, title, text: True)
    page.detail.delete.click()
    assert db.read(feedback_register.list_feedback) == []
    listed = page.register_list
    assert listed.model.rowCount() == 0 and page.detail.item is None and not listed.empty.isHidden()


def test_the_summary_for_the_report_is_kept_per_year_and_tertial(window, db):
    page = open_page(window, SUMMARY)
    summary = page.summary
    assert summary.year.currentData() == 2026 and summary.period.currentData() is None
    choose(summary.period, 1)
    summary.text.setPlainText("Under T1 kom fem synpunkter om tillgänglighet.")
    assert page.has_unsaved_changes()
    choose(summary.period, None)  # switching saves what was typed for T1 first
    assert (db.read(texts.get_text, "report.feedback_summary.2026.t1")
            == "Under T1 kom fem synpunkter om tillgänglighet.")
    assert summary.text.toPlainText() == "" and not page.has_unsaved_changes()
    summary.text.setPlainText("Helåret: fler pass har lagts in.")
    assert page.save_changes()
    assert db.read(texts.get_text, "report.feedback_summary.2026") == "Helåret: fler pass har lagts in."
    choose(summary.period, 1)
    assert summary.text.toPlainText() == "Under T1 kom fem synpunkter om tillgänglighet."


def test_leaving_with_a_half_typed_form_asks_first(window, db, monkeypatch):
    from seniorhalsan.ui import main_window

    page = open_page(window, FORM)
    page.form.text.setPlainText("Halvskriven")
    asked = []
    monkeypatch.setattr(main_window, "confirm_unsaved", lambda parent, p: asked.append(p) or False)
    window.show_page("attendance")
    assert asked == [page] and window.current_key == "feedback"
    page.discard_changes()
    assert page.form.text.toPlainText() == "" and not page.has_unsaved_changes()


def test_another_item_with_a_typed_answer_asks_first(window, qtbot, db, monkeypatch):
    first, second = add(db, D(2026, 9, 1), contact="Ann"), add(db, D(2026, 9, 2), contact="Bo")
    page = open_page(window)
    listed = page.register_list
    page.select_feedback(first.id)
    page.detail.answer_text.setPlainText("Svarade i telefon.")
    monkeypatch.setattr(feedback_page, "ask_unsaved", lambda parent, text: None)  # stay
    listed.table.setCurrentIndex(listed.model.index(listed.row_of(second.id), 0))
    assert page.detail.item.id == first.id and page.detail.answer_text.toPlainText() == "Svarade i telefon."
    assert listed.model.row_at(listed.table.currentIndex().row()).id == first.id
    where = listed.table.visualRect(listed.model.index(listed.row_of(second.id), 0)).center()
    qtbot.mouseClick(listed.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a click selects afterwards
    qtbot.waitUntil(lambda: selected_ids(page) == [first.id], timeout=1000)
    assert page.detail.item.id == first.id
    monkeypatch.setattr(feedback_page, "ask_unsaved", lambda parent, text: "discard")
    listed.table.setCurrentIndex(listed.model.index(listed.row_of(second.id), 0))
    assert page.detail.item.id == second.id and db.read(feedback.get_feedback, first.id).answered_on is None
    page.detail.answer_text.setPlainText("Skrev ett brev.")
    monkeypatch.setattr(feedback_page, "ask_unsaved", lambda parent, text: "save")
    listed.table.setCurrentIndex(listed.model.index(listed.row_of(first.id), 0))
    assert page.detail.item.id == first.id and selected_ids(page) == [first.id]
    assert db.read(feedback.get_feedback, second.id).answer_text == "Skrev ett brev."


def test_switching_language_keeps_what_is_typed(window, db):
    page = open_page(window, FORM)
    choose(page.form.channel, "telefon")
    page.form.text.setPlainText("Halvskriven")
    i18n.set_language("en")
    assert page.form.text.toPlainText() == "Halvskriven" and page.form.channel.currentData() == "telefon"
    assert page.has_unsaved_changes()
    i18n.set_language("sv")
    assert page.form.register.text() == "&Registrera"


def test_each_save_tells_the_window_once_what_it_changed(window, db, monkeypatch):
    heard = []
    window.app.bus.changed.connect(lambda topics: heard.append(set(topics)))
    page = open_page(window, FORM)
    form = page.form
    form.type_buttons["berom"].setChecked(True)
    form.text.setPlainText("Tack!")
    form.contact.setText("Bo")
    assert page.register()
    [item] = db.read(feedback_register.list_feedback)
    page.select_feedback(item.id)
    page.detail.answer_text.setPlainText("Svarade i telefon.")
    assert page.detail.record_answer()
    page.tabs.setCurrentIndex(SUMMARY)
    page.summary.text.setPlainText("Ett beröm.")
    assert page.summary.save()
    monkeypatch.setattr(feedback_page, "ask", lambda parent, title, text: True)
    assert page.delete_item(page.detail.item)
    assert heard == [{"feedback"}, {"feedback"}, {"texts"}, {"feedback"}]


def test_an_item_someone_else_changed_is_not_deleted_but_shown_as_it_is_now(window, db, monkeypatch, unchanged):
    item = add(db, contact="Bo")
    page = open_page(window)
    page.select_feedback(item.id)
    db.call(feedback.record_answer, item.id, answered_on=D(2026, 9, 10), answer_text="Vi ringde.")  # meanwhile
    monkeypatch.setattr(feedback_page, "ask", lambda parent, title, text: True)
    with unchanged():
        assert page.delete_item(page.detail.item) is False
    assert "ändrats av någon annan" in page.message.text() and not page.message.isHidden()
    assert page.detail.item.answer_text == "Vi ringde."
    assert page.delete_item(page.detail.item)  # asked again on what it now is, it goes
    assert db.read(feedback_register.list_feedback) == []
