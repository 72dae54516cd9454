"""Inserting many rows at once: one executemany in the driver, with SQLAlchemy's own conversions.

A Core `insert()` with a list of dicts builds and processes every row's parameters in
SQLAlchemy's compiler, which costs more than the insert itself for tens of thousands of
rows. Here the statement is compiled once for the dialect, each column's conversion
(for SQLite: a date to its ISO text) is applied in one pass, and the rows go to the
driver as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` in the session's transaction."""
    if rows:
        keys = list(rows[0])
        insert_values(session, table, keys, [tuple(row[k] for k in keys) for row in rows])


def insert_values(session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert `rows`, tuples of values for `columns`, into `table` in the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    compiled = table.insert().compile(dialect=dialect, column_keys=list(columns))
    names = list(compiled.positiontup) if dialect.positional else list(columns)
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
        params.append(tuple(out) if dialect.positional else dict(zip(names, out)))
    connection.exec_driver_sql(str(compiled), params)
    changes = session.info.get("changes")
    if changes is not None:
        changes.table(table.name, created=len(rows))
