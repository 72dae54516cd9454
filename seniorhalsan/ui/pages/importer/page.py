"""Import: drop or pick a CSV/XLSX file, see it and every bad line before anything is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .... import importing
from ....errors import UserError
from ....formatting import number
from ....importing import ImportRefused, ImportReport
from ....importing.reader import Table
from ....operations.imports import ImportFile
from ....services import schedule
from ...common import Page, show_error
from ...file_dialogs import open_file
from ...forms import heading, hint, select_data
from ...i18n import _
from ...layouts import WrapLabel, flow, narrow_combo, pair
from ...models import Column, RecordModel
from ...table_widths import ColumnWidths

KINDS = ("attendance", "schedule", "contacts", "feedback", "groups", "trainings", "outreach")
PREVIEW_ROWS = 1000  # the first rows of a file are shown; all of them are checked


def kind_label(kind: str) -> str:
    return {"attendance": _("Närvaro"), "schedule": _("Schema"), "contacts": _("Stödkontakter"),
            "feedback": _("Synpunkter (Tyck till)"), "groups": _("Gruppträffar"),
            "trainings": _("Utbildningar för personal"), "outreach": _("Utåtriktat arbete")}[kind]


def expected_columns(kind: str) -> str:
    return {
        "attendance": _("Första raden: datum; mötesplats; aktivitet; kvinnor; män; övriga – eller totalt i stället "
                        "för de tre – och valfritt nya."),
        "schedule": _("Första raden: mötesplats; veckodag; start; slut; aktivitet; ledare – datum i stället för "
                      "veckodag för ett enstaka tillfälle. Rader som redan finns i terminens schema ändras, "
                      "inte dubbleras."),
        "contacts": _("Första raden: datum; tjänst; person; födelseår; kön; kontakttyp; och valfritt medarbetare; "
                      "minuter; anteckning; utfört; väg (hur personen hittade till insatsen)."),
        "feedback": _("Första raden: datum; typ; från; gäller; mötesplats; text; kontakt; återkoppling; åtgärd."),
        "groups": _("Första raden: datum; tjänst; grupp; typ; deltagare; medarbetare. Typ är anhöriggrupp, kurs, "
                    "öppen mottagning, samtalsgrupp, informationsträff eller annat."),
        "trainings": _("Första raden: datum; tjänst; målgrupp; ämne; deltagare."),
        "outreach": _("Första raden: datum; typ; samarbetspartner; nådda; medarbetare; anteckning. Typ är "
                      "informationsmöte, mässa eller bord, annons, utskick, affischer, besök på vårdcentral, "
                      "samverkansmöte, sociala medier eller annat."),
    }[kind]


def guess_kind(path: Path) -> str | None:
    """Which import a file is for, from the words on its first line."""
    for kind in ("groups", "trainings", "contacts", "feedback", "outreach", "schedule", "attendance"):
        try:
            table = importing.read_file(kind, path)
        except UserError:
            return None
        columns = set(table.columns)
        if kind == "groups" and {"grupp", "deltagare"} <= columns:
            return kind
        if kind == "trainings" and {"målgrupp", "deltagare"} <= columns:
            return kind
        if kind == "contacts" and {"tjänst", "födelseår"} <= columns:
            return kind
        if kind == "feedback" and {"typ", "från"} <= columns:
            return kind
        if kind == "outreach" and "typ" in columns and {"samarbetspartner", "nådda"} & columns \
                and "tjänst" not in columns:
            return kind
        if kind == "schedule" and {"mötesplats", "start"} <= columns and (
                "veckodag" in columns or not {"kvinnor", "man", "ovriga", "totalt", "antal"} & columns):
            return kind
        if kind == "attendance" and "aktivitet" in columns:
            return kind
    return None


class DropZone(QFrame):
    """A frame that takes a file dropped from the file manager."""

    def __init__(self, on_file, parent=None) -> None:
        super().__init__(parent)
        self.on_file = on_file
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(70)
        self.setStyleSheet("DropZone { border: 2px dashed #7a8699; border-radius: 6px; background: #f7f9fc; }")
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.on_file(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()


def error_columns() -> list[Column]:
    return [
        Column(lambda: _("Rad"), lambda e: e.line, "number"),
        Column(lambda: _("Kolumn"), lambda e: e.column),
        Column(lambda: _("Fel"), lambda e: e.message, tooltip=lambda e: e.message),
    ]


class ImportPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.path: Path | None = None
        self.table: Table | None = None
        self.row_count = 0
        self.checked: ImportReport | None = None
        self.bad_lines: set[int] = set()

        self.heading = heading()
        self.intro = hint()
        self.drop = DropZone(self.load_file)
        self.choose = QPushButton()
        self.choose.clicked.connect(self._choose_file)
        self.kind_label = QLabel()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.term_label = QLabel()
        self.term = QComboBox()  # the term a schedule is for
        self.term.currentIndexChanged.connect(lambda _i: self._forget_check())
        self.columns_hint = hint()
        self.create_missing = QCheckBox()
        self.create_missing.toggled.connect(lambda _c: self._forget_check())
        self.check = QPushButton()
        self.check.clicked.connect(self.run_check)
        self.do_import = QPushButton()
        self.do_import.setProperty("primary", True)
        self.do_import.clicked.connect(self.run_import)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(200)
        self.busy.hide()
        self.status = WrapLabel()

        narrow_combo(self.term, 16)
        self.term_row = pair(self.term_label, self.term)
        controls = flow(self.choose, pair(self.kind_label, self.kind), self.term_row, self.create_missing)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.busy)
        actions.addWidget(self.check)
        actions.addWidget(self.do_import)

        self.preview = RecordModel([], highlight=lambda row: "warning" if row.line in self.bad_lines else None,
                                   parent=self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview)
        self.preview_view.verticalHeader().hide()
        self.preview_title = WrapLabel()
        self.errors = RecordModel(error_columns(), parent=self)
        self.errors_view = QTableView()
        self.errors_view.setModel(self.errors)
        self.errors_view.verticalHeader().hide()
        ColumnWidths(self.errors_view, {}, fill=2, fill_sample="Okänd mötesplats: Axelsbe")
        self.errors_title = WrapLabel()
        self.errors_title.setStyleSheet("color: #b00020; font-weight: bold;")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.preview_title)
        top_layout.addWidget(self.preview_view)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.errors_title)
        bottom_layout.addWidget(self.errors_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.drop)
        layout.addWidget(controls)
        layout.addWidget(self.columns_hint)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)
        self.retranslate()
        self._load_terms()
        self._update()

    def retranslate(self) -> None:
        self.heading.setText(_("Import"))
        self.intro.setText(_(
            "Importera närvaro, terminens schema, stödkontakter, synpunkter, gruppträffar eller utbildningar från en "
            "CSV- eller Excel-fil (.xlsx). "
            "Filen kontrolleras först: om någon rad är fel visas den här och ingenting sparas."
        ))
        self.drop.label.setText(_("Släpp en fil här, eller välj en fil med knappen nedan."))
        self.choose.setText(_("&Välj fil …"))
        self.kind_label.setText(_("&Typ:"))
        self.kind_label.setBuddy(self.kind)
        self.term_label.setText(_("T&ermin:"))
        self.term_label.setBuddy(self.term)
        self.term.setPlaceholderText(_("ingen termin ännu"))
        self.term.setToolTip(_("Terminen som schemat gäller. En ny termin skapas under Aktiviteter och schema."))
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, kind_label(kind))
        self.create_missing.setText(_("Skapa okända &mötesplatser, aktiviteter och medarbetare"))
        self.create_missing.setToolTip(_("Annars räknas ett okänt namn som ett fel, med förslag på "
                                         "närmaste kända namn."))
        self.check.setText(_("&Kontrollera"))
        self.do_import.setText(_("&Importera"))
        self.columns_hint.setText(expected_columns(self.kind.currentData()))
        self._update()

    def _load_terms(self) -> None:
        """The terms a schedule can be imported to: the one going on (or next) is chosen first."""
        terms = self.app.db.read(schedule.list_terms)
        today = self.app.db.clock()
        chosen = self.term.currentData() or next((t.code for t in terms if t.ends_on >= today),
                                                 terms[-1].code if terms else None)
        self.term.blockSignals(True)
        self.term.clear()
        for t in terms:
            self.term.addItem(t.title, t.code)
        select_data(self.term, chosen)
        self.term.blockSignals(False)

    def show_tab(self, kind: str) -> None:
        """Choose what the file holds (from the Kom igång list: the schedule) and go to the file."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.choose.setFocus()

    def on_changed(self, topics: set[str]) -> None:
        if "schedule" in topics:
            self._load_terms()

    def activated(self) -> None:
        self._load_terms()  # a term someone else made meanwhile

    # --- the file ------------------------------------------------------------------------
    def _choose_file(self) -> None:
        chosen = open_file(self, self.app.store, _("Välj fil att importera"),
                           _("Kalkylblad (*.csv *.xlsx *.txt);;Alla filer (*)"))
        if chosen:
            self.load_file(chosen)

    def load_file(self, path: Path) -> None:
        self.path = Path(path)
        kind = guess_kind(self.path)
        if kind is not None:
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(KINDS.index(kind))
            self.kind.blockSignals(False)
            self.columns_hint.setText(expected_columns(kind))
        self._reload_table()

    def _kind_changed(self, _index: int) -> None:
        self.columns_hint.setText(expected_columns(self.kind.currentData()))
        self._reload_table()

    def _reload_table(self) -> None:
        self._forget_check()
        if self.path is None:
            return
        try:
            self.table = importing.read_file(self.kind.currentData(), self.path)
        except UserError as exc:
            self.table = None
            self.preview.set_rows([])
            self.status.setText(str(exc))
            self._update()
            return
        columns = [Column(lambda: _("Rad"), lambda row: row.line, "number")]
        for name in self.table.columns:
            columns.append(Column(lambda name=name: name, lambda row, name=name: row.get(name)))
        self.preview.columns = columns
        try:
            self.preview.set_rows(self.table.preview(PREVIEW_ROWS))
            self.row_count = self.table.count()
        except UserError as exc:
            self.table = None
            self.preview.set_rows([])
            self.status.setText(str(exc))
            self._update()
            return
        self.preview_view.resizeColumnsToContents()
        self.status.setText(_("{name}: {rows} rader. Tryck på Kontrollera.").format(
            name=self.path.name, rows=number(self.row_count)))
        self._update()

    def _forget_check(self) -> None:
        self.checked = None
        self.bad_lines = set()
        self.errors.set_rows([])
        self._update()

    def _update(self) -> None:
        for_schedule = self.kind.currentData() == "schedule"
        self.term_row.setVisible(for_schedule)
        self.term_label.setVisible(for_schedule)
        self.term.setVisible(for_schedule)
        ready = (self.table is not None and self.app.ops.running == 0
                 and not (for_schedule and self.term.currentData() is None))
        self.check.setEnabled(ready)
        self.do_import.setEnabled(ready and self.checked is not None)
        shown = self.table is not None
        self.preview_title.setText(
            _("Filens innehåll ({n} rader)").format(n=number(self.row_count)) if shown else _("Ingen fil vald.")
        )
        self.errors_title.setVisible(bool(self.errors.rows))
        self.errors_title.setText(_("{n} fel – filen kan inte importeras förrän de är rättade:")
                                  .format(n=len(self.errors.rows)))

    # --- check and import -------------------------------------------------------------------
    def _start(self, write: bool) -> None:
        self.busy.show()
        self.check.setEnabled(False)
        self.do_import.setEnabled(False)
        kind = self.kind.currentData()
        operation = ImportFile(kind, str(self.path), self.create_missing.isChecked(),
                               term=self.term.currentData() if kind == "schedule" else None)
        on_done = lambda report: self._finished(report, write)  # noqa: E731
        if write:
            self.app.perform_later(operation, on_done=on_done, on_error=self._failed)
        else:  # a dry run: the import is applied in a transaction that is always rolled back
            self.app.ops.run(lambda: self.app.db.try_out(operation), on_done=on_done, on_error=self._failed)

    def run_check(self) -> None:
        if self.path is not None:
            self.status.setText(_("Kontrollerar …"))
            self._start(write=False)

    def run_import(self) -> None:
        if self.path is not None and self.checked is not None:
            self.status.setText(_("Importerar …"))
            self._start(write=True)

    def _finished(self, report: ImportReport, written: bool) -> None:
        self.busy.hide()
        self.errors.set_rows([])
        self.bad_lines = set()
        if written:
            self.checked = None
            self.status.setText(_("Importen är klar. {summary}").format(summary=report.summary()))
        else:
            self.checked = report
            self.status.setText(_("Filen är rätt. Om du importerar: {summary}").format(summary=report.summary()))
        self._update()

    def _failed(self, exc: Exception) -> None:
        self.busy.hide()
        self.checked = None
        if isinstance(exc, ImportRefused):
            self.errors.set_rows(exc.report.errors)
            self.bad_lines = {e.line for e in exc.report.errors}
            self.preview.set_rows(self.preview.rows)
            self.status.setText(_("Inget har sparats. Rätta felen i filen och välj den igen."))
        elif isinstance(exc, UserError):
            self.status.setText(str(exc))
        else:
            self.status.setText(_("Ett oväntat fel inträffade; inget sparades."))
            show_error(self, exc)
        self._update()

