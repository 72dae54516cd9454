"""An activity may be without a type until one is chosen; a type once chosen is not removed."""

import pytest

from seniorhalsan.errors import ValidationError
from seniorhalsan.operations.catalogue import CreateActivity, UpdateActivity
from seniorhalsan.services import activities


def test_an_activity_without_a_type_is_saved_and_shown_as_such(db):
    made = db.perform(CreateActivity(name="Qigong", kind=None)).value
    assert (made.kind, made.kind_name) == (None, "Typ ej angiven")
    assert db.read(activities.get_activity, made.id).kind is None


def test_the_type_is_chosen_later_and_cannot_be_taken_away(db):
    made = db.perform(CreateActivity(name="Qigong", kind=None)).value
    args = dict(description=None, place_id=None, leader_id=None, digital=False, outdoors=False,
                needs_signup=False, active=True, signup=None)
    still = db.perform(UpdateActivity(made.id, made.version, "Qigong", None, **args)).value  # other fields saved
    assert still.kind is None
    typed = db.perform(UpdateActivity(still.id, still.version, "Qigong", "fysisk", **args)).value
    assert typed.kind == "fysisk"
    with pytest.raises(ValidationError) as refused:
        db.perform(UpdateActivity(typed.id, typed.version, "Qigong", None, **args))
    assert refused.value.errors[0].field == "kind" and "kan byta typ men inte bli utan" in str(refused.value)
    assert db.read(activities.get_activity, made.id).kind == "fysisk"  # nothing changed
    changed = db.perform(UpdateActivity(typed.id, typed.version, "Qigong", "halsa", **args)).value
    assert changed.kind == "halsa"
