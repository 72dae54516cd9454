"""The statistics page's tables of visits and its charts: rows and series built from `stats.year_overview`.

A figure nobody recorded shows "–" and its row says "(ej registrerat)", as in the printed report;
the columns of the year and the year before are headed by their years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ....formatting import UNRECORDED
from ....formatting import change as change_text
from ....periods import TERTIALS
from ....stats import YearFigures, YearOverview
from ....vocabulary import NOT_GIVEN
from ... import i18n
from ...i18n import _

Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole  # the number behind a cell, for charts and tests
HEADING_BACKGROUND = QColor("#e8eef7")
T = TypeVar("T")


@dataclass(frozen=True)
class Line:
    """One row: a label and its cells (numbers, or text already formatted)."""

    label: str
    cells: tuple[Any, ...] = ()
    heading: bool = False
    indent: bool = False
    tooltip: str = ""


class FigureModel(QAbstractTableModel):
    """A read-only table of `Line`s; the first column is the label."""

    def __init__(self, headers: Callable[[], Sequence[str]], parent=None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.lines: list[Line] = []
        self.header_tips: dict[int, Callable[[], str]] = {}
        i18n.notifier.changed.connect(self._retranslate)

    def _retranslate(self, _language: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))

    def set_lines(self, lines: Sequence[Line]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def line(self, label: str) -> Line:
        """The first row with this label (for tests and charts)."""
        return next(line for line in self.lines if line.label == label)

    def text(self, row: int, column: int) -> str:
        return self.data(self.index(row, column)) or ""

    def row_texts(self, label: str) -> list[str]:
        row = next(i for i, line in enumerate(self.lines) if line.label == label)
        return [self.text(row, column) for column in range(1, self.columnCount())]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and section in self.header_tips:
            return self.header_tips[section]()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.lines) or index.column() >= self.columnCount():
            return None
        line = self.lines[index.row()]
        column = index.column()
        value = line.label if column == 0 else (line.cells[column - 1] if column - 1 < len(line.cells) else None)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("    " if line.indent else "") + line.label
            if value is None:
                return ""
            if isinstance(value, (int, float)):
                return i18n.number(value)
            return str(value)
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and line.heading:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and line.heading:
            return QBrush(HEADING_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and line.tooltip:
            return line.tooltip
        return None


# --- the rows -----------------------------------------------------------------------------


def change(now: int | None, before: int | None) -> str:
    """'+37 %' against the year before; '–' when there was nothing to compare with, and nothing
    when either was not recorded."""
    if before is None or now is None:
        return ""
    return change_text(now, before, locale=i18n.locale())


def count(value: int | None) -> int | str:
    """A count, or "–" for one nobody recorded."""
    return UNRECORDED if value is None else value


def unrecorded(label: str) -> str:
    """A row's label when its figure was not recorded in the period."""
    return _("{label} (ej registrerat)").format(label=label)


def share(part: int, whole: int) -> str:
    return i18n.percent(part, whole)


def contact_kind_labels() -> dict[str, str]:
    """The same keys as `vocabulary.CONTACT_KINDS`."""
    return {"hembesok": _("Hembesök"), "telefon": _("Telefon"), "oppen_mottagning": _("Öppen mottagning"),
            "motesplats": _("Besök på mötesplats"), "digitalt": _("Digitalt")}


def age_labels() -> dict[str, str]:
    """The same keys as `vocabulary.AGE_GROUPS`."""
    return {"<65": _("Under 65 år"), "65-74": _("65–74 år"), "75-84": _("75–84 år"), "85+": _("85 år och äldre")}


def compare_headers(overview: YearOverview | None) -> list[str]:
    """The year, its share, the year before and the change; the years by their numbers."""
    year = overview.year if overview is not None else None
    return [str(year) if year else _("Antal"), _("Andel"), str(year - 1) if year else _("Året före"),
            _("Förändring")]


def _before(overview: YearOverview, figure: Callable[[YearFigures], T]) -> T | None:
    """A figure of the same days the year before, or None when there is no year before."""
    return figure(overview.previous) if overview.previous is not None else None


def attendance_lines(overview: YearOverview) -> list[Line]:
    a = overview.figures.attendance
    counted = a.gender_counted
    gender_tip = _("Andel av de besök där kön räknades ({n} besök).").format(n=i18n.number(counted))

    def row(label: str, key: str, whole: int | None, tip: str = "", heading: bool = False,
            indent: bool = False) -> Line:
        value = getattr(a, key)
        before = _before(overview, lambda y: getattr(y.attendance, key))
        if value is None:
            label, tip = unrecorded(label), _("Ingen registrerade det under perioden: inte noll, utan okänt.")
        shown_before = None if overview.previous is None else count(before)
        return Line(label, (count(value), share(value, whole) if whole is not None and value is not None else "",
                            shown_before, change(value, before)),
                    heading=heading, indent=indent, tooltip=tip)

    # a share is of the row it stands under: the genders of the visits where gender was counted,
    # the rest of all visits
    all_tip = _("Andel av alla besök.")
    return [
        row(_("Besök totalt"), "visits", None, _("Räknade besökare vid genomförda tillfällen."), heading=True),
        row(_("Besök där kön räknades"), "gender_counted", a.visits, all_tip),
        row(_("Kvinnor"), "women", counted, gender_tip, indent=True),
        row(_("Män"), "men", counted, gender_tip, indent=True),
        row(_("Annat/okänt kön"), "other", counted, gender_tip, indent=True),
        row(_("Utan uppdelning på kön"), "unspecified", a.visits,
            _("Besök som räknades som ett totalt antal. Andel av alla besök.")),
        row(_("Nya besökare"), "new_visitors", a.visits, all_tip),
        row(_("Genomförda tillfällen"), "sessions", None, _("Inställda tillfällen räknas inte.")),
        row(_("Inställda tillfällen"), "cancelled", None),
    ]


