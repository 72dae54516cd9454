"""Accounts and the unit's personal data: who may sign in, and gallring."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.session import Ctx
from ..services import accounts, retention
from ..services.accounts import AccountInfo
from ..services.retention import Gallring
from .base import Operation


@dataclass(frozen=True)
class CreateAccount(Operation[AccountInfo]):
    """A new account; the first of a database is the unit head's."""

    username: str
    password: str
    role: str
    services: tuple[str, ...] = ()
    display_name: str | None = None
    locks = ("accounts",)

    def apply(self, ctx: Ctx) -> AccountInfo:
        return accounts.create_account(ctx, **self.arguments())


@dataclass(frozen=True)
class DisableAccount(Operation[AccountInfo]):
    username: str

    def apply(self, ctx: Ctx) -> AccountInfo:
        return accounts.disable_account(ctx, username=self.username)


@dataclass(frozen=True)
class UnlockAccount(Operation[AccountInfo]):
    """The unit head lifts the lock after failed logins."""

    username: str

    def apply(self, ctx: Ctx) -> AccountInfo:
        return accounts.unlock_account(ctx, username=self.username)


@dataclass(frozen=True)
class SetPassword(Operation[AccountInfo]):
    username: str
    password: str

    def apply(self, ctx: Ctx) -> AccountInfo:
        return accounts.set_password(ctx, username=self.username, password=self.password)


@dataclass(frozen=True)
class SetRetentionYears(Operation[int]):
    """How many years without contact before a person's data is cleared."""

    years: int

    def apply(self, ctx: Ctx) -> int:
        return retention.set_retention_years(ctx, self.years)


@dataclass(frozen=True)
class Gallra(Operation[Gallring]):
    """Clear the personal data of everyone without contact for the period (the numbers stay)."""

    older_than_years: int | None = None
    locks = ("persons",)

    def apply(self, ctx: Ctx) -> Gallring:
        return retention.gallra(ctx, older_than_years=self.older_than_years)


@dataclass(frozen=True)
class ErasePerson(Operation[None]):
    """A person's data removed on request."""

    person_id: int
    locks = ("persons",)

    def apply(self, ctx: Ctx) -> None:
        retention.erase_person(ctx, self.person_id)
