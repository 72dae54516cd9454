"""Stödinsatser: an instructor's own service first; persons and their contacts, groups, trainings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout

from ....services import contacts, lookups
from ....services import staff as staff_service
from ....services.lookups import ServiceInfo
from ...common import Page
from ...forms import heading, hint
from ...i18n import _
from .groups import GroupsTab, TrainingsTab
from .persons import PersonsTab

SPLITTERS = ("main", "right")


class SupportPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.services: list[ServiceInfo] = app.db.read(lookups.services)
        self.own = app.db.read(staff_service.own_work)  # the signed-in person's staff member and services

        self.heading = heading()
        self.service_label = QLabel()
        self.service = QComboBox()
        self.service.setMinimumWidth(220)
        for s in self.services:
            self.service.addItem(s.name, s.key)
        self.service_label.setBuddy(self.service)
        self.service_hint = hint()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(24)
        top.addWidget(self.service_label)
        top.addWidget(self.service)
        top.addWidget(self.service_hint, 1)

        self.persons = PersonsTab(app)
        self.groups = GroupsTab(app)
        self.trainings = TrainingsTab(app)
        self._tell_own_staff()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.persons, "")
        self.tabs.addTab(self.groups, "")
        self.tabs.addTab(self.trainings, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._restore_state()
        wanted = self.service.findData(self.first_service())
        self.service.setCurrentIndex(wanted if wanted >= 0 else 0)
        self.service.currentIndexChanged.connect(self._service_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setTabOrder(self.service, self.tabs)
        self.retranslate()
        self._apply_service()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Stödinsatser"))
        self.service_label.setText(_("Min &insats:"))
        self.service.setToolTip(_("Insatsen du arbetar med. Programmet kommer ihåg den till nästa gång."))
        self.service_hint.setText(_("Kontakter, träffar och utbildningar skrivs för den här insatsen."))
        self.tabs.setTabText(0, _("&Personer och kontakter"))
        self.tabs.setTabText(1, _("Grupptr&äffar"))
        self.tabs.setTabText(2, _("&Utbildningar"))
        for tab in (self.persons, self.groups, self.trainings):
            tab.retranslate()

    # --- the service ------------------------------------------------------------------------
    def service_key(self) -> str:
        return self.service.currentData() or ""

    def current_service(self) -> ServiceInfo | None:
        return next((s for s in self.services if s.key == self.service_key()), None)

    def first_service(self) -> str:
        """The service the page starts on. An instructor's is one of their own: the one chosen last
        on this computer if it is theirs, else the first of theirs (the computer may be shared, and
        their contacts are refused in another service). Others start where they left off, or on
        their staff member's first service."""
        remembered = self.app.settings.my_service
        own = [key for key in self.own.services if self.service.findData(key) >= 0]
        actor = self.app.db.actor
        if actor is not None and actor.role == "instruktor" and own:
            return remembered if remembered in own else own[0]
        return remembered or (own[0] if own else "")

    def _tell_own_staff(self) -> None:
        """The forms' Medarbetare start on the signed-in person's own staff member."""
        own = self.own.staff.id if self.own.staff is not None else None
        for form in (self.persons.form, self.groups, self.trainings):
            form.own_staff_id = own

    def set_service(self, key: str) -> None:
        """Choose the service (a login will call this with the user's own)."""
        index = self.service.findData(key)
        if index >= 0:
            self.service.setCurrentIndex(index)

    def _service_changed(self, _index: int) -> None:
        if self.app.settings.my_service != self.service_key():
            self.app.settings.my_service = self.service_key()
            self.app.save_settings()
        self._apply_service()

    def _apply_service(self) -> None:
        service = self.current_service()
        if service is None:
            return
        self.persons.set_service(service, self.services)
        self.groups.set_service(service)
        self.trainings.set_service(service)

    def _tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab is self.persons:
            self.persons.focus_search()
        else:
            tab.focus_first()

    # --- the page's part in the window ------------------------------------------------------
    def activated(self) -> None:
        if not self.persons.has_unsaved_changes():
            self.persons.run_search()
            self.persons.reload_selected()
        if self.tabs.currentWidget() is self.persons:
            self.persons.focus_search()

    def on_changed(self, topics: set[str]) -> None:
        if topics & {"staff", "accounts"}:  # an account tied to a staff member, or the staff changed
            self.own = self.app.db.read(staff_service.own_work)
            self._tell_own_staff()
        self.persons.refresh(topics)
        if "groups" in topics or "places" in topics:
            self.groups.reload_choices()
            self.groups.load()
        if "trainings" in topics:
            self.trainings.reload_choices()
            self.trainings.load()

    def has_unsaved_changes(self) -> bool:
        return any(tab.has_unsaved_changes() for tab in (self.persons, self.groups, self.trainings))

    def save_changes(self) -> bool:
        """Save every tab holding edits, the one in view first; stop at the first refusal."""
        tabs = [self.persons, self.groups, self.trainings]
        tabs.sort(key=lambda tab: tab is not self.tabs.currentWidget())
        for tab in tabs:
            if tab.has_unsaved_changes() and not tab.save_changes():
                self.tabs.setCurrentWidget(tab)
                return False
        return True

    def discard_changes(self) -> None:
        for tab in (self.persons, self.groups, self.trainings):
            tab.discard_changes()

    def _restore_state(self) -> None:
        for name in SPLITTERS:
            state = self.app.store.state(f"support/{name}")
            if state is not None:
                getattr(self.persons, name).restoreState(state)

    def save_state(self) -> None:
        for name in SPLITTERS:
            self.app.store.set_state(f"support/{name}", getattr(self.persons, name).saveState())

    def prepare_screenshot(self) -> None:
        """A fixare's view with a person who has had several visits (nothing typed: leaving must not ask)."""
        self.set_service("fixartjanst")
        candidates = self.persons.model.rows[:30]
        if candidates:
            seen = {p.id: self.app.db.read(contacts.count_contacts, person_id=p.id) for p in candidates}
            self.persons.select_person(max(candidates, key=lambda p: seen[p.id]))
        self.window().activateWindow()  # so the focus frame on the minutes is seen
        self.persons.form.focus_first()
