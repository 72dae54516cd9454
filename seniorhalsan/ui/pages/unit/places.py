"""Mötesplatser: the unit's places, with their address, a new name from a day, closing and reopening."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from ....operations.catalogue import ClosePlace, CreatePlace, RenamePlace, UpdatePlace
from ....services import places as place_service
from ....services.places import PlaceInfo
from ....vocabulary import PLACE_KINDS
from ...common import confirm_unsaved, submit
from ...forms import DateField, hint, select_data
from ...i18n import _
from ...models import Column
from ..activities.dialogs import SubmitDialog
from .records import RecordForm, RecordsTab


def place_columns() -> list[Column[PlaceInfo]]:
    return [
        Column(lambda: _("Namn"), lambda p: p.name,
               tooltip=lambda p: _("Tidigare: {names}").format(names=", ".join(n for n, _d in p.former_names))
               if p.former_names else ""),
        Column(lambda: _("Typ"), lambda p: _(PLACE_KINDS.get(p.kind, p.kind))),
        Column(lambda: _("Stängd"), lambda p: p.closed_on, "date"),
        Column(lambda: _("Adress"), lambda p: p.address or ""),
    ]


class PlaceForm(RecordForm):
    """Name (a new place's; an existing one is renamed from a day), kind and address."""

    def build(self, form: QFormLayout) -> None:
        self.name = QLineEdit()
        self.name.setStyleSheet("QLineEdit:read-only { background: #eeeeee; }")  # not typed in: Byt namn …
        self.kind = QComboBox()
        for key, label in PLACE_KINDS.items():
            self.kind.addItem(_(label), key)
        self.address = QLineEdit()
        self.state = hint()
        self.labels = {key: QLabel() for key in ("name", "kind", "address")}
        self.errors.row(form, "name", self.labels["name"], self.name)
        self.errors.row(form, "place_kind", self.labels["kind"], self.kind)
        self.errors.row(form, "address", self.labels["address"], self.address)
        form.addRow(self.state)
        self.name.textChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self.changed)
        self.address.textChanged.connect(self.changed)
        self.name.returnPressed.connect(self.save_changes)
        self.address.returnPressed.connect(self.save_changes)

    def retranslate(self) -> None:
        self.labels["name"].setText(_("&Namn"))
        self.labels["kind"].setText(_("&Typ"))
        self.labels["address"].setText(_("Adr&ess"))
        self.address.setPlaceholderText(_("Gatuadress, som den ska stå i foldern"))
        for row, key in enumerate(PLACE_KINDS):
            self.kind.setItemText(row, _(PLACE_KINDS[key]))
        self.discard.setText(_("Ång&ra"))
        self.save.setText(_("&Spara"))
        self.save.setToolTip(_("Spara mötesplatsen (Ctrl+S)"))
        self.updated()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "kind": self.kind.currentData(),
                "address": self.address.text().strip()}

    def fill(self, record: PlaceInfo | None) -> None:
        self.name.setText(record.name if record else "")
        self.name.setReadOnly(record is not None)  # a new name keeps the old one for earlier days: Byt namn …
        self.name.setToolTip(_("Ett nytt namn ges med Byt namn …, från en viss dag.") if record is not None else "")
        select_data(self.kind, record.kind if record else "motesplats")
        self.address.setText((record.address or "") if record else "")

    def operation(self, values: dict[str, Any]):
        if self.record is None:
            return CreatePlace(name=values["name"], kind=values["kind"], address=values["address"] or None)
        return UpdatePlace(place_id=self.record.id, version=self.record.version, kind=values["kind"],
                           address=values["address"])  # "" empties the address; None would keep it

    def fetch(self, record_id: int) -> PlaceInfo:
        return self.app.db.read(place_service.get_place, record_id)

    def title_text(self) -> str:
        return self.record.name if self.record is not None else _("Ny mötesplats")

    def first_field(self) -> QWidget:
        return self.name if self.record is None else self.address

    def updated(self) -> None:
        super().updated()
        record: PlaceInfo | None = self.record
        texts = []
        if record is not None and record.former_names:
            names = [_("{name} (till {day})").format(name=n, day=d.isoformat()) for n, d in record.former_names]
            texts.append(_("Hette tidigare {names}.").format(names=", ".join(names)))
        if record is not None and record.closed_on is not None:
            closed = record.closed_on.isoformat()
            texts.append(_("Stängd från och med dagen efter {day}; historiken finns kvar.").format(day=closed))
        if record is not None:
            texts.append(_("Ett nytt namn gäller från en dag: äldre rapporter behåller det gamla (Byt namn …)."))
        self.state.setText(" ".join(texts))
        self.state.setVisible(bool(texts))


