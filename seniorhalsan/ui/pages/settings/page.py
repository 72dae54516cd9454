"""Inställningar: where the database is, the language and the text size."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ....paths import data_dir, database_url, default_db_path, log_file
from ... import i18n, style
from ...common import Page
from ...forms import heading, hint, select_data
from ...i18n import _
from ...layouts import WrapLabel
from ...settings import TEXT_SIZES
from ...window_parts import database_name


class SettingsPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.heading = heading()

        self.database_box = QGroupBox()
        self.database_now = WrapLabel()
        self.database_next = hint()
        self.choose_database = QPushButton()
        self.choose_database.clicked.connect(self._choose_database)
        self.default_database = QPushButton()
        self.default_database.clicked.connect(lambda: self.set_database(""))
        self.folders = hint()
        self.server_label = QLabel()
        self.server = QLineEdit()
        self.server.setPlaceholderText("postgresql+psycopg://seniorhalsan@server/seniorhalsan")
        self.server_label.setBuddy(self.server)
        self.use_server = QPushButton()
        self.use_server.clicked.connect(lambda: self.set_database(self.server.text().strip()))
        database_layout = QVBoxLayout(self.database_box)
        database_layout.addWidget(self.database_now)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_database)
        buttons.addWidget(self.default_database)
        buttons.addStretch(1)
        database_layout.addLayout(buttons)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_label)
        server_row.addWidget(self.server, 1)
        server_row.addWidget(self.use_server)
        database_layout.addLayout(server_row)
        database_layout.addWidget(self.database_next)
        database_layout.addWidget(self.folders)

        self.look_box = QGroupBox()
        self.language_label = QLabel()
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        select_data(self.language, app.settings.language)
        self.language.setMaximumWidth(260)
        self.language.currentIndexChanged.connect(lambda _i: self.set_language(self.language.currentData()))
        self.size_label = QLabel()
        self.sizes = QButtonGroup(self)
        self.size_buttons: dict[str, QRadioButton] = {}
        size_row = QHBoxLayout()
        for key in TEXT_SIZES:
            button = QRadioButton()
            self.size_buttons[key] = button
            self.sizes.addButton(button)
            size_row.addWidget(button)
        size_row.addStretch(1)
        self.size_buttons[app.settings.text_size].setChecked(True)  # as it is: the look is not applied again
        for key, button in self.size_buttons.items():
            button.toggled.connect(lambda checked, k=key: checked and self.set_text_size(k))
        form = QFormLayout(self.look_box)
        form.addRow(self.language_label, self.language)
        form.addRow(self.size_label, size_row)
        self.language_label.setBuddy(self.language)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.look_box)
        layout.addWidget(self.database_box)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Inställningar"))
        self.look_box.setTitle(_("Språk och text"))
        self.language_label.setText(_("&Språk:"))
        self.size_label.setText(_("Textstorlek:"))
        names = {"normal": _("&Normal"), "stor": _("S&tor"), "storst": _("Stö&rst")}
        for key, button in self.size_buttons.items():
            button.setText(names[key])
        self.database_box.setTitle(_("Databas"))
        now = database_name(self.app.db.url, folder=True)
        self.database_now.setText(_("Programmet använder nu: {name}").format(name=now))
        self.database_now.setToolTip(self.app.db.url)  # the whole address, for whoever needs it
        self.choose_database.setText(_("Välj en annan &databasfil …"))
        self.default_database.setText(_("Använd standard&filen"))
        self.server_label.setText(_("Gemensam ser&ver:"))
        self.server.setToolTip(_("Adressen till enhetens PostgreSQL-server, t.ex. "
                                 "postgresql+psycopg://seniorhalsan@server/seniorhalsan. "
                                 "Lösenordet läggs i filen .pgpass."))
        self.use_server.setText(_("Anv&änd servern"))
        chosen = self.app.settings.database
        address = chosen if "://" in chosen else (database_url(chosen) if chosen else "")
        self.database_next.setText(
            _("Vid nästa start öppnas: {where}. Ändringen gäller när programmet startas om.").format(
                where=database_name(address, folder=True) if chosen else _("standardfilen i datamappen"))
        )
        self.database_next.setToolTip(chosen or str(default_db_path()))
        self.folders.setText(_("Datamapp: {folder}\nLoggfil: {log}").format(folder=data_dir(), log=log_file()))

    def set_language(self, code: str) -> None:
        self.app.settings.language = code
        self.app.save_settings()
        i18n.set_language(code)

    def set_text_size(self, key: str) -> None:
        self.app.settings.text_size = key
        self.app.save_settings()
        style.apply(QApplication.instance(), key)

    def set_database(self, where: str) -> bool:
        if "://" in where:
            from sqlalchemy.engine import make_url
            from sqlalchemy.exc import ArgumentError

            try:
                make_url(where)
            except ArgumentError:
                self.database_next.setText(_("Adressen känns inte igen: {url}").format(url=where))
                self.database_next.setStyleSheet("color: #b00020; font-weight: bold;")
                return False
        self.database_next.setStyleSheet("color: #444444;")
        self.app.settings.database = where
        self.app.save_settings()
        self.retranslate()
        return True

    def _choose_database(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Välj databasfil"), str(data_dir()), _("Seniorhälsans databas (*.sqlite3);;Alla filer (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.set_database(name)
