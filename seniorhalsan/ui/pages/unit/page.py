"""Enheten: the unit's name, contact details and folder texts; its meeting places; its staff."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from ...common import Page
from ...forms import heading
from ...i18n import _
from .. import title_of
from .places import PlacesTab
from .staff import StaffTab
from .texts import UnitTexts

TABS = ("texts", "places", "staff")


class UnitPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.heading = heading()
        self.texts = UnitTexts(app)
        self.places = PlacesTab(app)
        self.staff = StaffTab(app)
        self.tabs = QTabWidget()
        for tab in (self.texts, self.places, self.staff):
            self.tabs.addTab(tab, "")
        remembered = bytes(app.store.state("unit/tab") or b"").decode()
        self.tabs.setCurrentIndex(TABS.index(remembered) if remembered in TABS else 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(title_of("unit"))
        self.tabs.setTabText(0, _("Enheten och f&oldern"))
        self.tabs.setTabText(1, _("&Mötesplatser"))
        self.tabs.setTabText(2, _("Me&darbetare"))
        self.texts.retranslate()
        self.places.retranslate()
        self.staff.retranslate()

    def show_tab(self, name: str) -> None:
        """Open a tab by name and put the cursor where its work starts (from the Kom igång list)."""
        self.tabs.setCurrentIndex(TABS.index(name))
        if name == "texts":
            self.texts.focus_contact()
        else:
            tab = self.places if name == "places" else self.staff
            (tab.table if tab.model.rowCount() else tab.new).setFocus()

    def on_changed(self, topics: set[str]) -> None:
        if topics & {"unit", "texts"}:
            self.texts.refresh()
        if "places" in topics:
            self.places.reload()
        if "staff" in topics:
            self.staff.reload()

    def activated(self) -> None:
        self.texts.refresh()
        self.places.reload()
        self.staff.reload()

    def _forms(self):
        return (self.places.form, self.staff.form)

    def has_unsaved_changes(self) -> bool:
        return self.texts.dirty or any(form.has_unsaved_changes() for form in self._forms())

    def save_changes(self) -> bool:
        """Save what is pending (Ctrl+S, or on leaving the page), the tab in view first, so that a
        refusal shows where the user is looking."""
        savers = {self.texts: (self.texts.dirty, self.texts.save)}
        for tab in (self.places, self.staff):
            savers[tab] = (tab.form.has_unsaved_changes(), tab.form.save_changes)
        current = self.tabs.currentWidget()
        order = [current] + [tab for tab in savers if tab is not current]
        return all(savers[tab][1]() for tab in order if savers[tab][0])

    def discard_changes(self) -> None:
        self.texts.discard()
        for form in self._forms():
            form.discard_changes()

    def save_state(self) -> None:
        self.app.store.set_state("unit/tab", QByteArray(TABS[self.tabs.currentIndex()].encode()))
        self.places.save_state()
        self.staff.save_state()
