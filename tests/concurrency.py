"""Operations started at the same moment by separate clients of one database, as two people
at two computers would: each on its own connection and thread, released together."""

from __future__ import annotations

import threading

from seniorhalsan.database import open_database
from tests.conftest import TODAY


def clients(db_url: str, count: int) -> list:
    """`count` clients of the database, each with its own engine, as separate computers."""
    opened = [open_database(db_url, daily_backup=False) for _ in range(count)]
    for client in opened:
        client.clock = lambda: TODAY
    return opened


def outcomes_at_once(clients_: list, operations: list) -> list:
    """Apply operation i on client i, all released at the same moment; each one's value, or the
    exception it raised, in the order given."""
    barrier = threading.Barrier(len(clients_))
    results: list = [None] * len(clients_)

    def apply(index: int) -> None:
        try:
            barrier.wait()
            results[index] = clients_[index].perform(operations[index]).value
        except Exception as exc:  # the caller compares it
            results[index] = exc

    threads = [threading.Thread(target=apply, args=(i,)) for i in range(len(clients_))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def at_once(db_url: str, *operations) -> list:
    """Apply each operation from a client of its own, all at once; their values. An exception in
    any of them fails the test."""
    opened = clients(db_url, len(operations))
    try:
        results = outcomes_at_once(opened, list(operations))
    finally:
        for client in opened:
            client.dispose()
    assert [r for r in results if isinstance(r, Exception)] == []
    return results
