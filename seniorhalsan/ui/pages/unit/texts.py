"""Enheten och foldern: the unit's name and district above the folder's texts (its contact
details, presentation and the rest), saved together with one button."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ....operations.catalogue import UpdateUnit
from ....services import lookups
from ....services.texts import CONTACT_KEYS
from ...common import submit
from ...forms import FieldErrors, hint
from ...i18n import _
from ...layouts import WrapLabel
from ..prints.texts import FolderTexts


def typed(edit) -> str:
    """A text field's text, one line or many."""
    return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()


class UnitTexts(QWidget):
    """The unit's name and district, then the folder's fields; Save keeps them all, or none.
    The fields scroll; the Save button stays in sight."""

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.intro = hint()
        self.name = QLineEdit()
        self.district = QLineEdit()
        self.general = WrapLabel()
        self.general.hide()
        self.errors = FieldErrors(self.general)
        self.unit_box = QGroupBox()
        unit_form = QFormLayout(self.unit_box)
        unit_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_label, self.district_label = QLabel(), QLabel()
        self.errors.row(unit_form, "name", self.name_label, self.name)
        self.errors.row(unit_form, "district", self.district_label, self.district)
        # the folder's own fields, as Utskrifter had them; saved here with the unit's name
        self.folder = FolderTexts(app)
        self.folder.save_button.hide()
        self.folder.status.hide()
        for edit in self.folder.edits.values():
            edit.textChanged.connect(self._edited)
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.status = WrapLabel()
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.unit_box)
        layout.addWidget(self.folder, 1)
        layout.addWidget(self.general)
        layout.addLayout(row)
        self.name.textChanged.connect(self._edited)
        self.district.textChanged.connect(self._edited)
        self.unit_dirty = False
        self.load()

    @property
    def edits(self) -> dict:
        """The folder's text fields by key."""
        return self.folder.edits

    @property
    def dirty(self) -> bool:
        return self.unit_dirty or self.folder.dirty

    def retranslate(self) -> None:
        self.intro.setText(_("Enhetens namn står på foldern och rapporterna. Kontaktuppgifterna behövs innan "
                             "foldern skrivs ut."))
        self.unit_box.setTitle(_("Enheten"))
        self.name_label.setText(_("&Namn"))
        self.district_label.setText(_("S&tadsdel"))
        self.folder.retranslate()
        self.save_button.setText(_("Spara &uppgifterna"))
        self.save_button.setToolTip(_("Spara enhetens namn och alla texter (Ctrl+S)"))

    def contact_edit(self):
        """The first field of the unit's contact details (its phone)."""
        return self.folder.edits.get(CONTACT_KEYS[0]) or next(iter(self.folder.edits.values()))

    def focus_contact(self) -> None:
        """The cursor in the contact details, where a new unit starts."""
        edit = self.contact_edit()
        edit.setFocus()
        self.folder.ensureWidgetVisible(edit)

    def load(self) -> None:
        unit = self.app.db.read(lookups.unit)
        for widget, text in ((self.name, unit.name), (self.district, unit.district or "")):
            widget.blockSignals(True)
            widget.setText(text)
            widget.blockSignals(False)
        self.folder.load()
        self.unit_dirty = False

    def refresh(self) -> None:
        """Someone saved the unit or its texts elsewhere: show theirs, unless edits are pending here."""
        if not self.dirty:
            self.load()

    def _edited(self, *_args) -> None:
        self.unit_dirty = self.unit_dirty or self.sender() in (self.name, self.district)
        self.status.setText(_("Ändrat, inte sparat."))

    def save(self) -> bool:
        if not self.dirty:
            return True
        texts = tuple((key, typed(edit)) for key, edit in self.folder.edits.items())
        operation = UpdateUnit(name=self.name.text(), district=self.district.text() or None, texts=texts)
        saved, _info = submit(self, self.errors, lambda: self.app.perform(operation))
        if not saved:
            return False
        self.errors.clear()
        self.unit_dirty = self.folder.dirty = False
        self.status.setText(_("Uppgifterna är sparade."))
        return True

    def discard(self) -> None:
        self.load()
        self.status.clear()
