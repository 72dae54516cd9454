"""The "Tyck till" form as on paper, laid out so one is typed in well under a minute; also
used to correct an item already registered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from ....services.activities import ActivityInfo
from ....services.feedback import FeedbackInfo
from ....services.lookups import CategoryInfo
from ....services.places import PlaceInfo
from ... import i18n
from ...forms import DateField, FieldErrors, hint, select_data
from ...i18n import _
from .model import channel_labels, type_labels

TYPES = ("berom", "synpunkt", "klagomal")
ABOUT_OTHER = "annat"
DEFAULT_FROM = "senior"
DEFAULT_CHANNEL = "blankett"


class FeedbackForm(QWidget):
    """Fields in the order of the paper form; `values()` are `register_feedback`'s arguments.

    With `start_edit` the form holds a registered item instead (`editing`), and `values()` are
    the changes for `update_feedback`; `stop_edit` brings back the registration form as it was.
    """

    submitted = Signal()
    cancelled = Signal()
    mode_changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._programmatic = False
        self._due_touched = False
        self._pristine: dict[str, Any] = {}
        self.editing: FeedbackInfo | None = None
        self._registration: dict[str, Any] = {}  # the blank form's state, kept while an item is corrected
        self._added: list[tuple[QComboBox, Any]] = []  # choices offered only for the corrected item

        self.editing_note = QLabel()
        self.editing_note.setWordWrap(True)
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
        self.general = QLabel()
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
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.row(left, "received_on", self.labels["received"], self.received)
        self.errors.row(left, "channel", self.labels["channel"], self.channel)
        self.errors.row(left, "type", self.labels["type"], type_row)
        self.labels["type"].setBuddy(self.type_buttons["berom"])
        self.errors.row(left, "from", self.labels["sender"], self.sender)
        self.errors.row(left, "about", self.labels["about"], self.about)
        self.errors.row(left, "about_note", self.labels["about_note"], self.about_note)
        self.errors.row(left, "place", self.labels["place"], self.place)
        self.errors.row(left, "activity", self.labels["activity"], self.activity)

        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.row(right, "text", self.labels["text"], self.text)
        contact_box = QWidget()
        contact_layout = QVBoxLayout(contact_box)
        contact_layout.setContentsMargins(0, 0, 0, 0)
        contact_layout.setSpacing(2)
        contact_layout.addWidget(self.errors.add("contact", self.contact))
        contact_layout.addWidget(self.contact_hint)
        self.labels["contact"].setBuddy(self.contact)
        right.addRow(self.labels["contact"], contact_box)
        flags = QHBoxLayout()
        flags.addWidget(self.anonymous)
        flags.addWidget(self.confidential)
        flags.addStretch(1)
        right.addRow("", flags)
        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.setSpacing(2)
        due_layout.addWidget(self.errors.add("answer_due", self.due))
        due_layout.addWidget(self.due_hint)
        self.labels["due"].setBuddy(self.due)
        right.addRow(self.labels["due"], due_box)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_note, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.register)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editing_note)
        layout.addLayout(columns)
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

        self.received.dateChanged.connect(lambda _d: self._received_changed())
        self.due.dateChanged.connect(lambda _d: self._due_changed())
        self.type_group.buttonToggled.connect(lambda *_a: self._update_enabled())
        self.about.currentIndexChanged.connect(lambda _i: self._update_enabled())
        self.register.clicked.connect(self.submitted)
        self.clear_button.clicked.connect(self.clear)
        self.cancel_button.clicked.connect(self.cancelled)
        self.contact.returnPressed.connect(self.submitted)
        self.about_note.returnPressed.connect(self.submitted)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submitted)
        self.retranslate()
        self._update_enabled()

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
        for key, text in zip(TYPES, (_("&Beröm"), _("S&ynpunkt"), _("&Klagomål"))):
            self.type_buttons[key].setText(text)
        self._fill(self.channel, [(key, label) for key, label in channel_labels().items()], self.channel.currentData())
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
        self._fill_optional_labels()
        self._show_mode()

    def _show_mode(self) -> None:
        """The button and the note above the fields say whether a new item is registered or one corrected."""
        item = self.editing
        self.clear_button.setVisible(item is None)
        self.cancel_button.setVisible(item is not None)
        self.editing_note.setVisible(item is not None)
        if item is None:
            self.register.setText(_("&Registrera"))
            self.register.setToolTip(_("Registrera synpunkten (Ctrl+Enter eller Ctrl+S)"))
            return
        self.register.setText(_("Spara än&dringen"))
        self.register.setToolTip(_("Spara rättelsen av den registrerade synpunkten (Ctrl+Enter eller Ctrl+S)"))
        note = _("Du ändrar {type} från {who}, mottagen {day}. Spara ändringen eller avbryt.")
        self.editing_note.setText(note.format(
            type=type_labels().get(item.type, item.type).lower(), who=item.from_name,
            day=i18n.date_text(item.received_on, "long"),
        ))

    def _fill_optional_labels(self) -> None:
        for combo, text in ((self.sender, _("– välj –")), (self.about, _("– välj –")),
                            (self.place, _("– ingen –")), (self.activity, _("– ingen –"))):
            if combo.count() and combo.itemData(0) is None:
                combo.setItemText(0, text)

    # --- choices ----------------------------------------------------------------------------
    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[Any, str]], keep: Any = None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def set_choices(self, senders: list[CategoryInfo], abouts: list[CategoryInfo], places: list[PlaceInfo],
                    activities: list[ActivityInfo]) -> None:
        """The template rows, places and activities; what was chosen stays chosen."""
        self._programmatic = True
        today = self.today
        kept = [(combo, combo.currentData(), combo.currentText()) for combo in (self.place, self.activity)]
        self._fill(self.sender, [(None, "")] + [(c.key, c.name) for c in senders],
                   self.sender.currentData() if self.sender.count() else DEFAULT_FROM)
        self._fill(self.about, [(None, "")] + [(c.key, c.name) for c in abouts], self.about.currentData())
        for combo, category_list in ((self.sender, senders), (self.about, abouts)):
            for row, category in enumerate(category_list, start=1):
                combo.setItemData(row, category.name, Qt.ItemDataRole.ToolTipRole)
        ordered = sorted(places, key=lambda p: (not p.in_use_on(today), p.name))
        self._fill(self.place, [(None, "")] + [
            (p.id, p.name if p.in_use_on(today) else p.name + " " + _("(stängd)")) for p in ordered
        ], self.place.currentData())
        self._fill(self.activity, [(None, "")] + [(a.id, a.name) for a in sorted(activities, key=lambda a: a.name)],
                   self.activity.currentData())
        if self.editing is not None:  # a corrected item's place or activity stays, even if no longer offered
            for combo, data, text in kept:
                self._keep_choice(combo, data, text)
        self._fill_optional_labels()
        self._programmatic = False
        self._update_enabled()
        if not self._pristine:
            self._pristine = self.snapshot()

    def _keep_choice(self, combo: QComboBox, data: Any, text: str) -> None:
        """Choose `data`, adding it if the list lacks it (an activity no longer in use, say)."""
        if data is not None and combo.findData(data) < 0:
            combo.addItem(text, data)
            self._added.append((combo, data))
        combo.setCurrentIndex(max(0, combo.findData(data)) if data is not None else 0)

    # --- behaviour --------------------------------------------------------------------------
    def _received_changed(self) -> None:
        if not self._due_touched:
            self._programmatic = True
            self.due.set_date(add_months(self.received.date_value(), 1))
            self._programmatic = False

    def _due_changed(self) -> None:
        if not self._programmatic:
            self._due_touched = True

    def type_key(self) -> str | None:
        return next((key for key, button in self.type_buttons.items() if button.isChecked()), None)

    def set_type(self, key: str | None) -> None:
        self.type_group.setExclusive(False)
        for name, button in self.type_buttons.items():
            button.setChecked(name == key)
        self.type_group.setExclusive(True)

    def _update_enabled(self) -> None:
        praise = self.type_key() == "berom"
        self.about.setEnabled(not praise)
        self.about_note.setEnabled(not praise and self.about.currentData() == ABOUT_OTHER)

    def values(self) -> dict[str, Any]:
        """Keyword arguments for `feedback.register_feedback` (and, all of them, for `update_feedback`)."""
        praise = self.type_key() == "berom"
        about = None if praise else self.about.currentData()
        return dict(
            received_on=self.received.date_value(),
            channel=self.channel.currentData() or DEFAULT_CHANNEL,
            type=self.type_key(),
            from_key=self.sender.currentData(),
            about_key=about,
            about_note=self.about_note.text() if about == ABOUT_OTHER else None,
            place_id=self.place.currentData(),
            activity_id=self.activity.currentData(),
            text=self.text.toPlainText(),
            contact=self.contact.text(),
            anonymous=self.anonymous.isChecked(),
            confidential=self.confidential.isChecked(),
            response_due=self.due.date_value(),
        )

    def snapshot(self) -> dict[str, Any]:
        values = self.values()
        values["about_key"] = self.about.currentData()
        values["about_note"] = self.about_note.text()
        return values

    def is_dirty(self) -> bool:
        return bool(self._pristine) and self.snapshot() != self._pristine

    def clear(self) -> None:
        """Back to a blank form; date, channel and place stay, as forms come in batches from one box."""
        self._programmatic = True
        self.set_type(None)
        index = self.sender.findData(DEFAULT_FROM)
        self.sender.setCurrentIndex(max(0, index))
        self.about.setCurrentIndex(0)
        self.about_note.clear()
        self.activity.setCurrentIndex(0)
        self.text.clear()
        self.contact.clear()
        self.anonymous.setChecked(False)
        self.confidential.setChecked(False)
        self._due_touched = False
        self.due.set_date(add_months(self.received.date_value(), 1))
        self._programmatic = False
        self.errors.clear()
        self._update_enabled()
        self._pristine = self.snapshot()

    def discard(self) -> None:
        """Forget the edits: back to the state after the last registration (or the start)."""
        self.saved_note.clear()
        if self.editing is not None:
            self.stop_edit()
            return
        if self._pristine:
            self.received.set_date(self._pristine["received_on"])
            select_data(self.channel, self._pristine["channel"])
            select_data(self.place, self._pristine["place_id"])
        self.clear()

    def focus_first(self) -> None:
        if self.editing is not None:  # a correction is most often of the date
            self.received.setFocus()
            return
        checked = self.type_group.checkedButton()
        (checked or self.type_buttons["berom"]).setFocus()

    # --- correcting a registered item -------------------------------------------------------
    def start_edit(self, item: FeedbackInfo) -> None:
        """Fill the form with a registered item; what the blank form held comes back with `stop_edit`."""
        if self.editing is None:
            self._registration = dict(self._pristine)
        self.editing = item
        self._programmatic = True
        self.received.set_date(item.received_on)
        select_data(self.channel, item.channel)
        self.set_type(item.type)
        select_data(self.sender, item.from_key)
        self.about.setCurrentIndex(max(0, self.about.findData(item.about_key)) if item.about_key else 0)
        self.about_note.setText(item.about_note or "")
        self._keep_choice(self.place, item.place_id, item.place_name or "")
        self._keep_choice(self.activity, item.activity_id, item.activity_name or "")
        self.text.setPlainText(item.text)
        self.contact.setText(item.contact or "")
        self.anonymous.setChecked(item.anonymous)
        self.confidential.setChecked(item.confidential)
        self.due.set_date(item.response_due)
        self._programmatic = False
        # the due date follows a corrected received date only if it was never set by hand
        self._due_touched = item.response_due != add_months(item.received_on, 1)
        self.saved_note.clear()
        self.errors.clear()
        self._update_enabled()
        self._show_mode()
        self._pristine = self.snapshot()
        self.mode_changed.emit()

    def stop_edit(self) -> None:
        """Back to registering new items, with the date, channel and place the blank form had."""
        if self.editing is None:
            return
        self.editing = None
        for combo, data in self._added:
            combo.removeItem(combo.findData(data))
        self._added = []
        self._pristine = self._registration
        self._registration = {}
        self._show_mode()
        self.discard()
        self.mode_changed.emit()
