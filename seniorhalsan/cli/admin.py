"""Commands that look after the database itself: backup and restore."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from pathlib import Path

from ..errors import UserError
from .signin import open_signed_in, sign_in


def register(commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("backup", parents=[common], help="ta en säkerhetskopia av databasen",
                            description="Tar en säkerhetskopia av databasen med SQLites backup-funktion "
                                        "(säker även medan programmet används).")
    p.add_argument("file", nargs="?", metavar="FIL",
                   help="var kopian sparas (standard: mappen backups bredvid databasen)")
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("restore", parents=[common], help="återställ databasen från en säkerhetskopia",
                            description="Ersätter databasen med en säkerhetskopia. Kopian kontrolleras och uppdateras "
                                        "först i en tillfällig kopia; den nuvarande databasen sparas som "
                                        "säkerhetskopia innan den ersätts. Gallringar som gjorts efter kopian görs "
                                        "om, och åtkomstloggens nyare rader förs över.")
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
        except (OSError, sqlite3.Error) as exc:
            raise UserError(f"Kopian kunde inte sparas i {target}: {getattr(exc, 'strerror', None) or exc}.") from exc
    else:
        try:
            saved = take_backup(path, "manuell")
        except OSError as exc:
            raise UserError(f"Säkerhetskopian kunde inte sparas i {path.parent / 'backups'}: "
                            f"{exc.strerror or exc}. Frigör utrymme och försök igen.") from exc
    print(f"Säkerhetskopia sparad: {saved}")
    return 0


def cmd_restore(args) -> int:
    from ..restore import check_copy, restore_database

    path = _sqlite_file(args)
    backup = Path(args.file).expanduser().resolve()
    if backup == path.resolve():
        raise UserError("Säkerhetskopian och databasen är samma fil.")
    check_copy(backup)  # a copy that cannot be used is refused before anyone is asked anything
    username = _unit_head(args, path)
    if path.exists() and not args.yes:
        if not sys.stdin.isatty():
            raise UserError(f"Databasen {path} finns redan. Lägg till --yes för att ersätta den.")
        answer = input(f"Databasen {path} ersätts med {backup}. Skriv ja för att fortsätta: ")
        if answer.strip().lower() not in ("ja", "j", "yes", "y"):
            print("Avbrutet; ingenting har ändrats.")
            return 1
    done = restore_database(backup, path, username=username)
    print(f"Databasen {path} är återställd från {backup}.")
    if done.saved is not None:
        print(f"Den tidigare databasen finns som säkerhetskopia: {done.saved}")
    if done.replaced is not None:
        print(f"Den tidigare (skadade) filen finns kvar som {done.replaced}.")
    if done.reapplied:
        print(f"{len(done.reapplied)} personer som gallrats efter att kopian togs gallrades igen:")
        for erasure in done.reapplied:
            print(f"  gallrad {erasure.day.isoformat()} ({erasure.reason or 'gallring'}), id {erasure.short}")
    if done.carried:
        print(f"{done.carried} rader i åtkomstloggen från tiden efter kopian fördes över.")
    return 0


def _unit_head(args, path: Path) -> str | None:
    """Restoring needs the unit head's login whenever the current database has accounts; when it
    is damaged or gone, the login is checked against its newest good backup."""
    from ..db.backup import check_sqlite, has_accounts, is_seniorhalsan_database, newest_good_backup

    if path.exists() and check_sqlite(path) is None and is_seniorhalsan_database(path):
        if not has_accounts(path):
            return None
        db = open_signed_in(args, permission="accounts")
        db.dispose()
        return db.actor.username if db.actor else None
    source = newest_good_backup(path)
    if source is None or not has_accounts(source):
        return None
    from ..restore import database_of_copy

    with database_of_copy(source, unit_key=getattr(args, "unit", None)) as db:
        sign_in(db, args, permission="accounts")
        return db.actor.username if db.actor else None
