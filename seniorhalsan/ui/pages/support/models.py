"""Stödinsatser: the columns of its lists and the small widgets its forms share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from ....services.contacts import ContactInfo
from ....services.groups import GroupMeetingInfo, TrainingInfo
from ....services.persons import PersonInfo
from ....services.staff import StaffInfo
from ....vocabulary import CONTACT_KINDS, GENDERS, GROUP_KINDS
from ... import layouts
from ...forms import ERROR_STYLE, LinesEdit, count_validator, select_data
from ...i18n import _
from ...layouts import WrapLabel
from ...models import Column

# --- words ------------------------------------------------------------------------------------


def label_of(table: dict[str, str], key: str | None) -> str:
    """The label of a vocabulary key in the current language (the lists are written in Swedish)."""
    if key is None:
        return ""
    return _(table[key]) if key in table else key


def one_line(text: str | None, limit: int = 60) -> str:
    if not text:
        return ""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit and "\n" not in text.strip() else first[:limit].rstrip() + " …"


def born_text(birth_year: int, today: dt.date) -> str:
    return f"{birth_year} ({today.year - birth_year})"


def person_line(person: PersonInfo, today: dt.date) -> str:
    """One person in a heading: reference, name and age; no more than the work needs."""
    parts = [person.reference or ""]
    if person.name:
        parts.append(person.name)
    parts.append(_("född {year} ({age} år)").format(year=person.birth_year, age=today.year - person.birth_year))
    parts.append(label_of(GENDERS, person.gender).lower())
    return " · ".join(p for p in parts if p)


# --- columns ----------------------------------------------------------------------------------


def person_columns(today: Callable[[], dt.date]) -> list[Column[PersonInfo]]:
    return [
        Column(lambda: _("Referens"), lambda p: p.reference),
        Column(lambda: _("Namn"), lambda p: p.name, tooltip=lambda p: p.name or ""),
        Column(lambda: _("Född"), lambda p: born_text(p.birth_year, today()),
               tooltip=lambda p: _("Född {year}, {age} år i år").format(
                   year=p.birth_year, age=today().year - p.birth_year)),
        Column(lambda: _("Kön"), lambda p: label_of(GENDERS, p.gender)),
        Column(lambda: _("Senast"), lambda p: p.last_contact, "date", tooltip=lambda p: _("Senaste kontakten")),
    ]


def contact_columns(task_names: Callable[[ContactInfo], list[str]]) -> list[Column[ContactInfo]]:
    return [
        Column(lambda: _("Datum"), lambda c: c.contact_date, "date"),
        Column(lambda: _("Insats"), lambda c: c.service_name),
        Column(lambda: _("Typ"), lambda c: label_of(CONTACT_KINDS, c.kind)),
        Column(lambda: _("Medarbetare"), lambda c: c.staff_name),
        Column(lambda: _("Minuter"), lambda c: c.minutes, "number"),
        Column(lambda: _("Utfört"), lambda c: ", ".join(task_names(c)),
               tooltip=lambda c: "\n".join(task_names(c))),
        Column(lambda: _("Anteckning"), lambda c: one_line(c.note), tooltip=lambda c: c.note or ""),
    ]


def group_columns(staff_name: Callable[[int | None], str], place_name: Callable[[int | None], str]
                  ) -> list[Column[GroupMeetingInfo]]:
    return [
        Column(lambda: _("Datum"), lambda g: g.held_on, "date"),
        Column(lambda: _("Typ"), lambda g: label_of(GROUP_KINDS, g.kind)),
        Column(lambda: _("Grupp"), lambda g: g.title, tooltip=lambda g: g.title),
        Column(lambda: _("Deltagare"), lambda g: g.participants, "number"),
        Column(lambda: _("Plats"), lambda g: place_name(g.place_id)),
        Column(lambda: _("Medarbetare"), lambda g: staff_name(g.staff_id)),
        Column(lambda: _("Anteckning"), lambda g: one_line(g.note), tooltip=lambda g: g.note or ""),
    ]


def training_columns(staff_name: Callable[[int | None], str]) -> list[Column[TrainingInfo]]:
    return [
        Column(lambda: _("Datum"), lambda t: t.held_on, "date"),
        Column(lambda: _("Målgrupp"), lambda t: t.audience, tooltip=lambda t: t.audience),
        Column(lambda: _("Ämne"), lambda t: t.topic, tooltip=lambda t: t.topic or ""),
        Column(lambda: _("Deltagare"), lambda t: t.participants, "number"),
        Column(lambda: _("Minuter"), lambda t: t.minutes, "number"),
        Column(lambda: _("Medarbetare"), lambda t: staff_name(t.staff_id)),
    ]


# --- small widgets ----------------------------------------------------------------------------


def error_label() -> QLabel:
    """A refusal that concerns no single field (a conflict, a missing person)."""
    label = WrapLabel()  # read whole, however long
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def number_edit(digits: int, width: int = 90) -> QLineEdit:
    edit = QLineEdit()
    edit.setValidator(count_validator(edit))
    edit.setMaxLength(digits)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setMaximumWidth(width)
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0" * digits) + 24)
    return edit


def number_of(edit: QLineEdit) -> int | None:
    """The number in a field that takes digits only (`number_edit`); None when it is empty."""
    text = edit.text().strip()
    return int(text) if text.isdigit() else None


def note_edit(lines: int = 2) -> QPlainTextEdit:
    return LinesEdit(lines)


def beside(label: QLabel, widget: QWidget) -> QLabel:
    """A label level with its field even when a refusal is shown under the field."""
    label.setBuddy(widget)
    fixed = isinstance(widget, LinesEdit)  # a note edit of a set number of lines
    label.setMinimumHeight(min(widget.sizeHint().height(), 40) if fixed else widget.sizeHint().height())
    vertical = Qt.AlignmentFlag.AlignTop if fixed else Qt.AlignmentFlag.AlignVCenter
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | vertical)
    return label


def compact(combo: QComboBox, characters: int = 10) -> QComboBox:
    """A combo box that does not grow with its longest item (long group names, many staff)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def choice_combo(table: dict[str, str], empty: bool = False) -> QComboBox:
    """A choice among vocabulary keys; the labels are set by `retranslate_choices`."""
    combo = compact(QComboBox())
    if empty:
        combo.addItem("", None)
    for key in table:
        combo.addItem(key, key)
    return combo


