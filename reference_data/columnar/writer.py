"""Compaction: a version's CSV tables written as Parquet by DuckDB, checked value by value.

:func:`compact` validates each CSV table of a version with the CSV reader, has DuckDB copy it into a
Parquet file (``COPY ... TO ... (FORMAT parquet)``, zstd, in the CSV file's row order, each column
typed as :mod:`.columns` says), reads the file back through :class:`ParquetFile`, and compares every
value with the CSV reader's. Each Parquet file records, in its key-value metadata, the table it
holds and the sha256 of the CSV file it came from, so that a loader can tell a stale copy.

The files are returned as bytes, for :func:`reference_data.versions.publish` to write into a new
version with the rest of it: compaction never changes a version.
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
from pathlib import Path
from typing import Any

import duckdb

from checkers.errors import ReferenceDataError

from .. import schema
from ..manifest import Manifest
from ..tables import decode, parse_table
from . import parquet_name
from .columns import from_text, literal, quoted, types
from .reader import (
    KV_SOURCE_SHA256,
    KV_TABLE,
    ParquetFile,
    connect,
    reading,
    row_number,
)


def write_parquet(
    con: duckdb.DuckDBPyConnection, source: str, file_schema: schema.FileSchema, target: Path, metadata: dict[str, str]
) -> None:
    """``COPY`` the rows of the SQL query ``source`` (the schema's columns, as CSV text) to a Parquet file."""
    select = ", ".join(f"{from_text(name, kind)} AS {quoted(name)}" for name, kind in types(file_schema).items())
    kv = ", ".join(f"{literal(k)}: {literal(v)}" for k, v in {KV_TABLE: file_schema.name, **metadata}.items())
    con.execute(
        f"COPY (SELECT {select} FROM ({source})) TO {literal(str(target))} "
        f"(FORMAT parquet, COMPRESSION zstd, KV_METADATA {{{kv}}})"
    )


def _csv_source(path: Path, data: bytes) -> str:
    """SQL reading a CSV data file as text, exactly its fields (no type sniffing, no dialect guessing)."""
    header = next(csv.reader([decode(path, data).split("\n", 1)[0].rstrip("\r")]))
    columns = "{" + ", ".join(f"{literal(c)}: 'VARCHAR'" for c in header) + "}"
    return (
        f"SELECT * FROM read_csv({literal(str(path))}, header = true, auto_detect = false, delim = ',', "
        f"quote = '\"', escape = '\"', columns = {columns})"
    )


def _same(path: Path, name: str, expected: list[Any], found: list[Any]) -> None:
    """Every value read back equals the CSV reader's, and is of the same type."""
    if expected == found and all(type(want) is type(got) for want, got in zip(expected, found, strict=True)):
        return
    for i, (want, got) in enumerate(zip(expected, found, strict=False)):
        if want != got or type(want) is not type(got):
            raise ReferenceDataError(str(path), f"column {name!r}: reads back from Parquet as {got!r}, not {want!r}", row=row_number(i))
    raise ReferenceDataError(str(path), f"column {name!r}: reads back from Parquet with {len(found)} rows, not {len(expected)}")


def compact_table(con: duckdb.DuckDBPyConnection, path: Path, data: bytes, file_schema: schema.FileSchema, work: Path) -> bytes:
    """The Parquet file of one CSV data file (``data`` = its bytes), after checking both."""
    table = parse_table(path, data, file_schema)
    target = work / parquet_name(file_schema.name)
    with reading(path):
        write_parquet(con, _csv_source(path, data), file_schema, target, {KV_SOURCE_SHA256: hashlib.sha256(data).hexdigest()})
    back = ParquetFile.open(con, target, file_schema, f"back_{target.stem}")
    written = back.columns()
    for name in file_schema.header:
        _same(path, name, table.column(name), written[name])
    return target.read_bytes()


def compact(version_dir: Path) -> dict[str, bytes]:
    """Parquet copies of the version's CSV tables that have no current one, by file name.

    A table whose Parquet file was compacted from the CSV file beside it is left out; an empty
    result means the version is compact already.
    """
    manifest = Manifest(version_dir)
    out: dict[str, bytes] = {}
    con = connect()
    try:
        with tempfile.TemporaryDirectory(prefix="tradecheck-compact-") as work:
            for file_schema in schema.SCHEMAS:
                if file_schema.name not in manifest.entries:
                    continue
                data = manifest.checked_bytes(file_schema.name)
                name = parquet_name(file_schema.name)
                if name in manifest.entries and _is_copy_of(con, manifest, name, file_schema, data):
                    continue
                out[name] = compact_table(con, version_dir / file_schema.name, data, file_schema, Path(work))
    finally:
        con.close()
    return out


def compact_files(csv_files: dict[str, bytes]) -> dict[str, bytes]:
    """Parquet copies of CSV data files given as bytes, by Parquet file name (see :func:`compact_table`)."""
    known = {s.name: s for s in schema.SCHEMAS}
    out: dict[str, bytes] = {}
    con = connect()
    try:
        with tempfile.TemporaryDirectory(prefix="tradecheck-compact-") as work:
            for name, data in csv_files.items():
                if name not in known:
                    raise ReferenceDataError(name, "is not a table of the store; only its tables are held as Parquet")
                path = Path(work) / name
                path.write_bytes(data)
                out[parquet_name(name)] = compact_table(con, path, data, known[name], Path(work))
    finally:
        con.close()
    return out


def _is_copy_of(con: duckdb.DuckDBPyConnection, manifest: Manifest, name: str, file_schema: schema.FileSchema, data: bytes) -> bool:
    """Whether the version's Parquet file ``name`` (checked against the manifest) says it was compacted
    from exactly these CSV bytes."""
    manifest.checked_bytes(name)
    path = manifest.data_dir / name
    with reading(path):
        rows = con.execute(f"SELECT key, value FROM parquet_kv_metadata({literal(str(path))})").fetchall()
    said = {bytes(k).decode("utf-8", "replace"): bytes(v).decode("utf-8", "replace") for k, v in rows}
    return said.get(KV_SOURCE_SHA256) == hashlib.sha256(data).hexdigest() and said.get(KV_TABLE) == file_schema.name
