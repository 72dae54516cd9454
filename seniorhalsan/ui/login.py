"""Signing in, the unit head's first account, and the lock after a while without use."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from ..db.session import Actor, Database
from ..errors import UserError, ValidationError
from ..operations.accounts import CreateAccount
from ..services import accounts
from .forms import FieldErrors, grow_to_fit, hint
from .i18n import _


class LoginDialog(QDialog):
    """Username and password; on success the database acts as that user."""

    def __init__(self, db: Database, *, username: str = "", locked: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(_("Skärmen är låst") if locked else _("Logga in i Seniorhälsan"))
        self.intro = hint(
            _("Skärmen låstes efter en stund utan användning. Skriv ditt lösenord för att fortsätta; "
              "det du höll på med finns kvar.") if locked else
            _("Skriv ditt användarnamn och lösenord.")
        )
        self.username = QLineEdit(username)
        self.username.setReadOnly(locked)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        user_label = QLabel(_("&Användarnamn:"))
        user_label.setBuddy(self.username)
        password_label = QLabel(_("&Lösenord:"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Logga in"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Avsluta programmet") if locked else _("Avbryt"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> bool:
        try:
            self.actor = accounts.sign_in(self.db, username=self.username.text(), password=self.password.text())
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            grow_to_fit(self)
            self.password.clear()
            self.password.setFocus()
            return False
        self.db.actor = self.actor
        self.accept()
        return True


class FirstAccountDialog(QDialog):
    """A database for real use starts with the unit head's account; it cannot be skipped (Esc and
    the window's close button ask whether to quit the program instead)."""

    def __init__(self, db: Database, parent=None, *, leave_text: str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # what leaving without the account does: quit the program, or (from the demo) go back there
        self.leave_text = leave_text or _("Avsluta programmet")
        self.setWindowTitle(_("Enhetschefens konto"))
        self.intro = hint(_(
            "Programmet innehåller personuppgifter och kräver därför inloggning. Skapa först enhetschefens "
            "konto; enhetschefen lägger sedan upp konton för medarbetarna."
        ))
        self.errors = FieldErrors(QLabel())
        self.errors.general.setWordWrap(True)
        self.errors.general.hide()
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.as_staff = QCheckBox(_("Lägg också till mig bland &medarbetarna, som enhetschef"))
        self.as_staff.setChecked(True)
        self.as_staff.setToolTip(_("Då kommer dina egna uppgifter först i listorna, och du kan leda aktiviteter."))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.errors.row(form, "username", QLabel(_("&Användarnamn:")), self.username)
        self.errors.row(form, "name", QLabel(_("&Namn:")), self.display_name)
        self.errors.row(form, "password", QLabel(_("&Lösenord:")), self.password)
        self.errors.row(form, "repeat", QLabel(_("&Upprepa lösenordet:")), self.repeat)
        form.addRow("", self.as_staff)
        self.username.setPlaceholderText(_("små bokstäver, t.ex. karin.e"))
        self.password.setPlaceholderText(_("minst 10 tecken, gärna några ord i rad"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Skapa kontot"))
        buttons.accepted.connect(self.create)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        # the dialog grows with the refusals under the fields, so that none is cut off
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never narrower than its fields
        self.setMinimumWidth(520)

    def create(self) -> bool:
        if self.password.text() != self.repeat.text():
            self._refused(ValidationError.of("repeat", _("lösenorden är inte lika.")))
            return False
        try:
            self.db.perform(CreateAccount(username=self.username.text(), password=self.password.text(),
                                          role="enhetschef", display_name=self.display_name.text().strip() or None,
                                          new_staff=self.as_staff.isChecked()))
            self.db.actor = accounts.sign_in(self.db, username=self.username.text(), password=self.password.text())
        except ValidationError as exc:
            self._refused(exc)
            return False
        self.accept()
        return True

    def _refused(self, exc: ValidationError) -> None:
        self.errors.show(exc)
        grow_to_fit(self)

    def reject(self) -> None:
        """Esc or the close button: the account is not skipped; quit the program, or go on."""
        if self.ask_quit():
            super().reject()

    def ask_quit(self) -> bool:
        """True to leave without the account (a method, so that the tests can answer it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Enhetschefens konto"))
        box.setText(_("Utan enhetschefens konto kan programmet inte användas med riktiga uppgifter."))
        box.setInformativeText(_("Kontot skyddar personuppgifterna. Skapa det nu, eller gå härifrån och "
                                 "skapa det nästa gång enhetens databas öppnas."))
        go_on = box.addButton(_("Skapa kontot"), QMessageBox.ButtonRole.AcceptRole)
        quit_button = box.addButton(self.leave_text, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(go_on)
        box.setEscapeButton(go_on)
        box.exec()
        return box.clickedButton() is quit_button


class IdleLock(QObject):
    """Locks the window after a set time without keyboard or mouse; the work stays as it was."""

    INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel})

    def __init__(self, window, db: Database, minutes: int) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        self.locked = False
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in self.INPUT and not self.locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.db.actor is None or self.locked:
            return
        self.locked = True
        username = self.db.actor.username
        self.window.setEnabled(False)
        dialog = LoginDialog(self.db, username=username, locked=True, parent=self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.window.setEnabled(True)
        self.locked = False
        if not accepted:
            self.window.close()
            return
        self.timer.start()
