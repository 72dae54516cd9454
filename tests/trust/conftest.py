"""Two computers on one database, for the tests of what happens when both write at once."""

import pytest

from tests.concurrency import clients


@pytest.fixture
def two_clients(db, db_url):
    opened = clients(db_url, 2)
    yield opened
    for client in opened:
        client.dispose()
