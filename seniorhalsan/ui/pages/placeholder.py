"""A page that is not built yet: a heading and a note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout

from ..common import Page
from ..forms import heading, hint
from ..i18n import _


def placeholder(key: str, title_fn: Callable[[], str]) -> type[Page]:
    class Placeholder(Page):
        def __init__(self, app, parent=None) -> None:
            super().__init__(app, parent)
            layout = QVBoxLayout(self)
            self.heading = heading(title_fn())
            self.note = hint(_("Den här sidan är inte klar ännu."))
            layout.addWidget(self.heading)
            layout.addWidget(self.note)
            layout.addStretch(1)

        @staticmethod
        def title() -> str:
            return title_fn()

    Placeholder.key = key
    return Placeholder
