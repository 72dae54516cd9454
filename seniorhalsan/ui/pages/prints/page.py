"""Utskrifter: build, preview, print and save the term folder, the year's reports and each staff
member's own figures."""

from __future__ import annotations

import shutil
import tempfile
import weakref
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....errors import UserError
from ....reports import api as reports
from ....reports.folder import FolderNotReady
from ....roles import allowed
from ....services import schedule
from ....services import staff as staff_service
from ...common import Page, show_error
from ...file_dialogs import save_file
from ...forms import heading, hint
from ...i18n import _
from ...layouts import WrapLabel, scrolled

DOCUMENTS = ("folder", "year", "tertial", "workbook", "staff")


def missing_label(what: str) -> str:
    """What a folder lacks (the data layer names it in Swedish), in the window's language."""
    return {"telefonnummer": _("telefonnummer"), "e-postadress": _("e-postadress")}.get(what, what)


def document_label(kind: str) -> str:
    return {
        "folder": _("Terminens folder"),
        "year": _("Årets statistik (verksamhetsberättelsen)"),
        "tertial": _("Tertialrapport"),
        "workbook": _("Tabellerna som Excel-fil (till controllern)"),
        "staff": _("Medarbetarens egna siffror"),
    }[kind]


class PrintsPage(Page):
    def __init__(self, app, parent=None) -> None:
        super().__init__(app, parent)
        self.work = Path(tempfile.mkdtemp(prefix="seniorhalsan-utskrift-"))
        # the previews go when the page does, or at the latest when the program ends
        remove = weakref.finalize(self, shutil.rmtree, self.work, True)
        self.destroyed.connect(lambda *_args: remove())
        self.current: reports.Written | None = None

        self.heading = heading()
        documents = self._documents_tab()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(documents, 1)
        self.retranslate()
        self._load_terms()
        self._kind_changed()

    # --- building the widgets ------------------------------------------------------------
    def _documents_tab(self) -> QWidget:
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        choices = QVBoxLayout()
        for kind in DOCUMENTS:
            button = QRadioButton()
            self.kind_buttons[kind] = button
            self.kind_group.addButton(button)
            choices.addWidget(button)
        self.kind_buttons["folder"].setChecked(True)
        for button in self.kind_buttons.values():
            button.toggled.connect(lambda checked: checked and self._kind_changed())
        self.choice_box = QGroupBox()
        self.choice_box.setLayout(choices)

        self.term_label = QLabel()
        self.term = QComboBox()
        self.layout_label = QLabel()
        self.layout_a4 = QRadioButton()
        self.layout_booklet = QRadioButton()
        self.layout_a4.setChecked(True)
        self.layout_booklet.toggled.connect(lambda _checked: self._kind_changed())
        layout_row = QHBoxLayout()
        layout_row.addWidget(self.layout_a4)
        layout_row.addWidget(self.layout_booklet)
        self.draft = QCheckBox()  # a folder before the unit's contact details are written
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.app.db.clock().year)
        self.tertial_label = QLabel()
        self.tertial = QComboBox()
        self.tertial.addItem("T1", 1)
        self.tertial.addItem("T2", 2)
        self.staff_label = QLabel()
        self.staff = QComboBox()  # whose figures: the unit head chooses, anyone else has their own
        self.texts_button = QPushButton()
        self.texts_button.clicked.connect(self._edit_texts)
        self.options = QFormLayout()
        self.options.addRow(self.term_label, self.term)
        self.options.addRow("", self.texts_button)
        self.options.addRow(self.layout_label, layout_row)
        self.options.addRow("", self.draft)
        self.options.addRow(self.year_label, self.year)
        self.options.addRow(self.tertial_label, self.tertial)
        self.options.addRow(self.staff_label, self.staff)
        self.options_box = QGroupBox()
        self.options_box.setLayout(self.options)

        self.build_button = QPushButton()
        self.build_button.setProperty("primary", True)
        self.build_button.clicked.connect(self.build)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save_as)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self._print)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.status = WrapLabel()
        self.booklet_help = hint()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.choice_box)
        left_layout.addWidget(self.options_box)
        left_layout.addWidget(self.build_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.busy)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.booklet_help)
        left_layout.addStretch(1)
        left.setMinimumWidth(340)

        self.document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_note = QLabel()
        self.preview_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_note)
        right_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter()
        self.splitter.addWidget(scrolled(left, sideways=False))  # a low window scrolls the choices
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        return self.splitter

    def retranslate(self) -> None:
        self.heading.setText(_("Utskrifter"))
        self.choice_box.setTitle(_("Vad vill du skriva ut?"))
        for kind, button in self.kind_buttons.items():
            button.setText(document_label(kind))
        self.options_box.setTitle(_("Val"))
        self.term_label.setText(_("&Termin:"))
        self.term_label.setBuddy(self.term)
        self.layout_label.setText(_("Format:"))
        self.layout_a4.setText(_("A4-sidor"))
        self.layout_booklet.setText(_("A5-häfte"))
        self.layout_booklet.setToolTip(_("Två sidor på varje A4-ark i vikningsordning"))
        self.draft.setText(_("Ut&kast (UTKAST på varje sida)"))
        self.draft.setToolTip(_("För att se foldern innan enhetens telefon och e-post är ifyllda under "
                                "Enheten → Enheten och foldern"))
        self.year_label.setText(_("&År:"))
        self.year_label.setBuddy(self.year)
        self.tertial_label.setText(_("Te&rtial:"))
        self.tertial_label.setBuddy(self.tertial)
        self.staff_label.setText(_("Me&darbetare:"))
        self.staff_label.setBuddy(self.staff)
        self._load_staff()
        self.build_button.setText(_("&Skapa och förhandsgranska"))
        self.save_button.setText(_("Spara so&m …"))
        self.print_button.setText(_("Skriv &ut …"))
        self.booklet_help.setText(_(
            "Häftet skrivs ut dubbelsidigt med vändning längs kortsidan. Lägg arken i en bunt, "
            "vik på mitten och häfta."
        ))
        self.preview_note.setText(_("Förhandsgranskningen visas här.") if self.current is None else "")
        self.texts_button.setText(_("Folderns te&xter …"))
        self.texts_button.setToolTip(_("Enhetens kontaktuppgifter, presentation och de andra texterna i foldern "
                                       "skrivs under Enheten."))
        self._update()

    # --- state ---------------------------------------------------------------------------
    def _kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def _kind_changed(self) -> None:
        kind = self._kind()
        for widget in (self.term_label, self.term, self.layout_label, self.layout_a4, self.layout_booklet,
                       self.draft):
            widget.setVisible(kind == "folder")
        self.texts_button.setVisible(kind == "folder" and allowed(self.app.db.actor, "catalogue"))
        self.booklet_help.setVisible(kind == "folder" and self.layout_booklet.isChecked())
        for widget in (self.year_label, self.year):
            widget.setVisible(kind != "folder")
        for widget in (self.tertial_label, self.tertial):
            widget.setVisible(kind == "tertial")
        for widget in (self.staff_label, self.staff):
            widget.setVisible(kind == "staff")
        self._update()

    def _update(self) -> None:
        idle = self.app.ops.running == 0
        self.build_button.setEnabled(idle)
        has_pdf = self.current is not None and self.current.path.suffix == ".pdf"
        self.save_button.setEnabled(idle and self.current is not None)
        self.print_button.setEnabled(idle and has_pdf)

    def _load_terms(self) -> None:
        terms = self.app.db.read(schedule.list_terms)
        self.term.clear()
        today = self.app.db.clock()
        for index, t in enumerate(reversed(terms)):
            self.term.addItem(t.title, t.code)
            self.term.setItemData(index, f"{t.starts_on.isoformat()} – {t.ends_on.isoformat()}",
                                  Qt.ItemDataRole.ToolTipRole)
        current = next((i for i, t in enumerate(reversed(terms)) if t.covers(today)), 0)
        self.term.setCurrentIndex(current)

    def _load_staff(self) -> None:
        """The unit head chooses anyone, or everyone (one page each); anyone else prints their own."""
        chosen = self.staff.currentData()
        self.staff.clear()
        actor = self.app.db.actor
        if actor is None or actor.role == "enhetschef":
            self.staff.addItem(_("Alla, en sida var"), None)
            for person in self.app.db.read(staff_service.list_staff, include_inactive=True):
                self.staff.addItem(person.name, person.name)
            self.staff.setEnabled(True)
        else:
            own = self.app.db.read(staff_service.own_work).staff
            self.staff.addItem(own.name if own else _("(kontot är inte knutet till någon medarbetare)"),
                               own.name if own else None)
            self.staff.setEnabled(False)
        index = self.staff.findData(chosen)
        self.staff.setCurrentIndex(max(0, index))

    def on_changed(self, topics: set[str]) -> None:
        if "schedule" in topics:
            self._load_terms()
        if topics & {"staff", "accounts"}:
            self._load_staff()

    # --- building documents ----------------------------------------------------------------
    def build(self) -> None:
        kind = self._kind()
        db = self.app.db
        if kind == "folder":
            code = self.term.currentData()
            if not code:
                self.status.setText(_("Det finns ingen termin ännu. Lägg upp en under Aktiviteter och schema."))
                return
            booklet, draft = self.layout_booklet.isChecked(), self.draft.isChecked()
            target = self.work / f"folder-{code}{'-hafte' if booklet else ''}{'-utkast' if draft else ''}.pdf"
            work = lambda: reports.write_folder(db, code, target, booklet=booklet, draft=draft)  # noqa: E731
        elif kind == "workbook":
            year = self.year.value()
            target = self.work / f"statistik-{year}.xlsx"
            work = lambda: reports.write_year_workbook(db, year, target)  # noqa: E731
        elif kind == "staff":
            year, name = self.year.value(), self.staff.currentData()
            target = self.work / f"medarbetare-{year}.pdf"
            work = lambda: reports.write_staff_report(db, year, target, name=name)  # noqa: E731
        else:
            year = self.year.value()
            tertial = self.tertial.currentData() if kind == "tertial" else None
            target = self.work / (f"tertialrapport-{year}-t{tertial}.pdf" if tertial else f"statistik-{year}.pdf")
            work = lambda: reports.write_year_report(db, year, target, tertial=tertial)  # noqa: E731
        self.status.setText(_("Skapar dokumentet …"))
        self.busy.show()
        self.app.ops.run(work, on_done=self._built, on_error=self._failed)
        self._update()

    def _built(self, written: reports.Written) -> None:
        self.busy.hide()
        self.current = written
        if written.path.suffix == ".pdf":
            self.document.load(str(written.path))
            self.preview_note.setText("")
            text = _("{title}: {pages} sidor. Spara eller skriv ut.").format(title=written.title, pages=written.pages)
        else:
            self.document.close()
            self.preview_note.setText(_("En Excel-fil kan inte förhandsgranskas här; spara den och öppna den i Excel."))
            text = _("{title}: Excel-filen är klar. Spara den.").format(title=written.title)
        warning = written.warning()
        self.status.setText(text + ("\n" + warning if warning else ""))
        self._update()

    def _failed(self, exc: Exception) -> None:
        self.busy.hide()
        if isinstance(exc, FolderNotReady):  # said calmly beside the button, with what to do
            self.status.setText(_(
                "Foldern skrivs inte ut förrän enhetens kontaktuppgifter finns. Det saknas: {missing}. Skriv "
                "dem under Enheten → Enheten och foldern (knappen Folderns texter …), eller kryssa i Utkast för att se "
                "foldern med UTKAST på varje sida."
            ).format(missing=", ".join(missing_label(m) for m in exc.missing)))
        elif isinstance(exc, UserError):
            self.status.setText(str(exc))
        else:
            self.status.setText(_("Dokumentet kunde inte skapas."))
            show_error(self, exc)
        self._update()

    def save_to(self, path: Path) -> Path:
        """Copy the built document to where the user wants it."""
        shutil.copyfile(self.current.path, path)
        self.status.setText(_("Sparad: {path}").format(path=path))
        return path

    def _save_as(self) -> None:
        if self.current is None:
            return
        suffix = self.current.path.suffix
        filters = _("PDF (*.pdf)") if suffix == ".pdf" else _("Excel (*.xlsx)")
        chosen = save_file(self, self.app.store, _("Spara som"), self.current.path.name, filters)
        if chosen:
            name = str(chosen)
            try:
                self.save_to(Path(name if name.endswith(suffix) else name + suffix))
            except OSError as exc:
                self.status.setText(_("Filen kunde inte sparas: {reason}").format(reason=exc.strerror or exc))

    def _print(self) -> None:
        if self.current is None or self.document.pageCount() == 0:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page drawn at up to 300 dpi and scaled onto the sheet, one sheet per page."""
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(_("Skrivaren kunde inte startas."))
            return
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                area = printer.pageRect(QPrinter.Unit.DevicePixel)
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                target = QRectF(0, 0, points.width() * scale, points.height() * scale)
                dpi = min(300, printer.resolution())
                size = QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
                image = self.document.render(page, size)
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.status.setText(_("Dokumentet skickades till skrivaren."))

    def _edit_texts(self) -> None:
        """The folder's texts are the unit's: they are written on the Enheten page."""
        go_to = getattr(self.window(), "go_to", None)
        if go_to is not None:
            go_to("unit", "texts")

    def prepare_screenshot(self) -> None:
        self.year.setValue(self.app.db.clock().year)
        self.build()
