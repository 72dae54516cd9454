"""Aktiviteter och schema: the catalogue form and the week grid, read back through the services."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from seniorhalsan.operations.catalogue import RenamePlace, UpdateActivity
from seniorhalsan.operations.schedule import AddEntry
from seniorhalsan.services import activities, schedule
from seniorhalsan.ui import i18n
from seniorhalsan.ui.pages.activities import dialogs as activities_dialogs
from seniorhalsan.ui.pages.activities.dialogs import EntryDialog, TermDialog, copy_target
from seniorhalsan.ui.pages.activities.grid import term_label
from tests import factories

TUESDAY = 2


@pytest.fixture
def catalogue(db):
    maria = factories.staff_member(db, "Maria Berglind")
    inger = factories.staff_member(db, "Inger Dahl", kind="volontar")
    axelsberg = factories.place_named(db, "Axelsberg")
    gympa = factories.activity(db, "Seniorgympa", leader_id=maria.id, place_id=axelsberg.id,
                               description="Gympa till musik.")
    canasta = factories.activity(db, "Canasta", kind="social", leader_id=inger.id, place_id=axelsberg.id)
    return {"maria": maria, "inger": inger, "axelsberg": axelsberg, "gympa": gympa, "canasta": canasta}


@pytest.fixture
def planned(db, catalogue):
    vt = factories.term(db)
    gympa, axelsberg = catalogue["gympa"], catalogue["axelsberg"]
    db.call(schedule.add_entry, term_id=vt.id, activity_id=gympa.id, place_id=axelsberg.id, weekday=1,
            starts_at=dt.time(10), ends_at=dt.time(11))
    db.call(schedule.add_entry, term_id=vt.id, activity_id=catalogue["canasta"].id, place_id=axelsberg.id,
            on_date=dt.date(2026, 3, 3), starts_at=dt.time(14), ends_at=dt.time(16))
    return vt


def open_page(window, tab="katalog"):
    window.show_page("activities")
    page = window.page("activities")
    page.show_tab(tab)
    return page


def answer_dialogs(monkeypatch, *fills):
    """Each dialog that opens is filled in by the next function instead of waiting for a person."""
    pending = list(fills)
    opened = []

    def exec_(dialog):
        opened.append(dialog)
        assert pending, f"Ett oväntat fönster öppnades: {dialog.windowTitle()!r}"
        pending.pop(0)(dialog)
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", exec_)
    return opened


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# --- the catalogue ------------------------------------------------------------------------------

def test_a_new_activity_is_typed_into_the_form_and_saved(window, qtbot, db, catalogue):
    page = open_page(window)
    form = page.catalogue.form
    topics = []
    window.app.bus.changed.connect(topics.append)
    qtbot.mouseClick(form.new, Qt.MouseButton.LeftButton)
    assert form.record is None and form.name.hasFocus()
    qtbot.keyClicks(form.name, "Alla kan sjunga")
    choose(form.kind, "kultur")
    form.description.setPlainText("En kör för alla. Du behöver inte kunna läsa noter.")
    assert form.count.text().startswith("50 tecken")
    choose(form.place, catalogue["axelsberg"].id)
    choose(form.leader, catalogue["inger"].id)
    assert "volontär" in form.leader.currentText()
    assert not form.signup.isEnabled()  # how to sign up is asked for when a sign-up is needed
    form.needs_signup.setChecked(True)
    assert form.signup.isEnabled()
    qtbot.keyClicks(form.signup, "Ring Inger, 070-174 06 20.")
    assert page.has_unsaved_changes()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = db.read(activities.find_activity, "Alla kan sjunga")
    assert (saved.kind, saved.place_name, saved.leader_name, saved.leader_is_volunteer) == (
        "kultur", "Axelsberg", "Inger Dahl", True)
    assert saved.description == "En kör för alla. Du behöver inte kunna läsa noter."
    assert (saved.needs_signup, saved.digital, saved.outdoors, saved.active) == (True, False, False, True)
    assert saved.signup == "Ring Inger, 070-174 06 20."
    assert not page.has_unsaved_changes()
    assert form.record.id == saved.id and form.title.text() == "Alla kan sjunga"
    assert {"activities"} in topics
    names = [a.name for a in page.catalogue.model.rows]
    assert names == ["Alla kan sjunga", "Canasta", "Seniorgympa"]
    assert page.catalogue.table.currentIndex().row() == 0


def test_an_activity_is_edited_and_made_inactive(alone, qtbot, db, catalogue):
    page = open_page(alone)
    tab = page.catalogue
    tab.table.setCurrentIndex(tab.model.index(1, 0))  # Seniorgympa
    form = tab.form
    assert form.record.id == catalogue["gympa"].id and form.name.text() == "Seniorgympa"
    form.name.setText("Seniorgympa med musik")
    choose(form.leader, None)
    form.outdoors.setChecked(True)
    form.active.setChecked(False)
    assert form.discard.isEnabled()
    assert page.save_changes()

    saved = db.read(activities.get_activity, catalogue["gympa"].id)
    assert (saved.name, saved.leader_id, saved.outdoors, saved.active) == ("Seniorgympa med musik", None, True, False)
    assert saved.version == catalogue["gympa"].version + 1
    assert [a.name for a in tab.model.rows] == ["Canasta"]  # inactive ones are shown on demand
    tab.show_inactive.setChecked(True)
    assert [a.name for a in tab.model.rows] == ["Canasta", "Seniorgympa med musik"]
    assert "Inaktiv" in tab.model.data(tab.model.index(1, 4))


def test_discarding_brings_back_what_is_saved(alone, db, catalogue):
    page = open_page(alone)
    page.catalogue.open_activity(catalogue["canasta"].id)
    form = page.catalogue.form
    form.description.setPlainText("Något annat")
    assert page.has_unsaved_changes()
    qtbot_click = form.discard.click
    qtbot_click()
    assert form.description.toPlainText() == "" and not page.has_unsaved_changes()


@pytest.mark.parametrize("name, message", [("seniorgympa", "finns redan en aktivitet som heter Seniorgympa"),
                                           ("   ", "Måste fyllas i")])
def test_a_refused_name_is_shown_next_to_the_field_and_nothing_is_saved(alone, db, catalogue, unchanged, name,
                                                                        message):
    page = open_page(alone)
    form = page.catalogue.form
    form.start_new()
    form.name.setText(name)
    with unchanged():
        assert form.save_changes() is False
    assert message in form.errors.message_for("name")
    assert form.name.property("invalid") is True
    assert form.record is None
    form.name.setText("Seniorgympa 2")
    assert form.save_changes()
    assert form.errors.message_for("name") == ""


def test_a_refused_edit_of_an_existing_activity_saves_nothing(alone, db, catalogue, unchanged):
    page = open_page(alone)
    page.catalogue.open_activity(catalogue["canasta"].id)
    form = page.catalogue.form
    form.name.setText("Seniorgympa")
    form.description.setPlainText("x" * 2001)
    assert "för lång" in form.count.text()
    with unchanged():
        assert page.save_changes() is False
    assert "finns redan" in form.errors.message_for("name")
    assert "för lång" in form.errors.message_for("description")
    assert page.has_unsaved_changes()


def test_someone_elses_save_is_shown_and_the_form_reloads(alone, db, catalogue):
    page = open_page(alone)
    page.catalogue.open_activity(catalogue["canasta"].id)
    form = page.catalogue.form
    db.call(activities.update_activity, catalogue["canasta"].id, description="Kortspel varje vecka.")
    form.name.setText("Canasta och whist")
    assert form.save_changes() is False
    assert not form.banner.isHidden() and "ändrats av någon annan" in form.banner.text()
    assert form.name.text() == "Canasta" and form.description.toPlainText() == "Kortspel varje vecka."
    assert db.read(activities.get_activity, catalogue["canasta"].id).name == "Canasta"
    form.name.setText("Canasta och whist")
    assert form.save_changes()
    assert db.read(activities.get_activity, catalogue["canasta"].id).name == "Canasta och whist"


def test_the_list_filters_by_text_and_kind(alone, db, catalogue):
    factories.activity(db, "Qigong", place_id=factories.place_named(db, "Gröndal").id)
    page = open_page(alone)
    tab = page.catalogue
    page.on_changed({"activities"})
    assert len(tab.model.rows) == 3
    tab.search.setText("grondal")  # accents and case do not matter
    assert [a.name for a in tab.model.rows] == ["Qigong"]
    tab.search.setText("")
    choose(tab.kind, "social")
    assert [a.name for a in tab.model.rows] == ["Canasta"]
    assert "1 av 3" in tab.summary.text()


def test_an_activity_without_a_type_is_found_and_given_one(alone, qtbot, db, catalogue):
    qigong = factories.activity(db, "Qigong", kind=None)  # as an import without a typ column makes it
    page = open_page(alone)
    tab = page.catalogue
    page.on_changed({"activities"})
    choose(tab.kind, "")  # the filter "Typ ej angiven"
    assert tab.kind.currentText() == "Typ ej angiven"
    assert [a.name for a in tab.model.rows] == ["Qigong"]
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    form = tab.form
    assert form.record.id == qigong.id and form.kind.currentData() is None
    assert form.kind.currentText() == "(ej angiven)"
    choose(form.kind, "fysisk")
    assert page.save_changes()
    assert db.read(activities.get_activity, qigong.id).kind == "fysisk"

    # a type once chosen is not taken away: the refusal stands by the field
    choose(tab.kind, None)
    tab.table.setCurrentIndex(tab.model.index([a.name for a in tab.model.rows].index("Qigong"), 0))
    choose(form.kind, None)
    assert not form.save_changes()
    assert "inte bli utan" in form.errors.message_for("kind")
    assert db.read(activities.get_activity, qigong.id).kind == "fysisk"


def test_a_new_activity_starts_without_a_type_rather_than_a_guess(alone, qtbot, db, catalogue):
    page = open_page(alone)
    form = page.catalogue.form
    qtbot.mouseClick(form.new, Qt.MouseButton.LeftButton)
    assert form.kind.currentData() is None and form.kind.currentText() == "(ej angiven)"


def test_choosing_another_row_with_unsaved_edits_asks_first(alone, db, catalogue, monkeypatch):
    from seniorhalsan.ui.pages.activities import catalogue as activities_catalogue

    page = open_page(alone)
    tab = page.catalogue
    tab.open_activity(catalogue["canasta"].id)
    tab.form.name.setText("Canasta!")
    asked = []
    monkeypatch.setattr(activities_catalogue, "confirm_unsaved", lambda parent, form: asked.append(form) or False)
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    assert asked == [tab.form]
    assert tab.form.name.text() == "Canasta!"
    assert tab.table.currentIndex().row() == 0


# --- the week grid ------------------------------------------------------------------------------

def open_schedule(alone, term, place):
    page = open_page(alone, "schema")
    tab = page.schedule
    choose(tab.term, term.id)
    choose(tab.place, place.id)
    return tab


def test_an_entry_is_added_in_the_week_grid_with_the_keyboard(alone, qtbot, db, catalogue, planned, monkeypatch):
    tab = open_schedule(alone, planned, catalogue["axelsberg"])
    grid = tab.grid
    assert tab.grid_model.entries_at(tab.grid_model.index_of(1, dt.time(10)))[0].activity_name == "Seniorgympa"
    grid.setFocus()
    grid.setCurrentIndex(tab.grid_model.index(0, 0))  # Monday 08:00
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down):
        qtbot.keyClick(grid, key)
    current = grid.currentIndex()
    assert (tab.grid_model.weekday_of(current), tab.grid_model.hour_of(current)) == (TUESDAY, 13)

    def fill(dialog: EntryDialog):
        assert dialog.weekday.currentData() == TUESDAY and dialog.starts.time().hour() == 13
        choose(dialog.activity, catalogue["gympa"].id)
        assert dialog.leader.itemText(0) == "Aktivitetens ledare (Maria Berglind)"
        dialog.ends.setTime(dialog.ends.time().addSecs(30 * 60))
        choose(dialog.leader, catalogue["inger"].id)
        dialog.note.setText("Ta med vattenflaska")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, fill)
    qtbot.keyClick(grid, Qt.Key.Key_Return)

    saved = [e for e in db.read(schedule.list_schedule, planned.id, place_id=catalogue["axelsberg"].id)
             if e.weekday == 2]
    assert [(e.activity_name, e.starts_at, e.ends_at, e.leader_name, e.note) for e in saved] == [
        ("Seniorgympa", dt.time(13), dt.time(14, 30), "Inger Dahl", "Ta med vattenflaska")]
    cell = grid.currentIndex()
    assert tab.grid_model.data(cell) == "13:00–14:30 Seniorgympa (Inger D.)"
    assert "Axelsberg – 2 i veckan" in tab.place.currentText()


def test_an_entry_is_edited_and_removed_from_its_cell(alone, qtbot, db, catalogue, planned, monkeypatch):
    tab = open_schedule(alone, planned, catalogue["axelsberg"])
    cell = tab.grid_model.index_of(1, dt.time(10))
    assert tab.grid_model.data(cell) == "10:00–11:00 Seniorgympa (Maria B.)"

    def move(dialog: EntryDialog):
        assert dialog.leader.currentData() is None  # the activity's own leader, no override
        choose(dialog.weekday, 3)
        dialog.starts.setTime(dialog.starts.time().addSecs(-3600))
        dialog.ends.setTime(dialog.ends.time().addSecs(-3600))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, move)
    tab.grid.setCurrentIndex(cell)
    tab.grid.open_requested.emit(cell)
    entry = next(e for e in db.read(schedule.list_schedule, planned.id) if e.weekday)
    assert (entry.weekday, entry.starts_at, entry.ends_at, entry.leader_name) == (
        3, dt.time(9), dt.time(10), "Maria Berglind")
    assert tab.grid.currentIndex() == tab.grid_model.index_of(3, dt.time(9))

    asked = []
    monkeypatch.setattr(activities_dialogs, "ask", lambda *a: asked.append(a) or True)
    from seniorhalsan.ui.pages.activities import schedule as activities_schedule

    monkeypatch.setattr(activities_schedule, "ask", lambda *a: asked.append(a) or True)
    qtbot.keyClick(tab.grid, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "Seniorgympa" in asked[0][2]
    assert [e for e in db.read(schedule.list_schedule, planned.id) if e.weekday] == []
    assert tab.grid_model.entry_count() == 0


def test_a_refused_entry_keeps_the_dialog_open_and_saves_nothing(alone, db, catalogue, planned, monkeypatch,
                                                                 unchanged):
    tab = open_schedule(alone, planned, catalogue["axelsberg"])
    seen = {}

    def wrong_end(dialog: EntryDialog):
        choose(dialog.activity, catalogue["canasta"].id)
        dialog.ends.setTime(dialog.starts.time().addSecs(-1800))
        dialog.ok_button.click()
        seen["message"] = dialog.errors.message_for("end")
        seen["result"] = dialog.result()

    answer_dialogs(monkeypatch, wrong_end)
    with unchanged():
        tab.open_cell(tab.grid_model.index_of(4, dt.time(15)))
    assert seen == {"message": "Måste vara efter starttiden.", "result": QDialog.DialogCode.Rejected}


def test_dated_events_are_listed_added_and_removed(alone, db, catalogue, planned, monkeypatch):
    tab = open_schedule(alone, planned, catalogue["axelsberg"])
    assert [(e.activity_name, e.on_date) for e in tab.dated_model.rows] == [("Canasta", dt.date(2026, 3, 3))]
    assert tab.dated_model.data(tab.dated_model.index(0, 1)) == "Tisdag"

    def trip(dialog: EntryDialog):
        assert dialog.dated
        choose(dialog.activity, catalogue["canasta"].id)
        dialog.on_date.set_date(dt.date(2026, 5, 20))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, trip)
    tab.add_dated()
    dated = [(e.activity_name, e.on_date, e.starts_at)
             for e in db.read(schedule.list_schedule, planned.id) if e.on_date]
    assert dated == [("Canasta", dt.date(2026, 3, 3), dt.time(14)), ("Canasta", dt.date(2026, 5, 20), dt.time(13))]
    assert len(tab.dated_model.rows) == 2 and tab.grid_model.entry_count() == 1  # not in the weekly grid

    from seniorhalsan.ui.pages.activities import schedule as activities_schedule

    monkeypatch.setattr(activities_schedule, "ask", lambda *a: True)
    tab.dated_view.setCurrentIndex(tab.dated_model.index(0, 0))
    tab.remove_dated()
    assert [e.on_date for e in db.read(schedule.list_schedule, planned.id) if e.on_date] == [dt.date(2026, 5, 20)]


# --- terms --------------------------------------------------------------------------------------

def test_term_labels_show_the_dates(monkeypatch):
    ht = schedule.TermInfo(1, "ht", 2026, dt.date(2026, 8, 24), dt.date(2026, 12, 11), 1)
    assert term_label(ht) == "Hösttermin 2026 (24 aug – 11 dec)"
    # the language itself, without the signal: closed windows of earlier tests still listen to it
    monkeypatch.setattr(i18n, "_current", "en")
    assert term_label(ht).endswith("(24 Aug – 11 Dec)")


def test_a_term_is_copied_with_its_weekly_schedule(alone, db, catalogue, planned, monkeypatch):
    tab = open_schedule(alone, planned, catalogue["axelsberg"])
    topics = []
    alone.app.bus.changed.connect(topics.append)

    def copy(dialog: TermDialog):
        assert dialog.source.currentData() == "vt2026"
        assert (dialog.kind.currentData(), dialog.year.value()) == ("ht", 2026)  # spring is followed by autumn
        dialog.starts.set_date(dt.date(2026, 8, 24))
        dialog.ends.set_date(dt.date(2026, 12, 11))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, copy)
    tab.copy_term_button.click()

    ht = db.read(schedule.get_term, "ht2026")
    assert (ht.starts_on, ht.ends_on) == (dt.date(2026, 8, 24), dt.date(2026, 12, 11))
    copied = db.read(schedule.list_schedule, ht.id)
    assert [(e.activity_name, e.weekday, e.starts_at) for e in copied] == [("Seniorgympa", 1, dt.time(10))]
    assert tab.selected_term().id == ht.id
    assert tab.term.currentText() == "Hösttermin 2026 (24 aug – 11 dec)"
    assert tab.grid_model.entry_count() == 1 and tab.dated_model.rowCount() == 0
    assert {"schedule"} in topics


def test_a_new_term_and_new_dates(alone, db, catalogue, planned, monkeypatch, unchanged):
    tab = open_schedule(alone, planned, catalogue["axelsberg"])

    def existing(dialog: TermDialog):
        choose(dialog.kind, "vt")
        dialog.year.setValue(2026)
        dialog.ok_button.click()
        assert "finns redan" in dialog.errors.message_for("term")
        choose(dialog.kind, "sommar")
        dialog.starts.set_date(dt.date(2026, 6, 15))
        dialog.ends.set_date(dt.date(2026, 8, 14))
        dialog.ok_button.click()

    def wrong_dates(dialog: TermDialog):
        assert not dialog.kind.isEnabled()
        dialog.ends.set_date(dt.date(2026, 5, 1))
        dialog.starts.set_date(dt.date(2026, 6, 1))
        dialog.ok_button.click()
        assert "före startdatum" in dialog.errors.message_for("ends_on")
        dialog.reject()

    answer_dialogs(monkeypatch, existing, wrong_dates)
    tab.new_term_button.click()
    summer = db.read(schedule.get_term, "sommar2026")
    assert tab.selected_term() == summer and db.read(schedule.list_schedule, summer.id) == []
    with unchanged():
        tab.edit_term_button.click()

    def new_dates(dialog: TermDialog):
        dialog.ends.set_date(dt.date(2026, 8, 21))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, new_dates)
    tab.edit_term_button.click()
    assert db.read(schedule.get_term, "sommar2026").ends_on == dt.date(2026, 8, 21)


def test_copy_suggestions():
    vt = schedule.TermInfo(1, "vt", 2026, dt.date(2026, 1, 12), dt.date(2026, 6, 5), 1)
    ht = schedule.TermInfo(2, "ht", 2026, dt.date(2026, 8, 24), dt.date(2026, 12, 11), 1)
    assert copy_target(vt, [vt]) == ("ht", 2026)
    assert copy_target(vt, [vt, ht]) == ("ht", 2027)
    assert copy_target(ht, [vt, ht]) == ("vt", 2027)


def test_a_new_term_is_offered_the_usual_dates(alone, db, catalogue, planned, monkeypatch):
    tab = open_schedule(alone, planned, catalogue["axelsberg"])
    offered = {}

    def look(dialog: TermDialog):
        choose(dialog.kind, "vt")
        dialog.year.setValue(2027)  # last spring's dates, 52 weeks on
        offered["vt"] = (dialog.starts.date_value(), dialog.ends.date_value())
        choose(dialog.kind, "sommar")
        offered["sommar"] = (dialog.starts.date_value(), dialog.ends.date_value())
        dialog.reject()

    answer_dialogs(monkeypatch, look)
    tab.new_term_button.click()
    assert offered == {"vt": (dt.date(2027, 1, 11), dt.date(2027, 6, 4)),
                       "sommar": (dt.date(2027, 6, 15), dt.date(2027, 8, 14))}


def test_no_terms_yet_says_where_to_begin(alone, db, catalogue):
    tab = open_page(alone, "schema").schedule
    assert not tab.empty.isHidden() and "Ny termin" in tab.empty.text()
    assert not tab.copy_term_button.isEnabled() and tab.new_term_button.isEnabled()


def test_changes_elsewhere_refresh_the_page(alone, db, catalogue, planned):
    page = open_page(alone, "schema")
    tab = page.schedule
    choose(tab.term, planned.id)
    choose(tab.place, catalogue["axelsberg"].id)
    alone.app.perform(RenamePlace(catalogue["axelsberg"].id, new_name="Axelsbergs träffpunkt",
                                   from_date=dt.date(2026, 1, 1)))
    assert tab.place.currentText().startswith("Axelsbergs träffpunkt")
    assert page.catalogue.model.rows[0].place_name == "Axelsbergs träffpunkt"
    gympa = catalogue["gympa"]
    alone.app.perform(UpdateActivity(gympa.id, gympa.version, "Gympa", gympa.kind, gympa.description, gympa.place_id,
                                      gympa.leader_id, gympa.digital, gympa.outdoors, gympa.needs_signup, gympa.active,
                                      gympa.signup))
    assert tab.grid_model.data(tab.grid_model.index_of(1, dt.time(10))) == "10:00–11:00 Gympa (Maria B.)"


def test_the_models_pass_the_model_tester(alone, db, catalogue, planned, qtmodeltester):
    tab = open_schedule(alone, planned, catalogue["axelsberg"])
    alone.app.perform(AddEntry(term_id=planned.id, activity_id=catalogue["canasta"].id,
                                place_id=catalogue["axelsberg"].id, weekday=7, starts_at=dt.time(6, 30)))
    assert tab.grid_model.hours[0] == 6 and tab.grid_model.rowCount() == 15
    qtmodeltester.check(tab.grid_model)
    qtmodeltester.check(tab.dated_model)
    qtmodeltester.check(alone.page("activities").catalogue.model)
