"""The shared checks of typed and imported values: whole numbers."""

import pytest

from seniorhalsan.services.checks import Checker


@pytest.mark.parametrize("value, number", [
    ("12", 12), ("007", 7), (" 12 ", 12), ("1 200", 1200), ("1\u00a0200", 1200), (12, 12), (12.0, 12), ("-3", -3),
])
def test_whole_numbers_are_read(value, number):
    check = Checker()
    assert check.integer("Antal", value) == number and check.errors == []


@pytest.mark.parametrize("value", ["١٢", "²", "12.5", "tolv", 12.5, True, "1-2"])
def test_what_is_no_whole_number_is_refused(value):
    check = Checker()
    assert check.integer("Antal", value) is None
    assert [e.field for e in check.errors] == ["Antal"]


def test_a_count_is_never_negative_nor_absurd():
    check = Checker()
    assert check.count("women", "-1") is None and check.count("men", "10001") is None
    assert check.count("other", "10000") == 10000
    assert [e.field for e in check.errors] == ["women", "men"]


@pytest.mark.parametrize("value, time", [
    ("10:00", (10, 0)), ("8:15", (8, 15)), ("8.15", (8, 15)), ("08.15", (8, 15)), ("9", (9, 0)), ("13:30:00", (13, 30)),
])
def test_times_are_read_as_people_write_them(value, time):
    import datetime as dt

    check = Checker()
    assert check.time("start", value) == dt.time(*time) and check.errors == []


@pytest.mark.parametrize("value", ["25:00", "8:5", "kl 8", "10:00 skräp"])
def test_what_is_no_time_is_refused(value):
    check = Checker()
    assert check.time("start", value) is None
    assert [e.field for e in check.errors] == ["start"]


@pytest.mark.parametrize("value, said", [
    ("41", "41 är inget fyrsiffrigt år; skriv hela året (t.ex. 1941)."),
    (5, "5 är inget fyrsiffrigt år; skriv hela året (t.ex. 1905)."),
    ("941", "941 är inget fyrsiffrigt år; skriv hela året."),
])
def test_a_birth_year_written_short_is_explained_not_turned_into_an_age(value, said):
    import datetime as dt

    check = Checker()
    assert check.birth_year("birth_year", value, today=dt.date(2026, 11, 20)) is None
    assert [(e.field, e.message) for e in check.errors] == [("birth_year", said)]
    assert "ålder" not in check.errors[0].message


def test_a_whole_birth_year_still_reads_as_an_age_when_it_is_absurd():
    import datetime as dt

    check = Checker()
    assert check.birth_year("birth_year", "1941", today=dt.date(2026, 11, 20)) == 1941
    assert check.birth_year("birth_year", "1880", today=dt.date(2026, 11, 20)) is None
    assert "ger en ålder av 146 år" in check.errors[0].message
