"""Figures and names written the way each language writes them."""

from datetime import date

import pytest

from checkers import Flow, Interval
from checkers import explain


@pytest.mark.parametrize(
    ("value", "currency", "lang", "case", "expected"),
    [
        (107.76e9, "USD", "en", "nf", "USD 107.76 billion"),
        (107.76e9, "USD", "is", "nf", "107,76 milljarðar Bandaríkjadala"),
        (107e9, "USD", "is", "þgf", "107 milljörðum Bandaríkjadala"),
        (21e9, "ISK", "is", "nf", "21 milljarður króna"),  # singular after a number ending in 1
        (11e9, "ISK", "is", "nf", "11 milljarðar króna"),  # ... but not 11
        (1.71e9, "EUR", "is", "ef", "1,71 milljarðs evra"),
        (350e6, "ISK", "is", "nf", "350 milljónir króna"),
        (1.4e12, "ISK", "is", "nf", "1.400 milljarðar króna"),  # news style, not "1,4 billjónir"
        (1009.5e9, "ISK", "is", "nf", "1.009,5 milljarðar króna"),
        (2.5e12, "USD", "en", "nf", "USD 2.5 trillion"),
    ],
)
def test_money(value: float, currency: str, lang: str, case: str, expected: str) -> None:
    assert explain.money(value, currency, lang, case) == expected


def test_percent_and_points() -> None:
    assert explain.percent(-0.029, "is") == "-2,9%" and explain.percent(0.029, "en") == "+2.9%"
    assert explain.points(-2.7, "en") == "-2.7%" and explain.points(35.8, "is", signed=True) == "+35,8%"


def test_country_names_decline_in_icelandic() -> None:
    assert explain.country_name("RUS", "is", case="þgf") == "Rússlandi"
    assert explain.country_name("RUS", "is", genitive=True) == "Rússlands"
    assert explain.country_name("NLD", "en", genitive=True) == "the Netherlands'"
    assert explain.country_name("PER", "en") == "Peru"  # from pycountry


def test_spans_read_naturally() -> None:
    over = Interval(low=107e9, high=float("inf"), low_inclusive=False, unit="USD", rule="")
    assert explain.span(over, "is") == "meira en 107 milljarðar Bandaríkjadala"
    assert explain.span(over, "en") == "more than USD 107 billion"
    band = Interval(low=106.5e9, high=107.5e9, unit="USD", rule="")
    assert explain.span(band, "is") == "á bilinu 106,5–107,5 milljarðar Bandaríkjadala"
    mixed = Interval(low=950e6, high=1.05e9, unit="USD", rule="")
    assert explain.span(mixed, "is") == "frá 950 milljónum Bandaríkjadala til 1,05 milljarða Bandaríkjadala"
    pct = Interval(low=2.85, high=2.95, unit="percent", rule="")
    assert explain.span(pct, "en") == "between 2.85% and 2.95%"


def test_trade_phrases() -> None:
    assert explain.trade_between(Flow.EXPORT, "CHN", "RUS", "is") == "útflutningur Kína til Rússlands"
    assert explain.trade_between(Flow.IMPORT, "ISL", "NOR", "is", case="þgf") == "innflutningi Íslands frá Noregi"
    assert explain.trade_between(Flow.TOTAL, "ISL", "WLD", "en") == "Iceland's total trade"
    assert explain.trade_between(Flow.BALANCE, "USA", "CHN", "en") == "the United States' trade balance with China"


def test_dates_and_lists() -> None:
    assert explain.day(date(2021, 3, 19), "is") == "19. mars 2021"
    assert explain.day(date(2021, 3, 19), "en") == "19 March 2021"
    assert explain.years([2009], "is") == "árið 2009" and explain.years([2006, 2007], "is") == "árin 2006 og 2007"
