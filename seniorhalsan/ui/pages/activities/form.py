"""The edit form of one activity: the catalogue's fields, refusals shown next to them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....errors import NotFound, UserError
from ....operations.catalogue import CreateActivity, UpdateActivity
from ....services import activities as activity_service
from ....services.activities import ActivityInfo
from ....services.lookups import KindInfo
from ....services.places import PlaceInfo
from ....services.staff import StaffInfo
from ... import i18n
from ...common import show_error, submit
from ...forms import ERROR_STYLE, FieldErrors, heading, hint, select_data
from ...i18n import _
from ...layouts import WrapLabel, flow, narrow_combo, scrolled, stacking_form

DESCRIPTION_MAX = 2000  # what the service accepts
DESCRIPTION_ADVICE = 400  # about what fits beside the schedule in the folder at a large type size


def staff_label(person: StaffInfo) -> str:
    """A leader as the combo shows it: volunteers and those who left are marked."""
    marks = []
    if person.kind == "volontar":
        marks.append(_("volontär"))
    elif person.kind == "extern":
        marks.append(_("extern"))
    if not person.active:
        marks.append(_("slutat"))
    return person.name + (f" ({', '.join(marks)})" if marks else "")


def fill_combo(combo: QComboBox, items: list[tuple[str, Any]], *, none_text: str | None = None) -> None:
    """Refill a combo with (text, data) pairs and keep what was chosen."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(chosen)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


