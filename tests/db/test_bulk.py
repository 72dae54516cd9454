"""Inserting many rows at once gives the same rows as SQLAlchemy's own insert."""

import datetime as dt

from sqlalchemy import select

from seniorhalsan.db.bulk import insert_many, insert_values
from seniorhalsan.db.models import ActivitySession
from seniorhalsan.services import activities, places


def test_insert_many_stores_the_same_values_as_a_core_insert(db):
    place = db.read(places.find_place, "Axelsberg")
    activity = db.call(activities.create_activity, name="Seniorgympa", kind="fysisk")
    table = ActivitySession.__table__

    def row(day, **kw):
        values = {"unit_id": db.unit_id, "activity_id": activity.id, "place_id": place.id, "held_on": day,
                  "starts_at": dt.time(10, 30), "cancelled": False, "women": 3, "men": None, "total": 3}
        return {**values, **kw}

    with db.transaction() as ctx:
        ctx.session.execute(table.insert(), [row(dt.date(2025, 1, 2)), row(dt.date(2025, 1, 3), cancelled=True)])
        insert_many(ctx.session, table, [row(dt.date(2025, 1, 2)), row(dt.date(2025, 1, 3), cancelled=True)])
        insert_many(ctx.session, table, [])
        reversed_row = row(dt.date(2025, 1, 4), men=2, total=5)
        keys = list(reversed(reversed_row))
        insert_values(ctx.session, table, keys, [tuple(reversed_row[k] for k in keys)])
    columns = [table.c.held_on, table.c.starts_at, table.c.cancelled, table.c.women, table.c.men, table.c.total,
               table.c.version]
    with db.engine.connect() as conn:
        stored = conn.execute(select(*columns).order_by(table.c.id)).all()
    assert stored[:2] == stored[2:4]
    assert stored[4] == (dt.date(2025, 1, 4), dt.time(10, 30), False, 3, 2, 5, 1)
    assert stored[0] == (dt.date(2025, 1, 2), dt.time(10, 30), False, 3, None, 3, 1)
    assert stored[1].cancelled is True
