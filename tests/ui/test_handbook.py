"""Hjälp → Handledning: the user guide shipped with the program, with its pictures."""

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from seniorhalsan.paths import resource
from seniorhalsan.ui.handbook import GUIDE, guide_text

SECTIONS = ("Första gången", "Kom igång", "En dags besök", "En ny termin", "Ett hembesök",
            "En Tyck till-blankett, från papper till återkoppling", "Årets rapport")


def test_the_guide_is_a_resource_of_the_package_with_every_picture_it_names():
    text = guide_text()
    for section in SECTIONS:
        assert f"\n## {section}\n" in text
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) >= 6
    for picture in pictures:
        assert resource(GUIDE[0], *picture.split("/")).is_file(), picture


def test_f1_opens_the_guide_beside_the_work(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_F1)
    handbook = window._handbook
    assert handbook.isVisible() and not handbook.isModal()  # the window can be used meanwhile
    shown = handbook.browser.toPlainText()
    assert "En dags besök" in shown and "Kom igång" in shown
    document = handbook.browser.document()
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("bilder/narvaro.png"))
    assert image is not None and not image.isNull()
    handbook.close()
