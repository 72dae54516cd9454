"""A list of the unit's records beside the form that edits one (places, staff).

The form answers `has_unsaved_changes`, `save_changes` and `discard_changes` like a page,
so that `confirm_unsaved` can ask about it before another row is opened.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....errors import NotFound, UserError
from ...common import confirm_unsaved, select_row_quietly, show_error, submit
from ...forms import FieldErrors, heading, hint
from ...layouts import WrapLabel
from ...models import Column, RecordModel, record_view


class RecordForm(QWidget):
    """Fields of one record with New, Discard and Save; refusals shown under their fields.

    A subclass builds its fields in `build(form)` and says how to read them (`values`),
    show a record (`fill`), save (`operation`) and fetch a record again (`fetch`)."""

    saved = Signal(object)
    loaded = Signal()  # another record (or none, for a new one) is in the form

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.record: Any = None
        self._baseline: dict[str, Any] = {}
        self.title = heading()
        self.title.setWordWrap(True)
        self.banner = WrapLabel()
        self.banner.setProperty("role", "banner")
        self.banner.hide()
        self.general = WrapLabel()
        self.general.hide()
        self.errors = FieldErrors(self.general)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # big text: labels above fields
        self.build(self.form)

        self.discard = QPushButton()
        self.save = QPushButton()
        self.save.setProperty("primary", True)
        self.extra_buttons = QHBoxLayout()  # a subclass's own actions (Stäng platsen …)
        buttons = QHBoxLayout()
        buttons.addLayout(self.extra_buttons)
        buttons.addStretch(1)
        buttons.addWidget(self.discard)
        buttons.addWidget(self.save)

        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 6, 0)
        fields_layout.addLayout(self.form)
        fields_layout.addWidget(self.general)
        fields_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the fields wrap instead
        self.scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.save.clicked.connect(self.save_changes)
        self.discard.clicked.connect(self.discard_changes)

    # --- what a subclass says ---------------------------------------------------------------
    def build(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def fill(self, record: Any) -> None:
        """Show a record in the fields (None: empty fields for a new one)."""
        raise NotImplementedError

    def operation(self, values: dict[str, Any]):
        raise NotImplementedError

    def fetch(self, record_id: int) -> Any:
        raise NotImplementedError

    def title_text(self) -> str:
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    # --- the record -------------------------------------------------------------------------
    def load(self, record: Any) -> None:
        self.record = record
        blocked = [(widget, widget.blockSignals(True)) for widget in self.findChildren(QWidget)]
        try:
            self.fill(record)
        finally:
            for widget, was_blocked in blocked:
                widget.blockSignals(was_blocked)
        self._baseline = self.values()
        self.errors.clear()
        self.banner.hide()
        self.updated()
        self.loaded.emit()

    def start_new(self, **preset: Any) -> None:
        self.load(None)
        self.preset(**preset)
        self._baseline = self.values()
        self.updated()
        self.first_field().setFocus()

    def preset(self, **values: Any) -> None:
        """Values a new record starts with (a volunteer: kind volontär)."""

    def changed(self, *_args) -> None:
        self.updated()

    def updated(self) -> None:
        self.title.setText(self.title_text())
        dirty = self.has_unsaved_changes()
        self.save.setEnabled(dirty or self.record is None)
        self.discard.setEnabled(dirty)

    def has_unsaved_changes(self) -> bool:
        return self.values() != self._baseline

    def save_changes(self) -> bool:
        if self.record is not None and not self.has_unsaved_changes():
            return True
        saved, info = submit(self, self.errors, lambda: self.app.perform(self.operation(self.values())),
                             on_stale=self._stale)
        if saved:
            self.load(info)
            self.saved.emit(info)
        return saved

    def _stale(self, exc: UserError) -> None:
        """Someone else saved first: show theirs, say so, and let the user do it again."""
        try:
            self.load(self.fetch(self.record.id))
        except NotFound:
            self.load(None)
        self.banner.setText(str(exc))
        self.banner.show()

    def discard_changes(self) -> None:
        if self.record is None:
            self.load(None)
            return
        try:
            self.load(self.fetch(self.record.id))
        except Exception as exc:
            show_error(self, exc)
            self.load(None)


class RecordsTab(QWidget):
    """The records in a table (with a box to show those no longer in use) beside their form."""

    def __init__(self, app, form: RecordForm, columns: list[Column], *, muted, state_key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.form = form
        self.state_key = state_key
        self.records: list[Any] = []
        self.muted = muted
        self.show_all = QCheckBox()
        self.new_buttons = QHBoxLayout()
        top = QHBoxLayout()
        top.addLayout(self.new_buttons)
        top.addStretch(1)
        top.addWidget(self.show_all)
        self.model = RecordModel(columns, highlight=lambda r: "muted" if muted(r) else None, parent=self)
        self.table = record_view(self.model)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # whole names, never "Gun …"
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        self.summary = hint()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary)
        self.form.setMinimumWidth(320)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 480])
        state = app.store.state(state_key)
        if state is not None:
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.splitter)

        self.show_all.toggled.connect(lambda _c: self._show())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda _i: self.form.first_field().setFocus())  # Enter: on to the form
        self.form.saved.connect(lambda info: self._select(info.id))

    def widths(self, *pixels: int) -> None:
        """The widths of the columns between the name and the last (which takes the rest)."""
        for column, width in enumerate(pixels, start=1):
            self.table.horizontalHeader().resizeSection(column, width)

    def new_button(self, on_click) -> QPushButton:
        button = QPushButton()
        button.clicked.connect(lambda: self.start_new(on_click))
        self.new_buttons.addWidget(button)
        return button

    def start_new(self, preset) -> None:
        if not confirm_unsaved(self, self.form):
            return
        self._select(None)
        self.form.start_new(**preset())

    def read(self) -> list[Any]:
        raise NotImplementedError

    def reload(self) -> None:
        """Read the records again; the one in the form stays, and so do unsaved edits."""
        self.records = self.read()
        self._show()
        shown = self.form.record
        fresh = next((r for r in self.records if shown is not None and r.id == shown.id), None)
        if fresh is not None and fresh != shown and not self.form.has_unsaved_changes():
            self.form.load(fresh)

    def _show(self) -> None:
        rows = [r for r in self.records if self.show_all.isChecked() or not self.muted(r)]
        self.model.set_rows(rows)
        self._select(self.form.record.id if self.form.record is not None else None)
        self.summary.setText(self.summary_text(rows))

    def summary_text(self, rows: list[Any]) -> str:
        return ""

    def _select(self, record_id: int | None) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.id == record_id), -1)
        select_row_quietly(self.table, row)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        chosen = self.model.row_at(current.row())
        if self.form.record is not None and self.form.record.id == chosen.id:
            return
        if not confirm_unsaved(self, self.form):
            self._select(self.form.record.id if self.form.record is not None else None)
            return
        self.form.load(chosen)

    def save_state(self) -> None:
        self.app.store.set_state(self.state_key, self.splitter.saveState())
