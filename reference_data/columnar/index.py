"""The columnar trade index: every trade figure of a data version in a few typed arrays.

It is built once, at start-up, from the trade tables' Parquet files; DuckDB does the joining and
sorting and is closed afterwards, so a look-up is plain Python reading arrays:

- ``codes``: the area codes, by number;
- ``citations``: the distinct values of the citation columns (currency, authority, standing,
  precision, valuation, status, published, url, note), by number. A table from one release shares
  one citation across all its rows, so millions of rows need a few thousand of them;
- per row, four arrays: the partner's code number, the value, the citation number, and the row's
  position in the files (table by table, row by row);
- ``blocks``: (reporter, year, flow) -> the slice of rows holding that reporter's figures, sorted in
  the order :meth:`ReferenceStore.partner_figures` returns (:func:`reference_data.store.partner_order`).

A pair look-up scans its block for the partner's number (``array.index``, in C) and returns the rows
it finds in the files' order, as the CSV store does. A ranking builds its block's figures in the
order they are stored. Figures are built (and validated by pydantic) on each call, about 1.3 µs each,
so a ranking of 200 partners costs about 0.3 ms. They are not kept: keeping the last rankings made
rankings slower, not faster, because the garbage collector then walks every figure kept.

Each file has had every value checked by :class:`ParquetFile`. The rule across columns runs here,
on the rows as they stream in, and the key is checked by DuckDB; either problem sends the file
through :meth:`ParquetFile.table`, which raises the same error as the CSV reader would.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from checkers.claim import Flow
from checkers.errors import ReferenceDataError
from checkers.reference import TradeFigure

from ..schema import FileSchema
from ..store import table_order
from ..tables import Table
from .columns import ROW, quoted
from .reader import ParquetFile, reading

#: The columns each row holds itself; every other column of a trade file is part of its citation.
ROW_COLUMNS = ("reporter", "partner", "year", "flow", "value")
#: What the row columns are called in the ``joined`` view (codes as numbers).
_JOINED = {"reporter": "rid", "partner": "pid", "year": "year", "flow": "flow", "value": "value"}
_CHUNK = 100_000

Block = tuple[str, int, Flow]


class ArrayIndex:
    """A :class:`reference_data.store.TradeIndex` held in arrays; see the module's description."""

    def __init__(
        self,
        model: type[TradeFigure],
        codes: list[str],
        citations: list[dict[str, Any]],
        blocks: dict[Block, tuple[int, int]],
        rows: tuple[array[int], array[float], array[int], array[int]],
        files: Sequence[tuple[FileSchema, Path, int]],
    ) -> None:
        self._validate = model.__pydantic_validator__.validate_python  # model_validate without its overhead
        self._codes = codes
        self._number = {code: i for i, code in enumerate(codes)}
        self._citations = citations
        self._blocks = blocks
        self._partner, self._value, self._cite, self._position = rows
        self._files = files  # per trade file: its schema, path, and where its rows start in the positions
        self._offsets = [start for _, _, start in files]

    def __len__(self) -> int:
        return len(self._value)

    def _figure(self, reporter: str, year: int, flow: Flow, j: int) -> TradeFigure:
        fields = {"reporter": reporter, "partner": self._codes[self._partner[j]], "year": year, "flow": flow, "value": self._value[j]}
        fields.update(self._citations[self._cite[j]])
        return self._validate(fields)  # type: ignore[no-any-return]

    def pair(self, reporter: str, partner: str, year: int, flow: Flow) -> tuple[TradeFigure, ...]:
        span = self._blocks.get((reporter, year, flow))
        number = self._number.get(partner)
        if span is None or number is None:
            return ()
        lo, hi = span
        found: list[int] = []
        while True:
            try:
                j = self._partner.index(number, lo, hi)
            except ValueError:
                break
            found.append(j)
            lo = j + 1
        if len(found) > 1:
            found.sort(key=self._position.__getitem__)
        return tuple(self._figure(reporter, year, flow, j) for j in found)

    def partners(self, reporter: str, year: int, flow: Flow) -> tuple[TradeFigure, ...]:
        lo, hi = self._blocks.get((reporter, year, flow), (0, 0))
        return tuple(self._figure(reporter, year, flow, j) for j in range(lo, hi))

    def tables(self) -> tuple[Table, ...]:
        """One table per trade file with its reporter, partner, year and flow columns (rows in index order)."""
        columns: list[dict[str, list[Any]]] = [{c: [] for c in ROW_COLUMNS[:4]} for _ in self._offsets]
        for (reporter, year, flow), (lo, hi) in self._blocks.items():
            for j in range(lo, hi):
                out = columns[bisect.bisect_right(self._offsets, self._position[j]) - 1]
                out["reporter"].append(reporter)
                out["partner"].append(self._codes[self._partner[j]])
                out["year"].append(year)
                out["flow"].append(flow)
        return tuple(Table(schema, path, c) for (schema, path, _), c in zip(self._files, columns, strict=True))

    # -- building ---------------------------------------------------------------------------------

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection, files: Sequence[ParquetFile]) -> ArrayIndex:
        """Read the trade files (checked :class:`ParquetFile` views on ``con``) into an index."""
        with reading(" + ".join(str(f.path) for f in files)):
            return _Builder(con, files).build(cls)


