"""A person's contacts: the list below the card, a contact corrected in the contact form or deleted."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from ....errors import UserError
from ....operations.support import DeleteContact
from ....services import contacts
from ....services.contacts import ContactInfo
from ....services.lookups import ServiceInfo
from ....services.persons import PersonInfo
from ....vocabulary import CONTACT_KINDS
from ... import i18n
from ...common import AppContext, ask, ask_save_discard, select_row_quietly, show_error
from ...i18n import _
from ...models import RecordModel
from . import models as support_models
from .contact import ContactForm
from .models import contact_columns, table


class PersonContacts(QWidget):
    """The selected person's contacts with Ändra and Ta bort; a contact is corrected in the
    tab's contact form, which also takes new contacts."""

    correcting = Signal()  # the form took a contact to correct: the tab brings the form into view
    logged = Signal()  # a new contact is saved and chosen in the list

    def __init__(self, app: AppContext, form: ContactForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.form = form
        self.person: PersonInfo | None = None
        self.services: list[ServiceInfo] = []
        self.task_names: dict[tuple[str, str], str] = {}

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model: RecordModel[ContactInfo] = RecordModel(contact_columns(self._task_names), parent=self)
        self.view = table(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(5, 190)
        header.setStretchLastSection(True)
        self.edit = QPushButton()
        self.delete = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.edit)
        row.addWidget(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

        self.form.saved.connect(self._contact_saved)
        self.form.corrected.connect(self._contact_corrected)
        self.form.stale.connect(self._correction_stale)
        self.form.cancelled.connect(self._correction_cancelled)
        self.edit.clicked.connect(lambda: self.edit_contact())
        self.view.doubleClicked.connect(lambda _i: self.edit_contact())
        self.delete.clicked.connect(lambda: self.delete_contact())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.view.selectionModel().currentRowChanged.connect(self._contact_row_changed)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self.delete_contact())
        self._update_buttons()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        # no Alt+letter: the tab has none left; Tab from the list reaches the button
        self.edit.setText(_("Ändra kontakt …"))
        self.edit.setToolTip(
            _("Rätta datum, typ, minuter eller annat i den valda kontakten (eller dubbelklicka på den)"))
        self.delete.setText(_("Ta bort kontakten …"))
        self.delete.setToolTip(_("Ta bort en kontakt som blev fel (Delete)"))
        self._update_heading()

    def _update_heading(self) -> None:
        if self.person is None:
            self.heading.setText(_("Kontakter"))
        else:
            self.heading.setText(_("Kontakter med {reference} ({n})").format(
                reference=self.person.reference or "", n=i18n.number(self.model.rowCount())))

    # --- the list ---------------------------------------------------------------------------
    def set_services(self, services: list[ServiceInfo]) -> None:
        """Every service, as a contact of another one is corrected with that service's tasks."""
        self.services = list(services)
        self.task_names = {(s.key, t.key): t.name for s in services for t in s.tasks}

    def _task_names(self, contact: ContactInfo) -> list[str]:
        return [self.task_names.get((contact.service_key, key), key) for key in contact.tasks]

    def load(self, person: PersonInfo | None) -> None:
        """Read the person's contacts (None: nobody selected, an empty list)."""
        self.person = person
        if person is None:
            self.model.set_rows([])
        else:
            self.model.set_rows(self.app.db.read(contacts.list_contacts, person_id=person.id))
        self._update_heading()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        self.edit.setEnabled(chosen)
        self.delete.setEnabled(chosen)

    def selected_contact(self) -> ContactInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _select_contact(self, contact_id: int) -> None:
        row = next((i for i, c in enumerate(self.model.rows) if c.id == contact_id), -1)
        if row < 0:
            return
        select_row_quietly(self.view, row)
        self._update_buttons()

    def _contact_saved(self, contact: ContactInfo) -> None:
        row = next((i for i, c in enumerate(self.model.rows) if c.id == contact.id), -1)
        if row >= 0:
            self.view.selectRow(row)
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(_("Kontakten med {reference} är sparad.").format(
                reference=contact.person_reference or ""), 5000)
        self.logged.emit()

    # --- correcting -------------------------------------------------------------------------
    def edit_contact(self, contact: ContactInfo | None = None) -> bool:
        """Put the selected contact into the form to correct it; what the form holds is settled first."""
        contact = contact or self.selected_contact()
        if contact is None:
            return False
        service = next((s for s in self.services if s.key == contact.service_key), None)
        if service is None:
            return False
        editing = self.form.editing
        if editing is None or editing.id != contact.id:
            if self.form.has_changes() and not self._settle_form():
                return False
            self.form.start_edit(contact, service)
        self.correcting.emit()
        self.form.focus_first()
        return True

    def _settle_form(self) -> bool:
        """The form holds a new contact or a correction not saved: save, throw away or stay (asked)."""
        if self.form.editing is not None:
            text = _("Du har ändrat kontakten utan att spara. Vill du spara ändringen?")
        else:
            text = _("Du har börjat skriva en ny kontakt som inte är sparad. Vill du spara den först?")
        answer = self.ask_unsaved_contact(text)
        if answer == "save":
            return self.form.save_changes()
        if answer == "discard":
            self.form.discard_changes()
            return True
        return False

    def ask_unsaved_contact(self, text: str) -> str:
        """'save', 'discard' or 'cancel' (tests replace this)."""
        return ask_save_discard(self, text)

    def leave_correction(self) -> bool:
        """End a correction before another contact or person is chosen, asking first if it has edits."""
        if self.form.editing is None:
            return True
        if self.form.has_changes() and not self._settle_form():
            return False
        self.form.stop_edit()
        return True

    def _contact_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        editing = self.form.editing
        if editing is None or not current.isValid():
            return
        chosen = self.model.row_at(current.row())
        if chosen.id == editing.id:
            return
        if not self.leave_correction():
            self._select_contact(editing.id)  # stay on it; what was typed stays too
            # a click selects its row after telling of it: point back once more when it is done
            QTimer.singleShot(0, self, lambda: self._select_contact(editing.id))
            return
        self._select_contact(chosen.id)  # a saved correction read the list again

    def _contact_corrected(self, contact: ContactInfo) -> None:
        self._select_contact(contact.id)
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(_("Ändringen av kontakten {date} är sparad.").format(
                date=i18n.date_text(contact.contact_date, "short")), 5000)
        self.view.setFocus()

    def _correction_stale(self) -> None:
        """The list shows the newer values too, with the contact still chosen."""
        editing = self.form.editing
        self.load(self.person)
        if editing is not None:
            self._select_contact(editing.id)

    def _correction_cancelled(self) -> None:
        self.view.setFocus()

    # --- deleting ---------------------------------------------------------------------------
    def delete_contact(self, confirmed: bool | None = None) -> bool:
        """Delete the selected contact after asking (`confirmed` answers for the caller)."""
        contact = self.selected_contact()
        if contact is None:
            return False
        if confirmed is None:
            question = _("Ta bort kontakten {date} ({kind}, {service})? Det går inte att ångra.").format(
                date=i18n.date_text(contact.contact_date, "short"),
                kind=support_models.label_of(CONTACT_KINDS, contact.kind).lower(), service=contact.service_name)
            confirmed = ask(self, _("Ta bort kontakten"), question, _("Ta bort"))
        if not confirmed:
            return False
        try:
            self.app.perform(DeleteContact(contact.id))
            if self.form.editing is not None and self.form.editing.id == contact.id:
                self.form.stop_edit()
        except UserError as exc:
            show_error(self, exc)
            self.load(self.person)
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        return True
