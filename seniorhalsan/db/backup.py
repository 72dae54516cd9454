"""Backup copies of a SQLite database (SQLite's online backup API), checks and restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

KEEP = 10


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


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live database consistently into `target`, never leaving half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    _copy_pages(source, partial)
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


def backup_day(path: Path) -> dt.date | None:
    """The day a backup was taken, from its name."""
    try:
        return dt.datetime.strptime(path.name.rsplit("-", 4)[-4], "%Y%m%d").date()
    except (ValueError, IndexError):
        return None


def prune(db_file: Path, *, keep: int = KEEP) -> None:
    for old in list_backups(db_file)[keep:]:
        old.unlink(missing_ok=True)


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
    try:
        conn = _read_only(path)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return {"alembic_version", "units", "activity_sessions"} <= names


def newest_good_backup(db_file: Path) -> Path | None:
    for candidate in list_backups(db_file):
        if check_sqlite(candidate) is None and is_seniorhalsan_database(candidate):
            return candidate
    return None


def restore_sqlite(backup: Path, target: Path) -> Path | None:
    """Put the contents of `backup` at `target`; the file that was there is kept aside.

    Returns where the previous file was moved (None when there was none). The copy is
    written beside the target first and checked, so a failure never leaves half a file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restore")
    partial.unlink(missing_ok=True)
    _copy_pages(backup, partial)
    problem = check_sqlite(partial)
    if problem:
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(problem)
    moved = None
    if target.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        moved = target.with_name(f"{target.stem}.ersatt-{stamp}{target.suffix}")
        target.replace(moved)
    for suffix in ("-wal", "-shm"):
        sidecar = target.with_name(target.name + suffix)
        if sidecar.exists():
            if moved is not None:
                sidecar.replace(moved.with_name(moved.name + suffix))
            else:
                sidecar.unlink()
    partial.replace(target)
    return moved


class IntegrityCheck:
    """`check_sqlite` started on a thread, while the program loads the rest of itself.

    SQLite does the check without holding Python's lock, so on a large file it costs
    the start little more than the import it runs beside.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._problem: str | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    @classmethod
    def start_for(cls, url: str) -> IntegrityCheck | None:
        """A check of the file behind a plain `sqlite:///` URL, if there is one to check."""
        prefix = "sqlite:///"
        if not url.startswith(prefix) or "?" in url:
            return None
        path = Path(url[len(prefix):])
        return cls(path) if path.is_file() and path.stat().st_size > 0 else None

    def _run(self) -> None:
        try:
            self._problem = check_sqlite(self.path)
        except BaseException as exc:  # handed to the caller of result()
            self._error = exc

    def result(self) -> str | None:
        """What `check_sqlite` said (waiting for it when needed)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._problem
