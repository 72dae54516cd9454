"""Stödinsatser: a home visit logged with the keyboard, read back through the services and statistics."""

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from seniorhalsan import stats
from seniorhalsan.services import contacts, groups, persons
from seniorhalsan.ui import i18n
from seniorhalsan.ui.app import build
from seniorhalsan.ui.pages.support import person_contacts as support_person_contacts
from seniorhalsan.ui.settings import SettingsStore
from tests import factories
from tests.conftest import TODAY


@pytest.fixture(autouse=True)
def windows_are_deleted_afterwards():
    """`deleteLater` waits for an event loop that never comes in a test; without this every
    test's window lives on and each new one (restyling them all) is slower than the last."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def fixare(db):
    return factories.staff_member(db, "Tomas Greger", services=["fixartjanst"])


def open_page(window, service="fixartjanst"):
    window.show_page("support")
    page = window.page("support")
    page.set_service(service)
    return page


def focused():
    return QApplication.focusWidget()


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def test_a_home_visit_for_a_new_person_is_logged_with_the_keyboard(window, qtbot, db, fixare):
    page = open_page(window)
    tab = page.persons
    tab.focus_search()
    qtbot.keyClicks(focused(), "Astrid Ek")
    key(qtbot, Qt.Key.Key_Return)  # nobody found: Enter starts a new person with the typed name
    assert tab.card.creating and tab.card.name.text() == "Astrid Ek"
    assert focused() is tab.card.reference
    key(qtbot, Qt.Key.Key_Tab)  # an empty reference gets the next free one
    qtbot.keyClicks(focused(), "1941")
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "K")  # Kvinna
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "O")  # Ordinärt boende
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is tab.card.name
    key(qtbot, Qt.Key.Key_Return)  # saves the person and goes straight to Ny kontakt

    saved = db.read(persons.find_persons, "astrid")
    assert [(p.reference, p.name, p.birth_year, p.gender, p.housing) for p in saved] == [
        ("P00001", "Astrid Ek", 1941, "kvinna", "ordinart")]
    assert focused() is tab.form.minutes
    assert tab.form.date.date_value() == TODAY
    assert tab.form.kind.currentData() == "hembesok"
    assert tab.form.staff.currentData() == fixare.id
    qtbot.keyClicks(focused(), "45")
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is tab.form.route  # her first contact with the service: how did she find it?
    qtbot.keyClicks(focused(), "v")  # Vårdcentral
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is tab.form.task_boxes["brandvarnare"]
    key(qtbot, Qt.Key.Key_Space)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)  # byte av glödlampor
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    logged = db.read(contacts.list_contacts, person_id=saved[0].id)
    assert [(c.contact_date, c.service_key, c.kind, c.staff_id, c.minutes, c.tasks) for c in logged] == [
        (TODAY, "fixartjanst", "hembesok", fixare.id, 45, ("brandvarnare", "glodlampor"))]
    numbers = db.read(stats.year_stats, TODAY.year).services["fixartjanst"]
    assert (numbers.contacts, numbers.persons, numbers.new_persons) == (1, 1, 1)
    assert numbers.tasks["brandvarnare"] == 1 and numbers.by_contact_kind["hembesok"] == 1
    assert numbers.new_persons_by_route["vardcentral"] == 1
    assert tab.form.route_box.isHidden()  # the next contact is not her first: the question is not asked again
    # the card shows it, the form is ready for the next one, date and kind kept
    assert [c.id for c in tab.contacts.model.rows] == [logged[0].id]
    assert tab.form.minutes.text() == "" and not any(b.isChecked() for b in tab.form.task_boxes.values())
    assert tab.form.kind.currentData() == "hembesok" and tab.form.date.date_value() == TODAY
    assert not page.has_unsaved_changes()


def test_the_list_filters_as_you_type_with_the_services_own_persons_first(window, qtbot, db):
    theirs = factories.person(db, reference="SH-2", name="Astrid Ahlgren")
    mine = factories.person(db, reference="FX-1", name="Astrid Ekholt")
    factories.person(db, reference="P9", name="Bertil Berg")
    factories.contact(db, theirs.id, service="syn_horsel", day=TODAY)
    factories.contact(db, mine.id, service="fixartjanst", day=dt.date(2026, 1, 5))
    page = open_page(window)
    tab = page.persons
    tab.focus_search()
    qtbot.keyClicks(focused(), "astr")
    qtbot.waitUntil(lambda: [p.reference for p in tab.model.rows] == ["FX-1", "SH-2"], timeout=2000)
    qtbot.keyClicks(focused(), "id a")
    qtbot.waitUntil(lambda: [p.reference for p in tab.model.rows] == ["SH-2"], timeout=2000)
    assert tab.found.text() == "1 träff"
    key(qtbot, Qt.Key.Key_Down)
    assert focused() is tab.list
    assert tab.card.reference.text() == "SH-2" and tab.form.person.id == theirs.id
    key(qtbot, Qt.Key.Key_Up)  # from the first row back to the search, and typing goes there too
    assert focused() is tab.search
    key(qtbot, Qt.Key.Key_Down)
    qtbot.keyClicks(focused(), "h")
    assert focused() is tab.search and tab.search.text() == "astrid ah"
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is tab.list
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is tab.form.minutes


def test_a_refused_contact_is_explained_under_its_field_and_nothing_is_saved(window, qtbot, db, fixare, unchanged):
    who = factories.person(db, reference="FX-1")
    page = open_page(window)
    tab = page.persons
    tab.select_person(db.read(persons.get_person, who.id))
    tab.form.minutes.setText("30")
    tab.form.date.set_date(TODAY + dt.timedelta(days=1))
    with unchanged():
        assert tab.form.save_changes() is False
        assert "framtiden" in tab.form.errors.message_for("date")
        tab.form.date.set_date(TODAY)
        tab.form.minutes.setText("2000")
        assert page.save_changes() is False
    assert "1440" in tab.form.errors.message_for("minutes")
    assert tab.form.errors.message_for("date") == ""
    assert page.has_unsaved_changes()
    assert db.read(contacts.list_contacts, person_id=who.id) == []


def test_a_refused_new_person_is_explained_under_its_fields(window, qtbot, db, unchanged):
    page = open_page(window)
    card = page.persons.card
    page.persons.start_new_person()
    card.birth_year.setText("1880")
    with unchanged():
        assert card.save_changes() is False
    assert "146 år" in card.errors.message_for("birth_year")
    assert "måste väljas" in card.errors.message_for("gender").lower()
    assert card.creating and page.has_unsaved_changes()
    assert not page.persons.form.isEnabled()  # no contact until the person exists


def test_the_card_is_edited_and_a_stale_card_is_refused_and_shown_afresh(window, qtbot, db):
    who = factories.person(db, reference="FX-1", name="Astrid")
    page = open_page(window)
    tab = page.persons
    tab.select_person(db.read(persons.get_person, who.id))
    tab.card.show_details.setChecked(True)
    tab.card.phone.setText("08-123 45")
    tab.card.phone.textEdited.emit("08-123 45")
    assert page.has_unsaved_changes()
    assert tab.card.save_changes()
    assert db.read(persons.get_person, who.id).phone == "08-123 45"

    db.call(persons.update_person, who.id, name="Astrid Ekholt")  # someone else, meanwhile
    tab.card.name.setText("Astrid E.")
    assert tab.card.save_changes() is False
    assert "ändrats av någon annan" in tab.card.general.text()
    assert tab.card.name.text() == "Astrid Ekholt"
    assert db.read(persons.get_person, who.id).name == "Astrid Ekholt"


def test_an_edited_card_is_not_left_without_asking(window, qtbot, db, monkeypatch):
    first = factories.person(db, reference="FX-1", name="Astrid")
    factories.person(db, reference="FX-2", name="Bertil")
    page = open_page(window)
    tab = page.persons
    tab.run_search()
    tab.select_person(db.read(persons.get_person, first.id))
    tab.card.name.setText("Astrid Ek")
    answers = ["cancel", "save"]
    monkeypatch.setattr(tab, "ask_unsaved_card", lambda: answers.pop(0))
    other = tab._row_of(first.id + 1)
    tab.list.setCurrentIndex(tab.model.index(other, 0))
    assert tab.selected.id == first.id and tab.card.name.text() == "Astrid Ek"
    tab.list.setCurrentIndex(tab.model.index(other, 0))
    assert tab.selected.reference == "FX-2" and not answers
    assert db.read(persons.get_person, first.id).name == "Astrid Ek"
    tab.list.setFocus()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: a new person
    assert tab.card.creating and focused() is tab.card.reference
    key(qtbot, Qt.Key.Key_Escape)
    assert not tab.card.creating and tab.card.reference.text() == "FX-2"


def test_a_mistaken_contact_is_deleted_after_asking(window, qtbot, db, monkeypatch):
    who = factories.person(db, reference="FX-1")
    first = factories.contact(db, who.id, day=dt.date(2026, 3, 3))
    factories.contact(db, who.id, day=dt.date(2026, 4, 4))
    page = open_page(window)
    tab = page.persons
    tab.select_person(db.read(persons.get_person, who.id))
    assert [c.contact_date for c in tab.contacts.model.rows] == [dt.date(2026, 4, 4), dt.date(2026, 3, 3)]
    tab.contacts.view.selectRow(1)
    questions = []
    monkeypatch.setattr(support_person_contacts, "ask",
                        lambda parent, title, text, yes: questions.append(text) or False)
    assert tab.contacts.delete_contact() is False
    assert len(db.read(contacts.list_contacts, person_id=who.id)) == 2
    monkeypatch.setattr(support_person_contacts, "ask", lambda parent, title, text, yes: questions.append(text) or True)
    assert tab.contacts.delete_contact() is True
    assert "2026-03-03" in questions[0]
    assert first.id not in [c.id for c in db.read(contacts.list_contacts, person_id=who.id)]
    assert [c.contact_date for c in tab.contacts.model.rows] == [dt.date(2026, 4, 4)]


def test_a_group_meeting_is_added_offered_again_and_deleted(window, qtbot, db):
    it = factories.staff_member(db, "Oskar Lindkvist", services=["it_stod"])
    place = factories.place(db, "Gröndals bibliotek")
    page = open_page(window, "it_stod")
    page.tabs.setCurrentWidget(page.groups)
    tab = page.groups
    assert tab.staff.currentData() == it.id
    tab.date.set_date(dt.date(2026, 3, 18))
    tab.kind.setCurrentIndex(tab.kind.findData("kurs"))
    tab.group_title.setEditText("IT-grupp")
    tab.place.setCurrentIndex(tab.place.findData(place.id))
    assert tab.save_changes() is False  # how many came is not typed yet
    assert "måste fyllas i" in tab.errors.message_for("participants").lower()
    tab.participants.setFocus()
    qtbot.keyClicks(focused(), "8")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    saved = db.read(groups.list_group_meetings, service="it_stod", year=2026)
    assert [(g.held_on, g.kind, g.title, g.participants, g.place_id, g.staff_id) for g in saved] == [
        (dt.date(2026, 3, 18), "kurs", "IT-grupp", 8, place.id, it.id)]
    assert (db.read(stats.year_stats, 2026).groups["it_stod"].by_kind["kurs"]
            == stats.Meetings(meetings=1, participants=8))
    assert tab.model.rows == saved and "1 träff, 8 deltagare" in tab.total.text()
    assert tab.group_title.findText("IT-grupp") >= 0 and not tab.has_unsaved_changes()

    tab.view.selectRow(0)
    assert tab.delete_selected(confirmed=True)
    assert db.read(groups.list_group_meetings, service="it_stod") == [] and tab.model.rowCount() == 0


def test_a_training_is_added_and_read_back(window, qtbot, db):
    syn = factories.staff_member(db, "Annika Sjöberg", services=["syn_horsel"])
    page = open_page(window, "syn_horsel")
    page.tabs.setCurrentWidget(page.trainings)
    tab = page.trainings
    tab.date.set_date(dt.date(2026, 2, 17))
    tab.audience.setEditText("Omsorgspersonal i hemtjänsten")
    tab.topic_edit.setText("Hörselnedsättning och hörhjälpmedel")
    tab.participants.setText("11")
    tab.minutes.setText("120")
    assert page.has_unsaved_changes()
    assert page.save_changes()
    saved = db.read(groups.list_trainings, year=2026)
    assert [(t.held_on, t.audience, t.topic, t.participants, t.minutes, t.staff_id, t.service_key) for t in saved] == [
        (dt.date(2026, 2, 17), "Omsorgspersonal i hemtjänsten", "Hörselnedsättning och hörhjälpmedel", 11, 120,
         syn.id, "syn_horsel")]
    assert db.read(stats.year_stats, 2026).trainings.by_service["syn_horsel"] == stats.Meetings(1, 11)
    assert tab.model.rows == saved and not page.has_unsaved_changes()
    assert tab.audience.findText("Omsorgspersonal i hemtjänsten") >= 0


def test_the_chosen_service_is_remembered_for_next_time(window, qtbot, db, tmp_path):
    page = open_page(window, "fixartjanst")
    page.service.setCurrentIndex(page.service.findData("syn_horsel"))
    assert window.app.settings.my_service == "syn_horsel"
    assert SettingsStore(tmp_path / "fonster.ini").load().my_service == "syn_horsel"
    assert page.persons.form.task_boxes.keys() >= {"horapparat", "synhjalpmedel"}

    _context, again = build(db, SettingsStore(tmp_path / "fonster.ini"))
    try:
        assert again.page("support").service_key() == "syn_horsel"
    finally:
        again.deleteLater()


def test_the_last_chosen_staff_member_is_offered_next_time(window, qtbot, db, fixare):
    colleague = factories.staff_member(db, "Inger Dahl")
    who = factories.person(db)
    page = open_page(window)
    form = page.persons.form
    page.persons.select_person(db.read(persons.get_person, who.id))
    form.staff.setCurrentIndex(form.staff.findData(colleague.id))
    form.minutes.setText("20")
    form.save.setFocus()
    key(qtbot, Qt.Key.Key_Return)  # Enter on the button saves
    assert [c.staff_id for c in db.read(contacts.list_contacts, person_id=who.id)] == [colleague.id]
    form.staff.setCurrentIndex(form.staff.findData(fixare.id))
    form.reload_defaults()
    assert form.staff.currentData() == colleague.id


def test_leaving_with_a_half_typed_contact_asks_first(window, qtbot, db, monkeypatch):
    from seniorhalsan.ui import main_window

    who = factories.person(db)
    page = open_page(window)
    page.persons.select_person(db.read(persons.get_person, who.id))
    assert not page.has_unsaved_changes()
    page.persons.form.task_boxes["halkskydd"].setChecked(True)
    asked = []
    monkeypatch.setattr(main_window, "confirm_unsaved", lambda parent, p: asked.append(p) or False)
    window.show_page("attendance")
    assert asked == [page] and window.current_key == "support"

    page.discard_changes()
    page.tabs.setCurrentWidget(page.groups)
    page.groups.group_title.setEditText("Anhöriggrupp 3")
    assert page.has_unsaved_changes()
    page.discard_changes()
    assert not page.has_unsaved_changes()


def test_typed_values_survive_a_change_of_language(window, qtbot, db):
    who = factories.person(db)
    page = open_page(window)
    page.persons.select_person(db.read(persons.get_person, who.id))
    page.persons.form.minutes.setText("30")
    page.groups.participants.setText("7")
    # Windows of earlier tests stay connected to the language notice; only this page is told.
    i18n.notifier.blockSignals(True)
    try:
        i18n.set_language("en")
        page.retranslate()
        assert page.persons.form.minutes.text() == "30" and page.groups.participants.text() == "7"
        assert page.persons.form.kind.currentData() == "hembesok"
    finally:
        i18n.set_language("sv")
        i18n.notifier.blockSignals(False)


def test_the_models_pass_the_model_tester(window, qtbot, db, qtmodeltester):
    who = factories.person(db, reference="FX-1", name="Astrid")
    factories.person(db, reference="FX-2")
    factories.contact(db, who.id, tasks=["brandvarnare"], note="Bytte batteri\nKom tillbaka i vår")
    factories.contact(db, who.id, service="syn_horsel", kind="telefon", day=dt.date(2025, 5, 5))
    db.call(groups.add_group_meeting, service="fixartjanst", held_on=dt.date(2026, 2, 2), kind="grupp",
            title="Fallprevention", participants=9, note="Bra")
    db.call(groups.add_training, service="fixartjanst", held_on=dt.date(2026, 2, 3), audience="Hemtjänsten",
            participants=12)
    page = open_page(window)
    page.persons.select_person(db.read(persons.get_person, who.id))
    assert page.persons.model.rowCount() == 2 and page.persons.contacts.model.rowCount() == 2
    assert page.groups.model.rowCount() == 1 and page.trainings.model.rowCount() == 1
    assert page.persons.contacts.model.data(page.persons.contacts.model.index(1, 5)) == "Brandvarnare"
    assert page.persons.contacts.model.data(page.persons.contacts.model.index(1, 6)) == "Bytte batteri …"
    for model in (page.persons.model, page.persons.contacts.model, page.groups.model, page.trainings.model):
        qtmodeltester.check(model)


@pytest.fixture
def visits(db, fixare):
    """A person with two home visits and a phone call of another service."""
    who = factories.person(db, reference="FX-1")
    first = factories.contact(db, who.id, day=dt.date(2026, 3, 3), staff_id=fixare.id, minutes=30,
                              tasks=["brandvarnare"], note="Bytte batteri")
    second = factories.contact(db, who.id, day=dt.date(2026, 4, 4), staff_id=fixare.id, minutes=20)
    other = factories.contact(db, who.id, service="syn_horsel", day=dt.date(2026, 2, 2), kind="telefon",
                              tasks=["horapparat"])
    return who, first, second, other


def show_person(db, window, who):
    page = open_page(window)
    page.persons.select_person(db.read(persons.get_person, who.id))
    return page, page.persons


def contact_row(tab, contact_id):
    return next(i for i, c in enumerate(tab.contacts.model.rows) if c.id == contact_id)


def choose_contact(tab, contact_id):
    tab.contacts.view.selectRow(contact_row(tab, contact_id))


def click_contact(qtbot, tab, contact_id, double=False):
    where = tab.contacts.view.visualRect(tab.contacts.model.index(contact_row(tab, contact_id), 0)).center()
    qtbot.mouseClick(tab.contacts.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    if double:
        qtbot.mouseDClick(tab.contacts.view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_a_contact_is_corrected_in_the_form_and_read_back(window, qtbot, db, fixare, visits):
    who, first, _second, other = visits
    page, tab = show_person(db, window, who)
    form = tab.form
    click_contact(qtbot, tab, first.id, double=True)
    assert form.editing.id == first.id and focused() is form.date
    assert form.title() == "Ändra kontakten 2026-03-03 med FX-1 – Fixartjänst"
    assert form.save.text() == "Spara ändringen" and not form.cancel.isHidden()
    assert (form.date.date_value(), form.kind.currentData(), form.staff.currentData(), form.minutes.text()) == (
        dt.date(2026, 3, 3), "hembesok", fixare.id, "30")
    assert [k for k, b in form.task_boxes.items() if b.isChecked()] == ["brandvarnare"]
    assert form.note.toPlainText() == "Bytte batteri" and not page.has_unsaved_changes()

    form.date.set_date(dt.date(2026, 3, 4))
    form.minutes.setText("45")
    form.task_boxes["brandvarnare"].setChecked(False)
    form.task_boxes["glodlampor"].setChecked(True)
    assert page.has_unsaved_changes()
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)

    saved = db.read(contacts.get_contact, first.id)
    assert (saved.contact_date, saved.minutes, saved.tasks, saved.note, saved.staff_id) == (
        dt.date(2026, 3, 4), 45, ("glodlampor",), "Bytte batteri", fixare.id)
    assert len(db.read(contacts.list_contacts, person_id=who.id)) == 3
    # the form is a new contact again; the list shows the new values with the contact still chosen
    assert form.editing is None and form.title() == "Ny kontakt med FX-1 – Fixartjänst" and form.cancel.isHidden()
    assert form.minutes.text() == "" and form.date.date_value() == TODAY and not page.has_unsaved_changes()
    assert tab.contacts.selected_contact() == saved

    # a contact of another service is corrected with that service's checklist; Esc leaves it as it was
    choose_contact(tab, other.id)
    assert tab.contacts.edit_contact()
    assert "horapparat" in form.task_boxes and form.task_boxes["horapparat"].isChecked()
    assert form.title().endswith("Syn- och hörselstöd") and form.kind.currentData() == "telefon"
    form.minutes.setText("15")
    key(qtbot, Qt.Key.Key_Escape)
    assert form.editing is None and "brandvarnare" in form.task_boxes and not page.has_unsaved_changes()
    assert db.read(contacts.get_contact, other.id) == other


def test_a_refused_contact_correction_is_explained_under_its_field(window, db, visits, unchanged):
    who, first, _second, _other = visits
    page, tab = show_person(db, window, who)
    choose_contact(tab, first.id)
    tab.contacts.edit.click()
    form = tab.form
    form.minutes.setText("2000")
    form.date.set_date(TODAY + dt.timedelta(days=1))
    with unchanged():
        assert page.save_changes() is False
    assert "1440" in form.errors.message_for("minutes") and "framtiden" in form.errors.message_for("date")
    assert form.editing.id == first.id and page.has_unsaved_changes()
    assert db.read(contacts.get_contact, first.id) == first


def test_a_correction_of_a_contact_someone_else_changed_is_refused_and_shows_theirs(window, db, visits):
    who, first, second, _other = visits
    _page, tab = show_person(db, window, who)
    choose_contact(tab, first.id)
    tab.contacts.edit_contact()
    form = tab.form
    form.minutes.setText("45")
    theirs = db.call(contacts.update_contact, first.id, note="Ringde först")  # someone else, meanwhile
    assert form.save_changes() is False
    assert "ändrats av någon annan" in form.general.text() and not form.general.isHidden()
    assert form.editing == theirs and form.note.toPlainText() == "Ringde först" and form.minutes.text() == "30"
    assert tab.contacts.selected_contact() == theirs  # the list shows theirs, still chosen
    assert db.read(contacts.get_contact, first.id) == theirs
    form.minutes.setText("45")  # done again on their version, it is saved
    assert form.save_changes()
    assert (db.read(contacts.get_contact, first.id).minutes, db.read(contacts.get_contact, first.id).note) == (
        45, "Ringde först")

    choose_contact(tab, second.id)
    tab.contacts.edit_contact()
    form.minutes.setText("25")
    db.call(contacts.delete_contact, second.id)  # someone else removes it
    assert form.save_changes() is False
    assert "finns inte längre" in form.general.text() and form.editing is None
    assert second.id not in [c.id for c in tab.contacts.model.rows]


def test_a_contact_correction_is_not_left_without_asking(window, qtbot, db, visits, monkeypatch):
    from seniorhalsan.ui import main_window

    who, first, second, _other = visits
    somebody = factories.person(db, reference="FX-2")
    page, tab = show_person(db, window, who)
    form = tab.form
    form.minutes.setText("20")  # a new contact, begun
    asked = []

    def answer(reply):
        monkeypatch.setattr(tab.contacts, "ask_unsaved_contact", lambda text: asked.append(text) or reply)

    answer("cancel")
    choose_contact(tab, first.id)
    assert tab.contacts.edit_contact() is False and form.editing is None and form.minutes.text() == "20"
    answer("discard")
    assert tab.contacts.edit_contact() and form.minutes.text() == "30"
    assert "ny kontakt" in asked[0]

    form.minutes.setText("35")
    confirmed = []
    monkeypatch.setattr(main_window, "confirm_unsaved", lambda parent, p: confirmed.append(p) or False)
    window.show_page("attendance")
    assert confirmed == [page] and window.current_key == "support"

    answer("cancel")  # another contact clicked in the list: stay
    click_contact(qtbot, tab, second.id)
    qtbot.waitUntil(lambda: tab.contacts.selected_contact().id == first.id, timeout=1000)
    assert form.editing.id == first.id and form.minutes.text() == "35"
    answer("save")
    choose_contact(tab, second.id)
    assert form.editing is None and tab.contacts.selected_contact().id == second.id
    assert db.read(contacts.get_contact, first.id).minutes == 35
    assert "ändrat kontakten" in asked[-1]

    tab.contacts.edit_contact()
    form.minutes.setText("50")
    answer("discard")  # another person
    tab.select_person(db.read(persons.get_person, somebody.id))
    assert form.editing is None and form.person.id == somebody.id and not page.has_unsaved_changes()
    assert db.read(contacts.get_contact, second.id).minutes == 20


def test_each_save_tells_the_window_what_it_changed_through_its_operation(window, qtbot, db, monkeypatch):
    """The change notices come from the operations' results, one per save."""
    heard: list[set[str]] = []
    window.app.bus.changed.connect(heard.append)
    page = open_page(window)
    tab = page.persons
    tab.start_new_person()
    tab.card.birth_year.setText("1941")
    tab.card.gender.setCurrentIndex(tab.card.gender.findData("kvinna"))
    assert tab.card.save_changes()
    assert heard == [{"persons"}] and tab.model.rows[0].id == tab.selected.id
    tab.form.minutes.setText("30")
    assert tab.form.save_changes()
    assert heard[-1] == {"contacts"} and len(tab.contacts.model.rows) == 1
    tab.contacts.view.selectRow(0)
    monkeypatch.setattr(support_person_contacts, "ask", lambda *args: True)
    assert tab.contacts.delete_contact()
    assert heard[-1] == {"contacts"} and tab.contacts.model.rowCount() == 0
    page.tabs.setCurrentWidget(page.trainings)
    page.trainings.audience.setEditText("Hemtjänsten")
    page.trainings.participants.setText("9")
    assert page.trainings.save_changes()
    assert heard[-1] == {"trainings"} and page.trainings.model.rowCount() == 1
    page.trainings.view.selectRow(0)
    assert page.trainings.delete_selected(confirmed=True)
    assert heard[-1] == {"trainings"} and page.trainings.model.rowCount() == 0
    assert len(heard) == 5


