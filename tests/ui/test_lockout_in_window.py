"""In the window: a locked account, the unit head's unlock, and a restore only the unit head may do."""

import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QMessageBox

from seniorhalsan import stats
from seniorhalsan.database import DamagedDatabase, open_database
from seniorhalsan.db.backup import take_backup
from seniorhalsan.paths import sqlite_url
from seniorhalsan.services import accounts
from seniorhalsan.ui.app import offer_restore
from seniorhalsan.ui.login import LoginDialog
from tests import factories

PASSWORD = "ett-långt-lösen"


@pytest.fixture
def staff(db):
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = accounts.sign_in(db, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="maria", password=PASSWORD, role="samordnare")
    db.actor = None
    return db


def test_the_login_dialog_says_the_account_is_locked(qtbot, staff):
    dialog = LoginDialog(staff)
    qtbot.addWidget(dialog)
    dialog.username.setText("maria")
    for _ in range(5):
        dialog.password.setText("inte-rätt-lösen")
        assert not dialog.try_login()
    dialog.password.setText(PASSWORD)
    assert not dialog.try_login()
    assert "låst till kl." in dialog.error.text() and "enhetschefen" in dialog.error.text()
    assert staff.actor is None


def test_the_unit_head_unlocks_on_the_accounts_page(window, staff):
    for _ in range(5):
        with pytest.raises(accounts.LoginFailed):
            accounts.sign_in(staff, username="maria", password="inte-rätt-lösen")
    staff.actor = accounts.sign_in(staff, username="karin", password=PASSWORD)
    window.apply_role()
    window.show_page("privacy")
    page = window.page("privacy")
    page.activated()
    locked_column = page.account_tab.accounts.columnCount() - 1
    shown = {page.account_tab.accounts.index(r, 0).data(): page.account_tab.accounts.index(r, locked_column).data()
             for r in range(page.account_tab.accounts.rowCount())}
    assert shown["karin"] == "" and shown["maria"] != ""
    assert page.account_tab.unlock("maria")
    assert accounts.sign_in(staff, username="maria", password=PASSWORD).username == "maria"


def test_a_damaged_database_is_restored_in_the_window_only_by_the_unit_head(qtbot, staff, db_path, monkeypatch):
    factories.session(staff, factories.activity(staff), factories.place_named(staff, "Axelsberg"), dt.date(2025, 3, 3),
                      total=4)
    take_backup(db_path, "manuell")
    staff.dispose()
    with open(db_path, "r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(4096 * 3))
    with pytest.raises(DamagedDatabase) as damaged:
        open_database(sqlite_url(db_path))
    messages = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[0].click())  # "Återställ säkerhetskopian"
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: messages.append(text))
    who = {"name": "maria"}

    def login(dialog):
        dialog.username.setText(who["name"])
        dialog.password.setText(PASSWORD)
        return dialog.try_login() and LoginDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", login)
    assert offer_restore(damaged.value, sqlite_url(db_path)) is None
    assert messages == ["Bara enhetschefen kan återställa databasen."]
    with pytest.raises(DamagedDatabase):
        open_database(sqlite_url(db_path))
    who["name"] = "karin"
    restored = offer_restore(damaged.value, sqlite_url(db_path))
    assert restored is not None and restored.read(stats.year_stats, 2025).attendance.visits == 4
    restored.dispose()
