"""A small hand-made year whose printed numbers are worked out in the tests."""

import datetime as dt
import shutil
from functools import partial

import pytest

from seniorhalsan.database import open_database
from seniorhalsan.paths import sqlite_url
from seniorhalsan.reports.figures import set_feedback_summary
from seniorhalsan.services import feedback, groups
from tests import factories
from tests.conftest import TODAY, on_postgresql

D = dt.date


def _open(path):
    database = open_database(sqlite_url(path))
    database.clock = lambda: TODAY
    return database


@pytest.fixture(scope="session")
def small_year_file(template_db, tmp_path_factory):
    """The small year is entered once; each test gets its own copy of the file.

    On PostgreSQL there is no file to copy: each test enters the year again."""
    if on_postgresql():
        return None
    path = tmp_path_factory.mktemp("small_year") / "small.sqlite3"
    shutil.copy(template_db, path)
    database = _open(path)
    _fill(database)
    database.dispose()
    return path


@pytest.fixture
def small_year(small_year_file, tmp_path, db_url):
    if small_year_file is None:
        database = open_database(db_url, daily_backup=False)
        database.clock = lambda: TODAY
        _fill(database)
        yield database
        database.dispose()
        return
    path = tmp_path / "small.sqlite3"
    shutil.copy(small_year_file, path)
    database = _open(path)
    yield database
    database.dispose()


def _fill(db):
    """2025 at two places: 1 257 visits, Fixartjänst with three persons, six feedback items."""
    axelsberg = factories.place_named(db, "Axelsberg")
    gym = factories.place_named(db, "Gymmet Axelsberg")
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk")
    kor = factories.activity(db, "Kör", kind="kultur")
    oppet = factories.activity(db, "Öppet gym", kind="fysisk")

    count = partial(factories.session, db)

    count(gympa, axelsberg, D(2025, 1, 13), women=900, men=300, new_visitors=20)  # T1
    count(kor, axelsberg, D(2025, 4, 30), women=30, men=4, other=1)                # T1
    count(oppet, gym, D(2025, 5, 2), women=6, men=4)                               # T2
    count(oppet, gym, D(2025, 9, 1), total=12)                                     # T3, no gender split
    count(gympa, axelsberg, D(2025, 10, 6), cancelled=True)

    a = factories.person(db, reference="A", birth_year=1950, gender="kvinna")
    b = factories.person(db, reference="B", birth_year=1935, gender="man")
    c = factories.person(db, reference="C", birth_year=1962, gender="kvinna")
    factories.contact(db, a.id, day=D(2024, 6, 1))
    factories.contact(db, a.id, day=D(2025, 2, 3), tasks=["brandvarnare"])
    factories.contact(db, b.id, day=D(2025, 3, 3))
    factories.contact(db, b.id, day=D(2025, 8, 3), kind="telefon")
    factories.contact(db, c.id, day=D(2025, 11, 3))

    db.call(groups.add_group_meeting, service="anhorigstod", held_on=D(2025, 3, 1), kind="grupp",
            title="Anhöriggrupp", participants=7)
    db.call(groups.add_group_meeting, service="anhorigstod", held_on=D(2025, 3, 15), kind="grupp",
            title="Anhöriggrupp", participants=6)
    db.call(groups.add_training, held_on=D(2025, 2, 2), audience="Hemtjänsten", participants=11, service="syn_horsel")

    def fb(day, kind, sender, about=None, answered=None, acted=None):
        item = db.call(feedback.register_feedback, received_on=day, type=kind, from_key=sender, about_key=about,
                       text="text", contact="adress")
        if answered:
            db.call(feedback.record_answer, item.id, answered_on=answered)
        if acted:
            db.call(feedback.record_action, item.id, action_text=acted)

    fb(D(2025, 1, 10), "beröm", "Senior")
    fb(D(2025, 2, 10), "synpunkt", "Senior", "Tillgänglighet", answered=D(2025, 2, 20))
    fb(D(2025, 3, 10), "klagomål", "Närstående", "Bemötande", answered=D(2025, 3, 12), acted="Samtal")
    fb(D(2025, 6, 10), "synpunkt", "Senior", "Fråga/idé")
    fb(D(2025, 9, 10), "synpunkt", "Senior", "Fråga/idé")
    fb(D(2025, 12, 30), "beröm", "Närstående")
    db.call(set_feedback_summary, year=2025, body="Vi har flyttat gympan till förmiddagen.")
    db.call(set_feedback_summary, year=2025, tertial=1, body="Tertialets synpunkter gällde tiderna.")
