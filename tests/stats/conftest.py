"""A small hand-made year whose figures are worked out in the tests."""

import datetime as dt
from functools import partial

import pytest

from seniorhalsan.services import feedback, groups
from tests import factories

D = dt.date


@pytest.fixture
def year(db):
    """A small year 2025 (and a little of 2024) at two places."""
    axelsberg = factories.place_named(db, "Axelsberg")
    gym = factories.place_named(db, "Gymmet Axelsberg")
    gympa = factories.activity(db, "Seniorgympa", kind="fysisk")
    kor = factories.activity(db, "Kör", kind="kultur")
    oppet = factories.activity(db, "Öppet gym", kind="fysisk")

    count = partial(factories.session, db)

    count(gympa, axelsberg, D(2025, 1, 13), women=20, men=5, new_visitors=2)   # T1
    count(kor, axelsberg, D(2025, 4, 30), women=30, men=4, other=1)              # T1
    count(oppet, gym, D(2025, 5, 2), women=6, men=4)                             # T2
    count(oppet, gym, D(2025, 9, 1), total=12, new_visitors=1)                   # T3, no gender split
    count(gympa, axelsberg, D(2025, 12, 31), women=10, men=0)                    # T3
    count(gympa, axelsberg, D(2025, 10, 6), cancelled=True)                      # not held
    count(gympa, axelsberg, D(2024, 12, 30), women=99, men=99)                   # another year

    # Fixartjänst: A (woman, 1950) first visited in 2024, again in 2025 → not new;
    # B (man, 1935) new in 2025 with two visits; C (woman, 1962) new in 2025.
    a = factories.person(db, reference="A", birth_year=1950, gender="kvinna")
    b = factories.person(db, reference="B", birth_year=1935, gender="man")
    c = factories.person(db, reference="C", birth_year=1962, gender="kvinna")
    factories.contact(db, a.id, day=D(2024, 6, 1), tasks=["brandvarnare"])
    factories.contact(db, a.id, day=D(2025, 2, 3), tasks=["brandvarnare", "halkskydd"])
    factories.contact(db, b.id, day=D(2025, 3, 3), tasks=["glodlampor"])
    factories.contact(db, b.id, day=D(2025, 8, 3), kind="telefon")
    factories.contact(db, c.id, day=D(2025, 11, 3))
    # Syn- och hörselstöd: A is new there in 2025 although known by Fixartjänst
    factories.contact(db, a.id, service="syn_horsel", day=D(2025, 5, 5), kind="oppen_mottagning")

    for day, participants in ((D(2025, 3, 1), 7), (D(2025, 3, 15), 6)):
        db.call(groups.add_group_meeting, service="anhorigstod", held_on=day, kind="grupp", title="Anhöriggrupp",
                participants=participants)
    db.call(groups.add_training, held_on=D(2025, 2, 2), audience="Hemtjänsten", participants=11, service="syn_horsel")
    db.call(groups.add_training, held_on=D(2024, 2, 2), audience="Hemtjänsten", participants=50)

    def fb(day, kind, sender, about=None, answered=None, acted=None):
        item = db.call(feedback.register_feedback, received_on=day, type=kind, from_key=sender, about_key=about,
                       text="text", contact="adress")
        if answered:
            db.call(feedback.record_answer, item.id, answered_on=answered)
        if acted:
            db.call(feedback.record_action, item.id, action_text=acted)

    fb(D(2025, 1, 10), "beröm", "Senior")                                            # T1
    fb(D(2025, 2, 10), "synpunkt", "Senior", "Tillgänglighet", answered=D(2025, 2, 20))
    fb(D(2025, 3, 10), "klagomål", "Närstående", "Bemötande", answered=D(2025, 3, 12), acted="Samtal")
    fb(D(2025, 9, 10), "synpunkt", "Senior", "Fråga/idé")                             # T3
    fb(D(2025, 12, 30), "beröm", "Närstående")                                       # T3
    fb(D(2024, 12, 30), "klagomål", "Senior", "Bemanning")                           # another year
    return db
