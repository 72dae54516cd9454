"""The year's goals from the command line: set, list, remove, the analysis, and the figures a goal
can be set for."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import UserError
from .text_file import read_text_file


def register(commands, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser(
        "goal", parents=[common], help="årets mål: sätt, lista, ta bort, skriv analysen",
        description="Enhetschefens mål för året: ett mål för en vald siffra (för kvinnor och män där siffran "
                    "räknas så), resultatet mot målet och analysen i årets statistik och tertialrapporterna.")
    sub = group.add_subparsers(dest="goal_command", metavar="åtgärd", required=True)

    def command(name: str, help_text: str, handler, description: str | None = None) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=description or help_text)
        p.set_defaults(handler=handler)
        return p

    p = command("set", "sätt eller ändra årets mål för en siffra", cmd_set,
                "Sätter årets mål för en siffra (se goal figures). Finns målet ändras det.")
    _which(p)
    p.add_argument("--target", type=int, required=True, metavar="N",
                   help="målet för året (för en andel: procent, 1–100)")
    p.add_argument("--women", type=int, metavar="N", help="målet för kvinnor (besök och personer per insats)")
    p.add_argument("--men", type=int, metavar="N", help="målet för män")
    p.add_argument("--analysis-file", metavar="FIL",
                   help="textfil (UTF-8) med analysen till årets statistik, eller med --tertial till tertialrapporten")
    _tertial(p)

    p = command("analysis", "skriv analysen av ett mål till årets statistik eller en tertialrapport", cmd_analysis,
                "Analysen står under målet i rapporten. En tom fil tar bort den.")
    _which(p)
    p.add_argument("--file", required=True, metavar="FIL", help="textfil (UTF-8) med analysen")
    _tertial(p)

    p = command("list", "årets mål med utfall och status", cmd_list)
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="året")
    p.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")

    p = command("remove", "ta bort årets mål för en siffra (med analyserna)", cmd_remove)
    _which(p)

    p = command("figures", "siffrorna som ett mål kan sättas för, med nycklar", cmd_figures)
    p.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")


def _which(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, required=True, metavar="ÅR", help="året")
    p.add_argument("--figure", required=True, metavar="NYCKEL",
                   help="siffran, t.ex. visits, sessions:kultur, persons:fixartjanst (se goal figures)")


def _tertial(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tertial", type=int, choices=[1, 2], metavar="{1,2}",
                   help="analysen gäller tertialrapport 1 eller 2 (annars årets statistik)")


def _open(args):
    from .signin import open_signed_in

    return open_signed_in(args)


def cmd_set(args) -> int:
    from ..operations.goals import SetGoal

    if args.tertial and not args.analysis_file:
        raise UserError("Tertial: --tertial anger vilken rapport analysen gäller och behöver --analysis-file.")
    analysis = read_text_file(args.analysis_file, "Analys") if args.analysis_file else None
    goal = _open(args).perform(SetGoal(args.year, args.figure, args.target, women=args.women, men=args.men,
                                       analysis=analysis, tertial=args.tertial)).value
    print(f"Sparat: mål {goal.year} för {goal.label}: {_target_text(goal)}.")
    return 0


def cmd_analysis(args) -> int:
    from ..operations.goals import WriteGoalAnalysis

    analysis = read_text_file(args.file, "Analys")
    goal = _open(args).perform(WriteGoalAnalysis(args.year, args.figure, analysis, tertial=args.tertial)).value
    where = f"tertialrapport {args.tertial}" if args.tertial else "årets statistik"
    written = bool(goal.analysis.of(args.tertial))
    print(f"{'Sparat' if written else 'Borttaget'}: analysen av målet för {goal.label} ({where} {goal.year}).")
    return 0


def cmd_remove(args) -> int:
    from ..operations.goals import RemoveGoal
    from ..services.goals import list_goals

    db = _open(args)
    named = {g.figure: g.label for g in db.read(list_goals, args.year)}  # said as `goal set` says it
    db.perform(RemoveGoal(args.year, args.figure))
    print(f"Borttaget: målet {args.year} för {named.get(args.figure, args.figure)}.")
    return 0


def cmd_figures(args) -> int:
    from ..services.goals import figure_choices

    found = _open(args).read(figure_choices)
    if args.json:
        json.dump([{"figure": c.key, "label": c.label, "women_and_men": c.gendered, "share": c.share}
                   for c in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    width = max(len(c.key) for c in found) + 2
    for c in found:
        extra = " (mål för kvinnor och män går att sätta)" if c.gendered else (" (procent)" if c.share else "")
        print(f"{c.key:<{width}}{c.label}{extra}")
    return 0


def cmd_list(args) -> int:
    db = _open(args)
    goals, figures = db.read(_goals_and_results, args.year)
    results = {g.figure: g for g in figures.goals}
    if args.json:
        out = []
        for goal in goals:
            result = results.get(goal.figure)
            out.append({**(result.to_json() if result else {"figure": goal.figure, "target": goal.target}),
                        "label": goal.label,
                        "analysis": {"year": goal.analysis.year, "t1": goal.analysis.t1, "t2": goal.analysis.t2}})
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(_table(args.year, goals, results, figures))
    return 0


def _goals_and_results(ctx, year: int):
    """The year's goals and the year's figures (up to today while it runs), in one transaction."""
    from .. import stats
    from ..services.goals import list_goals

    until = ctx.today if ctx.today.year == year else None
    return list_goals(ctx, year), stats.year_stats(ctx, year, until=until)


def _target_text(goal) -> str:
    from ..formatting import number

    text = f"{number(goal.target)}{' %' if goal.share else ''}"
    parts = [f"{name} {number(part)}" for name, part in (("kvinnor", goal.women), ("män", goal.men))
             if part is not None]
    return text + (f" ({', '.join(parts)})" if parts else "")


def _table(year: int, goals, results, figures) -> str:
    from ..formatting import date_span
    from ..stats.goal_figures import value_text
    from ..stats.goals import STATUSES

    if not goals:
        return f"Inga mål är satta för {year}.\n"
    lines = [f"Mål {year}, utfall {date_span(figures.first, figures.last)}", ""]
    for goal in goals:
        result = results.get(goal.figure)
        lines.append(f"{goal.label} ({goal.figure})")
        lines.append(f"  mål {_target_text(goal)}")
        if result is not None:
            lines.append(f"  utfall {value_text(result.result, goal.share)}: {STATUSES[result.status].lower()}")
            for name, part in (("kvinnor", result.women), ("män", result.men)):
                if part is not None:
                    lines.append(f"    {name} {value_text(part.result)}: {STATUSES[part.status].lower()}")
        written = [name for name, text in (("årets", goal.analysis.year), ("T1", goal.analysis.t1),
                                           ("T2", goal.analysis.t2)) if text]
        lines.append(f"  analys: {', '.join(written) if written else 'ingen skriven'}")
    return "\n".join(lines) + "\n"
