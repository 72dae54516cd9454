"""A year's records of the chosen service with a form for a new one: the frame of Gruppträffar and
Utbildningar."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ....services import staff
from ....services.lookups import ServiceInfo
from ...common import AppContext, ask, show_error, submit
from ...forms import DateField, FieldErrors, commit_dates
from ...i18n import _
from ...layouts import flow, pair
from ...models import Column, RecordModel
from ...pair_grid import PairGrid
from ...table_widths import ColumnWidths
from .models import EnterMovesOn, beside, compact, error_label, fill_staff, table


class YearListTab(QWidget):
    """The form for a new record of the chosen service above, the year's records below."""

    wide_column = 2  # the column that takes the room that is left (a group's name, a topic)
    PAIRS = 3  # label-and-field pairs a row of the form

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.service: ServiceInfo | None = None
        self.staff_names: dict[int, str] = {}
        self.own_staff_id: int | None = None  # the signed-in person's staff member (the page sets it)
        today = app.db.clock()

        self.form_box = QGroupBox()
        self.date = DateField(today)
        self.staff = compact(QComboBox())
        self.save = QPushButton()
        self.save.setProperty("primary", True)
        self.save.setAutoDefault(True)
        self.general = error_label()
        self.errors = FieldErrors(self.general)
        self.enter = EnterMovesOn(self)
        self.labels: dict[str, QLabel] = {}
        self.chain: list[QWidget] = []
        self._form_layout()

        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(today.year)
        self.year_label.setBuddy(self.year)
        self.total = QLabel()
        font = self.total.font()
        font.setBold(True)
        self.total.setFont(font)
        self.model: RecordModel = RecordModel(self.columns(), parent=self)
        self.view = table(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ColumnWidths(self.view, {}, fill=self.wide_column, fill_sample="Må bra-gruppen")
        header.setMinimumSectionSize(70)
        self.delete = QPushButton()
        list_row = flow(pair(self.year_label, self.year), self.total, self.delete)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.form_box)
        layout.addWidget(list_row)
        layout.addWidget(self.view, 1)
        chain = [*self.chain, self.save, self.year, self.view, self.delete]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

        self.year.valueChanged.connect(lambda _y: self.load())
        self.save.clicked.connect(self.save_changes)
        self.delete.clicked.connect(lambda: self.delete_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self.delete_selected())
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self.form_box)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_changes)
        self.retranslate()
        self._update_buttons()
        self.mark_clean()

    def _form_layout(self) -> None:
        """The fields in rows of up to three label-and-field pairs (fewer when the page is narrow
        or the text big), each refusal right under its field."""
        grid = PairGrid(self.PAIRS)
        for key, field, widget, span in self.make_fields():
            label = QLabel()
            beside(label, widget)
            self.labels[key] = label
            grid.add(label, self.errors.add(field, widget), span)
            if not isinstance(widget, QLineEdit) or widget is not self.last_field():
                widget.installEventFilter(self.enter)
            self.chain.append(widget)
        grid.end_with(self.save, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self.form_box)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addWidget(grid)
        layout.addWidget(self.general)
        last = self.last_field()
        if isinstance(last, QLineEdit):
            last.returnPressed.connect(self.save_changes)

    # --- what a subclass says ------------------------------------------------------------------
    def columns(self) -> list[Column]:
        raise NotImplementedError

    def make_fields(self) -> list[tuple[str, str, QWidget, int]]:
        """Create the form's own fields: (label key, the service's name of the field, widget, pairs
        it spans), in tab order. `self.date` and `self.staff` exist already."""
        raise NotImplementedError

    def last_field(self) -> QWidget:
        """Enter here saves; in the other fields it moves on."""
        raise NotImplementedError

    def rows(self) -> list:
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def add(self, values: dict[str, Any]):
        raise NotImplementedError

    def remove(self, record) -> None:
        raise NotImplementedError

    def describe(self, record) -> str:
        raise NotImplementedError

    def typed_fields(self) -> dict[str, QLineEdit | QComboBox]:
        """The fields (by their key in `values()`) whose typing counts as an unsaved edit."""
        raise NotImplementedError

    def after_save(self) -> None:
        """Empty what differs from one record to the next."""

    def update_total(self) -> None:
        raise NotImplementedError

    # --- shared -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.year_label.setText(_("Å&r:"))
        self.year.setToolTip(_("Året som listan visar"))
        self.delete.setText(_("Ta &bort …"))
        self.delete.setToolTip(_("Ta bort den markerade raden (Delete)"))
        self.date.setToolTip(_("Dagen då det hölls"))
        if self.staff.count():
            self.staff.setItemText(self.staff.count() - 1, _("(ingen angiven)"))
        self.update_total()

    def set_service(self, service: ServiceInfo) -> None:
        self.service = service
        self.reload_choices()
        self.load()

    def reload_choices(self) -> None:
        everyone = self.app.db.read(staff.list_staff, include_inactive=True)
        self.staff_names = {s.id: s.name for s in everyone}
        active = [s for s in everyone if s.active]
        own = [s for s in active if self.service and self.service.key in s.services]
        chosen = self.staff.currentData() if self.staff.count() else None
        if chosen is None and self.own_staff_id in {s.id for s in active}:
            chosen = self.own_staff_id  # the signed-in person's own, to begin with
        fill_staff(self.staff, own, active, chosen if chosen is not None else (own[0].id if own else None),
                   _("(ingen angiven)"))

    def focus_first(self) -> None:
        self.chain[0].setFocus()

    def staff_name(self, staff_id: int | None) -> str:
        return self.staff_names.get(staff_id, "") if staff_id is not None else ""

    def load(self) -> None:
        if self.service is None:
            return
        self.model.set_rows(self.rows())
        self.update_total()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def mark_clean(self) -> None:
        """What the form holds now (empty, or kept from the last record) is not an edit."""
        values = self.values()
        self.baseline = {key: values[key] for key in self.typed_fields()}

    def has_unsaved_changes(self) -> bool:
        values = self.values()
        return any(values[key] != kept for key, kept in self.baseline.items())

    def save_changes(self) -> bool:
        if self.service is None:
            return True
        if not commit_dates(self.errors, {"date": self.date}):  # a date typed, then Ctrl+S at once
            return False
        ok, saved = submit(self, self.errors, lambda: self.add(self.values()))
        if not ok:
            return False
        self.errors.clear()
        self.after_save()
        self.mark_clean()
        if saved.held_on.year != self.year.value():
            self.year.setValue(saved.held_on.year)
        row = next((i for i, r in enumerate(self.model.rows) if r.id == saved.id), -1)
        if row >= 0:
            self.view.selectRow(row)
        return True

    def discard_changes(self) -> None:
        for field in self.typed_fields().values():
            if isinstance(field, QComboBox):
                field.setEditText("")
            else:
                field.clear()
        self.errors.clear()
        self.mark_clean()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def delete_selected(self, confirmed: bool | None = None) -> bool:
        """Delete the selected row after asking (`confirmed` answers for the caller)."""
        record = self.selected()
        if record is None:
            return False
        if confirmed is None:
            confirmed = ask(self, _("Ta bort"), self.describe(record), _("Ta bort"))
        if not confirmed:
            return False
        try:
            self.remove(record)
        except Exception as exc:
            show_error(self, exc)
            self.load()
            return False
        return True
