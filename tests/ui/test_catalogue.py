"""Every visible text of the window is in the catalogue and has its English translation."""

from seniorhalsan.ui import catalogue, i18n


def test_the_catalogue_is_current_and_translated():
    assert catalogue.check() == []


def test_english_is_loaded_from_the_catalogue():
    i18n.set_language("en")
    try:
        assert i18n._("Närvaro") == "Attendance"
        assert i18n.number(28000) == "28,000"
    finally:
        i18n.set_language("sv")
    assert i18n._("Närvaro") == "Närvaro"
    assert i18n.number(28000) == "28\xa0000"
