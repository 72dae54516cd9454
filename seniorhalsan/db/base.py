"""Declarative base with named constraints and reusable column types."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

from sqlalchemy import Date, DateTime, ForeignKey, Integer, MetaData, String, Table, Text, Time
from sqlalchemy.orm import DeclarativeBase, MappedColumn, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

intpk = Annotated[int, mapped_column(Integer, primary_key=True)]
str40 = Annotated[str, 40]
str120 = Annotated[str, 120]
str255 = Annotated[str, 255]
longtext = Annotated[str, "text"]


def fk(target: str, *, index: bool = True, ondelete: str | None = None) -> MappedColumn[Any]:
    """A foreign key column; indexed by default because every lookup joins on it."""
    return mapped_column(ForeignKey(target, ondelete=ondelete), index=index)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        str40: String(40),
        str120: String(120),
        str255: String(255),
        longtext: Text(),
        str: String(255),
        dt.date: Date(),
        dt.time: Time(),
        dt.datetime: DateTime(),
    }


def table_of(model: type) -> Table:
    """The table a model is mapped to, for Core statements and bulk writes. `Model.__table__`
    is typed as any FromClause (a model may be mapped to a join); ours are all tables."""
    table = getattr(model, "__table__", None)
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table