class ActivityForm(QWidget):
    """Name, kind, folder text, usual place, leader and flags; New, Save and Discard.

    It answers `has_unsaved_changes`, `save_changes` and `discard_changes` like a page,
    so `confirm_unsaved` can ask about it before another activity is opened.
    """

    saved = Signal(object)  # ActivityInfo
    reloaded = Signal()  # someone else's save was loaded instead of the user's
    dirty_changed = Signal(bool)

    def __init__(self, app, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.record: ActivityInfo | None = None
        self._baseline: dict[str, Any] = {}
        self._dirty = False

        self.title = heading()
        self.name = QLineEdit()
        self.kind = narrow_combo(QComboBox())
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(110)
        self.description.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.count = WrapLabel()
        self.description_hint = hint()
        self.place = narrow_combo(QComboBox())
        self.leader = narrow_combo(QComboBox())
        self.digital = QCheckBox()
        self.outdoors = QCheckBox()
        self.needs_signup = QCheckBox()
        self.signup = QLineEdit()
        self.signup.setMaxLength(255)
        self.active = QCheckBox()
        self.banner = WrapLabel()
        self.banner.setProperty("role", "banner")
        self.banner.hide()
        self.general = WrapLabel()  # a refusal is never cut off
        self.general.hide()
        self.errors = FieldErrors(self.general)

        self.labels = {key: QLabel() for key in ("name", "kind", "description", "place", "leader", "signup")}
        form = stacking_form(QFormLayout())
        self.errors.row(form, "name", self.labels["name"], self.name)
        self.errors.row(form, "kind", self.labels["kind"], self.kind)
        description_box = QWidget()
        description_layout = QVBoxLayout(description_box)
        description_layout.setContentsMargins(0, 0, 0, 0)
        description_layout.setSpacing(2)
        description_layout.addWidget(self.description)
        description_layout.addWidget(self.count)
        description_layout.addWidget(self.description_hint)
        self.labels["description"].setBuddy(self.description)
        form.addRow(self.labels["description"], self.errors.add("description", description_box))
        self.errors.widgets["description"] = self.description  # the red frame goes on the text itself
        self.errors.row(form, "place", self.labels["place"], self.place)
        self.errors.row(form, "leader", self.labels["leader"], self.leader)
        flags = QVBoxLayout()
        for box in (self.digital, self.outdoors, self.needs_signup, self.active):
            flags.addWidget(box)
        self.flags_label = QLabel()
        form.addRow(self.flags_label, flags)
        # how to sign up, printed in the folder; empty: the unit's own phone is printed
        self.errors.row(form, "signup", self.labels["signup"], self.signup)

        self.new = QPushButton()
        self.discard = QPushButton()
        self.save = QPushButton()
        self.save.setProperty("primary", True)
        buttons = flow(self.new, self.discard, self.save)

        # the fields scroll when refusals make them tall; title and buttons stay in sight
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 6, 0)
        fields_layout.addLayout(form)
        fields_layout.addWidget(self.general)
        fields_layout.addStretch(1)
        self.scroll = scrolled(fields)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)

        self.name.textChanged.connect(self._changed)
        self.signup.textChanged.connect(self._changed)
        self.description.textChanged.connect(self._changed)
        for combo in (self.kind, self.place, self.leader):
            combo.currentIndexChanged.connect(self._changed)
        for box in (self.digital, self.outdoors, self.needs_signup, self.active):
            box.toggled.connect(self._changed)
        self.save.clicked.connect(self.save_changes)
        self.name.returnPressed.connect(self.save_changes)  # Enter in the name saves, as in a dialog
        self.discard.clicked.connect(self.discard_changes)

        self.retranslate()
        self._update()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.labels["name"].setText(_("&Namn"))
        self.labels["kind"].setText(_("&Typ"))
        self.labels["description"].setText(_("&Beskrivning i foldern"))
        self.labels["place"].setText(_("Vanlig &plats"))
        self.labels["leader"].setText(_("&Ledare"))
        self.flags_label.setText(_("Egenskaper"))
        self.description_hint.setText(_("Texten trycks i foldern för äldre läsare: skriv kort, med enkla ord."))
        self.digital.setText(_("&Digital (deltar hemifrån)"))
        self.outdoors.setText(_("&Utomhus"))
        self.needs_signup.setText(_("Anm&älan krävs"))
        self.labels["signup"].setText(_("S&å anmäler man sig"))
        self.signup.setPlaceholderText(_("Tomt: foldern säger att man ringer enhetens telefonnummer"))
        self.signup.setToolTip(_("Till exempel: Ring Lena, 08-123 456 78. Trycks i foldern vid aktiviteten."))
        self.active.setText(_("A&ktiv (kan läggas på schemat)"))
        self.new.setText(_("Ny aktivit&et"))
        self.new.setToolTip(_("Töm formuläret för en ny aktivitet"))
        self.discard.setText(_("Ång&ra ändringar"))
        self.save.setText(_("&Spara"))
        self.save.setToolTip(_("Spara aktiviteten (Ctrl+S)"))
        self._update_title()
        self._update_count()

    def _update_title(self) -> None:
        self.title.setText(self.record.name if self.record else _("Ny aktivitet"))

    def _update_count(self) -> None:
        length = len(self.description.toPlainText().strip())
        text = _("{n} tecken").format(n=i18n.number(length))
        if length > DESCRIPTION_MAX:
            text += " – " + _("för lång, högst {n}").format(n=i18n.number(DESCRIPTION_MAX))
            self.count.setStyleSheet(ERROR_STYLE)
        elif length > DESCRIPTION_ADVICE:
            text += " – " + _("lång för foldern; runt {n} räcker oftast").format(n=i18n.number(DESCRIPTION_ADVICE))
            self.count.setStyleSheet("color: #7a4a00;")
        else:
            self.count.setStyleSheet("color: #444444;")
        self.count.setText(text)

    # --- choices ----------------------------------------------------------------------------
    def set_choices(self, kinds: list[KindInfo], places: list[PlaceInfo], staff: list[StaffInfo]) -> None:
        """Fill the combos; what the form shows stays chosen (and unsaved edits stay unsaved)."""
        dirty = self.has_unsaved_changes()
        today = self.app.db.clock()
        # "(ej angiven)" for an activity an import made without a type; the service refuses it for
        # one that has a type
        fill_combo(self.kind, [(k.name, k.key) for k in kinds], none_text=_("(ej angiven)"))
        fill_combo(
            self.place,
            [(p.name + ("" if p.in_use_on(today) else " " + _("(stängd)")), p.id) for p in places],
            none_text=_("(ingen fast plats)"),
        )
        ordered = sorted(staff, key=lambda s: (not s.active, s.name))
        fill_combo(self.leader, [(staff_label(s), s.id) for s in ordered], none_text=_("(ingen ledare)"))
        if not dirty:
            self._baseline = self.values()
        self._update()

    # --- the record -------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Keyword arguments for the services, as the form shows them now."""
        return {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "description": self.description.toPlainText().strip() or None,
            "place_id": self.place.currentData(),
            "leader_id": self.leader.currentData(),
            "digital": self.digital.isChecked(),
            "outdoors": self.outdoors.isChecked(),
            "needs_signup": self.needs_signup.isChecked(),
            "active": self.active.isChecked(),
            "signup": self.signup.text().strip() or None,
        }

    def load(self, record: ActivityInfo | None) -> None:
        """Show an activity (None: an empty form for a new one)."""
        self.record = record
        widgets = (self.name, self.description, self.kind, self.place, self.leader,
                   self.digital, self.outdoors, self.needs_signup, self.active, self.signup)
        for widget in widgets:
            widget.blockSignals(True)
        if record is None:
            self.name.clear()
            self.description.clear()
            self.signup.clear()
            select_data(self.kind, None)  # chosen by the coordinator, not guessed
            self.place.setCurrentIndex(0)
            self.leader.setCurrentIndex(0)
            for box in (self.digital, self.outdoors, self.needs_signup):
                box.setChecked(False)
            self.active.setChecked(True)
        else:
            self.name.setText(record.name)
            self.description.setPlainText(record.description or "")
            select_data(self.kind, record.kind)
            select_data(self.place, record.place_id)
            select_data(self.leader, record.leader_id)
            self.digital.setChecked(record.digital)
            self.outdoors.setChecked(record.outdoors)
            self.needs_signup.setChecked(record.needs_signup)
            self.signup.setText(record.signup or "")
            self.active.setChecked(record.active)
        for widget in widgets:
            widget.blockSignals(False)
        self._baseline = self.values()
        self.errors.clear()
        self.banner.hide()
        self._update_title()
        self._update()

    def start_new(self) -> None:
        self.load(None)
        self.name.setFocus()

    def _changed(self, *_args) -> None:
        self._update()

    def _update(self) -> None:
        self._update_count()
        self.signup.setEnabled(self.needs_signup.isChecked())
        dirty = self.has_unsaved_changes()
        self.save.setEnabled(dirty or self.record is None)
        self.discard.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    # --- what a page answers ----------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.values() != self._baseline

    def save_changes(self) -> bool:
        if self.record is not None and not self.has_unsaved_changes():
            return True
        values = self.values()
        if self.record is None:
            operation: CreateActivity | UpdateActivity = CreateActivity(**values)
        else:
            operation = UpdateActivity(activity_id=self.record.id, version=self.record.version, **values)
        saved, info = submit(self, self.errors, lambda: self.app.perform(operation), on_stale=self._stale)
        if saved:
            self.load(info)
            self.saved.emit(info)
        return saved

    def _stale(self, exc: UserError) -> None:
        """Someone else saved first: show theirs, say so, and let the user do it again."""
        try:
            self.load(self.app.db.read(activity_service.get_activity, self.record.id))
        except NotFound:
            self.load(None)
        self.banner.setText(str(exc))
        self.banner.show()
        self.reloaded.emit()

    def discard_changes(self) -> None:
        if self.record is None:
            self.load(None)
            return
        try:
            self.load(self.app.db.read(activity_service.get_activity, self.record.id))
        except Exception as exc:
            show_error(self, exc)
            self.load(None)
