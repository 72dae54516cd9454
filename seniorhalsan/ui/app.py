"""Starting the window: settings, language, text size, the window, then the database.

The window shows itself first (navigation, menus, status line) while the database opens
on a thread of its own (the data layer's import, the integrity check, any migration);
sign-in and the first page follow right after the first frame.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from ..errors import UserError
from ..paths import database_url, default_db_path, sqlite_url
from . import i18n, style
from .ahead import OpenedAhead
from .common import AppContext, ChangeBus, show_error
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
    from .opening import Opener

    qt_app = QApplication.instance() or QApplication(sys.argv)
    qt_app.setApplicationName("Seniorhälsan")
    store = SettingsStore()
    settings = store.load()
    chosen = None
    if settings.database:
        chosen = settings.database if "://" in settings.database else database_url(settings.database)
    if not explicit and chosen:
        url = chosen
    url = url or database_url()
    context = _context(None, store)
    window = MainWindow(context, url=url)
    # the unit's own database, which the demo's banner goes back to
    opener = Opener(window, context, real_url=url, fallback_url=chosen or sqlite_url(default_db_path()))
    window.show()
    # the database opens on a thread of its own while Qt paints the first frame (Qt leaves
    # Python's lock free while it paints); started before, it would slow the window's building
    ahead = OpenedAhead(url)

    def open_after_first_frame() -> None:
        try:
            if not opener.start(url, ahead):
                qt_app.exit(opener.exit_code)
        except Exception as exc:  # the calm message (a bug's details go to the log), as the command line does
            show_error(window, exc)
            qt_app.exit(1 if isinstance(exc, UserError) else 70)

    window.after_first_frame(open_after_first_frame)
    return qt_app.exec()


def offer_restore(exc: DamagedDatabase, url: str) -> Database | None:
    """A damaged (or missing) file: offer the newest good backup (see opening.py)."""
    from .opening import offer_restore as offer

    return offer(exc, url)
