"""Sign-ups from the command line: open a list, sign people up and off, the list, who came, print.

Every command names its occasion the same way: `--activity NAMN` with `--date DAG` (a trip,
an event, one course meeting: the activity's dated row on the schedule) or with
`--term TERMIN --place NAMN` (a course or group that meets every week of the term);
`--place`, `--weekday` and `--time` pick one when the activity stands more than once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from .attendance import day_argument

GENDER_CHOICES = ("kvinna", "man", "annat")


def weekday_argument(text: str) -> int:
    from ..vocabulary import WEEKDAYS, fold

    folded = fold(text)
    if folded.isdigit() and 1 <= int(folded) <= 7:
        return int(folded)
    for number, name in enumerate(WEEKDAYS, start=1):
        if folded in (fold(name), fold(name) + "ar", fold(name)[:3]):
            return number
    raise argparse.ArgumentTypeError(f"'{text}' är ingen veckodag (skriv måndag … söndag eller 1–7)")


def time_argument(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip().replace(".", ":").zfill(5))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är ingen tid (skriv TT:MM)") from None


def _occasion_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--activity", required=True, metavar="NAMN", help="aktiviteten, som i katalogen")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--date", type=day_argument, metavar="ÅÅÅÅ-MM-DD",
                       help="dagen för ett enstaka tillfälle (utflykt, evenemang, en kursträff)")
    which.add_argument("--term", metavar="TERMIN", help="terminen för en kurs eller grupp varje vecka, t.ex. ht2026 "
                                                       "(med --place)")
    p.add_argument("--place", metavar="NAMN", help="mötesplatsen (behövs med --term)")
    p.add_argument("--weekday", type=weekday_argument, metavar="DAG",
                   help="veckodagen, när aktiviteten träffas flera dagar i veckan på platsen")
    p.add_argument("--time", type=time_argument, metavar="TT:MM",
                   help="starttiden, när aktiviteten står flera gånger samma dag")


def register(commands, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser(
        "signup", parents=[common], help="anmälan: platser, reservlista, ringlista och vilka som kom",
        description="Anmälan till utflykter, evenemang, kurser och grupper. Ett tillfälle anges med --activity "
                    "och --date (ett enstaka tillfälle) eller --term och --place (en kurs eller grupp varje vecka).")
    sub = group.add_subparsers(dest="signup_command", metavar="åtgärd", required=True)

    def command(name: str, help_text: str, handler, description: str | None = None) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=description or help_text)
        _occasion_options(p)
        p.set_defaults(handler=handler)
        return p

    p = command("open", "låt ett tillfälle ta emot anmälningar", cmd_open)
    p.add_argument("--places", type=int, required=True, metavar="N", help="antalet platser")
    p.add_argument("--last-day", type=day_argument, metavar="ÅÅÅÅ-MM-DD", help="sista anmälningsdag (i foldern)")
    p = command("places", "ändra antalet platser eller sista anmälningsdag", cmd_places,
                "Nya platser går till de första på reservlistan; kommandot säger vilka som ska ringas.")
    p.add_argument("--places", type=int, required=True, metavar="N", help="antalet platser")
    p.add_argument("--last-day", type=day_argument, metavar="ÅÅÅÅ-MM-DD", help="sista anmälningsdag")
    p = command("add", "anmäl en person (plats, eller reservlistan när platserna är slut)", cmd_add)
    p.add_argument("--name", required=True, metavar="NAMN", help="personens namn")
    p.add_argument("--phone", required=True, metavar="NR", help="telefonnummer (samma nummer anmäls inte två gånger)")
    p.add_argument("--email", metavar="ADRESS", help="e-post (t.ex. för en länk till ett digitalt tillfälle)")
    p.add_argument("--gender", choices=GENDER_CHOICES, help="kön, för närvarons siffror")
    p.add_argument("--note", metavar="TEXT", help="en kort anteckning, t.ex. rullator")
    p = command("cancel", "avanmäl en person; den första på reservlistan får platsen", cmd_cancel)
    p.add_argument("--phone", required=True, metavar="NR", help="personens telefonnummer")
    p = command("list", "listan: de med plats, sedan reservlistan", cmd_list)
    p.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")
    p = command("attended", "vilka som kom: blir tillfällets antal under Närvaro", cmd_attended,
                "Ange alla som kom (--phone för var och en). En ny körning för samma dag ersätter den förra.")
    p.add_argument("--day", type=day_argument, metavar="ÅÅÅÅ-MM-DD", help="träffens dag (för en kurs eller grupp)")
    p.add_argument("--phone", required=True, action="append", metavar="NR", help="en som kom (upprepa)")
    p.add_argument("--new", action="append", default=[], metavar="NR", help="en som kom för första gången (upprepa)")
    p = command("print", "skriv ut deltagarlistan eller ringlistan som PDF", cmd_print)
    p.add_argument("--call-list", action="store_true", help="ringlistan i stället för ledarens deltagarlista")
    p.add_argument("--day", type=day_argument, metavar="ÅÅÅÅ-MM-DD", help="träffens dag (för en kurs eller grupp)")
    p.add_argument("-o", "--output", metavar="FIL",
                   help="PDF-filen (standard: deltagarlista-…pdf eller ringlista-…pdf)")


def _open(args):
    from .signin import open_signed_in

    return open_signed_in(args)


def _entry(db, args) -> int:
    from ..services.signup_lookup import find_entry

    return db.read(find_entry, activity=args.activity, on_date=args.date, term=args.term, place=args.place,
                   weekday=args.weekday, start=args.time)


def _list(db, args) -> int:
    from ..services.signup_lookup import list_of_entry

    return db.read(list_of_entry, _entry(db, args))


def _who(person) -> str:
    return f"{person.name} ({person.phone})"


def _call(moved) -> None:
    for person in moved:
        print(f"Ring {_who(person)}: har fått plats {person.number} från reservlistan.")


def cmd_open(args) -> int:
    from ..operations.signups import OpenSignups

    db = _open(args)
    found = db.perform(OpenSignups(_entry(db, args), args.places, args.last_day)).value
    last = f", sista anmälningsdag {found.last_day.isoformat()}" if found.last_day else ""
    print(f"Anmälan är öppen: {found.title}. {found.places} platser{last}.")
    return 0


def cmd_places(args) -> int:
    from ..operations.signups import ChangeSignups

    db = _open(args)
    changed = db.perform(ChangeSignups(_list(db, args), args.places, args.last_day)).value
    print(f"{changed.occasion.title}: {changed.occasion.places} platser.")
    _call(changed.moved_up)
    return 0


def cmd_add(args) -> int:
    from ..operations.signups import SignUp

    db = _open(args)
    done = db.perform(SignUp(_list(db, args), args.name, args.phone, args.email, args.gender, args.note)).value
    p, o = done.participant, done.occasion
    if p.has_place:
        print(f"Anmäld: {p.name} har plats {p.number} av {o.places}.")
    else:
        print(f"Platserna är slut: {p.name} står som nummer {p.number} på reservlistan.")
    return 0


def cmd_cancel(args) -> int:
    from ..operations.signups import CancelSignup

    db = _open(args)
    done = db.perform(CancelSignup(_list(db, args), phone=args.phone)).value
    print(f"Avanmäld: {done.name}.")
    _call(done.moved_up)
    if not done.moved_up and done.occasion.free:
        print(f"{done.occasion.free} platser är lediga.")
    return 0


def cmd_list(args) -> int:
    from ..services.signup_people import participants
    from ..services.signups import get_occasion

    db = _open(args)
    list_id = _list(db, args)
    found = db.read(get_occasion, list_id)
    people = db.read(participants, list_id)
    if args.json:
        rows = [{"status": p.status, "number": p.number, "name": p.name, "phone": p.phone, "email": p.email,
                 "gender": p.gender, "note": p.note, "present": [d.isoformat() for d in p.present_days]}
                for p in people]
        json.dump({"occasion": found.title, "places": found.places, "taken": found.taken, "waiting": found.waiting,
                   "last_day": found.last_day.isoformat() if found.last_day else None, "participants": rows},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{found.title}: {found.taken} av {found.places} platser, {found.waiting} på reservlistan.")
    for p in people:
        where = f"{p.number:>3}" if p.has_place else f"R{p.number:<2}"
        extra = "  ".join(x for x in (p.gender_label, p.note or "") if x)
        print(f"{where}  {p.name or '(gallrad)'}  {p.phone or ''}  {extra}".rstrip())
    return 0


def cmd_attended(args) -> int:
    from ..errors import UserError
    from ..operations.signups import TickPresence
    from ..services.signup_people import ids_by_phone
    from ..services.signups import get_occasion

    db = _open(args)
    list_id = _list(db, args)
    found = db.read(get_occasion, list_id)
    day = args.day or found.on_date
    if day is None:
        raise UserError("Datum: ange träffens dag med --day för en kurs eller grupp.")
    ids = db.read(ids_by_phone, list_id, tuple(args.phone) + tuple(args.new))
    ticked = db.perform(TickPresence(list_id, day, tuple(ids[p] for p in args.phone),
                                     tuple(ids[p] for p in args.new))).value
    split = "" if ticked.women is None else f" (kvinnor {ticked.women}, män {ticked.men}, övriga {ticked.other})"
    new = f", varav {ticked.new_visitors} nya" if ticked.new_visitors else ""
    print(f"{found.activity_name} {day.isoformat()}: {ticked.total} kom{split}{new}. Sparat under Närvaro.")
    return 0


def cmd_print(args) -> int:
    from ..reports.output import check_target
    from ..reports.signup_lists import write_signup_list

    kind = "ringlista" if args.call_list else "deltagare"
    name = "ringlista" if args.call_list else "deltagarlista"
    output = check_target(args.output or f"{name}-{args.date or args.term}.pdf")
    db = _open(args)
    written = write_signup_list(db, _list(db, args), kind, output, args.day)
    print(f"Sparade: {written.title} ({written.pages} {'sida' if written.pages == 1 else 'sidor'}) i {written.path}")
    if written.warning():
        print(written.warning())
    return 0
