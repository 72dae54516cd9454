"""A place's attendance history of 100 000 sessions in the window: opening it, scrolling to its end.

The program: the real main window on the `history` database, on Närvaro with another
place chosen; choosing the busy place is "opening". A frame is the events Qt has
waiting, then a synchronous repaint of the history table (what the user would see).
Scrolling to the end drags the scroll bar to its bottom, as often as it takes to
reach the last session; then twenty jumps to seeded places in the list. The floor: a
bare QTableView over a minimal model holding every row, read by one SQL query.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from . import generate
from .harness import median, python_peak_bytes, rss_peak_kb

STALL = 0.1  # a frame longer than this is a stall: the list visibly stops following the hand
END_LIMIT = 60.0  # give up scrolling after this long, and say so

HISTORY_SQL = """
SELECT s.held_on, s.starts_at, a.name, s.women, s.men, s.other, s.total, s.new_visitors, s.cancelled
FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
WHERE s.unit_id = ? AND s.place_id = ?
ORDER BY s.held_on DESC, s.starts_at DESC, s.id DESC
"""


def _frame(view) -> float:
    from PySide6.QtWidgets import QApplication

    start = time.perf_counter()
    QApplication.processEvents()
    view.viewport().repaint()
    return time.perf_counter() - start


def _scroll_to_end(view, model) -> dict:
    """Drag to the bottom until the last row is shown; the time of each frame."""
    from PySide6.QtCore import QModelIndex

    frames = []
    bar = view.verticalScrollBar()
    start = time.perf_counter()
    while time.perf_counter() - start < END_LIMIT:
        t = time.perf_counter()
        bar.setValue(bar.maximum())
        frames.append(time.perf_counter() - t + _frame(view))
        last = model.rowCount() - 1
        at_end = not model.canFetchMore(QModelIndex()) and view.rowAt(view.viewport().height() - 2) in (last, -1)
        if at_end and bar.value() == bar.maximum():
            break
    return {"seconds": time.perf_counter() - start, "frames": frames,
            "reached": not model.canFetchMore(QModelIndex()), "rows": model.rowCount()}


def _jumps(view) -> list[float]:
    rng = random.Random(generate.SEED)
    bar = view.verticalScrollBar()
    frames = []
    for _ in range(20):
        t = time.perf_counter()
        bar.setValue(rng.randint(0, bar.maximum()))
        frames.append(time.perf_counter() - t + _frame(view))
    return frames


def _program(path: Path, runs: int, work: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    from seniorhalsan.ui import i18n
    from seniorhalsan.ui.app import build
    from seniorhalsan.ui.settings import SettingsStore

    from .worker import _open

    db = _open(path)
    conn = sqlite3.connect(path)
    place_id = conn.execute("SELECT id FROM places WHERE unit_id = ? AND name = ?",
                            (db.unit_id, generate.HISTORY_PLACE)).fetchone()[0]
    other_id = conn.execute("SELECT id FROM places WHERE unit_id = ? AND name = 'Västertorp'",
                            (db.unit_id,)).fetchone()[0]
    conn.close()
    store = SettingsStore(work / "fonster.ini")
    settings = store.load()
    settings.last_page, settings.last_place_id = "attendance", other_id
    store.save(settings)
    i18n.set_language("sv")
    _context, window = build(db, store)
    window.resize(1280, 720)
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        QApplication.processEvents()
    page = window.page("attendance")
    view, model = page.history_view, page.history
    busy, quiet = page.place.findData(place_id), page.place.findData(other_id)

    def open_history() -> float:
        start = time.perf_counter()
        page.place.setCurrentIndex(busy)
        _frame(view)
        return time.perf_counter() - start

    def leave() -> None:
        page.place.setCurrentIndex(quiet)
        _frame(view)

    opens, ends, frames, jumps = [], [], [], []
    for _ in range(runs):
        leave()
        opens.append(open_history())
        scroll = _scroll_to_end(view, model)
        ends.append(scroll["seconds"])
        frames += scroll["frames"]
        jumps += _jumps(view)
    leave()
    rss = rss_peak_kb(lambda: (open_history(), _scroll_to_end(view, model)))
    leave()
    py = python_peak_bytes(lambda: (open_history(), _scroll_to_end(view, model)))
    result = {"open": opens, "end": ends, "longest_frame": max(frames + jumps), "frames": len(frames),
              "longest_jump": max(jumps), "reached": scroll["reached"], "rows": scroll["rows"],
              "rss_peak_kb": rss, "py_peak_bytes": py}
    window.close()
    db.dispose()
    return result


def _floor(path: Path, runs: int) -> dict:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    root = QModelIndex()

    class Rows(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[tuple] = []

        def load(self, rows: list[tuple]) -> None:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

        def rowCount(self, parent=root) -> int:
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=root) -> int:
            return 0 if parent.isValid() else 9

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                value = self.rows[index.row()][index.column()]
                return "" if value is None else str(value)
            return None

    conn = sqlite3.connect(path)
    unit_id, place_id = conn.execute(
        "SELECT unit_id, id FROM places WHERE name = ? ORDER BY id", (generate.HISTORY_PLACE,)).fetchone()
    model = Rows()
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 300)
    view.show()
    while not (view.windowHandle() and view.windowHandle().isExposed()):
        QApplication.processEvents()

    def open_history() -> float:
        start = time.perf_counter()
        model.load(conn.execute(HISTORY_SQL, (unit_id, place_id)).fetchall())
        _frame(view)
        return time.perf_counter() - start

    opens, ends, frames = [], [], []
    for _ in range(runs):
        model.load([])
        opens.append(open_history())
        scroll = _scroll_to_end(view, model)
        ends.append(scroll["seconds"])
        frames += scroll["frames"] + _jumps(view)
    model.load([])
    rss = rss_peak_kb(lambda: (open_history(), _scroll_to_end(view, model)))
    model.load([])
    py = python_peak_bytes(lambda: (open_history(), _scroll_to_end(view, model)))
    view.close()
    conn.close()
    return {"open": opens, "end": ends, "longest_frame": max(frames), "rows": model.rowCount(),
            "rss_peak_kb": rss, "py_peak_bytes": py}


def history(path: Path, runs: int) -> dict:
    """Both sides in this process: the floor first, then the program's window."""
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(["seniorhalsan-bench"])
    work = Path(tempfile.mkdtemp(prefix="seniorhalsan-bench-"))
    try:
        floor = _floor(path, runs)
        program = _program(path, runs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"program": program, "floor": floor,
            "info": {"open_median": median(program["open"]), "end_median": median(program["end"])}}