def tertial_names() -> dict[str, str]:
    return {"T1": _("T1 (januari–april)"), "T2": _("T2 (maj–augusti)"), "T3": _("T3 (september–december)")}


def tertial_lines(overview: YearOverview) -> list[Line]:
    a = overview.figures.attendance
    names = tertial_names()
    lines = []
    for tertial in TERTIALS[: (overview.last.month - 1) // 4 + 1]:
        before = _before(overview, lambda y, t=tertial: y.attendance.by_tertial.of(t))
        value = a.by_tertial.of(tertial)
        lines.append(Line(names[tertial], (value, share(value, a.visits), before, change(value, before))))
    return lines


def place_headers(overview: YearOverview | None) -> list[str]:
    before = str(overview.year - 1) if overview is not None else _("Året före")
    return [_("Mötesplats"), _("Besök"), _("Kvinnor"), _("Män"), _("Tillfällen"), before, _("Förändring")]


def place_lines(overview: YearOverview) -> list[Line]:
    a = overview.figures.attendance
    before = _before(overview, lambda y: y.attendance.by_place)
    lines = []
    for place in a.places:  # most visits first
        previous = before.get(place.name, 0) if before is not None else None
        lines.append(Line(place.name, (
            place.visits, place.women, place.men, place.sessions, previous, change(place.visits, previous),
        ), tooltip=_("{share} av alla besök").format(share=share(place.visits, a.visits))))
    return lines


def kind_lines(overview: YearOverview) -> list[Line]:
    a = overview.figures.attendance
    names = overview.labels.get("kinds", {})
    lines = []
    for key, visits in a.by_kind.items():
        before = _before(overview, lambda y, k=key: y.attendance.by_kind.get(k))
        if key == NOT_GIVEN and not visits and not before:
            continue  # every activity has its type
        name = names.get(key, _("Typ ej angiven"))
        tip = _("Aktiviteter utan typ, t.ex. skapade av en import; typen väljs under Aktiviteter och schema.") \
            if key == NOT_GIVEN else ""
        lines.append(Line(name, (visits, share(visits, a.visits), before, change(visits, before)), tooltip=tip))
    return lines


# --- the charts ---------------------------------------------------------------------------

Series = list[tuple[str, list[int]]]  # (name, one value per category)


def elide(name: str, length: int = 20) -> str:
    """A short enough label for a chart axis (the table beside it has the whole name)."""
    return name if len(name) <= length else name[: length - 1].rstrip() + "…"


def month_names(year: int) -> list[str]:
    return [i18n.date_text(dt.date(year, month, 1), "LLL").rstrip(".") for month in range(1, 13)]


def month_series(overview: YearOverview) -> tuple[list[str], Series]:
    """Visits per month, beside the same months of the year before (the same days)."""
    months = overview.figures.attendance.months
    sets = [(str(overview.year), [m.visits for m in months])]
    if overview.previous is not None:
        sets.append((str(overview.year - 1), [m.visits for m in overview.previous.attendance.months]))
    names = month_names(overview.year)
    return [names[m.month - 1] for m in months], sets


def place_series(overview: YearOverview) -> tuple[list[str], Series]:
    places = sorted(overview.figures.attendance.places, key=lambda p: (p.visits, p.name))  # the biggest on top
    return [elide(p.name) for p in places], [(_("Besök"), [p.visits for p in places])]


def kind_series(overview: YearOverview) -> tuple[list[str], Series]:
    names = overview.labels.get("kinds", {})
    by_kind = [(key, visits) for key, visits in overview.figures.attendance.by_kind.items()
               if key != NOT_GIVEN or visits]
    by_kind.reverse()  # the first kind on top
    return [names.get(key, _("Typ ej angiven")) for key, _v in by_kind], [(_("Besök"), [v for _k, v in by_kind])]


def persons_series(overview: YearOverview) -> tuple[list[str], Series]:
    """New and returning persons per service."""
    services = overview.figures.services
    names = overview.labels.get("services", {})
    keys = list(reversed(list(services)))  # the first service on top
    return [names.get(key, key) for key in keys], [
        (_("Nya"), [services[key].new_persons for key in keys]),
        (_("Återkommande"), [services[key].persons - services[key].new_persons for key in keys]),
    ]
