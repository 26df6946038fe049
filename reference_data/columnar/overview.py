"""What one Parquet data file holds, for ``tradecheck data info``: rows, years, reporters, pairs and
the commonest flows, currencies and authorities (the summary it gives of a CSV file, by DuckDB)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .columns import quoted
from .reader import connect, reading

_COUNTED = ("flow", "currency", "authority")


def summary(path: Path) -> dict[str, Any]:
    """The summary of the Parquet file at ``path``; a file DuckDB cannot read raises ReferenceDataError."""
    con = connect()
    try:
        with reading(path):
            return _summary(con, path)
    finally:
        con.close()


def _summary(con: Any, path: Path) -> dict[str, Any]:
    def one(query: str) -> tuple[Any, ...]:
        return tuple(con.execute(query.format(f="read_parquet(?)"), [str(path)]).fetchone() or ())

    columns = {d[0] for d in con.execute("SELECT * FROM read_parquet(?) LIMIT 0", [str(path)]).description or []}
    item: dict[str, Any] = {"file": path.name, "rows": int(one("SELECT count(*) FROM {f}")[0])}
    if "year" in columns:
        first, last = one("SELECT min(year), max(year) FROM {f}")
        item["years"] = f"{first}-{last}" if first is not None else ""
    if {"reporter", "partner"} <= columns:
        reporters, pairs = one("SELECT count(DISTINCT reporter), count(DISTINCT (reporter, partner)) FROM {f}")
        item["reporters"], item["pairs"] = int(reporters), int(pairs)
    for column in _COUNTED:
        if column in columns:
            counted = con.execute(
                f"SELECT {quoted(column)}, count(*) AS n FROM read_parquet(?) GROUP BY 1 ORDER BY n DESC, 1 LIMIT 6", [str(path)]
            ).fetchall()
            item[column + "s"] = {str(value): int(n) for value, n in counted}
    return item
