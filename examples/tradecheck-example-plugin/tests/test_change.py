"""The example plugin's own tests, on tradecheck's in-memory reference data."""

from datetime import date

from checkers import Claim, ClaimKind, Label, Period, Quantity
from checkers.testing import MemoryReference, context, trade_figure
from tradecheck_example_plugin import MultiYearChangeChecker

DATA = MemoryReference(trade=[
    trade_figure("CHN", "RUS", 2015, 68.0e9, authority="China GACC"),
    trade_figure("CHN", "RUS", 2020, 107.76e9, authority="China GACC"),
])


def claim(numeral: str, first: int = 2015, last: int = 2020) -> Claim:
    return Claim(
        text=f"{numeral}%", start=0, end=len(numeral) + 1, kind=ClaimKind.GROWTH,
        quantity=Quantity(magnitude=float(numeral), unit="percent", numeral=numeral),
        period=Period(start=date(first, 1, 1), end=date(last, 12, 31)), reporter="CHN", partner="RUS",
    )


def test_change_over_five_years() -> None:
    checker = MultiYearChangeChecker()
    assert checker.check(claim("58"), context(DATA)).label is Label.SUPPORTED  # +58.5%
    assert checker.check(claim("70"), context(DATA)).label is Label.CONTRADICTED


def test_takes_only_periods_of_several_years() -> None:
    assert not MultiYearChangeChecker().accepts(claim("58", 2020, 2020))
