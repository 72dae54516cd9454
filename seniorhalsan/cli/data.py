"""Commands on the unit's data: demo, import and stats."""

from __future__ import annotations

import argparse
import json
import sys

from .. import demo, stats, stats_text
from ..formatting import number
from ..operations.imports import ImportFile
from ..services import lookups
from .signin import open_signed_in


def register(commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("demo", parents=[common], help="fyll en tom databas med ett påhittat år",
                            description="Fyller en tom databas med ett realistiskt, påhittat år "
                                        "(och året före) av enhetens arbete.")
    p.add_argument("--year", type=int, metavar="ÅR", help="året som fylls (standard: innevarande år)")
    p.set_defaults(handler=cmd_demo)

    p = commands.add_parser("import", parents=[common], help="importera närvaro, kontakter eller synpunkter",
                            description="Importerar en CSV- eller XLSX-fil. Filen importeras helt eller inte alls; "
                                        "vid fel listas varje felaktig rad.")
    p.add_argument("kind", choices=["attendance", "contacts", "feedback"], metavar="typ",
                   help="attendance (närvaro), contacts (stödkontakter) eller feedback (Tyck till)")
    p.add_argument("file", metavar="FIL", help="CSV (; eller ,) eller XLSX")
    p.add_argument("--create-missing", action="store_true",
                   help="skapa okända mötesplatser, aktiviteter och medarbetare i stället för att vägra")
    p.set_defaults(handler=cmd_import)

    p = commands.add_parser("stats", parents=[common], help="årets statistik",
                            description="Årets siffror för verksamhetsberättelsen, som tabell eller JSON.")
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="året")
    p.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")
    p.set_defaults(handler=cmd_stats)


def _open(args):
    return open_signed_in(args)


def cmd_demo(args) -> int:
    db = _open(args)
    summary = db.call(demo.generate, year=args.year)
    print(
        f"Demodata för {summary.years[0]}–{summary.years[-1]}: {number(summary.sessions)} tillfällen med "
        f"{number(summary.visits)} besök, {number(summary.persons)} personer med {number(summary.contacts)} "
        f"kontakter och {summary.feedback} synpunkter."
    )
    return 0


def cmd_import(args) -> int:
    db = _open(args)
    try:
        report = db.perform(ImportFile(args.kind, args.file, args.create_missing)).value
    finally:
        db.dispose()  # also when called in-process: the connections are not left to the garbage collector
    print(report.summary())
    return 0


def cmd_stats(args) -> int:
    db = _open(args)
    figures = db.read(stats.year_stats, args.year)
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    unit = db.read(lookups.unit)
    labels = db.read(lookups.labels)
    sys.stdout.write(stats_text.render(figures, unit_name=unit.name, labels=labels))
    return 0
