"""Validation of the reference data files: every broken file names its file, row and column."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest

from reference_data import DATA_DIR, ReferenceDataError, load_store
from reference_data import schema
from reference_data.schema import PARTNER_RANKS, TRADE_VALUES, FieldError

TRADE = TRADE_VALUES.name
RANKS = PARTNER_RANKS.name


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


def data_dir(tmp_path: Path, **files: str | bytes) -> Path:
    """A copy of the shipped data with some files replaced and a MANIFEST.json that matches them."""
    out = tmp_path / "data"
    shutil.copytree(DATA_DIR, out)
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    for key, content in files.items():
        name = key.replace("_csv", ".csv")
        data = content.encode("utf-8") if isinstance(content, str) else content
        (out / name).write_bytes(data)
        entry = next(f for f in manifest["files"] if f["name"] == name)
        entry["sha256"] = hashlib.sha256(data).hexdigest()
        entry["rows"] = max(data.count(b"\n") - 1, 0)
    (out / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


def load_error(tmp_path: Path, **files: str | bytes) -> str:
    with pytest.raises(ReferenceDataError) as info:
        load_store(data_dir(tmp_path, **files))
    return str(info.value)


# -- the shipped files -------------------------------------------------------------------------


def test_shipped_files_validate() -> None:
    assert len(schema.read(DATA_DIR / TRADE, TRADE_VALUES)) > 100
    assert len(schema.read(DATA_DIR / RANKS, PARTNER_RANKS)) >= 16


def test_shipped_header_is_the_documented_column_order() -> None:
    assert table(shipped(TRADE))[0] == TRADE_VALUES.header
    assert table(shipped(RANKS))[0] == PARTNER_RANKS.header


def test_readme_documents_every_column() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for column in TRADE_VALUES.header + PARTNER_RANKS.header:
        assert f"| `{column}` |" in readme, column


def test_copy_with_matching_manifest_loads(tmp_path: Path) -> None:
    assert load_store(data_dir(tmp_path)).version


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
def test_bad_field_names_file_row_and_column(tmp_path: Path, row: int, column: str, value: str, problem: str) -> None:
    message = load_error(tmp_path, trade_values_csv=with_field(TRADE, row, column, value))
    assert TRADE in message
    assert f"row {row}:" in message
    assert problem in message


def test_missing_column(tmp_path: Path) -> None:
    rows = [r[:-2] + r[-1:] for r in table(shipped(TRADE))]  # drop 'url'
    message = load_error(tmp_path, trade_values_csv=to_text(rows))
    assert f"{TRADE}, row 1: missing column 'url'" in message


def test_unexpected_column(tmp_path: Path) -> None:
    rows = [r + ["x"] for r in table(shipped(TRADE))]
    message = load_error(tmp_path, trade_values_csv=to_text(rows))
    assert f"{TRADE}, row 1: unexpected column 'x'" in message


def test_columns_in_another_order_load(tmp_path: Path) -> None:
    rows = [list(reversed(r)) for r in table(shipped(TRADE))]
    store = load_store(data_dir(tmp_path, trade_values_csv=to_text(rows)))
    assert store.trade_figures("CHN", "RUS", 2020, "total")


def test_duplicate_key(tmp_path: Path) -> None:
    rows = table(shipped(TRADE))
    rows.append(list(rows[1]))
    rows[-1][rows[0].index("value")] = "1"  # same key, other value
    message = load_error(tmp_path, trade_values_csv=to_text(rows))
    assert f"{TRADE}, row {len(rows)}: duplicate key" in message
    assert "first at row 2" in message


def test_same_figure_from_another_release_is_not_a_duplicate(tmp_path: Path) -> None:
    rows = table(shipped(TRADE))
    rows.append(list(rows[1]))
    rows[-1][rows[0].index("published")] = "2099-01-01"
    assert load_store(data_dir(tmp_path, trade_values_csv=to_text(rows)))


def test_wrong_number_of_fields(tmp_path: Path) -> None:
    lines = shipped(TRADE).splitlines(keepends=True)
    lines[3] = "CHN,RUS,2009\n"
    message = load_error(tmp_path, trade_values_csv="".join(lines))
    assert f"{TRADE}, row 4: row has 3 fields, the header has 14" in message


def test_line_break_inside_a_field(tmp_path: Path) -> None:
    text = with_field(TRADE, 5, "note", "two\nlines")
    message = load_error(tmp_path, trade_values_csv=text)
    assert f"{TRADE}, row 5: a field holds a line break" in message


def test_empty_file(tmp_path: Path) -> None:
    message = load_error(tmp_path, trade_values_csv=b"")
    assert TRADE in message and "file is empty" in message


def test_header_only(tmp_path: Path) -> None:
    message = load_error(tmp_path, trade_values_csv=",".join(TRADE_VALUES.header) + "\n")
    assert TRADE in message and "no data rows" in message


def test_not_utf8(tmp_path: Path) -> None:
    lines = shipped(TRADE).encode("utf-8").split(b"\n")
    lines[2] = lines[2].replace(b"China", b"Ch\xefna", 1) + b"\xff"
    message = load_error(tmp_path, trade_values_csv=b"\n".join(lines))
    assert f"{TRADE}, row 3: not UTF-8" in message


def test_checksum_mismatch(tmp_path: Path) -> None:
    out = data_dir(tmp_path)
    text = with_field(TRADE, 2, "value", "1")
    (out / TRADE).write_text(text, encoding="utf-8")  # MANIFEST.json still has the old sha256
    with pytest.raises(ReferenceDataError) as info:
        load_store(out)
    assert TRADE in str(info.value)
    assert "sha256" in str(info.value) and "MANIFEST.json" in str(info.value)


def test_row_count_mismatch(tmp_path: Path) -> None:
    out = data_dir(tmp_path)
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["files"][0]["rows"] += 1
    (out / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="data rows"):
        load_store(out)


def test_missing_data_file(tmp_path: Path) -> None:
    out = data_dir(tmp_path)
    (out / RANKS).unlink()
    with pytest.raises(ReferenceDataError, match=f"{RANKS}: file is missing"):
        load_store(out)


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="MANIFEST.json: file is missing"):
        load_store(tmp_path)


def test_manifest_without_version(tmp_path: Path) -> None:
    out = data_dir(tmp_path)
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
    ],
)
def test_bad_rank_field(tmp_path: Path, row: int, column: str, value: str, problem: str) -> None:
    message = load_error(tmp_path, partner_ranks_csv=with_field(RANKS, row, column, value))
    assert f"{RANKS}, row {row}: {problem}" in message


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
    assert schema.area("WLD") == "WLD" and schema.area("EUU") == "EUU"
    for bad in ("XXX", "isl", "IS", "ICELAND", ""):
        with pytest.raises(FieldError):
            schema.area(bad)


def test_dates() -> None:
    assert schema.iso_date("") is None
    assert schema.iso_date("2021-01-14").isoformat() == "2021-01-14"
    for bad in ("2021-1-14", "2021-02-30", "14.01.2021", "2021"):
        with pytest.raises(FieldError):
            schema.iso_date(bad)


def test_nul_byte_names_its_row(tmp_path: Path) -> None:
    lines = shipped(TRADE).split("\n")
    lines[4] = lines[4] + "\0"
    message = load_error(tmp_path, trade_values_csv="\n".join(lines))
    assert f"{TRADE}, row 5: column 'note': holds a control character" in message


def test_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    assert load_store(data_dir(tmp_path, trade_values_csv=b"\xef\xbb\xbf" + shipped(TRADE).encode("utf-8")))
