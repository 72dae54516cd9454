"""Starting the window on a database."""

from __future__ import annotations

import sys


def run(url: str) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from ..database import open_database

    db = open_database(url)
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Seniorhälsan")
    window.setCentralWidget(QLabel(f"Seniorhälsan\nDatabas: {db.url}"))
    window.resize(1000, 700)
    window.show()
    return app.exec()
