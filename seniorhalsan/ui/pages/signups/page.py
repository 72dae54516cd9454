"""Anmälan: the term's occasions that take sign-ups, the people on each list with their places
and waiting list, who came, and the printed participant and call lists.

Samordnare and enhetschef open lists and sign people up and off; an instructor sees and
ticks the lists of what they lead. Every save is an operation; every view of a list is
access-logged by the service that reads it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....errors import UserError
from ....operations.signups import (
    CancelSignup,
    ChangeSignups,
    OpenSignups,
    RemoveSignups,
    SetSignupRetentionDays,
    SignUp,
    TickPresence,
)
from ....reports.signup_lists import write_signup_list
from ....roles import allowed
from ....services import schedule, signup_people, signup_retention, signups
from ....services.signup_retention import MAX_DAYS
from ....services.signups import OccasionInfo
from ...common import Page, ask, select_row_quietly, show_error, submit
from ...file_dialogs import save_file
from ...forms import heading
from ...i18n import _
from ...layouts import WrapLabel, flow, narrow_combo, pair
from ...models import RecordModel, record_view
from ...table_widths import ColumnWidths
from .dialogs import ListDialog
from .models import occasion_columns
from .people import PeoplePanel
from .ticks import TicksPanel

REFRESH_TOPICS = {"signups", "schedule", "activities", "places", "staff", "attendance"}


def choose_file(parent: SignupsPage, suggested: str) -> str:
    """Where to save a printed list (a function of its own, so that a test can answer it)."""
    chosen = save_file(parent, parent.app.store, _("Spara som"), suggested, _("PDF (*.pdf)"))
    return str(chosen) if chosen else ""


class SignupsPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.current: OccasionInfo | None = None
        self.heading = heading()
        self.term_label = QLabel()
        self.term = QComboBox()
        self.term_label.setBuddy(self.term)
        self.open_button = QPushButton()
        self.places_button = QPushButton()
        self.remove_button = QPushButton()
        narrow_combo(self.term, 18)
        top = flow(pair(self.term_label, self.term), self.open_button, self.places_button, self.remove_button)

        self.occasions = RecordModel(occasion_columns(), highlight=lambda o: "muted" if o.cleared else None,
                                     parent=self)
        self.list_view = record_view(self.occasions)
        self.list_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ColumnWidths(self.list_view, {}, fill=2, fill_sample="Seniorgympa")

        self.title = WrapLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.people = PeoplePanel()
        self.ticks = TicksPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.people, "")
        self.tabs.addTab(self.ticks, "")
        self.participant_button = QPushButton()
        self.call_button = QPushButton()
        self.print_status = WrapLabel()
        prints = flow(self.participant_button, self.call_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(prints)
        right_layout.addWidget(self.print_status)
        # the unit head's setting: how long names and phones stay after an occasion (gallring)
        self.keep_label = WrapLabel()
        self.keep_days = QSpinBox()
        self.keep_days.setRange(1, MAX_DAYS)
        self.keep_save = QPushButton()
        self.keep_save.clicked.connect(self.save_keep_days)
        self.keep_box = flow(self.keep_label, self.keep_days, self.keep_save)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_view, 1)
        left_layout.addWidget(self.keep_box)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([600, 580])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(top)
        layout.addWidget(self.splitter, 1)

        self.term.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._chosen())
        self.open_button.clicked.connect(self.open_list)
        self.places_button.clicked.connect(self.change_places)
        self.remove_button.clicked.connect(self.remove_list)
        self.people.sign_up.connect(self.sign_up)
        self.people.cancel.connect(self.cancel)
        self.ticks.save.connect(self.save_ticks)
        self.participant_button.clicked.connect(lambda: self.print_list("deltagare"))
        self.call_button.clicked.connect(lambda: self.print_list("ringlista"))
        self.retranslate()
        self._load_terms()
        self._just_built = True

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Anmälan"))
        self.term_label.setText(_("&Termin:"))
        self.open_button.setText(_("&Öppna anmälan …"))
        self.places_button.setText(_("&Platser …"))
        self.remove_button.setText(_("Ta &bort listan"))
        self.tabs.setTabText(0, _("An&mälda"))
        self.tabs.setTabText(1, _("Nä&rvaro"))
        self.participant_button.setText(_("&Deltagarlista (PDF) …"))
        self.call_button.setText(_("R&inglista (PDF) …"))
        self.participant_button.setToolTip(_("Ledarens lista med en ruta att bocka i för den som kom"))
        self.call_button.setToolTip(_("Namn, telefon och anteckning, reservlistan efter"))
        self.keep_label.setText(_("Namn och telefon gallras, dagar efter tillfället:"))
        self.keep_save.setText(_("Spara"))
        self.keep_save.setToolTip(_("Gallringen görs på sidan Konton och dataskydd"))
        self.people.retranslate()
        self.ticks.retranslate()
        self._show_title()

    def _show_title(self) -> None:
        o = self.current
        if o is None:
            self.title.setText(_("Välj ett tillfälle i listan, eller öppna anmälan till ett tillfälle i schemat."))
            return
        text = _("{title}: {taken} av {places} platser, {waiting} på reservlistan.").format(
            title=o.title, taken=o.taken, places=o.places, waiting=o.waiting)
        if o.last_day:
            text += " " + _("Sista anmälningsdag {day}.").format(day=o.last_day.isoformat())
        if o.cleared:
            text += " " + _("Listan är gallrad.")
        self.title.setText(text)

    # --- reading -------------------------------------------------------------------------------
    def may_manage(self) -> bool:
        return allowed(self.app.db.actor, "signups")

    def _load_terms(self) -> None:
        terms = self.app.db.read(schedule.list_terms)
        chosen = self.term.currentData()
        today = self.app.db.clock()
        self.term.blockSignals(True)
        self.term.clear()
        for t in reversed(terms):
            self.term.addItem(t.title, t.id)
        current = next((i for i, t in enumerate(reversed(terms)) if t.covers(today)), 0)
        index = self.term.findData(chosen)
        self.term.setCurrentIndex(index if index >= 0 else current)
        self.term.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        manage = self.may_manage()
        for button in (self.open_button, self.places_button, self.remove_button):
            button.setVisible(manage)
        head = allowed(self.app.db.actor, "accounts")
        self.keep_box.setVisible(head)
        if head:
            self.keep_days.setValue(self.app.db.read(signup_retention.retention_days))
        term_id = self.term.currentData()
        found = self.app.db.read(signups.list_occasions, term_id=term_id) if term_id is not None else []
        keep = self.current.list_id if self.current else None
        self.occasions.set_rows(found)
        row = next((i for i, o in enumerate(found) if o.list_id == keep), 0 if found else -1)
        select_row_quietly(self.list_view, row)
        self._chosen()

    def _chosen(self) -> None:
        index = self.list_view.currentIndex()
        self.current = self.occasions.row_at(index.row()) if index.isValid() else None
        people = self.app.db.read(signup_people.participants, self.current.list_id) if self.current else []
        self.people.set_people(people, may_manage=self.may_manage() and self.current is not None)
        self.ticks.set_occasion(self.current, people, self.app.db.clock())
        for button in (self.places_button, self.remove_button, self.participant_button, self.call_button):
            button.setEnabled(self.current is not None and not self.current.cleared)
        self._show_title()

    def select_list(self, list_id: int) -> None:
        row = next((i for i, o in enumerate(self.occasions.rows) if o.list_id == list_id), -1)
        if row >= 0:
            self.list_view.setCurrentIndex(self.occasions.index(row, 0))

    # --- lists ---------------------------------------------------------------------------------
    def open_list(self) -> None:
        term_id = self.term.currentData()
        if term_id is None:
            self.people.say(_("Det finns ingen termin ännu. Lägg upp en under Aktiviteter och schema."), error=True)
            return
        today = self.app.db.clock()
        taken = {o.entry_id for o in self.occasions.rows}
        entries = [e for e in self.app.db.read(schedule.list_schedule, term_id)
                   if e.id not in taken and (e.on_date is None or e.on_date >= today)]
        dialog = ListDialog(entries=entries, today=today, parent=self,
                            submit=lambda v: self.app.perform(OpenSignups(v["entry_id"], v["places"], v["last_day"])))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome is not None:
            self.select_list(dialog.outcome.list_id)

    def change_places(self) -> None:
        o = self.current
        if o is None:
            return
        dialog = ListDialog(current=o, today=self.app.db.clock(), parent=self, submit=lambda v: self.app.perform(
            ChangeSignups(o.list_id, v["places"], v["last_day"], o.version)))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome is not None:
            self._tell_calls(dialog.outcome.moved_up, _("Platserna är ändrade."))

    def remove_list(self) -> None:
        o = self.current
        if o is None or not ask(self, _("Ta bort listan"), _("Ta bort anmälningslistan för {title}?").format(
                title=o.title)):
            return
        try:
            self.app.perform(RemoveSignups(o.list_id))
        except Exception as exc:
            show_error(self, exc)

    # --- people --------------------------------------------------------------------------------
    def sign_up(self, values: dict) -> bool:
        o = self.current
        if o is None:
            return False
        saved, done = submit(self, self.people.errors, lambda: self.app.perform(SignUp(o.list_id, **values)))
        if not saved:
            return False
        p = done.participant
        self.people.saved(_("{name} har plats {n}.").format(name=p.name, n=p.number) if p.has_place else
                          _("Platserna är slut: {name} står som nummer {n} på reservlistan.").format(
                              name=p.name, n=p.number))
        return True

    def cancel(self, person) -> None:
        o = self.current
        if o is None or not ask(self, _("Avanmäl"), _("Avanmäl {name} från {activity}?").format(
                name=person.name, activity=o.activity_name), _("Avanmäl")):
            return
        try:
            done = self.app.perform(CancelSignup(o.list_id, participant_id=person.id))
        except UserError as exc:
            self.people.say(str(exc), error=True)
            return
        self._tell_calls(done.moved_up, _("{name} är avanmäld.").format(name=done.name))

    def _tell_calls(self, moved, first: str) -> None:
        calls = [_("Ring {name}, {phone}: har fått plats {n} från reservlistan.").format(
            name=p.name, phone=p.phone, n=p.number) for p in moved]
        self.people.say(" ".join([first, *calls]), call=bool(calls))

    # --- who came ------------------------------------------------------------------------------
    def save_ticks(self) -> bool:
        o, day = self.current, self.ticks.chosen_day()
        if o is None or day is None:
            return False
        present, new = self.ticks.model.ticked()
        try:
            done = self.app.perform(TickPresence(o.list_id, day, present, new))
        except UserError as exc:
            self.ticks.result.setText(str(exc))
            return False
        split = "" if done.women is None else _(" (kvinnor {w}, män {m}, övriga {o})").format(
            w=done.women, m=done.men, o=done.other)
        self.ticks.saved(_("Sparat: {n} kom{split}. Antalet står under Närvaro.").format(n=done.total, split=split))
        return True

    # --- printing ------------------------------------------------------------------------------
    def print_list(self, kind: str) -> None:
        o = self.current
        if o is None:
            return
        name = "deltagarlista" if kind == "deltagare" else "ringlista"
        path = choose_file(self, f"{name}-{o.on_date or o.term_code}.pdf")
        if not path:
            return
        path = path if path.lower().endswith(".pdf") else path + ".pdf"
        today = self.app.db.clock()
        coming = [d for d in o.meeting_days() if d >= today]
        day = None if o.on_date else (coming[0] if coming else None)
        db = self.app.db
        self.print_status.setText(_("Skriver ut …"))
        self.app.ops.run(lambda: write_signup_list(db, o.list_id, kind, path, day), on_done=self._printed,
                         on_error=self._print_failed)

    def _printed(self, written) -> None:
        self.print_status.setText(_("Sparad: {path}").format(path=written.path))

    def _print_failed(self, exc: Exception) -> None:
        if isinstance(exc, UserError):
            self.print_status.setText(str(exc))
        else:
            self.print_status.setText(_("Listan kunde inte skrivas ut."))
            show_error(self, exc)

    def save_keep_days(self) -> None:
        try:
            days = self.app.perform(SetSignupRetentionDays(self.keep_days.value()))
        except UserError as exc:
            self.print_status.setText(str(exc))
            return
        self.print_status.setText(_("Namn och telefon gallras {n} dagar efter tillfället.").format(n=days))

    # --- the page ------------------------------------------------------------------------------
    def on_changed(self, topics: set[str]) -> None:
        if "schedule" in topics:
            self._load_terms()
        elif topics & REFRESH_TOPICS:
            self.refresh()

    def activated(self) -> None:
        if self._just_built:
            self._just_built = False
            return
        self._load_terms()

    def has_unsaved_changes(self) -> bool:
        return self.people.has_unsaved_changes() or self.ticks.model.dirty

    def save_changes(self) -> bool:
        if self.ticks.model.dirty and not self.save_ticks():
            return False
        if self.people.has_unsaved_changes():
            return self.sign_up(self.people.values())
        return True

    def discard_changes(self) -> None:
        self.people.saved("")
        self.ticks.set_occasion(self.current, self.ticks.people, self.app.db.clock())
