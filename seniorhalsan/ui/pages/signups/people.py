"""The people on a list, and signing up with the keyboard alone: name, Tab, phone, Tab, … Enter.

After a sign-up the form is empty and the cursor is back in the name field, ready for the
next person; Delete on a chosen person cancels them (after a question), and the line below
says whom to call when the first on the waiting list moves up."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....services.signup_people import ParticipantInfo
from ....vocabulary import GENDERS
from ...forms import ERROR_STYLE, FieldErrors
from ...i18n import _
from ...layouts import WrapLabel
from ...models import RecordModel, record_view
from ...table_widths import ColumnWidths
from .models import participant_columns

CALL_STYLE = "color: #0b3d6b; font-weight: bold;"


class PeoplePanel(QWidget):
    """The list of one occasion with its sign-up form; it asks the page to save (`sign_up`, `cancel`)."""

    sign_up = Signal(dict)
    cancel = Signal(object)  # ParticipantInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordModel(participant_columns(), highlight=lambda p: None if p.has_place else "muted",
                                 parent=self)
        self.view = record_view(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ColumnWidths(self.view, {}, fill=1, fill_sample="Birgitta Ekh")  # a name is read, not squeezed
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._cancel)

        self.general = WrapLabel()  # a refusal is never cut off
        self.general.hide()
        self.errors = FieldErrors(self.general)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.gender = QComboBox()
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.labels = {key: QLabel() for key in ("name", "phone", "email", "gender", "note")}
        self.form_box = QGroupBox()
        form = QGridLayout(self.form_box)  # two fields a row: the list above keeps its room
        self.add_button = QPushButton()
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self._submit)
        places = {"name": (0, 0), "phone": (0, 2), "email": (1, 0), "gender": (1, 2), "note": (2, 0)}
        for key, widget in (("name", self.name), ("phone", self.phone), ("email", self.email),
                            ("gender", self.gender), ("note", self.note)):
            row, column = places[key]
            self.labels[key].setBuddy(widget)
            form.addWidget(self.labels[key], row, column)
            form.addWidget(self.errors.add(key, widget), row, column + 1)
        form.addWidget(self.add_button, 2, 3)
        form.addWidget(self.general, 3, 0, 1, 4)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        for edit in (self.name, self.phone, self.email, self.note):
            edit.returnPressed.connect(self._submit)

        self.message = WrapLabel()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.form_box)
        self.setTabOrder(self.name, self.phone)
        self.setTabOrder(self.phone, self.email)
        self.setTabOrder(self.email, self.gender)
        self.setTabOrder(self.gender, self.note)
        self.setTabOrder(self.note, self.add_button)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"name": _("&Namn:"), "phone": _("Tele&fon:"), "email": _("&E-post:"), "gender": _("&Kön:"),
                 "note": _("Ante&ckning:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.form_box.setTitle(_("Anmäl en person"))
        self.add_button.setText(_("Anmä&l"))
        self.cancel_button.setText(_("A&vanmäl …"))
        self.cancel_button.setToolTip(_("Avanmäl den valda personen (Delete)"))
        self.note.setPlaceholderText(_("t.ex. rullator"))
        self.phone.setPlaceholderText(_("t.ex. 070-123 45 67"))
        self.phone.setToolTip(_("Samma nummer anmäls inte två gånger på en lista."))
        chosen = self.gender.currentData()
        self.gender.clear()
        self.gender.addItem(_("(vet inte)"), None)
        for key, label in GENDERS.items():
            self.gender.addItem(_(label), key)
        self.gender.setCurrentIndex(max(0, self.gender.findData(chosen)))

    # --- the list ------------------------------------------------------------------------------
    def set_people(self, people: list[ParticipantInfo], *, may_manage: bool) -> None:
        self.model.set_rows(people)
        self.form_box.setVisible(may_manage)
        self.cancel_button.setVisible(may_manage)
        self.cancel_button.setEnabled(bool(people))

    def chosen(self) -> ParticipantInfo | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _cancel(self) -> None:
        person = self.chosen()
        if person is not None and self.cancel_button.isVisible():
            self.cancel.emit(person)

    # --- the form ------------------------------------------------------------------------------
    def values(self) -> dict:
        return {"name": self.name.text(), "phone": self.phone.text(), "email": self.email.text() or None,
                "gender": self.gender.currentData(), "note": self.note.text() or None}

    def _submit(self) -> None:
        self.sign_up.emit(self.values())

    def saved(self, text: str) -> None:
        """A sign-up went through: an empty form, the cursor in the name field, what happened below."""
        self.errors.clear()
        for edit in (self.name, self.phone, self.email, self.note):
            edit.clear()
        self.gender.setCurrentIndex(0)
        self.say(text)
        self.name.setFocus()

    def say(self, text: str, *, call: bool = False, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else CALL_STYLE if call else "")
        self.message.setText(text)

    def has_unsaved_changes(self) -> bool:
        return any(edit.text().strip() for edit in (self.name, self.phone, self.email, self.note))
