"""The shipped reference store: key facts, mirror look-ups, coverage, and a reproducible build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

import pytest

from checkers import Flow, ReferenceSource, Standing
from reference_data import DATA_DIR, ReferenceDataError, ReferenceStore, load_store
from reference_data import schema

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
F = TypeVar("F")


@pytest.fixture(scope="module")
def store() -> ReferenceStore:
    return load_store(DATA_DIR)


def one(figures: Sequence[F], **match: object) -> F:
    """The one figure whose attributes equal ``match``."""
    found = [f for f in figures if all(getattr(f, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


# -- loading -----------------------------------------------------------------------------------


def test_store_satisfies_the_checker_protocol(store: ReferenceStore) -> None:
    assert isinstance(store, ReferenceSource)


def test_version_comes_from_the_manifest(store: ReferenceStore) -> None:
    manifest = json.loads((DATA_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert store.version == manifest["version"]
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}-\d+", store.version)


def test_default_is_the_shipped_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRADECHECK_DATA_DIR", raising=False)
    assert load_store().source == DATA_DIR


def test_env_var_names_another_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "data"
    shutil.copytree(DATA_DIR, other)
    manifest = json.loads((other / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["version"] = "test-1"
    (other / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setenv("TRADECHECK_DATA_DIR", str(other))
    assert load_store().version == "test-1"
    assert load_store(DATA_DIR).version != "test-1"  # an explicit folder wins


def test_env_var_to_a_missing_folder_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRADECHECK_DATA_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(ReferenceDataError, match="MANIFEST.json: file is missing"):
        load_store()


# -- key facts ---------------------------------------------------------------------------------


def test_china_customs_2020_total(store: ReferenceStore) -> None:
    fig = one(store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL), reporter="CHN", standing=Standing.OFFICIAL)
    assert fig.value == 107.76e9
    assert fig.currency == "USD"
    assert "GACC" in fig.authority
    assert fig.precision == "exact"
    assert fig.published is not None and fig.published.isoformat() == "2021-01-14"


def test_china_customs_2020_exports_and_imports_add_up(store: ReferenceStore) -> None:
    exp = one(store.trade_figures("CHN", "RUS", 2020, Flow.EXPORT), reporter="CHN", standing=Standing.OFFICIAL)
    imp = one(store.trade_figures("CHN", "RUS", 2020, Flow.IMPORT), reporter="CHN", standing=Standing.OFFICIAL)
    assert (exp.value, imp.value) == (50.58e9, 57.18e9)
    assert exp.value + imp.value == pytest.approx(107.76e9)


def test_russia_side_2020_total_is_imf_derived(store: ReferenceStore) -> None:
    fig = one(store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL), reporter="RUS", standing=Standing.COMPILED)
    assert fig.value == pytest.approx(49.583e9 + 54.908e9, abs=0.001e9)
    assert fig.value == pytest.approx(104.49e9, abs=0.01e9)
    assert fig.precision == "derived"
    assert "derived" in fig.note and "49583127513" in fig.note and "54908217568" in fig.note
    assert fig.authority == "IMF DOTS (Russia-reported)"


def test_mirror_gap_2020_is_a_few_percent(store: ReferenceStore) -> None:
    figures = store.trade_figures("RUS", "CHN", 2020, Flow.TOTAL)
    china = one(figures, reporter="CHN", standing=Standing.OFFICIAL).value
    russia = one(figures, reporter="RUS").value
    assert 0.02 < (china - russia) / china < 0.05


def test_imf_totals_equal_their_flows(store: ReferenceStore) -> None:
    for year in range(2008, 2021):
        for a, b in (("CHN", "RUS"), ("RUS", "CHN")):
            total = one(store.trade_figures(a, b, year, Flow.TOTAL), reporter=a, standing=Standing.COMPILED)
            exp = one(store.trade_figures(a, b, year, Flow.EXPORT), reporter=a, standing=Standing.COMPILED)
            imp = one(store.trade_figures(a, b, year, Flow.IMPORT), reporter=a, standing=Standing.COMPILED)
            assert (exp.valuation, imp.valuation, total.valuation) == ("fob", "cif", None)
            assert abs(total.value - (exp.value + imp.value)) <= 1, (a, year)


def test_cny_figure_is_kept_in_its_currency(store: ReferenceStore) -> None:
    fig = one(store.trade_figures("CHN", "RUS", 2015, Flow.TOTAL), currency="CNY")
    assert fig.value == 422.7e9 and fig.standing is Standing.OFFICIAL


def test_rounded_and_press_figures_are_marked(store: ReferenceStore) -> None:
    assert one(store.trade_figures("CHN", "RUS", 2011, Flow.TOTAL), standing=Standing.OFFICIAL).precision == "rounded"
    press = one(store.trade_figures("CHN", "RUS", 2009, Flow.TOTAL), standing=Standing.PRESS)
    assert press.value == 38.8e9 and "month only" in press.note


# -- mirror look-ups ---------------------------------------------------------------------------


def test_export_returns_own_exports_then_partner_imports(store: ReferenceStore) -> None:
    figures = store.trade_figures("CHN", "RUS", 2020, Flow.EXPORT)
    sides = [(f.reporter, f.partner, f.flow) for f in figures]
    assert ("CHN", "RUS", Flow.EXPORT) in sides and ("RUS", "CHN", Flow.IMPORT) in sides
    assert set(sides) == {("CHN", "RUS", Flow.EXPORT), ("RUS", "CHN", Flow.IMPORT)}
    assert sides.index(("RUS", "CHN", Flow.IMPORT)) > max(i for i, s in enumerate(sides) if s[0] == "CHN")
    assert one(figures, reporter="RUS").value == 54908217568


def test_import_is_the_reverse_of_export(store: ReferenceStore) -> None:
    for year in (2010, 2014, 2020):
        assert set(store.trade_figures("RUS", "CHN", year, Flow.IMPORT)) == set(
            store.trade_figures("CHN", "RUS", year, Flow.EXPORT)
        )
        assert set(store.trade_figures("CHN", "RUS", year, Flow.IMPORT)) == set(
            store.trade_figures("RUS", "CHN", year, Flow.EXPORT)
        )


def test_total_returns_both_sides_whichever_country_comes_first(store: ReferenceStore) -> None:
    ab = store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)
    ba = store.trade_figures("RUS", "CHN", 2020, Flow.TOTAL)
    assert set(ab) == set(ba)
    assert {f.reporter for f in ab} == {"CHN", "RUS"}
    assert ab[0].reporter == "CHN" and ba[0].reporter == "RUS"
    assert all(f.flow is Flow.TOTAL for f in ab)


def test_look_ups_without_data_are_empty(store: ReferenceStore) -> None:
    assert store.trade_figures("CHN", "RUS", 1990, Flow.TOTAL) == ()
    assert store.trade_figures("ISL", "RUS", 2020, Flow.TOTAL) == ()
    assert store.trade_figures("CHN", "RUS", 2020, Flow.BALANCE) == ()
    assert store.partner_ranks("ISL", 2020) == ()


def test_codes_are_case_insensitive(store: ReferenceStore) -> None:
    assert store.trade_figures("chn", "rus", 2020, "total") == store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)


# -- partner ranks -----------------------------------------------------------------------------


def test_china_largest_partner_of_russia_2010_to_2024(store: ReferenceStore) -> None:
    for year in range(2010, 2025):
        figures = store.partner_ranks("RUS", year)
        assert figures, year
        assert {f.partner for f in figures} == {"CHN"}, year
        assert all(f.rank == 1 and f.measure == "total" for f in figures)


def test_germany_in_2009_is_unconfirmed(store: ReferenceStore) -> None:
    fig = one(store.partner_ranks("RUS", 2009))
    assert fig.partner == "DEU"
    assert fig.status == "unconfirmed_by_data"
    assert fig.standing is Standing.PRESS


def test_eleven_years_statement_is_mofcom_january_2021(store: ReferenceStore) -> None:
    for year in range(2017, 2021):
        fig = one(store.partner_ranks("RUS", year))
        assert fig.standing is Standing.OFFICIAL and "MOFCOM" in fig.authority
        assert fig.published is not None and fig.published.isoformat() == "2021-01-28"
        assert "11 consecutive years" in fig.statement


def test_rank_two_has_no_data(store: ReferenceStore) -> None:
    assert store.partner_ranks("RUS", 2020, rank=2) == ()


# -- every row is cited ------------------------------------------------------------------------


def test_every_row_has_url_and_authority() -> None:
    trade = schema.read(DATA_DIR / "trade_values.csv", schema.TRADE_VALUES)
    ranks = schema.read(DATA_DIR / "partner_ranks.csv", schema.PARTNER_RANKS)
    for row in [*trade, *ranks]:
        assert row.url.startswith(("http://", "https://")), row
        assert row.authority.strip(), row


def test_derived_rows_say_how_and_rounded_dates_say_so() -> None:
    for row in schema.read(DATA_DIR / "trade_values.csv", schema.TRADE_VALUES):
        if row.precision == "derived":
            assert "derived" in row.note and "+" in row.note, row
        if row.published is not None and row.published.day == 1 and row.standing is not Standing.COMPILED:
            assert "only" in row.note, row


def test_coverage(store: ReferenceStore) -> None:
    cov = store.coverage()
    manifest = json.loads((DATA_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    rows = {f["name"]: f["rows"] for f in manifest["files"]}
    assert cov.version == store.version
    assert (cov.trade_rows, cov.rank_rows) == (rows["trade_values.csv"], rows["partner_ranks.csv"])
    pairs = {(p.reporter, p.partner): p for p in cov.pairs}
    assert set(pairs) == {("CHN", "RUS"), ("RUS", "CHN")}
    assert pairs[("CHN", "RUS")].years == tuple(range(2008, 2026))
    assert pairs[("RUS", "CHN")].years == tuple(range(2008, 2021))
    assert [(r.country, r.years) for r in cov.ranks] == [("RUS", tuple(range(2009, 2025)))]


# -- the build reproduces the committed files -------------------------------------------------


def test_build_script_reproduces_the_shipped_files(tmp_path: Path) -> None:
    candidates = SHARED / "reference-candidates"
    if not candidates.is_dir():
        pytest.skip(f"{candidates} is not here; the build can only be rerun beside the research material")
    out = tmp_path / "data"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_reference_data.py"), str(candidates), "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    for name in ("trade_values.csv", "partner_ranks.csv", "MANIFEST.json"):
        assert (out / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
