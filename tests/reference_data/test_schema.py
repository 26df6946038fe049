"""Validation of the reference data files: every broken file names its file, row and column."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from reference_data import AGGREGATES, DATA_DIR, ReferenceDataError, load_store, schema
from reference_data.schema import (
    FX_RATES,
    PARTNER_RANKS,
    PARTNER_SHARES,
    SCHEMAS,
    TRADE_IMF,
    TRADE_US_CENSUS,
    TRADE_VALUES,
    FieldError,
)

TRADE = TRADE_VALUES.name
RANKS = PARTNER_RANKS.name
SHARES = PARTNER_SHARES.name
FX = FX_RATES.name
CENSUS = TRADE_US_CENSUS.name
IMF = TRADE_IMF.name


# -- helpers ---------------------------------------------------------------------------------


def shipped(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


def table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def to_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def with_field(name: str, row: int, column: str, value: str) -> str:
    """The shipped file ``name`` with one field changed; ``row`` counts the header as 1."""
    rows = table(shipped(name))
    rows[row - 1][rows[0].index(column)] = value
    return to_text(rows)


def first_row(name: str, **match: str) -> int:
    """The row number (header = 1) of the first row of ``name`` whose fields equal ``match``."""
    rows = table(shipped(name))
    at = {c: rows[0].index(c) for c in match}
    return next(n for n, r in enumerate(rows[1:], start=2) if all(r[at[c]] == v for c, v in match.items()))


def load_error(data_dir: Any, **files: str | bytes) -> str:
    with pytest.raises(ReferenceDataError) as info:
        load_store(data_dir(**files))
    return str(info.value)


# -- the shipped files -------------------------------------------------------------------------


def test_shipped_files_validate() -> None:
    sizes = {s.name: len(schema.read(DATA_DIR / s.name, s)) for s in SCHEMAS}
    assert sizes[TRADE] > 300 and sizes[IMF] > 4000 and sizes[CENSUS] > 30000
    assert sizes[RANKS] >= 100 and sizes[SHARES] > 50000 and sizes[FX] > 60


def test_shipped_header_is_the_documented_column_order() -> None:
    for file_schema in SCHEMAS:
        assert table(shipped(file_schema.name))[0] == file_schema.header, file_schema.name


def test_readme_documents_every_file_column_code_and_status() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for file_schema in SCHEMAS:
        assert f"`{file_schema.name}`" in readme, file_schema.name
        for column in file_schema.header:
            assert f"| `{column}` |" in readme, (file_schema.name, column)
    for code in AGGREGATES:
        assert f"| `{code}` |" in readme, code
    for status in schema.TRADE_STATUSES:
        assert f"| `{status}` |" in readme, status
    for vocabulary in (schema.RANK_STATUSES, schema.SHARE_STATUSES, schema.FX_STATUSES, schema.VALUATIONS):
        for word in vocabulary:
            assert f"`{word}`" in readme, word


def test_readme_row_counts_match_the_manifest() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    manifest = json.loads((DATA_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert f"({manifest['version']})" in readme
    for entry in manifest["files"]:
        assert f"| `{entry['name']}` | {entry['rows']:,} |" in readme, entry["name"]


def test_copy_with_matching_manifest_loads(data_dir: Any) -> None:
    assert load_store(data_dir()).version


# -- broken trade_values.csv, through load_store ----------------------------------------------


@pytest.mark.parametrize(
    ("row", "column", "value", "problem"),
    [
        (2, "value", "abc", "column 'value': 'abc' is not a number"),
        (3, "value", "1.0776e11", "column 'value': '1.0776e11' is not a number"),
        (4, "value", "107,760,000,000", "column 'value'"),
        (5, "value", "-5", "column 'value': -5 is negative"),
        (2, "year", "20x0", "column 'year': '20x0' is not a year"),
        (6, "reporter", "XXX", "column 'reporter': 'XXX' is not an ISO 3166 alpha-3 code"),
        (7, "partner", "rus", "column 'partner': 'rus' is not an ISO 3166 alpha-3 code"),
        (8, "currency", "ZZZ", "column 'currency': 'ZZZ' is not an ISO 4217 currency code"),
        (9, "flow", "exports", "column 'flow': 'exports' is not a flow"),
        (10, "standing", "semi-official", "column 'standing': 'semi-official' is not a standing"),
        (11, "precision", "approx", "column 'precision': 'approx' is not a precision"),
        (12, "valuation", "FOB", "column 'valuation': 'FOB' is not a valuation"),
        (13, "status", "ok", "column 'status': 'ok' is not a status"),
        (14, "published", "2021-13-01", "column 'published': '2021-13-01' is not a date"),
        (15, "published", "2021-01", "column 'published': '2021-01' is not a date"),
        (16, "url", "", "column 'url': url is empty"),
        (17, "url", "urdupoint.com/x", "column 'url': 'urdupoint.com/x' is not an http(s) URL"),
        (18, "authority", " ", "column 'authority': is empty"),
    ],
)
def test_bad_field_names_file_row_and_column(data_dir: Any, row: int, column: str, value: str, problem: str) -> None:
    message = load_error(data_dir, trade_values_csv=with_field(TRADE, row, column, value))
    assert TRADE in message
    assert f"row {row}:" in message
    assert problem in message


def test_the_first_problem_in_file_order_is_reported(data_dir: Any) -> None:
    rows = table(shipped(TRADE))
    rows[9][rows[0].index("flow")] = "exports"  # row 10
    rows[6][rows[0].index("year")] = "20x0"  # row 7, a later column but an earlier row
    message = load_error(data_dir, trade_values_csv=to_text(rows))
    assert f"{TRADE}, row 7: column 'year'" in message


def test_missing_column(data_dir: Any) -> None:
    rows = [r[:-2] + r[-1:] for r in table(shipped(TRADE))]  # drop 'url'
    message = load_error(data_dir, trade_values_csv=to_text(rows))
    assert f"{TRADE}, row 1: missing column 'url'" in message


def test_unexpected_column(data_dir: Any) -> None:
    rows = [r + ["x"] for r in table(shipped(TRADE))]
    message = load_error(data_dir, trade_values_csv=to_text(rows))
    assert f"{TRADE}, row 1: unexpected column 'x'" in message


def test_columns_in_another_order_load(data_dir: Any) -> None:
    rows = [list(reversed(r)) for r in table(shipped(TRADE))]
    store = load_store(data_dir(trade_values_csv=to_text(rows)))
    assert store.trade_figures("CHN", "RUS", 2020, "total")


def test_duplicate_key(data_dir: Any) -> None:
    rows = table(shipped(TRADE))
    rows.append(list(rows[1]))
    rows[-1][rows[0].index("value")] = "1"  # same key, other value
    message = load_error(data_dir, trade_values_csv=to_text(rows))
    assert f"{TRADE}, row {len(rows)}: duplicate key" in message
    assert "first at row 2" in message


def test_same_figure_from_another_release_is_not_a_duplicate(data_dir: Any) -> None:
    rows = table(shipped(TRADE))
    rows.append(list(rows[1]))
    rows[-1][rows[0].index("published")] = "2099-01-01"
    assert load_store(data_dir(trade_values_csv=to_text(rows)))


def test_wrong_number_of_fields(data_dir: Any) -> None:
    lines = shipped(TRADE).splitlines(keepends=True)
    lines[3] = "CHN,RUS,2009\n"
    message = load_error(data_dir, trade_values_csv="".join(lines))
    assert f"{TRADE}, row 4: row has 3 fields, the header has 14" in message


def test_line_break_inside_a_field(data_dir: Any) -> None:
    text = with_field(TRADE, 5, "note", "two\nlines")
    message = load_error(data_dir, trade_values_csv=text)
    assert f"{TRADE}, row 5: a field holds a line break" in message


def test_unclosed_quote(data_dir: Any) -> None:
    lines = shipped(TRADE).splitlines(keepends=True)
    lines[6] = lines[6].rstrip("\n") + ',"open\n'
    message = load_error(data_dir, trade_values_csv="".join(lines))
    assert f"{TRADE}, row 7: a field holds a line break or a quote is not closed" in message


def test_empty_file(data_dir: Any) -> None:
    message = load_error(data_dir, trade_values_csv=b"")
    assert TRADE in message and "file is empty" in message


def test_header_only(data_dir: Any) -> None:
    message = load_error(data_dir, trade_values_csv=",".join(TRADE_VALUES.header) + "\n")
    assert TRADE in message and "no data rows" in message


def test_not_utf8(data_dir: Any) -> None:
    lines = shipped(TRADE).encode("utf-8").split(b"\n")
    lines[2] = lines[2].replace(b"Statistics", b"St\xefatistics", 1) + b"\xff"
    message = load_error(data_dir, trade_values_csv=b"\n".join(lines))
    assert f"{TRADE}, row 3: not UTF-8" in message


def test_checksum_mismatch(data_dir: Any) -> None:
    out = data_dir()
    text = with_field(TRADE, 2, "value", "1")
    (out / TRADE).write_text(text, encoding="utf-8")  # MANIFEST.json still has the old sha256
    with pytest.raises(ReferenceDataError) as info:
        load_store(out)
    assert TRADE in str(info.value)
    assert "sha256" in str(info.value) and "MANIFEST.json" in str(info.value)


def test_row_count_mismatch(data_dir: Any) -> None:
    out = data_dir()
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["files"][0]["rows"] += 1
    (out / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="data rows"):
        load_store(out)


@pytest.mark.parametrize("name", [s.name for s in SCHEMAS])
def test_missing_data_file(data_dir: Any, name: str) -> None:
    out = data_dir()
    (out / name).unlink()
    with pytest.raises(ReferenceDataError, match=f"{name}: file is missing"):
        load_store(out)


def test_manifest_must_list_every_file(data_dir: Any) -> None:
    out = data_dir()
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["files"] = [f for f in manifest["files"] if f["name"] != SHARES]
    (out / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=f"MANIFEST.json: does not list {SHARES}"):
        load_store(out)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="MANIFEST.json: file is missing"):
        load_store(tmp_path)


def test_manifest_without_version(data_dir: Any) -> None:
    out = data_dir()
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    del manifest["version"]
    (out / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="'version'"):
        load_store(out)


# -- broken partner_ranks.csv -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "column", "value", "problem"),
    [
        (3, "rank", "0", "column 'rank': '0' is not a whole number of 1 or more"),
        (4, "partner", "China", "column 'partner': 'China' is not an ISO 3166 alpha-3 code"),
        (5, "measure", "trade", "column 'measure': 'trade' is not a measure"),
        (6, "statement", "", "column 'statement': is empty"),
        (7, "published", "28.01.2021", "column 'published': '28.01.2021' is not a date"),
        (8, "url", "", "column 'url': url is empty"),
        (9, "status", "likely", "column 'status': 'likely' is not a status"),
    ],
)
def test_bad_rank_field(data_dir: Any, row: int, column: str, value: str, problem: str) -> None:
    message = load_error(data_dir, partner_ranks_csv=with_field(RANKS, row, column, value))
    assert f"{RANKS}, row {row}: {problem}" in message


# -- broken files of the other kinds ----------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("share", "101", "column 'share': '101' is not a percentage (0-100)"),
        ("share", "-1", "column 'share': '-1' is not a percentage (0-100)"),
        ("flow", "total", "column 'flow': 'total' is not a share flow"),
        ("partner", "EU", "column 'partner': 'EU' is not an ISO 3166 alpha-3 code"),
        ("edition", "20x5", "column 'edition': '20x5' is not a year"),
        ("status", "ok", "column 'status': 'ok' is not a status"),
        ("source", "", "column 'source': is empty"),
    ],
)
def test_bad_share_field(data_dir: Any, column: str, value: str, problem: str) -> None:
    row = first_row(SHARES, country="RUS", year="2023", partner="CHN")
    message = load_error(data_dir, partner_shares_csv=with_field(SHARES, row, column, value))
    assert f"{SHARES}, row {row}: {problem}" in message


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("per_usd", "0", "column 'per_usd': '0' is not above zero"),
        ("authority", "BoE", "column 'authority': 'BoE' is not an FX authority"),
        ("status", "full", "column 'status': 'full' is not an FX status"),
        ("first_day", "", "column 'first_day': date is empty"),
        ("first_day", "2019-12-31", "columns 'first_day', 'last_day': 2019-12-31 to 2020-12-31 is not a span within 2020"),
        ("published", "2020-06-30", "column 'published': 2020-06-30 is before the last rate used (2020-12-31)"),
        ("observations", "0", "column 'observations': '0' is not a whole number of 1 or more"),
    ],
)
def test_bad_fx_field(data_dir: Any, column: str, value: str, problem: str) -> None:
    row = first_row(FX, currency="EUR", year="2020")
    message = load_error(data_dir, fx_rates_csv=with_field(FX, row, column, value))
    assert f"{FX}, row {row}: {problem}" in message


def test_a_partial_fx_year_must_say_what_it_covers(data_dir: Any) -> None:
    row = first_row(FX, currency="RUB", year="2022")
    message = load_error(data_dir, fx_rates_csv=with_field(FX, row, "note", ""))
    assert f"{FX}, row {row}: column 'note': a partial year must say what it covers" in message


def test_bad_census_field(data_dir: Any) -> None:
    row = first_row(CENSUS, partner="MEX", year="2023", flow="export")
    message = load_error(data_dir, trade_us_census_csv=with_field(CENSUS, row, "valuation", "FAS"))
    assert f"{CENSUS}, row {row}: column 'valuation': 'FAS' is not a valuation" in message


def test_duplicate_in_the_imf_file(data_dir: Any) -> None:
    rows = table(shipped(IMF))
    rows.insert(3, list(rows[2]))
    message = load_error(data_dir, trade_imf_dots_csv=to_text(rows))
    assert f"{IMF}, row 4: duplicate key" in message and "first at row 3" in message


# -- the field parsers --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["107760000000", "0", "-231800000000", "49583127513.5"])
def test_plain_numbers_parse(text: str) -> None:
    assert schema.number(text) == float(text)


@pytest.mark.parametrize("text", ["", "1e9", "107.76bn", "1,000", " 5", "+5", ".5", "5."])
def test_other_numbers_do_not(text: str) -> None:
    with pytest.raises(FieldError):
        schema.number(text)


def test_areas() -> None:
    assert schema.area("ISL") == "ISL"
    assert schema.area("WLD") == "WLD" and schema.area("EUU") == "EUU" and schema.area("XKX") == "XKX"
    assert schema.area("SUN") == "SUN"  # a former country (ISO 3166-3)
    for bad in ("XXX", "isl", "IS", "ICELAND", "", "EU", "XZZ"):
        with pytest.raises(FieldError):
            schema.area(bad)


def test_dates() -> None:
    assert schema.iso_date("") is None
    assert schema.iso_date("2021-01-14").isoformat() == "2021-01-14"
    for bad in ("2021-1-14", "2021-02-30", "14.01.2021", "2021"):
        with pytest.raises(FieldError):
            schema.iso_date(bad)


def test_nul_byte_names_its_row(data_dir: Any) -> None:
    lines = shipped(TRADE).split("\n")
    lines[4] = lines[4] + "\0"
    message = load_error(data_dir, trade_values_csv="\n".join(lines))
    assert f"{TRADE}, row 5: column 'note': holds a control character" in message


def test_byte_order_mark_is_tolerated(data_dir: Any) -> None:
    assert load_store(data_dir(trade_values_csv=b"\xef\xbb\xbf" + shipped(TRADE).encode("utf-8")))


def test_crlf_line_endings_are_tolerated(data_dir: Any) -> None:
    assert load_store(data_dir(fx_rates_csv=shipped(FX).replace("\n", "\r\n")))
