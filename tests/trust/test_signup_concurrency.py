"""Two computers sign up for the last place at the same moment: one gets it, the other the waiting
list; the same phone from both is saved once (SQLite, and PostgreSQL with SENIORHALSAN_TEST_PG)."""



from seniorhalsan.errors import ValidationError
from seniorhalsan.operations.signups import SignUp
from seniorhalsan.services import signup_people
from tests.concurrency import outcomes_at_once
from tests.signup_helpers import trip

ROUNDS = 4


def test_of_two_taking_the_last_place_at_once_one_gets_it_and_the_other_waits(db, two_clients):
    for round_ in range(ROUNDS):
        occasion = trip(db, places=1, name=f"Utflykt {round_}")
        done = outcomes_at_once(two_clients, [SignUp(occasion.list_id, "Astrid Ek", "070-111 11 01"),
                                     SignUp(occasion.list_id, "Bertil Holm", "070-111 11 02")])
        assert not [r for r in done if isinstance(r, Exception)], done
        assert sorted(r.participant.status for r in done) == ["plats", "reserv"]
        people = db.read(signup_people.participants, occasion.list_id)
        assert [(p.status, p.number) for p in people] == [("plats", 1), ("reserv", 1)]


def test_the_same_phone_from_two_computers_at_once_is_saved_once(db, two_clients):
    for round_ in range(ROUNDS):
        occasion = trip(db, places=5, name=f"Utflykt {round_}")
        done = outcomes_at_once(two_clients, [SignUp(occasion.list_id, "Astrid Ek", "070-111 11 01"),
                                     SignUp(occasion.list_id, "Astrid E.", "070 111 11 01")])
        refused = [r for r in done if isinstance(r, Exception)]
        assert len(refused) == 1 and isinstance(refused[0], ValidationError), done
        assert refused[0].fields == ["phone"]
        assert len(db.read(signup_people.participants, occasion.list_id)) == 1
