"""Opening a database in the window: at the start, and later the demo database or the unit's
real one (Arkiv menu, the demo banner). Sign-in, the first start's choice and the unit head's
first account happen here; a damaged file is offered its newest backup.

The data layer is imported inside the methods: the window shows itself before it is loaded.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from ..errors import UserError
from . import i18n
from .common import show_error
from .i18n import _

if TYPE_CHECKING:
    from ..database import DamagedDatabase
    from ..db.session import Database
    from .ahead import OpenedAhead
    from .common import AppContext
    from .main_window import MainWindow

log = logging.getLogger(__name__)


class Opener:
    """Opens databases in one window. `real_url` is the unit's own database, the one the demo
    banner's button goes back to."""

    def __init__(self, window: MainWindow, context: AppContext, real_url: str, fallback_url: str) -> None:
        self.window = window
        self.context = context
        self.real_url = real_url
        self.fallback_url = fallback_url  # the real database when the program was started on a demo file
        self.locks: list = []
        self.exit_code = 0  # when the start ends before the window opens: 1 if the database could not be opened
        window.opener = self

    # --- what the window asks for ----------------------------------------------------------------
    def start(self, url: str, ahead: OpenedAhead | None = None) -> bool:
        """Open the database the program was started with (perhaps already opened ahead); False
        when the program should end."""
        db = self._open(url, ahead)
        return db is not None and self._enter(db, starting=True)

    def open_real(self) -> bool:
        """From the demo back to the unit's own database."""
        if self.context.db is not None and self.context.db.url == self.real_url:
            return True
        db = self._open(self.real_url)
        return db is not None and self._enter(db, starting=False)

    def open_demo(self, *, starting: bool = False) -> bool:
        """The demo database, a file of its own in the data folder, filled with an invented year
        the first time (on a worker, while a progress dialog shows)."""
        from ..database import open_database
        from ..paths import demo_db_path, sqlite_url
        from ..services import lookups
        from .first_start import fill_demo

        url = sqlite_url(demo_db_path())
        if self.context.db is not None and self.context.db.url == url:
            return True
        try:
            db = open_database(url)
        except UserError as exc:
            show_error(self.window, exc, _("Demodatabasen kunde inte öppnas"))
            return False
        unit = db.read(lookups.unit)
        if not unit.demo and db.read(lookups.unit_is_empty) and not fill_demo(self.window, db, self.context.ops):
            db.dispose()
            return False
        return self._enter(db, starting=starting)

    # --- the steps ------------------------------------------------------------------------------
    def _open(self, url: str, ahead: OpenedAhead | None = None) -> Database | None:
        from ..database import DamagedDatabase, MissingDatabase, open_database

        self.exit_code = 1
        try:
            db = ahead.result() if ahead is not None and ahead.url == url else open_database(url)
        except (DamagedDatabase, MissingDatabase) as exc:
            db = offer_restore(exc, url)
        except UserError as exc:
            QMessageBox.critical(self.window, _("Databasen kunde inte öppnas"), str(exc))
            return None
        if db is not None:
            self.exit_code = 0  # from here on, only the user's own choice ends the start
        return db

    def _enter(self, db: Database, *, starting: bool) -> bool:
        """Sign in on `db` (or, on a new database, choose the demo or make the unit head's account)
        and show it in the window. When the window already shows a database and this fails, it
        keeps showing that one."""
        from ..services import accounts, lookups
        from .first_start import DEMO, REAL, welcome
        from .login import FirstAccountDialog, LoginDialog

        unit = db.read(lookups.unit)
        if db.read(accounts.has_accounts):
            if LoginDialog(db, parent=self.window).exec() != QDialog.DialogCode.Accepted:
                db.dispose()
                return False
        elif not unit.demo and db.read(lookups.unit_is_empty):
            choice = welcome(self.window, starting=starting)
            if choice == DEMO:
                db.dispose()
                return self.open_demo(starting=starting)
            leave = None if starting else _("Tillbaka till demodatabasen")
            first_account = FirstAccountDialog(db, self.window, leave_text=leave) if choice == REAL else None
            if first_account is None or first_account.exec() != QDialog.DialogCode.Accepted:
                db.dispose()
                return False
        if starting and unit.demo:
            self.real_url = self.fallback_url
        previous = self.context.db
        if previous is not None:
            self.window.release_database()
            previous.dispose()
        self.window.connect_database(db)
        self._signed_in(db)
        return True

    def _signed_in(self, db: Database) -> None:
        # one line a start: support (and the smoke test of a built program) can see it got this far
        log.info("Fönstret är öppet: sidan %s, språket %s.", self.window.current_key, i18n.language())
        for lock in self.locks:
            lock.db = db
        if db.actor is not None and not self.locks:
            from .login import IdleLock

            self.locks.append(IdleLock(self.window, db, self.context.settings.idle_lock_minutes))


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
                    QMessageBox.critical(None, _("Databasen är skadad"),
                                         _("Bara enhetschefen kan återställa databasen."))
                    return None
                username = copy.actor.username
        restore_database(exc.backup, exc.path, username=username)
        return open_database(url)
    except UserError as again:
        QMessageBox.critical(None, _("Databasen kunde inte öppnas"), str(again))
        return None
