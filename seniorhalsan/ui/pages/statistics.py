"""Statistik (not built yet)."""

from ..i18n import _
from .placeholder import placeholder

StatisticsPage = placeholder("statistics", lambda: _("Statistik"))
