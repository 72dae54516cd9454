"""Charts of the year report, drawn with reportlab.graphics from figures computed elsewhere.

Visits by month (women and men), visits by place, new and returning persons per service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from ..formatting import number
from . import fonts

# dark blue, orange and grey stay apart for colour-blind readers and in greyscale print
SERIES_COLOURS = (colors.HexColor("#0b3d6b"), colors.HexColor("#e08a1e"), colors.HexColor("#9aa5b1"))


def _axis_number(value: float) -> str:
    return number(round(value))


def _legend(drawing: Drawing, x: float, y: float, names: Sequence[str], size: float) -> None:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = max(len(n) for n in names) * size * 0.55 + 30
    legend.fontName, legend.fontSize = fonts.REGULAR, size
    legend.dx = legend.dy = size
    legend.colorNamePairs = list(zip(SERIES_COLOURS, names))
    drawing.add(legend)


def stacked_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    width: float,
    height: float,
    horizontal: bool = False,
    title: str = "",
    size: float = 8.5,
    clean: Callable[[str], str] = str,
) -> Drawing:
    """Bars per category, stacked by series, with a legend above when there is more than one."""
    fonts.register()
    drawing = Drawing(width, height)
    top = height - (size * 2.2 if title else 0)
    if title:
        drawing.add(String(0, height - size * 1.3, clean(title), fontName=fonts.BOLD, fontSize=size * 1.15))
    if len(series) > 1:
        _legend(drawing, 0, top - size * 0.6, [name for name, _ in series], size)
        top -= size * 2.4
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    labels = [clean(c) for c in categories]
    if horizontal:
        label_room = min(width * 0.38, max((len(c) for c in labels), default=4) * size * 0.52 + 8)
        chart.x, chart.y = label_room, size * 2.2
        chart.width, chart.height = width - label_room - size * 2, top - chart.y - size * 0.5
        # reportlab draws the first category at the bottom; the reader expects it at the top
        data = [list(reversed(values)) for _, values in series]
        labels = list(reversed(labels))
    else:
        chart.x, chart.y = size * 5, size * 2.6
        chart.width, chart.height = width - chart.x - size, top - chart.y - size * 0.5
        data = [list(values) for _, values in series]
    chart.data = data
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = size
    if horizontal:
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = size
    chart.valueAxis.labelTextFormat = _axis_number
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d0d6dd")
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    for index in range(len(series)):
        chart.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    drawing.add(chart)
    return drawing


def has_values(series: Sequence[tuple[str, Sequence[int]]]) -> bool:
    """A chart of nothing but zeros says nothing (and reportlab cannot scale its axis)."""
    return any(v for _, values in series for v in values)
