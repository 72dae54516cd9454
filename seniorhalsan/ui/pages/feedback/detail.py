"""One feedback item: what it said, and the återkoppling and åtgärd recorded on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ....errors import NotFound, UserError
from ....operations import Operation
from ....operations.feedback import RecordAction, RecordAnswer
from ....services import feedback as feedback_service
from ....services.feedback import FeedbackInfo
from ... import i18n
from ...common import AppContext, submit
from ...forms import ERROR_STYLE, DateField, FieldErrors, commit_dates, hint
from ...i18n import _
from ...layouts import WrapLabel, flow, scrolled, stacking_form
from .model import channel_labels, overdue_text, type_labels

ANSWER, ACTION = "answer", "action"  # the two parts saved each with its own button


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    # never a sliver beside its label: narrower than this, the form puts it under the label
    edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 16)
    return edit


class FeedbackDetail(QWidget):
    """Shows the selected item; records återkoppling and åtgärd with the item's version.

    `saved` carries the item as the database now holds it; `stale` asks the page to read
    the register again (someone else changed the item, or removed it: then with why);
    `edit_requested` asks for the item in the form, to correct it.
    """

    saved = Signal(object)
    stale = Signal(str)
    delete_requested = Signal(object)
    edit_requested = Signal(object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.db = app.db
        self.item: FeedbackInfo | None = None
        self.is_unlisted = False
        self._pristine: tuple[Any, ...] = ()

        self.empty = hint()
        self.summary_box = QGroupBox()
        self.facts = WrapLabel()
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(50)
        self.contact = WrapLabel()
        self.due = WrapLabel()
        self.edit = QPushButton()
        self.delete = QPushButton()
        summary_layout = QVBoxLayout(self.summary_box)
        summary_layout.addWidget(self.facts)
        summary_layout.addWidget(self.body, 1)
        summary_layout.addWidget(self.due)
        summary_layout.addWidget(self.contact)  # a line of its own: an address is read in one go
        summary_layout.addWidget(flow(self.edit, self.delete))

        self.answer_box = QGroupBox()
        self.answer_general = WrapLabel()  # a refusal is never cut off
        self.answer_general.hide()
        self.answer_errors = FieldErrors(self.answer_general)
        self.answer_day = DateField(app.db.clock())
        self.answer_text = _text_edit()
        self.answer_day_label = QLabel()
        self.answer_text_label = QLabel()
        self.save_answer = QPushButton()
        self.save_answer.setProperty("primary", True)
        self.remove_answer = QPushButton()
        answer_form = stacking_form(QFormLayout())
        self.answer_errors.row(answer_form, "answered_on", self.answer_day_label, self.answer_day)
        self.answer_errors.row(answer_form, "answer_text", self.answer_text_label, self.answer_text)
        answer_buttons = flow(self.remove_answer, self.save_answer)
        answer_layout = QVBoxLayout(self.answer_box)
        answer_layout.addLayout(answer_form, 1)
        answer_layout.addWidget(self.answer_general)
        answer_layout.addWidget(answer_buttons)

        self.action_box = QGroupBox()
        self.action_general = WrapLabel()  # a refusal is never cut off
        self.action_general.hide()
        self.action_errors = FieldErrors(self.action_general)
        self.action_text = _text_edit()
        self.action_day = DateField(app.db.clock())
        self.action_text_label = QLabel()
        self.action_day_label = QLabel()
        self.save_action = QPushButton()
        self.save_action.setProperty("primary", True)
        action_form = stacking_form(QFormLayout())
        self.action_errors.row(action_form, "action", self.action_text_label, self.action_text)
        self.action_errors.row(action_form, "action_on", self.action_day_label, self.action_day)
        action_layout = QVBoxLayout(self.action_box)
        action_layout.addLayout(action_form, 1)
        action_layout.addWidget(self.action_general)
        action_layout.addWidget(self.save_action, 0, Qt.AlignmentFlag.AlignRight)

        shown = QWidget()
        shown_layout = QHBoxLayout(shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.addWidget(self.summary_box, 5)
        shown_layout.addWidget(self.answer_box, 4)
        shown_layout.addWidget(self.action_box, 4)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(scrolled(shown))  # a low window scrolls the item, never squeezes it
        self.unlisted = QLabel()  # the item left the filtered list (e.g. just answered): it stays here
        self.unlisted.setWordWrap(True)
        self.unlisted.setStyleSheet("color: #0b4a9e; font-weight: bold;")
        self.unlisted.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unlisted)
        layout.addWidget(self.stack)

        self.setTabOrder(self.answer_day, self.answer_text)
        self.setTabOrder(self.answer_text, self.save_answer)
        self.setTabOrder(self.save_answer, self.action_text)
        self.setTabOrder(self.action_text, self.action_day)
        self.setTabOrder(self.action_day, self.save_action)

        self.save_answer.clicked.connect(self.record_answer)
        self.remove_answer.clicked.connect(self.take_back_answer)
        self.save_action.clicked.connect(self.record_action)
        self.edit.clicked.connect(lambda: self.item and self.edit_requested.emit(self.item))
        self.delete.clicked.connect(lambda: self.item and self.delete_requested.emit(self.item))
        self.retranslate()
        self.show_item(None)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.empty.setText(_("Välj en synpunkt i listan för att se den och registrera återkoppling och åtgärd."))
        self.unlisted.setText(_("Synpunkten visas inte längre i listan med de här filtren. Den finns kvar här tills "
                                "du väljer en annan, så att du kan skriva färdigt."))
        self.summary_box.setTitle(_("Synpunkten"))
        self.answer_box.setTitle(_("Återkoppling"))
        self.action_box.setTitle(_("Åtgärd"))
        self.answer_day_label.setText(_("Lämnad &den:"))
        self.answer_text_label.setText(_("Vad som &sades:"))
        self.answer_text.setPlaceholderText(_("Kort: vad svarade ni, och hur (brev, telefon, samtal)?"))
        self.save_answer.setText(_("Spara åter&koppling"))
        self.save_answer.setToolTip(_("Registrera att återkoppling har lämnats"))
        self.remove_answer.setText(_("Ta &bort"))
        self.remove_answer.setToolTip(_("Ta bort återkopplingen (om den registrerades av misstag)"))
        self.action_text_label.setText(_("Vad som g&jordes:"))
        self.action_text.setPlaceholderText(_("T.ex. \"Ett extra gympapass på torsdagar\". Töm texten och spara "
                                              "för att ta bort åtgärden."))
        self.action_day_label.setText(_("Åtgärdad de&n:"))
        self.save_action.setText(_("Spara å&tgärd"))
        self.save_action.setToolTip(_("Registrera vad som gjordes med anledning av synpunkten"))
        self.edit.setText(_("&Ändra synpunkten …"))
        self.edit.setToolTip(_("Rätta datum, plats, text eller annat som blev fel när synpunkten registrerades"))
        self.delete.setText(_("Ta bort s&ynpunkten …"))
        self.delete.setToolTip(_("Ta bort en synpunkt som registrerades av misstag"))
        self._show_facts()

    # --- showing ----------------------------------------------------------------------------
    def show_item(self, item: FeedbackInfo | None) -> None:
        """Show an item (None: nothing selected); clears any typed but unsaved answer or action."""
        self.item = item
        self.answer_errors.clear()
        self.action_errors.clear()
        self.stack.setCurrentIndex(0 if item is None else 1)
        self.set_unlisted(False)
        if item is None:
            self._pristine = ()
            return
        today = self.db.clock()
        self.body.setPlainText(item.text)
        self.answer_day.set_date(item.answered_on or today)
        self.answer_text.setPlainText(item.answer_text or "")
        self.remove_answer.setEnabled(item.answered_on is not None)
        self.action_text.setPlainText(item.action_text or "")
        self.action_day.set_date(item.action_on or today)
        self._show_facts()
        self._pristine = self._state()

    def set_unlisted(self, unlisted: bool) -> None:
        """Say that the item shown is not in the register's list any more (it stays until the user moves on)."""
        self.is_unlisted = unlisted and self.item is not None
        self.unlisted.setVisible(self.is_unlisted)

    def replace_item(self, item: FeedbackInfo) -> None:
        """The item as corrected in the form; a typed but unsaved answer or action stays."""
        if not self.is_dirty():
            self.show_item(item)
            return
        self.item = item
        self.body.setPlainText(item.text)
        self._show_facts()

    def _show_facts(self) -> None:
        item = self.item
        if item is None:
            return
        first = " · ".join([
            type_labels().get(item.type, item.type),
            _("mottagen {day}").format(day=i18n.date_text(item.received_on, "long")),
            channel_labels().get(item.channel, item.channel),
        ])
        second = [_("Från: {who}.").format(who=item.from_name)]
        if item.about_name:
            about = item.about_name + (f" – {item.about_note}" if item.about_note else "")
            second.append(_("Gäller: {what}.").format(what=about))
        where = ", ".join(x for x in (item.place_name, item.activity_name) if x)
        if where:
            second.append(_("Var: {where}.").format(where=where))
        flags = [text for flag, text in ((item.anonymous, _("anonym")), (item.confidential, _("sekretess"))) if flag]
        if flags:
            second.append(_("Markerad: {flags}.").format(flags=", ".join(flags)))
        lines = [first, " ".join(second)]
        self.facts.setText("\n".join(lines))
        if item.contact:
            self.contact.setText(_("Kontaktuppgift: {contact}").format(contact=item.contact))
        else:
            self.contact.setText(_("Ingen kontaktuppgift: återkoppling kan inte lämnas."))
        late = overdue_text(item, self.db.clock())
        if late:
            self.due.setText(late)
            self.due.setStyleSheet(ERROR_STYLE)
        elif item.contact and not item.answered_on:
            self.due.setText(_("Återkoppling senast {day}.").format(day=i18n.date_text(item.response_due, "long")))
            self.due.setStyleSheet("")
        else:
            self.due.setText("")
            self.due.setStyleSheet("")
        self.due.setVisible(bool(self.due.text()))

    def _state(self) -> tuple[Any, ...]:
        return (self.answer_day.date_value(), self.answer_text.toPlainText().strip(),
                self.action_text.toPlainText().strip(), self.action_day.date_value())

    def is_dirty(self) -> bool:
        return self.item is not None and bool(self._pristine) and self._state() != self._pristine

    def answer_dirty(self) -> bool:
        return self.is_dirty() and self._state()[:2] != self._pristine[:2]

    def action_dirty(self) -> bool:
        return self.is_dirty() and self._state()[2:] != self._pristine[2:]

    def discard(self) -> None:
        self.show_item(self.item)

    # --- writing ----------------------------------------------------------------------------
    def record_answer(self) -> bool:
        if self.item is None:
            return True
        if not commit_dates(self.answer_errors, {"answered_on": self.answer_day}):
            return False
        return self._write(ANSWER, lambda item: RecordAnswer(
            item.id, self.answer_day.date_value(), self.answer_text.toPlainText(), version=item.version))

    def take_back_answer(self) -> bool:
        if self.item is None:
            return True
        return self._write(ANSWER, lambda item: RecordAnswer(item.id, None, version=item.version))

    def record_action(self) -> bool:
        if self.item is None:
            return True
        text = self.action_text.toPlainText().strip()
        if text and not commit_dates(self.action_errors, {"action_on": self.action_day}):
            return False
        day = self.action_day.date_value() if text else None
        return self._write(ACTION, lambda item: RecordAction(item.id, text or None, day, version=item.version))

    def save(self) -> bool:
        """Save what was typed in either part (Ctrl+S)."""
        ok = True
        if self.answer_dirty():
            ok = self.record_answer() and ok
        if ok and self.action_dirty():
            ok = self.record_action() and ok
        return ok

    def _write(self, part: str, operation: Callable[[FeedbackInfo], Operation[FeedbackInfo]]) -> bool:
        """Apply the operation made for the item shown, as it was read; what is typed in the
        other part and not saved yet stays typed."""
        item = self.item
        assert item is not None
        errors = self.answer_errors if part == ANSWER else self.action_errors
        errors.clear()
        other = ACTION if part == ANSWER else ANSWER
        kept = self._typed(other) if self._dirty(other) else None
        ok, saved = submit(self, errors, lambda: self.app.perform(operation(item)),
                           on_stale=lambda exc: self._reload_after(exc, errors))
        if not ok:
            return False
        unlisted = self.is_unlisted
        self.show_item(saved)
        if kept is not None:
            self._retype(other, kept)
        self.set_unlisted(unlisted)
        self.saved.emit(saved)
        return True

    def _typed(self, part: str) -> tuple[Any, ...]:
        state = self._state()
        return state[:2] if part == ANSWER else state[2:]

    def _dirty(self, part: str) -> bool:
        return self.answer_dirty() if part == ANSWER else self.action_dirty()

    def _retype(self, part: str, typed: tuple[Any, ...]) -> None:
        if part == ANSWER:
            self.answer_day.set_date(typed[0])
            self.answer_text.setPlainText(typed[1])
        else:
            self.action_text.setPlainText(typed[0])
            self.action_day.set_date(typed[1])

    def _reload_after(self, exc: UserError, errors: FieldErrors) -> None:
        """Someone else changed or removed the item: show theirs, say so, and refresh the list."""
        try:
            current = self.db.read(feedback_service.get_feedback, self.item.id)
        except NotFound:
            current = None
        self.show_item(current)
        if current is not None:
            errors.show_message(str(exc))
        self.stale.emit("" if current is not None else str(exc))

