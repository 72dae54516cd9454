"""Charts for the statistics page (Qt Charts): bars by month and place, shares, new persons."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from ... import i18n

# Strong colours that stay apart for most kinds of colour blindness (Okabe–Ito).
PALETTE = [QColor("#0072B2"), QColor("#E69F00"), QColor("#009E73"), QColor("#CC79A7"), QColor("#56B4E9"),
           QColor("#D55E00")]


def _chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    font = QFont()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    chart.setTitleFont(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class _View(QChartView):
    def __init__(self, parent=None) -> None:
        self._chart = _chart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(280, 180)  # two charts one above the other fit a small screen at a big text size

    @staticmethod
    def _axis_font() -> QFont:
        font = QFont()
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.85))
        return font

    def _clear(self) -> None:
        self._chart.removeAllSeries()
        for axis in self._chart.axes():
            self._chart.removeAxis(axis)
            axis.deleteLater()


class BarChart(_View):
    """Bars in one or more sets over categories; horizontal and/or stacked on request."""

    def __init__(self, *, horizontal: bool = False, stacked: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.stacked = stacked
        self.categories: list[str] = []
        self.sets: list[tuple[str, list[float]]] = []
        self.series = None

    def set_data(self, title: str, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[float]]], *,
                 labels: bool = False) -> None:
        """`sets` are (name, one value per category); `labels` writes each value on its bar."""
        self._clear()
        self.categories = list(categories)
        self.sets = [(name, list(values)) for name, values in sets]
        self._chart.setTitle(title)
        self._chart.setLocale(QLocale())  # the chosen language's numbers on the axis: 5 000, not 5000
        self._chart.setLocalizeNumbers(True)
        if self.horizontal:
            series = QHorizontalStackedBarSeries() if self.stacked else QHorizontalBarSeries()
        else:
            series = QStackedBarSeries() if self.stacked else QBarSeries()
        for number, (name, values) in enumerate(self.sets):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(PALETTE[number % len(PALETTE)])
            bar_set.setBorderColor(PALETTE[number % len(PALETTE)])
            bar_set.setLabelColor(QColor("white") if self.stacked else QColor("black"))
            series.append(bar_set)
        if labels:
            series.setLabelsVisible(True)
            series.setLabelsFormat("@value")
            series.setLabelsPosition(series.LabelsPosition.LabelsInsideEnd if self.stacked
                                     else series.LabelsPosition.LabelsOutsideEnd)
        self._chart.addSeries(series)
        self.series = series
        category_axis = QBarCategoryAxis()
        category_axis.append(self.categories or [""])
        category_axis.setTruncateLabels(False)
        category_axis.setLabelsFont(self._axis_font())
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%.0f")
        value_axis.setLabelsFont(self._axis_font())
        highest = self._highest()
        value_axis.setRange(0, max(4.0, highest * (1.15 if labels else 1.05)))
        value_axis.applyNiceNumbers()
        if self.horizontal:
            self._chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
            self._chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            self._chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
            self._chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
        self._chart.legend().setVisible(len(self.sets) > 1)

    def _highest(self) -> float:
        if not self.sets:
            return 0.0
        if self.stacked:
            return max((sum(values) for values in zip(*(v for _n, v in self.sets), strict=False)), default=0.0)
        return max((max(values, default=0) for _n, values in self.sets), default=0.0)

    def values(self) -> dict[str, list[float]]:
        """What the chart shows, read back from its bar sets (for tests)."""
        if self.series is None:
            return {}
        return {s.label(): [s.at(i) for i in range(s.count())] for s in self.series.barSets()}


class PieChart(_View):
    """Shares of a whole; each slice says its share."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.series: QPieSeries | None = None
        self.names: list[str] = []

    def set_data(self, title: str, slices: Sequence[tuple[str, float]]) -> None:
        self._clear()
        self._chart.setTitle(title)
        series = QPieSeries()
        whole = sum(value for _name, value in slices)
        self.names = []
        for number, (name, value) in enumerate(slices):
            if not value:
                continue
            self.names.append(name)
            piece = series.append(f"{name} {i18n.percent(value, whole)}", float(value))
            piece.setColor(PALETTE[number % len(PALETTE)])
            piece.setLabelVisible(False)  # the legend names every slice with its share
        series.setPieSize(0.75)
        self._chart.addSeries(series)
        self.series = series
        self._chart.legend().setVisible(True)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)

    def values(self) -> dict[str, float]:
        if self.series is None:
            return {}
        return {name: piece.value() for name, piece in zip(self.names, self.series.slices(), strict=False)}
