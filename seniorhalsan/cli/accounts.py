"""Commands for accounts, the access log and gallring (the unit head's tools)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..errors import UserError
from ..roles import ROLES
from ..vocabulary import ACCESS_OPERATIONS, ACCESS_RECORD_TYPES
from .signin import new_password, open_signed_in


def register(commands, common: argparse.ArgumentParser) -> None:
    user = commands.add_parser("user", parents=[common], help="konton: lägg till, lista, stäng av, byt lösenord",
                               description="Konton och roller. Det första kontot ska vara enhetschefens; "
                                           "därefter hanterar enhetschefen kontona.")
    sub = user.add_subparsers(dest="user_command", metavar="åtgärd", required=True)
    p = sub.add_parser("add", parents=[common], help="lägg till ett konto")
    p.add_argument("name", metavar="NAMN", help="användarnamn (små bokstäver, utan mellanslag)")
    p.add_argument("--role", required=True, choices=list(ROLES), metavar="ROLL",
                   help="enhetschef, samordnare, instruktor eller lasare")
    p.add_argument("--service", action="append", default=[], metavar="INSATS",
                   help="för en instruktör: it_stod, fixartjanst, syn_horsel, anhorigstod, aldrestod (kan upprepas)")
    p.add_argument("--display-name", metavar="TEXT", help="personens namn, t.ex. 'Karin Exempelsson'")
    p.add_argument("--staff", metavar="MEDARBETARE",
                   help="medarbetaren som loggar in med kontot (namnet som under Enheten → Medarbetare)")
    p.set_defaults(handler=cmd_user_add)
    p = sub.add_parser("list", parents=[common], help="lista kontona")
    p.set_defaults(handler=cmd_user_list)
    p = sub.add_parser("disable", parents=[common], help="stäng av ett konto")
    p.add_argument("name", metavar="NAMN")
    p.set_defaults(handler=cmd_user_disable)
    p = sub.add_parser("password", parents=[common], help="sätt ett nytt lösenord")
    p.add_argument("name", metavar="NAMN")
    p.set_defaults(handler=cmd_user_password)
    p = sub.add_parser("staff", parents=[common], help="knyt ett konto till medarbetaren som använder det",
                       description="Knyter kontot till en medarbetare, så att hens egna insatser och kontakter "
                                   "kommer först. Med --none tas kopplingen bort.")
    p.add_argument("name", metavar="NAMN", help="kontots användarnamn")
    p.add_argument("staff", metavar="MEDARBETARE", nargs="?", help="medarbetarens namn")
    p.add_argument("--none", action="store_true", help="knyt kontot till ingen medarbetare")
    p.set_defaults(handler=cmd_user_staff, parser=p)
    p = sub.add_parser("unlock", parents=[common], help="lås upp ett konto som låsts efter misslyckade inloggningar")
    p.add_argument("name", metavar="NAMN")
    p.set_defaults(handler=cmd_user_unlock)

    p = commands.add_parser("gallra", parents=[common], help="rensa gamla personuppgifter",
                            description="Rensar personuppgifterna (referens, namn, kontaktuppgifter, anteckningar) "
                                        "för personer utan kontakt på ett antal år. Födelseår, kön och kontakterna "
                                        "finns kvar, så statistiken för tidigare år blir exakt densamma.")
    p.add_argument("--older-than", type=int, metavar="ÅR",
                   help="antal år utan kontakt (standard: enhetens inställning, från början 3)")
    p.add_argument("--person", metavar="REFERENS", help="rensa en enda person på egen begäran")
    p.add_argument("--yes", action="store_true", help="fråga inte först")
    p.set_defaults(handler=cmd_gallra)

    p = commands.add_parser("access-log", parents=[common], help="sök i åtkomstloggen",
                            description="Visar vem som läst eller ändrat personuppgifter och synpunkter.")
    p.add_argument("--by", metavar="ANVÄNDARE", help="bara den här användaren")
    p.add_argument("--record", choices=list(ACCESS_RECORD_TYPES),
                   help="bara en slags post: person, kontakt, synpunkt, konto, funktion, databas, anmalan "
                        "eller volontar")
    p.add_argument("--id", type=int, metavar="ID", help="bara posten med detta id")
    p.add_argument("--from", dest="since", type=dt.date.fromisoformat, metavar="ÅÅÅÅ-MM-DD")
    p.add_argument("--to", dest="until", type=dt.date.fromisoformat, metavar="ÅÅÅÅ-MM-DD")
    p.add_argument("--csv", metavar="FIL", help="skriv till en CSV-fil i stället för skärmen")
    p.set_defaults(handler=cmd_access_log)


def _staff_id(db, name: str | None) -> int | None:
    """A staff member by name, or a refusal that says where staff are added."""
    from ..services import staff

    if not name:
        return None
    found = db.read(staff.find_staff, name)
    if found is None:
        raise UserError(f"Medarbetare: {name} finns inte. Lägg till medarbetaren i fönstret under "
                        "Enheten → Medarbetare (eller med en schemaimport med --create-missing).")
    return found.id


def _described(account) -> str:
    """An account as a sentence names it: role, services (by name) and staff member."""
    services = f" för {', '.join(account.service_names)}" if account.service_names else ""
    staff = f", {account.staff_name}" if account.staff_name else ""
    return f"{account.username} ({account.role_label.lower()}{services}{staff})"


def cmd_user_add(args) -> int:
    from ..operations.accounts import CreateAccount

    db = open_signed_in(args)
    staff_id = _staff_id(db, args.staff)
    password = new_password(args.name)
    created = db.perform(CreateAccount(username=args.name, password=password, role=args.role,
                                       services=tuple(args.service or ()), display_name=args.display_name,
                                       staff_id=staff_id)).value
    print(f"Kontot {_described(created)} är skapat.")
    return 0


def cmd_user_staff(args) -> int:
    from ..operations.accounts import TieAccountToStaff

    if bool(args.staff) == args.none:
        args.parser.error("ange antingen MEDARBETARE eller --none")
    db = open_signed_in(args, permission="accounts")
    tied = db.perform(TieAccountToStaff(args.name, _staff_id(db, args.staff))).value
    if tied.staff_name:
        print(f"Kontot {tied.username} är knutet till {tied.staff_name}.")
    else:
        print(f"Kontot {tied.username} är inte knutet till någon medarbetare.")
    return 0


def cmd_user_list(args) -> int:
    from ..services import accounts

    db = open_signed_in(args, permission="accounts")
    rows = db.read(accounts.list_accounts)
    if not rows:
        print("Databasen har inga konton ännu; den används utan inloggning.")
        return 0
    for row in rows:
        state = "" if row.active else "  (avstängt)"
        if row.locked_until:
            state += f"  (låst till {row.locked_until:%H:%M})"
        services = f"  [{', '.join(row.service_names)}]" if row.service_names else ""
        staff = f"  {row.staff_name}" if row.staff_name else ""
        last = f"  senast inloggad {row.last_login:%Y-%m-%d %H:%M}" if row.last_login else ""
        print(f"{row.username:<20} {row.role_label:<12}{staff}{services}{last}{state}")
    return 0


def cmd_user_disable(args) -> int:
    from ..operations.accounts import DisableAccount

    db = open_signed_in(args, permission="accounts")
    db.perform(DisableAccount(args.name))
    print(f"Kontot {args.name} är avstängt.")
    return 0


def cmd_user_unlock(args) -> int:
    from ..operations.accounts import UnlockAccount
    db = open_signed_in(args, permission="accounts")
    db.perform(UnlockAccount(args.name))
    print(f"Kontot {args.name} är upplåst.")
    return 0


def cmd_user_password(args) -> int:
    from ..operations.accounts import SetPassword

    db = open_signed_in(args)
    db.perform(SetPassword(args.name, new_password(args.name)))
    print(f"Lösenordet för {args.name} är bytt.")
    return 0


def _confirm(args, question: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise UserError("Lägg till --yes för att bekräfta.")
    return input(f"{question} Skriv ja för att fortsätta: ").strip().lower() in ("ja", "j", "yes", "y")


def cmd_gallra(args) -> int:
    from ..operations.accounts import ErasePerson, Gallra
    from ..services import persons, retention

    db = open_signed_in(args, permission="accounts")
    if args.person:
        person = db.read(persons.person_by_reference, args.person)
        if person is None:
            raise UserError(f"Personen {args.person} finns inte (eller är redan gallrad).")
        if not _confirm(args, f"Personuppgifterna för {args.person} rensas."):
            print("Avbrutet; ingenting har ändrats.")
            return 1
        db.perform(ErasePerson(person.id))
        print(f"Personuppgifterna för {args.person} är rensade. Statistiken är oförändrad.")
        return 0
    if args.older_than is not None and args.older_than < 1:
        raise UserError("--older-than: ange minst ett år.")
    planned = db.read(retention.preview, older_than_years=args.older_than)
    if not planned.persons and not planned.feedback and not planned.signups and not planned.volunteers:
        print(f"Ingen person saknar kontakt sedan {planned.cutoff.isoformat()}; inget att gallra.")
        return 0
    also = f" Kontaktuppgiften tas bort från {planned.feedback} äldre synpunkter." if planned.feedback else ""
    if planned.signups:
        also += f" Namn och telefon tas bort för {planned.signups} personer på anmälningslistor."
    if planned.volunteers:
        also += (f" Namn och kontaktuppgifter tas bort för {planned.volunteers} "
                 f"{'volontär' if planned.volunteers == 1 else 'volontärer'} som slutade före dess.")
    if not _confirm(args, f"{planned.persons} personer utan kontakt sedan {planned.cutoff.isoformat()} gallras.{also}"):
        print("Avbrutet; ingenting har ändrats.")
        return 1
    done = db.perform(Gallra(args.older_than)).value
    print(f"{done.persons} personer utan kontakt sedan {done.cutoff.isoformat()} är gallrade. "
          "Statistiken är oförändrad.")
    if done.feedback:
        print(f"Kontaktuppgiften är borttagen från {done.feedback} synpunkter från före {done.cutoff.isoformat()}.")
    if done.signups:
        print(f"Namn, telefon och anteckning är borttagna för {done.signups} personer på anmälningslistor.")
    if done.volunteers:
        who = "volontär" if done.volunteers == 1 else "volontärer"
        print(f"Namn och kontaktuppgifter är borttagna för {done.volunteers} {who} som slutade före "
              f"{done.cutoff.isoformat()}; de tillfällen de ledde räknas som förut.")
    return 0


def cmd_access_log(args) -> int:
    from ..reports.output import check_target
    from ..services import access_log

    if args.csv:
        check_target(args.csv, ".csv")  # before the password is asked for
    db = open_signed_in(args, permission="accounts")
    filters = dict(username=args.by, record_type=args.record, record_id=args.id, since=args.since, until=args.until)
    if args.csv:
        count = db.read(access_log.export_csv, args.csv, **filters)
        print(f"{count} rader skrevs till {args.csv}.")
        return 0
    for e in db.read(access_log.search, **filters):
        what = f"{ACCESS_RECORD_TYPES.get(e.record_type, e.record_type)} {e.record_id or ''}".strip()
        detail = f"  ({e.detail})" if e.detail else ""
        operation = ACCESS_OPERATIONS.get(e.operation, e.operation)
        print(f"{e.at:%Y-%m-%d %H:%M:%S}  {e.username:<16} {operation:<10} {what}{detail}")
    return 0
