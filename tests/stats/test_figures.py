"""The year's numbers on the small hand-made year of conftest.py, whose answers are worked out here."""

import datetime as dt

from seniorhalsan import stats
from seniorhalsan.services import attendance
from tests import factories

D = dt.date


def test_attendance(year):
    a = year.read(stats.year_stats, 2025).attendance
    assert a.visits == 25 + 35 + 10 + 12 + 10
    assert (a.women, a.men, a.other, a.unspecified) == (66, 13, 1, 12)
    assert a.visits == a.women + a.men + a.other + a.unspecified
    assert (a.new_visitors, a.sessions, a.cancelled) == (3, 5, 1)
    assert a.by_tertial == stats.Tertials(60, 10, 22)
    assert a.by_place["Axelsberg"] == 70 and a.by_place["Gymmet Axelsberg"] == 22
    assert set(a.by_place) == {"Axelsberg", "Gymmet Axelsberg"}  # not every place of the reference data
    assert a.by_kind == {"fysisk": 57, "social": 0, "kultur": 35, "halsa": 0, "evenemang": 0, "utflykt": 0, "it": 0,
                         "ej_angiven": 0}
    assert a.places[0] == stats.PlaceFigures("Axelsberg", visits=70, women=60, men=9, sessions=3)
    assert a.places[1] == stats.PlaceFigures("Gymmet Axelsberg", visits=22, women=6, men=4, sessions=2)
    assert [m.month for m in a.months] == list(range(1, 13))
    assert a.months[0] == stats.MonthFigures(1, visits=25, women=20, men=5, sessions=1)
    assert a.months[8] == stats.MonthFigures(9, visits=12, women=0, men=0, sessions=1)


def test_services(year):
    s = year.read(stats.year_stats, 2025).services
    fix = s["fixartjanst"]
    assert fix.contacts == 4
    assert fix.by_contact_kind == {"hembesok": 3, "telefon": 1, "oppen_mottagning": 0, "motesplats": 0, "digitalt": 0}
    assert (fix.persons, fix.new_persons) == (3, 2)
    assert fix.persons_by_gender == stats.Genders(women=2, men=1, other=0)
    # ages in 2025: A 75, B 90, C 63
    assert fix.persons_by_age == {"<65": 1, "65-74": 0, "75-84": 1, "85+": 1}
    assert fix.contacts_by_age == {"<65": 1, "65-74": 0, "75-84": 1, "85+": 2}
    assert fix.tasks["brandvarnare"] == 1 and fix.tasks["halkskydd"] == 1 and fix.tasks["glodlampor"] == 1
    assert fix.tasks["gardiner"] == 0
    assert fix.previous_year == stats.PreviousYear(contacts=1, persons=1)
    syn = s["syn_horsel"]
    assert (syn.contacts, syn.persons, syn.new_persons) == (1, 1, 1)
    assert s["aldrestod"].contacts == 0
    assert list(s) == ["it_stod", "fixartjanst", "syn_horsel", "anhorigstod", "aldrestod"]  # in their order


def test_groups_and_trainings(year):
    figures = year.read(stats.year_stats, 2025)
    carers = figures.groups["anhorigstod"]
    assert (carers.meetings, carers.participants) == (2, 13)
    assert carers.by_kind["grupp"] == stats.Meetings(2, 13) and carers.by_kind["kurs"] == stats.Meetings(0, 0)
    it = figures.groups["it_stod"]  # IT-stöd recorded no groups: not 0, but nothing
    assert (it.meetings, it.participants, it.recorded) == (None, None, False)
    assert set(it.by_kind.values()) == {stats.Meetings(None, None)}
    t = figures.trainings
    assert (t.sessions, t.participants) == (1, 11)
    assert t.by_service["syn_horsel"] == stats.Meetings(1, 11)
    assert t.by_service["it_stod"] == stats.Meetings(None, None)
    assert list(t.by_service) == ["it_stod", "fixartjanst", "syn_horsel", "anhorigstod", "aldrestod", "ej_angiven"]


