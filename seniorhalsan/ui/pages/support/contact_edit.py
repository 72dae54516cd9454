"""Correcting a saved contact in the Ny kontakt form: the form holds the contact, with its service's
checklist, until it is saved, cancelled (Esc) or someone else's change is shown instead."""

from __future__ import annotations

from ....errors import NotFound, UserError
from ....operations.support import UpdateContact
from ....services import contacts
from ....services.contacts import ContactInfo
from ....services.lookups import ServiceInfo
from ...common import submit
from ...forms import select_data
from ...i18n import _


class ContactCorrection:
    """The part of `ContactForm` that corrects a saved contact (`editing`)."""

    def start_edit(self, contact: ContactInfo, service: ServiceInfo) -> None:
        """Fill the form with a saved contact of `service` (its own, which may not be the one chosen)."""
        if self.editing is None:
            self._kept = (self.date.date_value(), self.kind.currentData(), self.staff.currentData(),
                          self.service.key if self.service else None)
        self.editing = contact
        self._editing_service = service
        self._show_tasks(service)
        self.errors.clear()
        self.date.set_date(contact.contact_date)
        select_data(self.kind, contact.kind)
        if contact.staff_id is not None and self.staff.findData(contact.staff_id) < 0:  # no longer active
            self.staff.insertItem(self.staff.count() - 1, contact.staff_name or "", contact.staff_id)
        self._select_staff(contact.staff_id)
        self.minutes.setText("" if contact.minutes is None else str(contact.minutes))
        for key, box in self.task_boxes.items():
            box.setChecked(key in contact.tasks)
        self.note.setPlainText(contact.note or "")
        self.ask_route()
        self._original = self.values()
        self._update_who()

    def _select_staff(self, staff_id: int | None) -> None:
        index = self.staff.findData(staff_id) if staff_id is not None else -1
        self.staff.setCurrentIndex(index if index >= 0 else self.staff.count() - 1)

    def stop_edit(self) -> None:
        """Back to a new contact: the chosen service's checklist, and the date, kind and staff it had."""
        if self.editing is None:
            return
        self.editing = None
        self._editing_service = None
        self._original = {}
        day, kind, staff_id, service_key = self._kept
        if self.service is not None:
            self._show_tasks(self.service)
            self.reload_defaults()
            if service_key == self.service.key:
                select_data(self.kind, kind)
                self._select_staff(staff_id)
        self.date.set_date(day)
        self.clear()
        self.ask_route()
        self._update_who()

    def cancel_edit(self) -> None:
        """Esc or Avbryt: the contact stays as it was."""
        if self.editing is None:
            return
        self.stop_edit()
        self.cancelled.emit()

    def _save_correction(self) -> bool:
        """All of it with the version it was read at, or nothing; a stale contact is shown afresh."""
        contact = self.editing
        if not self.has_changes():
            self.cancel_edit()
            return True
        self.errors.clear()
        ok, saved = submit(
            self, self.errors,
            lambda: self.app.perform(UpdateContact(contact.id, contact.version, **self.values())),
            on_stale=self._show_newer,
        )
        if not ok:
            return False
        self.stop_edit()
        self.corrected.emit(saved)
        return True

    def _show_newer(self, exc: UserError) -> None:
        """Someone else changed the contact meanwhile: the form takes theirs and says so; or it is gone."""
        try:
            current = self.app.db.read(contacts.get_contact, self.editing.id)
        except NotFound:
            current = None
        if current is None:
            self.stop_edit()
            self.errors.show_message(_("Kontakten finns inte längre; någon annan kan ha tagit bort den."))
        else:
            self.start_edit(current, self._editing_service)
            self.errors.show_message(str(exc))
        self.stale.emit()
