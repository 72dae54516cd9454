"""The window's own settings: one typed schema with defaults, kept apart from the unit's data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..paths import data_dir

TEXT_SIZES = {"normal": 11, "stor": 13, "storst": 16}


@dataclass
class Settings:
    language: str = "sv"
    text_size: str = "normal"
    last_page: str = "attendance"
    last_place_id: int = 0
    my_service: str = ""
    database: str = ""  # a file or URL chosen in the window; empty means the default file
    idle_lock_minutes: int = 15


class SettingsStore:
    """Settings and window geometry in an INI file in the user's data directory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "fonster.ini"
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    def load(self) -> Settings:
        values = {}
        for f in fields(Settings):
            raw = self._q.value(f"settings/{f.name}")
            if raw is None:
                continue
            try:
                values[f.name] = int(raw) if f.type in ("int", int) else str(raw)
            except (TypeError, ValueError):
                continue
        settings = Settings(**values)
        if settings.text_size not in TEXT_SIZES:
            settings.text_size = "normal"
        return settings

    def save(self, settings: Settings) -> None:
        for name, value in asdict(settings).items():
            self._q.setValue(f"settings/{name}", value)
        self._q.sync()

    def state(self, name: str) -> QByteArray | None:
        value = self._q.value(f"state/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self._q.setValue(f"state/{name}", value)
        self._q.sync()
