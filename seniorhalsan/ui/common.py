"""What every page shares: the app context, the page base class, change notices, errors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget

from ..errors import Conflict, NotFound, UserError, ValidationError
from ..paths import log_file
from . import i18n
from .forms import FieldErrors
from .i18n import _
from .settings import Settings, SettingsStore
from .worker import OpRunner

if TYPE_CHECKING:
    from ..db.session import Database
    from ..operations import Operation, Outcome

T = TypeVar("T")

log = logging.getLogger(__name__)


class ChangeBus(QObject):
    """After an operation, one signal says what it changed ({"attendance"}); pages refresh
    themselves. Only `AppContext.perform` and `perform_later` emit it."""

    changed = Signal(object)


@dataclass
class AppContext:
    db: Database  # None only while the window starts, before the database is open
    ops: OpRunner
    store: SettingsStore
    settings: Settings
    bus: ChangeBus

    def save_settings(self) -> None:
        self.store.save(self.settings)

    def perform(self, operation: Operation[T]) -> T:
        """Apply a user action now, on the GUI thread (a quick save); the pages showing what it
        changed refresh. A refusal is raised to the caller, which shows it by its field."""
        outcome = self.db.perform(operation)
        self._announce(outcome)
        return outcome.value

    def perform_later(self, operation: Operation[T], *, on_done: Callable[[T], None],
                      on_error: Callable[[Exception], None]) -> None:
        """Apply a long user action (an import, the demo year) off the GUI thread."""

        def done(outcome: Outcome[T]) -> None:
            self._announce(outcome)
            on_done(outcome.value)

        self.ops.run(lambda: self.db.perform(operation), on_done=done, on_error=on_error)

    def _announce(self, outcome: Outcome[Any]) -> None:
        if outcome.changes:
            self.bus.changed.emit(set(outcome.changes.topics))

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None], **kwargs: Any) -> None:
        """Run a reading service function off the GUI thread, in its own transaction."""
        self.ops.run(lambda: self.db.read(fn, *args, **kwargs), on_done=on_done, on_error=on_error)


class Page(QWidget):
    """A page of the main window, registered in `pages.PAGES` (which sets its `key`)."""

    key = ""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        # bound methods, not lambdas: Qt drops the connection when the page is deleted
        i18n.notifier.changed.connect(self._language_changed)
        app.bus.changed.connect(self.on_changed)

    def _language_changed(self, _language: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def activated(self) -> None:
        """The page is shown: refresh what may have changed elsewhere."""

    def on_changed(self, topics: set[str]) -> None:
        """Another page saved something."""

    def has_unsaved_changes(self) -> bool:
        return False

    def save_changes(self) -> bool:
        """Save pending edits; False if they were refused (the page shows why)."""
        return True

    def discard_changes(self) -> None:
        pass


def select_row_quietly(view: QAbstractItemView, row: int) -> None:
    """Select a row (or, with -1, none) without the view telling of it as the user's new choice:
    the page already shows what is selected, or has just kept it after asking."""
    selection = view.selectionModel()
    selection.blockSignals(True)
    if row >= 0:
        index = view.model().index(row, 0)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        view.scrollTo(index)
    else:
        selection.clear()
    selection.blockSignals(False)
    view.viewport().update()


def show_error(parent: QWidget | None, exc: Exception, title: str | None = None) -> None:
    """A refusal in the service's own words, or a calm note for a bug (details to the log)."""
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, title or _("Det gick inte"), str(exc))
        return
    log.error("Oväntat fel i fönstret", exc_info=exc)
    QMessageBox.critical(
        parent,
        _("Oväntat fel"),
        _("Ett oväntat fel inträffade och inget sparades. Detaljerna finns i loggfilen:") + f"\n{log_file()}",
    )


def submit(
    parent: QWidget, errors: FieldErrors, call: Callable[[], Any], *,
    on_stale: Callable[[UserError], None] | None = None,
) -> tuple[bool, Any]:
    """Run a form's service call: refused fields under their fields, other refusals in the
    form's general label, a bug as a calm message. Returns (saved, result).

    With `on_stale`, a record that someone else changed or removed meanwhile (Conflict,
    NotFound) goes there instead, so the form can show the newer values."""
    try:
        return True, call()
    except ValidationError as exc:
        errors.show(exc)
    except (Conflict, NotFound) as exc:
        if on_stale is None:
            errors.show_message(str(exc))
        else:
            on_stale(exc)
    except UserError as exc:
        errors.show_message(str(exc))
    except Exception as exc:
        show_error(parent, exc)
    return False, None


def ask(parent: QWidget, title: str, text: str, yes: str | None = None) -> bool:
    """A yes/no question before something cannot be undone, the action named on its button
    (Ta bort unless told); No is the default answer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    accept = box.addButton(yes or _("Ta bort"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def ask_save_discard(parent: QWidget, text: str, *, discard_text: str | None = None) -> str:
    """'save', 'discard' or 'cancel' for edits that are not saved; Save is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Osparade ändringar"))
    box.setText(text)
    save = box.addButton(_("Spara"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(discard_text or _("Släng ändringarna"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def confirm_unsaved(parent: QWidget, page: Page) -> bool:
    """Ask before leaving a page with unsaved changes; True if it is fine to leave."""
    if not page.has_unsaved_changes():
        return True
    answer = ask_save_discard(parent, _("Du har ändringar som inte är sparade. Vill du spara dem?"))
    if answer == "save":
        return page.save_changes()
    if answer == "discard":
        page.discard_changes()
        return True
    return False
