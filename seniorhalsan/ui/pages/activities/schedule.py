"""Schema: a term's weekly schedule per place as a week grid, its dated events, new terms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....errors import UserError
from ....operations.schedule import AddEntry, CopyTerm, CreateTerm, RemoveEntry, UpdateEntry, UpdateTerm
from ....services import activities as activity_service
from ....services import places as place_service
from ....services import schedule
from ....services import staff as staff_service
from ....services.schedule import EntryInfo, TermInfo
from ... import i18n
from ...common import ask, show_error
from ...forms import hint, select_data
from ...i18n import _
from ...layouts import WrapLabel, flow, narrow_combo, pair
from .dated import DatedEvents
from .dialogs import EntryDialog, TermDialog
from .grid import WeekGridModel, WeekGridView, day_names, hhmm, leader_labels, term_label, time_span

ADD = "add"  # chosen from a cell's menu: a new entry in that hour


class ScheduleTab(QWidget):
    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.terms: list[TermInfo] = []
        self.places: list[place_service.PlaceInfo] = []
        self.staff: list[staff_service.StaffInfo] = []
        self.term_entries: list[EntryInfo] = []

        self.term_label = QLabel()
        self.term = narrow_combo(QComboBox(), 22)
        self.place_label = QLabel()
        self.place = narrow_combo(QComboBox(), 16)
        self.new_term_button = QPushButton()
        self.copy_term_button = QPushButton()
        self.edit_term_button = QPushButton()
        top = flow(pair(self.term_label, self.term), pair(self.place_label, self.place),
                   self.edit_term_button, self.new_term_button, self.copy_term_button)

        self.help = hint()
        self.empty = WrapLabel()
        self.empty.setProperty("role", "banner")
        self.empty.hide()
        self.grid_model = WeekGridModel(self)
        self.grid = WeekGridView()
        self.grid.setModel(self.grid_model)
        self.add_button = QPushButton()
        self.summary = hint()
        grid_buttons = QHBoxLayout()
        grid_buttons.addWidget(self.summary, 1)
        grid_buttons.addWidget(self.add_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.grid, 1)
        upper_layout.addLayout(grid_buttons)

        self.dated = DatedEvents()
        self.dated_model, self.dated_view = self.dated.model, self.dated.view

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.dated)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 120])
        state = app.store.state("activities/schedule-splitter")
        if state is not None:
            self.splitter.restoreState(state)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(top)
        layout.addWidget(self.help)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)

        self.term.currentIndexChanged.connect(lambda _i: self._term_changed())
        self.place.currentIndexChanged.connect(lambda _i: self._place_changed())
        self.new_term_button.clicked.connect(lambda: self.term_dialog("new"))
        self.copy_term_button.clicked.connect(lambda: self.term_dialog("copy"))
        self.edit_term_button.clicked.connect(lambda: self.term_dialog("edit"))
        self.grid.open_requested.connect(self.open_cell)
        self.grid.add_requested.connect(self.add_at)
        self.grid.remove_requested.connect(self.remove_at)
        self.add_button.clicked.connect(lambda: self.add_at(self.grid.currentIndex()))
        self.dated.add_requested.connect(self.add_dated)
        self.dated.edit_requested.connect(self.edit_entry)
        self.dated.remove_requested.connect(self.remove_entry)

        self.setTabOrder(self.term, self.place)
        self.setTabOrder(self.place, self.grid)
        self.setTabOrder(self.grid, self.add_button)
        self.setTabOrder(self.add_button, self.dated_view)
        self.retranslate()
        self.reload_lists()
        self.reload_terms()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.term_label.setText(_("&Termin:"))
        self.term_label.setBuddy(self.term)
        self.place_label.setText(_("&Plats:"))
        self.place_label.setBuddy(self.place)
        self.new_term_button.setText(_("N&y termin …"))
        self.copy_term_button.setText(_("&Kopiera förra terminen …"))
        self.copy_term_button.setToolTip(_("En ny termin med samma veckoschema som den valda terminen"))
        self.edit_term_button.setText(_("Ändra &datum …"))
        self.edit_term_button.setToolTip(_("Ändra den valda terminens första och sista dag"))
        self.help.setText(_("Pilarna flyttar mellan rutorna. Enter eller dubbelklick öppnar rutan, "
                            "Insert lägger till, Delete tar bort."))
        self.grid.setToolTip(_("En tom ruta: lägg till en aktivitet som börjar den timmen. "
                               "En ruta med en aktivitet: ändra eller ta bort den."))
        self.empty.setText(_("Det finns inga terminer ännu. Börja med Ny termin …"))
        self.add_button.setText(_("&Lägg till i rutan …"))
        self.add_button.setToolTip(_("En ny aktivitet i veckoschemat på den valda dagen och timmen (Insert)"))
        self.dated.retranslate()
        if self.terms:  # the term names follow the language
            for row, term in enumerate(self.terms):
                self.term.setItemText(row, term_label(term))
        self._update_summary()

    # --- loading ----------------------------------------------------------------------------
    def reload_lists(self) -> None:
        """Places, staff and activities for the selectors and dialogs."""
        self.places = self.app.db.read(place_service.list_places)
        self.staff = self.app.db.read(staff_service.list_staff, include_inactive=True)
        self.grid_model.leader = leader_labels(self.staff)

    def selected_term(self) -> TermInfo | None:
        term_id = self.term.currentData()
        return next((t for t in self.terms if t.id == term_id), None)

    def place_id(self) -> int | None:
        return self.place.currentData()

    def reload_terms(self, select_id: int | None = None) -> None:
        self.terms = self.app.db.read(schedule.list_terms)
        wanted = select_id or self.term.currentData() or self._default_term_id()
        self.term.blockSignals(True)
        self.term.clear()
        for t in self.terms:
            self.term.addItem(term_label(t), t.id)
        select_data(self.term, wanted)
        self.term.blockSignals(False)
        has_terms = bool(self.terms)
        self.empty.setVisible(not has_terms)
        for widget in (self.term, self.place, self.copy_term_button, self.edit_term_button, self.splitter):
            widget.setEnabled(has_terms)
        self._term_changed()

    def _default_term_id(self) -> int | None:
        """The term going on today, else the next to come, else the latest."""
        today = self.app.db.clock()
        current = [t for t in self.terms if t.covers(today)] or [t for t in self.terms if t.starts_on > today]
        chosen = current[0] if current else (self.terms[-1] if self.terms else None)
        return chosen.id if chosen else None

    def _term_changed(self) -> None:
        term = self.selected_term()
        self.term_entries = self.app.db.read(schedule.list_schedule, term.id) if term else []
        self._fill_places(term)
        self._show_entries()

    def _fill_places(self, term: TermInfo | None) -> None:
        weekly: dict[int, int] = {}
        for e in self.term_entries:
            if e.weekday:
                weekly[e.place_id] = weekly.get(e.place_id, 0) + 1
        shown = [p for p in self.places
                 if p.id in weekly or term is None or p.in_use_between(term.starts_on, term.ends_on)]
        wanted = self.place.currentData() or self.app.settings.last_place_id
        if wanted not in {p.id for p in shown}:
            wanted = max(shown, key=lambda p: weekly.get(p.id, 0)).id if shown else None
        self.place.blockSignals(True)
        self.place.clear()
        for p in shown:
            count = weekly.get(p.id, 0)
            self.place.addItem(p.name + (" – " + _("{n} i veckan").format(n=count) if count else ""), p.id)
        select_data(self.place, wanted)
        self.place.blockSignals(False)

    def _place_changed(self) -> None:
        if self.place_id():
            self.app.settings.last_place_id = self.place_id()
        self._show_entries()

    def _show_entries(self) -> None:
        current = self.grid.currentIndex()
        position = (current.row(), current.column()) if current.isValid() else None
        self.grid_model.set_entries([e for e in self.term_entries if e.place_id == self.place_id()])
        if position is not None and position[0] < self.grid_model.rowCount():
            self.grid.setCurrentIndex(self.grid_model.index(*position))
        self.dated.set_entries([e for e in self.term_entries if e.on_date])
        self._update_summary()

    def _update_summary(self) -> None:
        term = self.selected_term()
        place = next((p.name for p in self.places if p.id == self.place_id()), "")
        if term is None:
            self.summary.setText("")
            return
        count = self.grid_model.entry_count()
        self.summary.setText(_("{n} tillfällen i veckan på {place}.").format(n=count, place=place) if count
                             else _("Inget veckoschema på {place} ännu.").format(place=place))

    def refresh(self, topics: set[str]) -> None:
        if topics & {"places", "staff"}:
            self.reload_lists()
        if topics & {"schedule", "places", "staff", "activities"}:
            self.reload_terms()

    # --- the grid ---------------------------------------------------------------------------
    def _pick(self, index: QModelIndex, entries: list[EntryInfo], *, offer_add: bool) -> EntryInfo | str | None:
        """A menu at the cell to choose one of its entries (or a new one)."""
        menu = QMenu(self)
        actions: dict[Any, Any] = {}
        for entry in entries:
            actions[menu.addAction(f"{time_span(entry)} {entry.activity_name}")] = entry
        if offer_add:
            menu.addSeparator()
            actions[menu.addAction(_("Lägg till en aktivitet till …"))] = ADD
        rect = self.grid.visualRect(index)
        chosen = menu.exec(self.grid.viewport().mapToGlobal(rect.bottomLeft()))
        return actions.get(chosen)

    def open_cell(self, index: QModelIndex) -> None:
        """An empty cell adds an entry there; a cell with one entry edits it; with more, a menu."""
        if not index.isValid() or self.selected_term() is None:
            return
        entries = self.grid_model.entries_at(index)
        if not entries:
            self.add_at(index)
            return
        chosen = entries[0] if len(entries) == 1 else self._pick(index, entries, offer_add=True)
        if chosen == ADD:
            self.add_at(index)
        elif chosen is not None:
            self.edit_entry(chosen)

    def add_at(self, index: QModelIndex) -> None:
        term = self.selected_term()
        if term is None:
            return
        if not index.isValid():
            index = self.grid_model.index(0, 0)
        hour = self.grid_model.hour_of(index)
        self._entry_dialog(
            term, None, weekday=self.grid_model.weekday_of(index), starts_at=dt.time(hour),
            ends_at=dt.time(hour + 1) if hour < 23 else None,
        )

    def remove_at(self, index: QModelIndex) -> None:
        entries = self.grid_model.entries_at(index)
        chosen = entries[0] if len(entries) == 1 else self._pick(index, entries, offer_add=False) if entries else None
        if isinstance(chosen, EntryInfo):
            self.remove_entry(chosen)

    def edit_entry(self, entry: EntryInfo) -> None:
        term = self.selected_term()
        if term is not None:
            self._entry_dialog(term, entry)

    def remove_entry(self, entry: EntryInfo) -> bool:
        when = (i18n.date_text(entry.on_date, "short") if entry.on_date
                else day_names()[entry.weekday - 1]) + " " + hhmm(entry.starts_at)
        if not ask(self, _("Ta bort från schemat"),
                   _("Ta bort {what} ({when}) från schemat? Tillfällen som redan är registrerade finns kvar.").format(
                       what=entry.activity_name, when=when), _("Ta bort")):
            return False
        try:
            self.app.perform(RemoveEntry(entry.id))
        except Exception as exc:
            show_error(self, exc)
            self.refresh({"schedule"})  # e.g. someone else removed it first: show what holds now
            return False
        return True

    def _entry_dialog(self, term: TermInfo, entry: EntryInfo | None, **defaults: Any) -> int:
        """Add (entry None) or edit an entry in a dialog; returns the dialog's result."""
        activities = self.app.db.read(activity_service.list_activities, include_inactive=True)
        if not any(a.active for a in activities):
            show_error(self, UserError(_("Det finns inga aktiva aktiviteter ännu. "
                                        "Lägg till dem under fliken Aktiviteter.")))
            return QDialog.DialogCode.Rejected
        own_leader = self.app.db.read(schedule.own_leader_ids, term.id).get(entry.id) if entry else None
        places = [p for p in self.places if p.in_use_between(term.starts_on, term.ends_on)
                  or (entry and p.id == entry.place_id)]

        def submit(values: dict[str, Any]) -> EntryInfo:
            if entry is None:
                return self.app.perform(AddEntry(term_id=term.id, **values))
            return self.app.perform(UpdateEntry(entry_id=entry.id, version=entry.version, **values))

        dialog = EntryDialog(
            term=term, activities=activities, places=places, staff=self.staff, submit=submit, entry=entry,
            own_leader_id=own_leader, place_id=self.place_id(),
            remove=(lambda: self.app.perform(RemoveEntry(entry.id))) if entry else None,
            parent=self, **defaults,
        )
        result = dialog.exec()
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            saved = dialog.outcome
            if isinstance(saved, EntryInfo) and saved.weekday:
                if saved.place_id != self.place_id():
                    select_data(self.place, saved.place_id)
                self.grid.go_to(self.grid_model.index_of(saved.weekday, saved.starts_at))
        elif dialog.failure is not None:  # e.g. someone else changed the entry: show what holds now
            self.refresh({"schedule"})
        (self.dated_view if "on_date" in defaults or (entry and entry.on_date) else self.grid).setFocus()
        return result

    # --- dated events -----------------------------------------------------------------------
    def add_dated(self) -> None:
        term = self.selected_term()
        if term is None:
            return
        today = self.app.db.clock()
        day = today if term.covers(today) else term.starts_on
        self._entry_dialog(term, None, dated=True, on_date=day, starts_at=dt.time(13), ends_at=dt.time(15))

    def edit_dated(self) -> None:
        entry = self.dated.selected()
        if entry is not None:
            self.edit_entry(entry)

    def remove_dated(self) -> None:
        entry = self.dated.selected()
        if entry is not None:
            self.remove_entry(entry)

    # --- terms ------------------------------------------------------------------------------
    def term_dialog(self, mode: str) -> int:
        """New term, copy of a term's weekly schedule, or new dates for the chosen term."""
        term = self.selected_term()
        if mode != "new" and term is None:
            return QDialog.DialogCode.Rejected
        if mode == "new":
            def submit(values):
                return self.app.perform(CreateTerm(**values))
        elif mode == "copy":
            def submit(values):
                return self.app.perform(CopyTerm(**values))
        else:
            def submit(values):
                return self.app.perform(UpdateTerm(term.id, version=term.version, **values))
        dialog = TermDialog(mode, terms=self.terms, term=term, submit=submit, today=self.app.db.clock(), parent=self)
        result = dialog.exec()
        dialog.deleteLater()
        if dialog.failure is not None:
            self.reload_terms()
        if result == QDialog.DialogCode.Accepted:
            self.reload_terms(select_id=dialog.outcome.id)
            status_bar = getattr(self.window(), "statusBar", None)
            if status_bar is not None:
                status_bar().showMessage(_("Sparat: {term}.").format(term=term_label(dialog.outcome)), 4000)
        return result

    def save_state(self) -> None:
        self.app.store.set_state("activities/schedule-splitter", self.splitter.saveState())
