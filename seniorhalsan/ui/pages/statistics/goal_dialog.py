"""The dialog in which the unit head sets a goal: the figure, the year's target and, for a figure
counted by gender, the targets for women and men. OK applies the operation; a refusal is shown
under its field and the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ....services.goals import MAX_TARGET, GoalInfo
from ....stats.goal_figures import FigureChoice
from ...forms import AcceptedWhenSaved, FieldErrors, hint
from ...i18n import _


class GoalDialog(AcceptedWhenSaved, QDialog):
    """A new goal (choose the figure) or a goal changed (`current`: its figure stays)."""

    def __init__(self, *, year: int, choices: Sequence[FigureChoice], submit: Callable[[dict[str, Any]], Any],
                 current: GoalInfo | None = None, taken: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.outcome: Any = None
        self.choices = {c.key: c for c in choices}
        title = _("Ändra mål {year}") if current else _("Nytt mål {year}")
        self.setWindowTitle(title.format(year=year))
        self.general = QLabel()
        self.general.hide()
        self.errors = FieldErrors(self.general)
        form = QFormLayout()
        self.figure = QComboBox()
        for choice in choices:
            if current is not None or choice.key not in taken:  # a figure has one goal a year
                self.figure.addItem(choice.label, choice.key)
                self.figure.setItemData(self.figure.count() - 1, choice.key, Qt.ItemDataRole.ToolTipRole)
        if current is not None:
            self.figure.setCurrentIndex(max(0, self.figure.findData(current.figure)))
            self.figure.setEnabled(False)
        self.errors.row(form, "figure", QLabel(_("&Siffra:")), self.figure)
        self.target = QSpinBox()
        self.target.setRange(1, MAX_TARGET)
        self.target.setGroupSeparatorShown(True)
        self.errors.row(form, "target", QLabel(_("&Mål för året:")), self.target)
        self.women = self._part()
        self.men = self._part()
        self.errors.row(form, "target_women", QLabel(_("Mål för &kvinnor:")), self.women)
        self.errors.row(form, "target_men", QLabel(_("Mål för mä&n:")), self.men)
        self.note = hint()
        if current is not None:
            self.target.setValue(current.target)
            self.women.setValue(current.women or 0)
            self.men.setValue(current.men or 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Avbryt"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Spara"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.figure.currentIndexChanged.connect(lambda _i: self._fit())
        self._fit()

    @staticmethod
    def _part() -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, MAX_TARGET)
        box.setGroupSeparatorShown(True)
        box.setSpecialValueText(_("inget eget mål"))  # 0: no target of its own
        return box

    def chosen(self) -> FigureChoice | None:
        return self.choices.get(self.figure.currentData())

    def _fit(self) -> None:
        """A share's target is a per cent; only a figure counted by gender takes targets for women and men."""
        choice = self.chosen()
        share = bool(choice and choice.share)
        self.target.setMaximum(100 if share else MAX_TARGET)
        self.target.setSuffix(" %" if share else "")
        gendered = bool(choice and choice.gendered)
        for box in (self.women, self.men):
            box.setEnabled(gendered)
            if not gendered:
                box.setValue(0)
        if share:
            self.note.setText(_("Målet är en andel i procent av synpunkterna och klagomålen med adress som fick "
                                "återkoppling inom tidsfristen."))
        elif gendered:
            self.note.setText(_("Målen för kvinnor och män är frivilliga; tillsammans högst målet för alla."))
        else:
            self.note.setText(_("Siffran räknas inte för kvinnor och män för sig."))

    def values(self) -> dict[str, Any]:
        return {"figure": self.figure.currentData(), "target": self.target.value(),
                "women": self.women.value() or None, "men": self.men.value() or None}

