"""The dialog for a session that is not on the schedule: an event or a trip."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QTimeEdit

from ....services import activities as activity_service
from ...i18n import _


class ExtraSessionDialog(QDialog):
    """An event or a trip that is not on the schedule."""

    def __init__(self, activities: list[activity_service.ActivityInfo], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Extra tillfälle"))
        self.activity = QComboBox()
        self.activity.setEditable(False)
        for a in activities:
            self.activity.addItem(a.name, a)
        self.starts = QTimeEdit(QTime(13, 0))
        self.starts.setDisplayFormat("HH:mm")
        self.ends = QTimeEdit(QTime(14, 0))
        self.ends.setDisplayFormat("HH:mm")
        form = QFormLayout(self)
        form.addRow(_("&Aktivitet"), self.activity)
        form.addRow(_("&Börjar"), self.starts)
        form.addRow(_("&Slutar"), self.ends)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Lägg till"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[activity_service.ActivityInfo, dt.time, dt.time]:
        start, end = self.starts.time(), self.ends.time()
        return (
            self.activity.currentData(),
            dt.time(start.hour(), start.minute()),
            dt.time(end.hour(), end.minute()),
        )
