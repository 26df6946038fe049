"""The shipped reference store: loading, China-Russia facts, mirror look-ups, ranks, citations, coverage."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

from checkers import Flow, ReferenceSource, Standing
from checkers.fx import FxRates
from checkers.reference import FxRate, RankFigure, ShareFigure, TradeFigure
from reference_data import (
    DATA_DIR,
    ReferenceDataError,
    ReferenceStore,
    load_store,
    schema,
)

F = TypeVar("F")


def one(figures: Sequence[F], **match: object) -> F:
    """The one figure whose attributes equal ``match``."""
    found = [f for f in figures if all(getattr(f, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


# -- loading and the protocol ------------------------------------------------------------------


def test_store_satisfies_the_checker_protocol(store: ReferenceStore) -> None:
    assert isinstance(store, ReferenceSource)
    assert isinstance(store, FxRates)  # the optional extension checkers.fx looks for
    assert all(isinstance(f, TradeFigure) for f in store.partner_figures("USA", 2023, Flow.TOTAL))
    assert all(isinstance(f, ShareFigure) for f in store.partner_shares("RUS", 2023, Flow.EXPORT))
    assert all(isinstance(f, RankFigure) for f in store.partner_ranks("DEU", 2023))
    assert isinstance(store.fx_rate("EUR", 2020), FxRate)


def test_version_comes_from_the_manifest(store: ReferenceStore) -> None:
    manifest = json.loads((DATA_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert store.version == manifest["version"] == "2026.11.29-2"
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}-\d+", store.version)


def test_default_is_the_shipped_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRADECHECK_DATA_DIR", raising=False)
    assert load_store().source == DATA_DIR


def test_env_var_names_another_folder(data_dir: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    other = data_dir()
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


def test_models_are_built_once_per_row(store: ReferenceStore) -> None:
    first = store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)
    again = store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)
    assert all(a is b for a, b in zip(first, again, strict=True))


# -- China-Russia ------------------------------------------------------------------------------


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


def test_both_sides_have_export_and_import_splits(store: ReferenceStore) -> None:
    for year in (2014, 2018, 2020):
        for reporter, partner in (("CHN", "RUS"), ("RUS", "CHN")):
            for flow in (Flow.EXPORT, Flow.IMPORT):
                own = [f for f in store.trade_figures(reporter, partner, year, flow) if f.reporter == reporter]
                assert any(f.standing is Standing.COMPILED for f in own), (reporter, year, flow)


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
            assert abs(total.value - (exp.value + imp.value)) <= 5, (a, year)


def test_cny_figure_is_kept_in_its_currency(store: ReferenceStore) -> None:
    fig = one(store.trade_figures("CHN", "RUS", 2015, Flow.TOTAL), currency="CNY")
    assert fig.value == 422.7e9 and fig.standing is Standing.OFFICIAL


def test_rounded_and_press_figures_are_marked(store: ReferenceStore) -> None:
    assert one(store.trade_figures("CHN", "RUS", 2011, Flow.TOTAL), standing=Standing.OFFICIAL).precision == "rounded"
    press = one(store.trade_figures("CHN", "RUS", 2009, Flow.TOTAL), standing=Standing.PRESS)
    assert press.value == 38.8e9 and "month only" in press.note


# -- mirror look-ups and symmetry --------------------------------------------------------------


def test_export_returns_own_exports_then_partner_imports(store: ReferenceStore) -> None:
    figures = store.trade_figures("CHN", "RUS", 2020, Flow.EXPORT)
    sides = [(f.reporter, f.partner, f.flow) for f in figures]
    assert set(sides) == {("CHN", "RUS", Flow.EXPORT), ("RUS", "CHN", Flow.IMPORT)}
    assert sides.index(("RUS", "CHN", Flow.IMPORT)) > max(i for i, s in enumerate(sides) if s[0] == "CHN")
    assert one(figures, reporter="RUS").value == 54908217568


@pytest.mark.parametrize(("a", "b", "year"), [("CHN", "RUS", 2014), ("USA", "CHN", 2019), ("BRA", "IND", 2015),
                                               ("ISL", "CHN", 2017), ("DEU", "CHN", 2023), ("EUU", "CHN", 2023)])
def test_look_ups_are_symmetric(store: ReferenceStore, a: str, b: str, year: int) -> None:
    assert set(store.trade_figures(a, b, year, Flow.EXPORT)) == set(store.trade_figures(b, a, year, Flow.IMPORT))
    assert set(store.trade_figures(a, b, year, Flow.IMPORT)) == set(store.trade_figures(b, a, year, Flow.EXPORT))
    for flow in (Flow.TOTAL, Flow.BALANCE):
        assert set(store.trade_figures(a, b, year, flow)) == set(store.trade_figures(b, a, year, flow))
    assert any(store.trade_figures(a, b, year, flow) for flow in Flow), (a, b, year)


def test_total_returns_both_sides_whichever_country_comes_first(store: ReferenceStore) -> None:
    ab = store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)
    ba = store.trade_figures("RUS", "CHN", 2020, Flow.TOTAL)
    assert {f.reporter for f in ab} == {"CHN", "RUS"}
    assert ab[0].reporter == "CHN" and ba[0].reporter == "RUS"
    assert all(f.flow is Flow.TOTAL for f in ab)


def test_look_ups_without_data_are_empty(store: ReferenceStore) -> None:
    assert store.trade_figures("CHN", "RUS", 1990, Flow.TOTAL) == ()
    assert store.trade_figures("ISL", "RUS", 2020, Flow.TOTAL) == ()
    assert store.trade_figures("CHN", "RUS", 2020, Flow.BALANCE) == ()
    assert store.partner_ranks("ISL", 2019) == ()
    assert store.partner_figures("ISL", 2019, Flow.BALANCE) == ()
    assert store.partner_shares("ISL", 1950, Flow.EXPORT) == ()


def test_codes_are_case_insensitive(store: ReferenceStore) -> None:
    assert store.trade_figures("chn", "rus", 2020, "total") == store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)
    assert store.partner_figures("usa", 2023, "total") == store.partner_figures("USA", 2023, Flow.TOTAL)


# -- partner ranks (Russia) --------------------------------------------------------------------


def test_china_largest_partner_of_russia_2010_to_2024(store: ReferenceStore) -> None:
    for year in range(2010, 2025):
        figures = [f for f in store.partner_ranks("RUS", year) if f.measure == "total" and f.status != "partial_year"]
        assert figures, year
        assert {f.partner for f in figures} == {"CHN"}, year


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


def test_russia_2021_partial_year_rankings_are_flagged(store: ReferenceStore) -> None:
    partial = [f for f in store.partner_ranks("RUS", 2021, rank=2) if f.status == "partial_year"]
    assert {f.partner for f in partial} == {"DEU"}  # both the first-half and the January-September ranking
    assert all(f.authority == "Russian customs (FCS)" for f in partial)
    assert one(store.partner_ranks("RUS", 2021), status="confirmed_by_statement").partner == "CHN"
    assert store.partner_ranks("RUS", 2023, rank=6) == ()  # the report lists South Korea without a rank


# -- every row is cited ------------------------------------------------------------------------


def _rows(file_schema: schema.FileSchema) -> list[Any]:
    return schema.read(DATA_DIR / file_schema.name, file_schema)


@pytest.mark.parametrize("file_schema", schema.SCHEMAS, ids=lambda s: s.name)
def test_every_row_has_url_and_authority(file_schema: schema.FileSchema) -> None:
    for row in _rows(file_schema):
        assert row.url.startswith(("http://", "https://")), row
        assert (getattr(row, "authority", None) or row.source).strip(), row


def test_derived_rows_say_how() -> None:
    for file_schema in schema.TRADE_FILES:
        for row in _rows(file_schema):
            if row.precision == "derived":
                assert "derived" in row.note or "sum" in row.note, row


def test_dates_say_how_well_they_are_known() -> None:
    for row in _rows(schema.TRADE_VALUES):
        if row.published is None:
            assert "not stated" in row.note or "not dated" in row.note, row
        elif row.published.day == 1 and row.standing is not Standing.COMPILED:
            assert "only" in row.note, row


def test_only_a_balance_is_negative_and_only_rows_flagged_so_are_partial(store: ReferenceStore) -> None:
    for file_schema in schema.TRADE_FILES:
        for row in _rows(file_schema):
            assert row.value >= 0 or row.flow is Flow.BALANCE, row
            if row.status == "partial_year":
                assert "only" in row.note, row


# -- coverage ----------------------------------------------------------------------------------


def test_coverage(store: ReferenceStore) -> None:
    cov = store.coverage()
    manifest = json.loads((DATA_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    rows = {f["name"]: f["rows"] for f in manifest["files"]}
    assert cov.version == store.version
    assert cov.trade_rows == sum(rows[s.name] for s in schema.TRADE_FILES)
    assert (cov.rank_rows, cov.share_rows, cov.fx_rows) == (
        rows["partner_ranks.csv"], rows["partner_shares.csv"], rows["fx_rates.csv"])
    pairs = {(p.reporter, p.partner): p for p in cov.pairs}
    assert set(range(1992, 2026)) == set(pairs[("CHN", "RUS")].years)  # IMF from 1992, press figures to 2025
    assert pairs[("USA", "MEX")].years == tuple(range(1985, 2024))
    assert pairs[("USA", "WLD")].years == tuple(range(1987, 2024))
    assert {r.country for r in cov.ranks} == {"CHN", "DEU", "EUU", "ISL", "RUS"}
    rub = one(cov.fx, currency="RUB", authority="ECB")
    assert rub.years == tuple(range(2009, 2022)) and rub.partial_years == (2022,)
    assert len(cov.shares) > 200
