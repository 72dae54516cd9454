"""Commands that look after the database itself: backup and restore."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..errors import UserError
from ..paths import sqlite_url
from .signin import open_signed_in


def register(commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("backup", parents=[common], help="ta en säkerhetskopia av databasen",
                            description="Tar en säkerhetskopia av databasen med SQLites backup-funktion "
                                        "(säker även medan programmet används).")
    p.add_argument("file", nargs="?", metavar="FIL",
                   help="var kopian sparas (standard: mappen backups bredvid databasen)")
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("restore", parents=[common], help="återställ databasen från en säkerhetskopia",
                            description="Ersätter databasen med en säkerhetskopia. Kopian kontrolleras först; "
                                        "den nuvarande databasen sparas som säkerhetskopia innan den ersätts.")
    p.add_argument("file", metavar="FIL", help="säkerhetskopian")
    p.add_argument("--yes", action="store_true", help="fråga inte först")
    p.set_defaults(handler=cmd_restore)


def _sqlite_file(args) -> Path:
    from ..db.engine import sqlite_path
    from .main import url_of

    path = sqlite_path(url_of(args))
    if path is None:
        raise UserError("Säkerhetskopior tas bara av SQLite-filer. En PostgreSQL-server säkerhetskopieras med "
                        "pg_dump (se README).")
    return path


def cmd_backup(args) -> int:
    from ..db.backup import backup_sqlite, take_backup

    path = _sqlite_file(args)
    if not path.exists():
        raise UserError(f"Databasfilen {path} finns inte.")
    open_signed_in(args, permission="accounts").dispose()  # checked, migrated, and the unit head's to copy
    if args.file:
        target = Path(args.file).expanduser().resolve()
        if target == path.resolve():
            raise UserError("Kopian kan inte sparas ovanpå databasen själv.")
        if target.is_dir():
            target = target / f"{path.stem}-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite3"
        try:
            saved = backup_sqlite(path, target)
        except OSError as exc:
            raise UserError(f"Kopian kunde inte sparas i {target}: {exc.strerror or exc}.") from exc
    else:
        saved = take_backup(path, "manuell")
    print(f"Säkerhetskopia sparad: {saved}")
    return 0


def cmd_restore(args) -> int:
    from ..database import open_database
    from ..db.backup import backups_dir, check_sqlite, is_seniorhalsan_database, restore_sqlite, take_backup

    path = _sqlite_file(args)
    backup = Path(args.file).expanduser().resolve()
    problem = check_sqlite(backup, full=True)
    if problem:
        raise UserError(f"Säkerhetskopian {backup} kan inte användas: {problem}. Ingenting har ändrats.")
    if not is_seniorhalsan_database(backup):
        raise UserError(f"{backup} är ingen Seniorhälsan-databas. Ingenting har ändrats.")
    if backup == path.resolve():
        raise UserError("Säkerhetskopian och databasen är samma fil.")
    if path.exists() and check_sqlite(path) is None:
        open_signed_in(args, permission="accounts").dispose()
    if path.exists() and not args.yes:
        if not sys.stdin.isatty():
            raise UserError(f"Databasen {path} finns redan. Lägg till --yes för att ersätta den.")
        answer = input(f"Databasen {path} ersätts med {backup}. Skriv ja för att fortsätta: ")
        if answer.strip().lower() not in ("ja", "j", "yes", "y"):
            print("Avbrutet; ingenting har ändrats.")
            return 1
    if path.exists() and check_sqlite(path) is None:
        take_backup(path, "fore-aterstallning")
    moved = restore_sqlite(backup, path)
    open_database(sqlite_url(path), daily_backup=False).dispose()  # brings an older copy up to date
    print(f"Databasen {path} är återställd från {backup}.")
    if moved is not None:
        print(f"Den tidigare filen finns kvar som {moved}; en säkerhetskopia finns i {backups_dir(path)}.")
    return 0
