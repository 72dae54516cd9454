"""Each activity's figures, sessions per kind and the flag for few visitors, on a hand-made year
whose answers are worked out here."""

import datetime as dt
from functools import partial

import pytest

from seniorhalsan import stats
from seniorhalsan.errors import ValidationError
from seniorhalsan.operations.goals import SetLowAttendance
from seniorhalsan.services.low_attendance import LowAttendance, current_rule
from tests import factories

D = dt.date
T = dt.time


@pytest.fixture
def clubs(db):
    """2025 (and a little of 2024) at Axelsberg: gympa, a choir, Canasta dwindling, Bingo that recovered,
    and an activity an import made without a type."""
    axelsberg = factories.place_named(db, "Axelsberg")
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk")
    kor = factories.activity(db, "Kör", kind="kultur")
    canasta = factories.activity(db, "Canasta", kind="social")
    bingo = factories.activity(db, "Bingo", kind="social")
    odd = factories.activity(db, "Okänd sort", kind=None)
    count = partial(factories.session, db, place=axelsberg)

    count(gympa, day=D(2025, 1, 13), women=20, men=5)                   # 25
    count(gympa, day=D(2025, 2, 10), cancelled=True)                    # not held
    count(gympa, day=D(2025, 3, 10), total=12)                          # 12, without a split
    count(gympa, day=D(2025, 5, 5), women=6, men=3, other=1)            # 10
    count(gympa, day=D(2024, 1, 15), women=10, men=10)                  # the year before: 20
    count(gympa, day=D(2024, 3, 11), women=5, men=5)                    # and 10
    count(gympa, day=D(2024, 6, 3), women=50, men=50)                   # after 30 April: not in T1's comparison
    count(kor, day=D(2025, 9, 1), women=30, men=4)                      # 34; the choir is new this year
    # Canasta: 6 visitors, then 3, 4, 2 (two of them the same day, the later last) and a cancelled one
    count(canasta, day=D(2025, 9, 1), women=6)
    count(canasta, day=D(2025, 9, 8), women=3)
    count(canasta, day=D(2025, 9, 15), starts_at=T(13), women=2, men=2)
    count(canasta, day=D(2025, 9, 15), starts_at=T(10), women=5, men=3)  # earlier that day: 8
    count(canasta, day=D(2025, 9, 22), women=2)
    count(canasta, day=D(2025, 9, 29), cancelled=True)
    # Bingo: two low sessions, then a good one: the latest is what counts
    count(bingo, day=D(2025, 10, 1), women=3)
    count(bingo, day=D(2025, 10, 8), women=2)
    count(bingo, day=D(2025, 10, 15), women=7, men=1)
    count(odd, day=D(2025, 11, 3), total=9)
    return db


def test_each_activity_in_the_year(clubs):
    table = clubs.read(stats.year_stats, 2025).activities
    gympa = table.by_activity["Seniorgympa"]
    assert (gympa.sessions, gympa.visits, gympa.women, gympa.men, gympa.other, gympa.unspecified) == (
        3, 47, 26, 8, 1, 12)
    assert gympa.visits == gympa.women + gympa.men + gympa.other + gympa.unspecified
    assert gympa.counted == 3 and gympa.average == pytest.approx(47 / 3)
    assert gympa.kind == "fysisk"
    # the same days of 2024 are the whole of 2024 for the whole year: 20 + 10 + 100
    assert (gympa.sessions_before, gympa.visits_before) == (3, 130)
    kor = table.by_activity["Kör"]
    assert (kor.sessions, kor.visits, kor.average, kor.sessions_before, kor.visits_before) == (1, 34, 34.0, 0, 0)
    assert table.by_activity["Okänd sort"].kind == "ej_angiven"
    assert list(table.by_activity) == sorted(table.by_activity)  # by name
    assert [a.name for a in table.most_visited()][:2] == ["Seniorgympa", "Kör"]


def test_the_same_days_a_year_earlier_for_a_tertial(clubs):
    t1 = clubs.read(stats.year_stats, 2025, until=D(2025, 4, 30)).activities
    gympa = t1.by_activity["Seniorgympa"]
    assert (gympa.sessions, gympa.visits) == (2, 37)  # 13 January and 10 March (February was cancelled)
    assert (gympa.sessions_before, gympa.visits_before) == (2, 30)  # 15 January and 11 March 2024, not June
    assert "Kör" not in t1.by_activity  # no session held by 30 April


