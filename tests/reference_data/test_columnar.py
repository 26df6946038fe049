"""The columnar store: Parquet files of a data version, read once by DuckDB into arrays.

The shipped data, compacted, must give exactly the CSV store's answers; damaged, stale or invalid
Parquet files must fail as loudly as damaged CSV files, naming the file; a read-only version must
load; and a generated full-width table must rank partners correctly.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pycountry
import pytest

from checkers.claim import Flow
from checkers.errors import ReferenceDataError
from reference_data import (
    DATA_DIR,
    STORE_ENV,
    ReferenceStore,
    columnar,
    load_store,
    schema,
    store_engine,
    versions,
)
from reference_data.columnar.reader import KV_SOURCE_SHA256
from service import datacmd

OWN_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "api"


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (STORE_ENV, "TRADECHECK_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def compacted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A versioned data directory: the shipped data, then the same data compacted (current)."""
    data_dir = tmp_path_factory.mktemp("compacted") / "data"
    versions.seed(data_dir, DATA_DIR)
    files = columnar.compact(versions.resolve(data_dir))
    versions.publish(data_dir, files, versions.current(data_dir), built_by="test")
    return data_dir


@pytest.fixture(scope="module")
def columnar_store(compacted: Path) -> ReferenceStore:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(STORE_ENV, raising=False)
        return load_store(compacted)


