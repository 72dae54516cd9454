"""Aktiviteter och schema: the activity catalogue and each term's weekly schedule per place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from ...common import Page
from ...forms import heading
from ...i18n import _
from .. import title_of
from .catalogue import CatalogueTab
from .schedule import ScheduleTab

REFRESH_TOPICS = {"activities", "schedule", "places", "staff"}


class ActivitiesPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.heading = heading()
        self.catalogue = CatalogueTab(app)
        self.schedule = ScheduleTab(app)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.catalogue, "")
        self.tabs.addTab(self.schedule, "")
        self.tabs.setCurrentIndex(1 if app.store.state("activities/tab") == QByteArray(b"schema") else 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self._just_built = True  # the tabs read everything as they were built

    def retranslate(self) -> None:
        self.heading.setText(title_of("activities"))
        self.tabs.setTabText(0, _("Akti&viteter"))
        self.tabs.setTabText(1, _("Sche&ma"))
        self.catalogue.retranslate()
        self.schedule.retranslate()

    def show_tab(self, name: str) -> None:
        """Open a tab (schema, or the catalogue) with the cursor where its work starts."""
        self.tabs.setCurrentWidget(self.schedule if name == "schema" else self.catalogue)
        if name == "schema":
            schedule = self.schedule
            (schedule.grid if schedule.terms else schedule.new_term_button).setFocus()
        elif self.catalogue.form.record is None:
            self.catalogue.form.name.setFocus()
        else:
            self.catalogue.table.setFocus()

    def prepare_screenshot(self) -> None:
        """The week grid of the busiest place, with a filled cell chosen."""
        self.show_tab("schema")
        grid, model = self.schedule.grid, self.schedule.grid_model
        filled = sorted(model.cells)
        grid.setFocus()
        grid.go_to(model.index(*filled[0]) if filled else model.index(0, 0))

    def on_changed(self, topics: set[str]) -> None:
        topics = set(topics)
        if topics & REFRESH_TOPICS:
            self.catalogue.refresh(topics)
            self.schedule.refresh(topics)

    def activated(self) -> None:
        if self._just_built:
            self._just_built = False
            return
        everything = set(REFRESH_TOPICS)
        self.catalogue.refresh(everything)
        self.schedule.refresh(everything)

    def has_unsaved_changes(self) -> bool:
        return self.catalogue.form.has_unsaved_changes()

    def save_changes(self) -> bool:
        """Ctrl+S saves the activity form; on the schedule tab only if it holds edits."""
        if self.tabs.currentWidget() is not self.catalogue and not self.has_unsaved_changes():
            return True
        return self.catalogue.form.save_changes()

    def discard_changes(self) -> None:
        self.catalogue.form.discard_changes()

    def save_state(self) -> None:
        shown = b"schema" if self.tabs.currentWidget() is self.schedule else b"katalog"
        self.app.store.set_state("activities/tab", QByteArray(shown))
        self.catalogue.save_state()
        self.schedule.save_state()
