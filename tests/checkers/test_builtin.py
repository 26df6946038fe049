"""The built-in checkers, on in-memory reference data."""

from datetime import date

import pytest

from checkers import ClaimKind, Claim, Flow, Label, Period, Qualifier, Quantity, Standing
from checkers.builtin import PartnerRankChecker, TradeValueChecker
from checkers.testing import MemoryReference, context, rank_figure, trade_claim, trade_figure

DATA = MemoryReference(
    trade=[
        trade_figure("CHN", "RUS", 2020, 107.76e9, authority="China GACC"),
        trade_figure("RUS", "CHN", 2020, 104.49e9, authority="IMF DOTS", standing=Standing.COMPILED),
        trade_figure("CHN", "RUS", 2019, 110.75e9, authority="China GACC"),
        trade_figure("CHN", "RUS", 2020, 50.58e9, flow=Flow.EXPORT, authority="China GACC"),
        trade_figure("RUS", "CHN", 2020, 49.58e9, flow=Flow.IMPORT, authority="IMF DOTS", standing=Standing.COMPILED),
    ],
    ranks=[rank_figure("RUS", 2009, "DEU")] + [rank_figure("RUS", y, "CHN") for y in range(2010, 2025)],
)
PUBLISHED = date(2021, 3, 19)


def check(claim: Claim, language: str = "en"):
    return TradeValueChecker().check(claim, context(DATA, language, PUBLISHED))


def test_over_107_billion_in_2020_is_supported_with_the_mirror_as_caveat() -> None:
    verdict = check(trade_claim("107", qualifier=Qualifier.OVER))
    assert verdict.label is Label.SUPPORTED
    assert verdict.references[0].value == 107.76e9 and verdict.references[0].supports
    assert any(r.reporter == "RUS" and r.supports is False for r in verdict.references)
    assert verdict.claimed_interval is not None and verdict.claimed_interval.low == 107e9
    assert verdict.checker == "trade-value" and verdict.reference_data_version == "test"
    assert "107.76" in verdict.explanation


def test_over_110_billion_is_contradicted() -> None:
    assert check(trade_claim("110", qualifier=Qualifier.OVER)).label is Label.CONTRADICTED


def test_2019_is_checked_against_2019() -> None:
    verdict = check(trade_claim("107", qualifier=Qualifier.OVER, year=2019))
    assert verdict.label is Label.SUPPORTED
    assert verdict.references[0].value == 110.75e9


def test_exports_use_the_export_series_and_its_mirror() -> None:
    verdict = check(trade_claim("50.6", flow=Flow.EXPORT))
    assert verdict.label is Label.SUPPORTED
    assert {r.value for r in verdict.references} == {50.58e9, 49.58e9}


def test_pair_order_does_not_matter_for_totals() -> None:
    assert check(trade_claim("107", qualifier=Qualifier.OVER, reporter="RUS", partner="CHN")).label is Label.SUPPORTED


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        (trade_claim("107", year=2012), Label.UNVERIFIABLE),  # no figure for that year
        (trade_claim("107", year=None), Label.UNVERIFIABLE),
        (trade_claim("107", partner=None), Label.UNVERIFIABLE),
        (trade_claim("107", year=2021), Label.UNVERIFIABLE),  # not over when published
        (trade_claim("107", unit="EUR"), Label.UNVERIFIABLE),  # no conversion in this checker
    ],
)
def test_gaps_are_unverifiable(claim: Claim, label: Label) -> None:
    assert check(claim).label is label


def test_icelandic_explanation_uses_icelandic_numbers() -> None:
    verdict = check(trade_claim("107", qualifier=Qualifier.OVER), "is")
    assert "107,76" in verdict.explanation and "styður" in verdict.explanation


def streak(n: int, end: int, rank: int = 1, partner: str = "CHN") -> Claim:
    return Claim(
        text=f"{n} years", start=0, end=8, kind=ClaimKind.STREAK,
        quantity=Quantity(magnitude=n, unit="year", numeral=str(n)), period=Period(start=date(end - n + 1, 1, 1), end=date(end, 12, 31)),
        reporter="RUS", partner=partner, rank=rank,
    )


def rank_check(claim: Claim, language: str = "en"):
    return PartnerRankChecker().check(claim, context(DATA, language, PUBLISHED))


def test_eleven_years_to_2020_is_supported_and_cites_the_run() -> None:
    verdict = rank_check(streak(11, 2020))
    assert verdict.label is Label.SUPPORTED
    covered = {r.period for r in verdict.references if r.supports}
    assert covered == {str(y) for y in range(2010, 2021)}  # one statement per year in this data
    assert any(r.period == "2009" and r.supports is False for r in verdict.references)


def test_fifteen_years_to_2020_is_contradicted() -> None:
    verdict = rank_check(streak(15, 2020))
    assert verdict.label is Label.CONTRADICTED
    assert "2009" in verdict.explanation


def test_a_run_longer_than_claimed_is_contradicted() -> None:
    assert rank_check(streak(11, 2024)).label is Label.CONTRADICTED


def test_wrong_partner_is_contradicted() -> None:
    assert rank_check(streak(3, 2020, partner="DEU")).label is Label.CONTRADICTED


def test_years_without_data_are_unverifiable() -> None:
    assert rank_check(streak(3, 2027)).label is Label.UNVERIFIABLE


def test_single_year_rank() -> None:
    claim = Claim(text="largest trading partner", start=0, end=23, kind=ClaimKind.PARTNER_RANK,
                  period=Period.year(2015), reporter="RUS", partner="CHN", rank=1)
    assert rank_check(claim).label is Label.SUPPORTED
    assert rank_check(claim.model_copy(update={"partner": "DEU"})).label is Label.CONTRADICTED


def test_checkers_decline_claims_outside_their_scope() -> None:
    other = Claim(text="5", start=0, end=1, kind=ClaimKind.OTHER)
    assert not TradeValueChecker().accepts(other)
    assert not PartnerRankChecker().accepts(other)
    percent = trade_claim("5", 1.0, unit="percent")
    assert not TradeValueChecker().accepts(percent)
