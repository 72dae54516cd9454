"""Gruppträffar and Utbildningar: a year's list for the chosen service and a form to add one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError, ValidationError
from ...services import groups, places, staff
from ...services.groups import GroupMeetingInfo, TrainingInfo
from ...services.lookups import ServiceInfo
from ...services.staff import StaffInfo
from ...vocabulary import GROUP_KINDS
from .. import i18n
from ..common import AppContext, show_error
from ..forms import DateField, FieldErrors
from ..i18n import _
from ..models import Column, RecordModel
from . import support_models
from .support_models import (
    beside,
    EnterMovesOn,
    choice_combo,
    compact,
    error_label,
    fill_staff,
    group_columns,
    number_edit,
    number_or_text,
    retranslate_choices,
    select_data,
    training_columns,
)
from .support_persons import table


class YearListTab(QWidget):
    """The form for a new record of the chosen service above, the year's records below."""

    topic = ""
    wide_column = 2  # the column that takes the room that is left (a group's name, a topic)
    PAIRS = 3  # label-and-field pairs a row of the form

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.service: ServiceInfo | None = None
        self.staff_names: dict[int, str] = {}
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
        header.setSectionResizeMode(self.wide_column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(70)
        self.delete = QPushButton()
        list_row = QHBoxLayout()
        list_row.addWidget(self.year_label)
        list_row.addWidget(self.year)
        list_row.addSpacing(12)
        list_row.addWidget(self.total, 1)
        list_row.addWidget(self.delete)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.form_box)
        layout.addLayout(list_row)
        layout.addWidget(self.view, 1)
        chain = [*self.chain, self.save, self.year, self.view, self.delete]
        for first, second in zip(chain, chain[1:]):
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

    def _form_layout(self) -> None:
        """The fields in rows of three label-and-field pairs, each refusal right under its field."""
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.setHorizontalSpacing(8)
        for pair in range(self.PAIRS):
            grid.setColumnStretch(pair * 2 + 1, 1)
        top = Qt.AlignmentFlag.AlignTop
        position = 0
        for key, field, widget, span in self.make_fields():
            if position % self.PAIRS + span > self.PAIRS:
                position += self.PAIRS - position % self.PAIRS
            row, pair = divmod(position, self.PAIRS)
            label = QLabel()
            beside(label, widget)
            self.labels[key] = label
            grid.addWidget(label, row, pair * 2, top)
            grid.addWidget(self.errors.add(field, widget), row, pair * 2 + 1, 1, span * 2 - 1, top)
            if not isinstance(widget, QLineEdit) or widget is not self.last_field():
                widget.installEventFilter(self.enter)
            self.chain.append(widget)
            position += span
        row = position // self.PAIRS  # the last column of the last row, or a row of its own
        grid.addWidget(self.save, row, self.PAIRS * 2 - 1, Qt.AlignmentFlag.AlignRight | top)
        layout = QVBoxLayout(self.form_box)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addLayout(grid)
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

    def typed_fields(self) -> list[QLineEdit | QComboBox]:
        """The fields that count as an unsaved edit when something is typed in them."""
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
        self._fill_staff(own, active, chosen if chosen is not None else (own[0].id if own else None))

    def _fill_staff(self, own: list[StaffInfo], active: list[StaffInfo], chosen: int | None) -> None:
        fill_staff(self.staff, own, active, chosen, _("(ingen angiven)"))

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

    def has_unsaved_changes(self) -> bool:
        for field in self.typed_fields():
            text = field.currentText() if isinstance(field, QComboBox) else field.text()
            if text.strip():
                return True
        return False

    def save_changes(self) -> bool:
        if self.service is None:
            return True
        try:
            saved = self.add(self.values())
        except ValidationError as exc:
            self.errors.show(exc)
            return False
        except UserError as exc:
            self.general.setText(str(exc))
            self.general.show()
            return False
        except Exception as exc:
            show_error(self, exc)
            return False
        self.errors.clear()
        self.after_save()
        if saved.held_on.year != self.year.value():
            self.year.setValue(saved.held_on.year)
        self.app.bus.notify(self.topic)
        row = next((i for i, r in enumerate(self.model.rows) if r.id == saved.id), -1)
        if row >= 0:
            self.view.selectRow(row)
        return True

    def discard_changes(self) -> None:
        for field in self.typed_fields():
            if isinstance(field, QComboBox):
                field.setEditText("")
            else:
                field.clear()
        self.errors.clear()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def delete_selected(self, confirmed: bool | None = None) -> bool:
        """Delete the selected row after asking (`confirmed` answers for the caller)."""
        record = self.selected()
        if record is None:
            return False
        if confirmed is None:
            confirmed = support_models.ask(self, _("Ta bort"), self.describe(record), _("Ta bort"))
        if not confirmed:
            return False
        try:
            self.remove(record)
        except Exception as exc:
            show_error(self, exc)
            self.load()
            return False
        self.app.bus.notify(self.topic)
        return True


