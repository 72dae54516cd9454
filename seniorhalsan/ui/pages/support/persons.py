"""Personer och kontakter: find a person as you type; their card, a new contact and their contacts beside."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....errors import NotFound
from ....services import persons
from ....services.lookups import ServiceInfo
from ....services.persons import PersonInfo
from ... import i18n
from ...common import AppContext, ask_save_discard, select_row_quietly
from ...forms import hint
from ...i18n import _
from ...models import RecordModel
from ...table_widths import ColumnWidths
from .card import PersonCard
from .contact import ContactForm
from .models import PersonList, SearchBox, person_columns, scrolled, table
from .person_contacts import PersonContacts

SEARCH_DELAY_MS = 120
SEARCH_LIMIT = 50


class PersonsTab(QWidget):
    """The search and its list on the left; the selected person's card, Ny kontakt and the
    person's contacts on the right."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.service: ServiceInfo | None = None
        self.selected: PersonInfo | None = None

        self.search_label = QLabel()
        self.search = SearchBox()
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.new_person = QPushButton()
        # Ctrl+N and no Alt+letter: the tab already uses every letter its labels offer
        new_key = QShortcut(QKeySequence("Ctrl+N"), self)
        new_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_key.activated.connect(self.start_new_person)
        self.found = hint()
        self.model: RecordModel[PersonInfo] = RecordModel(person_columns(app.db.clock), parent=self)
        self.list = table(self.model, PersonList())
        # the name the room left over, never less than a short name: a narrow list scrolls sideways
        ColumnWidths(self.list, {0: "P00000", 2: "1938 (88)", 3: "Kvinna", 4: "2026-11-17"},
                     fill=1, fill_sample="Elsa Tallg")

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

        self.contacts = PersonContacts(app, self.form)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.forms)
        self.right.addWidget(self.contacts)
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
        self.right.setSizes([450, 170])  # the whole contact form in sight at the normal size
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
        self.contacts.correcting.connect(lambda: self.forms.ensureWidgetVisible(self.form))
        self.contacts.logged.connect(self.focus_search)

        self.setTabOrder(self.search, self.new_person)
        self.setTabOrder(self.new_person, self.list)
        self.retranslate()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search_label.setText(_("&Sök:"))
        self.search.setPlaceholderText(_("Referens eller namn"))
        self.search.setToolTip(_("Listan visar träffarna medan du skriver. Pil ned eller Enter går till listan."))
        self.new_person.setText(_("Ny person"))
        self.new_person.setToolTip(_("Lägg till en person som inte finns i listan (Ctrl+N)"))
        self.list.setToolTip(_("Enter går till Ny kontakt för den valda personen"))
        self.card.retranslate()
        self.form.retranslate()
        self.contacts.retranslate()
        self._update_found()

    def _update_found(self) -> None:
        n = self.model.rowCount()
        text = self.search.text().strip()
        if n == 0 and text:
            self.found.setText(_("Ingen träff. Tryck Enter för att lägga till en ny person."))
        elif n >= SEARCH_LIMIT:
            self.found.setText(_("Visar de {n} första. Skriv mer för att hitta rätt.").format(n=i18n.number(n)))
        elif text:
            self.found.setText(i18n.plural(n, _("{n} träff"), _("{n} träffar")))
        else:
            self.found.setText(_("Insatsens personer först, senaste kontakten överst."))

    # --- the service ------------------------------------------------------------------------
    def set_service(self, service: ServiceInfo, services: list[ServiceInfo]) -> None:
        self.service = service
        self.contacts.set_services(services)
        self.form.set_service(service)
        self.run_search()

    # --- searching --------------------------------------------------------------------------
    def run_search(self) -> None:
        self.timer.stop()
        rows = self.app.db.read(persons.find_persons, self.search.text(), limit=SEARCH_LIMIT,
                                service_key=self.service.key if self.service else None)
        self.model.set_rows(rows)
        self._show_selected_in_list()
        self._update_found()

    def _show_selected_in_list(self) -> None:
        select_row_quietly(self.list, self._row_of(self.selected.id) if self.selected else -1)

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
        if another and not self.contacts.leave_correction():
            return False
        self.selected = person
        self.card.load(person)
        self.form.set_person(person)
        self.contacts.load(person)
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
        self.contacts.load(fresh)

    # --- a new person -----------------------------------------------------------------------
    def start_new_person(self) -> None:
        """The card takes a new person; what was typed in the search box is used as reference or name."""
        if self.card.has_changes() and not self._settle_card():
            return
        if not self.contacts.leave_correction():
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
        if created:  # the list shows the new person, found by the reference it was given
            self.search.blockSignals(True)
            self.search.setText(person.reference or "")
            self.search.blockSignals(False)
            self.run_search()
            self.contacts.load(person)
            self.form.focus_first()

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
