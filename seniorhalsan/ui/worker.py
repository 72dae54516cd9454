"""Running slow work (import, reports, statistics) off the GUI thread.

`run_op` hands a service function to `Database.read`/`call` on the thread pool; each run
gets its own session. The result or the error comes back on the GUI thread.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..errors import UserError

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except UserError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # a bug: log it, show a calm message
            log.error("Fel i bakgrundsarbete:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class OpRunner(QObject):
    """Starts jobs and tells the window how many are running (for its busy indicator)."""

    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.running = 0
        self._jobs: set[_Job] = set()

    def run(
        self,
        work: Callable[[], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        job = _Job(work)
        job.setAutoDelete(False)
        self._jobs.add(job)

        def finish(callback, value) -> None:
            self._jobs.discard(job)
            self.running -= 1
            self.busy_changed.emit(self.running)
            callback(value)

        job.signals.done.connect(lambda value: finish(on_done, value))
        job.signals.failed.connect(lambda exc: finish(on_error, exc))
        self.running += 1
        self.busy_changed.emit(self.running)
        self.pool.start(job)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
