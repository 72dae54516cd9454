"""A person's card: the few facts the work needs, edited in place; also the form for a new person."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ....errors import Conflict, UserError, ValidationError
from ....operations.support import CreatePerson, UpdatePerson
from ....services import persons
from ....services.persons import PersonInfo
from ....vocabulary import GENDERS, HOUSING
from ...common import AppContext, show_error
from ...forms import ERROR_STYLE, FieldErrors, select_data
from ...i18n import _
from ...layouts import WrapLabel
from ...pair_grid import PairGrid
from .models import beside, choice_combo, error_label, note_edit, number_edit, retranslate_choices

# The card's fields in the order a new person is typed; the service's labels name them in refusals.
TEXT_FIELDS = ("reference", "name", "phone", "email", "address")


class PersonCard(QGroupBox):
    """Shows and edits the selected person, or takes a new one (`start_new`)."""

    saved = Signal(object, bool)  # PersonInfo, created
    cancelled = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.person: PersonInfo | None = None
        self.creating = False

        self.reference = QLineEdit()
        self.reference.setMaxLength(40)
        self.birth_year = number_edit(4, 80)
        self.gender = choice_combo(GENDERS, empty=True)
        self.housing = choice_combo(HOUSING, empty=True)
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.show_details = QToolButton()
        self.show_details.setCheckable(True)
        self.show_details.setAutoRaise(True)
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.email = QLineEdit()
        self.email.setMaxLength(120)
        self.address = QLineEdit()
        self.note = note_edit(1)
        self.undo = QPushButton()
        self.save = QPushButton()
        self.save.setProperty("primary", True)
        self.save.setAutoDefault(True)
        self.general = error_label()
        self.errors = FieldErrors(self.general)

        self.labels: dict[str, QLabel] = {k: QLabel() for k in (
            "reference", "birth_year", "gender", "housing", "name", "phone", "email", "address", "note")}
        for key, widget in (("reference", self.reference), ("birth_year", self.birth_year), ("gender", self.gender),
                            ("housing", self.housing), ("name", self.name), ("phone", self.phone),
                            ("email", self.email), ("address", self.address), ("note", self.note)):
            beside(self.labels[key], widget)
        # Two columns of label and field, so the card stays low and the contacts keep their room;
        # one column when the room is narrow (a big text size)
        grid = PairGrid(2)
        born = self._born_row()
        self.details = PairGrid(2)
        self.details.add(self.labels["phone"], self.errors.add("phone", self.phone))
        self.details.add(self.labels["email"], self.errors.add("email", self.email))
        self.details.add(self.labels["address"], self.errors.add("address", self.address), 2)
        grid.add(self.labels["reference"], self.errors.add("reference", self.reference))
        grid.add(self.labels["birth_year"], born)
        grid.add(self.labels["housing"], self.errors.add("housing", self.housing))
        grid.add(self.labels["name"], self.errors.add("name", self.name))
        grid.add(self.labels["note"], self.errors.add("note", self.note), 2)
        grid.add(None, self.details)

        buttons = QHBoxLayout()
        buttons.addWidget(self.show_details)
        buttons.addStretch(1)
        buttons.addWidget(self.undo)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(grid)
        layout.addWidget(self.general)
        layout.addLayout(buttons)

        self.setTabOrder(self.reference, self.birth_year)
        self.setTabOrder(self.birth_year, self.gender)
        self.setTabOrder(self.gender, self.housing)
        self.setTabOrder(self.housing, self.name)
        self.setTabOrder(self.name, self.note)
        self.setTabOrder(self.note, self.show_details)
        self.setTabOrder(self.show_details, self.phone)
        self.setTabOrder(self.phone, self.email)
        self.setTabOrder(self.email, self.address)
        self.setTabOrder(self.address, self.undo)
        self.setTabOrder(self.undo, self.save)

        for edit in (self.reference, self.birth_year, self.name, self.phone, self.email, self.address):
            edit.returnPressed.connect(self.save_changes)
            edit.textEdited.connect(self._edited)
        self.note.textChanged.connect(self._edited)
        self.gender.currentIndexChanged.connect(self._edited)
        self.housing.currentIndexChanged.connect(self._edited)
        self.show_details.toggled.connect(self._toggle_details)
        self.save.clicked.connect(self.save_changes)
        self.undo.clicked.connect(self.discard_changes)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)
        self.retranslate()
        self.load(None)

    def _born_row(self) -> QWidget:
        """Birth year and gender side by side, their refusals below both (a narrow field would
        squeeze its message into a column of single words)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.birth_year)
        row.addWidget(self.labels["gender"])
        row.addWidget(self.gender, 1)
        column.addLayout(row)
        for field, widget in (("birth_year", self.birth_year), ("gender", self.gender)):
            label = WrapLabel()
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
            column.addWidget(label)
            self.errors.labels[field] = label
            self.errors.widgets[field] = widget
        return box

    def _name_shared_errors(self) -> None:
        """Under the shared row, say which of the two fields a message is about."""
        for field, name in (("birth_year", _("Födelseår")), ("gender", _("Kön"))):
            label = self.errors.labels[field]
            if not label.isHidden():
                label.setText(f"{name}: {label.text()[:1].lower()}{label.text()[1:]}")

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            "reference": _("&Referens:"), "birth_year": _("&Födelseår:"), "gender": _("&Kön:"),
            "housing": _("&Boende:"), "name": _("&Namn:"), "phone": _("Te&lefon:"), "email": _("E-p&ost:"),
            "address": _("Adress:"), "note": _("Anteckning:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.reference.setPlaceholderText(_("Tomt: nästa lediga"))
        self.reference.setToolTip(_("Referensen som används i stället för personnummer. "
                                    "Lämna tomt så får personen nästa lediga nummer."))
        self.birth_year.setPlaceholderText(_("ÅÅÅÅ"))
        self.birth_year.setToolTip(_("Bara födelseåret behövs, för åldersgrupperna i statistiken."))
        self.name.setPlaceholderText(_("Frivilligt"))
        self.note.setPlaceholderText(_("Bara det som behövs för arbetet"))
        self.note.setToolTip(_("Skriv inga känsliga uppgifter som inte behövs för arbetet."))
        retranslate_choices(self.gender, GENDERS, _("– välj –"))
        retranslate_choices(self.housing, HOUSING, _("– inte angivet –"))
        self.undo.setToolTip(_("Visa de sparade uppgifterna igen"))
        self._update_texts()

    def _update_texts(self) -> None:
        shown = self.show_details.isChecked()
        filled = sum(1 for e in (self.phone, self.email, self.address) if e.text().strip())
        text = _("&Visa kontaktuppgifter") if not shown else _("Döl&j kontaktuppgifter")
        if filled and not shown:
            text += f" ({filled})"
        self.show_details.setText(("▾ " if shown else "▸ ") + text)
        self.show_details.setToolTip(_("Telefon, e-post och adress – bara om de behövs för arbetet"))
        if self.creating:
            self.setTitle(_("Ny person"))
            self.save.setText(_("Spara och skriv kontakt"))
            self.save.setToolTip(_("Sparar personen och går till Ny kontakt (Enter)"))
            self.undo.setText(_("Avbryt"))
        else:
            self.setTitle(_("Personen") if self.person is not None else _("Ingen person vald"))
            self.save.setText(_("Spara ändringar"))
            self.save.setToolTip(_("Spara ändringarna om personen (Enter eller Ctrl+S)"))
            self.undo.setText(_("Ångra"))

    # --- showing ----------------------------------------------------------------------------
    def load(self, person: PersonInfo | None) -> None:
        """Show a saved person (None: nobody selected)."""
        self.person = person
        self.creating = False
        self._fill(person)
        self.setEnabled(person is not None)

    def start_new(self, reference: str = "", name: str = "") -> None:
        """An empty card for a new person, possibly with what was typed in the search box."""
        self.person = None
        self.creating = True
        self._fill(None)
        self.reference.setText(reference)
        self.name.setText(name)
        self.setEnabled(True)
        self._update_buttons()
        (self.birth_year if reference else self.reference).setFocus()

    def _fill(self, person: PersonInfo | None) -> None:
        self.errors.clear()
        widgets = [self.reference, self.name, self.phone, self.email, self.address, self.birth_year,
                   self.gender, self.housing, self.note]
        for w in widgets:
            w.blockSignals(True)
        for key in TEXT_FIELDS:
            getattr(self, key).setText(getattr(person, key) or "" if person else "")
        self.birth_year.setText(str(person.birth_year) if person else "")
        select_data(self.gender, person.gender if person else None)
        select_data(self.housing, person.housing if person else None)
        self.note.setPlainText(person.note or "" if person else "")
        for w in widgets:
            w.blockSignals(False)
        self.show_details.blockSignals(True)
        self.show_details.setChecked(False)
        self.show_details.blockSignals(False)
        self.details.setVisible(False)
        self._update_texts()
        self._update_buttons()

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self._update_texts()
        if shown:
            self.phone.setFocus()

    def _edited(self, *_args) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self.has_changes()
        self.save.setEnabled(self.creating or dirty)
        self.undo.setEnabled(self.creating or dirty)

    # --- editing ----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The card's fields, as `CreatePerson` and `UpdatePerson` take them."""
        text = self.birth_year.text().strip()
        return {
            "reference": self.reference.text().strip() or None,
            "birth_year": int(text) if text.isdigit() else None,  # the field takes digits only
            "gender": self.gender.currentData(),
            "housing": self.housing.currentData(),
            "name": self.name.text().strip() or None,
            "phone": self.phone.text().strip() or None,
            "email": self.email.text().strip() or None,
            "address": self.address.text().strip() or None,
            "note": self.note.toPlainText().strip() or None,
        }

    def has_changes(self) -> bool:
        if self.creating:
            values = self.values()
            return any(v is not None for v in values.values())
        if self.person is None:
            return False
        return any(getattr(self.person, k) != v for k, v in self.values().items())

    def save_changes(self) -> bool:
        """Save the card; refusals appear under the fields, a stale card is shown afresh."""
        if not self.creating and not self.has_changes():
            return True
        values = self.values()
        try:
            if self.creating:
                saved = self.app.perform(CreatePerson(**values))
            else:
                saved = self.app.perform(UpdatePerson(self.person.id, self.person.version, **values))
        except ValidationError as exc:
            if {"phone", "email", "address"} & set(exc.fields):
                self.show_details.setChecked(True)  # a refusal must not hide behind the toggle
            self.errors.show(exc)
            self._name_shared_errors()
            return False
        except Conflict as exc:
            fresh = self.app.db.read(persons.get_person, self.person.id)
            self.load(fresh)
            self.general.setText(str(exc))
            self.general.show()
            return False
        except UserError as exc:
            self.general.setText(str(exc))
            self.general.show()
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        created = self.creating
        self.load(saved)
        self.saved.emit(saved, created)
        return True

    def _escape(self) -> None:
        """Esc leaves a new person unsaved (there is nothing to lose in an unchanged card)."""
        if self.creating:
            self.discard_changes()

    def discard_changes(self) -> None:
        if self.creating:
            self.load(None)
            self.cancelled.emit()
            return
        self.load(self.person)
