"""Enheten's partner register, outreach log and volunteer fields, and each staff member's own figures
under Utskrifter, used in the window and read back through the services and the statistics."""

import datetime as dt

from PySide6.QtCore import Qt

from seniorhalsan import stats
from seniorhalsan.services import outreach, places, staff
from tests import factories, reach_data
from tests.conftest import TODAY
from tests.ui.keys import write
from tests.ui.test_prints_page import pdf_text
from tests.ui.test_unit_page import open_tab, type_into


def test_a_partner_is_added_and_written_for_the_folder(window, qtbot, db):
    page = open_tab(window, "partners")
    tab = page.partners
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == [
        "Bio Aspen", "Västertorps sim- och idrottshall"]  # the reference data's partner venues
    assert "foldern skriver texten Andra aktörer" in tab.summary.text()
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    assert tab.form.name.hasFocus() and tab.form.title.text() == "Ny samarbetspartner"
    write("Vårdcentralen Fruängen")
    type_into(tab.form.contact, "08-465 004 24")
    tab.form.together.setPlainText("Vi informerar personalen om vårt stöd.")
    qtbot.mouseClick(tab.form.save, Qt.MouseButton.LeftButton)
    saved = {p.name: p for p in db.read(places.list_partners)}["Vårdcentralen Fruängen"]
    assert (saved.kind, saved.contact, saved.together) == ("partner", "08-465 004 24",
                                                          "Vi informerar personalen om vårt stöd.")
    assert "1 av dem står i foldern under Andra aktörer." in tab.summary.text()
    # the outreach log offers it as a partner at once
    assert page.outreach.form.partner.findData(saved.id) >= 0


def test_outreach_is_logged_corrected_and_counted(window, qtbot, db):
    petra = factories.staff_member(db, "Petra Nyholm")
    bio = factories.place_named(db, "Bio Aspen")
    page = open_tab(window, "outreach")
    tab = page.outreach
    form = tab.form
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    assert form.date.hasFocus() and form.date.date_value() == TODAY
    form.kind.setCurrentIndex(form.kind.findData("informationsmote"))
    form.partner.setCurrentIndex(form.partner.findData(bio.id))
    type_into(form.reached, "35")
    form.staff.setCurrentIndex(form.staff.findData(petra.id))
    form.note.setPlainText("PRO:s medlemsmöte")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    form.kind.setCurrentIndex(form.kind.findData("annons"))  # an advert: nobody counted its readers
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    told = db.read(stats.year_stats, TODAY.year).outreach
    assert told.to_json()["by_kind"]["informationsmote"] == {"events": 1, "reached": 35}
    assert told.to_json()["by_kind"]["annons"] == {"events": 1, "reached": None}
    assert tab.summary.text() == (f"{TODAY.year}: 2 tillfällen med utåtriktat arbete. "
                                  "35 nådda vid de 1 där det räknades.")
    meeting = next(e for e in db.read(outreach.list_outreach) if e.kind == "informationsmote")
    assert (meeting.partner_name, meeting.staff_name, meeting.note) == ("Bio Aspen", "Petra Nyholm",
                                                                         "PRO:s medlemsmöte")
    tab.table.selectRow(next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == meeting.id))
    assert form.record.id == meeting.id and not tab.remove.isHidden()
    form.reached.setText("40")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert db.read(outreach.get_outreach, meeting.id).reached == 40


def test_a_refused_outreach_is_explained_under_its_field(window, qtbot, db, unchanged):
    page = open_tab(window, "outreach")
    form = page.outreach.form
    qtbot.mouseClick(page.outreach.new, Qt.MouseButton.LeftButton)
    form.reached.setText("9999999")
    with unchanged():
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert "orimligt många" in form.errors.message_for("reached")
    assert db.read(outreach.list_outreach) == []


def test_a_volunteers_register_fields_are_kept_and_a_last_day_is_asked_when_they_leave(window, qtbot, db):
    page = open_tab(window, "staff")
    tab = page.staff
    form = tab.form
    qtbot.mouseClick(tab.new, Qt.MouseButton.LeftButton)
    assert not form.volunteer.helps_with.isVisible()  # not for a member of staff
    qtbot.mouseClick(tab.new_volunteer, Qt.MouseButton.LeftButton)
    assert form.volunteer.helps_with.isVisible() and not form.volunteer.ended_on.isVisible()
    write("Stig Holmér")
    type_into(form.volunteer.helps_with, "Leder Canasta")
    places_list = form.volunteer.places
    axelsberg = next(places_list.item(i) for i in range(places_list.count())
                     if places_list.item(i).text() == "Axelsberg")
    axelsberg.setCheckState(Qt.CheckState.Checked)
    form.volunteer.started_on.set_date(dt.date(2024, 1, 15))
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    stig = next(s for s in db.read(staff.list_staff) if s.name == "Stig Holmér")
    assert (stig.kind, stig.helps_with, stig.place_names, stig.started_on) == (
        "volontar", "Leder Canasta", ("Axelsberg",), dt.date(2024, 1, 15))
    form.active.setChecked(False)  # Stig leaves: his last day is asked for
    assert form.volunteer.ended_on.isVisible() and form.volunteer.ended_on.date_value() == TODAY
    form.volunteer.ended_on.set_date(dt.date(2026, 10, 31))
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    left = next(s for s in db.read(staff.list_staff, include_inactive=True) if s.name == "Stig Holmér")
    assert (left.active, left.ended_on) == (False, dt.date(2026, 10, 31))


def test_the_unit_head_prints_a_staff_members_own_figures(window, qtbot, db):
    reach_data.build(db)
    page = window.page("prints")
    window.show_page("prints")
    page.kind_buttons["staff"].setChecked(True)
    assert page.staff.isVisibleTo(page) and page.staff.itemText(0) == "Alla, en sida var"
    page.staff.setCurrentIndex(page.staff.findData("Tomas Greger"))
    page.year.setValue(2025)
    page.build()
    qtbot.waitUntil(lambda: page.current is not None, timeout=20_000)
    assert page.current.title == "Tomas Greger: egna siffror 2025" and page.document.pageCount() == 1
    assert "Fixartjänst" in pdf_text(page.current.path)
