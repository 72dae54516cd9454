"""What every operation is: a frozen dataclass of its typed input, applied in one transaction,
returning its value together with what it changed."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from ..db.changes import Changes

if TYPE_CHECKING:
    from ..db.session import Ctx

R = TypeVar("R")


@dataclass(frozen=True)
class Outcome(Generic[R]):
    """An operation's value and what it changed."""

    value: R
    changes: Changes


class Operation(Generic[R]):
    """A user action. Subclasses are frozen dataclasses of the action's input and implement
    `apply`, which works inside the transaction it is given (and may apply other operations
    in it: an import applies the same operations as the window, in one transaction).

    `locks` names what the operation writes by natural key: on a shared server, two
    operations with the same lock run one after the other, so that neither doubles what
    the other wrote (SQLite lets one writer at a time anyway).
    """

    locks: ClassVar[tuple[str, ...]] = ()

    def apply(self, ctx: Ctx) -> R:
        raise NotImplementedError

    def arguments(self) -> dict[str, Any]:
        """The input as keyword arguments, for an operation that hands them to a service."""
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]
