"""Samarbetspartner: the partner register, the places of kind partner with how to reach them and what
the unit does with them. Outreach names its partner from here, and the folder's "Andra aktörer"
prints the partners whose "Vad vi gör tillsammans" is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ....operations.catalogue import CreatePlace, UpdatePlace
from ....services import places as place_service
from ....services.places import PlaceInfo
from ...forms import hint
from ...i18n import _
from ...models import Column
from .records import RecordForm, RecordsTab


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def partner_columns() -> list[Column[PlaceInfo]]:
    return [
        Column(lambda: _("Namn"), lambda p: p.name),
        Column(lambda: _("Kontakt"), lambda p: p.contact or ""),
        Column(lambda: _("Vad vi gör tillsammans"), lambda p: one_line(p.together), tooltip=lambda p: p.together or ""),
    ]


class PartnerForm(RecordForm):
    """Name (a new partner's; an existing one is renamed under Mötesplatser), contact, what is done together."""

    def build(self, form: QFormLayout) -> None:
        self.name = QLineEdit()
        self.name.setStyleSheet("QLineEdit:read-only { background: #eeeeee; }")
        self.contact = QLineEdit()
        self.together = QPlainTextEdit()
        self.together.setTabChangesFocus(True)
        self.together.setMaximumHeight(self.together.fontMetrics().height() * 6)
        self.folder_hint = hint()
        self.labels = {key: QLabel() for key in ("name", "contact", "together")}
        self.errors.row(form, "name", self.labels["name"], self.name)
        self.errors.row(form, "contact", self.labels["contact"], self.contact)
        self.errors.row(form, "together", self.labels["together"], self.together)
        form.addRow(self.folder_hint)
        for edit in (self.name, self.contact):
            edit.textChanged.connect(self.changed)
            edit.returnPressed.connect(self.save_changes)
        self.together.textChanged.connect(self.changed)

    def retranslate(self) -> None:
        self.labels["name"].setText(_("&Namn"))
        self.labels["contact"].setText(_("&Kontakt"))
        self.labels["together"].setText(_("&Vad vi gör tillsammans"))
        self.contact.setPlaceholderText(_("Vem man når och hur, t.ex. receptionen, 08-…"))
        self.folder_hint.setText(_("Det som står under Vad vi gör tillsammans skrivs i foldern under Andra aktörer, "
                                   "tillsammans med kontakten. Skriv det så att en senior förstår det."))
        self.discard.setText(_("Ång&ra"))
        self.save.setText(_("&Spara"))
        self.save.setToolTip(_("Spara samarbetspartnern (Ctrl+S)"))
        self.updated()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "contact": self.contact.text().strip(),
                "together": self.together.toPlainText().strip()}

    def fill(self, record: PlaceInfo | None) -> None:
        self.name.setText(record.name if record else "")
        self.name.setReadOnly(record is not None)  # a new name keeps the old one for earlier days: Mötesplatser
        self.name.setToolTip(_("Ett nytt namn ges under Mötesplatser (Byt namn …), från en viss dag.")
                             if record is not None else "")
        self.contact.setText((record.contact or "") if record else "")
        self.together.setPlainText((record.together or "") if record else "")

    def operation(self, values: dict[str, Any]):
        if self.record is None:
            return CreatePlace(name=values["name"], kind="partner", contact=values["contact"] or None,
                               together=values["together"] or None)
        # "" empties a text; None would keep it
        return UpdatePlace(self.record.id, version=self.record.version, contact=values["contact"],
                           together=values["together"])

    def fetch(self, record_id: int) -> PlaceInfo:
        return self.app.db.read(place_service.get_place, record_id)

    def title_text(self) -> str:
        return self.record.name if self.record is not None else _("Ny samarbetspartner")

    def first_field(self) -> QWidget:
        return self.name if self.record is None else self.contact


class PartnersTab(RecordsTab):
    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(app, PartnerForm(app), partner_columns(), muted=lambda p: not p.in_use_on(app.db.clock()),
                         state_key="unit/partners-splitter", parent=parent)
        self.new = self.new_button(dict)
        self.widths(170)
        self.retranslate()
        self.reload()
        self.form.load(None)

    def retranslate(self) -> None:
        self.new.setText(_("N&y samarbetspartner"))
        self.show_all.setText(_("Visa de som inte är med längre"))
        self.form.retranslate()
        self._show()

    def read(self) -> list[PlaceInfo]:
        return self.app.db.read(place_service.list_partners)

    def summary_text(self, rows: list[PlaceInfo]) -> str:
        today = self.app.db.clock()
        current = [p for p in self.records if p.in_use_on(today)]
        printed = sum(1 for p in current if p.together)
        text = _("{n} samarbetspartner.").format(n=len(current))
        if printed:
            return text + " " + _("{n} av dem står i foldern under Andra aktörer.").format(n=printed)
        return text + " " + _("Ingen har något under Vad vi gör tillsammans ännu, så foldern skriver texten Andra "
                              "aktörer från fliken Enheten och foldern.")
