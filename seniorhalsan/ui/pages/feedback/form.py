"""The "Tyck till" form as on paper, laid out so one is typed in well under a minute; also
used to correct an item already registered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ....periods import add_months
from ....services.activities import ActivityInfo
from ....services.feedback import FeedbackInfo, FeedbackInput
from ....services.lookups import CategoryInfo
from ....services.places import PlaceInfo
from ...forms import select_data
from ...i18n import _
from .paper import PaperForm

ABOUT_OTHER = "annat"
DEFAULT_FROM = "senior"
DEFAULT_CHANNEL = "blankett"


class FeedbackForm(PaperForm):
    """The paper form's fields; `values()` is what `RegisterFeedback` registers.

    With `start_edit` the form holds a registered item instead (`editing`), and `values()` is
    its correction (`CorrectFeedback`); `stop_edit` brings back the registration form as it was.
    """

    submitted = Signal()
    cancelled = Signal()
    mode_changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.today = today
        self._programmatic = False
        self._due_touched = False
        self._pristine: dict[str, Any] = {}
        self.editing: FeedbackInfo | None = None
        self._registration: dict[str, Any] = {}  # the blank form's state, kept while an item is corrected

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

    def retranslate(self) -> None:
        super().retranslate()
        self.show_mode(self.editing)

    # --- choices ----------------------------------------------------------------------------
    def set_choices(self, senders: list[CategoryInfo], abouts: list[CategoryInfo], places: list[PlaceInfo],
                    activities: list[ActivityInfo]) -> None:
        """The template rows, places and activities; what was chosen stays chosen."""
        self._programmatic = True
        today = self.today
        kept = [(combo, combo.currentData(), combo.currentText()) for combo in (self.place, self.activity)]
        self.fill(self.sender, [(None, "")] + [(c.key, c.name) for c in senders],
                  self.sender.currentData() if self.sender.count() else DEFAULT_FROM)
        self.fill(self.about, [(None, "")] + [(c.key, c.name) for c in abouts], self.about.currentData())
        for combo, category_list in ((self.sender, senders), (self.about, abouts)):
            for row, category in enumerate(category_list, start=1):
                combo.setItemData(row, category.name, Qt.ItemDataRole.ToolTipRole)
        ordered = sorted(places, key=lambda p: (not p.in_use_on(today), p.name))
        self.fill(self.place, [(None, "")] + [
            (p.id, p.name if p.in_use_on(today) else p.name + " " + _("(stängd)")) for p in ordered
        ], self.place.currentData())
        self.fill(self.activity, [(None, "")] + [(a.id, a.name) for a in sorted(activities, key=lambda a: a.name)],
                  self.activity.currentData())
        if self.editing is not None:  # a corrected item's place or activity stays, even if no longer offered
            for combo, data, text in kept:
                self.keep_choice(combo, data, text)
        self.fill_optional_labels()
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

    def values(self) -> FeedbackInput:
        """The item as the form holds it: what is registered, or the whole correction."""
        praise = self.type_key() == "berom"
        about = None if praise else self.about.currentData()
        return FeedbackInput(
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
        """What is typed, including a subject and note a praise does not save."""
        values = self.values().values()
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
        self.keep_choice(self.place, item.place_id, item.place_name or "")
        self.keep_choice(self.activity, item.activity_id, item.activity_name or "")
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
        self.show_mode(item)
        self._pristine = self.snapshot()
        self.mode_changed.emit()

    def stop_edit(self) -> None:
        """Back to registering new items, with the date, channel and place the blank form had."""
        if self.editing is None:
            return
        self.editing = None
        self.drop_added_choices()
        self._pristine = self._registration
        self._registration = {}
        self.show_mode(None)
        self.discard()
        self.mode_changed.emit()
