""""Tyck till": registration, återkoppling and åtgärd, and what is waiting."""

import datetime as dt

import pytest

from seniorhalsan.errors import Conflict, NotFound, ValidationError
from seniorhalsan.operations.feedback import (
    CorrectFeedback,
    DeleteFeedback,
    RecordAction,
    RecordAnswer,
    RegisterFeedback,
)
from seniorhalsan.services import feedback, feedback_register
from seniorhalsan.services.feedback import FeedbackInput


def item_input(**kw):
    values = dict(received_on=dt.date(2026, 1, 31), type="synpunkt", from_key="Senior",
                  about_key="Tillgänglighet", text="Fler tider för gympan, tack.")
    values.update(kw)
    return FeedbackInput(**values)


def register(db, **kw):
    return db.perform(RegisterFeedback(item_input(**kw))).value


def test_återkoppling_is_due_one_month_after_receipt(db):
    outcome = db.perform(RegisterFeedback(item_input()))
    item = outcome.value
    assert item.response_due == dt.date(2026, 2, 28)
    assert (item.from_key, item.about_key, item.status) == ("senior", "tillganglighet", "obesvarad")
    assert outcome.changes.topics == {"feedback"} and outcome.changes.created == 1


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
        db.perform(RecordAnswer(item.id, dt.date(2026, 1, 1)))
    answered = db.perform(RecordAnswer(item.id, dt.date(2026, 2, 10), "Vi ordnar fler tider.")).value
    acted = db.perform(RecordAction(item.id, "Ett extra pass på torsdagar.", dt.date(2026, 3, 1))).value
    assert answered.status == "besvarad" and acted.status == "atgardad"
    assert [f.id for f in db.read(feedback_register.list_feedback, status="atgardad")] == [item.id]
    assert db.read(feedback_register.list_feedback, status="obesvarad") == []
    taken_back = db.perform(RecordAnswer(item.id, None, "Ingen text utan dag.")).value
    assert (taken_back.answered_on, taken_back.answer_text) == (None, None)


def test_a_corrected_receipt_date_may_not_pass_the_answer_or_the_action(db, unchanged):
    item = register(db, contact="Astrid")
    db.perform(RecordAnswer(item.id, dt.date(2026, 2, 10)))
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.call(feedback.update_feedback, item.id, received_on=dt.date(2026, 2, 11))
    assert refused.value.fields == ["received_on"] and "2026-02-10" in str(refused.value)
    corrected = db.call(feedback.update_feedback, item.id, received_on=dt.date(2026, 2, 10), text="Fler tider.")
    assert (corrected.received_on, corrected.text, corrected.answered_on) == (
        dt.date(2026, 2, 10), "Fler tider.", dt.date(2026, 2, 10))

    acted = register(db)
    db.perform(RecordAction(acted.id, "Nya tider.", dt.date(2026, 3, 1)))
    with unchanged(), pytest.raises(ValidationError) as refused:
        db.perform(CorrectFeedback(acted.id, item_input(received_on=dt.date(2026, 3, 2))))
    assert refused.value.fields == ["received_on"]


def test_a_correction_is_of_the_whole_item_as_it_was_read(db, unchanged):
    item = register(db, contact="Astrid")
    corrected = db.perform(CorrectFeedback(item.id, item_input(text="Fler gympapass.", contact=None),
                                           version=item.version)).value
    assert (corrected.text, corrected.contact, corrected.about_key) == ("Fler gympapass.", None, "tillganglighet")
    with unchanged(), pytest.raises(Conflict):
        db.perform(CorrectFeedback(item.id, item_input(text="Gammal läsning"), version=item.version))


def test_an_item_is_deleted_only_as_it_was_shown(db, unchanged):
    item = register(db, contact="Astrid")
    answered = db.perform(RecordAnswer(item.id, dt.date(2026, 2, 1), version=item.version)).value
    with unchanged(), pytest.raises(Conflict):
        db.perform(DeleteFeedback(item.id, version=item.version))  # someone answered it meanwhile
    outcome = db.perform(DeleteFeedback(item.id, version=answered.version))
    assert outcome.changes.topics == {"feedback"} and outcome.changes.removed == 1
    with pytest.raises(NotFound):
        db.perform(DeleteFeedback(item.id))


