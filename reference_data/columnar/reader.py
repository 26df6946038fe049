"""One Parquet data file, opened through DuckDB and checked as thoroughly as the CSV reader checks a CSV file.

:meth:`ParquetFile.open` checks, in order, that the file is a readable Parquet file, that it has the
schema's columns with their Parquet types (:mod:`.columns`), and every value of every column. Rows
are numbered as in the CSV file the Parquet file was compacted from: the first record is **row 2**
(row 1 being the CSV header), so a message names the same row whichever format was read.

The rule across columns and the key are checked by :func:`reference_data.tables.checked_table` once
the file is read into Python (:meth:`ParquetFile.table`), exactly as for a CSV file. The trade
tables, which can hold millions of rows, are not read into Python lists: their index checks the
rule and the key on its own way in (:mod:`.index`) and comes back here when either finds a problem.

Every problem raises :class:`ReferenceDataError` naming the file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from checkers.errors import ReferenceDataError

from ..fields import FieldError
from ..schema import FileSchema
from ..tables import CONTROL, Table, checked_table
from .columns import ROW, ColumnType, as_text, literal, quoted, types

#: Key-value metadata written into every Parquet file by :mod:`.writer`.
KV_TABLE = "tradecheck.table"  # the data file it holds, by its CSV name
KV_SOURCE_SHA256 = "tradecheck.source_sha256"  # the sha256 of the CSV file it was compacted from, if any


def row_number(position: int) -> int:
    """The row a message names for the record at ``position`` (from 0): as in the CSV file, header = row 1."""
    return position + 2


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


@contextlib.contextmanager
def reading(path: Path | str) -> Iterator[None]:
    """Turn any DuckDB error while reading ``path`` into a :class:`ReferenceDataError` naming it."""
    try:
        yield
    except duckdb.Error as exc:
        raise ReferenceDataError(str(path), f"cannot be read as Parquet: {_first_line(exc)}") from None


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that writes nothing anywhere: no database file, and no spilling to a
    temporary directory (which a read-only container may not have), so it works from any directory."""
    return duckdb.connect(":memory:", config={"temp_directory": ""})


