"""Commands on the unit's data: demo, import and stats."""

from __future__ import annotations

import argparse
import json
import sys

from .signin import open_signed_in


def register(commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("demo", parents=[common], help="fyll en tom databas med ett påhittat år",
                            description="Fyller en tom databas med ett realistiskt, påhittat år "
                                        "(och året före) av enhetens arbete. Utan --db fylls demodatabasen "
                                        "seniorhalsan-demo.sqlite3 i datamappen, aldrig enhetens egen databas.")
    p.add_argument("--year", type=int, metavar="ÅR", help="året som fylls (standard: innevarande år)")
    p.set_defaults(handler=cmd_demo)

    p = commands.add_parser("import", parents=[common],
                            help="importera närvaro, schema, kontakter, synpunkter, gruppträffar, utbildningar "
                                 "eller utåtriktat arbete",
                            description="Importerar en CSV- eller XLSX-fil. Filen importeras helt eller inte alls; "
                                        "vid fel listas varje felaktig rad.")
    p.add_argument("kind", choices=["attendance", "schedule", "contacts", "feedback", "groups", "trainings",
                                    "outreach"],
                   metavar="typ",
                   help="attendance (närvaro), schedule (terminens schema, med --term), contacts (stödkontakter), "
                        "feedback (Tyck till), groups (gruppträffar), trainings (utbildningar för personal) eller "
                        "outreach (utåtriktat arbete)")
    p.add_argument("file", metavar="FIL", help="CSV (; eller ,) eller XLSX")
    p.add_argument("--term", metavar="TERMIN", help="terminen ett schema gäller, t.ex. ht2026 (bara för schedule)")
    p.add_argument("--create-missing", action="store_true",
                   help="skapa okända mötesplatser, aktiviteter, medarbetare och samarbetspartner (och för "
                        "schedule terminen) i stället för att vägra")
    p.set_defaults(handler=cmd_import, parser=p)

    p = commands.add_parser("stats", parents=[common], help="årets statistik",
                            description="Årets siffror för verksamhetsberättelsen, som tabell eller JSON.")
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="året")
    p.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")
    p.set_defaults(handler=cmd_stats)


def _open(args):
    return open_signed_in(args)


def cmd_demo(args) -> int:
    from ..formatting import number
    from ..operations.imports import GenerateDemo
    from ..paths import demo_db_path
    from .main import database_given

    to_demo_file = not database_given(args)
    if to_demo_file:  # the unit's own database never gets invented data by default
        args.db = str(demo_db_path())
    db = _open(args)
    summary = db.perform(GenerateDemo(args.year)).value
    if to_demo_file:
        print(f"Demodatabasen: {args.db}")
    print(
        f"Demodata för {summary.years[0]}–{summary.years[-1]}: {number(summary.sessions)} tillfällen med "
        f"{number(summary.visits)} besök, {number(summary.persons)} personer med {number(summary.contacts)} "
        f"kontakter och {summary.feedback} synpunkter."
    )
    return 0


def cmd_import(args) -> int:
    from ..operations.imports import ImportFile
    from ..periods import parse_term_code

    if args.kind == "schedule" and not args.term:
        args.parser.error("import schedule behöver --term TERMIN, t.ex. --term ht2026")
    if args.kind != "schedule" and args.term:
        args.parser.error("--term anges bara för import schedule")
    if args.term:
        parse_term_code(args.term)  # a mistyped code is refused before the database is opened

    db = _open(args)
    # as the window's import: one operation, which waits for another import of the same kind
    report = db.perform(ImportFile(args.kind, str(args.file), args.create_missing, term=args.term)).value
    print(report.summary())
    return 0


def cmd_stats(args) -> int:
    from .. import stats

    db = _open(args)
    if args.json:
        json.dump(db.read(stats.year_stats, args.year).to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(db.read(_stats_table, args.year))
    return 0


def _stats_table(ctx, year: int) -> str:
    """The table, its figures and their names read in one transaction."""
    from .. import stats, stats_text
    from ..services import lookups

    reference = stats.load_reference(ctx)
    figures = stats.year_stats(ctx, year, reference=reference)
    return stats_text.render(figures, unit_name=lookups.unit(ctx).name, labels=reference.labels)
