"""The statistics page's tab of activities: each activity's sessions, visits, average, women and men
against the same days of the year before, sessions per kind of activity, the most visited as a
chart, and the unit head's limit for "few visitors time after time"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget

from ....operations.goals import SetLowAttendance
from ....roles import allowed
from ....services.low_attendance import MAX_BELOW, MAX_IN_A_ROW
from ....stats import YearOverview
from ....stats.activities import average_text
from ....vocabulary import NOT_GIVEN
from ... import i18n
from ...common import submit
from ...forms import FieldErrors, hint
from ...i18n import _
from .charts import BarChart
from .model import FigureModel, Line, change, elide
from .views import bold_label, table, titled

TOP = 12  # the chart's bars, as many as stay legible beside the table; the table has every activity


def activity_headers(overview: YearOverview | None) -> list[str]:
    before = str(overview.year - 1) if overview is not None else _("Året före")
    return [_("Aktivitet"), _("Tillfällen"), _("Besök"), _("Snitt"), _("Kvinnor"), _("Män"), before, _("Förändring")]


def activity_lines(overview: YearOverview) -> list[Line]:
    table_ = overview.figures.activities
    rule = table_.rule
    lines = []
    for a in table_.most_visited():
        tip = _("Övriga (annat kön eller räknade utan uppdelning): {n}.").format(n=i18n.number(a.other + a.unspecified))
        if a.flagged:
            tip += " " + _("De {n} senaste tillfällena hade färre än {below} besökare vardera.").format(
                n=a.low_in_a_row, below=rule.below)
        name = _("{name} (få besökare)").format(name=a.name) if a.flagged else a.name
        lines.append(Line(name, (a.sessions, a.visits, average_text(a.average), a.women, a.men, a.visits_before,
                                 change(a.visits, a.visits_before)), tooltip=tip))
    return lines


def kind_session_headers(overview: YearOverview | None) -> list[str]:
    year = str(overview.year) if overview is not None else _("Tillfällen")
    before = str(overview.year - 1) if overview is not None else _("Året före")
    return [_("Typ av aktivitet"), year, before, _("Förändring")]


def kind_session_lines(overview: YearOverview) -> list[Line]:
    table_ = overview.figures.activities
    names = overview.labels.get("kinds", {})
    before = table_.sessions_by_kind_before or {}
    lines = []
    for key, n in table_.sessions_by_kind.items():
        earlier = before.get(key) if table_.sessions_by_kind_before is not None else None
        if key == NOT_GIVEN and not n and not earlier:
            continue
        lines.append(Line(names.get(key, _("Typ ej angiven")), (n, earlier, change(n, earlier))))
    return lines


def activity_series(overview: YearOverview) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """The most visited activities, the most visited on top, split into women, men and the rest."""
    shown = list(reversed(overview.figures.activities.most_visited()[:TOP]))
    return [elide(a.name, 24) for a in shown], [
        (_("Kvinnor"), [a.women for a in shown]), (_("Män"), [a.men for a in shown]),
        (_("Övriga"), [a.visits - a.women - a.men for a in shown])]


class ActivityTab(QWidget):
    """Per activity: the table, sessions per kind under it, the chart beside; the limit below."""

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.overview: YearOverview | None = None
        self.title = bold_label()
        self.kind_title = bold_label()
        self.model = FigureModel(lambda: activity_headers(self.overview), self)
        self.kind_model = FigureModel(lambda: kind_session_headers(self.overview), self)
        self.model.header_tips[3] = lambda: _("Besök per tillfälle där besökarna räknades")
        self.model.header_tips[6] = lambda: _("Besök samma dagar året före")
        self.view = table(self.model)
        self.flagged = hint()
        self.kind_view = table(self.kind_model)
        self.chart = BarChart(horizontal=True, stacked=True)
        self.others = hint()

        # the tables on the left, the chart beside them over the whole height
        left = QSplitter(Qt.Orientation.Vertical)
        top = titled(self.title, self.view)
        top.layout().addWidget(self.flagged)
        left.addWidget(top)
        left.addWidget(titled(self.kind_title, self.kind_view))
        left.setSizes([320, 170])
        chart = QWidget()
        chart_layout = QVBoxLayout(chart)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.others)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(chart)
        splitter.setSizes([800, 320])

        # the unit head's limit; others see it
        self.limit_label = QLabel()
        self.below = QSpinBox()
        self.below.setRange(1, MAX_BELOW)
        self.in_a_row_label = QLabel()
        self.in_a_row = QSpinBox()
        self.in_a_row.setRange(1, MAX_IN_A_ROW)
        self.save = QPushButton()
        self.save.clicked.connect(self.save_limit)
        self.limit_error = QLabel()
        self.limit_error.hide()
        self.errors = FieldErrors(self.limit_error)
        limit = QHBoxLayout()
        limit.addWidget(self.limit_label)
        limit.addWidget(self.errors.add("low_below", self.below))
        limit.addWidget(self.in_a_row_label)
        limit.addWidget(self.errors.add("low_in_a_row", self.in_a_row))
        limit.addWidget(self.save)
        limit.addWidget(self.limit_error)
        limit.addStretch(1)
        self.limit_label.setBuddy(self.below)
        self.in_a_row_label.setBuddy(self.in_a_row)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(limit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_("Per aktivitet (flest besök först)"))
        self.kind_title.setText(_("Tillfällen per typ av aktivitet"))
        self.limit_label.setText(_("Få besökare: färre än"))
        self.in_a_row_label.setText(_("besökare de senaste"))
        self.in_a_row.setSuffix(_(" tillfällena i rad"))
        self.save.setText(_("Spara gränse&n"))
        self.save.setToolTip(_("Enhetschefen bestämmer gränsen; den gäller hela enheten."))
        if self.overview is not None:
            self.show_figures(self.overview)

    def may_set(self) -> bool:
        return allowed(self.app.db.actor, "goals")

    def show_figures(self, overview: YearOverview) -> None:
        self.overview = overview
        self.model.set_lines(activity_lines(overview))
        self.kind_model.set_lines(kind_session_lines(overview))
        names, sets = activity_series(overview)
        self.chart.set_data(_("De {n} med flest besök").format(n=len(names)), names, sets)
        rest = overview.figures.activities.most_visited()[TOP:]
        self.others.setText(_("Övriga {n} aktiviteter: {visits} besök tillsammans (alla står i tabellen).").format(
            n=len(rest), visits=i18n.number(sum(a.visits for a in rest))) if rest else "")
        rule = overview.figures.activities.rule
        flagged = overview.figures.activities.flagged
        if flagged:
            self.flagged.setText(_("Få besökare de senaste gångerna: {names}.").format(names=", ".join(
                _("{name} ({n} i rad under {below})").format(name=a.name, n=a.low_in_a_row, below=rule.below)
                for a in flagged)))
        else:
            self.flagged.setText(_("Ingen aktivitet hade färre än {below} besökare de {n} senaste gångerna.").format(
                below=rule.below, n=rule.in_a_row))
        for box, value in ((self.below, rule.below), (self.in_a_row, rule.in_a_row)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        editable = self.may_set()
        for widget in (self.below, self.in_a_row):
            widget.setEnabled(editable)
        self.save.setVisible(editable)

    def save_limit(self) -> None:
        """The page counts again when the setting is saved (its change notice)."""
        self.errors.clear()
        submit(self, self.errors, lambda: self.app.perform(SetLowAttendance(self.below.value(),
                                                                             self.in_a_row.value())))
