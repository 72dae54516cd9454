"""A volunteer's register fields in the Medarbetare form: what they lead or help with, at which
places, since when and (once they have left) their last day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from ....services import places as place_service
from ....services.staff import StaffInfo
from ...forms import DateField, FieldErrors
from ...i18n import _

PLACE_KINDS = ("motesplats", "aktivitetscenter", "gym", "partner", "utomhus", "digitalt")


class VolunteerFields:
    """The rows of the volunteer register, added to a form; shown only for a volunteer."""

    def __init__(self, app, form: QFormLayout, errors: FieldErrors, changed) -> None:
        self.app = app
        self.form = form
        today = app.db.clock()
        self.helps_with = QLineEdit()
        self.places = QListWidget()
        self.places.setMaximumHeight(self.places.fontMetrics().height() * 6)
        self.known_start = QCheckBox()
        self.started_on = DateField(today)
        since = QWidget()
        row = QHBoxLayout(since)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.known_start)
        row.addWidget(self.started_on, 1)
        self.ended_on = DateField(today)
        self.ended_on.set_range(None, today)  # a last day is written once it has been
        self.labels = {key: QLabel() for key in ("helps_with", "places", "started_on", "ended_on")}
        errors.row(form, "helps_with", self.labels["helps_with"], self.helps_with)
        errors.row(form, "volunteer_places", self.labels["places"], self.places)
        errors.row(form, "started_on", self.labels["started_on"], since)
        errors.row(form, "ended_on", self.labels["ended_on"], self.ended_on)
        self.rows = (self.helps_with, self.places, since, self.ended_on)
        self.boxes = {key: errors.labels[key].parentWidget() for key in
                      ("helps_with", "volunteer_places", "started_on", "ended_on")}
        self.reload_places()
        self.helps_with.textChanged.connect(changed)
        self.places.itemChanged.connect(changed)
        self.known_start.toggled.connect(changed)
        self.known_start.toggled.connect(self.started_on.setEnabled)
        self.started_on.dateChanged.connect(changed)
        self.ended_on.dateChanged.connect(changed)

    def retranslate(self) -> None:
        for key, text in (("helps_with", _("Leder eller h&jälper till med")), ("places", _("Vilka platser")),
                          ("started_on", _("&Började")), ("ended_on", _("Sl&utade"))):
            self.labels[key].setText(text)
        self.helps_with.setPlaceholderText(_("t.ex. leder Canasta, hjälper till med fika"))
        self.known_start.setText(_("känt:"))
        self.known_start.setToolTip(_("Första dagen som volontär; den styr vilka år hen räknas som aktiv."))
        self.ended_on.setToolTip(_("Några år efter sista dagen gallras namn och kontaktuppgifter, som för "
                                   "personer; tillfällena hen ledde räknas som förut."))

    def reload_places(self) -> None:
        """The places in use, those chosen for the volunteer kept checked."""
        chosen = set(self.chosen_places())
        self.places.blockSignals(True)
        self.places.clear()
        today = self.app.db.clock()
        for place in self.app.db.read(place_service.list_places):
            if place.kind in PLACE_KINDS and (place.in_use_on(today) or place.id in chosen):
                item = QListWidgetItem(place.name)
                item.setData(Qt.ItemDataRole.UserRole, place.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if place.id in chosen else Qt.CheckState.Unchecked)
                self.places.addItem(item)
        self.places.blockSignals(False)

    def chosen_places(self) -> tuple[int, ...]:
        return tuple(self.places.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.places.count())
                     if self.places.item(i).checkState() == Qt.CheckState.Checked)

    def show(self, volunteer: bool, left: bool) -> None:
        """The rows of a volunteer; the last day only for one who no longer works here."""
        for key, box in self.boxes.items():
            self.form.setRowVisible(box, volunteer and (key != "ended_on" or left))

    def values(self, volunteer: bool, left: bool) -> dict:
        if not volunteer:
            return {"helps_with": None, "places": (), "started_on": None, "ended_on": None}
        return {
            "helps_with": self.helps_with.text().strip() or None,
            "places": self.chosen_places(),
            "started_on": self.started_on.date_value() if self.known_start.isChecked() else None,
            "ended_on": self.ended_on.date_value() if left else None,
        }

    def fill(self, record: StaffInfo | None, today: dt.date) -> None:
        self.helps_with.setText((record.helps_with or "") if record else "")
        chosen = set(record.place_ids) if record else set()
        for i in range(self.places.count()):
            item = self.places.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                               else Qt.CheckState.Unchecked)
        started = record.started_on if record else today  # a new volunteer starts today, unless told otherwise
        self.known_start.setChecked(started is not None)
        self.started_on.setEnabled(started is not None)
        self.started_on.set_date(started or today)
        self.ended_on.set_date((record.ended_on if record else None) or today)
