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
