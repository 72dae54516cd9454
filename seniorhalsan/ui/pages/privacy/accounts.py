"""Konton: the unit's accounts, each tied to the staff member who signs in with it, and a new one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....errors import UserError, ValidationError
from ....operations.accounts import CreateAccount, DisableAccount, SetPassword, TieAccountToStaff, UnlockAccount
from ....roles import ROLES
from ....services import accounts
from ....services import staff as staff_service
from ....services.lookups import services as list_services
from ...common import show_error, submit
from ...forms import FieldErrors, hint, select_data
from ...i18n import _
from ...layouts import FlowLayout, flow, narrow_combo, scrolled
from ...models import Column, RecordModel
from ...table_widths import ColumnWidths

# the role a new account starts with is the least powerful one: a mistake shows too little, never too much
ROLE_ORDER = ("lasare", "instruktor", "samordnare", "enhetschef")


def account_columns() -> list[Column]:
    return [
        Column(lambda: _("Användarnamn"), lambda a: a.username),
        Column(lambda: _("Namn"), lambda a: a.display_name or ""),
        Column(lambda: _("Medarbetare"), lambda a: a.staff_name or ""),
        Column(lambda: _("Roll"), lambda a: a.role_label),
        Column(lambda: _("Insatser"), lambda a: ", ".join(a.service_names)),
        Column(lambda: _("Senast inloggad"), lambda a: a.last_login.strftime("%Y-%m-%d %H:%M") if a.last_login else ""),
        Column(lambda: _("Avstängt"), lambda a: not a.active, "check"),
        Column(lambda: _("Låst till"), lambda a: a.locked_until.strftime("%H:%M") if a.locked_until else ""),
    ]


class AccountsTab(QWidget):
    def __init__(self, app, ask, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.ask = ask  # yes or no from the user (the page's, so that the tests can answer it)
        self.staff: list = []
        self.tied: set[int] = set()  # staff members who have an active account
        self.accounts = RecordModel(account_columns(), highlight=lambda a: None if a.active else "muted", parent=self)
        self.accounts_view = QTableView()
        self.accounts_view.setModel(self.accounts)
        self.accounts_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.accounts_view.verticalHeader().hide()
        # columns as wide as their contents at the text size: the table scrolls sideways when narrow
        ColumnWidths(self.accounts_view, {0: "karin.berg", 1: "Karin Berg", 2: "Karin Berg", 3: "Samordnare",
                                          5: "2026-11-17 14:30", 6: "", 7: "14:30"},
                     fill=4, fill_sample="IT-stöd, Fixartjänst")
        self.no_accounts = hint()
        self.disable_button = QPushButton()
        self.disable_button.clicked.connect(self._disable)
        self.password_button = QPushButton()
        self.password_button.clicked.connect(self._reset_password)
        self.unlock_button = QPushButton()
        self.unlock_button.clicked.connect(lambda: self.unlock(getattr(self._selected_account(), "username", "")))
        self.staff_button = QPushButton()
        self.staff_button.clicked.connect(self._choose_staff)

        self.account_errors = FieldErrors(QLabel())
        self.new_username = QLineEdit()
        self.new_name = QLineEdit()
        self.new_staff = narrow_combo(QComboBox())
        self.new_staff.currentIndexChanged.connect(self._staff_chosen)
        self.new_role = QComboBox()
        for key in ROLE_ORDER:
            self.new_role.addItem(ROLES[key], key)
        self.new_role.currentIndexChanged.connect(self._role_changed)
        self.service_names = {s.key: s.name for s in self.app.db.read(list_services)}
        self.service_boxes: dict[str, QCheckBox] = {}
        services_row = QWidget()
        services_layout = FlowLayout(services_row, grid=True)  # as many columns as fit, one when narrow
        for key, name in self.service_names.items():
            box = QCheckBox(name)
            self.service_boxes[key] = box
            services_layout.addWidget(box)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_repeat = QLineEdit()
        self.new_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.staff_hint = hint()
        self.labels = {key: QLabel() for key in ("user", "name", "staff", "role", "services", "password", "repeat")}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.account_errors.row(form, "username", self.labels["user"], self.new_username)
        self.account_errors.row(form, "staff", self.labels["staff"], self.new_staff)
        form.addRow("", self.staff_hint)
        self.account_errors.row(form, "name", self.labels["name"], self.new_name)
        self.account_errors.row(form, "role", self.labels["role"], self.new_role)
        self.account_errors.row(form, "services", self.labels["services"], services_row)
        self.account_errors.row(form, "password", self.labels["password"], self.new_password)
        self.account_errors.row(form, "repeat", self.labels["repeat"], self.new_repeat)
        self.create_button = QPushButton()
        self.create_button.setProperty("primary", True)
        self.create_button.clicked.connect(self.create_account)
        self.new_box = QGroupBox()
        new_layout = QVBoxLayout(self.new_box)
        new_layout.addLayout(form)
        self.account_errors.general.setWordWrap(True)
        new_layout.addWidget(self.account_errors.general)
        new_layout.addWidget(self.create_button)
        new_layout.addStretch(1)

        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.no_accounts)
        left.addWidget(self.accounts_view, 1)
        left.addWidget(flow(self.disable_button, self.password_button, self.unlock_button, self.staff_button))
        layout.addLayout(left, 3)
        self.new_box.setMaximumWidth(self.new_box.fontMetrics().averageCharWidth() * 55)
        layout.addWidget(scrolled(self.new_box, sideways=False), 2)  # a low window scrolls the new account
        self._role_changed()

    def retranslate(self) -> None:
        self.disable_button.setText(_("Stäng av &kontot"))
        self.password_button.setText(_("N&ytt lösenord …"))
        self.unlock_button.setText(_("Lås u&pp"))
        self.staff_button.setText(_("Knyt till medar&betare …"))
        self.staff_button.setToolTip(_("Vem som loggar in med kontot: hens egna insatser och kontakter kommer först."))
        self.new_box.setTitle(_("Nytt konto"))
        for key, text in (("user", _("Anv&ändarnamn:")), ("name", _("&Namn:")), ("staff", _("&Medarbetare:")),
                          ("role", _("&Roll:")), ("services", _("Insatser:")), ("password", _("&Lösenord:")),
                          ("repeat", _("&Upprepa:"))):
            self.labels[key].setText(text)
        self.new_role.setToolTip(_("Enhetschef: allt. Samordnare: aktiviteter, schema, närvaro, synpunkter och "
                                   "statistik. "
                                   "Instruktör: personer och kontakter i sina insatser. Läsare: bara statistik."))
        for row, key in enumerate(ROLE_ORDER):
            self.new_role.setItemText(row, ROLES[key])
        self.staff_hint.setText(_("Saknas personen? Lägg till hen under Enheten → Medarbetare."))
        self.create_button.setText(_("&Skapa kontot"))
        self.no_accounts.setText(_("Databasen har inga konton ännu, så programmet används utan inloggning. "
                                   "Det första kontot ska vara enhetschefens; därefter krävs inloggning."))
        self._fill_staff()

    # --- the new account ------------------------------------------------------------------
    def _fill_staff(self) -> None:
        chosen = self.new_staff.currentData()
        self.new_staff.blockSignals(True)
        self.new_staff.clear()
        self.new_staff.addItem(_("(ingen)"), None)
        for person in self.staff:
            if person.id in self.tied:
                continue  # a staff member has one account (a new one for them is refused)
            self.new_staff.addItem(person.name + (f" – {person.title}" if person.title else ""), person.id)
        select_data(self.new_staff, chosen)
        self.new_staff.blockSignals(False)

    def _staff_chosen(self, *_args) -> None:
        """The account of a staff member starts from what is known of them: name, and an
        instructor's role and services when they work in some."""
        person = next((s for s in self.staff if s.id == self.new_staff.currentData()), None)
        if person is None:
            return
        if not self.new_name.text().strip():
            self.new_name.setText(person.name)
        if person.services and self.new_role.currentData() == "lasare":
            select_data(self.new_role, "instruktor")
        if self.new_role.currentData() == "instruktor" and not any(b.isChecked() for b in self.service_boxes.values()):
            for key in person.services:
                if key in self.service_boxes:
                    self.service_boxes[key].setChecked(True)

    def _role_changed(self, *_args) -> None:
        instructor = self.new_role.currentData() == "instruktor"
        for box in self.service_boxes.values():
            box.setEnabled(instructor)
            if not instructor:
                box.setChecked(False)
        if instructor:
            self._staff_chosen()

    def create_account(self) -> bool:
        self.account_errors.clear()
        if self.new_password.text() != self.new_repeat.text():
            self.account_errors.show(ValidationError.of("repeat", _("lösenorden är inte lika.")))
            return False
        operation = CreateAccount(
            username=self.new_username.text(), password=self.new_password.text(),
            role=self.new_role.currentData(), display_name=self.new_name.text() or None,
            services=tuple(k for k, b in self.service_boxes.items() if b.isChecked()),
            staff_id=self.new_staff.currentData(),
        )
        saved, _info = submit(self, self.account_errors, lambda: self.app.perform(operation))
        if not saved:
            return False
        for widget in (self.new_username, self.new_name, self.new_password, self.new_repeat):
            widget.clear()
        self.new_staff.setCurrentIndex(0)
        select_data(self.new_role, ROLE_ORDER[0])
        self.load()
        return True

    # --- the accounts ---------------------------------------------------------------------
    def _selected_account(self):
        rows = self.accounts_view.selectionModel().selectedRows()
        return self.accounts.row_at(rows[0].row()) if rows else None

    def _disable(self) -> None:
        account = self._selected_account()
        question = _("Stänga av kontot {name}? Personen kan då inte logga in.")
        if account is None or not self.ask(question.format(name=account.username)):
            return
        try:
            self.app.perform(DisableAccount(account.username))
        except UserError as exc:
            show_error(self, exc)
        self.load()

    def unlock(self, username: str) -> bool:
        try:
            self.app.perform(UnlockAccount(username))
        except UserError as exc:
            show_error(self, exc)
            return False
        self.load()
        return True

    def _reset_password(self) -> None:
        account = self._selected_account()
        if account is None:
            return
        password, ok = QInputDialog.getText(self, _("Nytt lösenord"),
                                            _("Nytt lösenord för {name}:").format(name=account.username),
                                            QLineEdit.EchoMode.Password)
        if ok:
            self.set_password(account.username, password)

    def set_password(self, username: str, password: str) -> bool:
        try:
            self.app.perform(SetPassword(username, password))
        except UserError as exc:
            show_error(self, exc)
            return False
        self.load()
        return True

    def _choose_staff(self) -> None:
        account = self._selected_account()
        if account is None:
            return
        names = [_("(ingen)")] + [s.name for s in self.staff]
        current = next((i + 1 for i, s in enumerate(self.staff) if s.id == account.staff_id), 0)
        name, ok = QInputDialog.getItem(self, _("Knyt kontot till en medarbetare"),
                                        _("Vem loggar in med kontot {name}?").format(name=account.username),
                                        names, current, False)
        if ok:
            chosen = next((s.id for s in self.staff if s.name == name), None)
            self.tie(account.username, chosen)

    def tie(self, username: str, staff_id: int | None) -> bool:
        """Tie an account to a staff member (None: to nobody); a refusal is shown whole."""
        try:
            self.app.perform(TieAccountToStaff(username, staff_id))
        except UserError as exc:
            show_error(self, exc)
            return False
        self.load()
        return True

    def load(self) -> None:
        rows = self.app.db.read(accounts.list_accounts)
        self.accounts.set_rows(rows)
        self.no_accounts.setVisible(not rows)
        self.staff = self.app.db.read(staff_service.list_staff)
        self.tied = {a.staff_id for a in rows if a.active and a.staff_id is not None}
        self._fill_staff()

