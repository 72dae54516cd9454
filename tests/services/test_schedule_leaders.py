"""An entry's own leader is told apart from the activity's usual one."""

import datetime as dt

import pytest

from seniorhalsan.errors import NotFound
from seniorhalsan.services import schedule
from tests import factories


def test_own_leaders_are_told_apart_from_the_activitys(db):
    maria = factories.staff_member(db, "Maria Berglind")
    inger = factories.staff_member(db, "Inger Dahl", kind="volontar")
    gympa = factories.activity(db, "Seniorgympa", leader_id=maria.id)
    axelsberg = factories.place_named(db, "Axelsberg")
    vt = factories.term(db)
    usual = db.call(schedule.add_entry, term_id=vt.id, activity_id=gympa.id, place_id=axelsberg.id,
                    weekday=1, starts_at=dt.time(10))
    covered = db.call(schedule.add_entry, term_id=vt.id, activity_id=gympa.id, place_id=axelsberg.id,
                      weekday=3, starts_at=dt.time(10), leader_id=inger.id)
    assert usual.leader_id == maria.id and covered.leader_id == inger.id
    assert db.read(schedule.own_leader_ids, vt.id) == {usual.id: None, covered.id: inger.id}
    with pytest.raises(NotFound):
        db.read(schedule.own_leader_ids, 9999)
