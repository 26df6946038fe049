"""The share checker: shares computed from a table by partner, and cited Factbook shares."""

from datetime import date

import pytest

from checkers import ClaimKind, Flow, Label, Qualifier
from checkers.builtin import ShareChecker
from checkers.testing import MemoryReference, context, percent_claim, share_figure, trade_figure

CENSUS = "US Census Bureau"


def census(partner: str, value: float, flow: Flow = Flow.EXPORT):
    return trade_figure("USA", partner, 2023, value, flow=flow, authority=CENSUS, published=date(2024, 2, 7))


DATA = MemoryReference(
    trade=[census("WLD", 2019.5e9), census("CAN", 354.4e9), census("MEX", 323.2e9), census("CHN", 147.8e9),
           census("WLD", 3082.9e9, Flow.IMPORT), census("CHN", 426.9e9, Flow.IMPORT), census("MEX", 475.2e9, Flow.IMPORT)],
    shares=[
        share_figure("USA", "CAN", 2023, 14.0, source="CIA World Factbook, 2025 edition", published=date(2025, 1, 1)),
        share_figure("ISL", "NLD", 2023, 27.0, source="CIA World Factbook, 2025 edition", published=date(2025, 1, 1)),
        share_figure("ISL", "NLD", 2023, 26.0, source="CIA World Factbook, 2024 edition", published=date(2024, 1, 1)),
        share_figure("RUS", "NLD", 2009, 10.62, source="CIA World Factbook, 2010 edition", published=date(2010, 1, 1)),
    ],
)


def check(claim, language="en", published=date(2025, 6, 1)):
    return ShareChecker().check(claim, context(DATA, language, published))


def claim(numeral: str, reporter: str, partner: str, year: int = 2023, flow: Flow = Flow.EXPORT, **kw):
    return percent_claim(numeral, ClaimKind.SHARE, reporter=reporter, partner=partner, year=year, flow=flow, **kw)


def test_share_computed_from_the_table_decides_over_the_factbook() -> None:
    verdict = check(claim("17.5", "USA", "CAN"))  # 354.4 / 2019.5 = 17.55%
    assert verdict.label is Label.SUPPORTED
    assert verdict.references[0].value == pytest.approx(17.549, abs=1e-3)
    assert verdict.references[0].standing == "official"
    assert any(r.source.startswith("CIA World Factbook") and r.supports is False for r in verdict.references)


def test_total_trade_share_adds_exports_and_imports() -> None:
    verdict = check(claim("15.6", "USA", "MEX", flow=Flow.TOTAL))  # (323.2 + 475.2) / (2019.5 + 3082.9)
    assert verdict.label is Label.SUPPORTED


def test_whole_percent_factbook_share_stands_for_half_a_percent_either_side() -> None:
    assert check(claim("27.4", "ISL", "NLD")).label is Label.SUPPORTED
    assert check(claim("32", "ISL", "NLD", qualifier=Qualifier.ABOUT)).label is Label.CONTRADICTED


def test_factbook_editions_are_releases_of_one_publication() -> None:
    verdict = check(claim("25.8", "ISL", "NLD"), published=date(2024, 6, 1))  # 2024 edition current; 2025 later
    assert verdict.label is Label.DISPUTED
    assert "2025 edition" in verdict.explanation and "2024 edition" in verdict.explanation
    # after the 2025 edition the 2024 one is superseded, yet a claim it supports is not contradicted
    assert check(claim("25.8", "ISL", "NLD")).label is Label.DISPUTED
    assert check(claim("24.8", "ISL", "NLD")).label is Label.CONTRADICTED


def test_decimal_shares_keep_their_precision() -> None:
    assert check(claim("10.6", "RUS", "NLD", year=2009)).label is Label.SUPPORTED
    assert check(claim("10.7", "RUS", "NLD", year=2009)).label is Label.CONTRADICTED


def test_no_table_and_no_cited_share_is_unverifiable() -> None:
    verdict = check(claim("5", "DEU", "CHN"))
    assert verdict.label is Label.UNVERIFIABLE and "Germany's" in verdict.explanation


def test_icelandic_wording() -> None:
    verdict = check(claim("27", "ISL", "NLD"), "is")
    assert "hlutur Hollands í útflutningi Íslands árið 2023" in verdict.explanation


def test_scope() -> None:
    assert ShareChecker().accepts(claim("1", "USA", "CAN"))
    assert not ShareChecker().accepts(percent_claim("1", ClaimKind.GROWTH))
