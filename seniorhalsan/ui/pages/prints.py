"""Utskrifter (not built yet)."""

from ..i18n import _
from .placeholder import placeholder

PrintsPage = placeholder("prints", lambda: _("Utskrifter"))
