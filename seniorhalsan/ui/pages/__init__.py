"""The pages of the main window, each registered once: its key, title, who may see it, and class.

A page lives in a subpackage of its own (`attendance/`, `feedback/`, …) whose `page`
module holds the page class. That module is imported the first time the page is built,
so that the window can show itself (its navigation names every page) before the pages'
own code is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from ..i18n import _

if TYPE_CHECKING:
    from ..common import AppContext, Page


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation. `permissions`: a role needs one of them to see the page
    (the services refuse the rest anyway); None: everyone sees it."""

    key: str
    package: str
    class_name: str
    title_of: Callable[[], str]
    permissions: tuple[str, ...] | None

    def title(self) -> str:
        return self.title_of()

    def load(self) -> type[Page]:
        return getattr(import_module(f"{__name__}.{self.package}.page"), self.class_name)

    def __call__(self, app: AppContext, parent=None) -> Page:
        page = self.load()(app, parent)
        page.key = self.key
        return page


PAGES: tuple[PageSpec, ...] = (
    # in the order of a coordinator's week; the first ten are Ctrl+1 … Ctrl+0
    PageSpec("attendance", "attendance", "AttendancePage", lambda: _("Närvaro"), ("attendance",)),
    PageSpec("signups", "signups", "SignupsPage", lambda: _("Anmälan"), ("signup_lists",)),
    PageSpec("activities", "activities", "ActivitiesPage", lambda: _("Aktiviteter och schema"), ("catalogue",)),
    PageSpec("support", "support", "SupportPage", lambda: _("Stödinsatser"), ("persons",)),
    PageSpec("feedback", "feedback", "FeedbackPage", lambda: _("Tyck till"), ("feedback",)),
    PageSpec("statistics", "statistics", "StatisticsPage", lambda: _("Statistik"), ("statistics",)),
    PageSpec("import", "importer", "ImportPage", lambda: _("Import"), ("attendance", "persons", "feedback")),
    PageSpec("prints", "prints", "PrintsPage", lambda: _("Utskrifter"), ("statistics",)),
    PageSpec("unit", "unit", "UnitPage", lambda: _("Enheten"), ("catalogue",)),
    PageSpec("settings", "settings", "SettingsPage", lambda: _("Inställningar"), None),
    PageSpec("privacy", "privacy", "PrivacyPage", lambda: _("Konton och dataskydd"), ("accounts",)),
)

BY_KEY: dict[str, PageSpec] = {spec.key: spec for spec in PAGES}


def title_of(key: str) -> str:
    return BY_KEY[key].title()
