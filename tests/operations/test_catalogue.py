"""The catalogue's operations: each saves through its service, says what it changed, and a
refusal changes nothing; two creators of one place at once make it once."""

import datetime as dt
import threading

import pytest

from seniorhalsan.database import open_database
from seniorhalsan.errors import Conflict, ValidationError
from seniorhalsan.operations.catalogue import (
    ClosePlace,
    CreateActivity,
    CreatePlace,
    CreateStaff,
    RenamePlace,
    SetText,
    SetTexts,
    UpdateActivity,
    UpdatePlace,
    UpdateStaff,
)
from seniorhalsan.operations.feedback import SaveFeedbackSummary
from seniorhalsan.reports.figures import get_feedback_summary
from seniorhalsan.services import activities, places, staff, texts
from tests.conftest import TODAY


def test_a_place_is_created_changed_renamed_and_closed(db):
    created = db.perform(CreatePlace("Sommartorget", address="Torget 1"))
    assert created.changes.topics == {"places"} and created.changes.created == 1
    place = created.value
    changed = db.perform(UpdatePlace(place.id, version=place.version, kind="utomhus")).value
    assert (changed.kind, changed.address) == ("utomhus", "Torget 1")  # what is not given stays
    renamed = db.perform(RenamePlace(place.id, "Vintertorget", dt.date(2026, 10, 1))).value
    assert renamed.name_on(dt.date(2026, 9, 30)) == "Sommartorget"
    closed = db.perform(ClosePlace(place.id, dt.date(2026, 12, 31)))
    assert closed.changes.topics == {"places"} and not closed.value.in_use_on(dt.date(2027, 1, 1))
    reopened = db.perform(UpdatePlace(place.id, reopen=True)).value
    assert reopened.closed_on is None


def test_a_refused_place_changes_nothing(db, unchanged):
    db.perform(CreatePlace("Sommartorget"))
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(CreatePlace("sommartorget", closed_on=dt.date(2020, 1, 1), opened_on=dt.date(2021, 1, 1)))
    assert set(refused.value.fields) == {"name", "closed_on"}


def test_an_activity_is_created_inactive_and_saved_whole(db):
    created = db.perform(CreateActivity("Boule", "fysisk", needs_signup=True, active=False))
    assert created.changes.topics == {"activities"}
    boule = created.value
    assert (boule.active, boule.needs_signup) == (False, True)
    maria = db.perform(CreateStaff("Maria Berglind")).value
    saved = db.perform(UpdateActivity(boule.id, boule.version, "Boule i parken", "social", "Klot på grus.", None,
                                      maria.id, False, True, True, True, "  Ring Maria, 08-123 456 78.  ")).value
    assert (saved.name, saved.kind, saved.description, saved.leader_name, saved.outdoors, saved.needs_signup,
            saved.active, saved.signup) == ("Boule i parken", "social", "Klot på grus.", "Maria Berglind", True, True,
                                            True, "Ring Maria, 08-123 456 78.")
    with pytest.raises(ValidationError) as refused:
        db.perform(UpdateActivity(boule.id, saved.version, "Boule", "social", None, None, None, False, False,
                                  True, True, "x" * 256))
    assert refused.value.fields == ["signup"]
    with pytest.raises(Conflict):  # the version read before the save
        db.perform(UpdateActivity(boule.id, boule.version, "Boule", "social", None, None, None, False, False,
                                  False, True, None))
    assert db.read(activities.get_activity, boule.id).name == "Boule i parken"


def test_staff_are_created_and_changed(db):
    created = db.perform(CreateStaff("Kim Ek", kind="volontar", services=("it_stod",)))
    assert created.changes.topics == {"staff"}
    kim = created.value
    saved = db.perform(UpdateStaff(kim.id, kim.version, "Kim Ek", "anstalld", "IT-pedagog", None, "kim@example.se",
                                   ("it_stod", "fixartjanst"), False)).value
    assert (saved.kind, saved.title, saved.email, set(saved.services), saved.active) == (
        "anstalld", "IT-pedagog", "kim@example.se", {"it_stod", "fixartjanst"}, False)
    assert db.read(staff.find_staff, "kim ek").id == kim.id


def test_texts_are_saved_one_or_several_together(db, unchanged):
    saved = db.perform(SetText("folder.presentation", "  Vi finns för dig.  "))
    assert saved.value == "Vi finns för dig." and saved.changes.topics == {"texts"}
    both = db.perform(SetTexts((("folder.presentation", "Ny text."), ("folder.feedback", "Skriv till oss."))))
    assert both.value == {"folder.presentation": "Ny text.", "folder.feedback": "Skriv till oss."}
    with unchanged(), pytest.raises(ValidationError):  # the second is refused: neither is saved
        db.perform(SetTexts((("folder.presentation", "Ändrad."), ("folder.unit_head", "x" * 20_001))))
    assert db.read(texts.get_text, "folder.presentation") == "Ny text."
    removed = db.perform(SetText("folder.feedback", ""))
    assert removed.value == "" and removed.changes.removed == 1
    db.perform(SaveFeedbackSummary(2025, "Allt gick bra.", tertial=1))
    assert db.read(get_feedback_summary, year=2025, tertial=1) == "Allt gick bra."


def test_two_who_create_the_same_place_at_once_make_it_once(db, db_url):
    clients = [open_database(db_url, daily_backup=False) for _ in range(2)]
    for client in clients:
        client.clock = lambda: TODAY
    barrier = threading.Barrier(2)
    made, refused, errors = [], [], []

    def run(client):
        barrier.wait()
        try:
            made.append(client.perform(CreatePlace("Sommartorget")).value)
        except ValidationError as exc:
            refused.append(exc)
        except Exception as exc:  # pragma: no cover - shown by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for client in clients:
        client.dispose()
    assert errors == [] and len(made) == 1 and len(refused) == 1
    assert "finns redan" in str(refused[0])
    assert [p.name for p in db.read(places.list_places)].count("Sommartorget") == 1
