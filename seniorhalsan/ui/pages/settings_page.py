"""Inställningar (not built yet)."""

from ..i18n import _
from .placeholder import placeholder

SettingsPage = placeholder("settings", lambda: _("Inställningar"))
