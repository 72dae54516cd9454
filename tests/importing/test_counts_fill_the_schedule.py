"""A day's counts imported, typed in Närvaro or both: they fill the planned sessions of the
schedule, once, and two imports at the same time do not double them."""

import datetime as dt
import json

import pytest

from seniorhalsan import importing
from seniorhalsan.cli.main import main
from seniorhalsan.operations.attendance import RecordCounts
from seniorhalsan.operations.imports import ImportFile
from seniorhalsan.services import attendance_days, attendance_history, schedule
from seniorhalsan.services.attendance import CountInput
from seniorhalsan.services.attendance_slots import SessionKey
from tests import factories
from tests.concurrency import at_once
from tests.conftest import TODAY

DAY = dt.date(2026, 11, 18)  # a Wednesday, two days before the tests' today
PLAN = [("09:00", "10:00", "Seniorgympa"), ("10:15", "11:00", "Balans och styrka"), ("11:00", "12:00", "Qigong"),
        ("13:00", "14:00", "Pratcafé"), ("14:00", "15:00", "Canasta"), ("15:00", "16:00", "Kör")]
FILE = "datum;mötesplats;aktivitet;kvinnor;män;övriga\n" + "".join(
    f"{DAY.isoformat()};Axelsberg;{name};{10 + i};{i};0\n" for i, (_s, _e, name) in enumerate(PLAN))


@pytest.fixture
def axelsberg_day(db):
    """Axelsberg with six planned sessions on Wednesdays of the autumn term."""
    place = factories.place_named(db, "Axelsberg")
    term = factories.term(db, kind="ht", year=2026, starts_on=dt.date(2026, 8, 24), ends_on=dt.date(2026, 12, 18))
    for start, end, name in PLAN:
        activity = factories.activity(db, name)
        db.call(schedule.add_entry, term_id=term.id, activity_id=activity.id, place_id=place.id, weekday=3,
                starts_at=dt.time.fromisoformat(start), ends_at=dt.time.fromisoformat(end))
    return place


def day(db, place):
    return db.read(attendance_days.day_sessions, place_id=place.id, day=DAY)