def test_waiting_and_overdue_items(db):
    register(db, contact="Bo, bo@example.se")  # due 28 February, long past
    register(db, received_on=dt.date(2026, 11, 15), contact="Siv, tel 08-1")  # due in December
    register(db)  # no address: nobody to answer
    waiting = db.read(feedback_register.waiting_summary)
    assert (waiting.waiting, waiting.overdue) == (2, 1)
    overdue = db.read(feedback_register.list_feedback, overdue_only=True)
    assert [f.received_on for f in overdue] == [dt.date(2026, 1, 31)]


def test_obesvarade_are_the_ones_the_status_line_counts_most_overdue_first(db):
    late = register(db, received_on=dt.date(2026, 9, 1), contact="Bo")  # due 1 October
    later = register(db, received_on=dt.date(2026, 6, 5), contact="Siv")  # due 5 July: the most overdue
    due = register(db, received_on=dt.date(2026, 11, 15), contact="Ann")  # due in December
    acted = register(db, received_on=dt.date(2026, 10, 1), contact="Eva")  # acted on, still owed an answer
    db.perform(RecordAction(acted.id, "Nya tider."))
    register(db, type="beröm", about_key=None, contact="Tor, 08-1", received_on=dt.date(2026, 3, 1))  # praise
    register(db, received_on=dt.date(2026, 2, 1))  # no address: nobody to answer
    answered = register(db, received_on=dt.date(2026, 5, 1), contact="Per")
    db.perform(RecordAnswer(answered.id, dt.date(2026, 5, 3)))

    waiting = db.read(feedback_register.waiting_summary)
    listed = db.read(feedback_register.list_feedback, status="obesvarad")
    assert [f.id for f in listed] == [later.id, late.id, acted.id, due.id]
    assert (waiting.waiting, waiting.overdue) == (4, 3) == (
        db.read(feedback_register.count_feedback, status="obesvarad"),
        db.read(feedback_register.count_feedback, overdue_only=True))
    assert [f.id for f in db.read(feedback_register.list_feedback, overdue_only=True)] == [later.id, late.id, acted.id]
    assert all(f.waits_for_answer for f in listed)
    everything = db.read(feedback_register.list_feedback)
    assert [f.overdue for f in everything if f.type == "berom"] == [False]
    assert sum(f.waits_for_answer for f in everything) == 4


def test_the_count_matches_the_register_for_every_filter(db):
    register(db, contact="Bo, bo@example.se")  # overdue
    answered = register(db, received_on=dt.date(2026, 6, 2), contact="Siv")
    db.perform(RecordAnswer(answered.id, dt.date(2026, 6, 3)))
    acted = register(db, received_on=dt.date(2025, 10, 1))
    db.perform(RecordAction(acted.id, "Nya tider."))
    filters = [
        {}, {"status": "obesvarad"}, {"status": "besvarad"}, {"status": "atgardad"}, {"year": 2026},
        {"year": 2026, "tertial": 2}, {"year": 2025, "tertial": 1}, {"overdue_only": True}, {"place_id": 999},
    ]
    counts = [db.read(feedback_register.count_feedback, **f) for f in filters]
    assert counts == [len(db.read(feedback_register.list_feedback, **f)) for f in filters]
    assert counts == [3, 1, 1, 1, 2, 1, 0, 1, 0]
    assert db.read(feedback_register.feedback_years) == [2026, 2025]


def test_the_same_items_are_found_by_any_spelling_of_their_template_rows(db):
    first = register(db)
    second = register(db)
    register(db, text="Något annat")
    register(db, type="klagomal")
    found = db.read(feedback_register.same_items, item_input(from_key="senior", about_key="Tillgänglighet (öppettider, "
                                                                                         "telefontider, fysisk miljö)"))
    assert [f.id for f in found] == [first.id, second.id]
    assert db.read(feedback_register.same_items, item_input(about_key="Vädret")) == []
