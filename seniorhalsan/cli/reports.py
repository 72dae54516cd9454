"""Commands for printed output: the term folder, the year report, tertial reports, each staff member's
own figures, XLSX."""

from __future__ import annotations

import argparse

from ..errors import UserError
from ..periods import parse_term_code
from .text_file import read_text_file


def register(commands, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser("report", parents=[common], help="skriv ut folder, årsstatistik eller tertialrapport",
                                 description="Skriver terminens folder eller årets och tertialens siffror som PDF.")
    kinds = report.add_subparsers(dest="report_kind", metavar="vad", title="utskrifter", required=True)

    p = kinds.add_parser("folder", parents=[common], help="terminens folder",
                         description="Terminens folder: schema per mötesplats, aktiviteterna, stöd och service, "
                                     "Tyck till och kontakter.")
    p.add_argument("--term", required=True, metavar="TERMIN",
                   help="vt, sommar eller ht följt av året, t.ex. ht2026")
    p.add_argument("--booklet", action="store_true",
                   help="A5-häfte: två sidor på varje liggande A4, i vikordning (skriv ut dubbelsidigt, "
                        "vänd längs kortsidan)")
    p.add_argument("--draft", action="store_true",
                   help="ett utkast med UTKAST på varje sida, även innan enhetens kontaktuppgifter är skrivna")
    p.add_argument("-o", "--output", metavar="FIL", help="PDF-filen (standard: folder-TERMIN.pdf)")
    p.set_defaults(handler=cmd_folder)

    p = kinds.add_parser("year", parents=[common], help="årets statistik till verksamhetsberättelsen",
                         description="Årets alla siffror med tabeller och diagram, och stadens mall för "
                                     "synpunkter och klagomål.")
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="året")
    p.add_argument("-o", "--output", metavar="FIL", help="PDF-filen (standard: statistik-ÅR.pdf)")
    _summary_option(p)
    p.set_defaults(handler=cmd_year)

    p = kinds.add_parser("tertial", parents=[common], help="tertialrapport T1 eller T2",
                         description="Årets siffror till och med tertial 1 (januari–april) eller 2 (maj–augusti).")
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="året")
    p.add_argument("--tertial", type=int, required=True, choices=[1, 2], metavar="{1,2}", help="tertial 1 eller 2")
    p.add_argument("-o", "--output", metavar="FIL", help="PDF-filen (standard: tertialrapport-ÅR-tN.pdf)")
    _summary_option(p)
    p.set_defaults(handler=cmd_tertial)

    p = kinds.add_parser("staff", parents=[common], help="en medarbetares egna siffror för året",
                         description="Medarbetarens egna siffror för året: stödkontakter och personer per insats, "
                                     "gruppträffar, utbildningar, tillfällen hen ledde och deras besök, anmälan och "
                                     "utåtriktat arbete. Den som inte är enhetschef skriver ut sina egna (kontot ska "
                                     "vara knutet till en medarbetare); enhetschefen vems som helst, eller utan "
                                     "--staff allas, en medarbetare per sida.")
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="året")
    p.add_argument("--staff", metavar="NAMN", help="medarbetaren (standard: din egen; för enhetschefen alla)")
    p.add_argument("-o", "--output", metavar="FIL", help="PDF-filen (standard: medarbetare-ÅR[-NAMN].pdf)")
    p.set_defaults(handler=cmd_staff)

    p = kinds.add_parser("samples", parents=[common], help="exempelutskrifter av ett påhittat år",
                         description="Skapar en tillfällig demodatabas och skriver alla utskrifter av den. "
                                     "Den egna databasen används inte.")
    p.add_argument("-o", "--output", metavar="MAPP", default="out/samples", help="mappen (standard: out/samples)")
    p.add_argument("--year", type=int, default=2025, metavar="ÅR", help="demoåret (standard: 2025)")
    p.set_defaults(handler=cmd_samples)

    export = commands.add_parser("export", parents=[common], help="exportera årets tabeller till Excel",
                                 description="Exporterar årets tabeller som en XLSX-arbetsbok, ett blad per tabell.")
    targets = export.add_subparsers(dest="export_kind", metavar="vad", title="exporter", required=True)
    p = targets.add_parser("year", parents=[common], help="årets tabeller som XLSX")
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="året")
    p.add_argument("-o", "--output", metavar="FIL", help="XLSX-filen (standard: statistik-ÅR.xlsx)")
    p.set_defaults(handler=cmd_export_year)


def _summary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--summary-file", metavar="FIL",
                        help="textfil med \"Sammanfattning och planerade åtgärder\" till mallen för synpunkter; "
                             "texten sparas i databasen och används även nästa gång")


def _open(args):
    from .signin import open_signed_in

    return open_signed_in(args)


def _report(written) -> int:
    pages = f" ({written.pages} {'sida' if written.pages == 1 else 'sidor'})" if written.pages else ""
    print(f"Sparade: {written.title}{pages} i {written.path}")
    if written.warning():
        print(written.warning())
    return 0


def cmd_folder(args) -> int:
    from ..reports.api import write_folder
    from ..reports.folder import FolderNotReady
    from ..reports.output import check_target

    kind, year = parse_term_code(args.term)  # a mistyped code is refused before the database is opened
    draft = "-utkast" if args.draft else ""
    output = check_target(args.output or f"folder-{kind}{year}{'-hafte' if args.booklet else ''}{draft}.pdf", ".pdf")
    try:
        written = write_folder(_open(args), f"{kind}{year}", output, booklet=args.booklet, draft=args.draft)
    except FolderNotReady as exc:
        raise UserError(f"{exc} Ett utkast, med UTKAST på varje sida, skrivs ut med --draft.") from exc
    return _report(written)


def _year_report(args, tertial: int | None) -> int:
    from ..operations.feedback import SaveFeedbackSummary
    from ..reports.api import write_year_report
    from ..reports.output import check_target

    default = f"tertialrapport-{args.year}-t{tertial}.pdf" if tertial else f"statistik-{args.year}.pdf"
    output = check_target(args.output or default, ".pdf")  # refused before anything is saved
    db = _open(args)
    if args.summary_file:
        db.perform(SaveFeedbackSummary(args.year, read_text_file(args.summary_file, "Sammanfattning"), tertial=tertial))
    return _report(write_year_report(db, args.year, output, tertial=tertial))


def cmd_year(args) -> int:
    return _year_report(args, None)


def cmd_tertial(args) -> int:
    return _year_report(args, args.tertial)


def cmd_staff(args) -> int:
    from ..reports.api import write_staff_report
    from ..reports.output import check_target
    from ..vocabulary import fold

    name = f"-{'-'.join(fold(args.staff).split())}" if args.staff else ""
    output = check_target(args.output or f"medarbetare-{args.year}{name}.pdf", ".pdf")
    return _report(write_staff_report(_open(args), args.year, output, name=args.staff))


def cmd_export_year(args) -> int:
    from ..reports.api import write_year_workbook
    from ..reports.output import check_target

    output = check_target(args.output or f"statistik-{args.year}.xlsx", ".xlsx")  # before the database is opened
    written = write_year_workbook(_open(args), args.year, output)
    print(f"Sparade: {written.title}, tabellerna som arbetsbok, i {written.path}")
    return 0


def cmd_samples(args) -> int:
    from ..reports.samples import make_samples

    for path in make_samples(args.output, year=args.year):
        print(path)
    return 0
