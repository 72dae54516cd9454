"""The year's numbers on small hand-made data whose answers are worked out here."""

import datetime as dt
from functools import partial

import pytest

from seniorhalsan import stats
from seniorhalsan.services import attendance, feedback, groups
from tests import factories

D = dt.date


@pytest.fixture
def year(db):
    """A small year 2025 (and a little of 2024) at two places."""
    axelsberg = factories.place_named(db, "Axelsberg")
    gym = factories.place_named(db, "Gymmet Axelsberg")
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk")
    kor = factories.activity(db, "Kör", kind="kultur")
    oppet = factories.activity(db, "Öppet gym", kind="fysisk")

    count = partial(factories.session, db)

    count(gympa, axelsberg, D(2025, 1, 13), women=20, men=5, new_visitors=2)   # T1
    count(kor, axelsberg, D(2025, 4, 30), women=30, men=4, other=1)              # T1
    count(oppet, gym, D(2025, 5, 2), women=6, men=4)                             # T2
    count(oppet, gym, D(2025, 9, 1), total=12, new_visitors=1)                   # T3, no gender split
    count(gympa, axelsberg, D(2025, 12, 31), women=10, men=0)                    # T3
    count(gympa, axelsberg, D(2025, 10, 6), cancelled=True)                      # not held
    count(gympa, axelsberg, D(2024, 12, 30), women=99, men=99)                   # another year

    # Fixartjänst: A (woman, 1950) first visited in 2024, again in 2025 → not new;
    # B (man, 1935) new in 2025 with two visits; C (woman, 1962) new in 2025.
    a = factories.person(db, reference="A", birth_year=1950, gender="kvinna")
    b = factories.person(db, reference="B", birth_year=1935, gender="man")
    c = factories.person(db, reference="C", birth_year=1962, gender="kvinna")
    factories.contact(db, a.id, day=D(2024, 6, 1), tasks=["brandvarnare"])
    factories.contact(db, a.id, day=D(2025, 2, 3), tasks=["brandvarnare", "halkskydd"])
    factories.contact(db, b.id, day=D(2025, 3, 3), tasks=["glodlampor"])
    factories.contact(db, b.id, day=D(2025, 8, 3), kind="telefon")
    factories.contact(db, c.id, day=D(2025, 11, 3))
    # Syn- och hörselstöd: A is new there in 2025 although known by Fixartjänst
    factories.contact(db, a.id, service="syn_horsel", day=D(2025, 5, 5), kind="oppen_mottagning")

    db.call(groups.add_group_meeting, service="anhorigstod", held_on=D(2025, 3, 1), kind="grupp", title="Anhöriggrupp", participants=7)
    db.call(groups.add_group_meeting, service="anhorigstod", held_on=D(2025, 3, 15), kind="grupp", title="Anhöriggrupp", participants=6)
    db.call(groups.add_training, held_on=D(2025, 2, 2), audience="Hemtjänsten", participants=11, service="syn_horsel")
    db.call(groups.add_training, held_on=D(2024, 2, 2), audience="Hemtjänsten", participants=50)

    def fb(day, kind, sender, about=None, answered=None, acted=None):
        item = db.call(feedback.register_feedback, received_on=day, type=kind, from_key=sender, about_key=about,
                       text="text", contact="adress")
        if answered:
            db.call(feedback.record_answer, item.id, answered_on=answered)
        if acted:
            db.call(feedback.record_action, item.id, action_text=acted)

    fb(D(2025, 1, 10), "beröm", "Senior")                                            # T1
    fb(D(2025, 2, 10), "synpunkt", "Senior", "Tillgänglighet", answered=D(2025, 2, 20))
    fb(D(2025, 3, 10), "klagomål", "Närstående", "Bemötande", answered=D(2025, 3, 12), acted="Samtal")
    fb(D(2025, 9, 10), "synpunkt", "Senior", "Fråga/idé")                             # T3
    fb(D(2025, 12, 30), "beröm", "Närstående")                                       # T3
    fb(D(2024, 12, 30), "klagomål", "Senior", "Bemanning")                           # another year
    return db


