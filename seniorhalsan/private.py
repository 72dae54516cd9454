"""Files with personal data readable by their owner only: 0600 files in 0700 folders.

On Linux and macOS the permissions are set explicitly, whatever the umask. Windows has no
such bits (os.chmod only sets read-only there): the user's own profile folder, where
platformdirs puts the data, is what keeps other accounts out.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

POSIX = os.name == "posix"
FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path, *, tighten_existing: bool = False) -> Path:
    """Create `path` (0700); an existing folder is tightened only when it is the program's own."""
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True)
    if POSIX and (not existed or tighten_existing):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, mode & ~0o077 | DIR_MODE)
    return path


def create_private_file(path: Path) -> Path:
    """An empty file readable by its owner only (an existing one is left as it is, but tightened)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        tighten(path)
        return path
    os.close(fd)
    return path


def tighten(path: Path) -> bool:
    """Take away every permission of the group and of others; True when there were any."""
    if not POSIX:
        return False
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return False
    if not mode & 0o077:
        return False
    os.chmod(path, mode & ~0o077)
    return True


def is_private(path: Path) -> bool:
    return not POSIX or not stat.S_IMODE(path.stat().st_mode) & 0o077


@contextmanager
def private_replace(target: Path) -> Iterator[IO[bytes]]:
    """Write a file readable by its owner only, complete or not at all: into a private temporary
    file beside `target` (the same disk), which replaces the target in one rename at the end."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")  # 0600
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
