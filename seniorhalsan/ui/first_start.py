"""The first start on an empty database: load demo data to try the program, or start empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..operations.imports import GenerateDemo
from .common import AppContext, show_error
from .i18n import _


def offer_demo(parent: QWidget, app: AppContext, on_finished) -> None:
    """Ask; with 'demo' the demo year is built on a worker while a progress dialog shows."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Välkommen till Seniorhälsan"))
    box.setText(_("Databasen är tom."))
    box.setInformativeText(
        _("Vill du prova programmet med påhittade demodata (ett helt år med aktiviteter, besök, "
          "hembesök och synpunkter), eller börja med en tom databas för enhetens riktiga uppgifter?")
    )
    demo_button = box.addButton(_("Ladda demodata"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Börja med tom databas"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo_button)
    box.exec()
    if box.clickedButton() is not demo_button:
        on_finished(False)
        return
    progress = QProgressDialog(_("Skapar demodata …"), "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.show()

    def done(_summary) -> None:
        progress.close()
        on_finished(True)

    def failed(exc: Exception) -> None:
        progress.close()
        show_error(parent, exc)
        on_finished(False)

    app.perform_later(GenerateDemo(), on_done=done, on_error=failed)
