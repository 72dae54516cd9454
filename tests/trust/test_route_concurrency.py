"""Two computers write a person's first contact with a service at the same moment, each with how the
person found it: both contacts are saved and the route once, never twice (SQLite, and PostgreSQL with
SENIORHALSAN_TEST_PG)."""

import datetime as dt

from sqlalchemy import func, select

from seniorhalsan.db.models import Contact, PersonRoute
from seniorhalsan.operations.support import AddContact
from tests import factories
from tests.concurrency import outcomes_at_once

ROUNDS = 4


def test_two_first_contacts_at_once_record_one_route(db, two_clients):
    for round_ in range(ROUNDS):
        person = factories.person(db, reference=f"R{round_}")
        done = outcomes_at_once(two_clients, [
            AddContact(person.id, "fixartjanst", dt.date(2025, 3, 3), "hembesok", route="vardcentral"),
            AddContact(person.id, "fixartjanst", dt.date(2025, 3, 3), "telefon", route="anhorig")])
        assert not [r for r in done if isinstance(r, Exception)], done
        routes = db.read(lambda ctx, person_id: ctx.session.execute(
            select(PersonRoute.route).where(PersonRoute.person_id == person_id)).scalars().all(), person.id)
        contacts = db.read(lambda ctx, person_id: ctx.session.scalar(
            select(func.count()).select_from(Contact).where(Contact.person_id == person_id)), person.id)
        assert contacts == 2 and len(routes) == 1 and routes[0] in ("vardcentral", "anhorig")
