"""Tyck till (not built yet)."""

from ..i18n import _
from .placeholder import placeholder

FeedbackPage = placeholder("feedback", lambda: _("Tyck till"))
