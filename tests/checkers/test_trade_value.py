"""The trade-value checker, on in-memory data: sides, releases, currencies, gaps."""

from datetime import date

import pytest

from checkers import Claim, Flow, Label, Qualifier, Standing
from checkers.builtin import TradeValueChecker
from checkers.testing import MemoryReference, context, fx_rate, trade_claim, trade_figure

GACC = "China GACC (General Administration of Customs)"
DATA = MemoryReference(
    trade=[
        trade_figure("CHN", "RUS", 2020, 107.76e9, authority=GACC, published=date(2021, 1, 14)),
        trade_figure("RUS", "CHN", 2020, 104.49e9, authority="IMF DOTS (Russia-reported)", standing=Standing.COMPILED),
        trade_figure("CHN", "RUS", 2019, 110.75e9, authority=GACC),
        trade_figure("CHN", "RUS", 2020, 50.58e9, flow=Flow.EXPORT, authority=GACC, valuation="fob"),
        trade_figure("RUS", "CHN", 2020, 54.91e9, flow=Flow.IMPORT, authority="FCS", valuation="cif"),
        trade_figure("CHN", "RUS", 2011, 80e9, authority=GACC, precision="rounded"),
        trade_figure("ISL", "WLD", 2021, 762.4e9, flow=Flow.EXPORT, currency="ISK", authority="Statistics Iceland",
                     published=date(2022, 3, 1), valuation="fob"),
        trade_figure("ISL", "WLD", 2021, 772.1e9, flow=Flow.EXPORT, currency="ISK", authority="Statistics Iceland",
                     published=date(2025, 7, 1), valuation="fob"),
    ],
    fx=[fx_rate("ISK", 2021, 127.0), fx_rate("EUR", 2020, 0.8768)],
)
PUBLISHED = date(2021, 3, 19)


def check(claim: Claim, language: str = "en", published: date | None = PUBLISHED):
    return TradeValueChecker().check(claim, context(DATA, language, published))


def test_over_107_billion_in_2020_is_supported_with_the_mirror_as_caveat() -> None:
    verdict = check(trade_claim("107", qualifier=Qualifier.OVER))
    assert verdict.label is Label.SUPPORTED
    assert verdict.references[0].value == 107.76e9 and verdict.references[0].supports
    assert any(r.reporter == "RUS" and r.supports is False for r in verdict.references)
    assert verdict.claimed_interval is not None and verdict.claimed_interval.low == 107e9
    assert verdict.checker == "trade-value" and verdict.reference_data_version == "test"
    assert "107.76" in verdict.explanation and "mirror" in verdict.explanation
    assert "published by the article's date" in verdict.explanation


def test_over_110_billion_is_contradicted() -> None:
    assert check(trade_claim("110", qualifier=Qualifier.OVER)).label is Label.CONTRADICTED


def test_2019_is_checked_against_2019() -> None:
    verdict = check(trade_claim("107", qualifier=Qualifier.OVER, year=2019))
    assert verdict.label is Label.SUPPORTED and verdict.references[0].value == 110.75e9


def test_exports_use_the_export_series_and_its_mirror_and_explain_fob_cif() -> None:
    verdict = check(trade_claim("50.6", flow=Flow.EXPORT))
    assert verdict.label is Label.SUPPORTED
    assert {r.value for r in verdict.references} == {50.58e9, 54.91e9}
    assert "fob" in verdict.explanation and "cif" in verdict.explanation


def test_pair_order_does_not_matter_for_totals() -> None:
    assert check(trade_claim("107", qualifier=Qualifier.OVER, reporter="RUS", partner="CHN")).label is Label.SUPPORTED


def test_named_source_decides_against_the_mirror() -> None:
    assert check(trade_claim("104.5", cited_source="RUS")).label is Label.SUPPORTED
    assert check(trade_claim("104.5", cited_source="CHN")).label is Label.CONTRADICTED
    assert check(trade_claim("104.5")).label is Label.SUPPORTED  # Russia's side supports it; no source named


def test_a_rounded_figure_stands_for_what_it_rounds() -> None:
    verdict = check(trade_claim("78", year=2011))
    assert verdict.label is Label.SUPPORTED and "rounded" in verdict.explanation


def test_a_claim_in_euro_is_converted_to_dollars() -> None:
    verdict = check(trade_claim("94.5", unit="EUR"))  # 107.76 bn USD * 0.8768 = 94.48 bn EUR
    assert verdict.label is Label.SUPPORTED
    assert "0.8768 EUR per USD (ECB, 2020 average)" in verdict.explanation
    assert any("converted at" in (r.note or "") for r in verdict.references)


def test_a_claim_in_dollars_against_krona_data() -> None:
    claim = trade_claim("6", reporter="ISL", partner="WLD", flow=Flow.EXPORT, year=2021)
    verdict = check(claim, published=date(2025, 8, 1))  # 772.1 bn ISK / 127 = 6.08 bn USD
    assert verdict.label is Label.SUPPORTED and "127 ISK per USD" in verdict.explanation


def test_krona_claim_against_statistics_iceland_needs_no_conversion() -> None:
    claim = trade_claim("762.4", unit="ISK", reporter="ISL", partner="WLD", flow=Flow.EXPORT, year=2021)
    verdict = check(claim, "is", published=date(2022, 4, 1))
    assert verdict.label is Label.DISPUTED  # the 2025 revision (772.1) does not match: both could be rested on
    assert "Umreikningur" not in verdict.explanation
    assert "samræmdist tölum sem birtar höfðu verið" in verdict.explanation
    # after the revision the first release is superseded, yet quoting it is never a contradiction
    assert check(claim, published=date(2025, 8, 1)).label is Label.DISPUTED
    assert check(claim.model_copy(update={"quantity": claim.quantity.model_copy(  # type: ignore[union-attr]
        update={"numeral": "750", "magnitude": 750e9})}), published=date(2025, 8, 1)).label is Label.CONTRADICTED


def test_no_rate_for_the_year_is_unverifiable_and_says_so() -> None:
    claim = trade_claim("6", reporter="ISL", partner="WLD", flow=Flow.EXPORT, year=2021, unit="CNY")
    verdict = check(claim, published=date(2022, 4, 1))
    assert verdict.label is Label.UNVERIFIABLE and "ISK" in verdict.explanation


@pytest.mark.parametrize(
    "claim",
    [
        trade_claim("107", year=2012),  # no figure for that year
        trade_claim("107", year=None),
        trade_claim("107", partner=None),
        trade_claim("107", year=2021),  # not over when published
        trade_claim("107", cited_source="USA"),  # names a source the data lacks
    ],
)
def test_gaps_are_unverifiable(claim: Claim) -> None:
    assert check(claim).label is Label.UNVERIFIABLE


def test_icelandic_explanation_is_icelandic() -> None:
    verdict = check(trade_claim("107", qualifier=Qualifier.OVER), "is")
    assert "107,76 milljarðar Bandaríkjadala" in verdict.explanation and "styður" in verdict.explanation
    assert "heildarviðskipti Kína og Rússlands árið 2020 hafi verið meira en 107 milljarðar" in verdict.explanation


def test_scope() -> None:
    checker = TradeValueChecker()
    assert checker.accepts(trade_claim("5"))
    assert not checker.accepts(trade_claim("5", 1.0, unit="percent"))
    assert not checker.accepts(trade_claim("5", flow=Flow.BALANCE))
