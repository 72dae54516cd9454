"""The "Tyck till" form as on paper, laid out so one is typed in well under a minute."""

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

from ...periods import add_months
from ...services.activities import ActivityInfo
from ...services.lookups import CategoryInfo
from ...services.places import PlaceInfo
from ..forms import DateField, FieldErrors, hint
from ..i18n import _
from .feedback_model import channel_labels

TYPES = ("berom", "synpunkt", "klagomal")
ABOUT_OTHER = "annat"
DEFAULT_FROM = "senior"
DEFAULT_CHANNEL = "blankett"


class FeedbackForm(QWidget):
    """Fields in the order of the paper form; `values()` are `register_feedback`'s arguments."""

    submitted = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._programmatic = False
        self._due_touched = False
        self._pristine: dict[str, Any] = {}

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
        self.errors.row(left, "Mottagen", self.labels["received"], self.received)
        self.errors.row(left, "Hur den kom in", self.labels["channel"], self.channel)
        self.errors.row(left, "Typ", self.labels["type"], type_row)
        self.labels["type"].setBuddy(self.type_buttons["berom"])
        self.errors.row(left, "Från", self.labels["sender"], self.sender)
        self.errors.row(left, "Gäller", self.labels["about"], self.about)
        self.errors.row(left, "Gäller, annat", self.labels["about_note"], self.about_note)
        self.errors.row(left, "Mötesplats", self.labels["place"], self.place)
        self.errors.row(left, "Aktivitet", self.labels["activity"], self.activity)

        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors.row(right, "Text", self.labels["text"], self.text)
        contact_box = QWidget()
        contact_layout = QVBoxLayout(contact_box)
        contact_layout.setContentsMargins(0, 0, 0, 0)
        contact_layout.setSpacing(2)
        contact_layout.addWidget(self.errors.add("Kontaktuppgift", self.contact))
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
        due_layout.addWidget(self.errors.add("Återkoppling senast", self.due))
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
        buttons.addWidget(self.register)
        layout = QVBoxLayout(self)
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
        self.register.setText(_("&Registrera"))
        self.register.setToolTip(_("Registrera synpunkten (Ctrl+Enter eller Ctrl+S)"))
        self.clear_button.setText(_("Re&nsa"))
        self.clear_button.setToolTip(_("Töm formuläret utan att spara"))
        self._fill_optional_labels()

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
        self._fill_optional_labels()
        self._programmatic = False
        self._update_enabled()
        if not self._pristine:
            self._pristine = self.snapshot()

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
        """Keyword arguments for `feedback.register_feedback`."""
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
        if self._pristine:
            self.received.set_date(self._pristine["received_on"])
            self.channel.setCurrentIndex(max(0, self.channel.findData(self._pristine["channel"])))
            self.place.setCurrentIndex(max(0, self.place.findData(self._pristine["place_id"])))
        self.clear()

    def focus_first(self) -> None:
        checked = self.type_group.checkedButton()
        (checked or self.type_buttons["berom"]).setFocus()
