"""`seniorhalsan signup`: an occasion named by activity and day, or activity, term and place;
places, the waiting list, whom to call, who came and the printed lists; refusals in Swedish."""

import datetime as dt
import json
import subprocess

import pytest

from seniorhalsan.operations.signups import OpenSignups, SignUp
from seniorhalsan.services import attendance_days, schedule
from tests import commandline, factories
from tests.conftest import snapshot
from tests.signup_helpers import PEOPLE, on

TODAY = dt.date.today()  # the command runs on the real day
TRIP = TODAY + dt.timedelta(days=10)
GONE = TODAY - dt.timedelta(days=2)


def run(db_url, *args):
    return commandline.run("signup", *args, "--db-url", db_url)


@pytest.fixture
def unit(db):
    """A term around today with a trip ahead, a trip just gone (opened before it) and a weekly course."""
    term = db.call(schedule.create_term, kind="ht", year=TODAY.year, starts_on=TODAY - dt.timedelta(days=60),
                   ends_on=TODAY + dt.timedelta(days=60))
    axelsberg = factories.place_named(db, "Axelsberg")
    fruangen = factories.place_named(db, "Fruängsgården")
    skultuna = factories.activity(db, "Dagsutflykt till Skultuna bruk", kind="utflykt")
    kastellet = factories.activity(db, "Bussutflykt till Kastellet", kind="utflykt")
    course = factories.activity(db, "Min hälsa", kind="halsa")
    for activity, day in ((skultuna, TRIP), (kastellet, GONE)):
        db.call(schedule.add_entry, term_id=term.id, activity_id=activity.id, place_id=axelsberg.id, on_date=day,
                starts_at=dt.time(9))
    for weekday in (1, 4):
        db.call(schedule.add_entry, term_id=term.id, activity_id=course.id, place_id=fruangen.id, weekday=weekday,
                starts_at=dt.time(13))
    return term


TRIP_ARGS = ("--activity", "dagsutflykt till skultuna bruk", "--date", TRIP.isoformat())


def test_a_trip_from_opening_to_the_call_list(db, db_url, unit, tmp_path):
    opened = run(db_url, "open", *TRIP_ARGS, "--places", "4", "--last-day", (TRIP - dt.timedelta(days=3)).isoformat())
    assert opened.returncode == 0, opened.stderr
    assert "4 platser" in opened.stdout and "sista anmälningsdag" in opened.stdout
    said = []
    for name, phone, gender in PEOPLE[:5]:
        added = run(db_url, "add", *TRIP_ARGS, "--name", name, "--phone", phone,
                    *(["--gender", gender] if gender else []))
        assert added.returncode == 0, added.stderr
        said.append(added.stdout.strip())
    assert said[0] == "Anmäld: Astrid Ek har plats 1 av 4."
    assert said[4] == "Platserna är slut: Elsa Nyström står som nummer 1 på reservlistan."

    cancelled = run(db_url, "cancel", *TRIP_ARGS, "--phone", "0701111102")
    assert cancelled.returncode == 0, cancelled.stderr
    assert cancelled.stdout.splitlines() == ["Avanmäld: Bertil Holm.",
                                             "Ring Elsa Nyström (070-111 11 05): har fått plats 4 från reservlistan."]
    listed = json.loads(run(db_url, "list", *TRIP_ARGS, "--json").stdout)
    assert [(p["number"], p["name"]) for p in listed["participants"]] == [
        (1, "Astrid Ek"), (2, "Cecilia Lund"), (3, "David Berg"), (4, "Elsa Nyström")]
    assert (listed["places"], listed["taken"], listed["waiting"]) == (4, 4, 0)

    target = tmp_path / "ringlista.pdf"
    printed = run(db_url, "print", *TRIP_ARGS, "--call-list", "-o", str(target))
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True).stdout
    assert "Ringlista" in text and "Elsa Nyström" in text and "070-111 11 05" in text and "Bertil" not in text


