"""Small parts of the main window: its title, the demo banner, a database's readable name, the page stack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QStackedWidget

from .i18n import _
from .layouts import WrapLabel

PROGRAM = "Seniorhälsan"


def window_title(unit_name: str | None, *, demo: bool = False, username: str | None = None) -> str:
    """"Seniorhälsan – Hälsofrämjande enheten – karin"; a unit named after the program is not
    named twice, and a demo database says so first (it shows in the task bar, too)."""
    parts = []
    if demo:
        parts.append(_("DEMODATA"))
    if not unit_name:
        parts.append(PROGRAM)
    elif unit_name.casefold().startswith(PROGRAM.casefold()):
        parts.append(unit_name)
    else:
        parts += [PROGRAM, unit_name]
    if username:
        parts.append(username)
    return " – ".join(parts)


def database_name(url: str, *, folder: bool = False) -> str:
    """A database as a user reads it: a file's name (with its folder: the whole path), or a
    server's database and host (never the driver or the user name of the address)."""
    if not url:
        return ""
    if url.startswith("sqlite"):
        path = Path(url.split(":///", 1)[-1])  # Path: a Windows path has backslashes
        return str(path) if folder else path.name
    rest = url.split("://", 1)[-1].split("@")[-1]
    host, _slash, name = rest.partition("/")
    name = name.split("?", 1)[0]
    return _("{name} på servern {host}").format(name=name, host=host.split(":")[0]) if name else host


class DemoBanner(QFrame):
    """Across the top of every page while the demo database is open, with the way back."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet("#demoBanner { background: #fff4c2; border-bottom: 2px solid #b58900; }"
                           "#demoBanner QLabel { color: #3d2f00; }")
        self.text = WrapLabel()
        self.open_real = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_real)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        # one line in a small window: the page below keeps its room
        self.text.setText("<b>" + _("Demodata – påhittade uppgifter.") + "</b> " + _(
            "Det som skrivs här hamnar inte i enhetens riktiga databas."))
        self.setToolTip(_("Det här är demodatabasen, en egen fil att prova programmet i. Det som skrivs här "
                          "hamnar inte i enhetens riktiga databas."))
        self.open_real.setText(_("Öppna enhetens riktiga databas"))


class PageStack(QStackedWidget):
    """The pages, one shown at a time, asking only for the room of the page shown: a page
    visited earlier must not keep the window as wide or as tall as it needed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())
