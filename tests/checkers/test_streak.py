"""The streak checker: every year of the run, and the year before it."""

from datetime import date

from checkers import Label, Standing
from checkers.builtin import StreakChecker
from checkers.testing import MemoryReference, context, rank_claim, rank_figure

DATA = MemoryReference(
    ranks=[rank_figure("RUS", 2009, "DEU", standing=Standing.PRESS)]
    + [rank_figure("RUS", y, "CHN", published=date(2021, 1, 28)) for y in range(2010, 2021)]
    + [rank_figure("RUS", 2021, "CHN", published=date(2021, 12, 16))]
    + [rank_figure("RUS", y, "CHN", published=date(2025, 3, 1)) for y in range(2022, 2025)],
)


def check(claim, language="en", published=date(2021, 3, 19)):
    return StreakChecker().check(claim, context(DATA, language, published))


def test_eleven_years_to_2020_is_supported_and_cites_the_run() -> None:
    verdict = check(rank_claim("RUS", "CHN", 2020, years=11))
    assert verdict.label is Label.SUPPORTED
    assert {r.period for r in verdict.references if r.supports} == {str(y) for y in range(2010, 2021)}
    assert any(r.period == "2009" and r.supports is False for r in verdict.references)
    assert "In 2009 it was Germany" in verdict.explanation


def test_fifteen_years_to_2020_is_contradicted() -> None:
    verdict = check(rank_claim("RUS", "CHN", 2020, years=15))
    assert verdict.label is Label.CONTRADICTED and "2009" in verdict.explanation


def test_a_run_longer_than_claimed_is_contradicted() -> None:
    verdict = check(rank_claim("RUS", "CHN", 2024, years=11), published=date(2025, 6, 1))
    assert verdict.label is Label.CONTRADICTED and "longer" in verdict.explanation


def test_wrong_partner_is_contradicted() -> None:
    assert check(rank_claim("RUS", "DEU", 2020, years=3)).label is Label.CONTRADICTED


def test_years_without_data_are_unverifiable() -> None:
    assert check(rank_claim("RUS", "CHN", 2027, years=3), published=date(2028, 1, 1)).label is Label.UNVERIFIABLE


def test_counting_the_year_in_progress() -> None:
    # December 2021: "for 12 years in a row" counts 2021 itself (MOFCOM said so on 16 December).
    verdict = check(rank_claim("RUS", "CHN", 2020, years=12), published=date(2021, 12, 20))
    assert verdict.label is Label.SUPPORTED and "year in progress" in verdict.explanation
    # ... but not before anyone had said so for 2021
    assert check(rank_claim("RUS", "CHN", 2020, years=12), published=date(2021, 12, 1)).label is Label.CONTRADICTED


def test_icelandic_wording() -> None:
    verdict = check(rank_claim("RUS", "CHN", 2020, years=11), "is")
    assert "Kína hafi verið stærsti viðskiptafélagi Rússlands samfellt 2010–2020" in verdict.explanation
    assert "Árið 2009 var það Þýskaland" in verdict.explanation
