"""Commands on a place's days: the sessions of a day, and the counts still missing."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys


def day_argument(text: str) -> dt.date:
    """A date written ÅÅÅÅ-MM-DD, for argparse (its refusal is argparse's own, exit 2)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inget datum (skriv ÅÅÅÅ-MM-DD)") from None


def register(commands, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("attendance", parents=[common], help="en dags tillfällen och saknade räkningar",
                                description="Närvaro från kommandoraden: en dags tillfällen som sidan Närvaro visar "
                                            "dem, och planerade tillfällen som ännu saknar antal.")
    sub = group.add_subparsers(dest="attendance_command", metavar="åtgärd", required=True)
    p = sub.add_parser("day", parents=[common], help="en mötesplats tillfällen en dag, planerade och extra")
    p.add_argument("--place", required=True, metavar="NAMN", help="mötesplatsen")
    p.add_argument("--date", required=True, type=day_argument, metavar="ÅÅÅÅ-MM-DD", help="dagen")
    p.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")
    p.set_defaults(handler=cmd_day)
    p = sub.add_parser("missing", parents=[common], help="planerade tillfällen utan antal och inte inställda",
                       description="Varje planerat tillfälle i perioden (fram till i går) som varken har antal "
                                   "eller är markerat som inställt.")
    p.add_argument("--place", metavar="NAMN", help="bara den här mötesplatsen")
    p.add_argument("--from", dest="first", required=True, type=day_argument, metavar="ÅÅÅÅ-MM-DD",
                   help="periodens första dag")
    p.add_argument("--to", dest="last", required=True, type=day_argument, metavar="ÅÅÅÅ-MM-DD",
                   help="periodens sista dag")
    p.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")
    p.set_defaults(handler=cmd_missing)


def _place_id(db, name: str) -> int:
    from ..errors import NotFound
    from ..importing.report import suggestions
    from ..services import places

    found = db.read(places.find_place, name)
    if found is None:
        known = [p.name for p in db.read(places.list_places)]
        raise NotFound(f"Mötesplatsen '{name}' finns inte." + suggestions(name, known))
    return found.id


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def cmd_day(args) -> int:
    from ..services import attendance_days
    from .signin import open_signed_in

    db = open_signed_in(args)
    sessions = db.read(attendance_days.day_sessions, place_id=_place_id(db, args.place), day=args.date)
    rows = [
        {"start": _hhmm(s.starts_at), "end": _hhmm(s.ends_at), "activity": s.activity_name,
         "women": s.women, "men": s.men, "other": s.other, "total": s.total, "new": s.new_visitors,
         "cancelled": s.cancelled, "planned": s.planned}
        for s in sessions
    ]
    if args.json:
        _dump(rows)
        return 0
    if not rows:
        print(f"Inga tillfällen {args.date.isoformat()}.")
    for row in rows:
        counted = "inställt" if row["cancelled"] else _counts(row)
        kind = "" if row["planned"] else " (extra)"
        print(f"{row['start'] or '–':>5}  {row['activity']}{kind}: {counted}")
    return 0


def _counts(row: dict) -> str:
    if row["total"] is None:
        return "inte räknat"
    split = "" if row["women"] is None else f" (kvinnor {row['women']}, män {row['men']}, övriga {row['other']})"
    new = "" if row["new"] is None else f", varav {row['new']} nya"
    return f"{row['total']} besökare{split}{new}"


def cmd_missing(args) -> int:
    from ..services import attendance_history
    from .signin import open_signed_in

    db = open_signed_in(args)
    place_id = _place_id(db, args.place) if args.place else None
    waiting = db.read(attendance_history.missing_counts, first=args.first, last=args.last, place_id=place_id)
    rows = [{"date": m.day.isoformat(), "place": m.place_name, "start": _hhmm(m.starts_at),
             "activity": m.activity_name, "leader": m.leader_name} for m in waiting]
    if args.json:
        _dump(rows)
        return 0
    if not rows:
        print("Inga planerade tillfällen saknar antal.")
        return 0
    print(f"{len(rows)} planerade tillfällen saknar antal:")
    for row in rows:
        leader = f" ({row['leader']})" if row["leader"] else ""
        print(f"{row['date']}  {row['start'] or '–':>5}  {row['place']}: {row['activity']}{leader}")
    return 0


def _dump(rows: list[dict]) -> None:
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
