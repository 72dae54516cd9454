"""What many tables share: a version number against lost updates, and when a row was made."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    func,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


class Versioned:
    """A version number bumped on every update, so a stale save is refused, not lost."""

    version: Mapped[int] = mapped_column(nullable=False, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.current_timestamp())
