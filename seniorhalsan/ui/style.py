"""The look: readable text sizes, strong contrast and a focus frame you can always see."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from .settings import TEXT_SIZES

STYLESHEET = """
QWidget:focus { outline: none; }
QLineEdit:focus, QSpinBox:focus, QTimeEdit:focus, QComboBox:focus,
QPlainTextEdit:focus, QTextEdit:focus, QListView:focus, QTableView:focus, QTreeView:focus {
    border: 2px solid #0b57d0;
}
QPushButton:focus, QCheckBox:focus, QRadioButton:focus, QToolButton:focus {
    border: 2px solid #0b57d0; border-radius: 4px;
}
QPushButton { padding: 5px 12px; }
QPushButton[primary="true"] { background: #0b57d0; color: white; font-weight: bold; border-radius: 4px; }
QPushButton[primary="true"]:disabled { background: #9bb7e6; }
QLineEdit[invalid="true"], QComboBox[invalid="true"],
QPlainTextEdit[invalid="true"], QSpinBox[invalid="true"] { border: 2px solid #b00020; background: #fff5f5; }
QListWidget#navigation { background: #f1f4f9; border: none; }
QListWidget#navigation::item { padding: 9px 10px; }
QListWidget#navigation::item:selected { background: #0b57d0; color: white; }
QTableView { gridline-color: #c8ccd2; selection-background-color: #cfe0fc; selection-color: black; }
QHeaderView::section {
    background: #e8ebf0; padding: 4px; border: none; border-right: 1px solid #c8ccd2; font-weight: bold;
}
QLabel[role="banner"] { background: #fff4c2; border: 1px solid #e0c36a; padding: 6px; }
"""


def apply(app: QApplication, text_size: str) -> None:
    font = QFont(app.font())
    font.setPointSize(TEXT_SIZES.get(text_size, TEXT_SIZES["normal"]))
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
