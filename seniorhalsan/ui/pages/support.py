"""Stödinsatser (not built yet)."""

from ..i18n import _
from .placeholder import placeholder

SupportPage = placeholder("support", lambda: _("Stödinsatser"))
