"""Setting, changing and removing the year's goals and writing their analyses: the rules, the roles,
and two who set the same goal at once."""

import pytest

from seniorhalsan.errors import Conflict, Forbidden, NotFound, ValidationError
from seniorhalsan.operations.goals import RemoveGoal, SetGoal, SetLowAttendance, WriteGoalAnalysis
from seniorhalsan.services import accounts
from seniorhalsan.services.goals import list_goals
from tests.concurrency import at_once

PASSWORD = "ett-långt-lösen"


def test_a_goal_is_set_changed_and_removed(db):
    made = db.perform(SetGoal(2026, "persons:anhorigstod", 200, women=150, men=40))
    assert made.changes.topics == {"goals"} and made.changes.created == 1
    goal = made.value
    assert (goal.label, goal.target, goal.women, goal.men, goal.gendered) == (
        "Anhörigstöd: personer", 200, 150, 40, True)
    # the same figure again changes the goal (one goal per figure and year)
    changed = db.perform(SetGoal(2026, "PERSONS:anhorigstod ", 210, version=goal.version)).value
    assert (changed.id, changed.target, changed.women, changed.men) == (goal.id, 210, None, None)
    with pytest.raises(Conflict):  # changed by someone else since it was read
        db.perform(SetGoal(2026, "persons:anhorigstod", 220, version=goal.version))
    db.perform(SetGoal(2026, "sessions:kultur", 200))
    assert [g.figure for g in db.read(list_goals, 2026)] == ["sessions:kultur", "persons:anhorigstod"]
    db.perform(RemoveGoal(2026, "persons:anhorigstod"))
    assert [g.figure for g in db.read(list_goals, 2026)] == ["sessions:kultur"]
    with pytest.raises(NotFound, match="inget mål för Anhörigstöd: personer 2026"):
        db.perform(RemoveGoal(2026, "persons:anhorigstod"))


def test_the_analysis_per_report(db):
    db.perform(SetGoal(2026, "visits", 28000, analysis="Året i stort.\n\nAndra stycket."))
    db.perform(WriteGoalAnalysis(2026, "visits", "  Efter april.  ", tertial=1))
    goal = db.read(list_goals, 2026)[0]
    assert (goal.analysis.year, goal.analysis.t1, goal.analysis.t2) == ("Året i stort.\n\nAndra stycket.",
                                                                        "Efter april.", "")
    assert goal.analysis.of(None) == goal.analysis.year and goal.analysis.of(1) == "Efter april."
    db.perform(SetGoal(2026, "visits", 29000))  # a new target keeps the analyses
    db.perform(WriteGoalAnalysis(2026, "visits", "", tertial=1))  # an empty text removes it
    goal = db.read(list_goals, 2026)[0]
    assert (goal.target, goal.analysis.year, goal.analysis.t1) == (29000, "Året i stort.\n\nAndra stycket.", "")
    with pytest.raises(NotFound, match="inget mål för Nya besökare på aktiviteter 2026"):
        db.perform(WriteGoalAnalysis(2026, "new_visitors", "Text"))


@pytest.mark.parametrize("operation, fields, words", [
    (SetGoal(2026, "okänd", 10), ["figure"], "'okänd' är ingen siffra som ett mål kan sättas för"),
    (SetGoal(2026, "visits", 0), ["target"], "ange ett mål mellan 1 och 10\xa0000\xa0000"),
    (SetGoal(2026, "feedback_answered_in_time", 101), ["target"], "mellan 1 och 100 (i procent)"),
    (SetGoal(2026, "new_visitors", 100, women=80), ["target_women"], "räknas inte för kvinnor och män"),
    (SetGoal(2026, "visits", 100, women=80, men=30), ["target_women"],
     "tillsammans 110, mer än målet för alla (100)"),
    (SetGoal(2026, "visits", 100, men=0), ["target_men"], "minst 1"),
    (SetGoal(2026, "visits", 100, analysis="x" * 4001), ["analysis"], "högst 4\xa0000"),
    (SetGoal(2026, "visits", 100, analysis="text", tertial=3), ["tertial"], "ange 1 eller 2"),
])
def test_a_refused_goal_names_its_field_and_saves_nothing(db, unchanged, operation, fields, words):
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(operation)
    assert refused.value.fields == fields
    assert words in str(refused.value)


def test_an_unreasonable_year_is_refused(db, unchanged):
    with unchanged(), pytest.raises(Exception, match="År: 1850 är inget rimligt år"):
        db.perform(SetGoal(1850, "visits", 100))


@pytest.fixture
def accounts_of_each_role(db):
    db.call(accounts.create_account, username="karin", password=PASSWORD, role="enhetschef")
    db.actor = db.call(accounts.login, username="karin", password=PASSWORD)
    db.call(accounts.create_account, username="maria", password=PASSWORD, role="samordnare")
    db.call(accounts.create_account, username="lisa", password=PASSWORD, role="lasare")
    db.perform(SetGoal(2026, "visits", 28000))
    return db


@pytest.mark.parametrize("user", ["maria", "lisa"])
def test_only_the_unit_head_sets_goals_and_the_limit_but_everyone_sees_them(accounts_of_each_role, unchanged, user):
    db = accounts_of_each_role
    db.actor = db.call(accounts.login, username=user, password=PASSWORD)
    assert [g.figure for g in db.read(list_goals, 2026)] == ["visits"]
    with unchanged():
        for operation in (SetGoal(2026, "visits", 1), WriteGoalAnalysis(2026, "visits", "x"),
                          RemoveGoal(2026, "visits"),
                          SetLowAttendance(below=3, in_a_row=2)):
            with pytest.raises(Forbidden, match="får inte sätta årets mål och skriva analysen"):
                db.perform(operation)


def test_two_who_set_the_same_goal_at_once_make_one_goal(db, db_url):
    at_once(db_url, SetGoal(2026, "sessions:kultur", 200), SetGoal(2026, "sessions:kultur", 210))
    found = db.read(list_goals, 2026)
    assert len(found) == 1 and found[0].target in (200, 210)
