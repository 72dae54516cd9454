"""The register of erasures: which persons were gallrade, kept apart from the data.

A restored backup, or a copy of the database put back by hand, still holds the persons
erased after it was taken; the register lets the program erase them again. It holds no
reference in clear: for each erased person a salted SHA-256 of the unit and the reference,
with the day and why. The file sits beside the database (`NAMN.sqlite3.gallringar.json`),
readable by its owner only; for a database server it is in the data folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from .db.engine import sqlite_path
from .private import private_replace

SUFFIX = ".gallringar.json"


@dataclass(frozen=True)
class Erasure:
    unit: str
    fingerprint: str
    day: dt.date
    reason: str

    @property
    def short(self) -> str:
        """A name for the erasure in a report: the start of its fingerprint."""
        return self.fingerprint[:10]


@dataclass(frozen=True)
class Register:
    path: Path
    salt: str
    erasures: tuple[Erasure, ...]
    digest: str  # changes with every erasure recorded; a database stores the one it has applied

    def fingerprint(self, unit: str, reference: str) -> str:
        return fingerprint(self.salt, unit, reference)

    def for_unit(self, unit: str) -> dict[str, Erasure]:
        return {e.fingerprint: e for e in self.erasures if e.unit == unit}


def fingerprint(salt: str, unit: str, reference: str) -> str:
    text = f"{salt}\n{unit}\n{reference.strip().lower()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def register_path(url: str) -> Path:
    """Beside a SQLite file; in the data folder, named after the server and database, otherwise."""
    path = sqlite_path(url)
    if path is not None:
        return path.with_name(path.name + SUFFIX)
    from sqlalchemy.engine import make_url

    from .paths import data_dir

    where = make_url(url).set(password=None).render_as_string(hide_password=True)
    return data_dir() / f"server-{hashlib.sha256(where.encode()).hexdigest()[:16]}{SUFFIX}"


def load(path: Path) -> Register:
    """The register at `path` (empty, with a new salt, when there is none yet)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Register(path, secrets.token_hex(16), (), "")
    data = json.loads(raw.decode("utf-8"))
    erasures = tuple(
        Erasure(e["unit"], e["fingerprint"], dt.date.fromisoformat(e["day"]), e.get("reason", ""))
        for e in data.get("erasures", [])
    )
    return Register(path, data["salt"], erasures, hashlib.sha256(raw).hexdigest())


def record(path: Path, unit: str, references: list[str], *, day: dt.date, reason: str) -> Register:
    """Add erasures to the register (written whole, by one rename, before the data is changed)."""
    register = load(path)
    known = {(e.unit, e.fingerprint) for e in register.erasures}
    added = []
    for reference in references:
        if not reference:
            continue
        entry = Erasure(unit, register.fingerprint(unit, reference), day, reason)
        if (unit, entry.fingerprint) not in known:
            known.add((unit, entry.fingerprint))
            added.append(entry)
    if not added and path.exists():
        return register
    erasures = [*register.erasures, *added]
    body = json.dumps(
        {"salt": register.salt,
         "erasures": [{"unit": e.unit, "fingerprint": e.fingerprint, "day": e.day.isoformat(), "reason": e.reason}
                      for e in erasures]},
        ensure_ascii=False, indent=1,
    ).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with private_replace(path) as fh:
        fh.write(body)
    return load(path)
