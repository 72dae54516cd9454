"""Opening the database for a command, signed in when the database has accounts.

Only a command that opens a database loads the data layer (SQLAlchemy, the models,
the services): `--help`, `--version` and a refused argument never do.
"""

from __future__ import annotations

import getpass
import os
import sys
from typing import TYPE_CHECKING

from ..errors import UserError

if TYPE_CHECKING:
    from ..db.session import Database

PASSWORD_ENV = "SENIORHALSAN_PASSWORD"
NEW_PASSWORD_ENV = "SENIORHALSAN_NEW_PASSWORD"


def open_signed_in(args, *, permission: str | None = None) -> Database:
    """The database of `--db`/`--db-url`, with the `--user` of the command signed in.

    A database without accounts (new, or a demo file) needs no login.
    """
    from ..database import open_database
    from .main import url_of

    db = open_database(url_of(args), unit_key=getattr(args, "unit", None))
    opened(args, db)
    for notice in db.notices:
        print(f"Obs: {notice}", file=sys.stderr)
    sign_in(db, args, permission=permission)
    return db


def sign_in(db: Database, args, *, permission: str | None = None) -> None:
    """Sign the command's user in on `db` (when it has accounts) and check the permission.

    A successful login writes nothing, so a command that only reads never waits for a writer;
    a failed one is counted (five in a row lock the account) and logged, as a refusal is.
    """
    from ..roles import check
    from ..services import accounts

    if not db.read(accounts.has_accounts):
        return
    username = getattr(args, "user", None) or os.environ.get("SENIORHALSAN_USER")
    if not username:
        raise UserError("Databasen har konton: logga in med --user NAMN (lösenordet frågas efter, "
                        f"eller läses från miljövariabeln {PASSWORD_ENV}).")
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise UserError(f"Lösenordet saknas: skriv det när det frågas efter, eller sätt {PASSWORD_ENV}.")
        password = getpass.getpass(f"Lösenord för {username}: ")
    db.actor = accounts.sign_in(db, username=username, password=password)
    if permission:
        with db.transaction(write=False, what=f"kommandot {getattr(args, 'command', '')}".strip()) as ctx:
            check(ctx, permission)  # a refusal is logged by the transaction


def opened(args, db: Database) -> Database:
    """Note a database the command opened, so that `main` closes it when the command ends."""
    from .main import startup_done

    if isinstance(getattr(args, "opened", None), list):
        args.opened.append(db)
    startup_done()
    return db


def new_password(prompt_name: str) -> str:
    """A new password from SENIORHALSAN_NEW_PASSWORD or typed twice."""
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise UserError(f"Skriv lösenordet när det frågas efter, eller sätt {NEW_PASSWORD_ENV}.")
    first = getpass.getpass(f"Nytt lösenord för {prompt_name}: ")
    second = getpass.getpass("Skriv det en gång till: ")
    if first != second:
        raise UserError("Lösenorden var inte lika; inget ändrades.")
    return first
