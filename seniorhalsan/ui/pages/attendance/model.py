"""A day's sessions as an editable table model: the counts typed, the rows not yet saved.
A day after today is shown but cannot be typed in: counts are written once a session was held."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from ....errors import UserError, ValidationError
from ....services.attendance import CountInput, SessionInfo
from ....services.attendance_slots import SessionKey
from ... import i18n
from ...i18n import _
from ...models import DIRTY_BACKGROUND, MUTED_TEXT, WARNING_BACKGROUND

Index = QModelIndex | QPersistentModelIndex

TIME, ACTIVITY, WOMEN, MEN, OTHER, TOTAL, NEW, CANCELLED, NOTE = range(9)
COUNT_FIELDS = {WOMEN: "women", MEN: "men", OTHER: "other", TOTAL: "total", NEW: "new_visitors"}
SERVICE_FIELD = {"women": WOMEN, "men": MEN, "other": OTHER, "total": TOTAL, "new_visitors": NEW,
                 "cancelled": CANCELLED, "note": NOTE}


def headers() -> list[str]:
    return [_("Tid"), _("Aktivitet"), _("Kvinnor"), _("Män"), _("Övriga"), _("Totalt"), _("Nya"), _("Inställt"),
            _("Anteckning")]


@dataclass
class DayRow:
    """A session of the day with the user's not yet saved edits on top."""

    session: SessionInfo
    edits: dict[str, Any] = field(default_factory=dict)
    error: str = ""
    error_columns: set[int] = field(default_factory=set)

    def value(self, name: str) -> Any:
        return self.edits[name] if name in self.edits else getattr(self.session, name)

    @property
    def dirty(self) -> bool:
        return bool(self.edits) or (not self.session.recorded and self.session.schedule_entry_id is None)

    @property
    def split_given(self) -> bool:
        return any(self.value(n) is not None for n in ("women", "men", "other"))

    def shown_total(self) -> int | None:
        if self.split_given:
            return sum(self.value(n) or 0 for n in ("women", "men", "other"))
        return self.value("total")

    def to_count(self) -> CountInput:
        """The row's count for `RecordCounts`, naming its session as the day shows it."""
        s = self.session
        if s.session_id is not None:
            key = SessionKey(s.place_id, s.held_on, session_id=s.session_id, version=s.version)
        elif s.schedule_entry_id is not None:
            key = SessionKey(s.place_id, s.held_on, schedule_entry_id=s.schedule_entry_id)
        else:
            key = SessionKey(s.place_id, s.held_on, activity_id=s.activity_id, start=s.starts_at, end=s.ends_at,
                             extra=True)
        cancelled = bool(self.value("cancelled"))
        split = self.split_given and not cancelled
        return CountInput(
            key,
            women=self.value("women") if split else None,
            men=self.value("men") if split else None,
            other=self.value("other") if split else None,
            total=None if split or cancelled else self.value("total"),
            new_visitors=None if cancelled else self.value("new_visitors"),
            cancelled=cancelled,
            note=self.value("note"),
        )


def future_text() -> str:
    return _("Den här dagen har inte varit ännu. Antal skrivs in när tillfällena har hållits, "
             "och ett inställt tillfälle markeras samma dag eller efteråt.")


