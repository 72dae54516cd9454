"""The "Tyck till" form's fields in the order of the paper form, their words, and the lists
to choose from; what the form does with them is in `form.py`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ....periods import add_months
from ... import i18n
from ...forms import DateField, FieldErrors, hint
from ...i18n import _
from ...layouts import WrapLabel, columns, stacking_form
from .model import channel_labels, type_labels

TYPES = ("berom", "synpunkt", "klagomal")


class PaperForm(QWidget):
    """The fields, each registered by its field key for the service's refusals, and the buttons."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._added: list[tuple[QComboBox, Any]] = []  # choices offered only for the corrected item

        self.editing_note = WrapLabel()
        self.editing_note.setStyleSheet("font-weight: bold;")
        self.editing_note.hide()

        self.received = DateField(today)
        self.channel = QComboBox()
        self.type_buttons = {key: QRadioButton() for key in TYPES}
        self.type_group = QButtonGroup(self)
        type_row = QWidget()
        type_layout = QHBoxLayout(type_row)
        type_layout.setContentsMargins(0, 0, 0, 0)
        for key in TYPES:
            self.type_group.addButton(self.type_buttons[key])
            type_layout.addWidget(self.type_buttons[key])
        type_layout.addStretch(1)
        self.sender = QComboBox()
        self.about = QComboBox()
        self.about_note = QLineEdit()
        self.place = QComboBox()
        self.activity = QComboBox()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(220)
        self.contact = QLineEdit()
        self.contact_hint = hint()
        self.anonymous = QCheckBox()
        self.confidential = QCheckBox()
        self.due = DateField(add_months(today, 1))
        self.due_hint = hint()
        for field in (self.received, self.due):
            field.setMaximumWidth(170)
        self.general = WrapLabel()  # a refusal is never cut off
        self.general.hide()
        self.errors = FieldErrors(self.general)
        self.register = QPushButton()
        self.register.setProperty("primary", True)
        self.clear_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.hide()
        self.saved_note = QLabel()
        self.saved_note.setStyleSheet("color: #1e6b34; font-weight: bold;")
        self.saved_note.setWordWrap(True)

        for combo in (self.channel, self.sender, self.about, self.place, self.activity):
            # long template names must not push the text column off the page
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.labels = {name: QLabel() for name in (
            "received", "channel", "type", "sender", "about", "about_note", "place", "activity", "text", "contact",
            "due",
        )}
        left_column, right_column = QWidget(), QWidget()
        left = stacking_form(QFormLayout(left_column))
        left.setContentsMargins(0, 0, 0, 0)
        self.errors.row(left, "received_on", self.labels["received"], self.received)
        self.errors.row(left, "channel", self.labels["channel"], self.channel)
        self.errors.row(left, "type", self.labels["type"], type_row)
        self.labels["type"].setBuddy(self.type_buttons["berom"])
        self.errors.row(left, "from", self.labels["sender"], self.sender)
        self.errors.row(left, "about", self.labels["about"], self.about)
        self.errors.row(left, "about_note", self.labels["about_note"], self.about_note)
        self.errors.row(left, "place", self.labels["place"], self.place)
        self.errors.row(left, "activity", self.labels["activity"], self.activity)

        right = stacking_form(QFormLayout(right_column))
        right.setContentsMargins(0, 0, 0, 0)
        self.errors.row(right, "text", self.labels["text"], self.text)
        right.addRow(self.labels["contact"], self._with_hint("contact", self.contact, self.contact_hint))
        flags = QHBoxLayout()
        flags.addWidget(self.anonymous)
        flags.addWidget(self.confidential)
        flags.addStretch(1)
        right.addRow("", flags)
        right.addRow(self.labels["due"], self._with_hint("answer_due", self.due, self.due_hint))
        self.labels["contact"].setBuddy(self.contact)
        self.labels["due"].setBuddy(self.due)

        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_note, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.register)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editing_note)
        layout.addWidget(columns(left_column, right_column))  # one below the other at a big text size
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addLayout(buttons)

        for a, b in (
            (self.received, self.channel), (self.channel, self.type_buttons["berom"]),
            (self.type_buttons["berom"], self.type_buttons["synpunkt"]),
            (self.type_buttons["synpunkt"], self.type_buttons["klagomal"]),
            (self.type_buttons["klagomal"], self.sender), (self.sender, self.about), (self.about, self.about_note),
            (self.about_note, self.place), (self.place, self.activity), (self.activity, self.text),
            (self.text, self.contact), (self.contact, self.anonymous), (self.anonymous, self.confidential),
            (self.confidential, self.due), (self.due, self.register),
        ):
            self.setTabOrder(a, b)

    def _with_hint(self, field: str, widget: QWidget, below: QLabel) -> QWidget:
        """A field with its refusal and a hint under it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.errors.add(field, widget))
        layout.addWidget(below)
        return box

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            "received": _("&Mottagen:"), "channel": _("Hur den kom &in:"), "type": _("Typ:"),
            "sender": _("&Från:"), "about": _("Gä&ller:"), "about_note": _("Annat, ange &vad:"),
            "place": _("Mötes&plats:"), "activity": _("Ak&tivitet:"), "text": _("Te&xt:"),
            "contact": _("Kontakt&uppgift:"), "due": _("Återkoppling s&enast:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        for key, text in zip(TYPES, (_("&Beröm"), _("S&ynpunkt"), _("&Klagomål")), strict=True):
            self.type_buttons[key].setText(text)
        self.fill(self.channel, [(key, label) for key, label in channel_labels().items()], self.channel.currentData())
        self.about_note.setPlaceholderText(_("Kort, t.ex. \"fikat\""))
        self.about.setToolTip(_("Vad synpunkten eller klagomålet gäller, enligt stadens mall. Beröm behöver inget."))
        self.sender.setToolTip(_("Vem den kom från, enligt stadens mall."))
        self.text.setPlaceholderText(_("Skriv av texten på blanketten. Tab går vidare till nästa fält."))
        self.contact.setPlaceholderText(_("Namn och adress, telefon eller e-post"))
        self.contact_hint.setText(_("Återkoppling kan bara lämnas när det finns en kontaktuppgift. "
                                    "Lämna tomt om ingen finns."))
        self.anonymous.setText(_("An&onym"))
        self.anonymous.setToolTip(_("Avsändaren har inte skrivit sitt namn."))
        self.confidential.setText(_("&Sekretess"))
        self.confidential.setToolTip(_("Innehåller känsliga uppgifter: texten tas inte med i rapporter."))
        self.due_hint.setText(_("Sätts till en månad efter att den kom in; ändra vid behov."))
        self.clear_button.setText(_("Re&nsa"))
        self.clear_button.setToolTip(_("Töm formuläret utan att spara"))
        self.cancel_button.setText(_("Avb&ryt"))
        self.cancel_button.setToolTip(_("Lämna synpunkten som den var och gå tillbaka till listan"))
        self.fill_optional_labels()

    def show_mode(self, editing: Any) -> None:
        """The button and the note above the fields say whether a new item is registered or one
        corrected (`editing`, a registered item)."""
        self.clear_button.setVisible(editing is None)
        self.cancel_button.setVisible(editing is not None)
        self.editing_note.setVisible(editing is not None)
        if editing is None:
            self.register.setText(_("&Registrera"))
            self.register.setToolTip(_("Registrera synpunkten (Ctrl+Enter eller Ctrl+S)"))
            return
        self.register.setText(_("Spara än&dringen"))
        self.register.setToolTip(_("Spara rättelsen av den registrerade synpunkten (Ctrl+Enter eller Ctrl+S)"))
        note = _("Du ändrar {type} från {who}, mottagen {day}. Spara ändringen eller avbryt.")
        self.editing_note.setText(note.format(
            type=type_labels().get(editing.type, editing.type).lower(), who=editing.from_name,
            day=i18n.date_text(editing.received_on, "long"),
        ))

    def fill_optional_labels(self) -> None:
        for combo, text in ((self.sender, _("– välj –")), (self.about, _("– välj –")),
                            (self.place, _("– ingen –")), (self.activity, _("– ingen –"))):
            if combo.count() and combo.itemData(0) is None:
                combo.setItemText(0, text)

    # --- choices ----------------------------------------------------------------------------
    @staticmethod
    def fill(combo: QComboBox, items: list[tuple[Any, str]], keep: Any = None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def keep_choice(self, combo: QComboBox, data: Any, text: str) -> None:
        """Choose `data`, adding it if the list lacks it (an activity no longer in use, say)."""
        if data is not None and combo.findData(data) < 0:
            combo.addItem(text, data)
            self._added.append((combo, data))
        combo.setCurrentIndex(max(0, combo.findData(data)) if data is not None else 0)

    def drop_added_choices(self) -> None:
        """Take away the choices added only for a corrected item."""
        for combo, data in self._added:
            combo.removeItem(combo.findData(data))
        self._added = []
