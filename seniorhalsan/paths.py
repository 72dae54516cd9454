"""Where things live: the program's resources, the user's data directory, the database."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from .private import ensure_private_dir

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

APP_NAME = "seniorhalsan"


def resource(*parts: str) -> Traversable:
    """A file shipped with the program (reference data, fonts, translations).

    `resources/` at the top of the repository is installed as the package
    `seniorhalsan.resources`, so this finds it in a checkout, an installed wheel and a
    bundled program alike.
    """
    from importlib.resources import files  # not needed by a command that opens no resource

    found = files("seniorhalsan.resources")
    for part in parts:
        found = found / part
    return found


def data_dir() -> Path:
    """The user's data directory (platformdirs), or SENIORHALSAN_DATA_DIR when set; readable by
    its owner only, since the database, its backups and the log live there."""
    override = os.environ.get("SENIORHALSAN_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return ensure_private_dir(path, tighten_existing=True)


def log_file() -> Path:
    return data_dir() / "seniorhalsan.log"


def default_db_path() -> Path:
    return data_dir() / "seniorhalsan.sqlite3"


def demo_db_path() -> Path:
    """The demo database: a file of its own beside the unit's, so invented data never mixes with real."""
    return data_dir() / "seniorhalsan-demo.sqlite3"


def database_url(db_path: str | os.PathLike | None = None, db_url: str | None = None) -> str:
    """The SQLAlchemy URL to open: --db-url, then --db, then SENIORHALSAN_DB, then the default."""
    if db_url:
        return db_url
    env_url = os.environ.get("SENIORHALSAN_DB_URL")
    if db_path is None and env_url:
        return env_url
    path = db_path or os.environ.get("SENIORHALSAN_DB") or default_db_path()
    return sqlite_url(Path(path))


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(Path(path).expanduser().resolve())
