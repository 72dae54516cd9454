"""Stödinsatser starts on the signed-in person's own work: an instructor's own service (not the one
the computer's last user chose) and their own staff member in the forms' Medarbetare."""

import pytest
from PySide6.QtCore import QByteArray, QEvent
from PySide6.QtWidgets import QApplication

from seniorhalsan.operations.accounts import CreateAccount
from seniorhalsan.services import accounts, contacts
from seniorhalsan.ui import i18n
from seniorhalsan.ui.app import build
from seniorhalsan.ui.settings import SettingsStore
from tests import factories

PASSWORD = "ett-långt-lösen"


def sign_in(db, name):
    db.actor = db.call(accounts.login, username=name, password=PASSWORD)


@pytest.fixture
def unit(db):
    """The unit head; Tomas, a fixare whose account is tied to his staff row; Ingrid, an IT pedagogue
    whose account is not tied; Greta, a colleague who logged the last home visit on this computer."""
    karin = factories.staff_member(db, "Karin Berg", title="Enhetschef")
    staff = {name: factories.staff_member(db, name, services=services) for name, services in (
        ("Tomas Fixare", ["fixartjanst"]), ("Greta Fixare", ["fixartjanst", "it_stod"]), ("Ingrid IT", ["it_stod"]))}
    db.perform(CreateAccount(username="karin", password=PASSWORD, role="enhetschef", staff_id=karin.id))
    sign_in(db, "karin")
    db.perform(CreateAccount(username="tomas", password=PASSWORD, role="instruktor", services=("fixartjanst",),
                             staff_id=staff["Tomas Fixare"].id))
    db.perform(CreateAccount(username="ingrid", password=PASSWORD, role="instruktor", services=("it_stod",)))
    db.actor = None
    return staff


@pytest.fixture
def open_support(qtbot, db, tmp_path):
    """The window of someone signed in, on a computer whose last user chose `remembered` as Min insats
    and Greta as the fixare of the last home visit."""
    built = []

    def open_as(user, remembered, greta_id):
        sign_in(db, user)
        store = SettingsStore(tmp_path / "fonster.ini")
        settings = store.load()
        settings.my_service = remembered
        store.save(settings)
        store.set_state("support/staff/fixartjanst", QByteArray(str(greta_id).encode()))
        i18n.set_language("sv")
        context, window = build(db, store)
        built.append((context, window))
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.show_page("support")
        return window.page("support")

    yield open_as
    for context, window in built:
        context.ops.wait()
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_an_instructor_starts_on_his_own_service_and_staff_member_and_his_contact_is_saved(db, unit, open_support):
    page = open_support("tomas", "it_stod", unit["Greta Fixare"].id)
    tomas = unit["Tomas Fixare"].id
    assert page.service_key() == "fixartjanst"  # his own, not the IT-stöd of the computer's last user
    assert page.persons.form.staff.currentData() == tomas  # not Greta, chosen last on this computer
    assert page.groups.staff.currentData() == tomas and page.trainings.staff.currentData() == tomas

    person = factories.person(db, reference="P-1")
    page.persons.select_person(person)
    page.persons.form.minutes.setText("45")
    assert page.persons.form.save_changes()  # not refused: his service, and his name on the contact
    saved = db.read(contacts.list_contacts, person_id=person.id)
    assert [(c.service_key, c.staff_id, c.minutes) for c in saved] == [("fixartjanst", tomas, 45)]


def test_an_instructor_tied_to_no_staff_member_starts_on_the_first_service_of_her_account(db, unit, open_support):
    page = open_support("ingrid", "fixartjanst", unit["Greta Fixare"].id)
    assert page.service_key() == "it_stod"  # not the Fixartjänst of the computer's last user


def test_someone_not_an_instructor_starts_where_the_computer_left_off(db, unit, open_support):
    page = open_support("karin", "it_stod", unit["Greta Fixare"].id)
    assert page.service_key() == "it_stod"
