"""The year's goals: a target for a chosen figure (with targets for women and men where the
figure is counted by gender) and the unit head's analysis per report."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlalchemy.orm import Mapped

from ..base import Base, fk, intpk, longtext, str120
from .mixins import Timestamped, Versioned


class Goal(Versioned, Timestamped, Base):
    """A target for one figure of a year (`figure` is its key, e.g. `visits` or
    `persons:fixartjanst`; see `stats/goal_figures.py`), one per figure and year."""

    __tablename__ = "goals"
    __table_args__ = (
        UniqueConstraint("unit_id", "year", "figure"),
        CheckConstraint("target >= 1", name="target"),
        CheckConstraint("(women IS NULL OR women >= 1) AND (men IS NULL OR men >= 1)", name="genders"),
    )

    id: Mapped[intpk]
    unit_id: Mapped[int] = fk("units.id", index=False)  # the unique key's first column serves lookups
    year: Mapped[int]
    figure: Mapped[str120]
    target: Mapped[int]
    women: Mapped[int | None]  # the target for women, where the figure has one
    men: Mapped[int | None]
    # the unit head's analysis for the year report, and for the tertial reports T1 and T2
    analysis: Mapped[longtext | None]
    analysis_t1: Mapped[longtext | None]
    analysis_t2: Mapped[longtext | None]
