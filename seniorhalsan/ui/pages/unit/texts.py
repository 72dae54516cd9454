"""Enheten och foldern: the unit's name, its contact details and the texts the folder prints
beside the schedule, edited and saved together."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ....operations.catalogue import UpdateUnit
from ....services import lookups
from ....services import texts as text_service
from ....services.lookups import services as list_services
from ....services.units import CONTACT_TEXT, shipped_example
from ...common import submit
from ...forms import ERROR_STYLE, FieldErrors, hint
from ...i18n import _

FOLDER_TEXTS = (CONTACT_TEXT, "folder.presentation", "folder.feedback", "folder.other_actors")


def text_label(key: str) -> str:
    return {
        CONTACT_TEXT: _("&Kontaktuppgifter (enhetschefen: namn, telefon, e-post)"),
        "folder.presentation": _("&Presentation av enheten"),
        "folder.feedback": _("Så lämnar du s&ynpunkter (Tyck till)"),
        "folder.other_actors": _("Andra akt&örer"),
    }.get(key, key)


class UnitTexts(QWidget):
    """The unit's name and district, then one field per text (the unit's own and each service's);
    Save keeps them all, or none. The fields scroll; the Save button stays in sight."""

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.intro = hint()
        self.name = QLineEdit()
        self.district = QLineEdit()
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.hide()
        self.errors = FieldErrors(self.general)
        self.unit_box = QGroupBox()
        unit_form = QFormLayout(self.unit_box)
        unit_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_label, self.district_label = QLabel(), QLabel()
        self.errors.row(unit_form, "name", self.name_label, self.name)
        self.errors.row(unit_form, "district", self.district_label, self.district)

        self.texts_box = QGroupBox()
        texts_layout = QVBoxLayout(self.texts_box)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        service_list = self.app.db.read(list_services)
        keys = list(FOLDER_TEXTS) + [f"folder.service.{s.key}" for s in service_list]
        self.service_names = {f"folder.service.{s.key}": s.name for s in service_list}
        self.example_note = QLabel()
        self.example_note.setWordWrap(True)
        self.example_note.setStyleSheet(ERROR_STYLE)
        self.example_note.hide()
        for key in keys:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            lines = 7 if key == "folder.presentation" else 4  # a longer text scrolls inside its field
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 16)
            edit.textChanged.connect(self._edited)
            label = QLabel()
            label.setBuddy(edit)
            label.setWordWrap(True)
            self.edits[key] = edit
            self.labels[key] = label
            texts_layout.addWidget(label)
            if key == CONTACT_TEXT:
                texts_layout.addWidget(self.example_note)
            texts_layout.addWidget(self.errors.add(key, edit))  # a refusal names no text: it shows below
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.intro)
        inner_layout.addWidget(self.unit_box)
        inner_layout.addWidget(self.texts_box)
        inner_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.general)
        layout.addLayout(row)
        self.name.textChanged.connect(self._edited)
        self.district.textChanged.connect(self._edited)
        self.dirty = False
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(_(
            "Enhetens namn och texterna som står i foldern utöver schemat och aktiviteterna. Skriv enkelt "
            "och kort; foldern läses av äldre personer. Kontaktuppgifterna behövs innan foldern skrivs ut."
        ))
        self.unit_box.setTitle(_("Enheten"))
        self.name_label.setText(_("&Namn"))
        self.district_label.setText(_("S&tadsdel"))
        self.texts_box.setTitle(_("Texter i foldern"))
        for key, label in self.labels.items():
            label.setText(text_label(key) if key in FOLDER_TEXTS else
                          _("Så når man {service}").format(service=self.service_names.get(key, key)))
        self.example_note.setText(_("Det här är programmets exempel med påhittade uppgifter, inte enhetens. "
                                    "Skriv enhetens egna kontaktuppgifter."))
        self.save_button.setText(_("Spara &uppgifterna"))
        self.save_button.setToolTip(_("Spara enhetens namn och alla texter (Ctrl+S)"))

    def focus_contact(self) -> None:
        """The cursor in the contact details; the program's example is selected, so typing replaces it."""
        edit = self.edits[CONTACT_TEXT]
        edit.setFocus()
        if edit.toPlainText().strip() == shipped_example(CONTACT_TEXT):
            edit.selectAll()
        self.scroll.ensureWidgetVisible(edit)

    def load(self) -> None:
        unit = self.app.db.read(lookups.unit)
        for widget, text in ((self.name, unit.name), (self.district, unit.district or "")):
            widget.blockSignals(True)
            widget.setText(text)
            widget.blockSignals(False)
        for key, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setPlainText(self.app.db.read(text_service.get_text, key))
            edit.blockSignals(False)
        self.dirty = False
        self._mark_example()

    def refresh(self) -> None:
        """Someone saved the unit or its texts elsewhere: show theirs, unless edits are pending here."""
        if not self.dirty:
            self.load()

    def _mark_example(self) -> None:
        contact = self.edits[CONTACT_TEXT].toPlainText().strip()
        self.example_note.setVisible(bool(contact) and contact == shipped_example(CONTACT_TEXT))

    def _edited(self) -> None:
        self.dirty = True
        self.status.setText(_("Ändrat, inte sparat."))
        self._mark_example()

    def save(self) -> bool:
        if not self.dirty:
            return True
        texts = tuple((key, edit.toPlainText()) for key, edit in self.edits.items())
        operation = UpdateUnit(name=self.name.text(), district=self.district.text() or None, texts=texts)
        saved, _info = submit(self, self.errors, lambda: self.app.perform(operation))
        if not saved:
            return False
        self.errors.clear()
        self.dirty = False
        self.status.setText(_("Uppgifterna är sparade."))
        return True

    def discard(self) -> None:
        self.load()
        self.status.clear()
