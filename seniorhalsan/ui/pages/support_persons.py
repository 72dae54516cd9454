"""Personer och kontakter: find a person as you type, their card and contacts, a new contact."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...errors import NotFound, UserError
from ...services import contacts, persons
from ...services.contacts import ContactInfo
from ...services.lookups import ServiceInfo
from ...services.persons import PersonInfo
from ...vocabulary import CONTACT_KINDS
from .. import i18n
from ..common import AppContext, ask_save_discard, show_error
from ..forms import hint
from ..i18n import _
from ..models import RecordModel
from . import support_models
from .support_card import PersonCard
from .support_contact import ContactForm
from .support_models import PersonList, SearchBox, contact_columns, person_columns, scrolled, table

SEARCH_DELAY_MS = 120
SEARCH_LIMIT = 50


class PersonsTab(QWidget):
    """The search and its list on the left; the selected person's card, Ny kontakt and the
    person's contacts on the right."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.service: ServiceInfo | None = None
        self.services: list[ServiceInfo] = []
        self.task_names: dict[tuple[str, str], str] = {}
        self.selected: PersonInfo | None = None

        self.search_label = QLabel()
        self.search = SearchBox()
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.new_person = QPushButton()
        new_key = QShortcut(QKeySequence("Ctrl+N"), self)  # the button's own shortcut is its mnemonic
        new_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_key.activated.connect(self.start_new_person)
        self.found = hint()
        self.model: RecordModel[PersonInfo] = RecordModel(person_columns(app.db.clock), parent=self)
        self.list = table(self.model, PersonList())
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.new_person)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.found)

        self.card = PersonCard(app)
        self.form = ContactForm(app)
        forms = QWidget()
        forms_layout = QVBoxLayout(forms)
        forms_layout.setContentsMargins(0, 0, 4, 0)
        forms_layout.addWidget(self.card)
        forms_layout.addWidget(self.form)
        forms_layout.addStretch(1)
        self.forms = scrolled(forms)

        self.contacts_title = QLabel()
        font = self.contacts_title.font()
        font.setBold(True)
        self.contacts_title.setFont(font)
        self.contacts: RecordModel[ContactInfo] = RecordModel(contact_columns(self._task_names), parent=self)
        self.contacts_view = table(self.contacts)
        contacts_header = self.contacts_view.horizontalHeader()
        contacts_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        contacts_header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        contacts_header.resizeSection(5, 190)
        contacts_header.setStretchLastSection(True)
        self.edit = QPushButton()
        self.delete = QPushButton()
        contacts_row = QHBoxLayout()
        contacts_row.addWidget(self.contacts_title, 1)
        contacts_row.addWidget(self.edit)
        contacts_row.addWidget(self.delete)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.addLayout(contacts_row)
        bottom_layout.addWidget(self.contacts_view, 1)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.forms)
        self.right.addWidget(bottom)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.right.setChildrenCollapsible(False)
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.main.addWidget(left)
        self.main.addWidget(self.right)
        self.main.setStretchFactor(0, 2)
        self.main.setStretchFactor(1, 5)
        self.main.setChildrenCollapsible(False)
        self.main.setSizes([460, 670])
        self.right.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.main)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.returnPressed.connect(self._search_entered)
        self.search.down.connect(self._into_list)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)
        self.list.chosen.connect(self._chosen)
        self.list.leave_up.connect(self.focus_search)
        self.list.typed.connect(self._typed_in_list)
        self.list.doubleClicked.connect(lambda _i: self._chosen())
        self.new_person.clicked.connect(self.start_new_person)
        self.card.saved.connect(self._person_saved)
        self.card.cancelled.connect(self._new_person_cancelled)
        self.form.saved.connect(self._contact_saved)
        self.form.corrected.connect(self._contact_corrected)
        self.form.stale.connect(self._correction_stale)
        self.form.cancelled.connect(self._correction_cancelled)
        self.edit.clicked.connect(lambda: self.edit_contact())
        self.contacts_view.doubleClicked.connect(lambda _i: self.edit_contact())
        self.delete.clicked.connect(lambda: self.delete_contact())
        self.contacts_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.contacts_view.selectionModel().currentRowChanged.connect(self._contact_row_changed)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.contacts_view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self.delete_contact())

        self.setTabOrder(self.search, self.new_person)
        self.setTabOrder(self.new_person, self.list)
        self.retranslate()
        self._update_buttons()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search_label.setText(_("&Sök:"))
        self.search.setPlaceholderText(_("Referens eller namn"))
        self.search.setToolTip(_("Listan visar träffarna medan du skriver. Pil ned eller Enter går till listan."))
        self.new_person.setText(_("N&y person"))
        self.new_person.setToolTip(_("Lägg till en person som inte finns i listan (Ctrl+N)"))
        self.list.setToolTip(_("Enter går till Ny kontakt för den valda personen"))
        self.edit.setText(_("&Ändra kontakt …"))
        self.edit.setToolTip(
            _("Rätta datum, typ, minuter eller annat i den valda kontakten (eller dubbelklicka på den)"))
        self.delete.setText(_("Ta bort kontakten …"))
        self.delete.setToolTip(_("Ta bort en kontakt som blev fel (Delete)"))
        self.card.retranslate()
        self.form.retranslate()
        self._update_found()
        self._update_contacts_title()

    def _update_found(self) -> None:
        n = self.model.rowCount()
        text = self.search.text().strip()
        if n == 0 and text:
            self.found.setText(_("Ingen träff. Tryck Enter för att lägga till en ny person."))
        elif n >= SEARCH_LIMIT:
            self.found.setText(_("Visar de {n} första. Skriv mer för att hitta rätt.").format(n=i18n.number(n)))
        elif text:
            self.found.setText(_("{n} träffar").format(n=i18n.number(n)))
        else:
            self.found.setText(_("Insatsens personer först, senaste kontakten överst."))

    def _update_contacts_title(self) -> None:
        if self.selected is None:
            self.contacts_title.setText(_("Kontakter"))
        else:
            self.contacts_title.setText(_("Kontakter med {reference} ({n})").format(
                reference=self.selected.reference or "", n=i18n.number(self.contacts.rowCount())))

    # --- the service ------------------------------------------------------------------------
    def set_service(self, service: ServiceInfo, services: list[ServiceInfo]) -> None:
        self.service = service
        self.services = list(services)
        self.task_names = {(s.key, t.key): t.name for s in services for t in s.tasks}
        self.form.set_service(service)
        self.run_search()

    def _task_names(self, contact: ContactInfo) -> list[str]:
        return [self.task_names.get((contact.service_key, key), key) for key in contact.tasks]

    # --- searching --------------------------------------------------------------------------
    def run_search(self) -> None:
        self.timer.stop()
        rows = self.app.db.read(persons.find_persons, self.search.text(), limit=SEARCH_LIMIT,
                                service_key=self.service.key if self.service else None)
        self.model.set_rows(rows)
        self._show_selected_in_list()
        self._update_found()

    def _show_selected_in_list(self) -> None:
        row = self._row_of(self.selected.id) if self.selected else -1
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.list.scrollTo(self.model.index(row, 0))
        else:
            selection.clear()
        selection.blockSignals(False)
        self.list.viewport().update()

    def _row_of(self, person_id: int) -> int:
        return next((i for i, p in enumerate(self.model.rows) if p.id == person_id), -1)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _typed_in_list(self, text: str) -> None:
        self.search.setFocus()
        self.search.insert(text)

    def _into_list(self) -> None:
        if self.timer.isActive():
            self.run_search()
        if not self.model.rowCount():
            return
        self.list.setFocus()
        if not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _search_entered(self) -> None:
        if self.timer.isActive():
            self.run_search()
        if self.model.rowCount():
            self._into_list()
        elif self.search.text().strip():
            self.start_new_person()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        person = self.model.row_at(current.row())
        if self.selected is not None and person.id == self.selected.id and not self.card.creating:
            return
        if not self.select_person(person):
            self._show_selected_in_list()

    def _chosen(self) -> None:
        if self.selected is not None:
            self.form.focus_first()

    # --- the selected person ----------------------------------------------------------------
    def select_person(self, person: PersonInfo | None) -> bool:
        """Show a person's card and contacts; False if unsaved edits of the card kept the old one."""
        if self.card.has_changes() and not self._settle_card():
            return False
        another = person is None or self.selected is None or person.id != self.selected.id
        if another and not self._leave_correction():
            return False
        self.selected = person
        self.card.load(person)
        self.form.set_person(person)
        self.load_contacts()
        self._show_selected_in_list()
        return True

    def _settle_card(self) -> bool:
        """The card holds unsaved edits: save, throw away or stay (asked)."""
        answer = self.ask_unsaved_card()
        if answer == "save":
            return self.card.save_changes()
        if answer == "discard":
            self.card.discard_changes()
            return True
        return False

    def ask_unsaved_card(self) -> str:
        """'save', 'discard' or 'cancel' (tests replace this)."""
        return ask_save_discard(self, _("Du har ändrat uppgifterna om personen utan att spara. Vill du spara dem?"))

    def reload_selected(self) -> None:
        """The person may have been changed elsewhere; an edited card is left as it is."""
        if self.selected is None or self.card.creating:
            return
        try:
            fresh = self.app.db.read(persons.get_person, self.selected.id)
        except NotFound:
            fresh = None
        if fresh is not None and fresh.erased:
            fresh = None
        self.selected = fresh
        if not self.card.has_changes() or fresh is None:
            self.card.load(fresh)
        self.form.set_person(fresh)
        self.load_contacts()

    def load_contacts(self) -> None:
        if self.selected is None:
            self.contacts.set_rows([])
        else:
            self.contacts.set_rows(self.app.db.read(contacts.list_contacts, person_id=self.selected.id))
        self._update_contacts_title()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.contacts_view.selectionModel().selectedRows())
        self.edit.setEnabled(chosen)
        self.delete.setEnabled(chosen)

    # --- a new person -----------------------------------------------------------------------
    def start_new_person(self) -> None:
        """The card takes a new person; what was typed in the search box is used as reference or name."""
        if self.card.has_changes() and not self._settle_card():
            return
        if not self._leave_correction():
            return
        text = self.search.text().strip()
        looks_like_reference = bool(text) and " " not in text and any(c.isdigit() for c in text)
        self.card.start_new(reference=text if looks_like_reference else "",
                            name="" if looks_like_reference else text)
        self.form.set_person(None)

    def _new_person_cancelled(self) -> None:
        self.card.load(self.selected)
        self.form.set_person(self.selected)
        self.focus_search()

    def _person_saved(self, person: PersonInfo, created: bool) -> None:
        self.selected = person
        self.form.set_person(person)
        if created:
            self.search.blockSignals(True)
            self.search.setText(person.reference or "")
            self.search.blockSignals(False)
            self.load_contacts()
        self.app.bus.notify("persons")
        if created:
            self.form.focus_first()

    # --- contacts ---------------------------------------------------------------------------
    def _contact_saved(self, contact: ContactInfo) -> None:
        self.app.bus.notify("contacts")
        row = next((i for i, c in enumerate(self.contacts.rows) if c.id == contact.id), -1)
        if row >= 0:
            self.contacts_view.selectRow(row)
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(_("Kontakten med {reference} är sparad.").format(
                reference=contact.person_reference or ""), 5000)
        self.focus_search()

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
        self.forms.ensureWidgetVisible(self.form)
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

    def _leave_correction(self) -> bool:
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
        chosen = self.contacts.row_at(current.row())
        if chosen.id == editing.id:
            return
        if not self._leave_correction():
            self._select_contact(editing.id)  # stay on it; what was typed stays too
            # a click selects its row after telling of it: point back once more when it is done
            QTimer.singleShot(0, self, lambda: self._select_contact(editing.id))
            return
        self._select_contact(chosen.id)  # a saved correction read the list again

    def _select_contact(self, contact_id: int) -> None:
        row = next((i for i, c in enumerate(self.contacts.rows) if c.id == contact_id), -1)
        if row < 0:
            return
        selection = self.contacts_view.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(self.contacts.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.contacts_view.viewport().update()
        self._update_buttons()

    def _contact_corrected(self, contact: ContactInfo) -> None:
        self.app.bus.notify("contacts")
        self._select_contact(contact.id)
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(_("Ändringen av kontakten {date} är sparad.").format(
                date=i18n.date_text(contact.contact_date, "short")), 5000)
        self.contacts_view.setFocus()

    def _correction_stale(self) -> None:
        """The list shows the newer values too, with the contact still chosen."""
        editing = self.form.editing
        self.load_contacts()
        if editing is not None:
            self._select_contact(editing.id)

    def _correction_cancelled(self) -> None:
        self.contacts_view.setFocus()

    def selected_contact(self) -> ContactInfo | None:
        rows = self.contacts_view.selectionModel().selectedRows()
        return self.contacts.row_at(rows[0].row()) if rows else None

    def delete_contact(self, confirmed: bool | None = None) -> bool:
        """Delete the selected contact after asking (`confirmed` answers for the caller)."""
        contact = self.selected_contact()
        if contact is None:
            return False
        if confirmed is None:
            question = _("Ta bort kontakten {date} ({kind}, {service})? Det går inte att ångra.").format(
                date=i18n.date_text(contact.contact_date, "short"),
                kind=support_models.label_of(CONTACT_KINDS, contact.kind).lower(), service=contact.service_name)
            confirmed = support_models.ask(self, _("Ta bort kontakten"), question, _("Ta bort"))
        if not confirmed:
            return False
        try:
            self.app.db.call(contacts.delete_contact, contact.id)
            if self.form.editing is not None and self.form.editing.id == contact.id:
                self.form.stop_edit()
        except UserError as exc:
            show_error(self, exc)
            self.load_contacts()
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        self.app.bus.notify("contacts")
        return True

    # --- the page's questions ---------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.card.has_changes() or self.form.has_changes()

    def save_changes(self) -> bool:
        if self.card.has_changes() and not self.card.save_changes():
            return False
        if self.form.has_changes():
            return self.form.save_changes()
        return True

    def discard_changes(self) -> None:
        self.card.discard_changes()
        self.form.discard_changes()

    def refresh(self, topics: set[str]) -> None:
        if topics & {"persons", "contacts"}:
            self.run_search()
            self.reload_selected()
