"""Loading the columnar store: a data version's Parquet files, checked, then read once into memory.

:func:`load` reads ``MANIFEST.json``, checks each Parquet file's sha256 against it, opens every file
through DuckDB (:class:`ParquetFile`: columns, types, every value), refuses a Parquet file that was
compacted from another CSV file than the one beside it, builds the trade index (:class:`ArrayIndex`)
and reads the small tables (ranks, shares, FX rates) into the same :class:`Table` objects the CSV
store uses. DuckDB is closed before :func:`load` returns; the store holds no connection and no file.
"""

from __future__ import annotations

import gc
from pathlib import Path

import duckdb

from checkers.errors import ReferenceDataError

from .. import schema
from ..manifest import MANIFEST, Manifest
from ..store import ReferenceStore
from . import ENGINE, parquet_name
from .index import ArrayIndex
from .reader import KV_SOURCE_SHA256, KV_TABLE, ParquetFile, connect


def load(version_dir: Path) -> ReferenceStore:
    """Check and read every table of the version from Parquet; see the module's description."""
    collecting = gc.isenabled()
    gc.disable()  # as in the CSV store: many small objects, none in cycles
    try:
        return _load(version_dir)
    finally:
        if collecting:
            gc.enable()


def _open(con: duckdb.DuckDBPyConnection, manifest: Manifest, file_schema: schema.FileSchema, number: int) -> ParquetFile:
    name = parquet_name(file_schema.name)
    if name not in manifest.entries:
        raise ReferenceDataError(
            str(manifest.path), f"does not list {name}: the columnar store needs every table as Parquet (run 'tradecheck data compact')"
        )
    manifest.checked_bytes(name)
    found = ParquetFile.open(con, manifest.data_dir / name, file_schema, f"file{number}")
    listed = manifest.entry(name).get("rows")
    if listed is not None and listed != found.rows:
        raise found.fail(f"has {found.rows} rows, {MANIFEST} says {listed}")
    holds = found.metadata.get(KV_TABLE)
    if holds is not None and holds != file_schema.name:
        raise found.fail(f"holds {holds}, not {file_schema.name}")
    _check_fresh(manifest, found)
    return found


def _check_fresh(manifest: Manifest, found: ParquetFile) -> None:
    """A Parquet file beside its CSV file must have been compacted from exactly that CSV file."""
    csv_entry = manifest.entries.get(found.schema.name)
    if csv_entry is None:
        return  # the table is held as Parquet only
    compacted_from = found.metadata.get(KV_SOURCE_SHA256)
    if compacted_from != csv_entry.get("sha256"):
        said = f"from a {found.schema.name} with sha256 {compacted_from}" if compacted_from else "without saying from which CSV file"
        raise found.fail(
            f"was compacted {said}, but this version's {found.schema.name} has sha256 {csv_entry.get('sha256')}: "
            "the Parquet copy is stale; run 'tradecheck data compact' (or set TRADECHECK_STORE=csv)"
        )


def _load(version_dir: Path) -> ReferenceStore:
    manifest = Manifest(version_dir)
    con = connect()
    try:
        files = {s.name: _open(con, manifest, s, i) for i, s in enumerate(schema.SCHEMAS)}
        index = ArrayIndex.build(con, [files[s.name] for s in schema.TRADE_FILES])
        ranks, shares, fx = (files[s.name].table() for s in (schema.PARTNER_RANKS, schema.PARTNER_SHARES, schema.FX_RATES))
    finally:
        con.close()
    return ReferenceStore(manifest.version, index, ranks, shares, fx, source=version_dir, engine=ENGINE)
