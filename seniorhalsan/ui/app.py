"""Starting the window: settings, language, text size, the window, then the database.

The window shows itself first (navigation, menus, status line) and opens the database
right after its first frame: the integrity check, any migration, sign-in and the first
page follow while the window is already on screen. The data layer is imported only then.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from ..errors import UserError
from ..paths import database_url
from . import i18n, style
from .common import AppContext, ChangeBus, show_error
from .i18n import _
from .settings import SettingsStore
from .worker import OpRunner

if TYPE_CHECKING:
    from ..database import DamagedDatabase
    from ..db.session import Database
    from .main_window import MainWindow

log = logging.getLogger(__name__)


def _context(db: Database | None, store: SettingsStore | None) -> AppContext:
    store = store or SettingsStore()
    settings = store.load()
    i18n.set_language(settings.language)
    qt_app = QApplication.instance()
    style.apply(qt_app, settings.text_size)
    return AppContext(db=db, ops=OpRunner(), store=store, settings=settings, bus=ChangeBus())


def build(db: Database, store: SettingsStore | None = None) -> tuple[AppContext, MainWindow]:
    """The app context and main window on an opened database (also used by the tests)."""
    from .main_window import MainWindow

    context = _context(db, store)
    return context, MainWindow(context)


def run(url: str | None, *, explicit: bool = True) -> int:
    """Open the window; without an explicit database the one chosen in Inställningar is used."""
    from .main_window import MainWindow

    qt_app = QApplication.instance() or QApplication(sys.argv)
    qt_app.setApplicationName("Seniorhälsan")
    store = SettingsStore()
    settings = store.load()
    if not explicit and settings.database:
        url = settings.database if "://" in settings.database else database_url(settings.database)
    url = url or database_url()
    context = _context(None, store)
    window = MainWindow(context, url=url)
    window.show()

    def open_after_first_frame() -> None:
        try:
            _open(qt_app, window, context, url)
        except Exception as exc:  # the calm message (a bug's details go to the log), as the command line does
            show_error(window, exc)
            qt_app.exit(1 if isinstance(exc, UserError) else 70)

    window.after_first_frame(open_after_first_frame)
    return qt_app.exec()


def _open(qt_app: QApplication, window: MainWindow, context: AppContext, url: str) -> None:
    """Open the database behind the shown window, sign in, and show the first page."""
    from ..db.backup import IntegrityCheck

    checking = IntegrityCheck.start_for(url)  # beside the import of the data layer just below
    from ..database import DamagedDatabase, MissingDatabase, open_database
    from ..services import accounts, lookups

    try:
        db = open_database(url, checked=checking)
    except (DamagedDatabase, MissingDatabase) as exc:
        db = offer_restore(exc, url)
        if db is None:
            qt_app.exit(1)
            return
    except UserError as exc:
        QMessageBox.critical(window, _("Databasen kunde inte öppnas"), str(exc))
        qt_app.exit(1)
        return
    if db.read(accounts.has_accounts):
        from .login import LoginDialog

        if LoginDialog(db).exec() != LoginDialog.DialogCode.Accepted:
            qt_app.exit(0)
            return
    window.connect_database(db)
    locks: list = []

    def signed_in() -> None:
        """Pages and locks follow the account once someone is signed in."""
        window.apply_role()
        window.retranslate()
        window.show_page(context.settings.last_page)
        # one line a start: support (and the smoke test of a built program) can see it got this far
        log.info("Fönstret är öppet: sidan %s, språket %s.", window.current_key, i18n.language())
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


def offer_restore(exc: DamagedDatabase, url: str) -> Database | None:
    """A damaged (or missing) file: offer the newest good backup instead of a traceback."""
    from ..database import MissingDatabase, open_database
    from ..db.backup import backup_day, has_accounts
    from ..restore import database_of_copy, restore_database

    if exc.backup is None:
        QMessageBox.critical(None, _("Databasen är skadad"), str(exc))
        return None
    day = backup_day(exc.backup)
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Databasen är skadad"))
    missing = isinstance(exc, MissingDatabase)
    box.setText(_("Databasfilen saknas, men det finns säkerhetskopior av den.") if missing
                else _("Databasfilen är skadad och kan inte öppnas."))
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
    username = None
    try:
        if has_accounts(exc.backup):  # only the unit head restores, checked against the backup
            from .login import LoginDialog

            with database_of_copy(exc.backup) as copy:
                if LoginDialog(copy).exec() != LoginDialog.DialogCode.Accepted:
                    return None
                if copy.actor is None or copy.actor.role != "enhetschef":
                    QMessageBox.critical(None, _("Databasen är skadad"), _("Bara enhetschefen kan återställa databasen."))
                    return None
                username = copy.actor.username
        restore_database(exc.backup, exc.path, username=username)
        return open_database(url)
    except UserError as again:
        QMessageBox.critical(None, _("Databasen kunde inte öppnas"), str(again))
        return None
