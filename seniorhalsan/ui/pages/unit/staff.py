"""Medarbetare: staff, hourly-paid seniors, volunteers and outside leaders, with their services.

They lead activities (the Ledare lists offer them) and make support contacts; one who has
left stays in the history, marked as no longer working here. A volunteer's entry is also the
volunteer register: what they lead or help with, where, since when and their last day.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QWidget

from ....operations.catalogue import CreateStaff, UpdateStaff
from ....services import staff as staff_service
from ....services.lookups import services as list_services
from ....services.staff import StaffInfo
from ....vocabulary import STAFF_KINDS
from ...forms import select_data
from ...i18n import _
from ...models import Column
from .records import RecordForm, RecordsTab
from .volunteer import VolunteerFields


class StaffForm(RecordForm):
    """Name, kind (employee, hourly-paid senior, volunteer, outside leader), title, contact details,
    the services they work in, and whether they still work here."""

    def build(self, form: QFormLayout) -> None:
        self.service_names = {s.key: s.name for s in self.app.db.read(list_services)}
        self.name = QLineEdit()
        self.kind = QComboBox()
        for key, label in STAFF_KINDS.items():
            self.kind.addItem(_(label), key)
        self.title_edit = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.service_boxes: dict[str, QCheckBox] = {}
        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (key, name) in enumerate(self.service_names.items()):
            box = QCheckBox(name)
            box.toggled.connect(self.changed)
            self.service_boxes[key] = box
            grid.addWidget(box, index // 2, index % 2)
        self.active = QCheckBox()
        self.labels = {key: QLabel() for key in ("name", "kind", "title", "phone", "email", "services")}
        self.errors.row(form, "name", self.labels["name"], self.name)
        self.errors.row(form, "staff_kind", self.labels["kind"], self.kind)
        self.errors.row(form, "title", self.labels["title"], self.title_edit)
        self.errors.row(form, "phone", self.labels["phone"], self.phone)
        self.errors.row(form, "email", self.labels["email"], self.email)
        self.labels["services"].setBuddy(next(iter(self.service_boxes.values()), None))
        form.addRow(self.labels["services"], self.errors.add("services", boxes))
        form.addRow("", self.active)
        self.volunteer = VolunteerFields(self.app, form, self.errors, self.changed)
        for edit in (self.name, self.title_edit, self.phone, self.email):
            edit.textChanged.connect(self.changed)
            edit.returnPressed.connect(self.save_changes)
        self.kind.currentIndexChanged.connect(self.changed)
        self.active.toggled.connect(self.changed)

    def retranslate(self) -> None:
        for key, text in (("name", _("&Namn")), ("kind", _("Anst&ällning")), ("title", _("T&itel")),
                          ("phone", _("Tele&fon")), ("email", _("&E-post")), ("services", _("Insa&tser"))):
            self.labels[key].setText(text)
        self.title_edit.setPlaceholderText(_("t.ex. fixare, syn- och hörselinstruktör, IT-pedagog"))
        for row, key in enumerate(STAFF_KINDS):
            self.kind.setItemText(row, _(STAFF_KINDS[key]))
        self.active.setText(_("Arbetar &kvar (visas i listorna)"))
        self.active.setToolTip(_("Den som har slutat finns kvar i historiken men föreslås inte längre som ledare."))
        self.volunteer.retranslate()
        self.discard.setText(_("Ång&ra"))
        self.save.setText(_("&Spara"))
        self.save.setToolTip(_("Spara medarbetaren (Ctrl+S)"))
        self.updated()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "kind": self.kind.currentData(),
            "title": self.title_edit.text().strip() or None,
            "phone": self.phone.text().strip() or None,
            "email": self.email.text().strip() or None,
            "services": tuple(k for k, box in self.service_boxes.items() if box.isChecked()),
            "active": self.active.isChecked(),
            **self.volunteer.values(self._is_volunteer(), self._has_left()),
        }

    def _is_volunteer(self) -> bool:
        return self.kind.currentData() == "volontar"

    def _has_left(self) -> bool:
        return self.record is not None and not self.active.isChecked()

    def updated(self) -> None:
        self.volunteer.show(self._is_volunteer(), self._has_left())
        super().updated()

    def fill(self, record: StaffInfo | None) -> None:
        self.name.setText(record.name if record else "")
        select_data(self.kind, record.kind if record else "anstalld")
        self.title_edit.setText((record.title or "") if record else "")
        self.phone.setText((record.phone or "") if record else "")
        self.email.setText((record.email or "") if record else "")
        for key, box in self.service_boxes.items():
            box.setChecked(record is not None and key in record.services)
        self.active.setChecked(record.active if record else True)
        self.active.setVisible(record is not None)
        self.volunteer.fill(record, self.app.db.clock())

    def preset(self, **values: Any) -> None:
        if "kind" in values:
            select_data(self.kind, values["kind"])

    def operation(self, values: dict[str, Any]):
        if self.record is None:
            values = dict(values)
            values.pop("active")
            values.pop("ended_on")
            return CreateStaff(**values)
        return UpdateStaff(staff_id=self.record.id, version=self.record.version, **values)

    def fetch(self, record_id: int) -> StaffInfo:
        return next(s for s in self.app.db.read(staff_service.list_staff, include_inactive=True) if s.id == record_id)

    def title_text(self) -> str:
        if self.record is not None:
            return self.record.name
        return _("Ny volontär") if self.kind.currentData() == "volontar" else _("Ny medarbetare")

    def first_field(self) -> QWidget:
        return self.name


def staff_columns(services: dict[str, str]) -> list[Column[StaffInfo]]:
    return [
        Column(lambda: _("Namn"), lambda s: s.name),
        Column(lambda: _("Anställning"), lambda s: _(STAFF_KINDS.get(s.kind, s.kind))),
        Column(lambda: _("Titel"), lambda s: s.title or ""),
        Column(lambda: _("Telefon"), lambda s: s.phone or ""),
        Column(lambda: _("Insatser"), lambda s: ", ".join(services.get(k, k) for k in s.services)),
    ]


class StaffTab(RecordsTab):
    def __init__(self, app, parent: QWidget | None = None) -> None:
        form = StaffForm(app)
        super().__init__(app, form, staff_columns(form.service_names), muted=lambda s: not s.active,
                         state_key="unit/staff-splitter", parent=parent)
        self.new = self.new_button(lambda: {"kind": "anstalld"})
        self.new_volunteer = self.new_button(lambda: {"kind": "volontar"})
        self.widths(125, 145, 95)
        self.retranslate()
        self.reload()
        self.form.load(None)

    def retranslate(self) -> None:
        self.new.setText(_("N&y medarbetare"))
        self.new_volunteer.setText(_("Ny &volontär"))
        self.show_all.setText(_("Visa de som s&lutat"))
        self.form.retranslate()
        self._show()

    def read(self) -> list[StaffInfo]:
        return self.app.db.read(staff_service.list_staff, include_inactive=True)

    def places_changed(self) -> None:
        """A place opened, closed or added: the volunteer's list of places follows."""
        self.form.volunteer.reload_places()

    def summary_text(self, rows: list[StaffInfo]) -> str:
        working = [s for s in self.records if s.active]
        volunteers = sum(1 for s in working if s.kind == "volontar")
        text = _("{n} arbetar här.").format(n=len(working))
        if volunteers:
            text += " " + (_("En av dem är volontär.") if volunteers == 1 else
                           _("{v} av dem är volontärer.").format(v=volunteers))
        return text + " " + _("De föreslås som ledare för aktiviteterna.")
