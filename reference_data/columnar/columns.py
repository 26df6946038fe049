"""How each column of a data file is stored in Parquet, derived from the parser its CSV column uses.

The CSV reader turns text into values with the parsers in :mod:`reference_data.fields`. A Parquet
file holds the same values, typed: numbers as ``DOUBLE``, years and counts as ``INTEGER``, dates as
``DATE``, everything else (codes, flows, names, URLs, notes) as ``VARCHAR``. An empty CSV field that
the parser reads as "none" (a missing valuation, date or edition) is ``NULL``.

Reading a Parquet file checks every value the way the CSV reader would:

- a ``VARCHAR`` column's distinct texts go through the column's own parser (the texts repeat, so
  that is a few hundred calls even for millions of rows);
- a typed column is checked in SQL, with the rule its parser applies to text (a year is between
  1900 and 2100, a share between 0 and 100, and so on); its values need no parsing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import fields
from ..schema import FileSchema

#: The column holding each row's position in its file (DuckDB's ``file_row_number``, from 0).
ROW = "_row"


@dataclass(frozen=True)
class ColumnType:
    """The Parquet type of one column, and how its values are checked."""

    sql: str  # the DuckDB type in the file
    nullable: bool  # an empty CSV field is stored as NULL
    #: SQL that is true for a value the CSV parser would refuse ({c} stands for the column), if any
    invalid: str | None = None
    problem: str = ""  # what is wrong with such a value, for the message

    @property
    def parsed_in_python(self) -> bool:
        return self.sql == "VARCHAR"


_YEAR = "NOT ({c} BETWEEN 1900 AND 2100)"
_DATE = "NOT (year({c}) BETWEEN 1 AND 9999)"  # what a Python date can hold
_TYPED: dict[Callable[[str], Any], ColumnType] = {
    fields.number: ColumnType("DOUBLE", False, "NOT isfinite({c})", "is not a finite number"),
    fields.positive_number: ColumnType("DOUBLE", False, "NOT (isfinite({c}) AND {c} > 0)", "is not above zero"),
    fields.percent: ColumnType("DOUBLE", False, "NOT ({c} BETWEEN 0 AND 100)", "is not a percentage (0-100)"),
    fields.year: ColumnType("INTEGER", False, _YEAR, "is not a year (1900-2100)"),
    fields.optional_year: ColumnType("INTEGER", True, _YEAR, "is not a year (1900-2100)"),
    fields.positive_int: ColumnType("INTEGER", False, "{c} < 1", "is not a whole number of 1 or more"),
    fields.iso_date: ColumnType("DATE", True, _DATE, "is not a date Python can hold"),
    fields.required_date: ColumnType("DATE", False, _DATE, "is not a date Python can hold"),
}


def column_type(parse: Callable[[str], Any]) -> ColumnType:
    """The Parquet type of a column read by ``parse``; text unless the parser is a typed one."""
    typed = _TYPED.get(parse)
    if typed is not None:
        return typed
    try:
        nullable = parse("") is None
    except fields.FieldError:
        nullable = False
    return ColumnType("VARCHAR", nullable)


def types(file_schema: FileSchema) -> dict[str, ColumnType]:
    """Every column of ``file_schema``, in its order, with its Parquet type."""
    return {name: column_type(parse) for name, parse in file_schema.columns}


def quoted(name: str) -> str:
    """An SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """An SQL string literal (for file paths in table functions and views)."""
    return "'" + text.replace("'", "''") + "'"


def from_text(name: str, kind: ColumnType) -> str:
    """SQL turning a column of CSV text into its Parquet type (an empty field into NULL where it may be)."""
    column = f"CAST({quoted(name)} AS VARCHAR)"
    if kind.parsed_in_python:
        return f"NULLIF({column}, '')" if kind.nullable else f"COALESCE({column}, '')"
    return f"CAST(NULLIF({column}, '') AS {kind.sql})"


def as_text(name: str) -> str:
    """SQL reading a ``VARCHAR`` column as the CSV text the parser expects (NULL as the empty field)."""
    return f"COALESCE({quoted(name)}, '')"
