"""Accounts: who may sign in, with which role, and for which services (argon2 hashes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from ..db.models import Service, User
from ..db.session import Actor, Ctx
from ..errors import NotFound, UserError, ValidationError
from ..roles import ROLES, requires
from .checks import Checker
from .lookups import service_by_key

MIN_PASSWORD = 8
_hasher = PasswordHasher()


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

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def _info(user: User) -> AccountInfo:
    return AccountInfo(
        user.id, user.username, user.display_name, user.role, tuple(s.key for s in user.services),
        user.active, user.last_login, user.version,
    )


def has_accounts(ctx: Ctx) -> bool:
    """Whether the database needs a login (it does from its first account on)."""
    return bool(ctx.session.scalar(select(func.count()).select_from(User).where(User.unit_id == ctx.unit_id)))


class LoginFailed(UserError):
    pass


def _check_password(check: Checker, password: str | None) -> str | None:
    if not password or len(password) < MIN_PASSWORD:
        check.fail("password", f"måste ha minst {MIN_PASSWORD} tecken.")
        return None
    if password.strip() != password:
        check.fail("password", "får inte börja eller sluta med mellanslag.")
        return None
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
        check.fail("services", "en instruktör behöver minst en insats (t.ex. fixartjanst).")
    if role and role != "instruktor" and services:
        check.fail("services", "bara instruktörer knyts till insatser.")
    password = _check_password(check, password)
    display = check.text("name", display_name, max_length=120)
    check.done()
    user = User(
        unit_id=ctx.unit_id, username=name, display_name=display, role=role,
        password_hash=_hasher.hash(password),
    )
    user.services = found
    ctx.session.add(user)
    ctx.session.flush()
    return _info(user)


def login(ctx: Ctx, *, username: str, password: str) -> Actor:
    """The actor for a username and password, or a refusal that does not say which was wrong."""
    user = ctx.session.scalar(
        select(User).where(User.unit_id == ctx.unit_id, func.lower(User.username) == (username or "").strip().lower())
    )
    refused = LoginFailed("Fel användarnamn eller lösenord.")
    if user is None:
        _hasher.hash("x" * MIN_PASSWORD)  # the same work either way, so timing tells nothing
        raise refused
    try:
        _hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        raise refused from None
    if not user.active:
        raise LoginFailed(f"Kontot {user.username} är avstängt. Kontakta enhetschefen.")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login = dt.datetime.now()
    ctx.session.flush()
    return Actor(username=user.username, role=user.role, services=frozenset(s.key for s in user.services))


@requires("accounts")
def list_accounts(ctx: Ctx) -> list[AccountInfo]:
    return [_info(u) for u in ctx.session.scalars(select(User).where(User.unit_id == ctx.unit_id).order_by(User.username))]


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
    password = _check_password(check, password)
    check.done()
    user.password_hash = _hasher.hash(password)
    user.active = True if ctx.actor is None or ctx.actor.role == "enhetschef" else user.active
    ctx.session.flush()
    return _info(user)
