"""The unit head's "Sammanfattning och planerade åtgärder" for a year or a tertial report."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....operations.feedback import SaveFeedbackSummary
from ....reports.figures import get_feedback_summary
from ...common import AppContext, submit
from ...forms import FieldErrors, hint, select_data
from ...i18n import _
from ...layouts import WrapLabel

PERIODS = (None, 1, 2)  # the year report, and the tertial reports T1 and T2


class SummaryEditor(QWidget):
    """Pick a year and a report; write the text; save it for the printed report."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.loaded: tuple[int, int | None] | None = None  # the year and report of the text shown
        self.loaded_text = ""
        self.intro = hint()
        self.year_label = QLabel()
        self.year = QComboBox()
        self.period_label = QLabel()
        self.period = QComboBox()
        self.text_label = QLabel()
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.general = WrapLabel()  # a refusal is never cut off
        self.general.hide()
        self.errors = FieldErrors(self.general)
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.saved_note = QLabel()
        self.saved_note.setStyleSheet("color: #1e6b34; font-weight: bold;")

        top = QHBoxLayout()
        for label, combo in ((self.year_label, self.year), (self.period_label, self.period)):
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
        top.addStretch(1)
        form = QFormLayout()
        self.errors.row(form, "text", self.text_label, self.text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_note, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addLayout(form, 1)
        layout.addWidget(self.general)
        layout.addLayout(buttons)

        self.setTabOrder(self.year, self.period)
        self.setTabOrder(self.period, self.text)
        self.setTabOrder(self.text, self.save_button)
        self.save_button.clicked.connect(self.save)
        self.year.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.period.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.text.textChanged.connect(self.saved_note.clear)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(_("Enhetschefens sammanfattning av årets synpunkter och vad enheten planerar att göra. "
                             "Texten står under tabellen \"Synpunkter och klagomål\" i den tryckta rapporten för "
                             "det år och den period som väljs här."))
        self.year_label.setText(_("Å&r:"))
        self.period_label.setText(_("Ra&pport:"))
        self.period.setToolTip(_("Tertialrapporterna T1 och T2 har var sin text; "
                                 "verksamhetsberättelsen (helår) har en egen."))
        names = {None: _("Helår (verksamhetsberättelsen)"), 1: _("Tertialrapport T1"), 2: _("Tertialrapport T2")}
        current = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.clear()
        for tertial in PERIODS:
            self.period.addItem(names[tertial], tertial)
        self.period.setCurrentIndex(max(0, current))
        self.period.blockSignals(False)
        self.text_label.setText(_("&Text:"))
        self.text.setPlaceholderText(_("T.ex. \"Enheten har tagit emot 22 synpunkter, de flesta om tillgänglighet …\""))
        self.save_button.setText(_("&Spara texten"))

    def set_years(self, years: list[int], selected: int | None = None) -> None:
        keep = selected or self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        index = self.year.findData(keep)
        self.year.setCurrentIndex(index if index >= 0 else 0)
        self.year.blockSignals(False)

    def _choice_changed(self) -> None:
        """Another year or report: what was typed is saved first (it belongs to the one shown)."""
        if self.loaded is not None and self.is_dirty() and not self.save():
            for combo, value in zip((self.year, self.period), self.loaded, strict=True):
                combo.blockSignals(True)
                select_data(combo, value)
                combo.blockSignals(False)
            return
        self.load()

    def load(self) -> None:
        """Read the text of the chosen year and report (what was typed is replaced)."""
        self.errors.clear()
        self.saved_note.clear()
        self.loaded = (self.year.currentData(), self.period.currentData())
        self.loaded_text = self._stored()
        self.text.setPlainText(self.loaded_text)

    def _stored(self) -> str:
        assert self.loaded is not None
        year, tertial = self.loaded
        return self.app.db.read(get_feedback_summary, year=year, tertial=tertial)

    def refresh(self) -> None:
        """Another window saved texts: show this one's new version, if it changed."""
        if self.loaded is not None and self._stored() != self.loaded_text:
            self.load()

    def is_dirty(self) -> bool:
        return self.loaded is not None and self.text.toPlainText().strip() != self.loaded_text.strip()

    def save(self) -> bool:
        if self.loaded is None:
            return True
        year, tertial = self.loaded
        self.errors.clear()
        ok, saved = submit(self, self.errors, lambda: self.app.perform(
            SaveFeedbackSummary(year, self.text.toPlainText(), tertial=tertial)))
        if not ok:
            return False
        self.loaded_text = saved
        self.saved_note.setText(_("Texten är sparad."))
        return True

    def discard(self) -> None:
        self.text.setPlainText(self.loaded_text)