def test_who_came_to_a_trip_becomes_its_count(db, db_url, unit):
    entry = db.read(schedule.list_schedule, unit.id)
    gone = next(e for e in entry if e.on_date == GONE)
    with on(db, GONE - dt.timedelta(days=5)):
        occasion = db.perform(OpenSignups(gone.id, 10)).value
        for name, phone, gender in PEOPLE[:4]:
            db.perform(SignUp(occasion.list_id, name, phone, gender=gender))
    args = ("--activity", "Bussutflykt till Kastellet", "--date", GONE.isoformat())
    done = run(db_url, "attended", *args, "--phone", "070-111 11 01", "--phone", "070-111 11 02",
               "--phone", "070-111 11 03", "--new", "070-111 11 03")
    assert done.returncode == 0, done.stderr
    assert "3 kom (kvinnor 2, män 1, övriga 0), varav 1 nya" in done.stdout
    [session] = db.read(attendance_days.day_sessions, place_id=gone.place_id, day=GONE)
    assert (session.women, session.men, session.total, session.new_visitors) == (2, 1, 3, 1)
    unknown = run(db_url, "attended", *args, "--phone", "070-000 00 00")
    assert unknown.returncode == 1 and "070-000 00 00 finns inte på listan" in unknown.stderr


def test_a_weekly_course_is_named_by_term_and_place(db, db_url, unit):
    term = f"ht{TODAY.year}"
    both = run(db_url, "open", "--activity", "Min hälsa", "--term", term, "--place", "Fruängsgården", "--places", "8")
    assert both.returncode == 1
    assert "står 2 gånger på schemat" in both.stderr and "--weekday" in both.stderr
    opened = run(db_url, "open", "--activity", "Min hälsa", "--term", term, "--place", "Fruängsgården",
                 "--weekday", "torsdag", "--places", "8")
    assert opened.returncode == 0, opened.stderr
    assert "Min hälsa, torsdagar kl. 13:00" in opened.stdout


@pytest.mark.parametrize("args, message", [
    (("add", *TRIP_ARGS, "--name", "Astrid", "--phone", "070-111 11 01"), "tar inte emot anmälningar"),
    (("open", "--activity", "Dagsutflykt till Skultuna", "--date", TRIP.isoformat(), "--places", "4"),
     "Menade du: Dagsutflykt till Skultuna bruk"),
    (("open", "--activity", "Min hälsa", "--term", "ht2026", "--places", "4"), "ange mötesplatsen"),
    (("open", *TRIP_ARGS, "--places", "0"), "Platser: ange minst en plats."),
    (("open", "--activity", "Bussutflykt till Kastellet", "--date", TRIP.isoformat(), "--places", "4"),
     "står inte på schemat"),
])
def test_a_refusal_is_swedish_exits_1_and_changes_nothing(db, db_url, unit, args, message):
    before = snapshot(db)
    done = run(db_url, *args)
    assert done.returncode == 1, done.stdout
    assert message in done.stderr and done.stderr.startswith("Fel: ")
    assert snapshot(db) == before


def test_the_same_phone_twice_is_refused(db, db_url, unit):
    assert run(db_url, "open", *TRIP_ARGS, "--places", "4").returncode == 0
    assert run(db_url, "add", *TRIP_ARGS, "--name", "Astrid Ek", "--phone", "070-111 11 01").returncode == 0
    before = snapshot(db)
    again = run(db_url, "add", *TRIP_ARGS, "--name", "Astrid", "--phone", "+46 70 111 11 01")
    assert again.returncode == 1 and "finns redan på listan" in again.stderr
    assert snapshot(db) == before


def test_a_day_and_a_term_together_is_a_mistake_in_the_arguments(db_url):
    done = run(db_url, "list", "--activity", "Min hälsa", "--date", "2026-12-01", "--term", "ht2026")
    assert done.returncode == 2 and "--term: går inte att kombinera med --date" in done.stderr
