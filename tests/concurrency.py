"""Operations started at the same moment by separate clients of one database, as two people
at two computers would: each on its own connection and thread, released together."""

from __future__ import annotations

import threading

from seniorhalsan.database import open_database
from tests.conftest import TODAY


def at_once(db_url: str, *operations) -> list:
    """Apply each operation from a client of its own, all at once; their outcomes' values in the
    order they finished. An exception in any of them fails the test."""
    clients = [open_database(db_url, daily_backup=False) for _ in operations]
    for client in clients:
        client.clock = lambda: TODAY
    barrier = threading.Barrier(len(operations))
    values, errors = [], []

    def run(client, operation) -> None:
        barrier.wait()
        try:
            values.append(client.perform(operation).value)
        except Exception as exc:  # shown by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=pair) for pair in zip(clients, operations, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for client in clients:
        client.dispose()
    assert errors == []
    return values
