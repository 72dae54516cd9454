"""The volunteer register from the command line: add a volunteer, list them, and one leaves.

A volunteer is a member of staff of the kind volontär (as "Ny volontär" under Enheten →
Medarbetare): the same operations as the window save them.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import UserError
from .attendance import day_argument
from .signin import open_signed_in


def register(commands, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser(
        "volunteer", parents=[common], help="volontärregistret: lägg till, lista, avsluta",
        description="Volontärregistret: namn, hur man når dem, vad de leder eller hjälper till med, var, sedan när "
                    "och till när. Den som slutat gallras som personer, och tillfällena hen ledde räknas som förut.")
    sub = group.add_subparsers(dest="volunteer_command", metavar="åtgärd", required=True)

    p = sub.add_parser("add", parents=[common], help="en ny volontär")
    p.add_argument("name", metavar="NAMN")
    p.add_argument("--phone", metavar="NR", help="telefonnummer")
    p.add_argument("--email", metavar="ADRESS", help="e-postadress")
    p.add_argument("--helps-with", metavar="TEXT", help="vad hen leder eller hjälper till med, t.ex. \"Canasta\"")
    p.add_argument("--place", action="append", default=[], metavar="PLATS",
                   help="en mötesplats där hen är med (kan anges flera gånger)")
    p.add_argument("--since", type=day_argument, metavar="ÅÅÅÅ-MM-DD", help="första dagen (standard: i dag)")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", parents=[common], help="volontärerna")
    p.add_argument("--all", action="store_true", help="också de som har slutat")
    p.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("end", parents=[common], help="en volontär slutar")
    p.add_argument("name", metavar="NAMN")
    p.add_argument("--date", type=day_argument, metavar="ÅÅÅÅ-MM-DD", help="sista dagen (standard: i dag)")
    p.set_defaults(handler=cmd_end)


def _volunteer(db, name: str):
    from ..services import staff

    found = db.read(staff.find_staff, name)
    if found is None or found.kind != "volontar":
        known = [s.name for s in db.read(staff.list_staff, include_inactive=True) if s.volunteer]
        listed = f" Volontärerna: {', '.join(known)}." if known else " Det finns inga volontärer ännu."
        raise UserError(f"Volontär: '{name}' finns inte bland volontärerna.{listed}")
    return found


def cmd_add(args) -> int:
    from ..operations.catalogue import CreateStaff
    from ..services import places

    db = open_signed_in(args)
    place_ids = []
    for name in args.place:
        place = db.read(places.find_place, name)
        if place is None:
            raise UserError(f"Platser: '{name}' är ingen känd mötesplats.")
        place_ids.append(place.id)
    info = db.perform(CreateStaff(name=args.name, kind="volontar", title="Volontär", phone=args.phone,
                                  email=args.email, helps_with=args.helps_with, places=tuple(place_ids),
                                  started_on=args.since or db.clock())).value
    print(f"Volontären {info.name} är tillagd från {info.started_on.isoformat()}.")
    return 0


def cmd_list(args) -> int:
    from ..services import staff

    db = open_signed_in(args)
    found = [s for s in db.read(staff.list_staff, include_inactive=args.all) if s.volunteer]
    if args.json:
        json.dump([{"name": s.name, "phone": s.phone, "email": s.email, "helps_with": s.helps_with,
                    "places": list(s.place_names), "since": s.started_on and s.started_on.isoformat(),
                    "until": s.ended_on and s.ended_on.isoformat(), "erased": s.erased} for s in found],
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not found:
        print("Inga volontärer." if args.all else
              "Inga volontärer är med just nu (--all visar också de som slutat).")
        return 0
    for s in found:
        since = s.started_on.isoformat() if s.started_on else "?"
        period = f"{since} – {s.ended_on.isoformat() if s.ended_on else ''}"
        reach = ", ".join(v for v in (s.phone, s.email) if v)
        print(f"{s.name:<24} {period:<24} {s.helps_with or '':<28} {', '.join(s.place_names):<28} {reach}".rstrip())
    return 0


def cmd_end(args) -> int:
    from ..operations.catalogue import EndVolunteer

    db = open_signed_in(args)
    volunteer = _volunteer(db, args.name)
    info = db.perform(EndVolunteer(volunteer.id, args.date)).value
    print(f"{info.name} slutade {info.ended_on.isoformat()}. Tillfällena hen ledde räknas som förut; namn och "
          "kontaktuppgifter gallras som för personer.")
    return 0
