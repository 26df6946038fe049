"""Key facts of each trade source: US-China releases, US Census partners, IMF pairs, Iceland, EU, partner releases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from itertools import permutations
from typing import TypeVar

import pytest

from checkers import Flow, Standing
from reference_data import DATA_DIR, ReferenceStore, is_country, schema

F = TypeVar("F")
SIX = ("BRA", "CHN", "IND", "MEX", "RUS", "URY")
CNS = "https://cnsnews.com/article/international/terence-p-jeffrey/355301700000-us-trade-deficit-china-tops-300-billion-10th"


def one(figures: Sequence[F], **match: object) -> F:
    found = [f for f in figures if all(getattr(f, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


# -- US-China: first release and revision, both sides --------------------------------------------


def test_2018_deficit_first_release_and_revision_are_both_there(store: ReferenceStore) -> None:
    census = [f for f in store.trade_figures("USA", "CHN", 2018, Flow.BALANCE) if f.authority == "US Census Bureau"]
    first = one(census, status="preliminary")
    revised = one(census, status="revised", url=CNS)  # the revised figure as read in the press
    assert first.value == -419.2e9 and revised.value == pytest.approx(-418.23e9, abs=0.01e9)
    assert first.published == date(2019, 3, 6)
    assert revised.published is not None and revised.published > first.published
    assert all(f.value < 0 for f in census)  # a US deficit is negative
    assert {f.status for f in census} == {"preliminary", "revised"}  # the Census copies are later vintages too


def test_2022_deficit_first_release_and_revision(store: ReferenceStore) -> None:
    census = [f for f in store.trade_figures("USA", "CHN", 2022, Flow.BALANCE) if f.authority == "US Census Bureau"]
    first = one(census, status="preliminary")
    assert first.value == -382.9e9 and first.published == date(2023, 2, 7)
    later = [f for f in census if f is not first]
    assert later and all(f.status == "revised" and f.published > first.published for f in later)  # type: ignore[operator]
    assert -382.3e9 in [round(f.value / 1e8) * 1e8 for f in later]


def test_china_customs_side_of_us_trade(store: ReferenceStore) -> None:
    figures = store.trade_figures("USA", "CHN", 2020, Flow.IMPORT)  # the mirror: China's exports to the US
    china = one(figures, reporter="CHN", published=date(2021, 1, 14))
    assert china.value == 451.81e9 and "GACC" in china.authority and china.standing is Standing.OFFICIAL
    total = one(store.trade_figures("CHN", "USA", 2019, Flow.TOTAL), reporter="CHN", published=date(2021, 1, 14))
    assert total.precision == "derived" and total.value == 541.2e9


def test_census_monthly_table_summed_to_full_years(store: ReferenceStore) -> None:
    for year in range(2001, 2020):
        summed = [f for f in store.trade_figures("USA", "CHN", year, Flow.EXPORT) if "c5700" in f.note]
        fig = one(summed, reporter="USA")
        assert fig.precision == "derived" and fig.valuation == "fas" and fig.published == date(2025, 5, 23)
    balance = one([f for f in store.trade_figures("USA", "CHN", 2018, Flow.BALANCE) if "c5700" in f.note])
    assert balance.value == pytest.approx(-418.233e9, abs=1e6)
    assert not [f for f in store.trade_figures("USA", "CHN", 2020, Flow.EXPORT) if "c5700" in f.note]


# -- US Census: every partner ---------------------------------------------------------------------


def test_us_top_partner_2023_by_total_trade_is_mexico(store: ReferenceStore) -> None:
    census = [f for f in store.partner_figures("USA", 2023, Flow.TOTAL) if f.url.endswith("country.xlsx")]
    countries = sorted((f for f in census if is_country(f.partner)), key=lambda f: -f.value)
    assert [f.partner for f in countries[:3]] == ["MEX", "CAN", "CHN"]
    assert countries[0].value == pytest.approx(797.958e9, abs=0.001e9)
    assert census[0].partner == "WLD"  # a table's world total comes first, blocs and regions among the rest
    assert {"EUU", "XAS", "XSC"} <= {f.partner for f in census}


def test_us_partners_add_up_to_the_world(store: ReferenceStore) -> None:
    for year in (1995, 2010, 2023):
        for flow in (Flow.EXPORT, Flow.IMPORT):
            census = [f for f in store.partner_figures("USA", year, flow) if f.url.endswith("country.xlsx")]
            world = one(census, partner="WLD").value
            countries = sum(f.value for f in census if f.partner != "WLD" and (is_country(f.partner) or
                            f.partner in ("XIO", "XNZ", "XUN")))
            assert countries == pytest.approx(world, rel=1e-6), (year, flow)


def test_us_census_rows_are_consistent() -> None:
    """total = exports + imports and balance = exports - imports for every partner and year."""
    values: dict[tuple[str, int, str], dict[Flow, float]] = defaultdict(dict)
    for row in schema.read(DATA_DIR / schema.TRADE_US_CENSUS.name, schema.TRADE_US_CENSUS):
        if row.url.endswith("country.xlsx"):
            values[(row.partner, row.year, row.url)][row.flow] = row.value
            assert row.valuation == {Flow.EXPORT: "fas", Flow.IMPORT: "customs"}.get(row.flow), row
    assert len(values) > 8000
    for key, v in values.items():
        assert v[Flow.TOTAL] == pytest.approx(v[Flow.EXPORT] + v[Flow.IMPORT], abs=1), key
        assert v[Flow.BALANCE] == pytest.approx(v[Flow.EXPORT] - v[Flow.IMPORT], abs=1), key


def test_us_census_codes_and_gaps(store: ReferenceStore) -> None:
    assert store.trade_figures("USA", "WLD", 1986, Flow.EXPORT) == ()  # Census gives no world total before 1987
    assert store.trade_figures("USA", "EUU", 1996, Flow.EXPORT) == ()
    assert one(store.trade_figures("USA", "EUU", 1997, Flow.EXPORT)).value == 143931.4e6
    israel = one(store.trade_figures("USA", "ISR", 1993, Flow.EXPORT), reporter="USA")
    assert israel.precision == "derived" and "5080" in israel.note and "5081" in israel.note
    assert israel.value == 4429.2e6
    assert one(store.trade_figures("USA", "SUN", 1990, Flow.EXPORT)).value == 3087.0e6


# -- IMF DOTS -----------------------------------------------------------------------------------


def test_imf_flows_for_every_pair_of_the_six(store: ReferenceStore) -> None:
    for a, b in permutations(SIX, 2):
        for flow, valuation in ((Flow.EXPORT, "fob"), (Flow.IMPORT, "cif")):
            own = [f for f in store.trade_figures(a, b, 2019, flow) if f.reporter == a and f.standing is Standing.COMPILED]
            fig = one(own)
            assert fig.valuation == valuation and fig.authority.startswith("IMF DOTS"), (a, b, flow)


def test_imf_india_and_2020_come_from_the_flows_file(store: ReferenceStore) -> None:
    total = one(store.trade_figures("IND", "CHN", 2020, Flow.TOTAL), reporter="IND")
    assert total.precision == "derived" and "derived" in total.note
    exp = one(store.trade_figures("CHN", "RUS", 2020, Flow.EXPORT), reporter="CHN", standing=Standing.COMPILED)
    assert exp.value == pytest.approx(50.608e9, abs=0.001e9)


def test_imf_totals_of_another_vintage_say_so(store: ReferenceStore) -> None:
    total = one(store.trade_figures("MEX", "CHN", 2019, Flow.TOTAL), reporter="MEX")
    assert "different IMF vintages" in total.note


# -- Iceland ----------------------------------------------------------------------------------


def test_iceland_2020_exports_first_release_and_later_vintage(store: ReferenceStore) -> None:
    figures = store.trade_figures("ISL", "WLD", 2020, Flow.EXPORT)
    first = one(figures, status="preliminary")
    later = one(figures, status="revised")
    assert first.value == 620.9e9 and first.published == date(2021, 1, 1) and "month only" in first.note
    assert later.value == pytest.approx(632.1133e9) and first.currency == later.currency == "ISK"
    assert one(store.trade_figures("ISL", "WLD", 2020, Flow.BALANCE)).value == -97.8e9


def test_iceland_2021_imports_fob_and_cif(store: ReferenceStore) -> None:
    figures = [f for f in store.trade_figures("ISL", "WLD", 2021, Flow.IMPORT) if f.published == date(2022, 1, 1)]
    assert {f.valuation: f.value for f in figures} == {"fob": 926.5e9, "cif": 994.3e9}


def test_iceland_gaps_stay_gaps(store: ReferenceStore) -> None:
    assert store.trade_figures("ISL", "WLD", 2023, Flow.IMPORT) == ()  # the derivation was doubtful
    assert store.trade_figures("ISL", "WLD", 2013, Flow.IMPORT) == ()
    derived = one(store.trade_figures("ISL", "WLD", 2024, Flow.IMPORT))
    assert (derived.precision, derived.status) == ("derived", "unconfirmed")


def test_iceland_exports_by_partner(store: ReferenceStore) -> None:
    figures = [f for f in store.partner_figures("ISL", 2023, Flow.EXPORT) if f.status == "unit_inferred"]
    assert figures[0].partner == "WLD"
    top = max((f for f in figures if is_country(f.partner)), key=lambda f: f.value)
    assert top.partner == "NLD" and top.valuation == "fob" and top.precision == "derived"
    assert "inferred" in top.note
    russia = one(store.trade_figures("ISL", "RUS", 2024, Flow.EXPORT), reporter="ISL")
    assert russia.value == 0


# -- EU, Germany, China's partner table, Russia's partners ----------------------------------------------


def test_eu_china_balances(store: ReferenceStore) -> None:
    balances = {y: one(store.trade_figures("EUU", "CHN", y, Flow.BALANCE)) for y in (2013, 2022, 2023)}
    assert {y: f.value for y, f in balances.items()} == {2013: -104e9, 2022: -397e9, 2023: -291e9}
    assert all(f.currency == "EUR" and f.authority == "Eurostat" for f in balances.values())
    assert store.trade_figures("EUU", "CHN", 2023, Flow.IMPORT) == ()  # not found, so not shipped


def test_germany_partner_release_values_and_conflicts(store: ReferenceStore) -> None:
    china = one(store.trade_figures("DEU", "CHN", 2022, Flow.TOTAL))
    assert (china.value, china.currency, china.published) == (297.9e9, "EUR", date(2023, 2, 1))
    netherlands = store.trade_figures("DEU", "NLD", 2024, Flow.TOTAL)
    assert sorted(f.value for f in netherlands) == [203.2e9, 205.7e9]
    assert {f.status for f in netherlands} == {"conflicting"}
    assert one(store.trade_figures("DEU", "CHN", 2016, Flow.TOTAL)).precision == "rounded"


def test_germany_largest_partner_by_year(store: ReferenceStore) -> None:
    for year in range(2016, 2024):
        assert {f.partner for f in store.partner_ranks("DEU", year) if f.measure == "total"} == {"CHN"}, year
    assert {f.partner for f in store.partner_ranks("DEU", 2024) if f.measure == "total"} == {"USA"}
    assert {f.partner for f in store.partner_ranks("DEU", 2015) if f.measure == "total"} == {"USA"}
    assert one(store.partner_ranks("DEU", 2023, rank=46)).partner == "RUS"


def test_china_partner_table_keeps_blocs_apart(store: ReferenceStore) -> None:
    top = one(store.partner_ranks("CHN", 2023))
    assert top.partner == "USA" and top.status == "secondary_source"
    eu = one(store.trade_figures("CHN", "EUU", 2023, Flow.TOTAL))
    assert eu.value == 783.0e9 and not is_country(eu.partner)
    figures = store.partner_figures("CHN", 2023, Flow.TOTAL)
    assert max(figures, key=lambda f: f.value).partner == "XAN"  # ASEAN as a bloc is larger ...
    assert max((f for f in figures if is_country(f.partner)), key=lambda f: f.value).partner == "USA"  # ... than any country
    hong_kong = one(store.trade_figures("CHN", "HKG", 2017, Flow.IMPORT), reporter="CHN")
    assert hong_kong.status == "unconfirmed" and "do not add up" in hong_kong.note


def test_russia_2023_partner_values_are_partner_reported(store: ReferenceStore) -> None:
    china = one(store.trade_figures("RUS", "CHN", 2023, Flow.TOTAL), authority="RIA Novosti (analysis of partner "
                "countries' statistics)")
    assert (china.reporter, china.value, china.standing) == ("CHN", 240.1e9, Standing.PRESS)
    world = one(store.trade_figures("RUS", "WLD", 2023, Flow.TOTAL))
    assert world.value == 710.1e9 and world.authority == "Russian customs (FCS)"


def test_partial_year_values_are_flagged(store: ReferenceStore) -> None:
    figures = store.partner_figures("RUS", 2021, Flow.TOTAL)
    assert figures and all(f.status == "partial_year" for f in figures)
    assert one(figures, partner="CHN").value == 98.9e9
