"""Currency conversion from dated annual average rates, with its uncertainty band."""

import pytest

from checkers.fx import FX_BAND, convert, rates
from checkers.interval import claimed_interval
from checkers import Qualifier, Quantity
from checkers.testing import MemoryReference, fx_rate

DATA = MemoryReference(fx=[
    fx_rate("ISK", 2020, 135.38), fx_rate("ISK", 2020, 135.27, source="Central Bank of Iceland"),
    fx_rate("EUR", 2020, 0.8768), fx_rate("CNY", 2020, 6.9003),
])


def test_same_currency_needs_no_rate() -> None:
    c = convert("ISK", "ISK", 2012, DATA)
    assert c is not None and c.identity and c.factor == 1.0 and c.band == 0.0
    assert c.describe(1e9, "en") == ""


def test_usd_to_isk_uses_the_year_average_and_keeps_the_rates() -> None:
    c = convert("USD", "ISK", 2020, DATA)
    assert c is not None and c.factor == pytest.approx(135.38)
    assert [r.source for r in c.used] == ["ECB"]
    assert c.spread == pytest.approx((135.38 - 135.27) / 135.38)
    assert c.band == FX_BAND  # two sources within 0.1%: the floor band holds


def test_cross_rates_go_through_the_dollar() -> None:
    c = convert("EUR", "CNY", 2020, DATA)
    assert c is not None and c.factor == pytest.approx(6.9003 / 0.8768)
    assert {r.currency for r in c.used} == {"EUR", "CNY"}


def test_a_gap_year_is_never_filled_from_another_year() -> None:
    assert convert("USD", "ISK", 2012, DATA) is None
    assert rates(DATA, "ISK", 2012) == []


def test_wide_spread_between_sources_widens_the_band() -> None:
    data = MemoryReference(fx=[fx_rate("RUB", 2022, 68.0), fx_rate("RUB", 2022, 78.0, source="other")])
    c = convert("USD", "RUB", 2022, data)
    assert c is not None and c.band == pytest.approx(10 / 68)


def test_converted_interval_is_widened_by_the_band() -> None:
    claimed = claimed_interval(Quantity(magnitude=1.7e9, unit="USD", numeral="1.7", scale=1e9), Qualifier.EXACT)
    c = convert("USD", "ISK", 2020, DATA)
    assert c is not None
    isk = c.interval(claimed)
    assert isk.unit == "ISK"
    assert isk.low == pytest.approx(1.65e9 * 135.38 * (1 - FX_BAND))
    assert "converted at" in isk.rule


def test_description_in_both_languages() -> None:
    c = convert("USD", "ISK", 2020, DATA)
    assert c is not None
    en, is_ = c.describe(1.7e9, "en"), c.describe(1.7e9, "is")
    assert "USD 1.7 billion = ISK 230.146 billion" in en and "135.38 ISK per USD (ECB, 2020 average)" in en
    assert "1,7 milljarðar Bandaríkjadala = 230,146 milljarðar króna" in is_ and "135,38 ISK" in is_


def test_a_partial_year_is_not_an_annual_average() -> None:
    partial = fx_rate("RUB", 2022, 78.09).model_copy(update={"status": "partial"})
    assert convert("USD", "RUB", 2022, MemoryReference(fx=[partial])) is None
