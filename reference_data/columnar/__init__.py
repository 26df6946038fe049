"""The columnar store: a data version's tables as Parquet files, read once by DuckDB into arrays.

The one public surface::

    from reference_data import columnar
    files = columnar.compact(version_dir)   # {"trade_values.parquet": bytes, ...} for versions.publish
    files = columnar.compact_files({"trade_values.csv": data})   # the same, for new CSV bytes
    store = columnar.load(version_dir)      # a ReferenceStore whose trade figures live in arrays
    columnar.parquet_files(version_dir)     # the Parquet files MANIFEST.json lists (no DuckDB needed)
    columnar.summary(path)                  # rows, years, pairs... of one Parquet file (data info)

``reference_data.load_store`` chooses this store by itself when a version holds Parquet files.
DuckDB is imported only when :func:`load`, :func:`compact` or :func:`write_parquet` is called, so
loading a CSV version costs nothing more than before. How a column is stored, checked and indexed is
described in the modules :mod:`.columns`, :mod:`.reader`, :mod:`.index`, :mod:`.store`, :mod:`.writer`
and :mod:`.overview`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..manifest import MANIFEST

if TYPE_CHECKING:
    import duckdb

    from ..schema import FileSchema
    from ..store import ReferenceStore

#: The name the columnar store goes by (``ReferenceStore.engine``, ``TRADECHECK_STORE``).
ENGINE = "columnar"
PARQUET = ".parquet"


def parquet_name(csv_name: str) -> str:
    """``trade_values.csv`` -> ``trade_values.parquet``."""
    return csv_name.removesuffix(".csv") + PARQUET


def parquet_files(version_dir: Path) -> list[str]:
    """The Parquet files that ``version_dir``'s MANIFEST.json lists; ``[]`` when it has none or no manifest.

    Read without DuckDB and without checking anything: it only decides which store to load, and the
    store checks everything.
    """
    try:
        document = json.loads((Path(version_dir) / MANIFEST).read_text(encoding="utf-8"))
        entries = document["files"]
        return [str(e["name"]) for e in entries if str(e.get("name", "")).endswith(PARQUET)]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


def load(version_dir: Path) -> ReferenceStore:
    """Check every Parquet file of the version and read it into a store (see :mod:`.store`)."""
    from .store import load as load_version

    return load_version(Path(version_dir))


def compact(version_dir: Path) -> dict[str, bytes]:
    """Parquet copies of the version's CSV tables that lack a current one (see :mod:`.writer`)."""
    from .writer import compact as compact_version

    return compact_version(Path(version_dir))


def summary(path: Path) -> dict[str, Any]:
    """Rows, years, reporters, pairs and commonest flows of one Parquet data file (for ``data info``)."""
    from .overview import summary as summarise

    return summarise(Path(path))


def compact_files(csv_files: dict[str, bytes]) -> dict[str, bytes]:
    """Parquet copies of data files given as bytes (``{"trade_values.csv": b"..."}``), each checked
    as :func:`compact` checks them; for a command that writes new CSV files into a version."""
    from .writer import compact_files as compact_given

    return compact_given(csv_files)


def write_parquet(
    con: duckdb.DuckDBPyConnection, source: str, file_schema: FileSchema, target: Path, metadata: dict[str, str] | None = None
) -> None:
    """Write the rows of the SQL query ``source`` (the schema's columns as CSV text) as a data file in Parquet.

    For tables made elsewhere than in a CSV file (a generated benchmark table, a bulk export).
    """
    from .writer import write_parquet as write

    write(con, source, file_schema, target, metadata or {})


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection set up as the store sets up its own."""
    from .reader import connect as open_connection

    return open_connection()


__all__ = ["ENGINE", "PARQUET", "compact", "compact_files", "connect", "load", "parquet_files", "parquet_name", "summary", "write_parquet"]
