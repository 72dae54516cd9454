"""Texter i foldern: the texts the folder prints beside the schedule, edited and saved together."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ....operations.catalogue import SetTexts
from ....services import texts as text_service
from ....services.lookups import services as list_services
from ...common import show_error
from ...forms import hint
from ...i18n import _

FOLDER_TEXTS = ("folder.presentation", "folder.feedback", "folder.other_actors", "folder.unit_head")


def text_label(key: str) -> str:
    return {
        "folder.presentation": _("Presentation av enheten"),
        "folder.feedback": _("Så lämnar du synpunkter (Tyck till)"),
        "folder.other_actors": _("Andra aktörer"),
        "folder.unit_head": _("Enhetschefens kontaktuppgifter"),
    }.get(key, key)


class FolderTexts(QScrollArea):
    """One field per text (the unit's own and each service's); Save keeps them all, or none."""

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.dirty = False
        self.intro = hint()
        self.edits: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        service_list = self.app.db.read(list_services)
        keys = list(FOLDER_TEXTS) + [f"folder.service.{s.key}" for s in service_list]
        self.service_names = {f"folder.service.{s.key}": s.name for s in service_list}
        for key in keys:
            edit = QPlainTextEdit()
            edit.setMinimumHeight(70)
            edit.textChanged.connect(self._edited)
            label = QLabel()
            label.setBuddy(edit)
            label.setWordWrap(True)
            self.edits[key] = edit
            self.labels[key] = label
            form.addRow(label, edit)
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.intro)
        inner_layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        inner_layout.addLayout(row)
        self.setWidgetResizable(True)
        self.setWidget(inner)
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(_(
            "Texterna som står i foldern utöver schemat och aktiviteterna. Skriv enkelt och kort; "
            "foldern läses av äldre personer."
        ))
        for key, label in self.labels.items():
            label.setText(text_label(key) if key in FOLDER_TEXTS else
                          _("Så når man {service}").format(service=self.service_names.get(key, key)))
        self.save_button.setText(_("Spara &texterna"))

    def load(self) -> None:
        for key, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setPlainText(self.app.db.read(text_service.get_text, key))
            edit.blockSignals(False)
        self.dirty = False

    def _edited(self) -> None:
        self.dirty = True
        self.status.setText(_("Ändrat, inte sparat."))

    def save(self) -> bool:
        if not self.dirty:
            return True
        texts = tuple((key, edit.toPlainText()) for key, edit in self.edits.items())
        try:
            self.app.perform(SetTexts(texts))
        except Exception as exc:
            show_error(self, exc)
            return False
        self.dirty = False
        self.status.setText(_("Texterna är sparade."))
        return True
