"""What many tables share: a version number against lost updates, and when a row was made."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from ..base import table_of


class Versioned:
    """A version number bumped on every update, so a stale save is refused, not lost."""

    version: Mapped[int] = mapped_column(nullable=False, server_default="1")

    @declared_attr.directive
    @classmethod
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": table_of(cls).c.version}


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())