class NameDialog(SubmitDialog):
    """A place's new name and the first day it is used."""

    def __init__(self, place: PlaceInfo, submit, today, parent=None) -> None:
        super().__init__(submit, parent)
        self.setWindowTitle(_("Byt namn på {name}").format(name=place.name))
        self.name = QLineEdit(place.name)
        self.day = DateField(today)
        name_label, day_label = QLabel(_("Nytt &namn")), QLabel(_("Gäller &från"))
        self.errors.row(self.form, "new_name", name_label, self.name)
        self.errors.row(self.form, "valid_from", day_label, self.day)
        self.ok_button.setText(_("Byt namn"))
        self.name.selectAll()

    def values(self) -> dict[str, Any]:
        return {"new_name": self.name.text(), "from_date": self.day.date_value()}


class CloseDialog(SubmitDialog):
    """The last day a place is used."""

    def __init__(self, place: PlaceInfo, submit, today, parent=None) -> None:
        super().__init__(submit, parent)
        self.setWindowTitle(_("Stäng {name}").format(name=place.name))
        self.day = DateField(today)
        label = QLabel(_("Sista &dagen"))
        self.errors.row(self.form, "closed_on", label, self.day)
        self.ok_button.setText(_("Stäng platsen"))

    def values(self) -> dict[str, Any]:
        return {"closed_on": self.day.date_value()}


class PlacesTab(RecordsTab):
    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(app, PlaceForm(app), place_columns(), muted=lambda p: not p.in_use_on(app.db.clock()),
                         state_key="unit/places-splitter", parent=parent)
        self.new = self.new_button(dict)
        self.rename_button = QPushButton()
        self.close_button = QPushButton()
        self.form.extra_buttons.addWidget(self.rename_button)
        self.form.extra_buttons.addWidget(self.close_button)
        self.rename_button.clicked.connect(self.rename)
        self.close_button.clicked.connect(self.close_or_reopen)
        self.widths(150, 95)
        self.form.loaded.connect(self._update_buttons)
        self.retranslate()
        self.reload()
        self.form.load(None)
        self._update_buttons()

    def retranslate(self) -> None:
        self.new.setText(_("N&y mötesplats"))
        self.show_all.setText(_("Visa st&ängda"))
        self.rename_button.setText(_("&Byt namn …"))
        self.form.retranslate()
        self._update_buttons()
        self._show()

    def read(self) -> list[PlaceInfo]:
        return self.app.db.read(place_service.list_places)

    def summary_text(self, rows: list[PlaceInfo]) -> str:
        today = self.app.db.clock()
        open_places = [p for p in self.records if p.in_use_on(today)]
        without = sum(1 for p in open_places if not p.address)
        text = _("{n} mötesplatser i bruk.").format(n=len(open_places))
        if without:
            text += " " + _("{n} saknar adress; foldern skriver adressen under platsens namn.").format(n=without)
        return text

    def _update_buttons(self) -> None:
        record = self.form.record
        self.rename_button.setVisible(record is not None)
        self.close_button.setVisible(record is not None)
        closed = record is not None and record.closed_on is not None
        self.close_button.setText(_("Öppna &igen") if closed else _("Stäng p&latsen …"))

    def rename(self) -> None:
        place = self.form.record
        if place is None or not self._leave_form():
            return
        dialog = NameDialog(place, lambda v: self.app.perform(RenamePlace(place.id, v["new_name"], v["from_date"])),
                            self.app.db.clock(), self)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.form.load(dialog.outcome)
            self.reload()
            self._update_buttons()

    def close_or_reopen(self) -> None:
        place = self.form.record
        if place is None or not self._leave_form():
            return
        if place.closed_on is not None:
            saved, info = submit(self, self.form.errors,
                                 lambda: self.app.perform(UpdatePlace(place.id, version=place.version, reopen=True)))
            if saved:
                self.form.load(info)
                self.reload()
            self._update_buttons()
            return
        dialog = CloseDialog(place, lambda v: self.app.perform(ClosePlace(place.id, v["closed_on"])),
                             self.app.db.clock(), self)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.form.load(dialog.outcome)
            self.reload()
            self._update_buttons()

    def _leave_form(self) -> bool:
        """Unsaved edits of the place are saved (or left) before it is renamed or closed."""
        return confirm_unsaved(self, self.form)