class ParquetFile:
    """A checked Parquet data file, seen through a DuckDB view with a ``_row`` column (position in the file)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, file_schema: FileSchema, view: str) -> None:
        self.con = con
        self.path = path
        self.schema = file_schema
        self.view = view
        self.kinds: dict[str, ColumnType] = types(file_schema)
        self.metadata: dict[str, str] = {}
        self.rows = 0
        #: per text column, each distinct text and its parsed value
        self.decoders: dict[str, dict[str, Any]] = {}

    @classmethod
    def open(cls, con: duckdb.DuckDBPyConnection, path: Path, file_schema: FileSchema, view: str) -> ParquetFile:
        """Open ``path`` as view ``view`` and check its columns and every value; raises on the first problem."""
        found = cls(con, path, file_schema, view)
        with reading(path):
            found._check_columns()
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW {quoted(view)} AS SELECT file_row_number AS {ROW}, "
                f"{', '.join(quoted(c) for c in found.kinds)} FROM read_parquet({literal(str(path))}, file_row_number = true)"
            )
            found.metadata = {
                bytes(k).decode("utf-8", "replace"): bytes(v).decode("utf-8", "replace")
                for k, v in con.execute(f"SELECT key, value FROM parquet_kv_metadata({literal(str(path))})").fetchall()
            }
            found._check_values()
        return found

    def fail(self, problem: str, position: int | None = None) -> ReferenceDataError:
        return ReferenceDataError(str(self.path), problem, row=None if position is None else row_number(position))

    # -- checks --------------------------------------------------------------------------------

    def _check_columns(self) -> None:
        described = self.con.execute(f"DESCRIBE SELECT * FROM read_parquet({literal(str(self.path))})").fetchall()
        stored = {str(name): str(kind) for name, kind, *_ in described}
        for name, kind in self.kinds.items():
            if name not in stored:
                raise self.fail(f"missing column {name!r}")
            if stored[name] != kind.sql:
                raise self.fail(f"column {name!r}: stored as {stored[name]}, expected {kind.sql}")
        for name in stored:
            if name not in self.kinds:
                raise self.fail(f"unexpected column {name!r}")

    def _check_values(self) -> None:
        """Every value, as the CSV reader would: the first problem in file order raises."""
        problems: list[tuple[int, int, str]] = []  # (position, column position, message)
        checks: list[tuple[int, str, str]] = []  # (column position, SQL condition of a bad value, message)
        for position, (name, kind) in enumerate(self.kinds.items()):
            column = quoted(name)
            if not kind.nullable:
                checks.append((position, f"{column} IS NULL", f"column {name!r}: is empty"))
            if kind.invalid is not None:
                checks.append((position, kind.invalid.format(c=column), f"column {name!r}: {{value}} {kind.problem}"))
        filters = "".join(f", min({ROW}) FILTER (WHERE {condition})" for _, condition, _ in checks)
        count, *firsts = self.con.execute(f"SELECT count(*){filters} FROM {quoted(self.view)}").fetchone() or (0,)
        if not count:
            raise self.fail("file has no rows")
        self.rows = int(count)
        for (position, condition, message), first in zip(checks, firsts, strict=True):
            if first is not None:
                name = list(self.kinds)[position]
                value = self._text_at(name, int(first))
                problems.append((int(first), position, message.format(value=value)))
        for position, (name, kind) in enumerate(self.kinds.items()):
            if kind.parsed_in_python:
                problems.extend(self._parse_texts(position, name))
        if problems:
            first, _, message = min(problems)
            raise self.fail(message, first)

    def _text_at(self, name: str, position: int) -> str:
        found = self.con.execute(
            f"SELECT CAST({quoted(name)} AS VARCHAR) FROM {quoted(self.view)} WHERE {ROW} = ?", [position]
        ).fetchone()
        return str(found[0]) if found else "?"

    def _parse_texts(self, position: int, name: str) -> list[tuple[int, int, str]]:
        """Each distinct text of a text column through the column's parser, once."""
        parse = dict(self.schema.columns)[name]
        memo: dict[str, Any] = {}
        bad: list[tuple[str, str]] = []
        for (text,) in self.con.execute(f"SELECT DISTINCT {as_text(name)} FROM {quoted(self.view)}").fetchall():
            if "\n" in text or "\r" in text:
                bad.append((text, f"column {name!r}: holds a line break"))
            elif CONTROL.search(text):
                bad.append((text, f"column {name!r}: holds a control character"))
            else:
                try:
                    memo[text] = parse(text)
                except FieldError as err:
                    bad.append((text, f"column {name!r}: {err}"))
        self.decoders[name] = memo
        problems = []
        for text, message in bad:
            (first,) = self.con.execute(
                f"SELECT min({ROW}) FROM {quoted(self.view)} WHERE {as_text(name)} = ?", [text]
            ).fetchone() or (None,)
            problems.append((int(first or 0), position, message))
        return problems

    # -- reading ------------------------------------------------------------------------------

    def decode(self, name: str, raw: Any) -> Any:
        """The parsed value of one stored value of column ``name``."""
        memo = self.decoders.get(name)
        if memo is None:
            return raw
        return memo["" if raw is None else raw]

    def columns(self, names: list[str] | None = None) -> dict[str, list[Any]]:
        """Columns (all by default) as parsed Python values, in file order."""
        wanted = list(self.kinds) if names is None else names
        with reading(self.path):
            lists = self.con.execute(
                "SELECT " + ", ".join(f"list({quoted(n)} ORDER BY {ROW})" for n in wanted) + f" FROM {quoted(self.view)}"
            ).fetchone()
        out: dict[str, list[Any]] = {}
        for name, values in zip(wanted, lists or (), strict=True):
            memo = self.decoders.get(name)
            out[name] = list(values) if memo is None else [memo["" if v is None else v] for v in values]
        return out

    def table(self) -> Table:
        """The whole file as a validated :class:`Table`: the rule across columns and the key checked too."""
        return checked_table(self.path, self.columns(), self.schema)