def test_feedback_table(year):
    f = year.read(stats.year_stats, 2025).feedback
    assert f.total == stats.Tertials(3, 0, 2) and f.total.total == 5
    assert f.praise == stats.Tertials(1, 0, 1)
    assert f.from_["senior"] == stats.Tertials(2, 0, 1)
    assert f.from_["narstaende"] == stats.Tertials(1, 0, 1)
    assert f.from_["patientnamnden"].total == 0
    assert f.about["tillganglighet"].total == 1
    assert f.about["bemotande"] == stats.Tertials(1, 0, 0)
    assert f.about["fraga_ide"].of("T3") == 1
    assert f.about["bemanning"].total == 0  # that one came in 2024
    assert sum(v.total for v in f.about.values()) == 3  # praise is never "about" anything
    assert f.answered.total == 2 and f.acted_on.total == 1
    assert len(f.from_) == 7 and len(f.about) == 12


def test_the_json_has_the_documented_shape(year):
    figures = year.read(stats.year_stats, 2025).to_json()
    assert list(figures) == ["year", "attendance", "services", "groups", "trainings", "feedback", "signups",
                            "outreach", "volunteers", "goals"]
    assert figures["attendance"]["by_tertial"] == {"T1": 60, "T2": 10, "T3": 22}  # no total here
    assert list(figures["attendance"]["by_place"]) == ["Axelsberg", "Gymmet Axelsberg"]  # by name
    assert figures["feedback"]["from"]["senior"] == {"T1": 2, "T2": 0, "T3": 1, "total": 3}
    assert figures["services"]["fixartjanst"]["persons_by_gender"] == {"women": 2, "men": 1, "other": 0}
    assert figures["services"]["fixartjanst"]["previous_year"] == {"contacts": 1, "persons": 1}
    carers = figures["groups"]["anhorigstod"]
    assert (carers["meetings"], carers["participants"]) == (2, 13)
    assert carers["by_kind"]["grupp"] == {"meetings": 2, "participants": 13}
    assert list(carers["by_kind"])[:2] == ["anhoriggrupp", "samtalsgrupp"]
    assert figures["groups"]["it_stod"]["meetings"] is None
    assert figures["trainings"]["sessions"] == 1 and figures["trainings"]["participants"] == 11
    assert figures["trainings"]["by_service"]["syn_horsel"] == {"sessions": 1, "participants": 11}
    assert figures["trainings"]["by_service"]["ej_angiven"] == {"sessions": None, "participants": None}
    assert "places" not in figures["attendance"] and "months" not in figures["attendance"]


def test_a_tertial_report_covers_the_year_so_far(year):
    t1 = year.read(stats.year_stats, 2025, until=D(2025, 4, 30))
    assert t1.attendance.visits == 60
    assert t1.services["fixartjanst"].contacts == 2
    assert t1.feedback.total.total == 3
    assert (t1.first, t1.last) == (D(2025, 1, 1), D(2025, 4, 30))
    assert [m.month for m in t1.attendance.months] == [1, 2, 3, 4]


def test_an_empty_year_has_every_key_at_zero_or_unrecorded(db):
    figures = db.read(stats.year_stats, 2019)
    assert figures.attendance.visits == 0
    assert figures.attendance.by_tertial == stats.Tertials(0, 0, 0)
    assert all(v == 0 for v in figures.attendance.by_kind.values())
    assert figures.services["it_stod"].persons_by_age == {"<65": 0, "65-74": 0, "75-84": 0, "85+": 0}
    assert figures.feedback.about["kompetens"] == stats.Tertials(0, 0, 0)
    # what nobody recorded is None, with every key kept
    assert figures.attendance.new_visitors is None and figures.attendance.cancelled is None
    assert figures.attendance.places == ()
    assert figures.services["fixartjanst"].tasks == dict.fromkeys(figures.services["fixartjanst"].tasks)
    assert "brandvarnare" in figures.services["fixartjanst"].tasks
    assert figures.groups["anhorigstod"].meetings is None and figures.trainings.sessions is None
    printed = figures.to_json()
    assert printed["attendance"]["new_visitors"] is None
    assert printed["services"]["fixartjanst"]["tasks"]["brandvarnare"] is None
    assert printed["groups"]["anhorigstod"] == {"meetings": None, "participants": None,
                                                "by_kind": {kind: {"meetings": None, "participants": None}
                                                            for kind in printed["groups"]["anhorigstod"]["by_kind"]}}
    assert printed["trainings"]["sessions"] is None and printed["trainings"]["participants"] is None


