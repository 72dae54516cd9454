"""Little data, kept short: names, phones and notes go a set number of days after the occasion,
the figures stay; every view of a list is in the access log; nobody on a list is a person of
the support register; the pseudonym is never shown."""

import dataclasses
import datetime as dt
import json

import pytest

from seniorhalsan import stats
from seniorhalsan.errors import ValidationError
from seniorhalsan.operations.accounts import Gallra
from seniorhalsan.operations.signups import SetSignupRetentionDays, SignUp, TickPresence
from seniorhalsan.reports.signup_lists import collect_list
from seniorhalsan.services import access_log, persons, retention, signup_people
from seniorhalsan.services.signup_people import ParticipantInfo
from tests import commandline
from tests.conftest import TODAY
from tests.signup_helpers import PAST_TRIP_DAY, on, series, sign_up_people, trip


def figures(db, year=2026) -> str:
    return json.dumps(db.read(stats.year_stats, year).to_json(), sort_keys=True)


@pytest.fixture
def year_of_trips(db):
    """Two trips in the autumn with some of the same people (the same phone), ticked."""
    early = trip(db, day=dt.date(2026, 9, 12), name="Dagsutflykt till Skultuna bruk")
    late = trip(db, day=PAST_TRIP_DAY, name="Bussutflykt till Kastellet")
    first = sign_up_people(db, early, 5)
    second = sign_up_people(db, late, 3)  # Astrid, Bertil and Cecilia again
    db.perform(TickPresence(early.list_id, early.on_date, tuple(p.id for p in first[:3])))
    db.perform(TickPresence(late.list_id, late.on_date, tuple(p.id for p in second)))
    return early, late


def test_the_same_phone_on_two_lists_is_one_person_in_the_years_figures(db, year_of_trips):
    total = db.read(stats.year_stats, 2026).signups.total
    assert (total.occasions, total.places_offered, total.signed_up, total.waiting_list) == (2, 8, 7, 1)
    assert (total.attended, total.distinct_persons) == (6, 4)


def test_names_are_cleared_after_the_period_and_the_figures_stay(db, year_of_trips):
    early, late = year_of_trips
    before = figures(db)
    planned = db.read(retention.preview)
    assert planned.signups == 5  # Skultuna was more than 30 days ago; Kastellet (six days ago) is not
    done = db.perform(Gallra()).value
    assert done.signups == 5
    cleared = db.read(signup_people.participants, early.list_id)
    assert [(p.name, p.phone, p.email, p.note) for p in cleared] == [(None, None, None, None)] * 5
    assert [p.gender for p in cleared] == ["kvinna", "man", "kvinna", "man", "kvinna"]
    assert all(p.name for p in db.read(signup_people.participants, late.list_id))
    assert figures(db) == before
    assert db.read(retention.preview).signups == 0

    with on(db, TODAY + dt.timedelta(days=30)):  # the later trip's turn
        assert db.perform(Gallra()).value.signups == 3
        assert figures(db) == before


def test_the_period_is_a_setting_of_the_unit(db, year_of_trips, unchanged):
    assert db.read(retention.preview).signups == 5
    db.perform(SetSignupRetentionDays(5))
    assert db.read(retention.preview).signups == 8
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(SetSignupRetentionDays(0))
    assert refused.value.fields == ["retention_days"]


def test_a_cleared_list_takes_no_sign_ups_ticks_or_prints(db, year_of_trips):
    early, _late = year_of_trips
    db.perform(SetSignupRetentionDays(1))
    db.perform(Gallra())
    with pytest.raises(ValidationError, match="gallrad"):
        db.perform(TickPresence(early.list_id, early.on_date, ()))
    with pytest.raises(Exception, match="gallrad"):
        db.read(collect_list, early.list_id, "ringlista")


def test_every_view_of_a_list_is_in_the_access_log(db):
    occasion = trip(db)
    people = sign_up_people(db, occasion, 3)
    db.read(signup_people.participants, occasion.list_id)
    db.read(collect_list, occasion.list_id, "ringlista")
    entries = db.read(access_log.search, record_type="anmalan")
    views = [e for e in entries if e.operation == "visa"]
    assert len(views) == 2
    assert all(e.record_ids == tuple(p.id for p in people) for e in views)
    assert {e.detail for e in views} == {"anmälningslista: Dagsutflykt till Skultuna bruk (3 st.)",
                                         "utskrift (ringlista): Dagsutflykt till Skultuna bruk (3 st.)"}
    assert sorted(e.record_id for e in entries if e.operation == "skapa") == [p.id for p in people]
    found = db.read(access_log.search, record_id=people[1].id)
    assert {e.operation for e in found} == {"skapa", "visa"}


def test_a_person_on_a_list_is_not_a_person_of_the_support_register(db):
    occasion = trip(db)
    sign_up_people(db, occasion, 2)
    assert db.read(persons.find_persons, "Astrid") == []


def test_the_pseudonym_is_never_shown(db, db_url):
    occasion = trip(db)
    sign_up_people(db, occasion, 1)
    assert "pseudonym" not in {f.name for f in dataclasses.fields(ParticipantInfo)}
    shown = commandline.run("signup", "list", "--activity", occasion.activity_name, "--date",
                            occasion.on_date.isoformat(), "--json", "--db-url", db_url)
    assert shown.returncode == 0, shown.stderr
    listed = json.loads(shown.stdout)
    assert listed["participants"][0]["name"] == "Astrid Ek"
    assert "pseudonym" not in shown.stdout


def test_a_series_keeps_its_names_until_its_term_has_ended(db):
    course = series(db)
    sign_up_people(db, course, 2)
    with on(db, dt.date(2027, 1, 10)):  # 27 days after the term's last day
        assert db.read(retention.preview).signups == 0
    with on(db, dt.date(2027, 1, 18)):
        assert db.perform(Gallra()).value.signups == 2
        with pytest.raises(ValidationError, match="gallrad"):
            db.perform(SignUp(course.list_id, "Sen Anmälan", "070-555 55 55"))


def test_gallra_on_the_command_line_clears_the_lists_too(db, db_url, year_of_trips):
    before = figures(db)
    done = commandline.run("gallra", "--yes", "--db-url", db_url)
    assert done.returncode == 0, done.stderr
    assert "personer på anmälningslistor" in done.stdout
    assert db.read(signup_people.participants, year_of_trips[0].list_id)[0].name is None
    assert figures(db) == before