def copy_version(compacted: Path, target: Path) -> Path:
    """The current version of ``compacted`` as a plain (unversioned, writable) directory."""
    shutil.copytree(versions.resolve(compacted), target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


def replace_file(version_dir: Path, name: str, data: bytes) -> None:
    """Replace a file and its sha256 in MANIFEST.json, so that only its content can be wrong."""
    (version_dir / name).write_bytes(data)
    manifest = json.loads((version_dir / "MANIFEST.json").read_text(encoding="utf-8"))
    next(e for e in manifest["files"] if e["name"] == name)["sha256"] = hashlib.sha256(data).hexdigest()
    (version_dir / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")


def parquet_of(tmp_path: Path, name: str, data: bytes, file_schema: schema.FileSchema) -> bytes:
    """A Parquet copy of CSV bytes that may be invalid (compaction itself would refuse them)."""
    work = tmp_path / f"work-{name}"
    work.mkdir()
    (work / name).write_bytes(data)
    header = data.split(b"\n", 1)[0].decode("utf-8").split(",")
    con = columnar.connect()
    columns = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in header) + "}"
    source = f"SELECT * FROM read_csv('{work / name}', header = true, auto_detect = false, columns = {columns})"
    columnar.write_parquet(con, source, file_schema, work / "out.parquet", {KV_SOURCE_SHA256: hashlib.sha256(data).hexdigest()})
    con.close()
    return (work / "out.parquet").read_bytes()


def every_key(store: ReferenceStore, *columns: str) -> set[tuple[Any, ...]]:
    return {key for table in store._index.tables() for key in zip(*(table.column(c) for c in columns), strict=True)}


# -- the same answers --------------------------------------------------------------------------


def test_a_compacted_version_loads_the_columnar_store(compacted: Path, columnar_store: ReferenceStore, store: ReferenceStore) -> None:
    assert store_engine(versions.resolve(compacted)) == "columnar" and columnar_store.engine == "columnar"
    assert store.engine == "csv" and store_engine(DATA_DIR) == "csv"
    assert columnar_store.version == versions.current(compacted) != store.version
    assert columnar_store.trade_rows == store.trade_rows == sum(len(t) for t in store._index.tables())


def test_every_trade_look_up_gives_the_same_figures(columnar_store: ReferenceStore, store: ReferenceStore) -> None:
    pairs = every_key(store, "reporter", "partner", "year", "flow")
    assert len(pairs) > 30_000
    for reporter, partner, year, flow in pairs:
        expected = store.trade_figures(reporter, partner, year, flow)
        assert columnar_store.trade_figures(reporter, partner, year, flow) == expected, (reporter, partner, year, flow)
        assert columnar_store.trade_figures(partner, reporter, year, flow) == store.trade_figures(partner, reporter, year, flow)


def test_every_partner_table_comes_in_the_same_order(columnar_store: ReferenceStore, store: ReferenceStore) -> None:
    blocks = every_key(store, "reporter", "year", "flow")
    for reporter, year, flow in blocks:
        assert columnar_store.partner_figures(reporter, year, flow) == store.partner_figures(reporter, year, flow)
    usa = columnar_store.partner_figures("usa", 2020, Flow.TOTAL)  # several sources, WLD first in each table
    assert len(usa) > 200 and usa == store.partner_figures("USA", 2020, Flow.TOTAL)


def test_ranks_shares_and_rates_are_the_same(columnar_store: ReferenceStore, store: ReferenceStore) -> None:
    for country, year, rank in {(r.country, r.year, r.rank) for r in store._rank_table.models()}:
        assert columnar_store.partner_ranks(country, year, rank) == store.partner_ranks(country, year, rank)
    for country, year, flow in {(s.country, s.year, s.flow) for s in store._share_table.models()}:
        assert columnar_store.partner_shares(country, year, flow) == store.partner_shares(country, year, flow)
    for currency, year in {(r.currency, r.year) for r in store._fx_table.models()} | {("USD", 2020), ("ISK", 2012)}:
        assert columnar_store.fx_rates(currency, year, include_partial=True) == store.fx_rates(currency, year, include_partial=True)
        assert columnar_store.fx_rate(currency, year) == store.fx_rate(currency, year)
        assert columnar_store.fx_rate(currency, year, allow_partial=True) == store.fx_rate(currency, year, allow_partial=True)


def test_coverage_is_the_same_but_for_the_version(columnar_store: ReferenceStore, store: ReferenceStore) -> None:
    ours, theirs = columnar_store.coverage(), store.coverage()
    assert ours.version != theirs.version
    assert {k: v for k, v in vars(ours).items() if k != "version"} == {k: v for k, v in vars(theirs).items() if k != "version"}


def test_look_ups_without_data_are_empty(columnar_store: ReferenceStore) -> None:
    assert columnar_store.trade_figures("CHN", "RUS", 1900, Flow.TOTAL) == ()
    assert columnar_store.trade_figures("XXX", "RUS", 2020, Flow.TOTAL) == ()
    assert columnar_store.partner_figures("ATA", 2020, Flow.TOTAL) == ()
    assert columnar_store.trade_figures("chn", "rus", 2020, Flow.TOTAL)  # codes are case-insensitive


# -- choosing the store ------------------------------------------------------------------------


def test_the_environment_forces_a_store(compacted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STORE_ENV, "csv")
    assert load_store(compacted).engine == "csv"
    monkeypatch.setenv(STORE_ENV, "columnar")
    with pytest.raises(ReferenceDataError, match="does not list trade_values.parquet"):
        load_store(DATA_DIR)
    monkeypatch.setenv(STORE_ENV, "sqlite")
    with pytest.raises(ReferenceDataError, match="TRADECHECK_STORE: 'sqlite' is not a store"):
        load_store(DATA_DIR)


def test_duckdb_is_imported_only_for_a_parquet_version(compacted: Path) -> None:
    probe = "import sys, reference_data; s = reference_data.load_store({}); print(s.engine, 'duckdb' in sys.modules)"
    env = {k: v for k, v in os.environ.items() if k not in (STORE_ENV, "TRADECHECK_DATA_DIR")}
    for where, expected in ((None, "csv False"), (str(compacted), "columnar True")):
        done = subprocess.run([sys.executable, "-c", probe.format(repr(where))], capture_output=True, text=True, env=env, check=True)
        assert done.stdout.strip() == expected


# -- damaged, stale and invalid files ----------------------------------------------------------


def test_a_changed_parquet_file_fails_its_checksum(compacted: Path, tmp_path: Path) -> None:
    version_dir = copy_version(compacted, tmp_path / "v")
    path = version_dir / "trade_imf_dots.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ReferenceDataError, match="sha256 .* does not match MANIFEST.json") as caught:
        load_store(version_dir)
    assert caught.value.path == str(path)


@pytest.mark.parametrize("damage", ["truncated", "zeroed", "flipped", "not parquet"])
def test_a_corrupted_parquet_file_is_named(compacted: Path, tmp_path: Path, damage: str) -> None:
    version_dir = copy_version(compacted, tmp_path / "v")
    data = (version_dir / "partner_shares.parquet").read_bytes()
    broken = {
        "truncated": data[: len(data) // 2],
        "zeroed": data[:5000] + bytes(2000) + data[7000:],
        "flipped": data[:20000] + bytes([data[20000] ^ 0xFF]) + data[20001:],
        "not parquet": b"country,partner\nISL,NOR\n",
    }[damage]
    replace_file(version_dir, "partner_shares.parquet", broken)
    with pytest.raises(ReferenceDataError, match="cannot be read as Parquet") as caught:
        load_store(version_dir)
    assert caught.value.path == str(version_dir / "partner_shares.parquet")


def test_a_stale_parquet_copy_is_refused(compacted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    version_dir = copy_version(compacted, tmp_path / "v")
    text = (version_dir / "trade_values.csv").read_text(encoding="utf-8")
    replace_file(version_dir, "trade_values.csv", text.replace("56830000000", "56830000001", 1).encode("utf-8"))
    with pytest.raises(ReferenceDataError, match="stale") as caught:
        load_store(version_dir)
    assert caught.value.path == str(version_dir / "trade_values.parquet")
    monkeypatch.setenv(STORE_ENV, "csv")
    (figure, *_) = load_store(version_dir).trade_figures("CHN", "RUS", 2008, Flow.TOTAL)
    assert figure.value == 56830000001


def both_errors(
    compacted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column: str, text: str
) -> tuple[ReferenceDataError, ReferenceDataError, Path]:
    """Put ``text`` into ``column`` of row 8 of trade_values.csv and of its Parquet copy; the error
    each store raises, and the version directory."""
    version_dir = copy_version(compacted, tmp_path / "v")
    rows = list(csv.reader((version_dir / "trade_values.csv").read_text(encoding="utf-8").splitlines()))
    rows[7][rows[0].index(column)] = text  # rows[0] is the header (row 1), so rows[7] is row 8
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    replace_file(version_dir, "trade_values.csv", data)
    replace_file(version_dir, "trade_values.parquet", parquet_of(tmp_path, "trade_values.csv", data, schema.TRADE_VALUES))
    monkeypatch.setenv(STORE_ENV, "csv")
    with pytest.raises(ReferenceDataError) as from_csv:
        load_store(version_dir)
    monkeypatch.delenv(STORE_ENV)
    with pytest.raises(ReferenceDataError) as from_parquet:
        load_store(version_dir)
    return from_csv.value, from_parquet.value, version_dir


@pytest.mark.parametrize(
    "column, text",
    [
        ("reporter", "XXX"),  # not an area code
        ("flow", "exports"),  # not a flow
        ("value", "-5"),  # negative, not a balance: the rule across columns
        ("standing", ""),  # empty
        ("url", "ftp://example.org/x"),
        ("note", "two\u0007bells"),  # a control character
    ],
)
def test_a_bad_value_fails_as_in_the_csv_file(compacted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column: str, text: str) -> None:
    """The same bad row in CSV and in Parquet: the same message and row number from both stores."""
    from_csv, from_parquet, version_dir = both_errors(compacted, tmp_path, monkeypatch, column, text)
    assert from_csv.row == from_parquet.row == 8
    assert from_parquet.problem == from_csv.problem and f"'{column}'" in from_parquet.problem
    assert from_parquet.path == str(version_dir / "trade_values.parquet")


def test_a_typed_value_out_of_range_is_named(compacted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_csv, from_parquet, _ = both_errors(compacted, tmp_path, monkeypatch, "year", "1800")
    assert from_csv.problem == "column 'year': '1800' is not a year (1900-2100)"
    assert (from_parquet.row, from_parquet.problem) == (8, "column 'year': 1800 is not a year (1900-2100)")


@pytest.mark.parametrize("file_schema", [schema.FX_RATES, schema.TRADE_US_CENSUS], ids=["small table", "indexed trade table"])
def test_a_duplicate_key_fails_as_in_the_csv_file(
    compacted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file_schema: schema.FileSchema
) -> None:
    version_dir = copy_version(compacted, tmp_path / "v")
    name = file_schema.name
    lines = (version_dir / name).read_text(encoding="utf-8").splitlines()
    data = ("\n".join([*lines[:5], lines[3], *lines[5:]]) + "\n").encode("utf-8")  # row 4 again as row 6
    replace_file(version_dir, name, data)
    replace_file(version_dir, columnar.parquet_name(name), parquet_of(tmp_path, name, data, file_schema))
    monkeypatch.setenv(STORE_ENV, "csv")
    with pytest.raises(ReferenceDataError, match="duplicate key") as from_csv:
        load_store(version_dir)
    monkeypatch.delenv(STORE_ENV)
    with pytest.raises(ReferenceDataError, match="duplicate key") as from_parquet:
        load_store(version_dir)
    assert (from_parquet.value.row, from_parquet.value.problem) == (from_csv.value.row, from_csv.value.problem) == (6, from_csv.value.problem)


def test_a_wrong_column_type_is_named(compacted: Path, tmp_path: Path) -> None:
    version_dir = copy_version(compacted, tmp_path / "v")
    con = columnar.connect()
    target = tmp_path / "ranks.parquet"
    con.execute(f"COPY (SELECT * REPLACE (CAST(year AS VARCHAR) AS year) FROM read_parquet('{version_dir / 'partner_ranks.parquet'}')) "
                f"TO '{target}' (FORMAT parquet)")
    con.close()
    replace_file(version_dir, "partner_ranks.parquet", target.read_bytes())
    with pytest.raises(ReferenceDataError, match="column 'year': stored as VARCHAR, expected INTEGER"):
        load_store(version_dir)


# -- deployment: read-only versions --------------------------------------------------------------


@pytest.fixture
def read_only(compacted: Path, tmp_path: Path) -> Iterator[Path]:
    data_dir = tmp_path / "ro"
    shutil.copytree(compacted, data_dir, symlinks=True)
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield data_dir
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_a_read_only_data_directory_loads_and_stays_unchanged(read_only: Path, columnar_store: ReferenceStore) -> None:
    before = {p: p.stat().st_mtime_ns for p in read_only.rglob("*")}
    loaded = load_store(read_only)
    assert loaded.engine == "columnar" and loaded.version == columnar_store.version
    assert loaded.trade_figures("CHN", "RUS", 2020, Flow.TOTAL) == columnar_store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)
    assert {p: p.stat().st_mtime_ns for p in read_only.rglob("*")} == before  # nothing written, nothing added


# -- a generated full-width table --------------------------------------------------------------

REPORTERS, PARTNERS, YEARS, FIRST_YEAR = 200, 200, 2, 2020
FLOWS = ("export", "import", "total")


def generated_value(r: int, p: int, y: int, f: int) -> float:
    return float(((r * 7919 + p * 104729 + y * 1299709 + f * 15485863) % 999_983) * 1000 + 1)


@pytest.fixture(scope="module")
def generated(compacted: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[ReferenceStore, list[str]]:
    """A version whose trade_values holds 200 reporters x 200 partners x 2 years x 3 flows (Parquet only)."""
    codes = sorted(c.alpha_3 for c in pycountry.countries)[: REPORTERS + 1]
    version_dir = versions.resolve(compacted)
    files = {p.name: p.read_bytes() for p in version_dir.glob("*.parquet") if p.name != "trade_values.parquet"}
    work = tmp_path_factory.mktemp("generated")
    con = columnar.connect()
    con.execute("CREATE TABLE codes(i INTEGER, code VARCHAR)")
    con.executemany("INSERT INTO codes VALUES (?, ?)", list(enumerate(codes)))
    source = f"""
        SELECT rc.code AS reporter, pc.code AS partner, CAST({FIRST_YEAR} + y.i AS VARCHAR) AS year, f.flow,
               CAST(((r.i * 7919 + p.i * 104729 + y.i * 1299709 + f.k * 15485863) % 999983) * 1000 + 1 AS VARCHAR) AS value,
               'USD' AS currency, 'Generated (' || rc.code || ')' AS authority, 'compiled' AS standing, 'exact' AS precision,
               '' AS valuation, 'confirmed' AS status, '2026-01-15' AS published, 'https://example.org/' || r.i AS url, '' AS note
        FROM range({REPORTERS}) r(i), range({PARTNERS}) p(i), range({YEARS}) y(i),
             (VALUES (0, 'export'), (1, 'import'), (2, 'total')) f(k, flow), codes rc, codes pc
        WHERE rc.i = r.i AND pc.i = (r.i + 1 + p.i) % {len(codes)}
        ORDER BY reporter, partner, year, flow"""
    columnar.write_parquet(con, source, schema.TRADE_VALUES, work / "trade_values.parquet")
    con.close()
    files["trade_values.parquet"] = (work / "trade_values.parquet").read_bytes()
    data_dir = work / "data"
    versions.publish(data_dir, files, None, built_by="test", version_id="generated-1")
    return load_store(data_dir), codes


def test_a_generated_full_width_table_ranks_every_partner(generated: tuple[ReferenceStore, list[str]]) -> None:
    store, codes = generated
    assert store.engine == "columnar" and store.trade_rows >= REPORTERS * PARTNERS * YEARS * 3
    for r in (0, 57, 123, REPORTERS - 1):
        for y in range(YEARS):
            ranked = [f for f in store.partner_figures(codes[r], FIRST_YEAR + y, Flow.TOTAL) if f.authority.startswith("Generated")]
            partners = [codes[(r + 1 + p) % len(codes)] for p in range(PARTNERS)]
            expected = sorted((-generated_value(r, p, y, 2), partners[p]) for p in range(PARTNERS))  # ties: file order
            assert [(-f.value, f.partner) for f in ranked] == expected
            assert len({f.partner for f in ranked}) == PARTNERS and codes[r] not in {f.partner for f in ranked}


def test_a_generated_pair_gives_both_sides(generated: tuple[ReferenceStore, list[str]]) -> None:
    store, codes = generated
    a, p = 10, 5  # reporter a's partner number p is b; b's partner number q is a
    b = (a + 1 + p) % len(codes)
    q = (a - b - 1) % len(codes)
    assert b < REPORTERS and q < PARTNERS
    figures = store.trade_figures(codes[a], codes[b], FIRST_YEAR + 1, Flow.EXPORT)
    assert [(f.reporter, f.partner, f.flow, f.value) for f in figures] == [
        (codes[a], codes[b], Flow.EXPORT, generated_value(a, p, 1, 0)),  # A's exports as A reports them
        (codes[b], codes[a], Flow.IMPORT, generated_value(b, q, 1, 1)),  # then B's imports from A, the mirror
    ]


# -- the command ---------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="tradecheck")
    datacmd.register(parser.add_subparsers(dest="command"))
    code = datacmd.run(parser.parse_args(["data", *argv]))
    out, err = capsys.readouterr()
    return code, out, err


def test_compact_then_import_keeps_the_parquet_copy_current(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    code, out, err = run(capsys, "compact", "--data-dir", str(data_dir))
    assert code == 0, err
    assert "seeded" in err and "trade_values.parquet" in out and "is now current" in out
    compacted = versions.current(data_dir)
    manifest = versions.manifest(versions.resolve(data_dir))
    assert {e["name"] for e in manifest["files"]} >= {columnar.parquet_name(s.name) for s in schema.SCHEMAS}
    assert all(len(e["sha256"]) == 64 for e in manifest["files"])
    assert run(capsys, "compact", "--data-dir", str(data_dir))[1].startswith("no change")
    assert versions.current(data_dir) == compacted

    code, out, _ = run(capsys, "import", "comtrade", str(OWN_FIXTURES / "comtrade_v1_get_r352_2019.json"), "--data-dir", str(data_dir))
    assert code == 0 and versions.current(data_dir) != compacted
    loaded = load_store(data_dir)
    assert loaded.engine == "columnar"  # the import wrote a fresh trade_values.parquet: not stale
    (figure,) = [f for f in loaded.trade_figures("ISL", "NOR", 2019, Flow.IMPORT) if f.authority.startswith("UN Comtrade")]
    assert figure.value == 612300000
    assert run(capsys, "compact", "--data-dir", str(data_dir))[1].startswith("no change")

    code, out, _ = run(capsys, "info", "--data-dir", str(data_dir))
    assert code == 0 and "engine:         columnar (DuckDB reads 6 Parquet files" in out
    assert "trade_values.parquet: 441 rows" in out and "trade_values.csv: 441 rows" in out  # 428 shipped + 13 imported
    report = json.loads(run(capsys, "info", "--json", "--data-dir", str(data_dir))[1])
    assert report["engine"]["name"] == "columnar" and len(report["engine"]["parquet_files"]) == len(schema.SCHEMAS)
    parquet = {c["file"]: c for c in report["coverage"]}
    assert parquet["trade_values.parquet"]["rows"] == parquet["trade_values.csv"]["rows"]
    assert parquet["trade_values.parquet"]["pairs"] == parquet["trade_values.csv"]["pairs"]
    code, out, _ = run(capsys, "validate", "--data-dir", str(data_dir))
    assert code == 0 and ": valid (" in out and "loaded by the columnar store" in out


def test_info_names_the_csv_store_for_the_shipped_data(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, "info")
    assert code == 0 and "engine:         csv (the CSV files" in out
    monkeypatch.setenv(STORE_ENV, "columnar")
    out = run(capsys, "info")[1]
    assert "engine:         columnar (no Parquet files" in out and "forced by TRADECHECK_STORE=columnar" in out


def test_compact_never_writes_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compact", "--data-dir", str(DATA_DIR))
    assert code == 2 and "shipped" in err


def test_figures_are_not_added_to_a_table_held_as_parquet_only(
    capsys: pytest.CaptureFixture[str], generated: tuple[ReferenceStore, list[str]]
) -> None:
    store, _ = generated
    data_dir = store.source.parent.parent  # type: ignore[union-attr]
    before = versions.current(data_dir)
    code, _, err = run(capsys, "import", "comtrade", str(OWN_FIXTURES / "comtrade_v1_get_r352_2019.json"), "--data-dir", str(data_dir))
    assert code == 2 and "trade_values.csv as Parquet only" in err
    assert versions.current(data_dir) == before
