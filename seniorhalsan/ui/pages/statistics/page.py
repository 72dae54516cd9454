"""Statistik: a year or the year up to a tertial, as tables and charts beside the year before."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....errors import UserError
from ....paths import log_file
from ....periods import tertial_range
from ....stats import YearOverview, year_overview
from ... import i18n
from ...common import Page
from ...forms import ERROR_STYLE, heading, hint, select_data
from ...i18n import _
from .activities import ActivityTab
from .charts import BarChart, PieChart
from .goals import GoalTab
from .model import (
    FigureModel,
    attendance_lines,
    compare_headers,
    kind_lines,
    kind_series,
    month_series,
    persons_series,
    place_headers,
    place_lines,
    place_series,
    tertial_lines,
)
from .signups import SignupTab
from .support_lines import (
    feedback_headers,
    feedback_lines,
    group_headers,
    group_lines,
    service_headers,
    service_lines,
    task_headers,
    task_lines,
)
from .views import bold_label, split, table, titled, with_hint

log = logging.getLogger(__name__)

PERIODS = (None, 1, 2)  # the whole year, or the year up to the end of tertial 1 or 2, named as in the reports
DATA_TOPICS = {"attendance", "activities", "schedule", "places", "persons", "contacts", "groups", "trainings",
               "feedback", "signups", "goals", "texts"}  # texts: the limit for few visitors is a unit setting


class StatisticsPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.result: YearOverview | None = None
        self.period_end: dt.date | None = None  # the shown period's last day (past today while it runs)
        self.request = 0
        self.running = 0
        self.stale = True

        self.heading = heading()
        self.year_label = QLabel()
        self.year = QComboBox()
        self.period_label = QLabel()
        self.period = QComboBox()
        self.refresh = QPushButton()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy_label = QLabel()
        self.busy.hide()
        self.busy_label.hide()
        top = QHBoxLayout()
        for label, combo in ((self.year_label, self.year), (self.period_label, self.period)):
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
            top.addSpacing(8)
        top.addWidget(self.refresh)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addWidget(self.busy_label)
        top.addStretch(1)
        self.note = hint()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        # --- models, tables and charts ------------------------------------------------------
        self.summary_model = FigureModel(lambda: ["", *compare_headers(self.result)], self)
        self.tertial_model = FigureModel(lambda: [_("Tertial"), *compare_headers(self.result)], self)
        self.place_model = FigureModel(lambda: place_headers(self.result), self)
        self.kind_model = FigureModel(lambda: [_("Typ av aktivitet"), *compare_headers(self.result)], self)
        self.service_model = FigureModel(lambda: service_headers(self.result), self)
        self.task_model = FigureModel(task_headers, self)
        self.group_model = FigureModel(lambda: group_headers(self.result), self)
        self.feedback_model = FigureModel(feedback_headers, self)
        for model in (self.summary_model, self.tertial_model, self.kind_model):
            model.header_tips[3] = self._same_days
        self.place_model.header_tips[5] = self._same_days
        self.feedback_model.header_tips[3] = lambda: _("Sista tertialen, som i verksamhetsberättelsen (VB)")
        self.models = [self.summary_model, self.tertial_model, self.place_model, self.kind_model, self.service_model,
                       self.task_model, self.group_model, self.feedback_model]

        self.month_chart = BarChart()
        self.gender_chart = PieChart()
        self.place_chart = BarChart(horizontal=True)
        self.kind_chart = BarChart(horizontal=True)
        self.persons_chart = BarChart(horizontal=True, stacked=True)

        self.titles = {name: bold_label() for name in (
            "summary", "tertial", "place", "kind", "service", "task", "group", "feedback",
        )}
        self.feedback_hint = hint()
        self.group_hint = hint()

        self.tabs = QTabWidget()
        self.place_table = table(self.place_model)
        self.kind_table = table(self.kind_model)
        self.task_table = table(self.task_model)
        self.tabs.addTab(self._visits_tab(), "")
        self.tabs.addTab(self._beside(self.titles["place"], self.place_table, self.place_chart, 745), "")
        self.tabs.addTab(self._beside(self.titles["kind"], self.kind_table, self.kind_chart, 560), "")
        self.service_table = table(self.service_model)
        self.tabs.addTab(titled(self.titles["service"], self.service_table), "")
        self.tabs.addTab(self._beside(self.titles["task"], self.task_table, self.persons_chart, 560), "")
        self.group_table = table(self.group_model)
        self.tabs.addTab(with_hint(self.titles["group"], self.group_table, self.group_hint), "")
        self.feedback_table = table(self.feedback_model)
        self.tabs.addTab(with_hint(self.titles["feedback"], self.feedback_table, self.feedback_hint), "")
        self.signup_tab = SignupTab()
        self.tabs.addTab(self.signup_tab, "")
        self.activity_tab = ActivityTab(app)
        self.tabs.addTab(self.activity_tab, "")
        self.goal_tab = GoalTab(app)
        self.tabs.addTab(self.goal_tab, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

        self.year.currentIndexChanged.connect(lambda _i: self.compute())
        self.period.currentIndexChanged.connect(lambda _i: self.compute())
        self.refresh.clicked.connect(self.compute)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.compute)
        self.setTabOrder(self.year, self.period)
        self.setTabOrder(self.period, self.refresh)
        self.setTabOrder(self.refresh, self.tabs)

        self._set_years(())
        self.retranslate()

    def _same_days(self) -> str:
        if self.result is None:
            return _("Samma dagar året före")
        return _("Samma dagar {year}").format(year=self.result.year - 1)

    # --- layout -----------------------------------------------------------------------------
    def _visits_tab(self) -> QWidget:
        self.summary_table = table(self.summary_model)
        self.tertial_table = table(self.tertial_model)
        left = split(Qt.Orientation.Vertical, (titled(self.titles["summary"], self.summary_table), 300),
                     (titled(self.titles["tertial"], self.tertial_table), 170))
        right = split(Qt.Orientation.Vertical, (self.month_chart, 300), (self.gender_chart, 220))
        return split(Qt.Orientation.Horizontal, (left, 600), (right, 520))

    @staticmethod
    def _beside(title: QLabel, view: QTableView, chart: QWidget, width: int) -> QWidget:
        """A table with its chart to the right."""
        return split(Qt.Orientation.Horizontal, (titled(title, view), width), (chart, 1120 - width))

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Statistik"))
        self.year_label.setText(_("Å&r:"))
        self.period_label.setText(_("&Period:"))
        names = {None: _("Hela året"), 1: _("Till och med T1 (jan–apr)"), 2: _("Till och med T2 (jan–aug)")}
        if self.period.count() == len(PERIODS):
            for row, tertial in enumerate(PERIODS):
                self.period.setItemText(row, names[tertial])
        else:
            self.period.blockSignals(True)
            for tertial in PERIODS:
                self.period.addItem(names[tertial], tertial)
            self.period.blockSignals(False)
        self.period.setToolTip(_(
            "Som i tertialrapporterna visas året till och med en tertial: till och med T1 = 1 januari–30 april, "
            "till och med T2 = 1 januari–31 augusti. Tabellen \"Per tertial\" visar varje tertial för sig "
            "(T1 = januari–april, T2 = maj–augusti, T3 = september–december)."
        ))
        self.refresh.setText(_("Räkna &om"))
        self.refresh.setToolTip(_("Räkna om siffrorna med det som registrerats nu (F5)"))
        self.busy_label.setText(_("Räknar …"))
        self.busy.setToolTip(_("Siffrorna räknas fram; du kan fortsätta arbeta under tiden."))
        for index, text in enumerate((_("Besök"), _("Mötesplatser"), _("Aktivitetstyper"), _("Stödinsatser"),
                                      _("Nya personer och utfört"), _("Grupper och utbildningar"),
                                      _("Synpunkter"))):
            self.tabs.setTabText(index, text)
        self.tabs.setTabText(7, _("Anmälan"))
        self.tabs.setTabText(8, _("Per aktivitet"))
        self.tabs.setTabText(9, _("Mål"))
        self.signup_tab.retranslate()
        self.activity_tab.retranslate()
        self.goal_tab.retranslate()
        titles = {
            "summary": _("Besök på aktiviteter"), "tertial": _("Per tertial"), "place": _("Per mötesplats"),
            "kind": _("Per typ av aktivitet"), "service": _("Stödinsatser: kontakter och personer"),
            "task": _("Utfört vid besöken (antal kontakter)"),
            "group": _("Grupper och utbildningar"), "feedback": _("Synpunkter och klagomål enligt stadens mall"),
        }
        for name, text in titles.items():
            self.titles[name].setText(text)
        self.feedback_hint.setText(_("Sammanfattningen och de planerade åtgärderna skrivs under Tyck till → "
                                     "Sammanfattning till rapporten."))
        self.group_hint.setText(_("Förändringen jämför deltagarna med samma dagar förra året."))
        if self.result is not None:
            self._show(self.result)

    # --- choosing ---------------------------------------------------------------------------
    def _set_years(self, with_data: tuple[int, ...]) -> None:
        """The years to choose from: those with data (they come with the figures), this year and
        the year chosen."""
        today = self.app.db.clock()
        keep = self.year.currentData() or today.year
        years = sorted(set(with_data) | {today.year, keep}, reverse=True)
        if years == [self.year.itemData(i) for i in range(self.year.count())]:
            return  # an open list stays as it is
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        select_data(self.year, keep)
        self.year.blockSignals(False)

    def chosen(self) -> tuple[int, dt.date | None]:
        """The year and the last day to count: the period's end, or today while the period runs.

        Up to today the figures are those of the whole period (nothing counted lies ahead), but
        the year before is then compared over the same days, not over its whole period.
        """
        year = self.year.currentData()
        tertial = self.period.currentData()
        until = tertial_range(year, tertial)[1] if tertial else None
        today = self.app.db.clock()
        if year == today.year and (until is None or until > today):
            until = today
        return year, until

    def period_last_day(self) -> dt.date:
        year, tertial = self.year.currentData(), self.period.currentData()
        return tertial_range(year, tertial)[1] if tertial else dt.date(year, 12, 31)

    def choose(self, year: int, tertial: int | None = None) -> None:
        """Pick a year and a period as the user would (the computation starts)."""
        self.year.blockSignals(True)
        index = self.year.findData(year)
        if index < 0:
            self.year.addItem(str(year), year)
            index = self.year.count() - 1
        self.year.setCurrentIndex(index)
        self.year.blockSignals(False)
        self.period.blockSignals(True)
        self.period.setCurrentIndex(PERIODS.index(tertial if tertial in PERIODS else None))  # T3: the whole year
        self.period.blockSignals(False)
        self.compute()

    # --- computing off the GUI thread ---------------------------------------------------------
    def compute(self) -> None:
        """Start computing the chosen period; only the newest request's answer is shown."""
        year, until = self.chosen()
        if year is None:
            return
        self.request += 1
        request = self.request
        end = self.period_last_day()
        self.stale = False
        self._set_busy(+1)
        self.app.run(year_overview, year, until=until,
                     on_done=lambda result: self._done(request, result, end),
                     on_error=lambda exc: self._failed(request, exc))

    def is_busy(self) -> bool:
        return self.running > 0

    def _set_busy(self, step: int) -> None:
        self.running += step
        self.busy.setVisible(self.running > 0)
        self.busy_label.setVisible(self.running > 0)

    def _done(self, request: int, result: YearOverview, end: dt.date) -> None:
        self._set_busy(-1)
        if request != self.request:
            return
        self.error.hide()
        self.period_end = end
        self._set_years(result.years)
        self._show(result)

    def _failed(self, request: int, exc: Exception) -> None:
        self._set_busy(-1)
        if request != self.request:
            return
        if isinstance(exc, UserError):
            self.error.setText(str(exc))
        else:
            log.error("Statistiken kunde inte räknas fram", exc_info=exc)
            self.error.setText(_("Statistiken kunde inte räknas fram. Detaljerna finns i loggfilen:")
                               + f" {log_file()}")
        self.error.show()

    # --- showing ----------------------------------------------------------------------------
    def _show(self, result: YearOverview) -> None:
        self.result = result
        self._show_note(result)
        self.summary_model.set_lines(attendance_lines(result))
        self.tertial_model.set_lines(tertial_lines(result))
        self.place_model.set_lines(place_lines(result))
        self.kind_model.set_lines(kind_lines(result))
        self.service_model.set_lines(service_lines(result))
        self.task_model.set_lines(task_lines(result))
        self.group_model.set_lines(group_lines(result))
        self.feedback_model.set_lines(feedback_lines(result))
        self.signup_tab.show_figures(result)
        self.activity_tab.show_figures(result)
        tertial = self.period.currentData()
        # the year's goals are measured against the year so far until the year has ended
        self.goal_tab.show_figures(result, tertial if tertial in (1, 2) else None,
                                   result.last < dt.date(result.year, 12, 31))
        self._show_charts(result)

    def _show_note(self, result: YearOverview) -> None:
        span = f"{i18n.date_text(result.first, 'd MMMM')} – {i18n.date_text(result.last, 'long')}"
        text = _("Siffrorna gäller {span} och jämförs med samma dagar {year}.").format(span=span, year=result.year - 1)
        if self.period_end is not None and result.last < self.period_end:
            text += " " + _("Perioden är inte slut än: siffrorna gäller till och med i dag.")
        self.note.setText(text)

    def _show_charts(self, result: YearOverview) -> None:
        a = result.figures.attendance
        self.month_chart.set_data(_("Besök per månad"), *month_series(result))
        # shares of the visits where gender was counted, as in the table beside it
        self.gender_chart.set_data(_("Kvinnor och män (besök där kön räknades)"), [
            (_("Kvinnor"), a.women), (_("Män"), a.men), (_("Annat/okänt"), a.other),
        ])
        self.place_chart.set_data(_("Besök per mötesplats"), *place_series(result))
        self.kind_chart.set_data(_("Besök per typ av aktivitet"), *kind_series(result))
        self.persons_chart.set_data(_("Personer per insats: nya och återkommande"), *persons_series(result),
                                    labels=True)

    # --- the page ---------------------------------------------------------------------------
    def on_changed(self, topics: set[str]) -> None:
        if topics & DATA_TOPICS:
            self.stale = True
            if self.isVisible():
                self.compute()

    def activated(self) -> None:
        if self.stale or self.result is None:
            self.compute()

    def has_unsaved_changes(self) -> bool:
        return self.goal_tab.unsaved()

    def save_changes(self) -> bool:
        return self.goal_tab.save_analysis()

    def discard_changes(self) -> None:
        self.goal_tab.discard()

    def prepare_screenshot(self) -> None:
        """Show the figures at once (the screenshot is taken before a worker would answer)."""
        year, until = self.chosen()
        self.request += 1
        self.period_end = self.period_last_day()
        result = self.app.db.read(year_overview, year, until=until)
        self._set_years(result.years)
        self._show(result)
