"""Typing as a user does: key by key into the widget that has the focus, å, ä and ö too."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

SPECIAL = {"\t": Qt.Key.Key_Tab, "\n": Qt.Key.Key_Return}


def write(text: str) -> None:
    """Each character to the widget with the focus at that moment (Tab and Enter move it)."""
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None, f"Ingen ruta har fokus när {char!r} skrivs"
        if char in SPECIAL:
            QTest.keyClick(target, SPECIAL[char])
        elif char.isascii():
            QTest.keyClicks(target, char)
        else:  # QTest knows only ASCII keys: a key event with the character as its text
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key (with Ctrl, Alt …) to the widget with the focus."""
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