def test_a_days_file_fills_the_six_planned_sessions_and_nothing_else(db, axelsberg_day, tmp_path, capsys):
    path = tmp_path / "idag.csv"
    path.write_text(FILE, encoding="utf-8")
    report = db.perform(ImportFile("attendance", str(path))).value
    assert (report.created, report.updated, report.unchanged) == (6, 0, 0)
    rows = day(db, axelsberg_day)
    assert len(rows) == 6 and all(r.planned and r.recorded for r in rows)
    assert [r.total for r in rows] == [10 + 2 * i for i in range(6)]

    # the command line shows the same six rows
    assert main(["--db-url", db.url, "attendance", "day", "--place", "Axelsberg", "--date", DAY.isoformat(),
                 "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(r["start"], r["activity"], r["women"], r["planned"]) for r in shown] == [
        (s, name, 10 + i, True) for i, (s, _e, name) in enumerate(PLAN)]
    assert set(shown[0]) == {"start", "end", "activity", "women", "men", "other", "total", "new", "cancelled",
                             "planned"}

    # the same file again changes nothing
    before = db.read(attendance_history.count_sessions)
    again = db.perform(ImportFile("attendance", str(path)))
    assert (again.value.created, again.value.updated, again.value.unchanged) == (0, 0, 6)
    assert not again.changes and db.read(attendance_history.count_sessions) == before == 6


def test_a_count_typed_afterwards_changes_that_session_and_no_other(db, axelsberg_day, tmp_path):
    path = tmp_path / "idag.csv"
    path.write_text(FILE, encoding="utf-8")
    db.perform(ImportFile("attendance", str(path)))
    rows = day(db, axelsberg_day)
    qigong = rows[2]
    typed = CountInput(SessionKey(axelsberg_day.id, DAY, session_id=qigong.session_id, version=qigong.version),
                       women=30, men=5, other=0)
    outcome = db.perform(RecordCounts((typed,)))
    assert (outcome.value.created, outcome.value.updated) == (0, 1) and outcome.changes.topics == {"attendance"}
    after = day(db, axelsberg_day)
    assert [r.total for r in after] == [10, 12, 35, 16, 18, 20]
    assert [r.session_id for r in after] == [r.session_id for r in rows]


def test_counts_typed_first_are_the_sessions_the_file_fills(db, axelsberg_day, tmp_path):
    planned = day(db, axelsberg_day)
    assert len(planned) == 6 and not any(r.recorded for r in planned)
    first = planned[0]
    db.perform(RecordCounts((CountInput(SessionKey(axelsberg_day.id, DAY, schedule_entry_id=first.schedule_entry_id),
                                        women=10, men=0, other=0),)))
    path = tmp_path / "idag.csv"
    path.write_text(FILE, encoding="utf-8")
    report = db.perform(ImportFile("attendance", str(path))).value
    assert (report.created, report.updated, report.unchanged) == (5, 0, 1)
    assert len(day(db, axelsberg_day)) == 6


def test_a_line_beyond_the_plan_is_an_extra_session_and_a_start_time_picks_its_session(db, axelsberg_day, tmp_path):
    path = tmp_path / "mer.csv"
    path.write_text("datum;mötesplats;aktivitet;start;totalt\n"
                    f"{DAY};Axelsberg;Kör;15:00;40\n"
                    f"{DAY};Axelsberg;Kör;18:30;25\n"       # a second choir session, not planned
                    f"{DAY};Axelsberg;Qigong;;9\n", encoding="utf-8")
    report = db.perform(ImportFile("attendance", str(path))).value
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    rows = day(db, axelsberg_day)
    assert len(rows) == 7
    by_time = {(r.starts_at.strftime("%H:%M"), r.activity_name): (r.total, r.planned) for r in rows}
    assert by_time[("15:00", "Kör")] == (40, True)
    assert by_time[("18:30", "Kör")] == (25, False)
    assert by_time[("11:00", "Qigong")] == (9, True)
    again = db.perform(ImportFile("attendance", str(path))).value
    assert (again.created, again.unchanged) == (0, 3)


def test_two_imports_of_the_same_file_at_once_save_it_once(db, db_url, tmp_path):
    place = factories.place_named(db, "Axelsberg")
    factories.activity(db, "Seniorgympa")
    lines = [f"{(TODAY - dt.timedelta(days=1 + n // 4)).isoformat()};Axelsberg;Seniorgympa;{n % 9};1;0"
             for n in range(2000)]
    path = tmp_path / "stor.csv"
    path.write_text("datum;mötesplats;aktivitet;kvinnor;män;övriga\n" + "\n".join(lines) + "\n", encoding="utf-8")
    reports = at_once(db_url, ImportFile("attendance", str(path)), ImportFile("attendance", str(path)))
    assert sorted((r.created, r.unchanged) for r in reports) == [(0, 2000), (2000, 0)]
    assert db.read(attendance_history.count_sessions, place_id=place.id) == 2000


def test_the_counts_still_missing_are_the_planned_sessions_of_past_days(db, axelsberg_day, capsys):
    rows = day(db, axelsberg_day)
    db.perform(RecordCounts((
        CountInput(SessionKey(axelsberg_day.id, DAY, schedule_entry_id=rows[0].schedule_entry_id), total=12),
        CountInput(SessionKey(axelsberg_day.id, DAY, schedule_entry_id=rows[1].schedule_entry_id), cancelled=True),
    )))
    waiting = db.read(attendance_history.missing_counts, first=dt.date(2026, 11, 11), last=dt.date(2026, 11, 30))
    # the Wednesday before: all six; DAY: the four neither counted nor cancelled; none after today
    assert [(m.day, m.activity_name) for m in waiting] == (
        [(dt.date(2026, 11, 11), name) for _s, _e, name in PLAN]
        + [(DAY, name) for _s, _e, name in PLAN[2:]])
    assert main(["--db-url", db.url, "attendance", "missing", "--place", "Axelsberg", "--from", "2026-11-18",
                 "--to", "2026-11-18", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown[0] == {"date": "2026-11-18", "place": "Axelsberg", "start": "11:00", "activity": "Qigong",
                        "leader": None}
    assert len(shown) == 4


def test_dates_a_report_can_never_hold_are_refused_with_their_line(db, axelsberg_day, tmp_path, unchanged):
    path = tmp_path / "fel.csv"
    path.write_text("datum;mötesplats;aktivitet;totalt\n"
                    "0001-01-01;Axelsberg;Qigong;3\n"
                    "1800-01-01;Axelsberg;Qigong;3\n"
                    "2026-11-17 skräp;Axelsberg;Qigong;3\n"
                    "2026-11-17 10:00;Axelsberg;Qigong;3\n", encoding="utf-8")
    with unchanged(), pytest.raises(importing.ImportRefused) as refused:
        db.perform(ImportFile("attendance", str(path)))
    errors = {e.line: e.message for e in refused.value.report.errors}
    assert set(errors) == {2, 3, 4}
    assert "1900" in errors[2] and "1900" in errors[3] and "inget datum" in errors[4]
