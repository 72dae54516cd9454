"""Enheten: the unit's texts, its places and its staff added and changed in the window, and
what is added there offered where it is used (the Ledare and Plats lists)."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from seniorhalsan.services import accounts, lookups, places, staff, texts
from seniorhalsan.services.texts import CONTACT_PHONE
from seniorhalsan.ui import style
from seniorhalsan.ui.app import build
from seniorhalsan.ui.pages.unit.places import CloseDialog, NameDialog
from seniorhalsan.ui.settings import SettingsStore
from tests.conftest import TODAY
from tests.ui.keys import write


def open_tab(window, tab):
    window.show_page("unit")
    page = window.page("unit")
    page.show_tab(tab)
    return page


def type_into(widget, text):
    widget.setFocus()
    write(text)


def combo_texts(combo):
    return [combo.itemText(i) for i in range(combo.count())]


def test_staff_and_volunteers_added_here_are_offered_as_leaders(window, qtbot, db):
    activities_page = window.page("activities")
    assert combo_texts(activities_page.catalogue.form.leader) == ["(ingen ledare)"]  # a new unit
    page = open_tab(window, "staff")
    tab = page.staff
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    assert tab.form.name.hasFocus() and tab.form.title.text() == "Ny medarbetare"
    write("Tomas Fixare")
    type_into(tab.form.title_edit, "Fixare")
    tab.form.service_boxes["fixartjanst"].setChecked(True)
    QTest.keyClick(tab.form.title_edit, Qt.Key.Key_Return)  # Enter saves
    qtbot.mouseClick(tab.new_volunteer, Qt.MouseButton.LeftButton)
    assert tab.form.title.text() == "Ny volontär"
    write("Gun Andersson")
    QTest.keyClick(tab.form.name, Qt.Key.Key_Return)

    saved = {s.name: s for s in db.read(staff.list_staff)}
    assert saved["Tomas Fixare"].services == ("fixartjanst",) and saved["Tomas Fixare"].kind == "anstalld"
    assert saved["Gun Andersson"].kind == "volontar"  # volunteers are staff of kind volontär
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == ["Gun Andersson", "Tomas Fixare"]
    assert tab.model.index(1, 4).data() == "Fixartjänst"  # services by name
    leaders = combo_texts(activities_page.catalogue.form.leader)
    assert leaders == ["(ingen ledare)", "Gun Andersson (volontär)", "Tomas Fixare"]


def test_a_place_added_here_is_offered_on_the_other_pages(window, qtbot, db):
    page = open_tab(window, "places")
    tab = page.places
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    write("Träffpunkt Solgården")
    type_into(tab.form.address, "Solgårdsvägen 3")
    QTest.keyClick(tab.form.address, Qt.Key.Key_Return)
    made = db.read(places.find_place, "Träffpunkt Solgården")
    assert made is not None and made.address == "Solgårdsvägen 3"
    assert "Träffpunkt Solgården" in combo_texts(window.page("activities").catalogue.form.place)
    assert "Träffpunkt Solgården" in combo_texts(window.page("attendance").place)

    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)  # the same name again: refused under the field
    write("träffpunkt solgården")
    QTest.keyClick(tab.form.name, Qt.Key.Key_Return)
    assert "finns redan" in tab.form.errors.message_for("name")
    assert len([p for p in db.read(places.list_places) if p.name == "Träffpunkt Solgården"]) == 1
    tab.form.discard_changes()


def test_a_place_is_renamed_from_a_day_and_closed(window, qtbot, db, monkeypatch):
    page = open_tab(window, "places")
    tab = page.places
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Gröndal")
    tab.table.selectRow(row)
    assert tab.form.record.name == "Gröndal" and tab.form.name.isReadOnly()
    assert tab.rename_button.isVisible()

    def rename(dialog):
        dialog.name.setText("Gröndals träffpunkt")
        dialog.day.set_date(dt.date(2026, 9, 1))
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(NameDialog, "exec", rename)
    tab.rename()
    renamed = db.read(places.find_place, "Gröndals träffpunkt")
    assert renamed.name_on(dt.date(2026, 8, 31)) == "Gröndal" and tab.form.record.name == "Gröndals träffpunkt"

    def close(dialog):
        dialog.day.set_date(TODAY - dt.timedelta(days=1))
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(CloseDialog, "exec", close)
    tab.close_or_reopen()
    assert db.read(places.get_place, renamed.id).closed_on == TODAY - dt.timedelta(days=1)
    assert "Gröndals träffpunkt" not in [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    tab.show_all.setChecked(True)  # closed places are shown on demand, and reopened with a click
    assert tab.close_button.text().replace("&", "") == "Öppna igen"
    tab.close_or_reopen()
    assert db.read(places.get_place, renamed.id).closed_on is None


def test_the_units_name_and_texts_are_saved_together(window, qtbot, db):
    page = open_tab(window, "texts")
    contact = page.texts.edits[CONTACT_PHONE]
    assert contact.hasFocus()  # where the Kom igång list sends the user
    page.texts.name.setText("Seniorhälsan Hägersten-Älvsjö")
    contact.setText("08-508 12 345")
    assert page.has_unsaved_changes()
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    assert not page.has_unsaved_changes()
    assert db.read(lookups.unit).name == "Seniorhälsan Hägersten-Älvsjö"
    assert db.read(texts.get_text, CONTACT_PHONE) == "08-508 12 345"
    assert window.windowTitle() == "Seniorhälsan Hägersten-Älvsjö"  # the program's name is not said twice


@pytest.mark.parametrize("size", ["normal", "storst"])
def test_a_text_field_is_as_tall_as_its_few_lines_at_every_text_size(window, size):
    """A short text (the address) is never stretched to fill the page, pushing the next ones out of sight."""
    style.apply(QApplication.instance(), size)
    try:
        page = open_tab(window, "texts")
        for key, edit in page.texts.edits.items():
            if isinstance(edit, QPlainTextEdit):
                lines = edit.height() / edit.fontMetrics().lineSpacing()
                assert 2.5 <= lines <= 5.5, (key, lines)
    finally:
        style.apply(QApplication.instance(), "normal")


def test_leaving_with_an_unsaved_staff_member_asks_first(window, db, monkeypatch):
    from seniorhalsan.ui import main_window

    page = open_tab(window, "staff")
    page.staff.start_new(lambda: {"kind": "anstalld"})
    page.staff.form.name.setText("Halvskriven")
    asked = []
    monkeypatch.setattr(main_window, "confirm_unsaved", lambda parent, p: asked.append(p) or False)
    window.show_page("attendance")
    assert asked == [page] and window.current_key == "unit"
    page.discard_changes()
    assert not page.has_unsaved_changes()


@pytest.mark.parametrize("role, sees", [("samordnare", True), ("instruktor", False), ("lasare", False)])
def test_the_coordinators_and_the_unit_head_set_up_the_unit(qtbot, db, tmp_path, role, sees):
    password = "ett-långt-lösen"
    db.call(accounts.create_account, username="karin", password=password, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=password)
    db.call(accounts.create_account, username="nils", password=password, role=role,
            services=["fixartjanst"] if role == "instruktor" else [])
    db.actor = db.call(accounts.login, username="nils", password=password)
    _context, window = build(db, SettingsStore(tmp_path / "f.ini"))
    qtbot.addWidget(window)
    assert window.may_see("unit") == sees
    assert window.menu.start_action.isVisible() == sees  # and the Kom igång list
