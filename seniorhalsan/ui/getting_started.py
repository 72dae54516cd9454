"""Kom igång: what a new unit does before its first day's counts, ticked from what is recorded.

The unit and its texts, the meeting places, the staff, the activities, and a term with its
schedule (or the schedule file imported). Each step is a button to where it is done; the list
reads the database again whenever something changes, whichever page (or import) did it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..services.units import SetupProgress, setup_progress
from .forms import heading, hint
from .i18n import _
from .layouts import WrapLabel

DONE_STYLE = "color: #1b5e20; font-weight: bold;"
OPEN_STYLE = "color: #444444; font-weight: bold;"
STEPS = ("unit", "places", "staff", "activities", "schedule")


@dataclass(frozen=True)
class Target:
    """Where a step is done: a page and, on it, a tab."""

    page: str
    tab: str | None = None


def step_title(step: str) -> str:
    return {
        "unit": _("Enheten och dess texter"),
        "places": _("Mötesplatser"),
        "staff": _("Medarbetare och volontärer"),
        "activities": _("Aktiviteter"),
        "schedule": _("Termin och schema"),
    }[step]


def step_detail(step: str, progress: SetupProgress) -> str:
    """What is there already, or what to do."""
    done = progress.steps[step]
    if step == "unit":
        return (_("Enhetens kontaktuppgifter är skrivna.") if done else
                _("Skriv enhetens namn, kontaktuppgifter och presentation. Foldern skrivs inte ut utan "
                  "kontaktuppgifterna."))
    if step == "places":
        text = _("Mötesplatser i bruk: {n}, varav {m} med adress.").format(
            n=progress.places, m=progress.places_with_address)
        if not done:
            text += " " + _("Kontrollera platserna, skriv deras adresser och lägg till de som saknas.")
        return text
    if step == "staff":
        return (_("Medarbetare och volontärer: {n}.").format(n=progress.staff) if done else
                _("Lägg in medarbetare och volontärer med de insatser de arbetar i; de blir ledare för "
                  "aktiviteterna."))
    if step == "activities":
        return (_("Aktiviteter: {n}.").format(n=progress.activities) if done else
                _("Lägg in aktiviteterna: typ, vanlig plats, ledare och texten till foldern."))
    return (_("{term}: {n} tillfällen i schemat.").format(term=progress.term, n=progress.term_entries) if done else
            _("Skapa terminen och lägg aktiviteterna i veckoschemat för varje mötesplats, eller importera "
              "terminens schemafil (mötesplats, veckodag, start, slut, aktivitet, ledare)."))


class GettingStarted(QScrollArea):
    """The checklist; `go` asks the window for a page (and tab) when a step's button is pressed."""

    go = Signal(str, str)  # page key, tab ("" for none)

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.progress: SetupProgress | None = None
        self.title = heading()
        self.intro = hint()
        self.marks: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self.details: dict[str, QLabel] = {}
        self.buttons: dict[str, list[tuple[QPushButton, Target]]] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        targets = {
            "unit": [Target("unit", "texts")],
            "places": [Target("unit", "places")],
            "staff": [Target("unit", "staff")],
            "activities": [Target("activities", "katalog")],
            "schedule": [Target("activities", "schema"), Target("import", "schedule")],
        }
        for row, step in enumerate(STEPS):
            mark = QLabel()
            font = mark.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            mark.setFont(font)
            mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            mark.setMinimumWidth(28)
            title = QLabel()
            detail = WrapLabel()
            text = QVBoxLayout()
            text.setSpacing(2)
            text.addWidget(title)
            text.addWidget(detail)
            buttons = QHBoxLayout()
            self.buttons[step] = []
            for target in targets[step]:
                button = QPushButton()
                button.clicked.connect(lambda _c=False, t=target: self.go.emit(t.page, t.tab or ""))
                buttons.addWidget(button)
                self.buttons[step].append((button, target))
            buttons.addStretch(1)
            text.addLayout(buttons)
            grid.addWidget(mark, row, 0)
            grid.addLayout(text, row, 1)
            self.marks[step], self.titles[step], self.details[step] = mark, title, detail
        self.finished = WrapLabel()
        self.finished.setProperty("role", "banner")
        self.to_attendance = QPushButton()
        self.to_attendance.clicked.connect(lambda: self.go.emit("attendance", ""))
        finished_row = QHBoxLayout()
        finished_row.addWidget(self.finished, 1)
        finished_row.addWidget(self.to_attendance)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        layout.addLayout(grid)
        layout.addLayout(finished_row)
        layout.addStretch(1)
        inner.setMaximumWidth(900)  # lines a reader can follow, even in a wide window
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("Kom igång"))
        self.intro.setText(_(
            "Så kommer enheten igång, steg för steg. Listan bockar av sig själv när något är gjort, "
            "var det än görs (i fönstret eller med en import). Hit kommer du tillbaka med Hjälp → Kom igång."
        ))
        names = {
            ("unit", "texts"): _("Skriv &enhetens uppgifter"),
            ("unit", "places"): _("Gå till &mötesplatserna"),
            ("unit", "staff"): _("Lägg till me&darbetare"),
            ("activities", "katalog"): _("Lägg till a&ktiviteter"),
            ("activities", "schema"): _("Lägg upp terminen och &schemat"),
            ("import", "schedule"): _("&Importera schemafilen"),
        }
        for step in STEPS:
            self.titles[step].setText(step_title(step))
            for button, target in self.buttons[step]:
                button.setText(names[(target.page, target.tab)])
        self.finished.setText(_("Allt är klart. Nu kan dagens besök skrivas in under Närvaro."))
        self.to_attendance.setText(_("Till &Närvaro"))
        self.refresh()

    def refresh(self) -> SetupProgress:
        """Read what is recorded and tick the steps that are done."""
        self.progress = progress = self.app.db.read(setup_progress)
        for number, step in enumerate(STEPS, start=1):
            done = progress.steps[step]
            self.marks[step].setText("✓" if done else f"{number}.")
            self.marks[step].setStyleSheet(DONE_STYLE if done else OPEN_STYLE)
            self.marks[step].setAccessibleName(_("Klart") if done else _("Inte klart"))
            self.titles[step].setStyleSheet(DONE_STYLE if done else "font-weight: bold;")
            self.details[step].setText(step_detail(step, progress))
        self.finished.setVisible(progress.complete)
        self.to_attendance.setVisible(progress.complete)
        return progress

    def allow(self, may_see) -> None:
        """Hide the buttons to pages the signed-in role does not have."""
        for step in STEPS:
            for button, target in self.buttons[step]:
                button.setVisible(may_see(target.page))

    def focus_next_step(self) -> None:
        """The cursor on the first step not yet done (or on Närvaro when all are)."""
        progress = self.progress or self.refresh()
        for step in STEPS:
            visible = [b for b, _t in self.buttons[step] if not b.isHidden()]
            if not progress.steps[step] and visible:
                visible[0].setFocus()
                return
        if progress.complete:
            self.to_attendance.setFocus()
