"""Accounts and the unit's personal data: who may sign in, and gallring."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.session import Ctx
from ..roles import ROLES
from ..services import accounts, retention
from ..services import staff as staff_service
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
    staff_id: int | None = None  # the staff member who signs in with it
    # a new staff member of the account's name and role (the first account: the unit head's own row)
    new_staff: bool = False
    locks = ("accounts",)

    def apply(self, ctx: Ctx) -> AccountInfo:
        arguments = self.arguments()
        new_staff = arguments.pop("new_staff")
        created = accounts.create_account(ctx, **arguments)
        if not new_staff:
            return created
        staff = staff_service.create_staff(ctx, name=self.display_name or "", title=ROLES.get(self.role),
                                           services=self.services)
        return accounts.tie_to_staff(ctx, username=created.username, staff_id=staff.id)


@dataclass(frozen=True)
class TieAccountToStaff(Operation[AccountInfo]):
    """The staff member who signs in with an account (None: nobody)."""

    username: str
    staff_id: int | None
    locks = ("accounts",)

    def apply(self, ctx: Ctx) -> AccountInfo:
        return accounts.tie_to_staff(ctx, username=self.username, staff_id=self.staff_id)


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
