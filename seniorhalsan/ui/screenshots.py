"""Screenshots of every page on demo data, in a real window at 1366×768, and whether each fits.

    .venv/bin/python -m seniorhalsan.ui.screenshots [MAPP] [--language en] [--text-size normal|stor|storst]

Without a screen the script starts itself again under Xvfb (xvfb-run). The pictures
are written to MAPP (default docs/screenshots), one PNG per page (`01-attendance.png`, at
another text size `01-attendance-storst.png`). Then every page and every tab is measured:
the script exits with 1, naming each, when the window would need more than 1366 × 768.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WIDTH, HEIGHT = 1366, 768  # the screen of a small laptop: fit.SCREEN


def without_a_screen() -> bool:
    return not os.environ.get("DISPLAY") and not os.environ.get("SENIORHALSAN_XVFB")


def relaunch_under_xvfb(module: str, argv: list[str]) -> int:
    """Start the picture tool `module` again on a virtual screen of 1366 × 768 (a developer's tool)."""
    if shutil.which("xvfb-run") is None:
        print("xvfb-run saknas; installera paketet xvfb (det gör .ci/setup).", file=sys.stderr)
        return 1
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "SENIORHALSAN_XVFB": "1"}
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24", sys.executable, "-m", module, *argv]
    return subprocess.call(command, env=env)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description="Skärmbilder av varje sida med demodata.")
    parser.add_argument("folder", nargs="?", default="docs/screenshots")
    parser.add_argument("--language", default="sv", choices=["sv", "en"])
    parser.add_argument("--text-size", default="normal", choices=["normal", "stor", "storst"],
                        help="textstorleken som bilderna tas och sidorna mäts i")
    parser.add_argument("--only", help="bara sidan med den här nyckeln")
    args = parser.parse_args(argv)
    if without_a_screen():
        return relaunch_under_xvfb(__spec__.name, argv)

    folder = Path(args.folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="seniorhalsan-bilder-"))
    os.environ["SENIORHALSAN_DATA_DIR"] = str(work)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ..database import open_database
    from ..operations.imports import GenerateDemo
    from ..paths import sqlite_url
    from . import fit
    from .app import build
    from .pages import PAGES
    from .settings import SettingsStore

    qt_app = QApplication.instance() or QApplication(sys.argv)
    db = open_database(sqlite_url(work / "demo.sqlite3"))
    today = dt.date(2026, 11, 17)  # a Tuesday in the autumn term: the pictures stay the same
    db.clock = lambda: today
    db.perform(GenerateDemo(2026))
    store = SettingsStore(work / "fonster.ini")
    settings = store.load()
    settings.language = args.language
    settings.text_size = args.text_size
    store.save(settings)
    context, window = build(db, store)
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.showMaximized()
    window.activateWindow()  # so the focus frame shows as it does for a user

    keys = [spec.key for spec in PAGES if not args.only or spec.key == args.only]
    suffix = "".join(f"-{part}" for part in (args.text_size, args.language) if part not in ("normal", "sv"))
    too_big: list = []

    def settle() -> None:
        qt_app.processEvents()
        context.ops.wait()
        qt_app.processEvents()

    def shoot(index: int = 0) -> None:
        if index >= len(keys):
            context.ops.wait()
            # every page and tab measured after the pictures, which show what a user sees
            too_big.extend(fit.too_big(list(fit.views(window, settle, only=[args.only] if args.only else None))))
            context.ops.wait()
            qt_app.quit()
            return
        window.show_page(keys[index])
        window.resize(WIDTH, HEIGHT)  # as a maximised window (Xvfb has no window manager to do it)
        page = window.page(keys[index])
        prepare = getattr(page, "prepare_screenshot", None)
        if prepare:
            prepare()

        def grab() -> None:
            qt_app.processEvents()
            number = [spec.key for spec in PAGES].index(keys[index]) + 1  # the same name with --only
            target = folder / f"{number:02d}-{keys[index]}{suffix}.png"
            screen = qt_app.primaryScreen()
            screen.grabWindow(0).save(str(target))
            print(target)
            shoot(index + 1)

        QTimer.singleShot(900, grab)

    QTimer.singleShot(500, shoot)
    qt_app.exec()
    db.dispose()
    shutil.rmtree(work, ignore_errors=True)
    if too_big:
        print(f"Får inte plats på {fit.SCREEN.width()} × {fit.SCREEN.height()} bildpunkter "
              f"(textstorlek {args.text_size}); fönstret skulle behöva:", file=sys.stderr)
        for view in too_big:
            print(f"  {view.describe()}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
