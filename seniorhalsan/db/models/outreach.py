"""The unit's outreach: information meetings, fairs, adverts, mailings, posters and the like."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Index
from sqlalchemy.orm import Mapped, relationship

from ..base import Base, fk, intpk, longtext, str40
from .mixins import Timestamped, Versioned

if TYPE_CHECKING:
    from .catalogue import Place, Staff


class Outreach(Versioned, Timestamped, Base):
    """One piece of outreach on a day: its kind, the partner it was with, how many it reached."""

    __tablename__ = "outreach"
    __table_args__ = (
        CheckConstraint("reached IS NULL OR reached >= 0", name="reached"),
        Index("ix_outreach_unit_date", "unit_id", "held_on"),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)
    held_on: Mapped[dt.date]
    kind: Mapped[str40]
    partner_id: Mapped[int | None] = fk("places.id")  # a place of kind partner (the partner register)
    reached: Mapped[int | None]  # people reached; None: not counted (an advert)
    staff_id: Mapped[int | None] = fk("staff.id")
    note: Mapped[longtext | None]

    partner: Mapped[Place | None] = relationship()
    staff: Mapped[Staff | None] = relationship()
