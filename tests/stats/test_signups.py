"""The year's sign-ups: counted in the period of their day, in all and per kind of activity."""

import datetime as dt

from seniorhalsan import stats
from seniorhalsan.operations.signups import TickPresence
from tests.signup_helpers import PAST_TRIP_DAY, series, sign_up_people, trip


def test_sign_ups_per_kind_of_activity(db):
    outing = trip(db, day=PAST_TRIP_DAY, places=3)
    course = series(db, places=10)
    lecture = trip(db, day=dt.date(2026, 12, 2), places=40, name="Må-bra-föreläsning", kind="halsa")
    people = sign_up_people(db, outing, 5)
    sign_up_people(db, course, 2)
    db.perform(TickPresence(outing.list_id, PAST_TRIP_DAY, (people[0].id, people[3].id)))
    figures = db.read(stats.year_stats, 2026).signups
    assert figures.by_kind["utflykt"] == stats.SignupCounts(1, 3, 3, 2, 2, 3)
    assert figures.by_kind["halsa"] == stats.SignupCounts(2, 50, 2, 0, 0, 2)
    assert figures.by_kind["fysisk"] == stats.SignupCounts()
    assert figures.total == stats.SignupCounts(3, 53, 5, 2, 2, 3)  # Astrid and Bertil on two lists: once
    as_json = figures.to_json()
    assert list(as_json) == ["occasions", "places_offered", "signed_up", "attended", "waiting_list",
                             "distinct_persons", "by_kind"]
    assert as_json["by_kind"]["utflykt"] == {"occasions": 1, "places_offered": 3, "signed_up": 3, "attended": 2,
                                             "waiting_list": 2, "distinct_persons": 3}
    assert lecture.kind == "halsa"


def test_an_occasion_counts_in_the_period_of_its_day(db):
    trip(db, day=PAST_TRIP_DAY)
    series(db)  # its term begins in August: tertial 2 of 2026
    assert db.read(stats.year_stats, 2026, until=dt.date(2026, 4, 30)).signups.total.occasions == 0
    assert db.read(stats.year_stats, 2026, until=dt.date(2026, 8, 31)).signups.total.occasions == 1
    assert db.read(stats.year_stats, 2026).signups.total.occasions == 2
    assert db.read(stats.year_stats, 2025).signups.total.occasions == 0
    overview = db.read(stats.year_overview, 2026)
    assert overview.figures.signups.total.occasions == 2 and overview.previous.signups.total.occasions == 0
