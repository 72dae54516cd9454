"""The dialogs that save or open a file: they start in the folder the user last chose a file in,
else in the user's Documents (on Windows "Dokument"), never in the program's own folders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from .settings import SettingsStore

LAST_FOLDER = "files/folder"


def start_folder(store: SettingsStore) -> Path:
    saved = store.state(LAST_FOLDER)
    if saved is not None:
        folder = Path(bytes(saved.data()).decode("utf-8", errors="replace"))
        if folder.is_dir():
            return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _remember(store: SettingsStore, chosen: Path) -> None:
    store.set_state(LAST_FOLDER, QByteArray(str(chosen.parent).encode("utf-8")))


def save_file(parent: QWidget, store: SettingsStore, title: str, suggested: str, filters: str) -> Path | None:
    """Where to save a file named `suggested` (None: the user cancelled)."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(start_folder(store) / suggested), filters)
    if not name:
        return None
    _remember(store, Path(name))
    return Path(name)


def open_file(parent: QWidget, store: SettingsStore, title: str, filters: str) -> Path | None:
    """Which file to open (None: the user cancelled)."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(start_folder(store)), filters)
    if not name:
        return None
    _remember(store, Path(name))
    return Path(name)
