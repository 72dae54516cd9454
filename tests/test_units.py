"""Several units in one database: each sees and counts only its own."""

import datetime as dt

from seniorhalsan import stats
from seniorhalsan.database import open_database
from seniorhalsan.services import attendance, attendance_history, places
from tests import factories


def test_each_unit_counts_only_its_own(db, db_url):
    first = db
    gympa = factories.activity(first, "Seniorgympa")
    axelsberg = factories.place_named(first, "Axelsberg")
    first.call(attendance.record_attendance, activity_id=gympa.id, place_id=axelsberg.id,
               held_on=dt.date(2025, 3, 3), total=30)

    other = open_database(db_url, unit_key="skarholmen", daily_backup=False)
    try:
        assert other.unit_id != first.unit_id
        assert len(other.read(places.list_places)) == len(first.read(places.list_places))
        assert other.read(stats.year_stats, 2025).attendance.visits == 0
        assert first.read(stats.year_stats, 2025).attendance.visits == 30
        theirs = factories.place_named(other, "Axelsberg")
        assert theirs.id != axelsberg.id
        assert other.read(attendance_history.count_sessions) == 0
    finally:
        other.dispose()


def test_an_account_signs_in_only_to_its_own_unit(db, db_url):
    import pytest

    from seniorhalsan.services import accounts

    db.call(accounts.create_account, username="karin", password="ett-långt-lösen", role="enhetschef")
    other = open_database(db_url, unit_key="skarholmen", daily_backup=False)
    try:
        assert not other.read(accounts.has_accounts)
        with pytest.raises(accounts.LoginFailed):
            other.call(accounts.login, username="karin", password="ett-långt-lösen")
    finally:
        other.dispose()
