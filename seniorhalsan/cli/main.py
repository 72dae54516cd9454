"""Entry point of the `seniorhalsan` command: parsing, opening the database, errors."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..errors import UserError
from ..paths import database_url, log_file
from . import argparse_sv

log = logging.getLogger("seniorhalsan")

EXIT_REFUSED = 1
EXIT_UNEXPECTED = 70

DESCRIPTION = """Seniorhälsan: aktiviteter, närvaro, stödinsatser och Tyck till.
Utan underkommando öppnas programfönstret."""


def database_options(parser: argparse.ArgumentParser, *, as_default: bool) -> None:
    """--db and --db-url, accepted both before and after the subcommand."""
    default = None if as_default else argparse.SUPPRESS
    parser.add_argument("--db", metavar="FIL", default=default,
                        help="databasfil (SQLite); annars SENIORHALSAN_DB eller standardfilen i datamappen")
    parser.add_argument("--db-url", metavar="URL", default=default,
                        help="en SQLAlchemy-URL, t.ex. postgresql+psycopg://användare@server/databas")
    parser.add_argument("--unit", metavar="NYCKEL", default=default,
                        help="enheten, när flera enheter delar en databas (annars SENIORHALSAN_UNIT eller den första)")
    parser.add_argument("--user", metavar="NAMN", default=default,
                        help="logga in som NAMN (behövs när databasen har konton); lösenordet frågas efter "
                             "eller läses från SENIORHALSAN_PASSWORD")


def build_parser() -> argparse.ArgumentParser:
    from . import accounts, admin, attendance, data, goals, reports, signups, volunteers

    argparse_sv.install()
    parser = argparse.ArgumentParser(prog="seniorhalsan", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"seniorhalsan {__version__}",
                        help="visa programmets version och avsluta")
    database_options(parser, as_default=True)
    common = argparse.ArgumentParser(add_help=False)
    database_options(common, as_default=False)
    commands = parser.add_subparsers(dest="command", metavar="kommando", title="kommandon")
    data.register(commands, common)
    attendance.register(commands, common)
    reports.register(commands, common)
    signups.register(commands, common)
    volunteers.register(commands, common)
    goals.register(commands, common)
    admin.register(commands, common)
    accounts.register(commands, common)
    return parser


def setup_logging() -> logging.Handler:
    """The log file for this run (readable by its owner only); `main` removes it again when
    the command is done."""
    from ..private import create_private_file

    try:
        handler: logging.Handler = logging.FileHandler(create_private_file(log_file()), encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def url_of(args: argparse.Namespace) -> str:
    return database_url(getattr(args, "db", None), getattr(args, "db_url", None))


def window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options of a plain start of the window, or None when a command (or help) is asked for.

    Starting the window needs none of the commands' modules, which load the whole data
    layer: the window shows itself first and opens the database after.
    """
    plain = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    database_options(plain, as_default=True)
    try:
        args, rest = plain.parse_known_args(sys.argv[1:] if argv is None else list(argv))
    except argparse.ArgumentError:
        return None  # the full parser says what is wrong
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    args = window_arguments(argv)
    if args is None:
        args = build_parser().parse_args(argv)
    logged = setup_logging()
    args.opened = []  # databases the command opens, closed when it ends (main may run again in a process)
    if argv is None and getattr(args, "handler", None) is not None:
        _defer_collection()
    try:
        return _run(args)
    finally:
        for db in args.opened:
            db.dispose()
        logging.getLogger().removeHandler(logged)
        logged.close()


# A command's start-up (SQLAlchemy, the models, the open database) builds tens of thousands
# of objects that live until the command ends. Python's cyclic collector would scan them
# over and over while they are made, and once more at exit: a sixth of `stats`. So when
# main() is the process (the `seniorhalsan` command, not a caller such as the tests), the
# collector waits until the database is open and then leaves those objects out (gc.freeze).
_deferred: list[bool] = []


def _defer_collection() -> None:
    if gc.isenabled():
        gc.disable()
        _deferred.append(True)


def startup_done() -> None:
    """Called once the command's database is open: collect as usual from here on."""
    if _deferred:
        _deferred.clear()
        gc.freeze()
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    try:
        if handler is None:
            return start_window(args)
        return handler(args) or 0
    except UserError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped listening; nothing to report
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (standard output until the process ends)
        return 0
    except Exception as exc:
        refusal = _refusal_for(exc)
        if refusal is not None:
            log.warning("Kommandot %s avbröts: %s", getattr(args, "command", None), refusal, exc_info=True)
            print(f"Fel: {refusal}", file=sys.stderr)
            return EXIT_REFUSED
        log.exception("Oväntat fel i kommandot %s", getattr(args, "command", None) or "(fönstret)")
        print(
            "Ett oväntat fel inträffade och kommandot avbröts; inget ändrades.\n"
            f"Detaljerna har sparats i loggfilen {log_file()}.",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED


def _refusal_for(exc: Exception) -> UserError | None:
    """A busy database or a full disk is a refusal the user can act on, not a bug."""
    if "sqlalchemy" not in sys.modules and not isinstance(exc, OSError):
        return None
    from ..db.engine import refusal_for

    return refusal_for(exc)


def database_given(args: argparse.Namespace) -> bool:
    """Whether the command names its database (--db, --db-url or the environment), or takes the default."""
    return bool(getattr(args, "db", None) or getattr(args, "db_url", None)
                or os.environ.get("SENIORHALSAN_DB") or os.environ.get("SENIORHALSAN_DB_URL"))


def start_window(args: argparse.Namespace) -> int:
    from ..ui.app import run

    explicit = database_given(args)
    if args.unit:
        os.environ["SENIORHALSAN_UNIT"] = args.unit
    return run(url_of(args), explicit=explicit)
