"""Annual FX rates per US dollar: ECB cross rates and Central Bank of Iceland rates, partial years refused."""

from __future__ import annotations

from datetime import date

import pytest

from reference_data import CitedFxRate, ReferenceStore


def test_eur_2020_from_the_ecb(store: ReferenceStore) -> None:
    rate = store.fx_rate("EUR", 2020)
    assert isinstance(rate, CitedFxRate)
    assert rate.per_usd == pytest.approx(0.8768, abs=0.00005)
    assert (rate.authority, rate.status, rate.observations) == ("ECB", "complete", 257)
    assert rate.method == "mean of 257 daily observations (1 / USD per EUR)"
    assert (rate.first_day, rate.last_day, rate.published) == (date(2020, 1, 2), date(2020, 12, 31), date(2020, 12, 31))


def test_cny_and_rub_are_ecb_cross_rates(store: ReferenceStore) -> None:
    assert store.fx_rate("CNY", 2020).per_usd == pytest.approx(6.9003, abs=0.0001)  # type: ignore[union-attr]
    assert store.fx_rate("RUB", 2021).per_usd == pytest.approx(73.68, abs=0.01)  # type: ignore[union-attr]


def test_isk_prefers_the_central_bank_of_iceland(store: ReferenceStore) -> None:
    rate = store.fx_rate("ISK", 2020)
    assert rate is not None and rate.authority == "CBI"  # type: ignore[attr-defined]
    assert rate.per_usd == pytest.approx(135.27, abs=0.005)
    both = store.fx_rates("ISK", 2020)
    assert [r.authority for r in both] == ["CBI", "ECB"]  # type: ignore[attr-defined]
    assert both[1].per_usd == pytest.approx(135.38, abs=0.005)


def test_no_ecb_isk_for_2012_and_no_rate_at_all(store: ReferenceStore) -> None:
    assert store.fx_rates("ISK", 2012, include_partial=True) == ()
    assert store.fx_rate("ISK", 2012, allow_partial=True) is None
    for year in range(2009, 2018):
        assert all(r.authority != "ECB" for r in store.fx_rates("ISK", year, include_partial=True))  # type: ignore[attr-defined]


def test_rub_2022_is_partial_and_refused(store: ReferenceStore) -> None:
    assert store.fx_rate("RUB", 2022) is None
    assert store.fx_rates("RUB", 2022) == ()
    partial = store.fx_rate("RUB", 2022, allow_partial=True)
    assert isinstance(partial, CitedFxRate)
    assert (partial.status, partial.observations, partial.last_day) == ("partial", 42, date(2022, 3, 1))
    assert "not an annual average" in partial.note
    assert store.fx_rate("RUB", 2023, allow_partial=True) is None


def test_a_complete_year_wins_over_a_partial_one(store: ReferenceStore) -> None:
    assert store.fx_rate("ISK", 2018).authority == "CBI"  # type: ignore[union-attr]  # the ECB resumed ISK in February
    ecb = [r for r in store.fx_rates("ISK", 2018, include_partial=True) if r.authority == "ECB"]  # type: ignore[attr-defined]
    assert ecb[0].status == "partial" and ecb[0].first_day == date(2018, 2, 1)  # type: ignore[attr-defined]
    latest = store.fx_rate("ISK", 2025, allow_partial=True)
    assert latest.authority == "ECB" and latest.status == "complete"  # type: ignore[union-attr]  # the CBI copy ends in July


def test_usd_is_one(store: ReferenceStore) -> None:
    assert store.fx_rate("USD", 1999).per_usd == 1.0  # type: ignore[union-attr]
    assert store.fx_rate("usd", 2020) is not None
