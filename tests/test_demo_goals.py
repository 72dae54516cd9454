"""The demo year's follow-up: goals of a believable size with analyses, and an activity that dwindled."""

import pytest

from seniorhalsan import demo, stats
from seniorhalsan.services.goals import list_goals


@pytest.mark.slow
def test_the_demo_year_has_goals_analyses_and_a_flagged_activity(db):
    summary = db.call(demo.generate, year=2025)
    figures = db.read(stats.year_stats, 2025)
    # the dwindled sessions are in the summary's visits as in the statistics
    assert summary.visits == figures.attendance.visits + db.read(stats.year_stats, 2024).attendance.visits
    goals = db.read(list_goals, 2025)
    assert len(goals) == 10 and db.read(list_goals, 2024) == []
    visits = next(g for g in goals if g.figure == "visits")
    assert 25_000 <= visits.target <= 35_000 and visits.women and visits.men  # the unit's scale: "över 28 000"
    assert {g.status for g in figures.goals} == {"uppnatt", "delvis", "ej_uppnatt"}
    # the year has ended (today is 2026-11-20): every goal has the year's analysis, some the tertials' too
    assert all(g.analysis.year for g in goals)
    assert visits.analysis.t1 and visits.analysis.t2
    reached = {g.figure: g.status for g in figures.goals}
    texts = {g.figure: g.analysis.year for g in goals}
    assert texts["visits"].startswith("Fler besök än målet") == (reached["visits"] == "uppnatt")
    assert [a.name for a in figures.activities.flagged] == ["Lungträning"]


@pytest.mark.slow
def test_a_year_in_progress_has_no_analysis_of_the_year_yet(db):
    db.call(demo.generate, year=2026)  # today is 2026-11-20: T1 and T2 have ended, the year has not
    goals = db.read(list_goals, 2026)
    assert len(goals) == 10
    assert not any(g.analysis.year for g in goals)
    assert any(g.analysis.t1 for g in goals) and any(g.analysis.t2 for g in goals)
