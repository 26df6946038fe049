"""The balance checker: sign, mirrors with the sign reversed, balances derived from flows."""

from datetime import date

from checkers import ClaimKind, Flow, Label, Qualifier
from checkers.builtin import BalanceChecker
from checkers.testing import MemoryReference, balance_claim, context, trade_claim, trade_figure

CENSUS = "US Census Bureau"
DATA = MemoryReference(trade=[
    trade_figure("USA", "CHN", 2018, -419.2e9, flow=Flow.BALANCE, authority=CENSUS, published=date(2019, 3, 6)),
    trade_figure("USA", "CHN", 2018, -418.23e9, flow=Flow.BALANCE, authority=CENSUS, published=date(2020, 2, 5)),
    trade_figure("USA", "CHN", 2019, 106.48e9, flow=Flow.EXPORT, authority=CENSUS, published=date(2020, 2, 5)),
    trade_figure("USA", "CHN", 2019, 449.11e9, flow=Flow.IMPORT, authority=CENSUS, published=date(2020, 2, 5)),
    trade_figure("CHN", "USA", 2019, 418.5e9, flow=Flow.EXPORT, authority="China GACC", published=date(2020, 1, 14)),
    trade_figure("CHN", "USA", 2019, 122.7e9, flow=Flow.IMPORT, authority="China GACC", published=date(2020, 1, 14)),
    trade_figure("ISL", "WLD", 2021, 762.4e9, flow=Flow.EXPORT, currency="ISK", authority="Statistics Iceland",
                 valuation="fob", published=date(2022, 3, 1)),
    trade_figure("ISL", "WLD", 2021, 926.5e9, flow=Flow.IMPORT, currency="ISK", authority="Statistics Iceland",
                 valuation="fob", published=date(2022, 3, 1)),
    trade_figure("ISL", "WLD", 2021, 994.3e9, flow=Flow.IMPORT, currency="ISK", authority="Statistics Iceland",
                 valuation="cif", published=date(2022, 3, 1)),
    trade_figure("ISL", "WLD", 2020, -97.8e9, flow=Flow.BALANCE, currency="ISK", authority="Statistics Iceland",
                 published=date(2021, 1, 29)),
])


def check(claim, language="en", published=date(2021, 6, 1)):
    return BalanceChecker().check(claim, context(DATA, language, published))


def test_deficit_of_418_billion_against_a_stated_negative_balance() -> None:
    verdict = check(balance_claim("418", reporter="USA", partner="CHN", year=2018))
    assert verdict.label is Label.SUPPORTED
    assert verdict.references[0].value == -418.23e9
    assert "a deficit of USD 418.23 billion" in verdict.explanation
    assert "revised its figure" in verdict.explanation


def test_a_surplus_where_there_was_a_deficit_is_contradicted() -> None:
    verdict = check(balance_claim("418", deficit=False, reporter="USA", partner="CHN", year=2018))
    assert verdict.label is Label.CONTRADICTED


def test_first_release_quoted_before_the_revision_is_disputed() -> None:
    verdict = check(balance_claim("419.2", reporter="USA", partner="CHN", year=2018), published=date(2019, 4, 1))
    assert verdict.label is Label.DISPUTED
    assert "matched the figures published by the article's date" in verdict.explanation


def test_balance_derived_from_flows_and_the_mirror_with_sign_reversed() -> None:
    verdict = check(balance_claim("342.6", reporter="USA", partner="CHN", year=2019))
    assert verdict.label is Label.SUPPORTED  # US side -342.63; China's surplus 295.8 is 13.7% off, within the balance gap
    values = {r.reporter: r.value for r in verdict.references}
    assert values["USA"] == -342.63e9 and values["CHN"] == -295.8e9
    assert any("sign reversed" in (r.note or "") for r in verdict.references)
    chinese = check(balance_claim("295.8", deficit=False, reporter="CHN", partner="USA", year=2019))
    assert chinese.label is Label.SUPPORTED and chinese.references[0].reporter == "CHN"


def test_imports_valued_as_exports_are_used_for_a_derived_balance() -> None:
    verdict = check(balance_claim("164.1", unit="ISK", reporter="ISL", partner="WLD", year=2021), published=date(2022, 6, 1))
    assert verdict.label is Label.SUPPORTED and verdict.references[0].value == -164.1e9


def test_icelandic_deficit_in_krona() -> None:
    verdict = check(balance_claim("97.8", unit="ISK", reporter="ISL", partner="WLD", year=2020), "is")
    assert verdict.label is Label.SUPPORTED
    assert "hafi verið óhagstæður og hallinn 97,8 milljarðar króna" in verdict.explanation.replace("á bilinu 97,75–97,85", "97,8")


def test_qualifiers_apply_to_the_size_of_the_deficit() -> None:
    assert check(balance_claim("400", reporter="USA", partner="CHN", year=2018, qualifier=Qualifier.OVER)).label is Label.SUPPORTED
    assert check(balance_claim("420", reporter="USA", partner="CHN", year=2018, qualifier=Qualifier.OVER)).label is Label.CONTRADICTED


def test_scope() -> None:
    assert BalanceChecker().accepts(balance_claim("1"))
    assert not BalanceChecker().accepts(trade_claim("1"))
    assert not BalanceChecker().accepts(trade_claim("1", 1.0, unit="percent", kind=ClaimKind.BALANCE))


def test_a_balance_without_a_direction_is_met_by_either_sign() -> None:
    verdict = check(balance_claim("418", deficit=None, reporter="USA", partner="CHN", year=2018))
    assert verdict.label is Label.SUPPORTED and "either counts" in verdict.explanation
    assert check(balance_claim("500", deficit=None, reporter="USA", partner="CHN", year=2018)).label is Label.CONTRADICTED


def test_either_valuation_basis_of_a_derived_balance_may_support() -> None:
    # Statistics Iceland: exports fob 762.4; imports fob 926.5 and cif 994.3 -> deficits of 164.1 (fob/fob) or 231.9 (fob/cif)
    for numeral, value in (("164.1", -164.1e9), ("231.9", -231.9e9)):
        verdict = check(balance_claim(numeral, unit="ISK", reporter="ISL", partner="WLD", year=2021), published=date(2022, 6, 1))
        assert verdict.label is Label.SUPPORTED and verdict.references[0].value == value
        assert len(verdict.references) == 1  # the other basis is not a second opinion
