"""The Icelandic front end, through extract(): tokenizer numbers, BÍN lemmas, claims."""

from datetime import date
from pathlib import Path

import pytest

from checkers import ClaimKind, Flow, Period, Qualifier
from service.extract import extract

PUBLISHED = date(2021, 3, 19)
SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seed" / "lavrov-visit-2021-03-19.is.txt"


def claims(text: str, published: date | None = PUBLISHED):
    found = extract(text, "is", published)
    for c in found.claims:
        assert text[c.start:c.end] == c.text
    return found.claims


def only(text: str, kind: ClaimKind):
    matching = [c for c in claims(text) if c.kind is kind]
    assert len(matching) == 1, matching
    return matching[0]


SENTENCE = (
    "Kína hefur verið stærsti viðskiptafélagi Rússlands í 11 ár í röð og tvíhliða viðskipti "
    "ríkjanna námu yfir 107 milljörðum Bandaríkjadala á síðasta ári."
)


def test_amount_with_scale_currency_qualifier_and_period() -> None:
    c = only(SENTENCE, ClaimKind.TRADE_VALUE)
    assert c.text == "yfir 107 milljörðum Bandaríkjadala"
    assert c.quantity is not None and c.quantity.magnitude == 1.07e11 and c.quantity.unit == "USD"
    assert c.quantity.numeral == "107" and c.quantity.scale == 1e9
    assert c.qualifier is Qualifier.OVER
    assert c.period == Period.year(2020)
    assert {c.reporter, c.partner} == {"CHN", "RUS"} and c.flow is Flow.TOTAL


def test_streak_with_rank_and_roles() -> None:
    c = only(SENTENCE, ClaimKind.STREAK)
    assert c.text == "stærsti viðskiptafélagi Rússlands í 11 ár í röð"
    assert c.quantity is not None and (c.quantity.magnitude, c.quantity.unit) == (11, "year")
    assert (c.rank, c.reporter, c.partner) == (1, "RUS", "CHN")
    assert c.period == Period(start=date(2010, 1, 1), end=date(2020, 12, 31))


@pytest.mark.parametrize(
    ("phrase", "magnitude", "unit"),
    [
        ("yfir 107 milljörðum Bandaríkjadala", 107e9, "USD"),
        ("um 107 milljarða dala", 107e9, "USD"),
        ("rúmlega 107 milljarðar dollara", 107e9, "USD"),
        ("tæplega 3,2 billjónum júana", 3.2e12, "CNY"),
        ("231,8 milljörðum króna", 231.8e9, "ISK"),
        ("1.009,0 milljónum evra", 1009.0e6, "EUR"),
        ("5 ma.kr.", 5e9, "ISK"),
        ("50 milljörðum rúblna", 50e9, "RUB"),
        ("USD 107 milljarðar", 107e9, "USD"),
    ],
)
def test_amounts_in_every_inflection(phrase: str, magnitude: float, unit: str) -> None:
    text = f"Viðskipti Kína og Rússlands námu {phrase} árið 2020."
    c = only(text, ClaimKind.TRADE_VALUE)
    assert c.quantity is not None
    assert c.quantity.magnitude == pytest.approx(magnitude) and c.quantity.unit == unit


@pytest.mark.parametrize(
    ("word", "qualifier"),
    [("yfir", Qualifier.OVER), ("rúmlega", Qualifier.JUST_OVER), ("tæplega", Qualifier.JUST_UNDER),
     ("um", Qualifier.ABOUT), ("undir", Qualifier.UNDER), ("nærri", Qualifier.NEARLY),
     ("meira en", Qualifier.OVER), ("minna en", Qualifier.UNDER), ("að minnsta kosti", Qualifier.AT_LEAST),
     ("allt að", Qualifier.UP_TO), ("í kringum", Qualifier.ABOUT)],
)
def test_qualifiers(word: str, qualifier: Qualifier) -> None:
    c = only(f"Viðskipti Kína og Rússlands námu {word} 107 milljörðum dala árið 2020.", ClaimKind.TRADE_VALUE)
    assert c.qualifier is qualifier and c.text.startswith(word.split()[0])