class DayModel(QAbstractTableModel):
    """The sessions of one day; `future` (a day after today) makes every cell read-only."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[DayRow] = []
        self.future = False
        i18n.notifier.changed.connect(self._language_changed)

    def _language_changed(self, _language: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, NOTE)

    def set_sessions(self, sessions: list[SessionInfo], *, future: bool = False) -> None:
        self.beginResetModel()
        self.rows = [DayRow(s) for s in sessions]
        self.future = future
        self.endResetModel()

    def add_extra(self, session: SessionInfo) -> int:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(DayRow(session))
        self.endInsertRows()
        return len(self.rows) - 1

    def uncounted_rows(self) -> list[int]:
        """Rows with no count yet and not cancelled: where the typing starts."""
        return [i for i, r in enumerate(self.rows) if r.shown_total() is None and not r.value("cancelled")]

    def dirty_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if r.dirty]

    def has_changes(self) -> bool:
        return bool(self.dirty_rows())

    def show_errors(self, failures: dict[int, UserError]) -> None:
        """Mark refused rows (indexes into `dirty_rows()` order) with their messages."""
        dirty = self.dirty_rows()
        for row in self.rows:
            row.error, row.error_columns = "", set()
        for position, exc in failures.items():
            row = self.rows[dirty[position]]
            row.error = str(exc)
            if isinstance(exc, ValidationError):
                row.error_columns = {SERVICE_FIELD[f] for f in exc.fields if f in SERVICE_FIELD}
        self._refresh_all()

    def clear_errors(self) -> None:
        for row in self.rows:
            row.error, row.error_columns = "", set()
        self._refresh_all()

    def _refresh_all(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, NOTE))

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else NOTE + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section <= NOTE:
            return headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if section == TOTAL:
                return _("Skriv totalt antal bara om ni inte räknade kvinnor och män var för sig.")
            if section == NEW:
                return _("Hur många som kom för första gången.")
            if section == CANCELLED:
                return _("Markera eller avmarkera tillfället som inställt: Ctrl+I (eller klicka i rutan).")
            if section == NOTE:
                return _("Skriv en anteckning om tillfället: Ctrl+N (eller dubbelklicka i rutan).")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.future:
            return base
        row = self.rows[index.row()]
        column = index.column()
        if column == CANCELLED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column == NOTE:
            return base | Qt.ItemFlag.ItemIsEditable
        if column in COUNT_FIELDS and not row.value("cancelled"):
            if column == TOTAL and row.split_given:
                return base
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        s = row.session
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == TIME:
                if not s.starts_at:
                    return ""
                # a place to break after the dash (U+200B shows nothing) when the column is narrow
                end = f"–\u200b{s.ends_at.strftime('%H:%M')}" if s.ends_at else ""
                return s.starts_at.strftime("%H:%M") + end
            if column == ACTIVITY:
                return s.activity_name
            if column in COUNT_FIELDS and row.value("cancelled"):
                return ""  # a cancelled session keeps no counts (they come back if it is held after all)
            if column == TOTAL:
                value = row.shown_total()
                return "" if value is None else (str(value) if role == Qt.ItemDataRole.EditRole else i18n.number(value))
            if column in COUNT_FIELDS:
                value = row.value(COUNT_FIELDS[column])
                return "" if value is None else str(value)
            if column == NOTE:
                return row.value("note") or ""
        if role == Qt.ItemDataRole.CheckStateRole and column == CANCELLED:
            return Qt.CheckState.Checked if row.value("cancelled") else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNT_FIELDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.error and (column in row.error_columns or not row.error_columns):
                return QBrush(WARNING_BACKGROUND)
            if row.dirty:
                return QBrush(DIRTY_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and self.future and column >= WOMEN:
            return QBrush(MUTED_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.error:
                return row.error
            if self.future and column >= WOMEN:
                return future_text()
            if column == ACTIVITY:
                leader = _("Ledare: {name}").format(name=s.leader_name) if s.leader_name else ""
                return "\n".join(t for t in (s.activity_name, leader) if t)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        typed = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        if not index.isValid() or not self.flags(index) & typed:
            return False
        row = self.rows[index.row()]
        column = index.column()
        if column == CANCELLED and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self._edit(row, "cancelled", checked)
        elif role == Qt.ItemDataRole.EditRole and column in COUNT_FIELDS:
            text = str(value or "").strip()
            self._edit(row, COUNT_FIELDS[column], int(text) if text.isdigit() else None)
        elif role == Qt.ItemDataRole.EditRole and column == NOTE:
            self._edit(row, "note", str(value or "").strip() or None)
        else:
            return False
        row.error, row.error_columns = "", set()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), NOTE))
        return True

    @staticmethod
    def _edit(row: DayRow, name: str, value: Any) -> None:
        if value == getattr(row.session, name):
            row.edits.pop(name, None)
        else:
            row.edits[name] = value

def extra_session(activity_id: int, activity_name: str, kind: str, place_id: int, place_name: str,
                  day: dt.date, starts_at: dt.time | None, ends_at: dt.time | None) -> SessionInfo:
    """A row for a session that is not on the schedule (an event, a trip), not saved yet."""
    return SessionInfo(
        session_id=None, schedule_entry_id=None, activity_id=activity_id, activity_name=activity_name,
        activity_kind=kind, place_id=place_id, place_name=place_name, held_on=day, starts_at=starts_at,
        ends_at=ends_at, leader_name=None, cancelled=False, women=None, men=None, other=None, total=None,
        new_visitors=None, note=None, version=None,
    )

