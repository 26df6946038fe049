"""Icelandic words are known by their BÍN lemma, in every inflected form."""

from __future__ import annotations

import pytest

from checkers import Flow, Qualifier
from service.extract.facts import Direction
from service.extract.icelandic_words import word


@pytest.mark.parametrize("form", ["milljarður", "milljarð", "milljarði", "milljarðs", "milljarðar", "milljarða",
                                  "milljörðum"])
def test_every_form_of_milljardur_is_a_thousand_million(form: str) -> None:
    assert word(form).scale == 1e9


@pytest.mark.parametrize(
    ("form", "currency"),
    [("Bandaríkjadala", "USD"), ("Bandaríkjadölum", "USD"), ("dollurum", "USD"), ("evrum", "EUR"),
     ("krónum", "ISK"), ("júana", "CNY"), ("rúblna", "RUB"), ("sterlingspunda", "GBP"), ("renminbi", "CNY")],
)
def test_currencies_by_lemma(form: str, currency: str) -> None:
    assert word(form).currency == currency


def test_countries_flows_and_the_rest() -> None:
    assert (word("Rússlands").country, word("Rússlands").genitive) == ("RUS", True)
    assert word("Bandaríkjunum").country == "USA" and word("útlöndum").country == "WLD"
    assert word("Íslendingar").country == "ISL"  # the people of a country
    assert word("útflutnings").flow is Flow.EXPORT and word("innflutningi").flow is Flow.IMPORT
    assert (word("óhagstæð").flow, word("óhagstæð").side) == (Flow.BALANCE, Direction.DEFICIT)
    assert word("jókst").change is Direction.INCREASE and word("samdráttur").change_noun
    assert word("tvöfaldaðist").multiple == 100 and word("helmingaðist").multiple == -50
    assert word("tæpum").qualifier is Qualifier.JUST_UNDER and word("rúmir").qualifier is Qualifier.JUST_OVER
    assert word("tveggja").cardinal == 2 and word("fimmtungur").fraction == 5
    assert word("næststærsti").superlative == 2 and word("hæsta").extreme == "highest_since"
    assert word("ríkjanna").pair_noun and not word("ríki").pair_noun
    assert word("cif-verði").valuation == "cif"


def test_a_word_bin_does_not_know_is_nothing() -> None:
    w = word("Lavrov")
    assert not (w.country or w.flow or w.scale or w.currency or w.cardinal)
    assert word("").lemmas == frozenset() and word("x" * 100).lemmas == frozenset()