def retranslate_choices(combo: QComboBox, table: dict[str, str], empty_text: str = "") -> None:
    for index in range(combo.count()):
        key = combo.itemData(index)
        combo.setItemText(index, empty_text if key is None else label_of(table, key))


def fill_staff(combo: QComboBox, own: list[StaffInfo], others: list[StaffInfo], selected: int | None,
               none_text: str) -> None:
    """The service's own staff first, then the rest of the unit, and 'nobody' last."""
    combo.blockSignals(True)
    combo.clear()
    own_ids = {s.id for s in own}
    for s in own:
        combo.addItem(s.name, s.id)
    rest = [s for s in others if s.id not in own_ids]
    if own and rest:
        combo.insertSeparator(combo.count())
    for s in rest:
        combo.addItem(s.name, s.id)
    combo.addItem(none_text, None)
    select_data(combo, selected)
    if selected is None:
        combo.setCurrentIndex(combo.count() - 1 if not own else 0)
    combo.blockSignals(False)


class EnterMovesOn(QObject):
    """Enter in a field moves on like Tab, so a form is filled in without the mouse."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QWidget)
        ):
            combo = watched if isinstance(watched, QComboBox) else None
            if combo is not None and combo.view().isVisible():
                return False
            watched.focusNextChild()
            return True
        return False


class SearchBox(QLineEdit):
    """Typing filters the list; Down goes into it."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class PersonList(QTableView):
    """Enter takes the chosen person to Ny kontakt; Up from the first row, or typing, goes back to
    the search."""

    chosen = Signal()
    leave_up = Signal()
    typed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leave_up.emit()
            return
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if plain and text.isprintable() and text.strip():
            self.typed.emit(text)
            return
        super().keyPressEvent(event)


def table(model, view: QTableView | None = None) -> QTableView:
    """A read-only list of whole rows, one selected at a time."""
    view = view if view is not None else QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    return view


scrolled = layouts.scrolled  # the card and the contact form scroll in a low window
