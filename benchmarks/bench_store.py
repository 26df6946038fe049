"""Benchmark ways to hold the full partner tables: load time, memory, look-up and ranking latency.

The table is generated, not read: R reporters x P partners x Y years x 3 flows (default 200 x 200 x
25 x 3 = 3 000 000 rows) with the columns of ``trade_values.csv``. Each approach runs in its own
process, so their memory does not mix:

- ``dict``: the current store's approach: one validated ``TradeFigure`` per row, indexed in dicts of
  lists by (reporter, partner, year, flow) and (reporter, year, flow);
- ``duckdb-parquet``: the rows written once to a Parquet file (DuckDB's ``COPY``, zstd, sorted by
  reporter, partner, year), then queried in place through a view: nothing is loaded up front;
- ``duckdb-memory``: the same Parquet file loaded into a DuckDB in-memory table at start-up;
- ``duckdb-index``: the Parquet file read once through DuckDB into a compact index made of stdlib
  ``array`` columns, sorted by (reporter, year, flow, partner): a look-up is one dict read and a
  bisect, a ranking one slice; the citation columns (authority, url, dates, status, note), which
  repeat across rows, are kept once each and referenced by number (DuckDB's ``dense_rank``).
- ``columnar-store``: the store tradecheck ships (``reference_data.columnar``), through
  ``reference_data.load_store()`` on a generated data version: the generated table as
  ``trade_values.parquet``, the other tables compacted from the shipped data, published with
  ``versions.publish`` (MANIFEST.json, checksums, CURRENT). Its load checks every file and value,
  and its answers are validated ``TradeFigure`` models, as checkers receive them.

The first four approaches were the candidates (see docs/data.md); they are kept for comparison.
A look-up is what ``trade_figures(A, B, year, flow)`` does: A's own rows plus B's mirror rows. A
ranking is a reporter's partners in a year sorted by total trade (for ``columnar-store``:
``partner_figures(reporter, year, total)``, every partner's figure in rank order). Usage::

    python benchmarks/bench_store.py                 # full size, all approaches, a table
    python benchmarks/bench_store.py --reporters 20  # smaller, for a quick look
    python benchmarks/bench_store.py --approaches duckdb-index,columnar-store
    python benchmarks/bench_store.py --json          # machine-readable
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

FLOWS = ("export", "import", "total")
MIRROR = {"export": "import", "import": "export", "total": "total"}
FIRST_YEAR = 2000
LOOKUPS, RANKINGS = 5000, 500
APPROACHES = ("dict", "duckdb-parquet", "duckdb-memory", "duckdb-index", "columnar-store")


def rss_mb() -> float:
    """Resident memory now, in MB (Linux /proc; falls back to the peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def areas(count: int) -> list[str]:
    import pycountry

    codes = sorted(c.alpha_3 for c in pycountry.countries)
    if count + 1 > len(codes):
        raise SystemExit(f"at most {len(codes) - 1} reporters")
    return codes[: count + 1]


def partners_of(codes: list[str], r: int, partners: int) -> Iterator[str]:
    """``partners`` codes other than the reporter's own."""
    for p in range(partners):
        yield codes[(r + 1 + p) % len(codes)]


def value(r: int, p: int, y: int, f: int) -> float:
    """A deterministic, varied value (so rankings have work to do)."""
    return float(((r * 7919 + p * 104729 + y * 1299709 + f * 15485863) % 999_983) * 1000 + 1)


def rows(reporters: int, partners: int, years: int) -> Iterator[dict[str, Any]]:
    codes = areas(max(reporters, partners))
    for r in range(reporters):
        reporter = codes[r]
        url = f"https://comtradeapi.un.org/data/v1/get/C/A/HS?reporterCode={r}"
        for p, partner in enumerate(partners_of(codes, r, partners)):
            for y in range(years):
                for f, flow in enumerate(FLOWS):
                    yield {
                        "reporter": reporter, "partner": partner, "year": FIRST_YEAR + y, "flow": flow,
                        "value": value(r, p, y, f), "currency": "USD", "authority": f"UN Comtrade ({reporter}-reported)",
                        "standing": "compiled", "precision": "exact" if flow != "total" else "derived",
                        "valuation": {"export": "fob", "import": "cif", "total": None}[flow], "url": url,
                        "published": "2026-01-15", "status": "confirmed", "note": "",
                    }


def queries(reporters: int, partners: int, years: int, seed: int = 7) -> tuple[list[tuple[str, str, int, str]], list[tuple[str, int]]]:
    codes = areas(max(reporters, partners))
    rng = random.Random(seed)
    looks = []
    for _ in range(LOOKUPS):
        r = rng.randrange(reporters)
        partner = list(partners_of(codes, r, partners))[rng.randrange(partners)]
        looks.append((codes[r], partner, FIRST_YEAR + rng.randrange(years), rng.choice(FLOWS)))
    ranks = [(codes[rng.randrange(reporters)], FIRST_YEAR + rng.randrange(years)) for _ in range(RANKINGS)]
    return looks, ranks


def timed(calls: list[Any], fn: Callable[..., Any]) -> dict[str, float]:
    """Median and p99 latency in microseconds over ``calls`` (after a short warm-up), by the wall clock
    and by the thread's CPU time: on a shared machine the wall clock's p99 includes time slices given to
    other processes (4 ms each), which the CPU time leaves out."""
    for args in calls[:20]:
        fn(*args)
    laps, cpu = [], []
    for args in calls:
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        fn(*args)
        laps.append((time.perf_counter_ns() - start) / 1000)
        cpu.append((time.thread_time_ns() - start_cpu) / 1000)
    laps.sort()
    cpu.sort()
    p99 = int(len(laps) * 0.99) - 1
    return {"median_us": round(statistics.median(laps), 1), "p99_us": round(laps[p99], 1),
            "cpu_median_us": round(statistics.median(cpu), 1), "cpu_p99_us": round(cpu[p99], 1)}


# -- (a) the dict-of-lists store --------------------------------------------------------------


def bench_dict(args: argparse.Namespace) -> dict[str, Any]:
    from checkers.reference import TradeFigure

    gc.collect()
    base = rss_mb()
    start = time.perf_counter()
    trade: dict[tuple[str, str, int, str], list[TradeFigure]] = defaultdict(list)
    by_reporter: dict[tuple[str, int, str], list[TradeFigure]] = defaultdict(list)
    for row in rows(args.reporters, args.partners, args.years):
        fig = TradeFigure(**row)  # validated, as the store does after reading a row
        trade[(fig.reporter, fig.partner, fig.year, row["flow"])].append(fig)
        by_reporter[(fig.reporter, fig.year, row["flow"])].append(fig)
    load_s = time.perf_counter() - start
    memory = rss_mb() - base

    def lookup(a: str, b: str, year: int, flow: str) -> tuple[TradeFigure, ...]:
        return tuple(trade.get((a, b, year, flow), ())) + tuple(trade.get((b, a, year, MIRROR[flow]), ()))

    def ranking(reporter: str, year: int) -> list[tuple[str, float]]:
        return sorted(((f.partner, f.value) for f in by_reporter.get((reporter, year, "total"), ())), key=lambda x: -x[1])

    looks, ranks = queries(args.reporters, args.partners, args.years)
    assert lookup(*looks[0]), "a generated pair was not found"
    return {"approach": "dict", "rows": sum(len(v) for v in trade.values()), "load_s": round(load_s, 2),
            "memory_mb": round(memory), "lookup": timed(looks, lookup), "ranking": timed(ranks, ranking)}


# -- (b) DuckDB over Parquet ------------------------------------------------------------------


def write_parquet(args: argparse.Namespace, path: Path) -> float:
    """Generate the same table inside DuckDB and COPY it to Parquet; returns seconds."""
    import duckdb

    codes = areas(max(args.reporters, args.partners))
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute("CREATE TABLE codes(i INTEGER, code VARCHAR)")
    con.executemany("INSERT INTO codes VALUES (?, ?)", list(enumerate(codes)))
    n = len(codes)
    con.execute(f"""
        COPY (
          SELECT rc.code AS reporter, pc.code AS partner, {FIRST_YEAR} + y.i AS year, f.flow,
                 CAST(((r.i * 7919 + p.i * 104729 + y.i * 1299709 + f.k * 15485863) % 999983) * 1000 + 1 AS DOUBLE) AS value,
                 'USD' AS currency, 'UN Comtrade (' || rc.code || '-reported)' AS authority, 'compiled' AS standing,
                 CASE WHEN f.flow = 'total' THEN 'derived' ELSE 'exact' END AS precision,
                 CASE f.flow WHEN 'export' THEN 'fob' WHEN 'import' THEN 'cif' END AS valuation,
                 'https://comtradeapi.un.org/data/v1/get/C/A/HS?reporterCode=' || r.i AS url,
                 DATE '2026-01-15' AS published, 'confirmed' AS status, '' AS note
          FROM range({args.reporters}) r(i), range({args.partners}) p(i), range({args.years}) y(i),
               (VALUES (0, 'export'), (1, 'import'), (2, 'total')) f(k, flow),
               codes rc, codes pc
          WHERE rc.i = r.i AND pc.i = (r.i + 1 + p.i) % {n}
          ORDER BY reporter, partner, year, flow
        ) TO '{path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)
    """)
    con.close()
    return time.perf_counter() - start


_LOOKUP_SQL = (
    "SELECT * FROM trade WHERE (reporter = $a AND partner = $b AND year = $y AND flow = $f) "
    "OR (reporter = $b AND partner = $a AND year = $y AND flow = $m)"
)
_RANK_SQL = "SELECT partner, value FROM trade WHERE reporter = $r AND year = $y AND flow = 'total' ORDER BY value DESC"


def bench_duckdb(args: argparse.Namespace, in_memory: bool) -> dict[str, Any]:
    import duckdb

    path = Path(args.parquet)
    gc.collect()
    base = rss_mb()
    start = time.perf_counter()
    con = duckdb.connect(config={"threads": "1"})
    if in_memory:
        con.execute(f"CREATE TABLE trade AS SELECT * FROM read_parquet('{path}')")
    else:
        con.execute(f"CREATE VIEW trade AS SELECT * FROM read_parquet('{path}')")
    rows_ = con.execute("SELECT count(*) FROM trade").fetchone()[0]  # type: ignore[index]
    load_s = time.perf_counter() - start
    memory = rss_mb() - base

    def lookup(a: str, b: str, year: int, flow: str) -> list[Any]:
        return con.execute(_LOOKUP_SQL, {"a": a, "b": b, "y": year, "f": flow, "m": MIRROR[flow]}).fetchall()

    def ranking(reporter: str, year: int) -> list[Any]:
        return con.execute(_RANK_SQL, {"r": reporter, "y": year}).fetchall()

    looks, ranks = queries(args.reporters, args.partners, args.years)
    assert lookup(*looks[0]), "a generated pair was not found"
    result = {"approach": "duckdb-memory" if in_memory else "duckdb-parquet", "rows": rows_, "load_s": round(load_s, 2),
              "memory_mb": round(memory), "lookup": timed(looks[: args.sql_lookups], lookup),
              "ranking": timed(ranks[: args.sql_lookups // 10 or 1], ranking)}
    result["memory_after_queries_mb"] = round(rss_mb() - base)
    con.close()
    return result


def bench_duckdb_index(args: argparse.Namespace) -> dict[str, Any]:
    import bisect
    from array import array

    import duckdb

    path = Path(args.parquet)
    gc.collect()
    base = rss_mb()
    start = time.perf_counter()
    con = duckdb.connect(config={"threads": "1"})
    cite = "authority, currency, standing, precision, valuation, url, published, status, note"
    con.execute(f"CREATE VIEW src AS SELECT *, dense_rank() OVER (ORDER BY {cite}) - 1 AS cite_id FROM read_parquet('{path}')")
    citations = [tuple(r) for r in con.execute(f"SELECT DISTINCT cite_id, {cite} FROM src ORDER BY cite_id").fetchall()]
    names = [r[0] for r in con.execute("SELECT DISTINCT partner FROM src ORDER BY partner").fetchall()]
    codes = {name: i for i, name in enumerate(names)}  # ids in sort order, so bisect works within a block
    partner, cite_ids, values = array("H"), array("I"), array("d")
    blocks: dict[tuple[str, int, str], tuple[int, int]] = {}
    result = con.execute("SELECT reporter, year, flow, partner, value, cite_id FROM src ORDER BY reporter, year, flow, partner")
    current: tuple[str, int, str] | None = None
    begin = 0
    while chunk := result.fetchmany(100_000):
        for reporter, year, flow, other, amount, cid in chunk:
            key = (reporter, year, flow)
            if key != current:
                if current is not None:
                    blocks[current] = (begin, len(values))
                current, begin = key, len(values)
            partner.append(codes[other])
            values.append(amount)
            cite_ids.append(cid)
    if current is not None:
        blocks[current] = (begin, len(values))
    con.close()
    load_s = time.perf_counter() - start
    memory = rss_mb() - base

    def rows_for(reporter: str, other: str, year: int, flow: str) -> list[tuple[Any, ...]]:
        span = blocks.get((reporter, year, flow))
        code = codes.get(other)
        if span is None or code is None:
            return []
        lo, hi = span
        found = []
        j = bisect.bisect_left(partner, code, lo, hi)
        while j < hi and partner[j] == code:  # several rows: several authorities or releases
            found.append((reporter, other, year, flow, values[j], *citations[cite_ids[j]][1:]))
            j += 1
        return found

    def lookup(a: str, b: str, year: int, flow: str) -> list[tuple[Any, ...]]:
        return rows_for(a, b, year, flow) + rows_for(b, a, year, MIRROR[flow])

    def ranking(reporter: str, year: int) -> list[tuple[str, float]]:
        lo, hi = blocks.get((reporter, year, "total"), (0, 0))
        return sorted(((names[partner[j]], values[j]) for j in range(lo, hi)), key=lambda x: -x[1])

    looks, ranks = queries(args.reporters, args.partners, args.years)
    assert lookup(*looks[0]), "a generated pair was not found"
    return {"approach": "duckdb-index", "rows": len(values), "load_s": round(load_s, 2), "memory_mb": round(memory),
            "lookup": timed(looks, lookup), "ranking": timed(ranks, ranking)}


# -- (c) the columnar store, through load_store() ---------------------------------------------


def _text_rows_sql(args: argparse.Namespace, codes_table: str, n: int) -> str:
    """The generated table as CSV text would hold it (the columns of trade_values.csv, as VARCHAR)."""
    return f"""
        SELECT rc.code AS reporter, pc.code AS partner, CAST({FIRST_YEAR} + y.i AS VARCHAR) AS year, f.flow,
               CAST(((r.i * 7919 + p.i * 104729 + y.i * 1299709 + f.k * 15485863) % 999983) * 1000 + 1 AS VARCHAR) AS value,
               'USD' AS currency, 'UN Comtrade (' || rc.code || '-reported)' AS authority, 'compiled' AS standing,
               CASE WHEN f.flow = 'total' THEN 'derived' ELSE 'exact' END AS precision,
               CASE f.flow WHEN 'export' THEN 'fob' WHEN 'import' THEN 'cif' ELSE '' END AS valuation,
               'confirmed' AS status, '2026-01-15' AS published,
               'https://comtradeapi.un.org/data/v1/get/C/A/HS?reporterCode=' || r.i AS url, '' AS note
        FROM range({args.reporters}) r(i), range({args.partners}) p(i), range({args.years}) y(i),
             (VALUES (0, 'export'), (1, 'import'), (2, 'total')) f(k, flow), {codes_table} rc, {codes_table} pc
        WHERE rc.i = r.i AND pc.i = (r.i + 1 + p.i) % {n}
        ORDER BY reporter, partner, year, flow"""


def write_version(args: argparse.Namespace, data_dir: Path) -> dict[str, Any]:
    """A data version: the generated table as trade_values.parquet, the other tables compacted from the
    shipped data, published into ``data_dir``; returns seconds and sizes."""
    from reference_data import DATA_DIR, columnar, schema, versions

    start = time.perf_counter()
    files = {k: v for k, v in columnar.compact(DATA_DIR).items() if k != columnar.parquet_name(schema.TRADE_VALUES.name)}
    codes = areas(max(args.reporters, args.partners))
    con = columnar.connect()
    con.execute("CREATE TABLE codes(i INTEGER, code VARCHAR)")
    con.executemany("INSERT INTO codes VALUES (?, ?)", list(enumerate(codes)))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / columnar.parquet_name(schema.TRADE_VALUES.name)
        columnar.write_parquet(con, _text_rows_sql(args, "codes", len(codes)), schema.TRADE_VALUES, target)
        con.close()
        files[target.name] = target.read_bytes()
    version = versions.publish(data_dir, files, None, built_by="benchmarks/bench_store.py", version_id="bench-1")
    return {"approach": "columnar-write", "load_s": round(time.perf_counter() - start, 2), "version": version,
            "file_mb": round(len(files[target.name]) / 2**20, 1)}


def bench_columnar_store(args: argparse.Namespace) -> dict[str, Any]:
    import reference_data
    from checkers.claim import Flow

    os.environ.pop(reference_data.STORE_ENV, None)  # let load_store choose, as the service does
    gc.collect()
    base = rss_mb()
    start = time.perf_counter()
    store = reference_data.load_store(args.data_dir)
    load_s = time.perf_counter() - start
    gc.collect()
    memory = rss_mb() - base
    assert store.engine == "columnar", store.engine

    def lookup(a: str, b: str, year: int, flow: str) -> Any:
        return store.trade_figures(a, b, year, Flow(flow))

    def ranking(reporter: str, year: int) -> Any:
        return store.partner_figures(reporter, year, Flow.TOTAL)

    looks, ranks = queries(args.reporters, args.partners, args.years)
    assert lookup(*looks[0]), "a generated pair was not found"
    generated = [f for f in ranking(*ranks[0]) if f.authority.startswith("UN Comtrade")]  # not the shipped IMF rows
    assert len(generated) == args.partners, "a partner is missing from the ranking"
    assert all(x.value >= y.value for x, y in itertools.pairwise(generated)), "the ranking is not sorted"
    return {"approach": "columnar-store", "rows": store.trade_rows, "load_s": round(load_s, 2),
            "memory_mb": round(memory), "rss_mb": round(rss_mb()), "lookup": timed(looks, lookup), "ranking": timed(ranks, ranking)}


# -- driver ----------------------------------------------------------------------------------


def child(args: argparse.Namespace) -> dict[str, Any]:
    if args.only == "dict":
        return bench_dict(args)
    if args.only == "duckdb-index":
        return bench_duckdb_index(args)
    if args.only == "columnar-store":
        return bench_columnar_store(args)
    return bench_duckdb(args, in_memory=args.only == "duckdb-memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reporters", type=int, default=200)
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--years", type=int, default=25)
    parser.add_argument("--only", choices=APPROACHES)
    parser.add_argument("--approaches", default=",".join(APPROACHES))
    parser.add_argument("--parquet", help="(internal) the Parquet file to read")
    parser.add_argument("--data-dir", help="(internal) the data directory to load")
    parser.add_argument("--sql-lookups", type=int, default=2000, help="look-ups timed per DuckDB approach")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.only:
        print(json.dumps(child(args)))
        return 0
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        parquet = Path(tmp) / "trade.parquet"
        wanted = args.approaches.split(",")
        data_dir = Path(tmp) / "data"
        if any(a.startswith("duckdb") for a in wanted):
            seconds = write_parquet(args, parquet)
            results.append({"approach": "parquet-write", "load_s": round(seconds, 2), "file_mb": round(parquet.stat().st_size / 2**20, 1)})
        if "columnar-store" in wanted:
            results.append(write_version(args, data_dir))
        for approach in wanted:
            command = [sys.executable, __file__, "--only", approach, "--parquet", str(parquet), "--data-dir", str(data_dir),
                       "--reporters", str(args.reporters),
                       "--partners", str(args.partners), "--years", str(args.years), "--sql-lookups", str(args.sql_lookups)]
            done = subprocess.run(command, capture_output=True, text=True, check=True, env=dict(os.environ))
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    size = args.reporters * args.partners * args.years * 3
    print(f"{args.reporters} reporters x {args.partners} partners x {args.years} years x 3 flows = {size:,} rows")
    print(f"{'approach':<16}{'load s':>8}{'memory MB':>11}{'look-up med/p99 us':>22}{'ranking med/p99 us':>22}"
          f"{'cpu p99 look-up/ranking us':>30}")
    for r in results:
        if r["approach"] in ("parquet-write", "columnar-write"):
            what = "(write parquet)" if r["approach"] == "parquet-write" else "(write version)"
            print(f"{what:<16}{r['load_s']:>8}{'':>11}   file {r['file_mb']} MB")
            continue
        look, rank = r["lookup"], r["ranking"]
        print(f"{r['approach']:<16}{r['load_s']:>8}{r['memory_mb']:>11}"
              f"{look['median_us']:>13}/{look['p99_us']:<8}{rank['median_us']:>13}/{rank['p99_us']:<8}"
              f"{look['cpu_p99_us']:>21}/{rank['cpu_p99_us']:<8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
