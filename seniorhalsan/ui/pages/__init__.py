"""The pages of the main window, in the order of the navigation list."""

from __future__ import annotations

from ..common import Page
from .activities import ActivitiesPage
from .attendance import AttendancePage
from .feedback import FeedbackPage
from .importer import ImportPage
from .prints import PrintsPage
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
]
