"""The statistics page's tab of goals: the year's goals in the district's layout (result, women, men,
the year before, the year's target, status) and the analysis of the chosen goal. The unit head
sets, changes and removes goals and writes the analysis for the report of the chosen period (the
year, or tertial 1 or 2); everyone else reads them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from ....operations.goals import RemoveGoal, SetGoal, WriteGoalAnalysis
from ....roles import allowed
from ....services.goals import GoalInfo, figure_choices, list_goals
from ....stats import YearOverview
from ....stats.goal_figures import by_key_of_labels, value_text
from ....stats.goals import NOT_REACHED, GoalResult
from ...common import ask, ask_save_discard, select_row_quietly, submit
from ...forms import FieldErrors, hint
from ...i18n import _
from .goal_dialog import GoalDialog
from .model import FigureModel, Line
from .views import bold_label, table, titled


def status_names() -> dict[str, str]:
    """The same keys as `stats.goals.STATUSES`."""
    return {"uppnatt": _("Uppnått"), "delvis": _("Delvis uppnått"), "ej_uppnatt": _("Ej uppnått"),
            "ej_registrerat": _("Ej registrerat")}


def goal_headers(overview: YearOverview | None) -> list[str]:
    before = str(overview.year - 1) if overview is not None else _("Året före")
    return [_("Indikator"), _("Periodens utfall"), _("Utfall kvinnor"), _("Utfall män"),
            _("Utfall {year}").format(year=before), _("Årsmål"), _("Status")]


def goal_lines(overview: YearOverview, unfinished: bool) -> tuple[list[Line], list[str]]:
    """The rows and, for each row, the key of the goal it belongs to."""
    names = status_names()
    choices = by_key_of_labels(overview.labels)
    lines, keys = [], []

    def status(value: str) -> str:
        return _("Ej uppnått ännu") if value == NOT_REACHED and unfinished else names[value]

    for goal in overview.figures.goals:
        choice = choices.get(goal.figure)
        share = bool(choice and choice.share)
        women, men = _genders(overview, goal, bool(choice and choice.gendered))
        lines.append(Line(choice.label if choice else goal.figure, (
            value_text(goal.result, share), women, men, value_text(goal.last_year, share),
            value_text(goal.target, share), status(goal.status)), heading=True, tooltip=goal.figure))
        keys.append(goal.figure)
        for label, part, column in ((_("Mål för kvinnor"), goal.women, 1), (_("Mål för män"), goal.men, 2)):
            if part is None:
                continue
            cells = ["", "", "", value_text(part.last_year), value_text(part.target), status(part.status)]
            cells[column] = value_text(part.result)
            lines.append(Line(label, tuple(cells), indent=True))
            keys.append(goal.figure)
    return lines, keys


def _genders(overview: YearOverview, goal: GoalResult, gendered: bool) -> tuple[str, str]:
    if not gendered:
        return "", ""
    from ....stats.goal_figures import value_of

    value = value_of(goal.figure, overview.figures)
    return value_text(value.women), value_text(value.men)


class GoalTab(QWidget):
    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.overview: YearOverview | None = None
        self.tertial: int | None = None
        self.unfinished = False
        self.goals: dict[str, GoalInfo] = {}
        self.keys: list[str] = []
        self.shown_key: str | None = None  # the goal whose analysis is in the editor
        self.shown_tertial: int | None = None  # and the report it is for (None: the year's)
        self.title = bold_label()
        self.model = FigureModel(lambda: goal_headers(self.overview), self)
        self.view = table(self.model)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.view.doubleClicked.connect(lambda *_a: self.change_goal())
        self.note = hint()
        self.add = QPushButton()
        self.change = QPushButton()
        self.remove = QPushButton()
        self.add.clicked.connect(self.new_goal)
        self.change.clicked.connect(self.change_goal)
        self.remove.clicked.connect(self.remove_goal)
        buttons = QHBoxLayout()
        for button in (self.add, self.change, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.analysis_title = bold_label()
        self.analysis = QPlainTextEdit()
        self.analysis.setTabChangesFocus(True)
        self.analysis_title.setBuddy(self.analysis)
        self.save = QPushButton()
        self.save.clicked.connect(self.save_analysis)
        self.general = QLabel()
        self.general.hide()
        self.errors = FieldErrors(self.general)
        under = QWidget()
        under_layout = QVBoxLayout(under)
        under_layout.setContentsMargins(0, 0, 0, 0)
        under_layout.addWidget(self.analysis_title)
        under_layout.addWidget(self.errors.add("analysis", self.analysis), 1)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.general, 1)
        row.addStretch(1)
        under_layout.addLayout(row)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(titled(self.title, self.view), 1)
        top_layout.addWidget(self.note)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(under)
        splitter.setSizes([330, 170])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        self.add.setText(_("&Nytt mål …"))
        self.change.setText(_("Ändra &målet …"))
        self.remove.setText(_("Ta &bort målet"))
        self.save.setText(_("Spara ana&lysen"))
        if self.overview is not None:
            self.show_figures(self.overview, self.tertial, self.unfinished)

    def may_set(self) -> bool:
        return allowed(self.app.db.actor, "goals")

    # --- showing ----------------------------------------------------------------------------
    def show_figures(self, overview: YearOverview, tertial: int | None, unfinished: bool) -> None:
        """The period's goals; the goal chosen before stays chosen, and an analysis being written
        stays, or (for another year or report) is offered to be saved first."""
        moved = self.overview is not None and (overview.year, tertial) != (self.overview.year, self.tertial)
        asked = _("Analysen är inte sparad. Vill du spara den?")
        if moved and self.unsaved() and ask_save_discard(self, asked) == "save":
            self.save_analysis()
        self.overview, self.tertial, self.unfinished = overview, tertial, unfinished
        if moved:
            self.shown_key = None  # the editor follows the new period
        self.goals = {g.figure: g for g in self.app.db.read(list_goals, overview.year)}
        lines, self.keys = goal_lines(overview, unfinished)
        self.model.set_lines(lines)
        self.title.setText(_("Mål {year} och utfall").format(year=overview.year))
        rule = _("Uppnått: minst 100 % av målet; delvis: minst 90 %; – är ej registrerat.")
        if unfinished:
            rule += " " + _("Perioden är inte slut: utfallet hittills jämförs med helårets mål.")
        if not lines:
            rule = _("Inga mål är satta för {year}.").format(year=overview.year) + (
                " " + _("Enhetschefen sätter dem med Nytt mål.") if self.may_set() else "")
        self.note.setText(rule)
        head = self.may_set()
        for button in (self.add, self.change, self.remove, self.save):
            button.setVisible(head)
        self.analysis.setReadOnly(not head)
        keep = self.shown_key if self.shown_key in self.keys else (self.keys[0] if self.keys else None)
        select_row_quietly(self.view, self.keys.index(keep) if keep else -1)
        if not self.unsaved() or keep != self.shown_key:
            self._show_analysis(keep)
        self._fit_buttons()

    def _analysis_text(self, key: str | None, tertial: int | None) -> str:
        goal = self.goals.get(key) if key else None
        return goal.analysis.of(tertial) if goal else ""

    def _show_analysis(self, key: str | None) -> None:
        self.shown_key, self.shown_tertial = key, self.tertial
        goal = self.goals.get(key) if key else None
        where = _("tertialrapport {n}").format(n=self.tertial) if self.tertial else _("årets statistik")
        self.analysis_title.setText(_("Anal&ys till {where}: {goal}").format(where=where, goal=goal.label)
                                    if goal else _("Anal&ys"))
        self.analysis.setPlainText(self._analysis_text(key, self.tertial))
        self.analysis.setEnabled(goal is not None)
        self.errors.clear()

    def _fit_buttons(self) -> None:
        chosen = self.current_key() is not None
        self.change.setEnabled(chosen)
        self.remove.setEnabled(chosen)
        self.save.setEnabled(chosen)

    def current_key(self) -> str | None:
        row = self.view.currentIndex().row()
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def _chosen(self) -> None:
        key = self.current_key()
        if key == self.shown_key:
            return
        if self.unsaved():
            answer = ask_save_discard(self, _("Analysen är inte sparad. Vill du spara den?"))
            if answer == "cancel" or (answer == "save" and not self.save_analysis()):
                select_row_quietly(self.view, self.keys.index(self.shown_key))
                return
        self._show_analysis(key)
        self._fit_buttons()

    # --- the unit head's changes ----------------------------------------------------------------
    def unsaved(self) -> bool:
        return self.may_set() and self.shown_key is not None and \
            self.analysis.toPlainText().strip() != self._analysis_text(self.shown_key, self.shown_tertial).strip()

    def discard(self) -> None:
        self._show_analysis(self.shown_key)

    def save_analysis(self) -> bool:
        key = self.shown_key
        if key is None or self.overview is None:
            return True
        goal = self.goals.get(key)
        operation = WriteGoalAnalysis(goal.year if goal else self.overview.year, key, self.analysis.toPlainText(),
                                      tertial=self.shown_tertial, version=goal.version if goal else None)
        saved, info = submit(self, self.errors, lambda: self.app.perform(operation))
        if saved:
            self.goals[key] = info
        return saved

    def _dialog(self, current: GoalInfo | None) -> None:
        if self.overview is None:
            return
        year = self.overview.year

        def apply(values):
            return self.app.perform(SetGoal(year, values["figure"], values["target"], women=values["women"],
                                            men=values["men"], version=current.version if current else None))

        dialog = GoalDialog(year=year, choices=self.app.db.read(figure_choices), submit=apply, current=current,
                            taken=list(self.goals), parent=self)
        if dialog.exec() and dialog.outcome is not None:
            self.shown_key = dialog.outcome.figure  # the page counts again and shows it chosen

    def new_goal(self) -> None:
        self._dialog(None)

    def change_goal(self) -> None:
        key = self.current_key()
        if key is not None and self.may_set():
            self._dialog(self.goals.get(key))

    def remove_goal(self) -> None:
        key = self.current_key()
        goal = self.goals.get(key) if key else None
        if goal is None or self.overview is None:
            return
        if not ask(self, _("Ta bort målet"), _("Ta bort målet {year} för {goal} och dess analyser?").format(
                year=self.overview.year, goal=goal.label)):
            return
        submit(self, self.errors, lambda: self.app.perform(RemoveGoal(self.overview.year, key, version=goal.version)))
