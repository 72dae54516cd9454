"""Signing in, the role's pages, the idle lock, and the unit head's data-protection page."""

import datetime as dt

import pytest

from seniorhalsan.services import accounts, contacts, retention
from seniorhalsan.ui.app import build
from seniorhalsan.ui.login import FirstAccountDialog, IdleLock, LoginDialog
from seniorhalsan.ui.settings import SettingsStore
from tests import factories

PASSWORD = "ett-långt-lösen"


@pytest.fixture
def staff_accounts(db):
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="maria", password=PASSWORD, role="samordnare")
    db.call(accounts.create_account, username="tomas", password=PASSWORD, role="instruktor", services=["fixartjanst"])
    db.call(accounts.create_account, username="lisa", password=PASSWORD, role="lasare")
    db.actor = None
    return db


def test_login_dialog(qtbot, staff_accounts):
    db = staff_accounts
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("maria")
    dialog.password.setText("fel")
    assert not dialog.try_login()
    assert "Fel användarnamn eller lösenord" in dialog.error.text() and db.actor is None
    dialog.password.setText(PASSWORD)
    assert dialog.try_login()
    assert db.actor.username == "maria" and db.actor.role == "samordnare"


@pytest.mark.parametrize(
    "user, visible",
    [
        ("karin", {"attendance", "activities", "support", "feedback", "statistics", "import", "prints", "settings",
                   "privacy",
                   "signups", "unit"}),
        ("maria", {"attendance", "activities", "feedback", "statistics", "import", "prints", "settings", "signups",
                   "unit"}),
        ("tomas", {"support", "statistics", "import", "prints", "settings", "signups"}),  # the lists of what he leads
        ("lisa", {"statistics", "prints", "settings"}),
    ],
)
def test_each_role_sees_its_pages(qtbot, staff_accounts, tmp_path, user, visible):
    db = staff_accounts
    db.actor = db.call(accounts.login, username=user, password=PASSWORD)
    _context, window = build(db, SettingsStore(tmp_path / "f.ini"))
    qtbot.addWidget(window)
    shown = {window.navigation.item(r).data(256) for r in range(window.navigation.count())
             if not window.navigation.item(r).isHidden()}
    assert shown == visible
    window.show_page("privacy")
    assert window.current_key in visible
    assert user in window.windowTitle()


def test_the_first_account_dialog_creates_the_unit_head(qtbot, db):
    dialog = FirstAccountDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("karin")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText("något annat")
    assert not dialog.create()
    assert "inte lika" in dialog.errors.message_for("repeat")
    dialog.repeat.setText(PASSWORD)
    assert not dialog.create()  # the unit head is also added to the staff, by name
    assert "Måste fyllas i" in dialog.errors.message_for("name")
    assert not db.read(accounts.has_accounts)  # nothing half-saved
    dialog.display_name.setText("Karin Berg")
    assert dialog.create()
    assert db.actor.role == "enhetschef"


def test_the_window_locks_after_idle_time_and_keeps_the_work(qtbot, staff_accounts, tmp_path, monkeypatch):
    db = staff_accounts
    db.actor = db.call(accounts.login, username="maria", password=PASSWORD)
    _context, window = build(db, SettingsStore(tmp_path / "f.ini"))
    qtbot.addWidget(window)
    page = window.page("attendance")
    asked = []

    def answer(dialog):
        asked.append((dialog.windowTitle(), dialog.username.text(), dialog.username.isReadOnly()))
        dialog.password.setText(PASSWORD)
        return dialog.try_login() and LoginDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", answer)
    lock = IdleLock(window, db, 15)
    assert lock.timer.interval() == 15 * 60_000
    lock.lock()
    assert asked == [("Skärmen är låst", "maria", True)]
    assert window.isEnabled() and db.actor.username == "maria"
    assert window.page("attendance") is page


def test_the_unit_head_manages_accounts_log_and_gallring(window, qtbot, db, tmp_path, monkeypatch):
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    window.apply_role()
    window.show_page("privacy")
    page = window.page("privacy")
    page.account_tab.new_username.setText("tomas")
    page.account_tab.new_role.setCurrentIndex(page.account_tab.new_role.findData("instruktor"))
    page.account_tab.new_password.setText(PASSWORD)
    page.account_tab.new_repeat.setText(PASSWORD)
    assert not page.account_tab.create_account()
    assert "minst en insats" in page.account_tab.account_errors.message_for("services")
    page.account_tab.service_boxes["fixartjanst"].setChecked(True)
    assert page.account_tab.create_account()
    assert [a.username for a in db.read(accounts.list_accounts)] == ["karin", "tomas"]

    who = factories.person(db, reference="GAMMAL")
    factories.contact(db, who.id, day=dt.date(2018, 1, 8))
    db.read(contacts.list_contacts, person_id=who.id)
    page.activated()
    assert "1 personer" in page.gallring_preview.text()
    monkeypatch.setattr(page, "ask", lambda question: True)
    page.gallra()
    assert db.read(retention.preview).persons == 0

    page.search_log()
    assert page.log.rowCount() >= 1
    exported = tmp_path / "logg.csv"
    assert page.export_log(exported) == page.log.total
    assert "Gallrade" in exported.read_text(encoding="utf-8-sig")


def test_a_new_account_starts_as_the_least_powerful_role_and_from_its_staff_member(window, db):
    from seniorhalsan.services import staff

    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    tomas = factories.staff_member(db, "Tomas Fixare", services=["fixartjanst"])
    window.apply_role()
    window.show_page("privacy")
    tab = window.page("privacy").account_tab
    tab.load()
    assert tab.new_role.currentData() == "lasare"  # a mistake shows too little, never too much
    tab.new_staff.setCurrentIndex(tab.new_staff.findData(tomas.id))
    assert tab.new_name.text() == "Tomas Fixare" and tab.new_role.currentData() == "instruktor"
    assert [k for k, box in tab.service_boxes.items() if box.isChecked()] == ["fixartjanst"]
    tab.new_username.setText("tomas")
    tab.new_password.setText(PASSWORD)
    tab.new_repeat.setText(PASSWORD)
    assert tab.create_account()
    created = next(a for a in db.read(accounts.list_accounts) if a.username == "tomas")
    assert created.staff_name == "Tomas Fixare" and created.service_names == ("Fixartjänst",)
    assert tab.new_staff.findData(tomas.id) == -1  # he has his account: not offered again
    assert tab.accounts.index(1, 4).data() == "Fixartjänst"  # services by name in the list
    assert db.read(staff.find_staff, "Tomas Fixare").id == tomas.id
