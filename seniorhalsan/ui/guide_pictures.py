"""The pictures of the user guide (Hjälp → Handledning), taken in a real window at 1366×768.

    .venv/bin/python -m seniorhalsan.ui.guide_pictures [MAPP]

Kom igång on a new database, the other pages on the demo year. Without a screen the script
starts itself again under Xvfb, as `seniorhalsan.ui.screenshots` does. The pictures go to MAPP
(default resources/handledning/bilder), made smaller so that the program stays small.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .screenshots import HEIGHT, WIDTH, relaunch_under_xvfb, without_a_screen

WIDE = 1000  # the width of a picture in the guide
# file: (page, tab) on the demo year; kom-igang is taken on a new database
PICTURES = {
    "narvaro.png": ("attendance", None),
    "schema.png": ("activities", "schema"),
    "stodinsatser.png": ("support", None),
    "tyck-till.png": ("feedback", None),
    "utskrifter.png": ("prints", None),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description="Bilderna i handledningen.")
    parser.add_argument("folder", nargs="?", default="resources/handledning/bilder")
    args = parser.parse_args(argv)
    if without_a_screen():
        return relaunch_under_xvfb(__spec__.name, argv)

    folder = Path(args.folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="seniorhalsan-handledning-"))
    os.environ["SENIORHALSAN_DATA_DIR"] = str(work)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from ..database import open_database
    from ..operations.catalogue import CreateStaff, UpdateUnit
    from ..operations.imports import GenerateDemo
    from ..paths import sqlite_url
    from ..services import lookups
    from ..services.texts import UNIT_HEAD
    from .app import build
    from .settings import SettingsStore

    qt_app = QApplication.instance() or QApplication(sys.argv)
    today = dt.date(2026, 11, 17)  # a Tuesday in the autumn term, as the README's pictures
    new = open_database(sqlite_url(work / "ny.sqlite3"))
    new.clock = lambda: today
    new.perform(UpdateUnit(name=new.read(lookups.unit).name, texts=((UNIT_HEAD, "Enhetschef: …"),)))
    new.perform(CreateStaff(name="Karin Berg", title="Enhetschef"))
    demo = open_database(sqlite_url(work / "demo.sqlite3"))
    demo.clock = lambda: today
    demo.perform(GenerateDemo(2026))
    shots: list = [("kom-igang.png", new, None, None)]
    shots += [(name, demo, page, tab) for name, (page, tab) in PICTURES.items()]
    windows = []

    def shoot(index: int = 0) -> None:
        if index >= len(shots):
            for context, _window in windows:
                context.ops.wait()
            qt_app.quit()
            return
        name, db, page, tab = shots[index]
        context, window = build(db, SettingsStore(work / f"fonster-{index}.ini"))
        windows.append((context, window))
        window.setGeometry(0, 0, WIDTH, HEIGHT)
        window.showMaximized()
        window.activateWindow()
        if page is not None:
            window.go_to(page, tab or "")
            prepare = getattr(window.current_page(), "prepare_screenshot", None)
            if prepare:
                prepare()

        def grab() -> None:
            qt_app.processEvents()
            picture = qt_app.primaryScreen().grabWindow(0)
            picture.scaledToWidth(WIDE, Qt.TransformationMode.SmoothTransformation).save(str(folder / name))
            print(folder / name)
            window.close()
            shoot(index + 1)

        QTimer.singleShot(900, grab)

    QTimer.singleShot(300, shoot)
    qt_app.exec()
    new.dispose()
    demo.dispose()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
