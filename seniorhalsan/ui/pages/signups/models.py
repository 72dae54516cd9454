"""The sign-up page's tables: the occasions, the people on a list, and the ticks of a day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ....services.signup_people import ParticipantInfo
from ....services.signups import OccasionInfo
from ... import i18n
from ...i18n import _
from ...models import Column

Index = QModelIndex | QPersistentModelIndex


def when(o: OccasionInfo) -> str:
    """'5 dec. 2026' for an occasion, 'måndagar' for a series (in the window's language)."""
    if o.on_date is not None:
        return i18n.date_text(o.on_date, "medium")
    if o.weekday is None:
        return ""
    day = i18n.weekday_names()[o.weekday - 1]
    return day + ("ar" if i18n.language() == "sv" else "s")  # every week: måndagar, Mondays


def occasion_columns() -> list[Column[OccasionInfo]]:
    return [
        Column(lambda: _("När"), when),
        Column(lambda: _("Tid"), lambda o: o.starts_at, "time"),
        Column(lambda: _("Aktivitet"), lambda o: o.activity_name),
        Column(lambda: _("Plats"), lambda o: o.place_name),
        Column(lambda: _("Platser"), lambda o: _("{taken} av {places}").format(taken=o.taken, places=o.places),
               tooltip=lambda o: _("{free} lediga").format(free=o.free)),
        Column(lambda: _("Reserv"), lambda o: o.waiting, "number"),
    ]


def number_text(p: ParticipantInfo) -> str:
    return str(p.number) if p.has_place else _("Reserv {n}").format(n=p.number)


def participant_columns() -> list[Column[ParticipantInfo]]:
    return [
        Column(lambda: _("Nr"), number_text),
        Column(lambda: _("Namn"), lambda p: p.name),
        Column(lambda: _("Telefon"), lambda p: p.phone),
        Column(lambda: _("Kön"), lambda p: _(p.gender_label) if p.gender_label else ""),
        Column(lambda: _("Anteckning"), lambda p: p.note),
        Column(lambda: _("E-post"), lambda p: p.email),
    ]


PRESENT, NEW, NUMBER, NAME, GENDER = range(5)


class TickModel(QAbstractTableModel):
    """Who came on one day: a box to tick for each person on the list, and one for a first visit."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.people: list[ParticipantInfo] = []
        self.present: set[int] = set()
        self.new: set[int] = set()
        self.saved: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
        i18n.notifier.changed.connect(self._retranslate)

    def _retranslate(self, _language: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, GENDER)

    def set_day(self, people: list[ParticipantInfo], day: dt.date | None) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.present = {p.id for p in people if day in p.present_days}
        self.new = {p.id for p in people if day in p.new_days}
        self.saved = (frozenset(self.present), frozenset(self.new))
        self.endResetModel()

    @property
    def dirty(self) -> bool:
        return (frozenset(self.present), frozenset(self.new)) != self.saved

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else GENDER + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [_("Kom"), _("Ny"), _("Nr"), _("Namn"), _("Kön")][section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == NEW:
            return _("Kom för första gången till enheten")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() in (PRESENT, NEW) else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.people[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in (PRESENT, NEW):
            ticked = p.id in (self.present if column == PRESENT else self.new)
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return {NUMBER: number_text(p), NAME: p.name or "", GENDER: _(p.gender_label) if p.gender_label else ""
                    }.get(column)
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() not in (PRESENT, NEW):
            return False
        pid = self.people[index.row()].id
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        target = self.present if index.column() == PRESENT else self.new
        (target.add if on else target.discard)(pid)
        if index.column() == NEW and on:
            self.present.add(pid)  # a first visit is a visit
        if index.column() == PRESENT and not on:
            self.new.discard(pid)
        self.dataChanged.emit(self.index(index.row(), PRESENT), self.index(index.row(), NEW))
        return True

    def ticked(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        order = [p.id for p in self.people]
        return (tuple(i for i in order if i in self.present), tuple(i for i in order if i in self.new))
