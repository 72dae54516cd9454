"""One cold start to the first painted frame, offscreen; run in a fresh process per start.

    python -m benchmarks.coldstart program|floor [DATABASE]

`program` starts Seniorhälsan as the `seniorhalsan` command does (`--db DATABASE`);
`floor` shows a bare QMainWindow with one QTableView. The first painted frame is the
same for both: once the window is shown, the first paint event of any widget in it,
then the moment the event loop is free again (the whole frame painted and flushed).
The program's window also says when it is ready: the first frame painted once its page
is there (with the data it shows). The process prints
`{"painted": perf_counter(), "ready": perf_counter(), "maxrss_kb": …}` and exits;
the caller takes `perf_counter()` just before it starts the process (the clock is
the system's monotonic clock, shared by processes).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time


def watch_first_frame(window, ready=lambda: True) -> None:
    """After `window.show()`: note the first painted frame, and the first once `ready()` holds.

    `ready` says that the window shows what it was opened for (the program's page with
    its data); the process reports both moments and exits after the second.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    times: dict[str, float] = {}

    def painted() -> None:
        times.setdefault("painted", time.perf_counter())
        if ready():
            times["ready"] = time.perf_counter()
            maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            sys.stdout.write(json.dumps({**times, "maxrss_kb": maxrss}) + "\n")
            sys.stdout.flush()
            os._exit(0)
        watcher.waiting = False

    class FirstPaint(QObject):
        waiting = False

        def eventFilter(self, obj, event) -> bool:  # Qt's name
            if (not self.waiting and event.type() == QEvent.Type.Paint and obj.isWidgetType()
                    and obj.window() is window):
                self.waiting = True
                QTimer.singleShot(0, painted)
            return False

    app = QApplication.instance()
    watcher = FirstPaint(app)  # a child of the application, so it lives as long
    app.installEventFilter(watcher)


def program(database: str) -> None:
    from seniorhalsan.ui import main_window

    shown = main_window.MainWindow.show

    def show_and_watch(self) -> None:
        shown(self)
        watch_first_frame(self, lambda: self.current_page() is not None)

    main_window.MainWindow.show = show_and_watch
    from seniorhalsan.cli.main import main

    main(["--db", database])


def floor() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel(20, 9)
    for row in range(20):
        for column in range(9):
            model.setItem(row, column, QStandardItem(f"{row + 1}.{column + 1}"))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 720)
    window.show()
    watch_first_frame(window)
    app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "program":
        program(sys.argv[2])
    else:
        floor()
