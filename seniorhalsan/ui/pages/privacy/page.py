"""Konton och dataskydd: accounts, the access log and gallring (the unit head's page)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ....errors import UserError
from ....operations.accounts import ErasePerson, Gallra, SetRetentionYears
from ....services import access_log, retention
from ....services import persons as person_service
from ...common import Page
from ...file_dialogs import save_file
from ...forms import DateField, heading, hint
from ...i18n import _
from ...layouts import FlowLayout, WrapLabel, pair
from ...models import Column, PagedModel
from ...table_widths import ColumnWidths
from .accounts import AccountsTab


def log_columns() -> list[Column]:
    return [
        Column(lambda: _("Tid"), lambda e: e.at.strftime("%Y-%m-%d %H:%M:%S")),
        Column(lambda: _("Användare"), lambda e: e.username),
        Column(lambda: _("Åtgärd"), lambda e: access_log.OPERATIONS.get(e.operation, e.operation)),
        Column(lambda: _("Post"), lambda e: access_log.RECORD_TYPES.get(e.record_type, e.record_type)),
        Column(lambda: _("Id"), lambda e: e.record_id, "number"),
        Column(lambda: _("Detalj"), lambda e: e.detail or ""),
    ]


class PrivacyPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.heading = heading()
        self.tabs = QTabWidget()
        self.account_tab = AccountsTab(app, self.ask)
        self.tabs.addTab(self.account_tab, "")
        self.tabs.addTab(self._log_tab(), "")
        self.tabs.addTab(self._gallring_tab(), "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.activated()

    # --- access log ----------------------------------------------------------------------
    def _log_tab(self) -> QWidget:
        self.log_user = QLineEdit()
        self.log_type = QComboBox()
        self.log_type.addItem("", None)
        for key, label in access_log.RECORD_TYPES.items():
            self.log_type.addItem(label, key)
        self.log_since = DateField()
        self.log_until = DateField()
        # the log is written in real time, whatever day the window works with
        self.log_since.set_date(dt.date.today() - dt.timedelta(days=30))
        self.log_until.set_date(dt.date.today())
        self.log_search = QPushButton()
        self.log_search.clicked.connect(self.search_log)
        self.log_export = QPushButton()
        self.log_export.clicked.connect(self._export_log)
        self.log_filter_labels = {key: QLabel() for key in ("user", "type", "since", "until")}
        filters = FlowLayout()  # a second line at a big text size
        fields = (("user", self.log_user), ("type", self.log_type), ("since", self.log_since),
                  ("until", self.log_until))
        for key, widget in fields:
            self.log_filter_labels[key].setBuddy(widget)
            filters.add(pair(self.log_filter_labels[key], widget))
        filters.add(self.log_search)
        filters.add(self.log_export)
        self.log = PagedModel(log_columns(), self._fetch_log, self._count_log, parent=self)
        self.log_view = QTableView()
        self.log_view.setModel(self.log)
        self.log_view.verticalHeader().hide()
        ColumnWidths(self.log_view, {0: "2026-11-17 14:30:00", 1: "karin.berg", 2: "Läst", 3: "Kontakt", 4: "12345"},
                     fill=5, fill_sample="Sökning: P00818")
        self.log_note = hint()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.log_note)
        filter_row = QWidget()
        filter_row.setLayout(filters)
        layout.addWidget(filter_row)
        layout.addWidget(self.log_view, 1)
        return tab

    def _filters(self) -> dict:
        return dict(username=self.log_user.text().strip() or None, record_type=self.log_type.currentData(),
                    since=self.log_since.date_value(), until=self.log_until.date_value())

    def _fetch_log(self, offset: int, limit: int):
        return self.app.db.read(access_log.search, offset=offset, limit=limit, **self._filters())

    def _count_log(self) -> int:
        return self.app.db.read(access_log.count, **self._filters())

    def search_log(self) -> None:
        self.log.reload()

    def export_log(self, path: Path) -> int:
        return self.app.db.read(access_log.export_csv, path, **self._filters())

    def _export_log(self) -> None:
        chosen = save_file(self, self.app.store, _("Exportera åtkomstloggen"), "atkomstlogg.csv", _("CSV (*.csv)"))
        if chosen:
            name = str(chosen)
            path = Path(name if name.lower().endswith(".csv") else name + ".csv")
            try:
                count = self.export_log(path)
            except UserError as exc:
                self.log_note.setText(str(exc))
                return
            self.log_note.setText(_("{n} rader exporterades till {path}.").format(n=count, path=path))

    # --- gallring -------------------------------------------------------------------------
    def _gallring_tab(self) -> QWidget:
        self.years = QSpinBox()
        self.years.setRange(1, 50)
        self.years_label = QLabel()
        self.years_label.setBuddy(self.years)
        self.save_years = QPushButton()
        self.save_years.clicked.connect(self._save_years)
        self.gallring_preview = WrapLabel()
        self.gallra_button = QPushButton()
        self.gallra_button.clicked.connect(self.gallra)
        self.years.valueChanged.connect(lambda _v: self._preview())
        self.erase_reference = QLineEdit()
        self.erase_label = QLabel()
        self.erase_label.setBuddy(self.erase_reference)
        self.erase_button = QPushButton()
        self.erase_button.clicked.connect(self.erase)
        self.gallring_status = WrapLabel()
        self.gallring_intro = hint()
        self.gallring_box = QGroupBox()
        box = QFormLayout(self.gallring_box)
        years_row = QHBoxLayout()
        years_row.addWidget(self.years)
        years_row.addWidget(self.save_years)
        years_row.addStretch(1)
        box.addRow(self.years_label, years_row)
        box.addRow(self.gallring_preview)
        box.addRow(self.gallra_button)
        self.erase_box = QGroupBox()
        erase = QHBoxLayout(self.erase_box)
        erase.addWidget(self.erase_label)
        erase.addWidget(self.erase_reference)
        erase.addWidget(self.erase_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.gallring_intro)
        layout.addWidget(self.gallring_box)
        layout.addWidget(self.erase_box)
        layout.addWidget(self.gallring_status)
        layout.addStretch(1)
        return tab

    def _preview(self) -> None:
        planned = self.app.db.read(retention.preview, older_than_years=self.years.value())
        self.gallring_preview.setText(
            _("{n} personer har inte haft någon kontakt sedan {day}.").format(n=planned.persons,
                                                                             day=planned.cutoff.isoformat())
        )
        if planned.signups:
            self.gallring_preview.setText(self.gallring_preview.text() + " " + _(
                "{n} personer på anmälningslistor har passerat tiden efter sitt tillfälle.").format(n=planned.signups))
        if planned.volunteers:
            self.gallring_preview.setText(self.gallring_preview.text() + " " + _(
                "{n} volontärer slutade före dess.").format(n=planned.volunteers))
        self.gallra_button.setEnabled(planned.persons > 0 or planned.signups > 0 or planned.volunteers > 0)

    def _save_years(self) -> None:
        self.app.perform(SetRetentionYears(self.years.value()))
        self.gallring_status.setText(_("Gallringstiden är sparad."))

    def gallra(self) -> None:
        planned = self.app.db.read(retention.preview, older_than_years=self.years.value())
        if not (planned.persons or planned.signups or planned.volunteers) or not self.ask(
            _("Personuppgifterna för {n} personer utan kontakt sedan {day} rensas. Statistiken påverkas inte. "
              "Fortsätta?").format(
                n=planned.persons, day=planned.cutoff.isoformat())):
            return
        done = self.app.perform(Gallra(self.years.value()))
        self.gallring_status.setText(_("{n} personer gallrades.").format(n=done.persons) + (
            " " + _("Namn och kontaktuppgifter togs bort för {n} volontärer som slutat.").format(n=done.volunteers)
            if done.volunteers else ""))
        self._preview()

    def erase(self) -> None:
        reference = self.erase_reference.text().strip()
        person = self.app.db.read(person_service.person_by_reference, reference) if reference else None
        if person is None:
            self.gallring_status.setText(_("Det finns ingen person med referensen {ref}.").format(ref=reference or "–"))
            return
        if not self.ask(_("Rensa personuppgifterna för {ref}? Det går inte att ångra.").format(ref=reference)):
            return
        self.app.perform(ErasePerson(person.id))
        self.erase_reference.clear()
        self.gallring_status.setText(_("Personuppgifterna för {ref} är rensade.").format(ref=reference))
        self._preview()

    # --- common ---------------------------------------------------------------------------
    def ask(self, question: str) -> bool:
        """Yes or no from the user (a method, so the tests can answer it)."""
        return QMessageBox.question(self, _("Bekräfta"), question) == QMessageBox.StandardButton.Yes

    def activated(self) -> None:
        self.account_tab.load()
        self.years.blockSignals(True)
        self.years.setValue(self.app.db.read(retention.retention_years))
        self.years.blockSignals(False)
        self._preview()
        self.log.reload()

    def retranslate(self) -> None:
        self.heading.setText(_("Konton och dataskydd"))
        self.tabs.setTabText(0, _("Konton"))
        self.tabs.setTabText(1, _("Åtkomstlogg"))
        self.tabs.setTabText(2, _("Gallring"))
        self.account_tab.retranslate()
        self.log_note.setText(_("Varje visning av personuppgifter (kort, sökresultat, kontaktlistor), varje ändring, "
                                "varje nekad åtgärd och varje misslyckad inloggning loggas. Loggen kan inte ändras "
                                "eller tas bort."))
        labels = (("user", _("Anv&ändare:")), ("type", _("&Post:")), ("since", _("&Från:")), ("until", _("&Till:")))
        for key, text in labels:
            self.log_filter_labels[key].setText(text)
        self.log_search.setText(_("&Sök"))
        self.log_export.setText(_("&Exportera …"))
        self.gallring_intro.setText(_(
            "Gallring rensar referens, namn, kontaktuppgifter och anteckningar för personer som inte haft någon "
            "kontakt på ett antal år. Födelseår, kön och kontakterna finns kvar, så statistiken för tidigare år "
            "blir exakt densamma."))
        self.gallring_box.setTitle(_("Gallring efter tid"))
        self.years_label.setText(_("Gallra efter (år utan kontakt):"))
        self.save_years.setText(_("Spara som standard"))
        self.gallra_button.setText(_("Ga&llra nu …"))
        self.erase_box.setTitle(_("Ta bort en person på begäran"))
        self.erase_label.setText(_("&Referens:"))
        self.erase_button.setText(_("Rensa &personuppgifterna …"))
