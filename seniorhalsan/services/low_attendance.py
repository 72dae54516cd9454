"""When an activity counts as having few visitors time after time: a unit setting (from the
start: the latest 3 sessions in a row each had fewer than 5 visitors), set by the unit head."""

from __future__ import annotations

from dataclasses import dataclass

from ..db.session import Ctx
from ..errors import FieldError, ValidationError
from ..roles import requires
from .texts import set_text, texts_with_prefix

PREFIX = "setting.low_attendance."
BELOW_KEY = PREFIX + "below"
IN_A_ROW_KEY = PREFIX + "in_a_row"
DEFAULT_BELOW = 5
DEFAULT_IN_A_ROW = 3
MAX_BELOW = 1_000
MAX_IN_A_ROW = 52


@dataclass(frozen=True)
class LowAttendance:
    """An activity is flagged when its latest `in_a_row` counted sessions each had fewer than
    `below` visitors."""

    below: int = DEFAULT_BELOW
    in_a_row: int = DEFAULT_IN_A_ROW


def _number(text: str | None, default: int, highest: int) -> int:
    return int(text) if text and text.isdigit() and 1 <= int(text) <= highest else default


def current_rule(ctx: Ctx) -> LowAttendance:
    """The unit's setting, or the defaults; read in one query."""
    values = texts_with_prefix(ctx, PREFIX)
    return LowAttendance(_number(values.get(BELOW_KEY), DEFAULT_BELOW, MAX_BELOW),
                         _number(values.get(IN_A_ROW_KEY), DEFAULT_IN_A_ROW, MAX_IN_A_ROW))


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@requires("goals")
def set_rule(ctx: Ctx, *, below: int, in_a_row: int) -> LowAttendance:
    errors = []
    if not _whole(below, 1, MAX_BELOW):
        errors.append(FieldError("low_below", f"ange ett helt antal besökare mellan 1 och {MAX_BELOW}."))
    if not _whole(in_a_row, 1, MAX_IN_A_ROW):
        errors.append(FieldError("low_in_a_row", f"ange ett helt antal tillfällen mellan 1 och {MAX_IN_A_ROW}."))
    if errors:
        raise ValidationError(errors)
    set_text(ctx, BELOW_KEY, str(below))
    set_text(ctx, IN_A_ROW_KEY, str(in_a_row))
    return LowAttendance(below, in_a_row)
