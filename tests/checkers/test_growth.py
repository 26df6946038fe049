"""The growth checker: changes computed from each source's own series."""

from datetime import date

import pytest

from checkers import ClaimKind, Flow, Label, Period, Qualifier, Standing
from checkers.builtin import GrowthChecker
from checkers.builtin.growth import BASE_REVISION, changes
from checkers.testing import MemoryReference, context, percent_claim, trade_figure

GACC = "China GACC"
DATA = MemoryReference(trade=[
    trade_figure("CHN", "RUS", 2019, 110.75e9, authority=GACC, published=date(2020, 1, 14)),
    trade_figure("CHN", "RUS", 2020, 107.76e9, authority=GACC, published=date(2021, 1, 14)),
    trade_figure("CHN", "RUS", 2021, 146.887e9, authority=GACC, published=date(2022, 1, 14)),
    trade_figure("RUS", "CHN", 2019, 109.0e9, authority="IMF DOTS", standing=Standing.COMPILED),
    trade_figure("RUS", "CHN", 2020, 104.49e9, authority="IMF DOTS", standing=Standing.COMPILED),
    trade_figure("RUS", "CHN", 2009, 38.98e9, authority="FCS"),
    trade_figure("RUS", "CHN", 2010, 59.34e9, authority="FCS"),
    trade_figure("CHN", "RUS", 2009, 38.8e9, authority=GACC),
    trade_figure("CHN", "RUS", 2010, 55.45e9, authority=GACC),
])


def check(claim, language="en", published=date(2022, 3, 1)):
    return GrowthChecker().check(claim, context(DATA, language, published))


def test_fell_2_9_percent_in_2020_is_supported_though_the_series_gives_2_7() -> None:
    # GACC reported -2.9% on a revised 2019 base; its own two releases give -2.70%.
    verdict = check(percent_claim("2.9", ClaimKind.GROWTH, negative=True))
    assert verdict.label is Label.SUPPORTED
    assert verdict.references[0].value == pytest.approx(-2.6998, abs=1e-3)
    assert "revised by up to 1.0%" in verdict.explanation


def test_rose_2_9_percent_is_contradicted_by_the_direction() -> None:
    assert check(percent_claim("2.9", ClaimKind.GROWTH)).label is Label.CONTRADICTED


def test_35_8_percent_in_2021_fits_only_with_the_base_revision() -> None:
    assert check(percent_claim("35.8", ClaimKind.GROWTH, year=2021)).label is Label.SUPPORTED
    assert check(percent_claim("41", ClaimKind.GROWTH, year=2021)).label is Label.CONTRADICTED


def test_mirror_growth_compared_as_factors() -> None:
    # 2010: China +42.9%, Russia +52.2%: factors 1.43 and 1.52 are 6% apart, within the mirror gap.
    verdict = check(percent_claim("43", ClaimKind.GROWTH, year=2010))
    assert verdict.label is Label.SUPPORTED
    assert {r.reporter for r in verdict.references} == {"CHN", "RUS"}


def test_qualified_growth() -> None:
    assert check(percent_claim("2", ClaimKind.GROWTH, negative=True, qualifier=Qualifier.OVER)).label is Label.SUPPORTED
    assert check(percent_claim("6", ClaimKind.GROWTH, negative=True, qualifier=Qualifier.OVER)).label is Label.CONTRADICTED


def test_no_previous_year_from_the_same_source_is_unverifiable() -> None:
    verdict = check(percent_claim("5", ClaimKind.GROWTH, year=2019))
    assert verdict.label is Label.UNVERIFIABLE and "2018" in verdict.explanation


def test_changes_pair_the_base_current_at_the_later_release() -> None:
    old = trade_figure("CHN", "RUS", 2019, 100.25e9, authority=GACC, published=date(2020, 1, 1))
    new = trade_figure("CHN", "RUS", 2019, 110.25e9, authority=GACC, published=date(2021, 6, 1))
    later = trade_figure("CHN", "RUS", 2020, 110.275e9, authority=GACC, published=date(2021, 1, 1))
    (change,) = changes([later], [old, new])
    assert change.base is old and change.value == pytest.approx(10.0)
    # each figure stands for its rounding (half the last digit), the base also for a 1% revision
    assert change.low == pytest.approx((110.2745 / (100.255 * (1 + BASE_REVISION)) - 1) * 100)


def test_icelandic_explanation() -> None:
    verdict = check(percent_claim("2.9", ClaimKind.GROWTH, negative=True), "is")
    assert "breytingin á heildarviðskiptum Kína og Rússlands frá 2019 til 2020" in verdict.explanation
    assert "-2,7%" in verdict.explanation


def test_scope() -> None:
    assert GrowthChecker().accepts(percent_claim("1", ClaimKind.GROWTH, flow=Flow.EXPORT))
    assert not GrowthChecker().accepts(percent_claim("1", ClaimKind.SHARE))
    several = percent_claim("58", ClaimKind.GROWTH).model_copy(
        update={"period": Period(start=date(2015, 1, 1), end=date(2020, 12, 31))}
    )
    assert not GrowthChecker().accepts(several)  # a change over several years is not year-on-year


def test_a_change_without_a_direction_is_met_by_a_rise_or_a_fall() -> None:
    unsigned = percent_claim("2.9", ClaimKind.GROWTH).model_copy(update={"direction": None})
    verdict = check(unsigned)
    assert verdict.label is Label.SUPPORTED and "either counts" in verdict.explanation
    assert check(percent_claim("9", ClaimKind.GROWTH).model_copy(update={"direction": None})).label is Label.CONTRADICTED