def test_attendance(year):
    a = year.read(stats.year_stats, 2025)["attendance"]
    assert a["visits"] == 25 + 35 + 10 + 12 + 10
    assert (a["women"], a["men"], a["other"], a["unspecified"]) == (66, 13, 1, 12)
    assert a["visits"] == a["women"] + a["men"] + a["other"] + a["unspecified"]
    assert (a["new_visitors"], a["sessions"]) == (3, 5)
    assert a["by_tertial"] == {"T1": 60, "T2": 10, "T3": 22}
    assert a["by_place"]["Axelsberg"] == 70 and a["by_place"]["Gymmet Axelsberg"] == 22
    assert a["by_place"]["Gröndal"] == 0  # every place in use appears
    assert a["by_kind"] == {"fysisk": 57, "social": 0, "kultur": 35, "halsa": 0, "evenemang": 0, "utflykt": 0, "it": 0}


def test_services(year):
    s = year.read(stats.year_stats, 2025)["services"]
    fix = s["fixartjanst"]
    assert fix["contacts"] == 4
    assert fix["by_contact_kind"] == {"hembesok": 3, "telefon": 1, "oppen_mottagning": 0, "motesplats": 0, "digitalt": 0}
    assert (fix["persons"], fix["new_persons"]) == (3, 2)
    assert fix["persons_by_gender"] == {"women": 2, "men": 1, "other": 0}
    # ages in 2025: A 75, B 90, C 63
    assert fix["persons_by_age"] == {"<65": 1, "65-74": 0, "75-84": 1, "85+": 1}
    assert fix["contacts_by_age"] == {"<65": 1, "65-74": 0, "75-84": 1, "85+": 2}
    assert fix["tasks"]["brandvarnare"] == 1 and fix["tasks"]["halkskydd"] == 1 and fix["tasks"]["glodlampor"] == 1
    assert fix["tasks"]["gardiner"] == 0
    assert fix["previous_year"] == {"contacts": 1, "persons": 1}
    syn = s["syn_horsel"]
    assert (syn["contacts"], syn["persons"], syn["new_persons"]) == (1, 1, 1)
    assert s["aldrestod"]["contacts"] == 0 and set(s) == {"it_stod", "fixartjanst", "syn_horsel", "anhorigstod", "aldrestod"}


def test_groups_and_trainings(year):
    figures = year.read(stats.year_stats, 2025)
    assert figures["groups"]["anhorigstod"] == {"meetings": 2, "participants": 13}
    assert figures["groups"]["it_stod"] == {"meetings": 0, "participants": 0}
    assert figures["trainings"] == {"sessions": 1, "participants": 11}


def test_feedback_table(year):
    f = year.read(stats.year_stats, 2025)["feedback"]
    assert f["total"] == {"T1": 3, "T2": 0, "T3": 2, "total": 5}
    assert f["praise"] == {"T1": 1, "T2": 0, "T3": 1, "total": 2}
    assert f["from"]["senior"] == {"T1": 2, "T2": 0, "T3": 1, "total": 3}
    assert f["from"]["narstaende"] == {"T1": 1, "T2": 0, "T3": 1, "total": 2}
    assert f["from"]["patientnamnden"]["total"] == 0
    assert f["about"]["tillganglighet"]["total"] == 1
    assert f["about"]["bemotande"] == {"T1": 1, "T2": 0, "T3": 0, "total": 1}
    assert f["about"]["fraga_ide"]["T3"] == 1
    assert f["about"]["bemanning"]["total"] == 0  # that one came in 2024
    assert sum(v["total"] for v in f["about"].values()) == 3  # praise is never "about" anything
    assert f["answered"]["total"] == 2 and f["acted_on"]["total"] == 1
    assert len(f["from"]) == 7 and len(f["about"]) == 12


