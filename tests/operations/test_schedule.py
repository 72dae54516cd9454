"""The schedule's operations: terms and rows, each one transaction that says what it changed."""

import datetime as dt

import pytest

from seniorhalsan.errors import Conflict, NotFound, ValidationError
from seniorhalsan.operations.schedule import AddEntry, CopyTerm, CreateTerm, RemoveEntry, UpdateEntry, UpdateTerm
from seniorhalsan.services import schedule
from tests import factories


@pytest.fixture
def vt(db):
    return db.perform(CreateTerm("vt", 2026, dt.date(2026, 1, 12), dt.date(2026, 6, 5))).value


def test_rows_are_added_changed_and_removed(db, vt):
    gympa = factories.activity(db, "Seniorgympa")
    axelsberg = factories.place_named(db, "Axelsberg")
    added = db.perform(AddEntry(vt.id, gympa.id, axelsberg.id, dt.time(10), dt.time(11), weekday=1))
    assert added.changes.topics == {"schedule"} and added.changes.created == 1
    entry = added.value
    moved = db.perform(UpdateEntry(entry.id, entry.version, gympa.id, axelsberg.id, dt.time(9), dt.time(10), None,
                                   "Ta med vatten"))
    assert (moved.value.weekday, moved.value.starts_at, moved.value.note) == (1, dt.time(9), "Ta med vatten")
    with pytest.raises(Conflict):
        db.perform(UpdateEntry(entry.id, entry.version, gympa.id, axelsberg.id, dt.time(8), None, None, None))
    removed = db.perform(RemoveEntry(entry.id))
    assert removed.changes.topics == {"schedule"} and removed.changes.removed == 1
    assert db.read(schedule.list_schedule, vt.id) == []
    with pytest.raises(NotFound):
        db.perform(RemoveEntry(entry.id))


def test_a_refused_row_changes_nothing(db, vt, unchanged):
    gympa = factories.activity(db, "Seniorgympa")
    axelsberg = factories.place_named(db, "Axelsberg")
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(AddEntry(vt.id, gympa.id, axelsberg.id, dt.time(10), dt.time(9), on_date=dt.date(2026, 8, 1)))
    assert refused.value.fields == ["date"]


def test_terms_are_made_dated_and_copied(db, vt):
    gympa = factories.activity(db, "Seniorgympa")
    axelsberg = factories.place_named(db, "Axelsberg")
    db.perform(AddEntry(vt.id, gympa.id, axelsberg.id, dt.time(10), weekday=2))
    db.perform(AddEntry(vt.id, gympa.id, axelsberg.id, dt.time(13), on_date=dt.date(2026, 3, 3)))
    redated = db.perform(UpdateTerm(vt.id, dt.date(2026, 1, 13), dt.date(2026, 6, 5), version=vt.version))
    assert redated.changes.topics == {"schedule"} and redated.value.starts_on == dt.date(2026, 1, 13)
    copied = db.perform(CopyTerm("vt2026", "ht", 2026, dt.date(2026, 8, 24), dt.date(2026, 12, 11)))
    assert copied.changes.created == 2  # the term and its one weekly row; the dated one stays behind
    assert [(e.weekday, e.starts_at) for e in db.read(schedule.list_schedule, copied.value.id)] == [(2, dt.time(10))]
    with pytest.raises(ValidationError, match="finns redan"):
        db.perform(CreateTerm("ht", 2026, dt.date(2026, 8, 24), dt.date(2026, 12, 11)))
