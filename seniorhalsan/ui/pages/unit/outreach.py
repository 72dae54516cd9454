"""Utåtriktat arbete: the outreach log (information meetings, fairs, adverts, mailings, posters, visits
to care centres, meetings with partners, social media), with the partner, the people reached and who
did it. The year's entries are shown; earlier years on request."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from ....operations.outreach import AddOutreach, DeleteOutreach, UpdateOutreach
from ....services import outreach as outreach_service
from ....services import places as place_service
from ....services import staff as staff_service
from ....services.outreach import OutreachInfo
from ....vocabulary import OUTREACH_KINDS
from ...common import ask, show_error
from ...forms import CountEdit, DateField, select_data
from ...i18n import _, number
from ...models import Column
from .records import RecordForm, RecordsTab


def outreach_columns() -> list[Column[OutreachInfo]]:
    return [
        Column(lambda: _("Datum"), lambda e: e.held_on, "date"),
        Column(lambda: _("Typ"), lambda e: _(e.kind_label)),
        Column(lambda: _("Samarbetspartner"), lambda e: e.partner_name or ""),
        Column(lambda: _("Nådda"), lambda e: e.reached, "number"),
        Column(lambda: _("Medarbetare"), lambda e: e.staff_name or ""),
        Column(lambda: _("Anteckning"), lambda e: " ".join((e.note or "").split()), tooltip=lambda e: e.note or ""),
    ]


class OutreachForm(RecordForm):
    """Date, kind, partner (of the register), people reached (empty: not counted), staff, note."""

    def build(self, form: QFormLayout) -> None:
        self.date = DateField(self.app.db.clock())
        self.date.set_range(None, self.app.db.clock())  # written once it has been done
        self.kind = QComboBox()
        for key in OUTREACH_KINDS:
            self.kind.addItem(key, key)
        self.partner = QComboBox()
        self.reached = CountEdit()
        self.staff = QComboBox()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.note.fontMetrics().height() * 5)
        self.labels = {key: QLabel() for key in ("date", "kind", "partner", "reached", "staff", "note")}
        for key, field, widget in (("date", "date", self.date), ("kind", "outreach_kind", self.kind),
                                   ("partner", "partner", self.partner), ("reached", "reached", self.reached),
                                   ("staff", "staff", self.staff), ("note", "note", self.note)):
            self.errors.row(form, field, self.labels[key], widget)
        self.reload_choices()
        self.date.dateChanged.connect(self.changed)
        for combo in (self.kind, self.partner, self.staff):
            combo.currentIndexChanged.connect(self.changed)
        self.reached.textChanged.connect(self.changed)
        self.reached.returnPressed.connect(self.save_changes)
        self.note.textChanged.connect(self.changed)

    def reload_choices(self) -> None:
        """The partners of the register and the staff who work here (and whoever the entry names)."""
        keep_partner, keep_staff = self.partner.currentData(), self.staff.currentData()
        for combo, rows in ((self.partner, self.app.db.read(place_service.list_partners)),
                            (self.staff, self.app.db.read(staff_service.list_staff, include_inactive=True))):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("(ingen)"), None)
            for row in rows:
                if getattr(row, "active", True) or (self.record is not None and row.id == self.record.staff_id):
                    combo.addItem(row.name, row.id)
            combo.blockSignals(False)
        select_data(self.partner, keep_partner)
        select_data(self.staff, keep_staff)

    def retranslate(self) -> None:
        for key, text in (("date", _("Dat&um")), ("kind", _("&Typ")), ("partner", _("Samarb&etspartner")),
                          ("reached", _("&Nådda")), ("staff", _("Medar&betare")), ("note", _("Anteckn&ing"))):
            self.labels[key].setText(text)
        for row, key in enumerate(OUTREACH_KINDS):
            self.kind.setItemText(row, _(OUTREACH_KINDS[key]))
        self.partner.setItemText(0, _("(ingen)"))
        self.staff.setItemText(0, _("(ingen)"))
        self.reached.setToolTip(_("Hur många som nåddes, om det räknades; tomt för en annons eller affischer "
                                  "(statistiken skriver då ej registrerat, inte noll)"))
        self.partner.setToolTip(_("Samarbetspartnerna läggs till på fliken Samarbetspartner"))
        self.discard.setText(_("Ång&ra"))
        self.save.setText(_("&Spara"))
        self.save.setToolTip(_("Spara (Ctrl+S)"))
        self.updated()

    def values(self) -> dict[str, Any]:
        return {"held_on": self.date.date_value(), "kind": self.kind.currentData(),
                "partner_id": self.partner.currentData(), "reached": self.reached.value(),
                "staff_id": self.staff.currentData(), "note": self.note.toPlainText().strip() or None}

    def fill(self, record: OutreachInfo | None) -> None:
        if record is not None and record.staff_id is not None and self.staff.findData(record.staff_id) < 0:
            self.staff.addItem(record.staff_name or "", record.staff_id)  # no longer here, but named
        self.date.set_date(record.held_on if record else self.app.db.clock())
        select_data(self.kind, record.kind if record else "informationsmote")
        select_data(self.partner, record.partner_id if record else None)
        self.reached.set_value(record.reached if record else None)
        select_data(self.staff, record.staff_id if record else None)
        self.note.setPlainText((record.note or "") if record else "")

    def operation(self, values: dict[str, Any]):
        if self.record is None:
            return AddOutreach(**values)
        return UpdateOutreach(self.record.id, self.record.version, **values)

    def fetch(self, record_id: int) -> OutreachInfo:
        return self.app.db.read(outreach_service.get_outreach, record_id)

    def title_text(self) -> str:
        if self.record is None:
            return _("Nytt utåtriktat arbete")
        return f"{_(self.record.kind_label)} {self.record.held_on.isoformat()}"

    def first_field(self) -> QWidget:
        return self.date


class OutreachTab(RecordsTab):
    def __init__(self, app, parent: QWidget | None = None) -> None:
        this_year = app.db.clock().year
        super().__init__(app, OutreachForm(app), outreach_columns(), muted=lambda e: e.held_on.year < this_year,
                         state_key="unit/outreach-splitter", parent=parent)
        self.new = self.new_button(dict)
        self.remove = QPushButton()
        self.form.extra_buttons.addWidget(self.remove)
        self.remove.clicked.connect(self.delete)
        self.form.loaded.connect(lambda: self.remove.setVisible(self.form.record is not None))
        self.widths(130, 150, 60, 130)
        self.retranslate()
        self.reload()
        self.form.load(None)

    def retranslate(self) -> None:
        self.new.setText(_("N&ytt utåtriktat arbete"))
        self.show_all.setText(_("Visa tidigare år"))
        self.remove.setText(_("Ta bort …"))
        self.form.retranslate()
        self._show()

    def read(self) -> list[OutreachInfo]:
        return self.app.db.read(outreach_service.list_outreach)

    def summary_text(self, rows: list[OutreachInfo]) -> str:
        year = self.app.db.clock().year
        this_year = [e for e in self.records if e.held_on.year == year]
        counted = [e.reached for e in this_year if e.reached is not None]
        text = _("{year}: {n} tillfällen med utåtriktat arbete.").format(year=year, n=len(this_year))
        if counted:
            text += " " + _("{reached} nådda vid de {counted} där det räknades.").format(
                reached=number(sum(counted)), counted=len(counted))
        return text

    def choices_changed(self) -> None:
        """A partner or a staff member added or changed: the form's lists follow."""
        self.form.reload_choices()

    def delete(self) -> None:
        entry = self.form.record
        if entry is None or not ask(self, _("Ta bort"), _("Ta bort {what} den {day}?").format(
                what=_(entry.kind_label).lower(), day=entry.held_on.isoformat())):
            return
        try:
            self.app.perform(DeleteOutreach(entry.id))
        except Exception as exc:
            show_error(self, exc)
            return
        self.form.load(None)
        self.reload()
