"""Aktiviteter och schema (not built yet)."""

from ..i18n import _
from .placeholder import placeholder

ActivitiesPage = placeholder("activities", lambda: _("Aktiviteter och schema"))
