"""User actions as data. Each operation is a frozen dataclass of its typed input; the window,
the command line and the importers all apply the same operations, through `Database.perform`
(one transaction, the change notice in the result). The modules are grouped by area."""

from ..db.changes import Changes
from .base import Operation, Outcome

__all__ = ["Changes", "Operation", "Outcome"]
