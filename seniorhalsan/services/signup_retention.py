"""How long sign-up lists keep names, phones and notes after their occasion: a unit setting
(from the start 30 days), applied by the same gallring as persons (`retention.gallra`)."""

from __future__ import annotations

import datetime as dt

from ..db.session import Ctx
from ..errors import ValidationError
from ..roles import requires
from .signup_people import clear_lists
from .texts import get_text, set_text

DAYS_KEY = "setting.signup_retention_days"
DEFAULT_DAYS = 30
MAX_DAYS = 365


def retention_days(ctx: Ctx) -> int:
    value = get_text(ctx, DAYS_KEY, str(DEFAULT_DAYS))
    return int(value) if value.isdigit() else DEFAULT_DAYS


@requires("accounts")
def set_retention_days(ctx: Ctx, days: int) -> int:
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_DAYS:
        raise ValidationError.of("retention_days", f"ange ett helt antal dagar mellan 1 och {MAX_DAYS}.")
    set_text(ctx, DAYS_KEY, str(days))
    return days


def cutoff(ctx: Ctx) -> dt.date:
    """Lists whose occasion ended before this day are cleared."""
    return ctx.today - dt.timedelta(days=retention_days(ctx))


def clear(ctx: Ctx, *, write: bool = True) -> int:
    """The people cleared (or, with `write` False, to be cleared) from lists past the period."""
    return clear_lists(ctx, cutoff(ctx), write=write)
