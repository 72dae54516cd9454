"""The table models over plain values: the lazily fetched list."""

from seniorhalsan.ui.models import Column, LazyModel

ROWS = [f"rad {n}" for n in range(1, 1001)]


def lazy(rows=ROWS, page=50, keep=4):
    asked = []

    def fetch(offset, limit):
        asked.append(offset)
        return rows[offset:offset + limit]

    model = LazyModel([Column(lambda: "Rad", lambda r: r)], fetch, lambda: len(rows), page=page, keep=keep)
    model.reload()
    return model, asked


def test_every_row_is_counted_at_once_and_read_where_it_is_looked_at():
    model, asked = lazy()
    assert model.rowCount() == 1000 and asked == []
    assert model.data(model.index(999, 0)) == "rad 1000"
    assert model.row_at(0) == "rad 1" and model.data(model.index(49, 0)) == "rad 50"
    assert asked == [950, 0]  # the last page, then the first; nothing between them


def test_only_the_most_recently_used_pages_are_kept():
    model, asked = lazy()
    for row in (0, 100, 200, 300, 0, 400, 100):
        model.data(model.index(row, 0))
    assert asked == [0, 100, 200, 300, 400, 100]
    assert sorted(model.pages) == [0, 2, 6, 8]


def test_a_reload_counts_again_and_forgets_the_pages():
    rows = list(ROWS)
    model, _asked = lazy(rows)
    model.data(model.index(10, 0))
    rows.insert(0, "ny rad")
    model.reload()
    assert model.rowCount() == 1001 and model.pages == {}
    assert model.data(model.index(0, 0)) == "ny rad"


def test_rows_gone_since_the_count_are_blank_not_an_error():
    rows = list(ROWS)
    model, _asked = lazy(rows)
    del rows[990:]
    assert model.data(model.index(995, 0)) is None and model.data(model.index(989, 0)) == "rad 990"


def test_the_lazy_model_passes_the_model_tester(qtmodeltester):
    model, _asked = lazy(ROWS[:23], page=5)
    qtmodeltester.check(model)
