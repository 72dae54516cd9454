"""Dialogs of the schedule: one entry (weekly or dated), and a term (new, copied, new dates).

Each dialog is handed a `submit` that calls the service; a refusal is shown next to its
field and the dialog stays open, so nothing is lost and nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ....errors import ValidationError
from ....periods import suggest_term_dates
from ....services.activities import ActivityInfo
from ....services.places import PlaceInfo
from ....services.schedule import EntryInfo, TermInfo
from ....services.staff import StaffInfo
from ...common import ask, show_error
from ...forms import DateField, FieldErrors, grow_to_fit, hint, select_data
from ...i18n import _
from ...layouts import WrapLabel
from .form import staff_label
from .grid import day_names, term_kind_name, term_label

TERM_ORDER = ("vt", "sommar", "ht")


def time_edit(value: dt.time | None, *, optional: bool = False) -> QTimeEdit:
    """hh:mm; an optional time shows 'ingen' at 00:00, which no activity ends at."""
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    if optional:
        edit.setSpecialValueText(_("ingen"))
    edit.setTime(QTime(value.hour, value.minute) if value else QTime(0, 0))
    return edit


def time_value(edit: QTimeEdit, *, optional: bool = False) -> dt.time | None:
    t = edit.time()
    if optional and t == edit.minimumTime():
        return None
    return dt.time(t.hour(), t.minute())


class SubmitDialog(QDialog):
    """OK calls `submit(values)`; refusals go next to their fields, anything else is reported."""

    def __init__(self, submit: Callable[[dict[str, Any]], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.outcome: Any = None  # what `submit` returned
        self.failure: Exception | None = None  # an error that was not a refused field
        self.general = WrapLabel()  # a refusal is never cut off
        self.general.hide()
        self.errors = FieldErrors(self.general)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Avbryt"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def try_accept(self) -> None:
        try:
            self.outcome = self.submit(self.values())
        except ValidationError as exc:
            self.errors.show(exc)
            grow_to_fit(self)  # the refusals are never cut off
            return
        except Exception as exc:
            self.failure = exc
            show_error(self, exc)
            self.reject()
            return
        self.accept()


class EntryDialog(SubmitDialog):
    """A weekly entry (weekday) or a dated event (date) of a term: what, where, when, who."""

    REMOVED = 2  # the dialog's result when the entry was taken off the schedule

    def __init__(
        self,
        *,
        term: TermInfo,
        activities: list[ActivityInfo],
        places: list[PlaceInfo],
        staff: list[StaffInfo],
        submit: Callable[[dict[str, Any]], Any],
        entry: EntryInfo | None = None,
        own_leader_id: int | None = None,
        dated: bool = False,
        weekday: int = 1,
        on_date: dt.date | None = None,
        place_id: int | None = None,
        starts_at: dt.time = dt.time(10),
        ends_at: dt.time | None = dt.time(11),
        remove: Callable[[], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self.entry = entry
        self.dated = entry.on_date is not None if entry else dated
        self.remove = remove
        if self.dated:
            title = _("Ändra datum i schemat") if entry else _("Lägg till ett datum")
        else:
            title = _("Ändra i veckoschemat") if entry else _("Lägg till i veckoschemat")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)

        shown = [a for a in activities if a.active or (entry and a.id == entry.activity_id)]
        self.activities = {a.id: a for a in shown}
        self.activity = QComboBox()
        for a in shown:
            self.activity.addItem(a.name + ("" if a.active else " " + _("(inaktiv)")), a.id)
        self.weekday = QComboBox()
        for number, name in enumerate(day_names(), start=1):
            self.weekday.addItem(name.capitalize(), number)
        self.on_date = DateField(on_date or term.starts_on)
        self.on_date.set_range(term.starts_on, term.ends_on)
        self.starts = time_edit(entry.starts_at if entry else starts_at)
        self.ends = time_edit(entry.ends_at if entry else ends_at, optional=True)
        self.place = QComboBox()
        for p in places:
            self.place.addItem(p.name, p.id)
        self.leader = QComboBox()
        self.leader.addItem("", None)
        for s in sorted(staff, key=lambda s: (not s.active, s.name)):
            if s.active or s.id == own_leader_id:
                self.leader.addItem(staff_label(s), s.id)
        self.note = QLineEdit()
        self.note.setMaxLength(255)

        rows = [("activity", _("&Aktivitet"), self.activity)]
        rows.append(("date", _("&Datum"), self.on_date) if self.dated else ("weekday", _("&Veckodag"), self.weekday))
        rows += [
            ("start", _("&Börjar"), self.starts),
            ("end", _("&Slutar"), self.ends),
            ("place", _("&Plats"), self.place),
            ("leader", _("&Ledare"), self.leader),
            ("note", _("A&nteckning"), self.note),
        ]
        for field, text, widget in rows:
            self.errors.row(self.form, field, QLabel(text), widget)
        self.form.addRow("", hint(_("Ledaren behöver bara väljas när någon annan än aktivitetens vanliga "
                                     "ledare leder.")))

        if entry is not None:
            select_data(self.activity, entry.activity_id)
            select_data(self.weekday, entry.weekday)
            if entry.on_date:
                self.on_date.set_date(entry.on_date)
            select_data(self.place, entry.place_id)
            select_data(self.leader, own_leader_id)
            self.note.setText(entry.note or "")
        else:
            select_data(self.weekday, weekday)
            select_data(self.place, place_id)
        self.ok_button.setText(_("Spara") if entry else _("Lägg till"))
        if entry is not None and remove is not None:
            self.remove_button = self.buttons.addButton(_("&Ta bort från schemat"),
                                                       QDialogButtonBox.ButtonRole.DestructiveRole)
            self.remove_button.clicked.connect(self._remove)
        self.activity.currentIndexChanged.connect(self._update_leader_text)
        self._update_leader_text()
        self.activity.setFocus()

    def _update_leader_text(self, *_args) -> None:
        activity = self.activities.get(self.activity.currentData())
        usual = activity.leader_name if activity else None
        self.leader.setItemText(0, _("Aktivitetens ledare ({name})").format(name=usual) if usual
                                else _("Aktivitetens ledare (ingen)"))

    def values(self) -> dict[str, Any]:
        values = {
            "activity_id": self.activity.currentData(),
            "place_id": self.place.currentData(),
            "starts_at": time_value(self.starts),
            "ends_at": time_value(self.ends, optional=True),
            "leader_id": self.leader.currentData(),
            "note": self.note.text().strip() or None,
        }
        if self.dated:
            values["on_date"] = self.on_date.date_value()
        else:
            values["weekday"] = self.weekday.currentData()
        return values

    def _remove(self) -> None:
        if not ask(self, _("Ta bort från schemat"),
                   _("Ta bort {what} från schemat? Tillfällen som redan är registrerade finns kvar.").format(
                       what=self.entry.activity_name), _("Ta bort")):
            return
        try:
            self.remove()
        except Exception as exc:
            self.failure = exc
            show_error(self, exc)
            self.reject()
            return
        self.done(self.REMOVED)


def next_term(kind: str, year: int) -> tuple[str, int]:
    index = TERM_ORDER.index(kind) + 1
    return (TERM_ORDER[index], year) if index < len(TERM_ORDER) else (TERM_ORDER[0], year + 1)


def copy_target(source: TermInfo, terms: list[TermInfo]) -> tuple[str, int]:
    """The term a copy most likely makes: spring → autumn, autumn → next spring, summer → next summer,
    moved on past terms that exist already."""
    taken = {(t.kind, t.year) for t in terms}
    kind, year = {"vt": ("ht", source.year), "ht": ("vt", source.year + 1), "sommar": ("sommar", source.year + 1)}[
        source.kind
    ]
    while (kind, year) in taken:
        kind, year = (kind, year + 1)
    return kind, year


class TermDialog(SubmitDialog):
    """A new term, a new term with a copied weekly schedule, or new dates for a term."""

    def __init__(
        self,
        mode: str,  # "new", "copy" or "edit"
        *,
        terms: list[TermInfo],
        submit: Callable[[dict[str, Any]], Any],
        term: TermInfo | None = None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(submit, parent)
        self.mode = mode
        self.terms = terms
        self.term = term
        self.setWindowTitle({"new": _("Ny termin"), "copy": _("Kopiera terminens schema"),
                             "edit": _("Ändra terminens datum")}[mode])
        self.setMinimumWidth(440)
        self.source = QComboBox()
        for t in terms:
            self.source.addItem(term_label(t), t.code)
        self.kind = QComboBox()
        for key in TERM_ORDER:
            self.kind.addItem(term_kind_name(key), key)
        self.year = QSpinBox()
        self.year.setRange(1990, today.year + 5)
        self.year.setGroupSeparatorShown(False)
        self.starts = DateField(today)
        self.ends = DateField(today)

        if mode == "copy":
            self.errors.row(self.form, "source", QLabel(_("&Kopiera från")), self.source)
            self.form.addRow("", hint(_("Veckoschemat kopieras. Datum med utflykter och evenemang kopieras inte.")))
        self.errors.row(self.form, "term", QLabel(_("&Termin")), self.kind)
        self.errors.row(self.form, "year", QLabel(_("&År")), self.year)
        self.errors.row(self.form, "starts_on", QLabel(_("&Första dag")), self.starts)
        self.errors.row(self.form, "ends_on", QLabel(_("&Sista dag")), self.ends)

        if mode == "edit" and term is not None:
            select_data(self.kind, term.kind)
            self.year.setValue(term.year)
            self.kind.setEnabled(False)
            self.year.setEnabled(False)
            self.starts.set_date(term.starts_on)
            self.ends.set_date(term.ends_on)
        elif mode == "copy" and term is not None:
            select_data(self.source, term.code)
            self._source_changed()
        else:
            later = [t for t in terms if t.ends_on >= today]
            this_term = ("ht" if today.month >= 6 else "vt", today.year)
            kind, year = next_term(later[-1].kind, later[-1].year) if later else this_term
            select_data(self.kind, kind)
            self.year.setValue(year)
            self._suggest()
        self.ok_button.setText({"new": _("Skapa"), "copy": _("Kopiera"), "edit": _("Spara")}[mode])
        self.source.currentIndexChanged.connect(self._source_changed)
        self.kind.currentIndexChanged.connect(self._suggest)
        self.year.valueChanged.connect(self._suggest)

    def _source_changed(self, *_args) -> None:
        source = next((t for t in self.terms if t.code == self.source.currentData()), None)
        if source is None:
            return
        kind, year = copy_target(source, self.terms)
        for widget in (self.kind, self.year):
            widget.blockSignals(True)
        select_data(self.kind, kind)
        self.year.setValue(year)
        for widget in (self.kind, self.year):
            widget.blockSignals(False)
        self._suggest()

    def _suggest(self, *_args) -> None:
        if self.mode == "edit":
            return
        starts, ends = suggest_term_dates(self.kind.currentData(), self.year.value(), self.terms)
        self.starts.set_date(starts)
        self.ends.set_date(ends)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"starts_on": self.starts.date_value(), "ends_on": self.ends.date_value()}
        if self.mode != "edit":
            values.update(kind=self.kind.currentData(), year=self.year.value())
        if self.mode == "copy":
            values["source_code"] = self.source.currentData()
        return values