Run = tuple[tuple[int, int, str], int]  # (reporter number, year, flow) and how many rows of a chunk are in it


class _ChunkColumns(Mapping[str, list[Any]]):
    """The columns of a chunk of fetched rows, each made (in C, by ``map``) when the schema's rule asks for it.

    A fetched row holds the columns that vary within a block; the block's own columns (reporter,
    year, flow) are repeated from ``runs``, the blocks the chunk spans.
    """

    def __init__(self, rows: list[tuple[Any, ...]], runs: list[Run], columns: dict[str, tuple[str, int, Any]]) -> None:
        self._rows = rows
        self._runs = runs
        self._columns = columns  # name -> ("row" or "block", place, how to decode it or None)

    def __getitem__(self, name: str) -> list[Any]:
        where, place, decode = self._columns[name]
        if where == "block":
            values = (decode(key[place]) if decode else key[place] for key, _ in self._runs)
            return list(itertools.chain.from_iterable(map(itertools.repeat, values, (n for _, n in self._runs))))
        raw = map(operator.itemgetter(place), self._rows)
        return list(raw if decode is None else map(decode, raw))

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


class _Builder:
    def __init__(self, con: duckdb.DuckDBPyConnection, files: Sequence[ParquetFile]) -> None:
        self.con = con
        self.files = files
        self.schema = files[0].schema
        self.cite_columns = [c for c in self.schema.header if c not in ROW_COLUMNS]

    def sql(self, query: str, params: list[Any] | None = None) -> duckdb.DuckDBPyConnection:
        return self.con.execute(query, params or [])

    def decode(self, name: str, raw: Any) -> Any:
        for found in self.files:
            memo = found.decoders.get(name)
            if memo is None:
                return raw
            if ("" if raw is None else raw) in memo:
                return memo["" if raw is None else raw]
        raise KeyError(f"{name}: {raw!r} was not read from any file")  # cannot happen: every file was checked

    def build(self, cls: type[ArrayIndex]) -> ArrayIndex:
        offsets = self._union()
        codes = self._codes()
        citations = self._citations()
        self._check_keys()
        blocks, rows = self._rows(codes, citations)
        files = [(f.schema, f.path, start) for f, start in zip(self.files, offsets, strict=True)]
        return cls(self.schema.model, codes, citations, blocks, rows, files)  # type: ignore[arg-type]

    def _union(self) -> list[int]:
        offsets, start = [], 0
        parts = []
        columns = ", ".join(quoted(c) for c in self.schema.header)
        for t, found in enumerate(self.files):
            offsets.append(start)
            parts.append(f"SELECT {t} AS _t, {start} + {ROW} AS _pos, {columns} FROM {quoted(found.view)}")
            start += found.rows
        self.sql("CREATE OR REPLACE TEMP VIEW trade AS " + " UNION ALL ".join(parts))
        return offsets

    def _codes(self) -> list[str]:
        self.sql(
            "CREATE OR REPLACE TEMP TABLE codes AS SELECT code, (row_number() OVER (ORDER BY code) - 1)::INTEGER AS id "
            "FROM (SELECT reporter AS code FROM trade UNION SELECT partner FROM trade)"
        )
        area = dict(self.schema.columns)["partner"]  # every code was checked as a reporter or a partner
        return [area(code) for (code,) in self.sql("SELECT code FROM codes ORDER BY id").fetchall()]

    def _citations(self) -> list[dict[str, Any]]:
        """The distinct citations, numbered, each with its rank in the order of tables and its key.

        Rows find their citation by hash, unless two citations share a hash; then by every column."""
        cols = ", ".join(quoted(c) for c in self.cite_columns)
        self.sql(
            f"CREATE OR REPLACE TEMP TABLE cites AS SELECT (row_number() OVER () - 1)::INTEGER AS id, hash({cols}) AS h, {cols} "
            f"FROM (SELECT DISTINCT {cols} FROM trade)"
        )
        citations = [
            {name: self.decode(name, raw) for name, raw in zip(self.cite_columns, rest, strict=True)}
            for _, *rest in self.sql(f"SELECT id, {cols} FROM cites ORDER BY id").fetchall()
        ]
        # ord: the citation's table's place in partner_order; kid: a number for its part of the file's key
        tables = [table_order(c["standing"], c["authority"], c["published"], c["url"]) for c in citations]
        rank = {key: i for i, key in enumerate(sorted(set(tables)))}
        ords = [rank[key] for key in tables]
        key_columns = [c for c in self.schema.key if c in self.cite_columns]
        keys: dict[tuple[Any, ...], int] = {}
        kids = [keys.setdefault(tuple(c[k] for k in key_columns), len(keys)) for c in citations]
        self.sql(
            "CREATE OR REPLACE TEMP TABLE cite_rank AS SELECT unnest(?) AS id, unnest(?) AS ord, unnest(?) AS kid",
            [list(range(len(citations))), ords, kids],
        )
        (distinct_hashes,) = self.sql("SELECT count(DISTINCT h) FROM cites").fetchone() or (0,)
        if distinct_hashes == len(citations):
            match = "c.h = hash(" + ", ".join(f"t.{quoted(c)}" for c in self.cite_columns) + ")"
        else:  # two citations share a hash: match every column (slower, and NULL equal to NULL)
            match = " AND ".join(f"c.{quoted(c)} IS NOT DISTINCT FROM t.{quoted(c)}" for c in self.cite_columns)
        self.sql(
            "CREATE OR REPLACE TEMP VIEW joined AS SELECT t._t, t._pos, r.id AS rid, p.id AS pid, t.year, t.flow, t.value, "
            "c.id AS cid, k.ord, k.kid FROM trade t JOIN codes r ON r.code = t.reporter JOIN codes p ON p.code = t.partner "
            f"JOIN cites c ON {match} JOIN cite_rank k ON k.id = c.id"
        )
        return citations

    def _check_keys(self) -> None:
        """No two rows of one file share the schema's key (DuckDB groups them); else the exact error."""
        own = [_JOINED[c] for c in self.schema.key if c in _JOINED]
        group = ", ".join(["_t", *own, "kid"])
        duplicate = self.sql(f"SELECT 1 FROM joined GROUP BY {group} HAVING count(*) > 1 LIMIT 1").fetchone()
        if duplicate is not None:
            self._raise_exact("a key is not unique")

    def _raise_exact(self, found: str) -> None:
        """Read the files whole, through the same checks as a CSV file, to raise the exact error."""
        for each in self.files:
            each.table()
        raise ReferenceDataError(str(self.files[0].path), f"{found} (found while indexing; not found again)")

    def _rows(
        self, codes: list[str], citations: list[dict[str, Any]]
    ) -> tuple[dict[Block, tuple[int, int]], tuple[array[int], array[float], array[int], array[int]]]:
        """Every row, sorted into blocks; the schema's rule is checked chunk by chunk on the way in."""
        partner = array("H" if len(codes) < 2**16 else "I")
        value: array[float] = array("d")
        cite = array("I")
        position = array("I" if sum(f.rows for f in self.files) < 2**32 else "Q")
        flows = {raw: self.decode("flow", raw) for raw in {r for f in self.files for r in f.decoders["flow"]}}
        columns: dict[str, tuple[str, int, Any]] = {
            "reporter": ("block", 0, codes.__getitem__), "year": ("block", 1, None), "flow": ("block", 2, flows.__getitem__),
            "partner": ("row", 0, codes.__getitem__), "value": ("row", 1, None),
            **{name: ("row", 2, [c[name] for c in citations].__getitem__) for name in self.cite_columns},
        }
        order = "ORDER BY rid, year, flow"  # the same in both queries, so the sizes come in the rows' order
        counted = self.sql(f"SELECT rid, year, flow, count(*) FROM joined GROUP BY rid, year, flow {order}").fetchall()
        sizes: list[Run] = [((rid, year, flow), n) for rid, year, flow, n in counted]
        # within a block: partner_order (the table's place, then the value, largest first), ties in file order
        result = self.sql(f"SELECT pid, value, cid, _pos FROM joined {order}, ord, value DESC, _pos")
        pending = iter(sizes)
        carried: Run | None = None  # the part of a block not yet consumed by earlier chunks
        while chunk := result.fetchmany(_CHUNK):
            runs, left = [], len(chunk)
            while left:
                key, n = carried or next(pending)
                runs.append((key, min(n, left)))
                carried = (key, n - left) if n > left else None
                left -= min(n, left)
            if self.schema.check is not None and self.schema.check(_ChunkColumns(chunk, runs, columns)):  # type: ignore[arg-type]
                self._raise_exact("a row breaks the table's rule")
            partner.extend(map(operator.itemgetter(0), chunk))
            value.extend(map(operator.itemgetter(1), chunk))
            cite.extend(map(operator.itemgetter(2), chunk))
            position.extend(map(operator.itemgetter(3), chunk))
        blocks: dict[Block, tuple[int, int]] = {}
        begin = 0
        for (rid, year, flow), size in sizes:
            blocks[(codes[rid], year, flows[flow])] = (begin, begin + size)
            begin += size
        return blocks, (partner, value, cite, position)
