"""Accounts: who may sign in, with which role, and for which services (argon2 hashes).

Five failed logins in a row lock an account for 15 minutes; the unit head can unlock it
sooner. The attempts are rows of the access log (which nothing can change or delete), so
the count needs no column of its own and a successful login writes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import string
from dataclasses import dataclass
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from ..db.engine import brief_write
from ..db.models import AccessLogEntry, Service, Staff, User
from ..db.session import Actor, Ctx, Database, log_entry
from ..errors import NotFound, UserError, ValidationError
from ..roles import ROLES, requires
from .access_log import note
from .checks import Checker
from .lookups import owned, service_by_key

log = logging.getLogger(__name__)

MIN_PASSWORD = 10
MAX_FAILURES = 5
LOCK_MINUTES = 15
FAILED, LOCKED_OUT, SIGNED_IN, UNLOCKED = "inloggning_nekad", "inloggning_last", "inloggad", "upplast"
_hasher = PasswordHasher()


def now() -> dt.datetime:
    """The time of day for logins and locks (one place, so that a test can move it)."""
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class AccountInfo:
    id: int
    username: str
    display_name: str | None
    role: str
    services: tuple[str, ...]
    active: bool
    last_login: dt.datetime | None
    version: int
    locked_until: dt.datetime | None = None
    staff_id: int | None = None  # the staff member who signs in with it
    staff_name: str | None = None
    service_names: tuple[str, ...] = ()  # the services as a user reads them

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def _info(user: User, locked_until: dt.datetime | None = None) -> AccountInfo:
    return AccountInfo(
        user.id, user.username, user.display_name, user.role, tuple(s.key for s in user.services),
        user.active, user.last_login, user.version, locked_until, user.staff_id,
        user.staff.name if user.staff else None, tuple(s.name for s in user.services),
    )


def has_accounts(ctx: Ctx) -> bool:
    """Whether the database needs a login (it does from its first account on)."""
    return bool(ctx.session.scalar(select(func.count()).select_from(User).where(User.unit_id == ctx.unit_id)))


class LoginFailed(UserError):
    pass


@cache
def common_passwords() -> frozenset[str]:
    """The list of common passwords shipped with the program (lower case)."""
    text = resources.files(__package__).joinpath("common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def too_common(password: str, username: str | None = None) -> bool:
    """A password on the list, or one of its words with digits or signs around it (sommar2026!),
    one of very few different characters, or one that holds the username."""
    folded = password.lower()
    word = folded.strip(string.digits + string.punctuation + " ")
    common = common_passwords()
    return (folded in common or word in common or len(set(folded)) < 4
            or bool(username and len(username) >= 3 and username.lower() in folded))


def _check_password(check: Checker, password: str | None, username: str | None = None) -> str:
    """The password, or "" when it is refused (then `check.done()` raises before it is used)."""
    if not password or len(password) < MIN_PASSWORD:
        check.fail("password", f"måste ha minst {MIN_PASSWORD} tecken.")
        return ""
    if password.strip() != password:
        check.fail("password", "får inte börja eller sluta med mellanslag.")
        return ""
    if too_common(password, username):
        check.fail("password", "är ett vanligt lösenord eller för lätt att gissa. Välj något längre och ovanligare, "
                               "gärna några ord i rad (t.ex. 'blå cykel vid Mälaren').")
        return ""
    return password


def _first_account_or_manager(ctx: Ctx) -> None:
    """Anyone may make the first account (the unit head's); after that only the unit head."""
    if has_accounts(ctx):
        requires("accounts")(lambda c: None)(ctx)


def create_account(
    ctx: Ctx,
    *,
    username: str,
    password: str,
    role: str,
    services: list[str] | tuple[str, ...] = (),
    display_name: str | None = None,
    staff_id: int | None = None,
) -> AccountInfo:
    _first_account_or_manager(ctx)
    check = Checker()
    name = check.text("username", username, required=True, max_length=40)
    if name and (" " in name or name.lower() != name):
        check.fail("username", "skrivs med små bokstäver utan mellanslag, t.ex. karin.e.")
    if name and ctx.session.scalar(select(User).where(func.lower(User.username) == name.lower())):
        check.fail("username", f"{name} finns redan.")
    role = check.choice("role", role, ROLES)
    if role and not has_accounts(ctx) and role != "enhetschef":
        check.fail("role", "det första kontot ska vara enhetschefens, så att någon kan hantera kontona.")
    found: list[Service] = []
    for key in services or ():
        try:
            found.append(service_by_key(ctx, key))
        except NotFound as exc:
            check.fail("services", str(exc))
    if role == "instruktor" and not services:
        check.fail("services", "en instruktör behöver minst en insats (t.ex. Fixartjänst).")
    if role and role != "instruktor" and services:
        check.fail("services", "bara instruktörer knyts till insatser.")
    password = _check_password(check, password, name)
    display = check.text("name", display_name, max_length=120)
    staff = _free_staff(ctx, check, staff_id)
    check.done()
    user = User(
        unit_id=ctx.unit_id, username=name, display_name=display, role=role,
        password_hash=_hasher.hash(password),
    )
    user.services = found
    user.staff = staff
    ctx.session.add(user)
    ctx.session.flush()
    return _info(user)


def _free_staff(ctx: Ctx, check: Checker, staff_id: int | None, *, account: User | None = None) -> Staff | None:
    """The staff member an account is tied to, unless another active account already is."""
    if staff_id is None:
        return None
    try:
        staff = owned(ctx, Staff, staff_id, "Medarbetaren")
    except NotFound as exc:
        check.fail("staff", str(exc))
        return None
    holder = ctx.session.scalar(select(User).where(User.staff_id == staff.id, User.active.is_(True),
                                                   User.id != (account.id if account else -1)))
    if holder is not None:
        check.fail("staff", f"{staff.name} har redan kontot {holder.username}.")
    return staff


@requires("accounts")
def tie_to_staff(ctx: Ctx, *, username: str, staff_id: int | None) -> AccountInfo:
    """Tie an account to the staff member who signs in with it (None: to nobody)."""
    user = _user(ctx, username)
    check = Checker()
    staff = _free_staff(ctx, check, staff_id, account=user)
    check.done()
    user.staff = staff
    ctx.session.flush()
    return _info(user)


def locked_until(ctx: Ctx, user_id: int) -> dt.datetime | None:
    """Until when an account is locked: after the fifth failed login in a row, for 15 minutes
    (and again after each further failure), until a successful login or the unit head unlocks it."""
    recent = ctx.session.execute(
        select(AccessLogEntry.operation, AccessLogEntry.at)
        .where(AccessLogEntry.record_type == "konto", AccessLogEntry.record_id == user_id,
               AccessLogEntry.operation.in_((FAILED, SIGNED_IN, UNLOCKED)))
        .order_by(AccessLogEntry.id.desc())
        .limit(MAX_FAILURES)
    ).all()
    if len(recent) < MAX_FAILURES or any(operation != FAILED for operation, _at in recent):
        return None
    until = recent[0].at + dt.timedelta(minutes=LOCK_MINUTES)
    return until if until > now() else None


def _failures_pending(ctx: Ctx, user_id: int) -> bool:
    latest = ctx.session.scalar(
        select(AccessLogEntry.operation)
        .where(AccessLogEntry.record_type == "konto", AccessLogEntry.record_id == user_id,
               AccessLogEntry.operation.in_((FAILED, SIGNED_IN, UNLOCKED)))
        .order_by(AccessLogEntry.id.desc()).limit(1)
    )
    return latest == FAILED


def login(ctx: Ctx, *, username: str, password: str) -> Actor:
    """The actor for a username and password, or a refusal that does not say which was wrong.

    A refusal is logged even though the transaction it ran in is rolled back; a success writes
    nothing unless it ends a row of failures.
    """
    typed = (username or "").strip()
    user = ctx.session.scalar(
        select(User).where(User.unit_id == ctx.unit_id, func.lower(User.username) == typed.lower())
    )
    refused = LoginFailed("Fel användarnamn eller lösenord.")
    if user is None:
        _hasher.hash("x" * MIN_PASSWORD)  # the same work either way, so timing tells nothing
        ctx.kept.append(log_entry(ctx, FAILED, "konto", None, "okänt användarnamn", username=typed or "?"))
        raise refused
    until = locked_until(ctx, user.id)
    if until is not None:
        ctx.kept.append(log_entry(ctx, LOCKED_OUT, "konto", user.id, username=user.username))
        raise LoginFailed(f"Kontot {user.username} är låst till kl. {until:%H:%M} efter {MAX_FAILURES} misslyckade "
                          "inloggningar i rad. Försök igen då, eller be enhetschefen låsa upp det.")
    try:
        _hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        ctx.kept.append(log_entry(ctx, FAILED, "konto", user.id, username=user.username))
        raise refused from None
    if not user.active:
        raise LoginFailed(f"Kontot {user.username} är avstängt. Kontakta enhetschefen.")
    if _failures_pending(ctx, user.id):
        ctx.log.append(log_entry(ctx, SIGNED_IN, "konto", user.id, "efter misslyckade försök", username=user.username))
    return Actor(username=user.username, role=user.role, services=frozenset(s.key for s in user.services))


def sign_in(db: Database, *, username: str, password: str) -> Actor:
    """Sign in on `db` (for the window and the command line): checked in a reading transaction,
    so that a login never waits for someone who is writing; the time of the login (and a hash
    renewed for stronger settings) is saved only when the database is free at once."""
    actor = db.read(login, username=username, password=password)
    try:
        with brief_write(db.engine) as conn:
            mine = (User.unit_id == db.unit_id, User.username == actor.username)
            values: dict = {"last_login": now()}
            if _hasher.check_needs_rehash(conn.scalar(select(User.password_hash).where(*mine)) or ""):
                values["password_hash"] = _hasher.hash(password)  # stronger settings of a newer version
            conn.execute(update(User).where(*mine).values(**values))
    except OperationalError:
        log.info("Tiden för inloggningen sparades inte: databasen var upptagen.")
    return actor


@requires("accounts")
def list_accounts(ctx: Ctx) -> list[AccountInfo]:
    users = ctx.session.scalars(select(User).where(User.unit_id == ctx.unit_id).order_by(User.username))
    return [_info(u, locked_until(ctx, u.id)) for u in users]


@requires("accounts")
def unlock_account(ctx: Ctx, *, username: str) -> AccountInfo:
    """The unit head lifts a lock after failed logins at once (and the count starts again)."""
    user = _user(ctx, username)
    if locked_until(ctx, user.id) is None and not _failures_pending(ctx, user.id):
        raise ValidationError.of("username", f"kontot {user.username} är inte låst.")
    note(ctx, UNLOCKED, "konto", user.id, user.username)
    return _info(user)


def _user(ctx: Ctx, username: str) -> User:
    user = ctx.session.scalar(select(User).where(func.lower(User.username) == (username or "").strip().lower()))
    if user is None or user.unit_id != ctx.unit_id:
        raise NotFound(f"Kontot {username} finns inte.")
    return user


@requires("accounts")
def disable_account(ctx: Ctx, *, username: str) -> AccountInfo:
    user = _user(ctx, username)
    if ctx.actor is not None and user.username == ctx.actor.username:
        raise ValidationError.of("username", "du kan inte stänga av ditt eget konto.")
    user.active = False
    ctx.session.flush()
    return _info(user)


def set_password(ctx: Ctx, *, username: str, password: str) -> AccountInfo:
    """The unit head sets anyone's password; everyone may change their own."""
    user = _user(ctx, username)
    if ctx.actor is None or ctx.actor.username != user.username:
        requires("accounts")(lambda c: None)(ctx)
    check = Checker()
    password = _check_password(check, password, user.username)
    check.done()
    user.password_hash = _hasher.hash(password)
    user.active = True if ctx.actor is None or ctx.actor.role == "enhetschef" else user.active
    if (ctx.actor is None or ctx.actor.username != user.username) and _failures_pending(ctx, user.id):
        note(ctx, UNLOCKED, "konto", user.id, f"{user.username} (nytt lösenord)")  # a new password lifts the lock
    ctx.session.flush()
    return _info(user)
