"""Errors meant for the user (in Swedish), kept apart from programming errors."""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """A refusal the user can act on; its message is shown as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class FieldError:
    """One refused value: the field's key (`women`, `date`, …, see `fields.LABELS`), why,
    and the Swedish label a user reads. Code maps the key, never the label."""

    field: str
    message: str
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            from .fields import label

            object.__setattr__(self, "label", label(self.field))

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


class ValidationError(UserError):
    """One or more fields were refused; nothing was saved."""

    def __init__(self, errors: list[FieldError] | FieldError) -> None:
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    @classmethod
    def of(cls, field: str, message: str) -> ValidationError:
        """A refusal of one field, named by its key."""
        return cls(FieldError(field, message))

    @property
    def fields(self) -> list[str]:
        return [e.field for e in self.errors]


class NotFound(UserError):
    """A record asked for by id or name does not exist (or is not the unit's)."""


class Conflict(UserError):
    """Someone else changed the record since it was read."""

    def __init__(self, message: str, current: object | None = None) -> None:
        super().__init__(message)
        self.current = current


class Forbidden(UserError):
    """The signed-in user's role does not allow the operation."""


class RowsRefused(UserError):
    """Some of many rows were refused (by their index in the rows given); none were saved."""

    def __init__(self, failures: dict[int, UserError], described: dict[int, str]) -> None:
        self.failures = failures
        lines = ["Inget sparades. Rätta raderna och spara igen:"]
        lines += [f"{described.get(i, i + 1)}: {exc}" for i, exc in sorted(failures.items())]
        super().__init__("\n".join(lines))