def test_the_route_in_is_asked_at_the_first_contact_and_corrected_there(window, qtbot, db, fixare, visits):
    from seniorhalsan.services import routes

    who, first, second, _other = visits
    page, tab = show_person(db, window, who)
    form = tab.form
    assert form.route_box.isHidden()  # FX-1 has had Fixartjänst before: a new contact does not ask
    choose_contact(tab, second.id)
    assert tab.contacts.edit_contact() and form.route_box.isHidden()  # nor does a later one, corrected
    key(qtbot, Qt.Key.Key_Escape)
    choose_contact(tab, first.id)
    assert tab.contacts.edit_contact() and not form.route_box.isHidden()  # the first one does
    assert form.route.currentData() is None and not page.has_unsaved_changes()  # none recorded yet
    form.route.setCurrentIndex(form.route.findData("tryggt_mottagande"))
    assert page.has_unsaved_changes()
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    asked = db.read(routes.route_question, person_id=who.id, service="fixartjanst", contact_id=first.id)
    assert asked.route == "tryggt_mottagande"
    assert db.read(stats.year_stats, 2026).services["fixartjanst"].new_persons_by_route["tryggt_mottagande"] == 1
    page.set_service("it_stod")  # a service the person has never had: asked for the new contact
    assert not form.route_box.isHidden() and form.route.currentData() is None
