"""The demo builder's own rows."""

import datetime as dt
from types import SimpleNamespace

from seniorhalsan.demo import DemoBuilder


def test_a_cancelled_session_row_has_the_keys_of_a_counted_one(db):
    """Rows are inserted in bulk, where every row must name the same columns."""
    with db.transaction() as ctx:
        builder = DemoBuilder(ctx, 2025, seed=1)
        entry = SimpleNamespace(id=1, activity_id=1, place_id=1, starts_at=dt.time(10), ends_at=dt.time(11))
        builder.means[entry.id] = 12.0
        builder.rng.random = lambda: 0.0  # every draw below the chance of a cancellation
        cancelled = builder._session_row(entry, dt.date(2025, 3, 3))
        builder.rng.random = lambda: 0.5
        counted = builder._session_row(entry, dt.date(2025, 3, 3))
    assert cancelled["cancelled"] and not counted["cancelled"]
    assert set(cancelled) == set(counted)