def test_the_year_before_is_compared_alike_whether_all_its_figures_are_counted_or_not(clubs):
    # year_stats counts the year before's activities alone (no goals are set); the statistics page
    # counts that year whole, as it shows it too
    for until in (None, D(2025, 4, 30)):
        alone = clubs.read(stats.year_stats, 2025, until=until).activities
        whole = clubs.read(stats.year_overview, 2025, until=until).figures.activities
        assert {n: (a.sessions_before, a.visits_before) for n, a in alone.by_activity.items()} == {
            n: (a.sessions_before, a.visits_before) for n, a in whole.by_activity.items()}
        assert alone.sessions_by_kind_before == whole.sessions_by_kind_before
        assert alone.sessions_by_kind_before is not None


def test_sessions_per_kind(clubs):
    table = clubs.read(stats.year_stats, 2025).activities
    # gympa 3, choir 1, Canasta 5 held, Bingo 3, the one without a type 1
    assert table.sessions_by_kind == {"fysisk": 3, "social": 8, "kultur": 1, "halsa": 0, "evenemang": 0,
                                      "utflykt": 0, "it": 0, "ej_angiven": 1}
    assert sum(table.sessions_by_kind.values()) == clubs.read(stats.year_stats, 2025).attendance.sessions
    assert table.sessions_by_kind_before["fysisk"] == 3 and table.sessions_by_kind_before["kultur"] == 0


def test_an_activity_is_flagged_when_its_latest_sessions_had_few_visitors(clubs):
    table = clubs.read(stats.year_stats, 2025).activities
    assert table.rule == LowAttendance(below=5, in_a_row=3)  # the defaults
    canasta = table.by_activity["Canasta"]
    # held in order: 6, 3, 8 (10:00), 4 (13:00), 2: the latest two are below 5, the 8 stops the run
    assert (canasta.sessions, canasta.low_in_a_row, canasta.flagged) == (5, 2, False)
    bingo = table.by_activity["Bingo"]
    assert (bingo.low_in_a_row, bingo.flagged) == (0, False)  # the latest had 8
    assert [a.name for a in table.flagged] == []
    clubs.perform(SetLowAttendance(below=9, in_a_row=3))
    table = clubs.read(stats.year_stats, 2025).activities
    # below 9: Canasta's 6, 3, 8, 4, 2 are all low: five in a row
    assert (table.by_activity["Canasta"].low_in_a_row, table.by_activity["Canasta"].flagged) == (5, True)
    assert table.by_activity["Bingo"].low_in_a_row == 3  # 3, 2, 8 all below 9
    assert table.by_activity["Kör"].low_in_a_row == 0
    assert [a.name for a in table.flagged] == ["Bingo", "Canasta"]
    clubs.perform(SetLowAttendance(below=9, in_a_row=4))
    assert [a.name for a in clubs.read(stats.year_stats, 2025).activities.flagged] == ["Canasta"]


def test_the_limit_is_the_unit_heads_setting_with_its_fields_named(db, unchanged):
    assert db.read(current_rule) == LowAttendance(5, 3)
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(SetLowAttendance(below=0, in_a_row=53))
    assert refused.value.fields == ["low_below", "low_in_a_row"]
    assert "Färre besökare än" in str(refused.value)
    assert db.perform(SetLowAttendance(below=4, in_a_row=2)).value == LowAttendance(4, 2)
    assert db.read(current_rule) == LowAttendance(4, 2)


def test_the_json_of_each_activity_and_of_sessions_per_kind(clubs):
    printed = clubs.read(stats.year_stats, 2025).to_json()["attendance"]
    assert list(printed)[-2:] == ["by_activity", "sessions_by_kind"]
    assert printed["by_activity"]["Seniorgympa"] == {"sessions": 3, "visits": 47, "women": 26, "men": 8, "other": 1,
                                                     "unspecified": 12, "average": 15.7}
    assert list(printed["by_activity"]) == ["Bingo", "Canasta", "Kör", "Okänd sort", "Seniorgympa"]
    assert printed["sessions_by_kind"]["social"] == 8 and printed["sessions_by_kind"]["ej_angiven"] == 1


def test_an_empty_year_has_no_activities_and_every_kind_at_zero(db):
    table = db.read(stats.year_stats, 2019).activities
    assert table.by_activity == {}
    assert set(table.sessions_by_kind.values()) == {0}
