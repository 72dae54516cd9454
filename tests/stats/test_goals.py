"""The year's goals against the figures: each figure's value, the status at its thresholds,
women and men, the year before, the year so far, and the JSON."""

import datetime as dt
from fractions import Fraction

import pytest

from seniorhalsan import stats
from seniorhalsan.operations.goals import SetGoal
from seniorhalsan.services import feedback
from seniorhalsan.stats.goal_figures import choices, value_of, value_text
from seniorhalsan.stats.goals import status
from tests import factories

D = dt.date


def goals_of(db, year=2025, until=None):
    return {g.figure: g for g in db.read(stats.year_stats, year, until=until).goals}


def test_each_figure_a_goal_can_be_set_for(year):
    """The hand-made year of conftest.py: the values worked out there, by key."""
    figures = year.read(stats.year_stats, 2025)
    expected = {
        "visits": (92, 66, 13),
        "visits:fysisk": (57, None, None),
        "visits:kultur": (35, None, None),
        "new_visitors": (3, None, None),
        "sessions": (5, None, None),
        "sessions:fysisk": (4, None, None),  # gympa twice (the third was cancelled), the open gym twice
        "sessions:kultur": (1, None, None),
        "persons:fixartjanst": (3, 2, 1),
        "new_persons:fixartjanst": (2, None, None),
        "contacts:fixartjanst": (4, None, None),
        "persons:syn_horsel": (1, 1, 0),
        # three views and complaints with an address were due (one unanswered and late), two answered in time
        "feedback_answered_in_time": (Fraction(200, 3), None, None),
        "signups:attended": (0, None, None),
        "trainings": (1, None, None),
        "training_participants": (11, None, None),
    }
    for key, (result, women, men) in expected.items():
        value = value_of(key, figures)
        assert (value.result, value.women, value.men) == (result, women, men), key
    assert value_of("no_such_figure", figures).result is None
    keys = [c.key for c in year.read(lambda ctx: choices(stats.load_reference(ctx)))]
    assert set(expected) <= set(keys)
    assert keys[:2] == ["visits", "visits:fysisk"] and keys[-2:] == ["trainings", "training_participants"]


@pytest.mark.parametrize("result, target, expected", [
    (1000, 1000, "uppnatt"),      # exactly 100 %
    (1001, 1000, "uppnatt"),
    (999, 1000, "delvis"),        # 99.9 %
    (900, 1000, "delvis"),        # exactly 90 %
    (899, 1000, "ej_uppnatt"),    # 89.9 %
    (0, 1000, "ej_uppnatt"),      # nothing happened: recorded, and 0
    (None, 1000, "ej_registrerat"),
    (Fraction(8999, 100), 100, "ej_uppnatt"),  # a share of 89.99 %: exact, never rounded up
])
def test_the_status_at_each_threshold(result, target, expected):
    assert status(result, target) == expected


@pytest.mark.parametrize("total, target, expected", [
    (1000, 1000, "uppnatt"), (999, 1000, "delvis"), (900, 1000, "delvis"), (899, 1000, "ej_uppnatt"),
])
def test_a_goal_of_visits_at_each_threshold(db, total, target, expected):
    gympa = factories.activity(db, "Seniorgympa")
    factories.session(db, gympa, factories.place_named(db, "Axelsberg"), D(2025, 3, 3), total=total)
    db.perform(SetGoal(2025, "visits", target))
    goal = goals_of(db)["visits"]
    assert (goal.result, goal.target, goal.status) == (total, target, expected)
    assert goal.to_json() == {"figure": "visits", "target": target, "result": total, "status": expected}


def test_a_figure_nobody_recorded_is_not_recorded_never_not_reached(db):
    gympa = factories.activity(db, "Seniorgympa")
    factories.session(db, gympa, factories.place_named(db, "Axelsberg"), D(2025, 3, 3), women=10, men=2)
    for figure in ("new_visitors", "trainings", "feedback_answered_in_time"):
        db.perform(SetGoal(2025, figure, 10))
    found = goals_of(db)
    for figure in ("new_visitors", "trainings", "feedback_answered_in_time"):
        assert (found[figure].result, found[figure].status) == (None, "ej_registrerat"), figure
        assert found[figure].to_json()["result"] is None
    # a complaint whose återkoppling is not due yet is not counted as late
    db.call(feedback.register_feedback, received_on=D(2026, 11, 10), type="klagomål", from_key="Senior",
            about_key="Bemötande", text="text", contact="adress")
    db.perform(SetGoal(2026, "feedback_answered_in_time", 90))
    assert goals_of(db, 2026)["feedback_answered_in_time"].status == "ej_registrerat"


def test_women_men_and_the_year_before(year):
    year.perform(SetGoal(2025, "visits", 90, women=70, men=12))
    year.perform(SetGoal(2025, "persons:fixartjanst", 3, women=2))
    year.perform(SetGoal(2025, "feedback_answered_in_time", 70))
    found = goals_of(year)
    visits = found["visits"]
    assert (visits.result, visits.status, visits.last_year) == (92, "uppnatt", 198)  # 2024 had 99 + 99
    assert (visits.women.result, visits.women.target, visits.women.status) == (66, 70, "delvis")  # 94 %
    assert (visits.men.result, visits.men.target, visits.men.status) == (13, 12, "uppnatt")
    assert (visits.women.last_year, visits.men.last_year) == (99, 99)
    fix = found["persons:fixartjanst"]
    assert fix.men is None and (fix.women.result, fix.women.status) == (2, "uppnatt")
    assert fix.last_year == 1  # A, in 2024
    answered = found["feedback_answered_in_time"]
    assert answered.status == "delvis" and answered.result == Fraction(200, 3)  # 66.7 of 70: 95 %
    assert answered.last_year == 0  # the one complaint of 2024 was never answered
    assert [g.figure for g in year.read(stats.year_stats, 2025).goals] == [
        "visits", "persons:fixartjanst", "feedback_answered_in_time"]  # the reports' order
    printed = year.read(stats.year_stats, 2025).to_json()["goals"]
    assert printed[0] == {"figure": "visits", "target": 90, "result": 92, "status": "uppnatt",
                          "women": {"target": 70, "result": 66, "status": "delvis"},
                          "men": {"target": 12, "result": 13, "status": "uppnatt"}}
    assert printed[1] == {"figure": "persons:fixartjanst", "target": 3, "result": 3, "status": "uppnatt",
                          "women": {"target": 2, "result": 2, "status": "uppnatt"}}
    assert printed[2] == {"figure": "feedback_answered_in_time", "target": 70, "result": 66.7, "status": "delvis"}
    assert value_text(answered.result, share=True) == "66,7\xa0%"


def test_a_tertial_measures_the_year_so_far_against_the_years_target(year):
    year.perform(SetGoal(2025, "visits", 90))
    t1 = goals_of(year, until=D(2025, 4, 30))["visits"]
    assert (t1.result, t1.target, t1.status) == (60, 90, "ej_uppnatt")  # 67 % of the year's target so far
    assert t1.last_year == 0  # nothing by 30 April 2024
    assert goals_of(year, 2024) == {}  # the goal is 2025's


def test_goals_are_read_in_one_query_with_the_figures(year):
    from tests.stats.test_queries import run_once

    year.perform(SetGoal(2025, "visits", 90))
    year.perform(SetGoal(2025, "sessions:kultur", 2))
    seen = run_once(year, stats.year_stats, 2025)
    assert sum(1 for sql in seen if "FROM goals" in sql) == 1
