"""Inserting many rows at once: one executemany in the driver, with SQLAlchemy's own conversions.

A Core `insert()` with a list of dicts builds and processes every row's parameters in
SQLAlchemy's compiler, which costs more than the insert itself for tens of thousands of
rows. Here the statement is compiled once for the dialect, each column's conversion
(for SQLite: a date to its ISO text) is applied in one pass, and the rows go to the
driver as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import CursorResult, Result, Table, func, select, text
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` in the session's transaction."""
    if rows:
        keys = list(rows[0])
        values_of = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
        insert_values(session, table, keys, [values_of(row) for row in rows])


def insert_values(session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert `rows`, tuples of values for `columns`, into `table` in the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    compiled = table.insert().compile(dialect=dialect, column_keys=list(columns))
    names = list(compiled.positiontup or ()) if dialect.positional else list(columns)
    if sorted(names) != sorted(columns):
        raise ValueError(f"{table.name}: the insert names {names}, the rows {list(columns)}")
    # the driver's order of the columns, and each column's conversion (None: the value as it is)
    where = [list(columns).index(name) for name in names]
    conversions = []
    for i, name in enumerate(names):
        convert = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if convert is not None:
            conversions.append((i, convert))
    in_order = where == list(range(len(where)))
    params: list = []
    for row in rows:
        out = list(row) if in_order else [row[i] for i in where]
        for i, convert in conversions:
            out[i] = convert(out[i])
        params.append(tuple(out) if dialect.positional else dict(zip(names, out, strict=True)))
    connection.exec_driver_sql(str(compiled), params)
    changes = session.info.get("changes")
    if changes is not None:
        changes.table(table.name, created=len(rows))


def new_ids(session: Session, table: Table, count: int) -> list[int]:
    """Ids for `count` new rows of `table`, taken inside the session's transaction, so that rows
    written in bulk can be referred to at once (by their own rows in other tables, by the access log)."""
    if count <= 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        taken = connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
            {"table": table.name, "n": count},
        )
        return [row[0] for row in taken]
    # SQLite: a writing transaction holds the write lock from its start (BEGIN IMMEDIATE), so
    # nobody else can take the ids after the largest one before it commits
    top = connection.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(top + 1, top + count + 1))


def rowcount(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE matched. `Session.execute` is typed as giving any Result;
    for a Core statement it is the driver's CursorResult, which has the count."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"{type(result).__name__} has no row count")
    return result.rowcount
