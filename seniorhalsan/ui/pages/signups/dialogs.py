"""The dialog that opens a sign-up list for an occasion of the schedule, or changes its places.

OK applies the operation; a refusal is shown under its field and the dialog stays open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ....services.schedule import EntryInfo
from ....services.signups import MAX_PLACES, OccasionInfo
from ... import i18n
from ...forms import AcceptedWhenSaved, DateField, FieldErrors, hint
from ...i18n import _
from ...layouts import WrapLabel


def entry_text(e: EntryInfo) -> str:
    day = i18n.date_text(e.on_date, "medium") if e.on_date else \
        i18n.weekday_names()[(e.weekday or 1) - 1] + ("ar" if i18n.language() == "sv" else "s")
    return f"{e.activity_name} – {day} {e.starts_at.strftime('%H:%M')}, {e.place_name}"


class ListDialog(AcceptedWhenSaved, QDialog):
    """Open a list (choose the schedule row) or change one (`current`): places and last day."""

    def __init__(self, *, submit: Callable[[dict[str, Any]], Any], entries: list[EntryInfo] = (),
                 current: OccasionInfo | None = None, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.outcome: Any = None
        self.setWindowTitle(_("Ändra platser") if current else _("Öppna anmälan"))
        self.general = WrapLabel()  # a refusal is never cut off
        self.general.hide()
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        self.entry = QComboBox()
        for e in entries:
            self.entry.addItem(entry_text(e), e.id)
        if current is None:
            label = QLabel(_("&Tillfälle:"))
            self.errors.row(form, "occasion", label, self.entry)
        else:
            form.addRow(QLabel(current.title))
        self.places = QSpinBox()
        self.places.setRange(0, MAX_PLACES)
        self.places.setValue(current.places if current else 12)
        self.errors.row(form, "places", QLabel(_("&Platser:")), self.places)
        self.has_last_day = QCheckBox(_("&Sista anmälningsdag:"))
        self.last_day = DateField(current.last_day if current and current.last_day else today)
        self.has_last_day.setChecked(bool(current and current.last_day))
        self.last_day.setEnabled(self.has_last_day.isChecked())
        self.has_last_day.toggled.connect(self.last_day.setEnabled)
        form.addRow(self.has_last_day, self.errors.add("last_day", self.last_day))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Avbryt"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(current is not None or bool(entries))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if current is None and not entries:
            layout.addWidget(hint(_("Terminens schema har inga kommande tillfällen utan anmälan.")))
        layout.addLayout(form)
        layout.addWidget(hint(_("Sista anmälningsdagen skrivs i foldern för utflykter och evenemang.")))
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        return {"entry_id": self.entry.currentData(), "places": self.places.value(),
                "last_day": self.last_day.date_value() if self.has_last_day.isChecked() else None}

