""""Tyck till": registration, återkoppling and åtgärd, and what is waiting."""

import datetime as dt

import pytest

from seniorhalsan.errors import ValidationError
from seniorhalsan.services import feedback, feedback_register


def register(db, **kw):
    values = dict(received_on=dt.date(2026, 1, 31), type="synpunkt", from_key="Senior",
                  about_key="Tillgänglighet", text="Fler tider för gympan, tack.")
    values.update(kw)
    return db.call(feedback.register_feedback, **values)


def test_återkoppling_is_due_one_month_after_receipt(db):
    item = register(db)
    assert item.response_due == dt.date(2026, 2, 28)
    assert (item.from_key, item.about_key, item.status) == ("senior", "tillganglighet", "obesvarad")


def test_a_feedback_without_a_sender_category_is_refused(db, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        register(db, from_key="")
    assert refused.value.fields == ["from"]


def test_a_view_must_say_what_it_is_about_but_praise_need_not(db, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        register(db, about_key=None)
    assert refused.value.fields == ["about"]
    assert register(db, type="beröm", about_key=None).type == "berom"


def test_unknown_template_rows_are_named(db, unchanged):
    with unchanged(), pytest.raises(ValidationError) as refused:
        register(db, from_key="Grannen", about_key="Vädret")
    assert refused.value.fields == ["from", "about"]
    assert "Närstående" in str(refused.value)


def test_answer_and_action_are_recorded_on_the_item(db, unchanged):
    item = register(db, contact="Astrid, Storgatan 1")
    with unchanged(), pytest.raises(ValidationError):
        db.call(feedback.record_answer, item.id, answered_on=dt.date(2026, 1, 1))
    answered = db.call(feedback.record_answer, item.id, answered_on=dt.date(2026, 2, 10), answer_text="Vi ordnar fler tider.")
    acted = db.call(feedback.record_action, item.id, action_text="Ett extra pass på torsdagar.", action_on=dt.date(2026, 3, 1))
    assert answered.status == "besvarad" and acted.status == "atgardad"
    assert [f.id for f in db.read(feedback_register.list_feedback, status="atgardad")] == [item.id]
    assert db.read(feedback_register.list_feedback, status="obesvarad") == []


def test_a_corrected_receipt_date_may_not_pass_the_answer_or_the_action(db, unchanged):
    item = register(db, contact="Astrid")
    db.call(feedback.record_answer, item.id, answered_on=dt.date(2026, 2, 10))
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.call(feedback.update_feedback, item.id, received_on=dt.date(2026, 2, 11))
    assert refused.value.fields == ["received_on"] and "2026-02-10" in str(refused.value)
    corrected = db.call(feedback.update_feedback, item.id, received_on=dt.date(2026, 2, 10), text="Fler tider.")
    assert (corrected.received_on, corrected.text, corrected.answered_on) == (
        dt.date(2026, 2, 10), "Fler tider.", dt.date(2026, 2, 10))

    acted = register(db)
    db.call(feedback.record_action, acted.id, action_text="Nya tider.", action_on=dt.date(2026, 3, 1))
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.call(feedback.update_feedback, acted.id, received_on=dt.date(2026, 3, 2))
    assert refused.value.fields == ["received_on"]


def test_waiting_and_overdue_items(db):
    register(db, contact="Bo, bo@example.se")  # due 28 February, long past
    register(db, received_on=dt.date(2026, 11, 15), contact="Siv, tel 08-1")  # due in December
    register(db)  # no address: nobody to answer
    waiting = db.read(feedback_register.waiting_summary)
    assert (waiting.waiting, waiting.overdue) == (2, 1)
    overdue = db.read(feedback_register.list_feedback, overdue_only=True)
    assert [f.received_on for f in overdue] == [dt.date(2026, 1, 31)]


def test_the_count_matches_the_register_for_every_filter(db):
    register(db, contact="Bo, bo@example.se")  # overdue
    answered = register(db, received_on=dt.date(2026, 6, 2), contact="Siv")
    db.call(feedback.record_answer, answered.id, answered_on=dt.date(2026, 6, 3))
    acted = register(db, received_on=dt.date(2025, 10, 1))
    db.call(feedback.record_action, acted.id, action_text="Nya tider.")
    filters = [
        {}, {"status": "obesvarad"}, {"status": "besvarad"}, {"status": "atgardad"}, {"year": 2026},
        {"year": 2026, "tertial": 2}, {"year": 2025, "tertial": 1}, {"overdue_only": True}, {"place_id": 999},
    ]
    counts = [db.read(feedback_register.count_feedback, **f) for f in filters]
    assert counts == [len(db.read(feedback_register.list_feedback, **f)) for f in filters]
    assert counts == [3, 1, 1, 1, 2, 1, 0, 1, 0]
    assert db.read(feedback_register.feedback_years) == [2026, 2025]
