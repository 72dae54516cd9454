"""The first start on a new database: begin with the unit's own data, or try the demo database
(a file of its own, filled with an invented year, so that nothing invented reaches the unit's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from .common import show_error
from .i18n import _

if TYPE_CHECKING:
    from ..db.session import Database
    from .worker import OpRunner

REAL, DEMO, QUIT = "real", "demo", "quit"


def welcome(parent: QWidget | None, *, starting: bool = True) -> str:
    """REAL, DEMO or QUIT. The default (Enter) begins with the unit's own database; Esc ends the
    start (or, when the window is already open on the demo, stays there)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Välkommen till Seniorhälsan"))
    box.setText(_("Enhetens databas är ny och tom."))
    box.setInformativeText(_(
        "Börja med att skapa enhetschefens konto; sedan visar listan Kom igång vad som ska läggas in: "
        "enhetens uppgifter, mötesplatser, medarbetare, aktiviteter och terminens schema.\n\n"
        "Vill du först se hur programmet fungerar? Demodatabasen är en egen fil med ett påhittat år. "
        "Den ändrar ingenting i enhetens databas, som alltid finns ett klick bort."
    ))
    real = box.addButton(_("Börja med enhetens databas"), QMessageBox.ButtonRole.AcceptRole)
    demo = box.addButton(_("Prova med demodata"), QMessageBox.ButtonRole.ActionRole) if starting else None
    stop = box.addButton(_("Avsluta") if starting else _("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(real)
    box.setEscapeButton(stop)
    box.exec()
    clicked = box.clickedButton()
    return REAL if clicked is real else DEMO if demo is not None and clicked is demo else QUIT


def fill_demo(parent: QWidget | None, db: Database, ops: OpRunner) -> bool:
    """Build the demo year in `db` on a worker while a progress dialog shows; False if it failed
    (the user has been told)."""
    from ..operations.imports import GenerateDemo

    progress = QProgressDialog(_("Skapar demodatabasen med ett påhittat år …"), "", 0, 0, parent)
    progress.setWindowTitle(_("Demodata"))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.show()
    loop = QEventLoop()
    failure: list[Exception] = []

    def failed(exc: Exception) -> None:
        failure.append(exc)
        loop.quit()

    ops.run(lambda: db.perform(GenerateDemo()), on_done=lambda _outcome: loop.quit(), on_error=failed)
    loop.exec()
    progress.close()
    if failure:
        show_error(parent, failure[0])
        return False
    return True
