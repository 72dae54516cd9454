"""Backup copies of a SQLite database (SQLite's online backup API), checks and pruning.

Every copy is readable by its owner only (0600 in a 0700 folder), and is written to a
`.part` file that becomes the copy by one rename, or is removed when the copy fails.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

from ..private import create_private_file, ensure_private_dir

KEEP = 10
RESERVE = 20 * 1024 * 1024  # room left on the disk after a daily backup, for the database itself
REPLACED = ".ersatt-"  # a replaced file kept beside the database: seniorhalsan.ersatt-20261120-101500.sqlite3


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to the file at `path`, whatever its folder is called.

    SQLite reads `#`, `?` and `%` in a `file:` URI as URI syntax; written as it stands, a
    folder such as "Enhet #2" made the check and the backup read another file. So every
    character but `/` is escaped, and SQLite decodes them again: `C:\\…` and a network
    path `\\\\server\\…` on Windows stay what they are (`file://server/…` would be refused).
    """
    return sqlite3.connect(f"file:{quote(str(Path(path).resolve()), safe='/')}?mode=ro", uri=True)


def _copy_pages(source: Path, target: Path) -> None:
    """SQLite's online backup from one file into another (WAL included)."""
    src = _read_only(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def private_copy(source: Path, target: Path) -> Path:
    """A consistent copy of a live database at `target` (0600), or nothing at all: a failed copy
    (a full disk) removes what it wrote and raises OSError."""
    create_private_file(target)
    try:
        _copy_pages(source, target)
    except BaseException as exc:
        for leftover in (target, target.with_name(target.name + "-journal")):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error) and "full" in str(exc).lower():
            raise OSError(errno.ENOSPC, "Disken är full") from exc
        raise
    return target


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live database consistently into `target`, never leaving half a file."""
    if not target.parent.exists():
        ensure_private_dir(target.parent)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    private_copy(source, partial)
    partial.replace(target)
    return target


def backups_dir(db_file: Path) -> Path:
    return db_file.parent / "backups"


def take_backup(db_file: Path, reason: str, *, keep: int = KEEP) -> Path:
    """A timestamped backup next to the database; only the newest `keep` are kept."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = ensure_private_dir(backups_dir(db_file), tighten_existing=True)
    target = folder / f"{db_file.stem}-{stamp}-{reason}.sqlite3"
    backup_sqlite(db_file, target)
    prune(db_file, keep=keep)
    return target


def has_room_for_backup(db_file: Path) -> bool:
    """Whether a copy of the database fits on the disk of its backups, with room to spare."""
    size = sum(p.stat().st_size for p in (db_file, db_file.with_name(db_file.name + "-wal")) if p.exists())
    folder = backups_dir(db_file) if backups_dir(db_file).exists() else db_file.parent
    return shutil.disk_usage(folder).free >= size + max(RESERVE, size)


def list_backups(db_file: Path) -> list[Path]:
    """Backups of this database, newest first."""
    folder = backups_dir(db_file)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_file.stem}-*.sqlite3"), reverse=True)


def backup_day(path: Path) -> dt.date | None:
    """The day a backup was taken, from its name."""
    found = re.search(r"-(\d{8})-\d{6}", path.name)  # STEM-ÅÅÅÅMMDD-TTMMSS-…-LABEL (a label may hold dashes)
    try:
        return dt.datetime.strptime(found.group(1), "%Y%m%d").date() if found else None
    except ValueError:
        return None


def prune(db_file: Path, *, keep: int = KEEP) -> None:
    for old in list_backups(db_file)[keep:]:
        old.unlink(missing_ok=True)
    for partial in backups_dir(db_file).glob(f"{db_file.stem}-*.part"):
        partial.unlink(missing_ok=True)  # left by a copy that was killed


def replaced_copies(db_file: Path) -> list[Path]:
    """Replaced files kept beside the database (with their WAL and shared-memory files)."""
    return sorted(db_file.parent.glob(f"{db_file.stem}{REPLACED}*"))


def _day_of_replaced(path: Path) -> dt.date | None:
    try:
        return dt.datetime.strptime(path.name.split(REPLACED, 1)[1][:8], "%Y%m%d").date()
    except (IndexError, ValueError):
        return None


def prune_older_than(db_file: Path, cutoff: dt.date) -> list[Path]:
    """Delete backups and replaced copies from before `cutoff` (the retention period): they hold
    personal data that gallring has cleared in the database itself."""
    removed = []
    for path in list_backups(db_file):
        day = backup_day(path)
        if day is not None and day < cutoff:
            path.unlink(missing_ok=True)
            removed.append(path)
    for path in replaced_copies(db_file):
        day = _day_of_replaced(path)
        if day is not None and day < cutoff:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no such call and needs none)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_sqlite(path: Path, *, full: bool = False) -> str | None:
    """None if the file is a sound SQLite database, else what is wrong (in Swedish)."""
    if not path.exists():
        return "filen finns inte"
    try:
        conn = _read_only(path)
        try:
            rows = conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"filen är ingen fungerande databas ({exc})"
    result = [r[0] for r in rows]
    if result != ["ok"]:
        return "databasen är skadad: " + "; ".join(result[:3])
    return None


def is_seniorhalsan_database(path: Path) -> bool:
    """A quick look: the tables every Seniorhälsan database has (a restore checks far more)."""
    return schema_revision(path) is not None


def schema_revision(path: Path) -> str | None:
    """The Alembic revision recorded in a Seniorhälsan database, or None for any other file."""
    try:
        conn = _read_only(path)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "units", "activity_sessions"} <= names:
                return None
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return rows[0][0] if len(rows) == 1 else None


def has_accounts(path: Path) -> bool:
    """Whether a database file has accounts, read without opening it as a database of the program."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='users'").fetchone():
                return False
            return bool(conn.execute("SELECT count(*) FROM users").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def newest_good_backup(db_file: Path) -> Path | None:
    for candidate in list_backups(db_file):
        if check_sqlite(candidate) is None and is_seniorhalsan_database(candidate):
            return candidate
    return None
