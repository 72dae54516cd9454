"""What a new contact, group meeting or training is offered before anything is typed."""

import datetime as dt

from seniorhalsan.services import contacts, groups, staff
from tests import factories
from tests.conftest import TODAY


def test_a_service_without_history_offers_its_usual_kind_and_its_own_staff(db):
    factories.staff_member(db, "Oskar Lindkvist", services=["it_stod"])
    fixare = factories.staff_member(db, "Tomas Greger", services=["fixartjanst"])
    defaults = db.read(contacts.contact_defaults, service="fixartjanst")
    assert defaults == contacts.ContactDefaults(kind="hembesok", staff_id=fixare.id)
    assert db.read(contacts.contact_defaults, service="anhorigstod") == contacts.ContactDefaults("telefon", None)


def test_the_most_common_kind_this_year_and_the_latest_staff_member_are_offered(db):
    first = factories.staff_member(db, "Annika Sjöberg", services=["syn_horsel"])
    second = factories.staff_member(db, "Helena Rydh", services=["syn_horsel"])
    who = factories.person(db)
    day = TODAY - dt.timedelta(days=30)
    for kind in ("telefon", "telefon", "oppen_mottagning"):
        factories.contact(db, who.id, service="syn_horsel", day=day, kind=kind, staff_id=first.id)
    factories.contact(db, who.id, service="syn_horsel", day=day + dt.timedelta(days=1), staff_id=second.id)
    # an old habit no longer counts
    for _ in range(5):
        factories.contact(db, who.id, service="syn_horsel", day=dt.date(2024, 5, 2), kind="hembesok")
    assert db.read(contacts.contact_defaults, service="syn_horsel") == contacts.ContactDefaults("telefon", second.id)

    db.call(staff.update_staff, second.id, active=False)
    assert db.read(contacts.contact_defaults, service="syn_horsel").staff_id == first.id


def test_earlier_group_names_and_audiences_are_offered_latest_first(db):
    def meeting(day, title, service="anhorigstod"):
        db.call(groups.add_group_meeting, service=service, held_on=day, kind="grupp", title=title, participants=6)

    meeting(dt.date(2025, 2, 3), "Anhöriggrupp 1")
    meeting(dt.date(2026, 9, 1), "Anhöriggrupp 2")
    meeting(dt.date(2026, 10, 6), "Anhöriggrupp 1")
    meeting(dt.date(2026, 10, 7), "IT-grupp", service="it_stod")
    assert db.read(groups.group_titles, service="anhorigstod") == ["Anhöriggrupp 1", "Anhöriggrupp 2"]
    assert db.read(groups.group_titles, service="fixartjanst") == []

    for day, audience in ((dt.date(2026, 1, 13), "Hemtjänsten"), (dt.date(2026, 3, 12), "Vikarier"),
                          (dt.date(2026, 2, 10), "Hemtjänsten")):
        db.call(groups.add_training, held_on=day, audience=audience, participants=9)
    assert db.read(groups.training_audiences) == ["Vikarier", "Hemtjänsten"]
