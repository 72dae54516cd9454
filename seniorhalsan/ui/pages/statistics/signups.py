"""The statistics page's tab of sign-ups: occasions, places, signed up, came, waiting list and
different persons, in all and per kind of activity."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ....stats import SignupCounts, YearOverview
from ...forms import hint
from ...i18n import _
from .model import FigureModel, Line
from .views import bold_label, table


def signup_headers() -> list[str]:
    return ["", _("Tillfällen"), _("Platser"), _("Anmälda"), _("Kom"), _("Reservlista"), _("Personer")]


def _cells(c: SignupCounts) -> tuple[int, ...]:
    return (c.occasions, c.places_offered, c.signed_up, c.attended, c.waiting_list, c.distinct_persons)


def signup_lines(overview: YearOverview) -> list[Line]:
    s = overview.figures.signups
    kinds = overview.labels.get("kinds", {})
    lines = [Line(_("Alla tillfällen med anmälan"), _cells(s.total), heading=True)]
    lines += [Line(kinds.get(key) or _("Typ ej angiven"), _cells(c), indent=True)
              for key, c in s.by_kind.items() if c.occasions]
    return lines


class SignupTab(QWidget):
    """A table of the period's sign-ups; a kind without occasions is left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = bold_label()
        self.model = FigureModel(signup_headers, self)
        self.model.header_tips[3] = lambda: _("De som har en plats (och de som slutade i en kurs efter att ha kommit)")
        self.model.header_tips[4] = lambda: _("De som bockades av som närvarande minst en gång")
        self.model.header_tips[6] = lambda: _("Olika personer bland de anmälda, räknade en gång var")
        self.view = table(self.model)
        self.note = hint()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("Anmälan: utflykter, evenemang, kurser och grupper"))
        self.note.setText(_("Ett tillfälle räknas det år det äger rum, en kurs eller grupp det år terminen börjar. "
                            "Personer räknas en gång även när de har anmält sig till flera tillfällen."))

    def show_figures(self, overview: YearOverview) -> None:
        self.model.set_lines(signup_lines(overview))
