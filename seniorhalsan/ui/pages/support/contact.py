"""Ny kontakt: a support contact with the selected person in a few keystrokes; also the
correction of a contact already saved."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....operations.support import AddContact
from ....services import contacts, routes, staff
from ....services.contacts import ContactInfo
from ....services.lookups import ServiceInfo
from ....services.persons import PersonInfo
from ....vocabulary import CONTACT_KINDS, ROUTES
from ... import i18n
from ...common import AppContext, submit
from ...forms import DateField, FieldErrors, commit_dates, hint, select_data
from ...i18n import _
from ...layouts import FlowLayout
from .contact_edit import ContactCorrection
from .models import (
    EnterMovesOn,
    beside,
    choice_combo,
    compact,
    error_label,
    fill_staff,
    note_edit,
    number_edit,
    number_of,
    retranslate_choices,
)


class ContactForm(ContactCorrection, QGroupBox):
    """Date, kind and staff are filled in already; minutes, the checklist and a note are typed.

    With `start_edit` it holds a saved contact instead (`editing`), with that contact's service's
    checklist; `stop_edit` brings back the new-contact form as it was.
    """

    saved = Signal(object)  # ContactInfo
    corrected = Signal(object)  # ContactInfo, as saved
    stale = Signal()  # someone else changed or removed the contact being corrected
    cancelled = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.person: PersonInfo | None = None
        self.service: ServiceInfo | None = None
        self.task_boxes: dict[str, QCheckBox] = {}
        self.editing: ContactInfo | None = None
        self._editing_service: ServiceInfo | None = None
        self._original: dict[str, Any] = {}  # the corrected contact's values, to tell an edit
        self._kept: tuple[Any, ...] = ()  # the new-contact form's date, kind, staff and service while correcting
        self.own_staff_id: int | None = None  # the signed-in person's staff member (the page sets it)

        self.date = DateField(app.db.clock())
        self.kind = choice_combo(CONTACT_KINDS)
        self.staff = compact(QComboBox())
        self.minutes = number_edit(4, 90)
        self.route = choice_combo(ROUTES, empty=True)  # asked at the person's first contact with the service
        self.tasks = QWidget()
        self.tasks_grid = FlowLayout(self.tasks, grid=True)  # as many columns as the width allows
        self.tasks_grid.setContentsMargins(0, 0, 0, 0)
        self.note = note_edit(2)
        self.save = QPushButton()
        self.save.setProperty("primary", True)
        self.save.setAutoDefault(True)
        self.cancel = QPushButton()
        self.cancel.hide()
        self.help = hint()
        self.general = error_label()
        self.errors = FieldErrors(self.general)

        self.labels = {k: QLabel() for k in ("date", "kind", "staff", "minutes", "route", "tasks", "note")}
        for key, widget in (("date", self.date), ("kind", self.kind), ("staff", self.staff),
                            ("minutes", self.minutes), ("route", self.route), ("note", self.note)):
            beside(self.labels[key], widget)
        # Two pairs of fields a row, the service's checklist across the form, the note below it.
        top = Qt.AlignmentFlag.AlignTop
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for n, (key, field, widget) in enumerate((
            ("date", "date", self.date), ("kind", "contact_kind", self.kind),
            ("staff", "staff", self.staff), ("minutes", "minutes", self.minutes),
        )):
            row, column = divmod(n, 2)
            grid.addWidget(self.labels[key], row, column * 2, top)
            grid.addWidget(self.errors.add(field, widget), row, column * 2 + 1, top)
        grid.addWidget(self.labels["route"], 2, 0, top)
        self.route_box = self.errors.add("route", self.route)
        grid.addWidget(self.route_box, 2, 1, top)
        grid.addWidget(self.labels["tasks"], 3, 0, top)
        grid.addWidget(self.errors.add("tasks", self.tasks), 3, 1, 1, 3)
        grid.addWidget(self.labels["note"], 4, 0, top)
        grid.addWidget(self.errors.add("note", self.note), 4, 1, 1, 2, top)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        grid.addLayout(buttons, 4, 3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.help)
        layout.addLayout(grid)
        layout.addWidget(self.general)

        self.enter = EnterMovesOn(self)
        for widget in (self.date, self.kind, self.staff, self.minutes, self.route):
            widget.installEventFilter(self.enter)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_changes)
        self.save.clicked.connect(self.save_changes)
        self.cancel.clicked.connect(self.cancel_edit)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel_edit)
        self.retranslate()
        self.set_person(None)

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"date": _("&Datum:"), "kind": _("T&yp:"), "staff": _("&Medarbetare:"), "minutes": _("Minu&ter:"),
                 "route": _("Väg in:"), "tasks": _("Utfört:"), "note": _("Ant&eckning:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.date.setToolTip(_("Dagen för kontakten; i dag är förvalt"))
        self.kind.setToolTip(_("Förvalt är insatsens vanligaste typ av kontakt"))
        self.minutes.setToolTip(_("Hur länge kontakten tog, i minuter"))
        self.minutes.setPlaceholderText(_("min"))
        self.note.setPlaceholderText(_("Frivilligt. Ctrl+Enter sparar kontakten."))
        self.note.setToolTip(_("Bara det som behövs för arbetet"))
        self.cancel.setText(_("Avbryt"))
        self.cancel.setToolTip(_("Lämna kontakten som den var (Esc)"))
        retranslate_choices(self.kind, CONTACT_KINDS)
        retranslate_choices(self.route, ROUTES, _("(välj)"))
        self.route.setToolTip(_("Hur hittade personen till insatsen? Frågas vid personens första kontakt med den "
                                "och räknas i årets statistik."))
        if self.staff.count():
            self.staff.setItemText(self.staff.count() - 1, _("(ingen angiven)"))
        self._update_who()

    def _update_who(self) -> None:
        service = self.service.name if self.service else ""
        self.cancel.setVisible(self.editing is not None)
        if self.editing is not None:
            self.setTitle(_("Ändra kontakten {date} med {reference} – {service}").format(
                date=i18n.date_text(self.editing.contact_date, "short"),
                reference=self.editing.person_reference or "", service=self.editing.service_name))
            self.help.hide()
            self.save.setText(_("Spara ändringen"))
            self.save.setToolTip(_("Spara rättelsen av kontakten (Ctrl+Enter)"))
            return
        self.save.setText(_("Spara kontakt"))
        self.save.setToolTip(
            _("Spara kontakten (Ctrl+Enter). I formuläret går Enter vidare och mellanslag kryssar i."))
        if self.person is None:
            self.setTitle(_("Ny kontakt – {service}").format(service=service))
            self.help.setText(_("Välj en person i listan, eller lägg till en ny, för att skriva en kontakt."))
            self.help.show()
        else:
            self.setTitle(_("Ny kontakt med {reference} – {service}").format(
                reference=self.person.reference or "", service=service))
            self.help.hide()

    # --- the person and the service -----------------------------------------------------------
    def set_person(self, person: PersonInfo | None) -> None:
        """What is typed stays: a contact begun for the wrong person is just moved to the right one.
        A correction belongs to its contact's person, so it ends with another person."""
        if self.editing is not None and (person is None or person.id != self.editing.person_id):
            self.stop_edit()
        self.person = person
        self.setEnabled(person is not None)
        self.ask_route()
        self._update_who()

    def set_service(self, service: ServiceInfo) -> None:
        """The service's checklist and defaults; minutes and the note stay. A correction keeps its
        contact's checklist: the new service's comes when it ends."""
        self.service = service
        if self.editing is None:
            self._show_tasks(service)
            self.reload_defaults()
            self.ask_route()
        self._update_who()

    def _show_tasks(self, service: ServiceInfo) -> None:
        for box in self.task_boxes.values():
            self.tasks_grid.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.task_boxes = {}
        for task in service.tasks:
            box = QCheckBox(task.name)
            box.installEventFilter(self.enter)
            self.task_boxes[task.key] = box
            self.tasks_grid.addWidget(box)  # across, then the next line: the order Tab takes
            box.show()
        chain = [self.date, self.kind, self.staff, self.minutes, self.route, *self.task_boxes.values(), self.note,
                 self.save]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)
        self.tasks.setVisible(bool(service.tasks))
        self.labels["tasks"].setVisible(bool(service.tasks))

    def reload_defaults(self) -> None:
        """Kind and staff as the service usually has them (staff: the one last chosen here)."""
        if self.service is None:
            return
        defaults = self.app.db.read(contacts.contact_defaults, service=self.service.key)
        remembered = self._remembered_staff()
        own = self.app.db.read(staff.list_staff, service_key=self.service.key)
        everyone = self.app.db.read(staff.list_staff)
        known = {s.id for s in everyone}
        # the signed-in person's own contacts are the most common: their staff member first
        chosen = next((c for c in (self.own_staff_id, remembered, defaults.staff_id) if c in known), None)
        fill_staff(self.staff, own, everyone, chosen, _("(ingen angiven)"))
        select_data(self.kind, defaults.kind)

    def ask_route(self) -> None:
        """The question of how the person found the service, at their first contact with it (new, or the
        first one corrected); elsewhere it is hidden and leaves the recorded route as it is."""
        person, service = self.person, (self._editing_service if self.editing is not None else self.service)
        asked = None
        if person is not None and service is not None:
            asked = self.app.db.read(routes.route_question, person_id=person.id, service=service.key,
                                     contact_id=self.editing.id if self.editing is not None else None)
        shown = asked is not None and asked.ask
        select_data(self.route, asked.route if shown else None)
        self.route_box.setVisible(shown)
        self.labels["route"].setVisible(shown)

    def _state_key(self) -> str:
        return f"support/staff/{self.service.key if self.service else ''}"

    def _remembered_staff(self) -> int | None:
        raw = self.app.store.state(self._state_key())
        text = bytes(raw.data()).decode() if raw is not None else ""
        return int(text) if text.isdigit() else None

    def _remember_staff(self) -> None:
        chosen = self.staff.currentData()
        self.app.store.set_state(self._state_key(), QByteArray(str(chosen or "").encode()))

    # --- typing -----------------------------------------------------------------------------
    def focus_first(self) -> None:
        """Date, kind and staff are usually right already: start at the minutes (in a correction,
        at the date, the most common mistake)."""
        if self.editing is not None:
            self.date.setFocus()
            return
        self.minutes.setFocus()
        self.minutes.selectAll()

    def values(self) -> dict[str, Any]:
        """The form's fields, as `AddContact` and `UpdateContact` take them (without the person and the service)."""
        return {
            "contact_date": self.date.date_value(),
            "kind": self.kind.currentData(),
            "staff_id": self.staff.currentData(),
            "minutes": number_of(self.minutes),
            "tasks": tuple(key for key, box in self.task_boxes.items() if box.isChecked()),
            "note": self.note.toPlainText().strip() or None,
            "route": None if self.route_box.isHidden() else self.route.currentData(),
        }

    def has_changes(self) -> bool:
        """Typed minutes, a ticked box or a note; the prefilled date, kind and staff are not edits.
        In a correction, anything that differs from the saved contact."""
        if self.editing is not None:
            return self.values() != self._original
        return bool(self.minutes.text().strip() or self.note.toPlainText().strip()
                    or any(box.isChecked() for box in self.task_boxes.values()) or self.values()["route"])

    def save_changes(self) -> bool:
        if not commit_dates(self.errors, {"date": self.date}):  # a date typed, then Ctrl+S at once
            return False
        if self.editing is not None:
            return self._save_correction()
        if self.person is None or self.service is None:
            return not self.has_changes()
        ok, saved = submit(self, self.errors, lambda: self.app.perform(
            AddContact(self.person.id, self.service.key, **self.values())))
        if not ok:
            return False
        self._remember_staff()
        self.clear()
        self.ask_route()  # the next contact is no longer the first
        self.saved.emit(saved)
        return True

    def clear(self) -> None:
        """Ready for the next contact: date and kind stay, the rest is emptied."""
        self.errors.clear()
        self.minutes.clear()
        self.note.clear()
        self.route.setCurrentIndex(0)
        for box in self.task_boxes.values():
            box.setChecked(False)

    def discard_changes(self) -> None:
        if self.editing is not None:
            self.stop_edit()
            return
        self.clear()
        self.ask_route()
        self.date.set_date(self.app.db.clock())