def test_recorded_figures_are_numbers_and_unrecorded_ones_none(year):
    """New visitors counted at 2 of 5 sessions, one cancellation, a checklist in Fixartjänst but
    none in Syn- och hörselstöd; T2 (May–August) alone has none of them."""
    figures = year.read(stats.year_stats, 2025)
    a = figures.attendance
    assert (a.new_visitors, a.new_visitors_sessions, a.cancelled) == (3, 2, 1)
    assert figures.services["fixartjanst"].tasks_recorded
    assert figures.services["fixartjanst"].tasks["gardiner"] == 0  # the checklist was used: a true 0
    syn = figures.services["syn_horsel"]
    assert syn.contacts == 1 and not syn.tasks_recorded and set(syn.tasks.values()) == {None}
    t1 = year.read(stats.year_stats, 2025, until=D(2025, 4, 30))
    assert t1.attendance.new_visitors == 2 and t1.attendance.cancelled is None  # cancelled in October


def test_the_overview_compares_with_the_same_period_a_year_earlier(year):
    whole = year.read(stats.year_overview, 2025)
    assert whole.figures == year.read(stats.year_stats, 2025)
    assert whole.previous == year.read(stats.year_stats, 2024)
    assert (whole.first, whole.last) == (D(2025, 1, 1), D(2025, 12, 31))
    assert whole.previous.attendance.visits == 198
    assert whole.figures.attendance.months[0].visits == 25 and whole.previous.attendance.months[11].visits == 198
    assert whole.labels["kinds"]["fysisk"]
    assert whole.years == (2025, 2024)

    t1 = year.read(stats.year_overview, 2025, until=D(2025, 4, 30))
    assert t1.figures == year.read(stats.year_stats, 2025, until=D(2025, 4, 30))
    assert t1.previous == year.read(stats.year_stats, 2024, until=D(2024, 4, 30))
    assert t1.figures.attendance.visits == 60 and t1.last == D(2025, 4, 30)
    assert t1.previous.attendance.visits == 0  # 2024 up to 30 April had nothing
    assert t1.previous.services["fixartjanst"].contacts == 0
    assert [m.month for m in t1.previous.attendance.months] == [1, 2, 3, 4]


def test_the_first_year_has_nothing_before_it(db):
    first = db.read(stats.year_overview, 1900)
    assert first.previous is None and first.figures.year == 1900


def test_years_with_data(year):
    assert year.read(stats.years_with_data) == [2025, 2024]


def test_an_empty_database_has_no_years(db):
    assert db.read(stats.years_with_data) == []


def test_new_persons_in_a_tertial_count_only_first_contacts_up_to_its_end(year):
    t1 = year.read(stats.year_stats, 2025, until=D(2025, 4, 30)).services
    # Fixartjänst by 30 April: A (known since 2024) and B (new in March); C comes in November
    assert (t1["fixartjanst"].persons, t1["fixartjanst"].new_persons) == (2, 1)
    assert (t1["syn_horsel"].persons, t1["syn_horsel"].new_persons) == (0, 0)  # A comes in May
    t2 = year.read(stats.year_stats, 2025, until=D(2025, 8, 31)).services
    assert (t2["syn_horsel"].persons, t2["syn_horsel"].new_persons) == (1, 1)


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
        assert other.read(stats.year_stats, 2025).services["fixartjanst"].persons == 1
    finally:
        other.dispose()
    assert year.read(stats.year_stats, 2025) == before
