"""Starting the window: settings, language, text size, the database, the first start."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from ..database import DamagedDatabase, open_database
from ..db.backup import backup_day, restore_sqlite
from ..db.session import Database
from ..errors import UserError
from ..paths import database_url
from ..services import accounts, lookups
from . import i18n, style
from .common import AppContext, ChangeBus
from .i18n import _
from .settings import SettingsStore
from .worker import OpRunner

if TYPE_CHECKING:
    from .main_window import MainWindow


def build(db: Database, store: SettingsStore | None = None) -> tuple[AppContext, MainWindow]:
    """The app context and main window on an opened database (also used by the tests)."""
    from .main_window import MainWindow

    store = store or SettingsStore()
    settings = store.load()
    i18n.set_language(settings.language)
    qt_app = QApplication.instance()
    style.apply(qt_app, settings.text_size)
    context = AppContext(db=db, ops=OpRunner(), store=store, settings=settings, bus=ChangeBus())
    return context, MainWindow(context)


def run(url: str | None, *, explicit: bool = True) -> int:
    """Open the window; without an explicit database the one chosen in Inställningar is used."""
    qt_app = QApplication.instance() or QApplication(sys.argv)
    qt_app.setApplicationName("Seniorhälsan")
    store = SettingsStore()
    settings = store.load()
    i18n.set_language(settings.language)
    if not explicit and settings.database:
        url = settings.database if "://" in settings.database else database_url(settings.database)
    try:
        db = open_database(url or database_url())
    except DamagedDatabase as exc:
        db = offer_restore(exc, url or database_url())
        if db is None:
            return 1
    except UserError as exc:
        QMessageBox.critical(None, _("Databasen kunde inte öppnas"), str(exc))
        return 1
    if db.read(accounts.has_accounts):
        from .login import LoginDialog

        if LoginDialog(db).exec() != LoginDialog.DialogCode.Accepted:
            return 0
    context, window = build(db, store)
    window.show()
    locks: list = []

    def signed_in() -> None:
        """Pages and locks follow the account once someone is signed in."""
        window.apply_role()
        window.retranslate()
        window.show_page(context.settings.last_page)
        if db.actor is not None and not locks:
            from .login import IdleLock

            locks.append(IdleLock(window, db, context.settings.idle_lock_minutes))

    if db.read(lookups.unit_is_empty):
        from .first_start import offer_demo

        def after_first_start(loaded_demo: bool) -> None:
            if not loaded_demo and not db.read(accounts.has_accounts):
                from .login import FirstAccountDialog

                FirstAccountDialog(db, window).exec()
            signed_in()

        offer_demo(window, context, after_first_start)
    else:
        signed_in()
    return qt_app.exec()


def offer_restore(exc: DamagedDatabase, url: str) -> Database | None:
    """A damaged file: offer the newest good backup instead of a traceback."""
    if exc.backup is None:
        QMessageBox.critical(None, _("Databasen är skadad"), str(exc))
        return None
    day = backup_day(exc.backup)
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Databasen är skadad"))
    box.setText(_("Databasfilen är skadad och kan inte öppnas."))
    box.setInformativeText(
        _("Vill du återställa den senaste fungerande säkerhetskopian från {day}? "
          "Det som registrerats efter den måste då föras in igen. Den skadade filen sparas.").format(
            day=day.isoformat() if day else "?")
    )
    restore = box.addButton(_("Återställ säkerhetskopian"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Avsluta"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        return None
    restore_sqlite(exc.backup, exc.path)
    try:
        return open_database(url)
    except UserError as again:
        QMessageBox.critical(None, _("Databasen kunde inte öppnas"), str(again))
        return None
