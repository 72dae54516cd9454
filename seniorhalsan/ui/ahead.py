"""The database opened while the window starts: on a thread of its own, the data layer is
imported, the file checked and migrated and the unit read, while the window paints its first
frame. Qt leaves Python's lock free while it paints and waits, so the two run side by side;
the first page then only has to be built. The thread starts once the window is built: started
before, it would take Python's lock from the window's own building and delay the first frame."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..db.session import Database

# what the first page needs beside the data layer, loaded on the same thread
FIRST_PAGE_MODULES = (
    "seniorhalsan.services.attendance_days",
    "seniorhalsan.services.attendance_history",
    "seniorhalsan.services.activities",
    "seniorhalsan.services.places",
    "seniorhalsan.services.units",
    "seniorhalsan.operations.attendance",
)


class OpenedAhead:
    """`open_database(url)` begun at once; `result()` gives the database or raises what it raised."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._db: Database | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            from importlib import import_module

            from ..database import open_database

            self._db = open_database(self.url)
            for name in FIRST_PAGE_MODULES:
                import_module(name)
        except BaseException as exc:  # handed to the caller of result(), on the window's thread
            self._error = exc

    def result(self) -> Database:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._db is not None
        return self._db