def test_range() -> None:
    c = only("Viðskipti ríkjanna námu á bilinu 100 til 110 milljörðum dala árið 2020.", ClaimKind.TRADE_VALUE)
    assert c.qualifier is Qualifier.RANGE and c.quantity is not None
    assert (c.quantity.magnitude, c.quantity.high) == (100e9, 110e9)


@pytest.mark.parametrize(
    ("phrase", "year"),
    [("á síðasta ári", 2020), ("í fyrra", 2020), ("árið 2019", 2019), ("á þessu ári", 2021), ("á liðnu ári", 2020)],
)
def test_periods_against_the_publication_date(phrase: str, year: int) -> None:
    c = only(f"Tvíhliða viðskipti Kína og Rússlands námu 107 milljörðum dala {phrase}.", ClaimKind.TRADE_VALUE)
    assert c.period == Period.year(year)


def test_relative_period_without_a_date_stays_unknown() -> None:
    c = only("Tvíhliða viðskipti Kína og Rússlands námu 107 milljörðum dala á síðasta ári.", ClaimKind.TRADE_VALUE)
    assert c.period is not None  # published given by the helper; now without:
    found = extract("Tvíhliða viðskipti Kína og Rússlands námu 107 milljörðum dala á síðasta ári.", "is", None)
    assert [c.period for c in found.claims] == [None]


def test_publication_date_from_the_text() -> None:
    found = extract(SENTENCE + "\nBirtingartími: 19. mars 2021", "is", None)
    assert found.published == PUBLISHED and found.published_source == "text"
    assert any(c.period == Period.year(2020) for c in found.claims)


def test_request_date_wins_over_the_text() -> None:
    found = extract(SENTENCE + "\nBirtingartími: 19. mars 2021", "is", date(2022, 1, 5))
    assert found.published_source == "request"
    assert only(SENTENCE, ClaimKind.TRADE_VALUE).period == Period.year(2020)


@pytest.mark.parametrize("form", ["Rússlands", "Rússlandi", "Rússland"])
def test_countries_in_any_case(form: str) -> None:
    c = only(f"Útflutningur Kína til {form} nam 50 milljörðum dala árið 2020.", ClaimKind.TRADE_VALUE)
    assert "RUS" in (c.reporter, c.partner)


def test_pair_reaches_back_to_earlier_sentence() -> None:
    text = "Lavrov heimsótti Kína og Rússland. Viðskipti ríkjanna tveggja námu 107 milljörðum dala árið 2020."
    c = only(text, ClaimKind.TRADE_VALUE)
    assert {c.reporter, c.partner} == {"CHN", "RUS"}


def test_growth_and_balance() -> None:
    text = "Útflutningur Íslands til Kína jókst um 12,5% árið 2020. Vöruskiptin voru óhagstæð um 231,8 milljarða króna í fyrra."
    kinds = {c.kind: c for c in claims(text)}
    growth = kinds[ClaimKind.GROWTH]
    assert growth.qualifier is Qualifier.EXACT and growth.quantity is not None and growth.quantity.unit == "percent"
    balance = kinds[ClaimKind.BALANCE]
    assert balance.flow is Flow.BALANCE and balance.qualifier is Qualifier.EXACT


def test_numbers_that_are_not_claims_are_other() -> None:
    text = "Xi átti fimm símtöl við Pútín og í ár eru 20 ár liðin frá samningnum; COVID-19 faraldurinn geisar."
    found = claims(text)
    assert [c.text for c in found] == ["fimm", "20 ár", "19"]
    assert all(c.kind is ClaimKind.OTHER for c in found)


def test_dates_are_not_claims() -> None:
    assert claims("Fundurinn var haldinn 19. mars 2021 klukkan 14:30.") == []


def test_empty_and_whitespace() -> None:
    assert extract("", "is").claims == [] and extract(" \n\t", "is").claims == []


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside this checkout")
def test_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = extract(text, "auto", None)
    assert found.language == "is" and found.published == PUBLISHED
    by_kind = {}
    for c in found.claims:
        assert text[c.start:c.end] == c.text
        by_kind.setdefault(c.kind, []).append(c)
    assert set(by_kind) == {ClaimKind.TRADE_VALUE, ClaimKind.STREAK, ClaimKind.OTHER}
    assert {c.text for c in by_kind[ClaimKind.OTHER]} == {"tveggja", "fimm", "20 ár", "19"}
