"""Charts of the year report, drawn with reportlab.graphics from figures computed elsewhere.

Visits by month (women and men), visits by place, new and returning persons per service; each
with its axes named and its legend inside the page's width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..formatting import number
from . import fonts

# dark blue, orange and grey stay apart for colour-blind readers and in greyscale print
SERIES_COLOURS = (colors.HexColor("#0b3d6b"), colors.HexColor("#e08a1e"), colors.HexColor("#9aa5b1"))


def _axis_number(value: float) -> str:
    return number(round(value))


def _legend(drawing: Drawing, width: float, y: float, names: Sequence[str], size: float) -> float:
    """A swatch and a name per series, side by side, on as many lines as the width needs so that
    no name runs past the page; returns the height it took."""
    swatch, gap, after = size, size * 0.5, size * 1.6
    x, top = 0.0, y
    for colour, name in zip(SERIES_COLOURS, names, strict=False):  # no more series than colours
        room = swatch + gap + stringWidth(name, fonts.REGULAR, size)
        if x and x + room > width:  # the next line
            x, y = 0.0, y - size * 1.7
        drawing.add(Rect(x, y - size * 0.15, swatch, swatch, fillColor=colour, strokeColor=None))
        drawing.add(String(x + swatch + gap, y, name, fontName=fonts.REGULAR, fontSize=size))
        x += room + after
    return top - y + size * 1.7


def stacked_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    width: float,
    height: float,
    horizontal: bool = False,
    title: str = "",
    value_title: str = "",
    category_title: str = "",
    size: float = 8.5,
    clean: Callable[[str], str] = str,
) -> Drawing:
    """Bars per category, stacked by series, with a legend above when there is more than one, and
    the axes named (`value_title` under or beside the numbers, `category_title` along the categories)."""
    fonts.register()
    drawing = Drawing(width, height)
    top = height - (size * 2.2 if title else 0)
    if title:
        drawing.add(String(0, height - size * 1.3, clean(title), fontName=fonts.BOLD, fontSize=size * 1.15))
    if len(series) > 1:
        top -= _legend(drawing, width, top - size * 0.6, [clean(name) for name, _ in series], size)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    labels = [clean(c) for c in categories]
    title_room = size * 1.8 if value_title else 0
    if horizontal:
        label_room = min(width * 0.38, max((stringWidth(c, fonts.REGULAR, size) for c in labels), default=20) + 10)
        chart.x, chart.y = label_room, size * 2.2 + title_room
        chart.width, chart.height = width - label_room - size * 2, top - chart.y - size * 0.5
        # reportlab draws the first category at the bottom; the reader expects it at the top
        data = [list(reversed(values)) for _, values in series]
        labels = list(reversed(labels))
        if value_title:  # under the numbers of the horizontal axis
            drawing.add(String(chart.x + chart.width / 2, size * 0.4, clean(value_title), fontName=fonts.REGULAR,
                               fontSize=size, textAnchor="middle"))
    else:
        chart.x = size * 5 + title_room
        chart.y = size * 2.6 + (size * 1.6 if category_title else 0)
        chart.width, chart.height = width - chart.x - size, top - chart.y - size * 0.5
        data = [list(values) for _, values in series]
        if value_title:  # turned along the vertical axis
            label = Group(String(0, 0, clean(value_title), fontName=fonts.REGULAR, fontSize=size,
                                 textAnchor="middle"))
            label.transform = (0, 1, -1, 0, size * 0.9, chart.y + chart.height / 2)
            drawing.add(label)
        if category_title:
            drawing.add(String(chart.x + chart.width / 2, size * 0.4, clean(category_title),
                               fontName=fonts.REGULAR, fontSize=size, textAnchor="middle"))
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
