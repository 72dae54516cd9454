"""Texter i foldern: the texts the folder prints beside the schedule, edited and saved together."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from ...forms import LinesEdit, hint
from ...i18n import _

FOLDER_TEXTS = ("folder.presentation", "folder.feedback", "folder.other_actors")
CONTACT_TEXTS = text_service.CONTACT_KEYS
ONE_LINE = set(text_service.SINGLE_LINE)


def text_label(key: str) -> str:
    return {
        "folder.presentation": _("Presentation av enheten"),
        "folder.feedback": _("Så lämnar du synpunkter (Tyck till)"),
        "folder.other_actors": _("Andra aktörer"),
        text_service.CONTACT_PHONE: _("Telefon (för anmälan och frågor)"),
        text_service.CONTACT_HOURS: _("Telefontid"),
        text_service.CONTACT_EMAIL: _("E-post"),
        text_service.CONTACT_ADDRESS: _("Adress"),
        text_service.UNIT_HEAD: _("Enhetschef (namn och eget nummer)"),
    }.get(key, key)


def _text(edit: QLineEdit | QPlainTextEdit) -> str:
    return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()


def _set_text(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(edit, QLineEdit):
        edit.setText(text)
    else:
        edit.setPlainText(text)


class FolderTexts(QScrollArea):
    """One field per text (the unit's contact details, its own texts and each service's); Save
    keeps them all, or none."""

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.dirty = False
        self.intro = hint()
        self.contact_intro = hint()
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        contact_form = QFormLayout()
        for key in CONTACT_TEXTS:
            self._field(contact_form, key)
        self.contact_box = QGroupBox()
        contact_layout = QVBoxLayout(self.contact_box)
        contact_layout.addWidget(self.contact_intro)
        contact_layout.addLayout(contact_form)
        form = QFormLayout()
        service_list = self.app.db.read(list_services)
        self.service_names = {f"folder.service.{s.key}": s.name for s in service_list}
        for key in list(FOLDER_TEXTS) + list(self.service_names):
            self._field(form, key)
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.contact_box)
        inner_layout.addWidget(self.intro)
        inner_layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        inner_layout.addLayout(row)
        self.setWidgetResizable(True)
        self.setWidget(inner)
        self.load()

    def _field(self, form: QFormLayout, key: str) -> None:
        if key in ONE_LINE:
            edit: QLineEdit | QPlainTextEdit = QLineEdit()
            edit.setMaxLength(text_service.SINGLE_LINE[key])
        else:
            edit = LinesEdit(3 if key in CONTACT_TEXTS else 4)
        edit.textChanged.connect(self._edited)
        label = QLabel()
        label.setBuddy(edit)
        label.setWordWrap(True)
        self.edits[key] = edit
        self.labels[key] = label
        form.addRow(label, edit)

    def retranslate(self) -> None:
        self.contact_box.setTitle(_("Så når man enheten"))
        self.contact_intro.setText(_(
            "Foldern skrivs ut först när telefon och e-post är ifyllda; till dess går det att skriva ut ett "
            "utkast. Telefonnumret trycks vid varje aktivitet som kräver anmälan (om aktiviteten inte har ett "
            "eget sätt att anmäla sig) och på häftets baksida."
        ))
        self.intro.setText(_(
            "Texterna som står i foldern utöver schemat och aktiviteterna. Skriv enkelt och kort; "
            "foldern läses av äldre personer."
        ))
        for key, label in self.labels.items():
            label.setText(_("Så når man {service}").format(service=self.service_names[key])
                          if key in self.service_names else text_label(key))
        self.save_button.setText(_("Spara &texterna"))

    def load(self) -> None:
        for key, edit in self.edits.items():
            edit.blockSignals(True)
            _set_text(edit, self.app.db.read(text_service.get_text, key))
            edit.blockSignals(False)
        self.dirty = False

    def _edited(self, *_args) -> None:
        self.dirty = True
        self.status.setText(_("Ändrat, inte sparat."))

    def save(self) -> bool:
        if not self.dirty:
            return True
        texts = tuple((key, _text(edit)) for key, edit in self.edits.items())
        try:
            self.app.perform(SetTexts(texts))
        except Exception as exc:
            show_error(self, exc)
            return False
        self.dirty = False
        self.status.setText(_("Texterna är sparade."))
        return True
