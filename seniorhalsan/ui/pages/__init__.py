"""The pages of the main window, in the order of the navigation list.

A page's module is imported the first time the page is built, so that the window can
show itself (its navigation names every page) before the pages' own code is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from ..i18n import _

if TYPE_CHECKING:
    from ..common import AppContext, Page


class PageRef:
    """A page class named by its module; called like the class, it builds the page."""

    def __init__(self, module: str, name: str, title: Callable[[], str]) -> None:
        self.module = module
        self.name = name
        self._title = title

    def title(self) -> str:
        return self._title()

    def load(self) -> type[Page]:
        return getattr(import_module(f"{__name__}.{self.module}"), self.name)

    def __call__(self, app: AppContext, parent=None) -> Page:
        return self.load()(app, parent)


PAGES: list[tuple[str, PageRef]] = [
    ("attendance", PageRef("attendance", "AttendancePage", lambda: _("Närvaro"))),
    ("activities", PageRef("activities", "ActivitiesPage", lambda: _("Aktiviteter och schema"))),
    ("support", PageRef("support", "SupportPage", lambda: _("Stödinsatser"))),
    ("feedback", PageRef("feedback", "FeedbackPage", lambda: _("Tyck till"))),
    ("statistics", PageRef("statistics", "StatisticsPage", lambda: _("Statistik"))),
    ("import", PageRef("importer", "ImportPage", lambda: _("Import"))),
    ("prints", PageRef("prints", "PrintsPage", lambda: _("Utskrifter"))),
    ("settings", PageRef("settings_page", "SettingsPage", lambda: _("Inställningar"))),
    ("privacy", PageRef("privacy", "PrivacyPage", lambda: _("Konton och dataskydd"))),
]

# What a role needs to see a page (the services refuse the rest anyway); None: everyone.
PAGE_PERMISSIONS: dict[str, tuple[str, ...] | None] = {
    "attendance": ("attendance",),
    "activities": ("catalogue",),
    "support": ("persons",),
    "feedback": ("feedback",),
    "statistics": ("statistics",),
    "import": ("attendance", "persons", "feedback"),
    "prints": ("statistics",),
    "settings": None,
    "privacy": ("accounts",),
}
