"""Backup copies of a SQLite database with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

KEEP = 10


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live database consistently (WAL included) into `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def backups_dir(db_file: Path) -> Path:
    return db_file.parent / "backups"


def take_backup(db_file: Path, reason: str, *, keep: int = KEEP) -> Path:
    """A timestamped backup next to the database; only the newest `keep` are kept."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir(db_file) / f"{db_file.stem}-{stamp}-{reason}.sqlite3"
    backup_sqlite(db_file, target)
    prune(db_file, keep=keep)
    return target


def list_backups(db_file: Path) -> list[Path]:
    """Backups of this database, newest first."""
    folder = backups_dir(db_file)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_file.stem}-*.sqlite3"), reverse=True)


def prune(db_file: Path, *, keep: int = KEEP) -> None:
    for old in list_backups(db_file)[keep:]:
        old.unlink(missing_ok=True)
