"""The year's numbers, computed by grouped queries in the database and returned as typed figures.

`year_stats` gives a `YearFigures`, whose `to_json()` is exactly `seniorhalsan stats --json`;
`year_overview` adds the same days of the year before for the statistics page. With
`until`, every figure covers 1 January to that day (a tertial report), and the
comparison with the year before covers the same part of that year.
"""

from __future__ import annotations

from .activities import ActivityFigures, ActivityTable
from .figures import (
    AttendanceFigures,
    FeedbackFigures,
    Genders,
    GroupFigures,
    Meetings,
    MonthFigures,
    PlaceFigures,
    PreviousYear,
    ServiceFigures,
    Tertials,
    TrainingFigures,
    YearFigures,
)
from .goals import GoalResult
from .outreach import OutreachCounts, OutreachFigures
from .reference import Reference, load_reference
from .signups import SignupCounts, SignupFigures
from .spans import Span, period
from .volunteers import LedActivity, VolunteerFigures
from .year import YearOverview, year_overview, year_stats, years_with_data

__all__ = [
    "ActivityFigures",
    "ActivityTable",
    "AttendanceFigures",
    "FeedbackFigures",
    "Genders",
    "GoalResult",
    "GroupFigures",
    "LedActivity",
    "Meetings",
    "MonthFigures",
    "OutreachCounts",
    "OutreachFigures",
    "PlaceFigures",
    "PreviousYear",
    "Reference",
    "ServiceFigures",
    "SignupCounts",
    "SignupFigures",
    "Span",
    "Tertials",
    "TrainingFigures",
    "VolunteerFigures",
    "YearFigures",
    "YearOverview",
    "load_reference",
    "period",
    "year_overview",
    "year_stats",
    "years_with_data",
]
