"""Tyck till: the register and the chosen item's återkoppling and åtgärd, the paper form, the summary."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ....errors import NotFound, UserError
from ....operations.feedback import DeleteFeedback, RegisterFeedback
from ....services import activities as activity_service
from ....services import feedback as feedback_service
from ....services import feedback_register, lookups
from ....services import places as place_service
from ....services.feedback import FeedbackInfo
from ... import i18n
from ...common import Page, ask, ask_save_discard, submit
from ...forms import commit_dates, heading
from ...i18n import _
from ...layouts import WrapLabel
from .correction import save_correction
from .detail import FeedbackDetail
from .form import FeedbackForm
from .model import type_labels
from .register import FeedbackRegister
from .summary import SummaryEditor

REGISTER, FORM, SUMMARY = range(3)


def ask_unsaved(parent: QWidget, text: str) -> str | None:
    """'save', 'discard' or None (stay); tests replace this function too."""
    answer = ask_save_discard(parent, text, discard_text=_("Släng det jag skrev"))
    return None if answer == "cancel" else answer


class FeedbackPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)

        self.heading = heading()
        self.tabs = QTabWidget()

        # --- the register -------------------------------------------------------------------
        self.register_list = FeedbackRegister(app)
        self.detail = FeedbackDetail(app)
        self.message = WrapLabel()
        self.message.hide()

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.register_list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        state = app.store.state("feedback/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([280, 350])  # the chosen item's återkoppling and åtgärd in sight
        register = QWidget()
        register_layout = QVBoxLayout(register)
        register_layout.addWidget(self.splitter, 1)
        register_layout.addWidget(self.message)

        # --- the form and the summary -------------------------------------------------------
        self.form = FeedbackForm(app.db.clock())
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.summary = SummaryEditor(app)

        self.tabs.addTab(register, "")
        self.tabs.addTab(form_scroll, "")
        self.tabs.addTab(self.summary, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

        self.register_list.filters.changed.connect(lambda: self.reload(moved_on=True))
        self.register_list.row_changed.connect(self._row_changed)
        self.form.submitted.connect(self.submit_form)
        self.form.cancelled.connect(self.cancel_edit)
        self.form.mode_changed.connect(self._show_form_tab)
        self.detail.saved.connect(self._item_saved)
        self.detail.stale.connect(self._item_stale)
        self.detail.delete_requested.connect(self.delete_item)
        self.detail.edit_requested.connect(self.edit_item)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.setTabOrder(self.register_list.table, self.detail.answer_day)

        self._load_choices()
        self.retranslate()
        self.reload()
        self.summary.load()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Tyck till – synpunkter och klagomål"))
        self.tabs.setTabText(REGISTER, _("Alla synpunkter"))
        self.tabs.setTabText(SUMMARY, _("Sammanfattning till rapporten"))
        self.tabs.setTabToolTip(REGISTER, _("Listan med filter; välj en rad för att registrera återkoppling "
                                            "och åtgärd"))
        self._show_form_tab()
        self.tabs.setTabToolTip(SUMMARY, _("Enhetschefens sammanfattning och planerade åtgärder, per år och tertial"))
        self.register_list.retranslate()
        self.form.retranslate()
        self.detail.retranslate()
        self.summary.retranslate()

    def _show_form_tab(self) -> None:
        if self.form.editing is None:
            self.tabs.setTabText(FORM, _("Registrera ny"))
            self.tabs.setTabToolTip(
                FORM, _("Skriv in en Tyck till-blankett, ett brev, ett samtal eller något som sades"))
        else:
            self.tabs.setTabText(FORM, _("Ändra synpunkt"))
            self.tabs.setTabToolTip(FORM, _("Rätta en registrerad synpunkt; Avbryt går tillbaka till listan"))

    # --- loading ----------------------------------------------------------------------------
    def _load_choices(self) -> None:
        categories = self.app.db.read(lookups.feedback_categories)
        self.register_list.set_categories(categories)
        places = self.app.db.read(place_service.list_places)
        activities = self.app.db.read(activity_service.list_activities)
        self.form.set_choices([c for c in categories if c.grp == "from"], [c for c in categories if c.grp == "about"],
                              places, activities)
        self.register_list.filters.set_places(places, self.app.db.clock())
        self._load_years()

    def _load_years(self) -> None:
        today = self.app.db.clock()
        years = sorted(set(self.app.db.read(feedback_register.feedback_years)) | {today.year}, reverse=True)
        self.register_list.filters.set_years(years)
        self.summary.set_years(years, self.summary.year.currentData() or today.year)

    def reload(self, *, moved_on: bool = False) -> None:
        """Read the register again with the filters; the item shown stays selected if it is still listed.

        An item the filters no longer list (just answered, under "Obesvarade") keeps its panel until
        the user moves on: chooses another item, or (`moved_on`) changes a filter with nothing typed."""
        shown = self.detail.item
        self.register_list.read()
        row = self.register_list.row_of(shown.id) if shown is not None else None
        if row is not None:
            self.register_list.select(row)
            if not self.detail.is_dirty():
                self.detail.show_item(self.register_list.model.row_at(row))
        elif shown is not None and (self.detail.is_dirty() or not moved_on):
            if not self.detail.is_dirty():
                try:  # as it is now (someone may have changed it), or gone
                    self.detail.show_item(self.app.db.read(feedback_service.get_feedback, shown.id))
                except NotFound:
                    self.detail.show_item(None)
            self.detail.set_unlisted(True)
        elif not self.detail.is_dirty():
            self.detail.show_item(None)
        self.register_list.filters.show_overdue_count(self.app.db.read(feedback_register.waiting_summary).overdue)

    def select_feedback(self, feedback_id: int) -> bool:
        """Show the register with this item selected (False if the filters hide it)."""
        self.tabs.setCurrentIndex(REGISTER)
        row = self.register_list.row_of(feedback_id)
        if row is None:
            return False
        self.register_list.go_to(row)
        return True

    def _row_changed(self, row: int) -> None:
        item = self.register_list.item_at(row)
        if item is None:
            return
        if self.detail.item is not None and self.detail.item.id == item.id:
            return
        shown = self.detail.item
        corrected = self.form.editing
        if (self.detail.is_dirty() and not self._leave_detail()) or (
            corrected is not None and corrected.id != item.id and not self._leave_edit()
        ):
            if shown is not None:  # stay on the item; what was typed stays too
                self.register_list.point_at(shown.id)
                # a click selects its row after telling of it: point back once more when it is done
                QTimer.singleShot(0, self, lambda: self.register_list.point_at(shown.id))
            return
        # saving above read the register again: point at the chosen item, as it is now
        row = self.register_list.row_of(item.id)
        if row is None:
            return
        self.register_list.point_at(item.id)
        self.message.hide()
        self.detail.show_item(self.register_list.model.row_at(row))

    def _leave_detail(self) -> bool:
        """Typed återkoppling or åtgärd is saved or thrown away (as the user says) before another item shows."""
        answer = ask_unsaved(self, _("Du har skrivit återkoppling eller åtgärd som inte är sparad. Spara den först?"))
        if answer == "save":
            return self.detail.save()
        return answer == "discard"

    def _leave_edit(self) -> bool:
        """The item in the form is let go of before another is chosen: a changed one saved or thrown
        away, as the user says."""
        if self.form.is_dirty():
            answer = ask_unsaved(
                self, _("Du har ändrat synpunkten i formuläret utan att spara. Spara ändringen först?"))
            if answer is None or (answer == "save" and not self.save_correction()):
                return False
        self.form.stop_edit()
        return True

    # --- writing ----------------------------------------------------------------------------
    def submit_form(self) -> bool:
        """The form's button, Enter or Ctrl+Enter: register a new item, or save the correction."""
        if not commit_dates(self.form.errors, {"received_on": self.form.received, "answer_due": self.form.due}):
            return False  # a typed date counts first (the due date follows it), or is refused
        return self.save_correction() if self.form.editing is not None else self.register()

    def register(self) -> bool:
        self.form.saved_note.clear()
        self.form.errors.clear()
        ok, item = submit(self.form, self.form.errors, lambda: self.app.perform(RegisterFeedback(self.form.values())))
        if not ok:
            return False
        self.form.clear()
        self.form.saved_note.setText(
            _("Registrerad: {type} från {who}, mottagen {day}. Fyll i nästa eller gå till listan.").format(
                type=type_labels().get(item.type, item.type).lower(), who=item.from_name,
                day=i18n.date_text(item.received_on, "long"),
            )
        )
        self.form.focus_first()
        self._status(_("Synpunkten är registrerad."))
        return True

    def edit_item(self, item: FeedbackInfo) -> bool:
        """Put a registered item into the form to correct it; a half-typed form is settled first."""
        if self.form.editing is not None and self.form.editing.id == item.id:
            self.tabs.setCurrentIndex(FORM)
            return True
        if self.form.editing is not None:
            if not self._leave_edit():
                return False
        elif self.form.is_dirty():
            answer = ask_unsaved(
                self, _("Formuläret har en synpunkt som inte är registrerad. Registrera den först?"))
            if answer is None or (answer == "save" and not self.submit_form()):
                return False
            if answer == "discard":
                self.form.discard()
        self.form.start_edit(item)
        self.tabs.setCurrentIndex(FORM)
        self.form.focus_first()
        return True

    def save_correction(self) -> bool:
        """Save the item corrected in the form, then show it in the register as it now is."""
        if not self.form.is_dirty():
            self.cancel_edit()
            return True
        saved = save_correction(self.app, self.form)
        if saved is None:
            self.reload()  # a refusal because of someone else's change: the register shows theirs too
            return False
        if self.detail.item is not None and self.detail.item.id == saved.id:
            self.detail.replace_item(saved)
        self.select_feedback(saved.id)
        self._status(_("Ändringen är sparad."))
        return True

    def cancel_edit(self) -> None:
        """Leave the item as it was and go back to it in the register."""
        item = self.form.editing
        self.form.stop_edit()
        if item is not None:
            self.select_feedback(item.id)

    def _item_saved(self, item: FeedbackInfo) -> None:
        self.message.hide()
        self._status(_("Sparat."))

    def _item_stale(self, message: str) -> None:
        """The register read again after someone else's change; with a message, the item is gone."""
        self.reload()
        if message:
            self._warn(_("Synpunkten finns inte längre; någon annan kan ha tagit bort den."))

    def _not_deleted(self, exc: UserError) -> None:
        """Someone else removed the item meanwhile, or changed it: the register shows it as it is now."""
        self._item_stale("gone" if isinstance(exc, NotFound) else "")
        if not isinstance(exc, NotFound):
            self._warn(str(exc))

    def _warn(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.show()

    def delete_item(self, item: FeedbackInfo) -> bool:
        question = _("Ta bort {type} från {who}, mottagen {day}?\n\n\"{text}\"\n\n"
                     "Den går inte att få tillbaka.").format(
            type=type_labels().get(item.type, item.type).lower(), who=item.from_name,
            day=i18n.date_text(item.received_on, "long"), text=item.text[:200],
        )
        if not ask(self, _("Ta bort synpunkten"), question):
            return False
        ok, _none = submit(self.detail, self.detail.answer_errors,
                           lambda: self.app.perform(DeleteFeedback(item.id, version=item.version)),
                           on_stale=self._not_deleted)
        if not ok:
            return False
        self.detail.show_item(None)
        self._status(_("Synpunkten är borttagen."))
        return True

    def _status(self, text: str) -> None:
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(text, 4000)

    # --- the page ---------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if index == FORM:
            self.form.focus_first()
        elif index == SUMMARY:
            self.summary.text.setFocus()

    def on_changed(self, topics: set[str]) -> None:
        if topics & {"places", "activities"}:
            self._load_choices()
        if topics & {"feedback", "places"}:
            self._load_years()
            self.reload()
        if "texts" in topics and not self.summary.is_dirty():
            self.summary.refresh()

    def activated(self) -> None:
        self.reload()

    def has_unsaved_changes(self) -> bool:
        return self.form.is_dirty() or self.detail.is_dirty() or self.summary.is_dirty()

    def save_changes(self) -> bool:
        ok = True
        if self.form.is_dirty():
            ok = self.submit_form() and ok
        if self.detail.is_dirty():
            ok = self.detail.save() and ok
        if self.summary.is_dirty():
            ok = self.summary.save() and ok
        return ok

    def discard_changes(self) -> None:
        self.form.discard()
        self.detail.discard()
        self.summary.discard()

    def save_state(self) -> None:
        self.app.store.set_state("feedback/splitter", self.splitter.saveState())

    def prepare_screenshot(self) -> None:
        """The register with a late item selected, as the unit head sees it."""
        late = self.app.db.read(feedback_register.list_feedback, overdue_only=True, limit=1)
        if late:
            self.select_feedback(late[0].id)
