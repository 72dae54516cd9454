"""The activity catalogue: a filtered list of activities beside the form that edits one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....services import activities as activity_service
from ....services import lookups
from ....services import places as place_service
from ....services import staff as staff_service
from ....services.activities import ActivityInfo
from ....vocabulary import fold
from ...common import confirm_unsaved
from ...forms import hint
from ...i18n import _
from ...layouts import flow, narrow_combo, pair
from ...models import Column, RecordModel, record_view
from ...table_widths import ColumnWidths
from .form import ActivityForm, fill_combo

NO_KIND = ""  # the filter's choice "Typ ej angiven": activities an import made without a type


def flag_text(a: ActivityInfo) -> str:
    flags = [(a.digital, _("Digital")), (a.outdoors, _("Utomhus")), (a.needs_signup, _("Anmälan")),
             (not a.active, _("Inaktiv"))]
    return ", ".join(text for on, text in flags if on)


def leader_text(a: ActivityInfo) -> str:
    if not a.leader_name:
        return ""
    return a.leader_name + (" " + _("(volontär)") if a.leader_is_volunteer else "")


def activity_columns() -> list[Column[ActivityInfo]]:
    return [
        Column(lambda: _("Namn"), lambda a: a.name, tooltip=lambda a: a.description or ""),
        Column(lambda: _("Typ"), lambda a: a.kind_name if a.kind else _("Typ ej angiven")),
        Column(lambda: _("Vanlig plats"), lambda a: a.place_name),
        Column(lambda: _("Ledare"), leader_text),
        Column(lambda: _("Egenskaper"), flag_text),
    ]


def matches(a: ActivityInfo, words: list[str]) -> bool:
    """Every word typed is found in the name, kind, place, leader or folder text."""
    haystack = fold(" ".join(filter(None, (a.name, a.kind_name, a.place_name, a.leader_name, a.description))))
    return all(word in haystack for word in words)


class CatalogueTab(QWidget):
    """Filter by text and kind, show inactive ones on demand, edit in the form beside."""

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.activities: list[ActivityInfo] = []

        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.kind_label = QLabel()
        self.kind = narrow_combo(QComboBox(), 14)
        self.show_inactive = QCheckBox()
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 14)
        filters = flow(pair(self.search_label, self.search, stretch=1), pair(self.kind_label, self.kind),
                       self.show_inactive)

        self.model = RecordModel(activity_columns(), highlight=lambda a: None if a.active else "muted", parent=self)
        self.table = record_view(self.model)
        self.table.setWordWrap(False)
        ColumnWidths(self.table, {1: "Kulturell", 2: "Fruängsgården", 3: "Anna Andersson", 4: "Digital, Anmälan"},
                     fill=0, fill_sample="Balans & styrka")
        self.summary = hint()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary)

        self.form = ActivityForm(app)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 440])
        state = app.store.state("activities/catalogue-splitter")
        if state is not None:
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.splitter)

        self.search.textChanged.connect(lambda _t: self._apply_filter())
        self.kind.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.show_inactive.toggled.connect(lambda _c: self._apply_filter())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda _i: self.form.name.setFocus())  # Enter: on to the form
        self.form.new.clicked.connect(self.new_activity)
        self.form.saved.connect(self._saved)
        self.form.reloaded.connect(self.reload)

        self.setTabOrder(self.search, self.kind)
        self.setTabOrder(self.kind, self.show_inactive)
        self.setTabOrder(self.show_inactive, self.table)
        self.setTabOrder(self.table, self.form.name)
        self.retranslate()
        self.reload_choices()
        self.reload()
        self.form.load(None)

    def retranslate(self) -> None:
        self.search_label.setText(_("S&ök:"))
        self.search_label.setBuddy(self.search)
        self.search.setPlaceholderText(_("Namn, plats, ledare eller text"))
        self.kind_label.setText(_("T&yp:"))
        self.kind_label.setBuddy(self.kind)
        self.show_inactive.setText(_("Visa &inaktiva"))
        self.form.retranslate()
        self._update_summary()

    # --- loading ----------------------------------------------------------------------------
    def reload_choices(self) -> None:
        kinds = self.app.db.read(lookups.activity_kinds)
        places = self.app.db.read(place_service.list_places)
        staff = self.app.db.read(staff_service.list_staff, include_inactive=True)
        fill_combo(self.kind, [(k.name, k.key) for k in kinds] + [(_("Typ ej angiven"), NO_KIND)],
                   none_text=_("Alla typer"))
        self.form.set_choices(kinds, places, staff)

    def reload(self) -> None:
        """Read the catalogue again, keep the filter and the row being edited."""
        self.activities = self.app.db.read(activity_service.list_activities, include_inactive=True)
        self._apply_filter()

    def _apply_filter(self) -> None:
        words = fold(self.search.text()).split()
        kind = self.kind.currentData()
        rows = [
            a for a in self.activities
            if (a.active or self.show_inactive.isChecked()) and (kind is None or (a.kind or NO_KIND) == kind)
            and matches(a, words)
        ]
        self.model.set_rows(rows)
        self._select(self.form.record.id if self.form.record else None)
        self._update_summary()

    def _update_summary(self) -> None:
        shown = self.model.rowCount()
        total = sum(1 for a in self.activities if a.active)
        self.summary.setText(_("{shown} av {total} aktiva aktiviteter visas.").format(shown=shown, total=total))

    def _row_of(self, activity_id: int | None) -> int:
        return next((i for i, a in enumerate(self.model.rows) if a.id == activity_id), -1)

    def _select(self, activity_id: int | None) -> None:
        """Mark the row of the activity in the form, without opening it again."""
        row = self._row_of(activity_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row < 0:
            selection.clear()
        else:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index)
        selection.blockSignals(False)

    # --- choosing and saving ----------------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        chosen = self.model.row_at(current.row())
        if self.form.record and self.form.record.id == chosen.id:
            return
        if not confirm_unsaved(self, self.form):
            self._select(self.form.record.id if self.form.record else None)
            return
        self.open_activity(chosen.id)

    def open_activity(self, activity_id: int) -> None:
        """Show an activity in the form (fresh from the database)."""
        self.form.load(self.app.db.read(activity_service.get_activity, activity_id))
        self._select(activity_id)

    def new_activity(self) -> None:
        if not confirm_unsaved(self, self.form):
            return
        self._select(None)
        self.form.start_new()

    def _saved(self, info: ActivityInfo) -> None:
        self._select(info.id)  # the list was read again as the save was announced, before the form held it
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(_("Sparat: {name}.").format(name=info.name), 4000)

    def refresh(self, topics: set[str]) -> None:
        """Another page or tab changed something this tab shows."""
        if topics & {"places", "staff"}:
            self.reload_choices()
        if topics & {"activities", "places", "staff"}:
            self.reload()
            shown = self.form.record
            fresh = next((a for a in self.activities if shown and a.id == shown.id), None)
            if fresh is not None and fresh != shown and not self.form.has_unsaved_changes():
                self.form.load(fresh)

    def save_state(self) -> None:
        self.app.store.set_state("activities/catalogue-splitter", self.splitter.saveState())
