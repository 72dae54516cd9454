"""Gruppträffar and Utbildningar: a year's list for the chosen service and a form to add one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ....operations.support import AddGroupMeeting, AddTraining, DeleteGroupMeeting, DeleteTraining
from ....services import groups, places
from ....services.groups import GroupMeetingInfo, TrainingInfo
from ....vocabulary import GROUP_KINDS
from ... import i18n
from ...i18n import _
from ...models import Column
from .models import (
    choice_combo,
    compact,
    group_columns,
    number_edit,
    number_of,
    retranslate_choices,
    select_data,
    training_columns,
)
from .yearlist import YearListTab


class GroupsTab(YearListTab):

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
            ("date", "date", self.date, 1), ("kind", "group_kind", self.kind, 1),
            ("title", "group_title", self.group_title, 1), ("participants", "participants", self.participants, 1),
            ("place", "place", self.place, 1), ("staff", "staff", self.staff, 1),
            ("note", "note", self.note, 2),
        ]

    def last_field(self) -> QWidget:
        return self.note

    def retranslate(self) -> None:
        texts = {"date": _("&Datum:"), "kind": _("T&yp:"), "title": _("&Namn på gruppen:"),
                 "participants": _("Del&tagare:"), "place": _("P&lats:"), "staff": _("&Medarbetare:"),
                 "note": _("Ant&eckning:")}
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
            "participants": number_of(self.participants),
            "place_id": self.place.currentData(),
            "staff_id": self.staff.currentData(),
            "note": self.note.text().strip() or None,
        }

    def add(self, values: dict[str, Any]) -> GroupMeetingInfo:
        saved = self.app.perform(AddGroupMeeting(self.service.key, **values))
        if self.group_title.findText(saved.title) < 0:
            self.group_title.insertItem(0, saved.title)
        return saved

    def remove(self, record: GroupMeetingInfo) -> None:
        self.app.perform(DeleteGroupMeeting(record.id))

    def describe(self, record: GroupMeetingInfo) -> str:
        return _("Ta bort träffen {date} ({title}, {n} deltagare)? Det går inte att ångra.").format(
            date=i18n.date_text(record.held_on, "short"), title=record.title, n=i18n.number(record.participants))

    def typed_fields(self) -> dict[str, QLineEdit | QComboBox]:
        return {"title": self.group_title, "participants": self.participants, "note": self.note}

    def after_save(self) -> None:
        self.participants.clear()
        self.note.clear()
        self.participants.setFocus()

    def update_total(self) -> None:
        rows = self.model.rows
        participants = i18n.number(sum(r.participants for r in rows))
        self.total.setText(i18n.plural(len(rows), _("{n} träff, {participants} deltagare"),
                                       _("{n} träffar, {participants} deltagare"), participants=participants))


class TrainingsTab(YearListTab):
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
            ("date", "date", self.date, 1), ("audience", "audience", self.audience, 2),
            ("topic", "topic", self.topic_edit, 2), ("participants", "participants", self.participants, 1),
            ("minutes", "minutes", self.minutes, 1), ("staff", "staff", self.staff, 1),
        ]

    def last_field(self) -> QWidget:
        return self.staff

    def retranslate(self) -> None:
        texts = {"date": _("&Datum:"), "audience": _("Må&lgrupp:"), "topic": _("Äm&ne:"),
                 "participants": _("D&eltagare:"), "minutes": _("Minu&ter:"), "staff": _("&Medarbetare:")}
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
            "participants": number_of(self.participants),
            "minutes": number_of(self.minutes),
            "staff_id": self.staff.currentData(),
        }

    def add(self, values: dict[str, Any]) -> TrainingInfo:
        saved = self.app.perform(AddTraining(service=self.service.key, **values))
        if self.audience.findText(saved.audience) < 0:
            self.audience.insertItem(0, saved.audience)
        return saved

    def remove(self, record: TrainingInfo) -> None:
        self.app.perform(DeleteTraining(record.id))

    def describe(self, record: TrainingInfo) -> str:
        return _("Ta bort utbildningen {date} för {audience}? Det går inte att ångra.").format(
            date=i18n.date_text(record.held_on, "short"), audience=record.audience)

    def typed_fields(self) -> dict[str, QLineEdit | QComboBox]:
        return {"audience": self.audience, "topic": self.topic_edit, "participants": self.participants}

    def after_save(self) -> None:
        self.topic_edit.clear()
        self.participants.clear()
        self.audience.setFocus()

    def update_total(self) -> None:
        rows = self.model.rows
        self.total.setText(_("{sessions} utbildningar, {participants} deltagare").format(
            sessions=i18n.number(len(rows)), participants=i18n.number(sum(r.participants for r in rows))))