class GroupsTab(YearListTab):
    topic = "groups"

    def columns(self) -> list[Column]:
        return group_columns(self.staff_name, self.place_name)

    def make_fields(self) -> list[tuple[str, str, QWidget, int]]:
        self.place_names: dict[int, str] = {}
        self.kind = choice_combo(GROUP_KINDS)
        self.group_title = compact(QComboBox(), 20)
        self.group_title.setEditable(True)
        self.group_title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.group_title.lineEdit().setMaxLength(120)
        self.group_title.activated.connect(self._title_chosen)
        self.participants = number_edit(5)
        self.place = compact(QComboBox())
        self.note = QLineEdit()
        self.note.setMaxLength(255)
        return [
            ("date", "Datum", self.date, 1), ("kind", "Typ av träff", self.kind, 1),
            ("title", "Namn på gruppen", self.group_title, 1), ("participants", "Deltagare", self.participants, 1),
            ("place", "Plats", self.place, 1), ("staff", "Medarbetare", self.staff, 1),
            ("note", "Anteckning", self.note, 2),
        ]

    def last_field(self) -> QWidget:
        return self.note

    def retranslate(self) -> None:
        texts = {"date": _("&Datum:"), "kind": _("&Typ:"), "title": _("&Namn på gruppen:"),
                 "participants": _("D&eltagare:"), "place": _("P&lats:"), "staff": _("&Medarbetare:"),
                 "note": _("&Anteckning:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.form_box.setTitle(_("Ny gruppträff"))
        self.group_title.setToolTip(_("Skriv ett nytt namn eller välj en grupp som har träffats förut"))
        self.participants.setToolTip(_("Hur många som kom"))
        self.save.setText(_("&Spara träffen"))
        self.save.setToolTip(_("Lägg till träffen (Ctrl+Enter)"))
        retranslate_choices(self.kind, GROUP_KINDS)
        if self.place.count():
            self.place.setItemText(0, _("(ingen angiven)"))
        super().retranslate()

    def reload_choices(self) -> None:
        super().reload_choices()
        today = self.app.db.clock()
        all_places = self.app.db.read(places.list_places)
        self.place_names = {p.id: p.name for p in all_places}
        chosen = self.place.currentData()
        self.place.blockSignals(True)
        self.place.clear()
        self.place.addItem(_("(ingen angiven)"), None)
        for p in sorted((p for p in all_places if p.in_use_on(today)), key=lambda p: p.name):
            self.place.addItem(p.name, p.id)
        select_data(self.place, chosen)
        self.place.blockSignals(False)
        typed = self.group_title.currentText()
        self.group_title.clear()
        if self.service is not None:
            self.group_title.addItems(self.app.db.read(groups.group_titles, service=self.service.key))
        self.group_title.setEditText(typed)

    def place_name(self, place_id: int | None) -> str:
        return self.place_names.get(place_id, "") if place_id is not None else ""

    def _title_chosen(self, _index: int) -> None:
        """A group met before: its kind, place and staff as last time."""
        title = self.group_title.currentText()
        earlier = next((g for g in self.model.rows if g.title == title), None)
        if earlier is None:
            return
        select_data(self.kind, earlier.kind)
        if earlier.place_id is not None:
            select_data(self.place, earlier.place_id)
        if earlier.staff_id is not None and self.staff.findData(earlier.staff_id) >= 0:
            select_data(self.staff, earlier.staff_id)

    def rows(self) -> list[GroupMeetingInfo]:
        return self.app.db.read(groups.list_group_meetings, service=self.service.key, year=self.year.value())

    def values(self) -> dict[str, Any]:
        return {
            "held_on": self.date.date_value(),
            "kind": self.kind.currentData(),
            "title": self.group_title.currentText().strip() or None,
            "participants": number_or_text(self.participants),
            "place_id": self.place.currentData(),
            "staff_id": self.staff.currentData(),
            "note": self.note.text().strip() or None,
        }

    def add(self, values: dict[str, Any]) -> GroupMeetingInfo:
        saved = self.app.db.call(groups.add_group_meeting, service=self.service.key, **values)
        if self.group_title.findText(saved.title) < 0:
            self.group_title.insertItem(0, saved.title)
        return saved

    def remove(self, record: GroupMeetingInfo) -> None:
        self.app.db.call(groups.delete_group_meeting, record.id)

    def describe(self, record: GroupMeetingInfo) -> str:
        return _("Ta bort träffen {date} ({title}, {n} deltagare)? Det går inte att ångra.").format(
            date=i18n.date_text(record.held_on, "short"), title=record.title, n=i18n.number(record.participants))

    def typed_fields(self) -> list[QLineEdit | QComboBox]:
        return [self.participants, self.note]

    def after_save(self) -> None:
        self.participants.clear()
        self.note.clear()
        self.participants.setFocus()

    def update_total(self) -> None:
        rows = self.model.rows
        self.total.setText(_("{meetings} träffar, {participants} deltagare").format(
            meetings=i18n.number(len(rows)), participants=i18n.number(sum(r.participants for r in rows))))


class TrainingsTab(YearListTab):
    topic = "trainings"
    wide_column = 1

    def columns(self) -> list[Column]:
        return training_columns(self.staff_name)

    def make_fields(self) -> list[tuple[str, str, QWidget, int]]:
        self.audience = compact(QComboBox(), 20)
        self.audience.setEditable(True)
        self.audience.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.audience.lineEdit().setMaxLength(255)
        self.topic_edit = QLineEdit()
        self.topic_edit.setMaxLength(255)
        self.participants = number_edit(5)
        self.minutes = number_edit(4)
        return [
            ("date", "Datum", self.date, 1), ("audience", "Målgrupp", self.audience, 2),
            ("topic", "Ämne", self.topic_edit, 2), ("participants", "Deltagare", self.participants, 1),
            ("minutes", "Minuter", self.minutes, 1), ("staff", "Medarbetare", self.staff, 1),
        ]

    def last_field(self) -> QWidget:
        return self.staff

    def retranslate(self) -> None:
        texts = {"date": _("&Datum:"), "audience": _("&Målgrupp:"), "topic": _("Äm&ne:"),
                 "participants": _("D&eltagare:"), "minutes": _("Minu&ter:"), "staff": _("Med&arbetare:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.form_box.setTitle(_("Ny utbildning"))
        self.audience.setToolTip(_("Vilka som utbildades, till exempel omsorgspersonal i hemtjänsten"))
        self.minutes.setToolTip(_("Hur länge utbildningen pågick, i minuter"))
        self.save.setText(_("&Spara utbildningen"))
        self.save.setToolTip(_("Lägg till utbildningen (Ctrl+Enter)"))
        super().retranslate()

    def reload_choices(self) -> None:
        super().reload_choices()
        typed = self.audience.currentText()
        self.audience.clear()
        self.audience.addItems(self.app.db.read(groups.training_audiences))
        self.audience.setEditText(typed)

    def rows(self) -> list[TrainingInfo]:
        everything = self.app.db.read(groups.list_trainings, year=self.year.value())
        return [t for t in everything if t.service_key in (None, self.service.key)]

    def values(self) -> dict[str, Any]:
        return {
            "held_on": self.date.date_value(),
            "audience": self.audience.currentText().strip() or None,
            "topic": self.topic_edit.text().strip() or None,
            "participants": number_or_text(self.participants),
            "minutes": number_or_text(self.minutes),
            "staff_id": self.staff.currentData(),
        }

    def add(self, values: dict[str, Any]) -> TrainingInfo:
        saved = self.app.db.call(groups.add_training, service=self.service.key, **values)
        if self.audience.findText(saved.audience) < 0:
            self.audience.insertItem(0, saved.audience)
        return saved

    def remove(self, record: TrainingInfo) -> None:
        self.app.db.call(groups.delete_training, record.id)

    def describe(self, record: TrainingInfo) -> str:
        return _("Ta bort utbildningen {date} för {audience}? Det går inte att ångra.").format(
            date=i18n.date_text(record.held_on, "short"), audience=record.audience)

    def typed_fields(self) -> list[QLineEdit | QComboBox]:
        return [self.topic_edit, self.participants]

    def after_save(self) -> None:
        self.topic_edit.clear()
        self.participants.clear()
        self.audience.setFocus()

    def update_total(self) -> None:
        rows = self.model.rows
        self.total.setText(_("{sessions} utbildningar, {participants} deltagare").format(
            sessions=i18n.number(len(rows)), participants=i18n.number(sum(r.participants for r in rows))))
