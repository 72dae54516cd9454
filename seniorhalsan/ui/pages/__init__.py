"""The pages of the main window, in the order of the navigation list."""

from __future__ import annotations

from ..common import Page
from .activities import ActivitiesPage
from .attendance import AttendancePage
from .feedback import FeedbackPage
from .importer import ImportPage
from .prints import PrintsPage
from .privacy import PrivacyPage
from .settings_page import SettingsPage
from .statistics import StatisticsPage
from .support import SupportPage

PAGES: list[tuple[str, type[Page]]] = [
    ("attendance", AttendancePage),
    ("activities", ActivitiesPage),
    ("support", SupportPage),
    ("feedback", FeedbackPage),
    ("statistics", StatisticsPage),
    ("import", ImportPage),
    ("prints", PrintsPage),
    ("settings", SettingsPage),
    ("privacy", PrivacyPage),
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
