"""Enheten: the unit's name, contact details and folder texts; its meeting places; its staff and
volunteers; its partners; its outreach log."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from ...common import Page
from ...forms import heading
from ...i18n import _
from .. import title_of
from .outreach import OutreachTab
from .partners import PartnersTab
from .places import PlacesTab
from .staff import StaffTab
from .texts import UnitTexts

TABS = ("texts", "places", "staff", "partners", "outreach")


class UnitPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.heading = heading()
        self.texts = UnitTexts(app)
        self.places = PlacesTab(app)
        self.staff = StaffTab(app)
        self.partners = PartnersTab(app)
        self.outreach = OutreachTab(app)
        self.records = (self.places, self.staff, self.partners, self.outreach)
        self.tabs = QTabWidget()
        for tab in (self.texts, *self.records):
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
        self.tabs.setTabText(3, _("Samarbets&partner"))
        self.tabs.setTabText(4, _("Ut&åtriktat arbete"))
        self.texts.retranslate()
        for tab in self.records:
            tab.retranslate()

    def show_tab(self, name: str) -> None:
        """Open a tab by name and put the cursor where its work starts (from the Kom igång list)."""
        self.tabs.setCurrentIndex(TABS.index(name))
        if name == "texts":
            self.texts.focus_contact()
        else:
            tab = self.records[TABS.index(name) - 1]
            (tab.table if tab.model.rowCount() else tab.new).setFocus()

    def on_changed(self, topics: set[str]) -> None:
        if topics & {"unit", "texts"}:
            self.texts.refresh()
        if "places" in topics:
            self.places.reload()
            self.partners.reload()
            self.staff.places_changed()
        if "staff" in topics:
            self.staff.reload()
        if topics & {"places", "staff"}:
            self.outreach.choices_changed()
        if "outreach" in topics:
            self.outreach.reload()

    def activated(self) -> None:
        self.texts.refresh()
        for tab in self.records:
            tab.reload()

    def _forms(self):
        return tuple(tab.form for tab in self.records)

    def has_unsaved_changes(self) -> bool:
        return self.texts.dirty or any(form.has_unsaved_changes() for form in self._forms())

    def save_changes(self) -> bool:
        """Save what is pending (Ctrl+S, or on leaving the page), the tab in view first, so that a
        refusal shows where the user is looking."""
        savers = {self.texts: (self.texts.dirty, self.texts.save)}
        for tab in self.records:
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
        for tab in self.records:
            tab.save_state()