def test_a_tertial_report_covers_the_year_so_far(year):
    t1 = year.read(stats.year_stats, 2025, until=D(2025, 4, 30))
    assert t1["attendance"]["visits"] == 60
    assert t1["services"]["fixartjanst"]["contacts"] == 2
    assert t1["feedback"]["total"]["total"] == 3


def test_an_empty_year_has_every_key_at_zero(db):
    figures = db.read(stats.year_stats, 2019)
    assert figures["attendance"]["visits"] == 0
    assert figures["attendance"]["by_tertial"] == {"T1": 0, "T2": 0, "T3": 0}
    assert all(v == 0 for v in figures["attendance"]["by_kind"].values())
    assert figures["services"]["it_stod"]["persons_by_age"] == {"<65": 0, "65-74": 0, "75-84": 0, "85+": 0}
    assert figures["feedback"]["about"]["kompetens"] == {"T1": 0, "T2": 0, "T3": 0, "total": 0}


def test_the_overview_compares_with_the_same_period_a_year_earlier(year):
    whole = year.read(stats.year_overview, 2025)
    assert whole.stats == year.read(stats.year_stats, 2025)
    assert whole.previous == year.read(stats.year_stats, 2024)
    assert (whole.first, whole.last) == (D(2025, 1, 1), D(2025, 12, 31))
    assert whole.previous["attendance"]["visits"] == 198
    assert whole.detail.by_month[1]["visits"] == 25 and whole.previous_detail.by_month[12]["visits"] == 198
    assert whole.labels["kinds"]["fysisk"]

    t1 = year.read(stats.year_overview, 2025, until=D(2025, 4, 30))
    assert t1.stats["attendance"]["visits"] == 60 and t1.last == D(2025, 4, 30)
    assert t1.previous["attendance"]["visits"] == 0  # 2024 up to 30 April had nothing
    assert t1.previous["services"]["fixartjanst"]["contacts"] == 0
    assert sorted(t1.detail.by_month) == [1, 2, 3, 4]


def test_years_with_data(year):
    assert year.read(stats.years_with_data) == [2025, 2024]


def test_an_empty_database_has_no_years(db):
    assert db.read(stats.years_with_data) == []


def test_new_persons_in_a_tertial_count_only_first_contacts_up_to_its_end(year):
    t1 = year.read(stats.year_stats, 2025, until=D(2025, 4, 30))["services"]
    # Fixartjänst by 30 April: A (known since 2024) and B (new in March); C comes in November
    assert (t1["fixartjanst"]["persons"], t1["fixartjanst"]["new_persons"]) == (2, 1)
    assert (t1["syn_horsel"]["persons"], t1["syn_horsel"]["new_persons"]) == (0, 0)  # A comes in May
    t2 = year.read(stats.year_stats, 2025, until=D(2025, 8, 31))["services"]
    assert (t2["syn_horsel"]["persons"], t2["syn_horsel"]["new_persons"]) == (1, 1)


def test_another_unit_in_the_same_database_changes_nothing(year, db_url):
    from seniorhalsan.database import open_database

    before = year.read(stats.year_stats, 2025)
    other = open_database(db_url, unit_key="bromma", daily_backup=False)
    other.clock = year.clock
    try:
        assert other.unit_id != year.unit_id
        person = factories.person(other, reference="A", birth_year=1950)
        factories.contact(other, person.id, day=D(2024, 1, 5))
        factories.contact(other, person.id, day=D(2025, 2, 3), tasks=["brandvarnare"])
        place = factories.place(other, name="Brommagården")
        gympa = factories.activity(other, "Seniorgympa", kind="fysisk")
        other.call(attendance.record_attendance, activity_id=gympa.id, place_id=place.id, held_on=D(2025, 1, 13),
                   women=40, men=2)
        assert other.read(stats.year_stats, 2025)["services"]["fixartjanst"]["persons"] == 1
    finally:
        other.dispose()
    assert year.read(stats.year_stats, 2025) == before
