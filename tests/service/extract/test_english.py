"""The English front end: every number with its unit, qualifier and role, and the words around it."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkers import Flow, Period, Qualifier
from service.extract.english import read, sentences
from service.extract.facts import Direction, NumberMention, NumberRole, SentenceFacts

PUBLISHED = date(2021, 3, 19)
Y2020 = Period.year(2020)
MENTION_LISTS = ("numbers", "countries", "pairs", "flows", "ranks", "periods", "sources")


def one(text: str, published: date | None = PUBLISHED) -> SentenceFacts:
    facts = read(text, published)
    assert len(facts) == 1, [text[f.start : f.end] for f in facts]
    check_offsets(text, facts)
    return facts[0]


def check_offsets(text: str, facts: list[SentenceFacts]) -> None:
    """Every span lies in its sentence, is not empty and has no surrounding white space."""
    for f in facts:
        assert 0 <= f.start < f.end <= len(text)
        for name in MENTION_LISTS:
            for m in getattr(f, name):
                assert f.start <= m.start < m.end <= f.end, (name, m)
                piece = text[m.start : m.end]
                assert piece == piece.strip(), (name, piece)


def spans(text: str, mentions: list) -> list[str]:
    return [text[m.start : m.end] for m in mentions]


def number(text: str, f: SentenceFacts) -> NumberMention:
    assert len(f.numbers) == 1, spans(text, f.numbers)
    return f.numbers[0]


# --- the claim in the seed article, written four ways ------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Bilateral trade exceeded $107 billion last year.", "exceeded $107 billion"),
        ("Bilateral trade exceeded US$107bn last year.", "exceeded US$107bn"),
        ("Bilateral trade exceeded 107 billion US dollars last year.", "exceeded 107 billion US dollars"),
        ("Bilateral trade was more than USD 107 billion last year.", "more than USD 107 billion"),
        ("Bilateral trade was over 107 billion U.S. dollars last year.", "over 107 billion U.S. dollars"),
        ("Bilateral trade topped 107 bn USD last year.", "topped 107 bn USD"),
    ],
)
def test_bilateral_trade_over_107_billion_dollars(text: str, span: str) -> None:
    f = one(text)
    n = number(text, f)
    assert text[n.start : n.end] == span
    assert (n.value, n.numeral, n.scale, n.unit) == (1.07e11, "107", 1e9, "USD")
    assert n.qualifier is Qualifier.OVER
    assert n.role is NumberRole.PLAIN
    assert spans(text, f.pairs) == ["Bilateral"]
    assert [(text[m.start : m.end], m.flow) for m in f.flows] == [("Bilateral trade", Flow.TOTAL)]
    assert [(text[p.start : p.end], p.period) for p in f.periods] == [("last year", Y2020)]
    assert f.countries == []


def test_trade_between_the_two_countries() -> None:
    text = "Trade between the two countries exceeded 107 billion US dollars last year."
    f = one(text)
    n = number(text, f)  # "two" belongs to the pair phrase, not a figure
    assert text[n.start : n.end] == "exceeded 107 billion US dollars"
    assert (n.value, n.unit, n.qualifier) == (1.07e11, "USD", Qualifier.OVER)
    assert spans(text, f.pairs) == ["the two countries"]
    assert [m.flow for m in f.flows] == [Flow.TOTAL]
    assert f.countries == []  # "US" of "US dollars" is the currency
    assert [p.period for p in f.periods] == [Y2020]


def test_without_a_publication_date_last_year_is_no_period() -> None:
    f = one("Bilateral trade exceeded $107 billion last year.", published=None)
    assert f.periods == []
    assert len(f.numbers) == 1


# --- partner rank and streaks ------------------------------------------------------------------


def test_largest_trading_partner_for_11_consecutive_years() -> None:
    text = "China has been Russia's largest trading partner for 11 consecutive years."
    f = one(text)
    assert [(text[c.start : c.end], c.iso3, c.possessive) for c in f.countries] == [
        ("China", "CHN", False),
        ("Russia", "RUS", True),
    ]
    assert [(text[r.start : r.end], r.rank) for r in f.ranks] == [("largest trading partner", 1)]
    n = number(text, f)
    assert text[n.start : n.end] == "11 consecutive years"
    assert (n.value, n.numeral, n.unit, n.role) == (11, "11", "year", NumberRole.STREAK)
    assert f.flows == []  # "trading partner" is a rank, not a trade value


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("China was Russia's top trading partner for the 11th consecutive year.", "11th consecutive year"),
        ("China was Russia's top trading partner for 11 straight years.", "11 straight years"),
        ("China was Russia's top trading partner for 11 years in a row.", "11 years in a row"),
        ("China was Russia's top trading partner eleven years running.", "eleven years running"),
        ("China was Russia's top trading partner for the eleventh straight year.", "eleventh straight year"),
        ("China was Russia's top trading partner for the 11th year in a row.", "11th year in a row"),
    ],
)
def test_streaks(text: str, span: str) -> None:
    f = one(text)
    n = number(text, f)
    assert text[n.start : n.end] == span
    assert (n.value, n.unit, n.role) == (11, "year", NumberRole.STREAK)
    assert [r.rank for r in f.ranks] == [1]


def test_years_that_are_not_a_streak() -> None:
    text = "It is 20 years since the treaty."
    n = number(text, one(text))
    assert (text[n.start : n.end], n.value, n.unit, n.role) == ("20 years", 20, "year", NumberRole.PLAIN)


@pytest.mark.parametrize(
    ("text", "span", "rank"),
    [
        ("Germany is the second-largest trading partner.", "second-largest trading partner", 2),
        ("Germany is the third-biggest export market.", "third-biggest export market", 3),
        ("Germany is the 2nd largest supplier.", "2nd largest supplier", 2),
        ("Germany is the biggest trade partner.", "biggest trade partner", 1),
        ("Germany is the No. 1 trading partner.", "No. 1 trading partner", 1),
    ],
)
def test_ranks(text: str, span: str, rank: int) -> None:
    f = one(text)
    assert [(text[r.start : r.end], r.rank) for r in f.ranks] == [(span, rank)]
    assert f.numbers == []  # the ordinal is part of the rank


def test_one_of_the_largest_is_no_rank() -> None:
    f = one("Germany is one of the largest trading partners.")
    assert f.ranks == [] and f.numbers == []


# --- growth, shares, fractions ------------------------------------------------------------------


def test_exports_rose_to_trillion_yuan() -> None:
    text = "Exports rose 12.5% to 3.2 trillion yuan."
    f = one(text)
    change, level = f.numbers
    assert text[change.start : change.end] == "12.5%"
    assert (change.value, change.numeral, change.unit, change.role) == (12.5, "12.5", "percent", NumberRole.CHANGE)
    assert text[level.start : level.end] == "3.2 trillion yuan"
    assert (level.value, level.numeral, level.scale, level.unit) == (3.2e12, "3.2", 1e12, "CNY")
    assert level.role is NumberRole.LEVEL and level.qualifier is Qualifier.EXACT  # not a range "12.5% to 3.2"
    assert change.direction is Direction.INCREASE
    assert [m.flow for m in f.flows] == [Flow.EXPORT]


def test_trade_fell_by_almost_a_fifth() -> None:
    text = "Trade fell by almost a fifth."
    f = one(text)
    n = number(text, f)
    assert text[n.start : n.end] == "almost a fifth"
    assert (n.value, n.numeral, n.unit, n.qualifier, n.role) == (20, "20", "percent", Qualifier.NEARLY, NumberRole.CHANGE)
    assert n.direction is Direction.DECREASE
    assert [m.flow for m in f.flows] == [Flow.TOTAL]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Half of the trade went by sea.", "Half", 50),
        ("A quarter of exports went to Russia.", "A quarter", 25),
        ("Two-thirds of exports went to Russia.", "Two-thirds", 66.6667),
        ("Three quarters of exports went to Russia.", "Three quarters", 75),
    ],
)
def test_fractions(text: str, span: str, value: float) -> None:
    n = number(text, one(text))
    assert text[n.start : n.end] == span
    assert n.value == pytest.approx(value) and n.unit == "percent"  # a fraction is read as a percentage
    assert n.role is NumberRole.SHARE


def test_ordinals_are_not_fractions() -> None:
    f = one("It was a third round of talks in the first half.")
    assert f.numbers == []


@pytest.mark.parametrize(
    ("text", "span", "role"),
    [
        ("Imports were up 5% on the year.", "5%", NumberRole.CHANGE),
        ("Imports were down 3.4 per cent.", "3.4 per cent", NumberRole.CHANGE),
        ("Imports saw an increase of 7 percent.", "7 percent", NumberRole.CHANGE),
        ("Imports saw a 7% increase.", "7%", NumberRole.CHANGE),
        ("Imports grew by more than 7 pct.", "more than 7 pct", NumberRole.CHANGE),
        ("Russia took 20.5% of total imports.", "20.5%", NumberRole.SHARE),
        ("Russia had a 20.5% share.", "20.5%", NumberRole.SHARE),
        ("Russia had a share of 20.5%.", "20.5%", NumberRole.SHARE),
        ("Russia accounted for 20.5 percent.", "20.5 percent", NumberRole.SHARE),
        ("Imports rose to $5bn.", "$5bn", NumberRole.PLAIN),
    ],
)
def test_roles(text: str, span: str, role: NumberRole) -> None:
    n = number(text, one(text))
    assert (text[n.start : n.end], n.role) == (span, role)


# --- currencies, scales, number formats ----------------------------------------------------------


def test_imports_from_germany_in_march() -> None:
    text = "Imports from Germany fell 3.4 percent to EUR 1,234.5 million in March 2021."
    f = one(text)
    change, level = f.numbers
    assert (text[change.start : change.end], change.value, change.unit) == ("3.4 percent", 3.4, "percent")
    assert change.role is NumberRole.CHANGE
    assert text[level.start : level.end] == "EUR 1,234.5 million"
    assert (level.value, level.numeral, level.scale, level.unit) == (1.2345e9, "1234.5", 1e6, "EUR")
    assert [(c.iso3, c.possessive) for c in f.countries] == [("DEU", False)]
    assert [m.flow for m in f.flows] == [Flow.IMPORT]
    march = Period(start=date(2021, 3, 1), end=date(2021, 3, 31))
    assert [(text[p.start : p.end], p.period) for p in f.periods] == [("March 2021", march)]


def test_yen_symbol_and_dollars_in_brackets() -> None:
    text = "The trade surplus widened to ¥1.2tn ($180bn) in the first quarter."
    f = one(text)
    yen, usd = f.numbers
    assert text[yen.start : yen.end] == "¥1.2tn"
    assert (yen.value, yen.numeral, yen.scale) == (1.2e12, "1.2", 1e12)
    assert yen.unit == "JPY"  # nothing in the sentence or text says China: the simple rule gives yen
    assert (text[usd.start : usd.end], usd.value, usd.scale, usd.unit) == ("$180bn", 1.8e11, 1e9, "USD")
    assert [m.flow for m in f.flows] == [Flow.BALANCE]
    # "the first quarter" with no year: the latest that had ended by 19 March 2021
    assert [p.period for p in f.periods] == [Period(start=date(2020, 1, 1), end=date(2020, 3, 31))]


def test_yen_symbol_is_yuan_when_the_text_is_about_china() -> None:
    assert one("China's trade surplus widened to ¥1.2tn.").numbers[0].unit == "CNY"
    facts = read("Trade with China grew. The surplus widened to ¥1.2tn.", PUBLISHED)
    assert facts[1].numbers[0].unit == "CNY"  # the text, not the sentence, names China
    assert one("Japan's surplus was ¥1.2tn, more than China's.").numbers[0].unit == "JPY"


def test_iceland_exported_fish() -> None:
    text = "Iceland exported 650,000 tonnes of fish worth ISK 350 billion in 2020."
    f = one(text)
    tonnes, isk = f.numbers
    assert (text[tonnes.start : tonnes.end], tonnes.value, tonnes.numeral, tonnes.unit) == (
        "650,000 tonnes", 650_000, "650000", "tonne")
    assert (text[isk.start : isk.end], isk.value, isk.numeral, isk.scale, isk.unit) == (
        "ISK 350 billion", 3.5e11, "350", 1e9, "ISK")
    assert [(c.iso3, c.possessive) for c in f.countries] == [("ISL", False)]
    assert [m.flow for m in f.flows] == [Flow.EXPORT]
    assert [(text[p.start : p.end], p.period) for p in f.periods] == [("2020", Y2020)]


@pytest.mark.parametrize(
    ("text", "span", "value", "numeral", "scale", "unit"),
    [
        ("It was 1,009.0 tonnes.", "1,009.0 tonnes", 1009.0, "1009.0", 1.0, "tonne"),
        ("It was 107,76 billion.", "107,76 billion", 1.0776e11, "107.76", 1e9, "count"),
        ("It was 1.009,0 tonnes.", "1.009,0 tonnes", 1009.0, "1009.0", 1.0, "tonne"),
        ("It was 107.76 billion.", "107.76 billion", 1.0776e11, "107.76", 1e9, "count"),
        ("It was €5bn.", "€5bn", 5e9, "5", 1e9, "EUR"),
        ("It was £3.5m.", "£3.5m", 3.5e6, "3.5", 1e6, "GBP"),
        ("It was ₽700bn.", "₽700bn", 7e11, "700", 1e9, "RUB"),
        ("It was $50k.", "$50k", 5e4, "50", 1e3, "USD"),
        ("It was 107 bn.", "107 bn", 1.07e11, "107", 1e9, "count"),
        ("It was 5bn euros.", "5bn euros", 5e9, "5", 1e9, "EUR"),
        ("It was 5 billion renminbi.", "5 billion renminbi", 5e9, "5", 1e9, "CNY"),
        ("It was Rmb5bn.", "Rmb5bn", 5e9, "5", 1e9, "CNY"),
        ("It was 700 billion roubles.", "700 billion roubles", 7e11, "700", 1e9, "RUB"),
        ("It was 700 billion rubles.", "700 billion rubles", 7e11, "700", 1e9, "RUB"),
        ("It was 3 million pounds.", "3 million pounds", 3e6, "3", 1e6, "GBP"),
        ("It was 350 billion Icelandic kronur.", "350 billion Icelandic kronur", 3.5e11, "350", 1e9, "ISK"),
        ("It was 350 billion krona.", "350 billion krona", 3.5e11, "350", 1e9, "ISK"),
        ("It was USD bn 107.", "USD bn 107", 1.07e11, "107", 1e9, "USD"),
        ("It was 107 billion USD.", "107 billion USD", 1.07e11, "107", 1e9, "USD"),
        ("It was one hundred and seven billion dollars.", "one hundred and seven billion dollars",
         1.07e11, "107", 1e9, "USD"),
        ("It was a billion dollars.", "a billion dollars", 1e9, "1", 1e9, "USD"),
        ("It was twenty-three ships.", "twenty-three", 23, "23", 1.0, "count"),
        ("It was eleven ships.", "eleven", 11, "11", 1.0, "count"),
        ("It was 12.5 percent.", "12.5 percent", 12.5, "12.5", 1.0, "percent"),
        ("It was 12.5 per cent.", "12.5 per cent", 12.5, "12.5", 1.0, "percent"),
    ],
)
def test_number_forms(text: str, span: str, value: float, numeral: str, scale: float, unit: str) -> None:
    n = number(text, one(text))
    assert text[n.start : n.end] == span
    assert n.value == pytest.approx(value, rel=1e-12)
    assert (n.numeral, n.scale, n.unit) == (numeral, scale, unit)


def test_numbers_are_exact_in_base_units() -> None:
    text = "It rose to 107.76 billion dollars."
    n = number(text, one(text))
    assert n.value == 107_760_000_000.0


# --- qualifiers and ranges ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("exceeding", Qualifier.OVER), ("over", Qualifier.OVER), ("more than", Qualifier.OVER),
        ("above", Qualifier.OVER), ("topped", Qualifier.OVER),
        ("just over", Qualifier.JUST_OVER), ("slightly more than", Qualifier.JUST_OVER),
        ("a little over", Qualifier.JUST_OVER),
        ("under", Qualifier.UNDER), ("less than", Qualifier.UNDER), ("below", Qualifier.UNDER),
        ("fewer than", Qualifier.UNDER),
        ("just under", Qualifier.JUST_UNDER), ("slightly less than", Qualifier.JUST_UNDER),
        ("nearly", Qualifier.NEARLY), ("almost", Qualifier.NEARLY), ("close to", Qualifier.NEARLY),
        ("about", Qualifier.ABOUT), ("around", Qualifier.ABOUT), ("roughly", Qualifier.ABOUT),
        ("approximately", Qualifier.ABOUT), ("some", Qualifier.ABOUT), ("an estimated", Qualifier.ABOUT),
        ("circa", Qualifier.ABOUT), ("~", Qualifier.ABOUT),
        ("at least", Qualifier.AT_LEAST), ("no less than", Qualifier.AT_LEAST),
        ("up to", Qualifier.UP_TO), ("as much as", Qualifier.UP_TO),
    ],
)
def test_qualifiers(phrase: str, qualifier: Qualifier) -> None:
    text = f"Trade was {phrase} $107 billion."
    n = number(text, one(text))
    assert n.qualifier is qualifier
    assert text[n.start : n.end] == f"{phrase} $107 billion"  # the span starts at the qualifier
    assert n.value == 1.07e11


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Trade was between $100 billion and $110 billion.", "between $100 billion and $110 billion", "USD"),
        ("Trade was between 100 and 110 billion dollars.", "between 100 and 110 billion dollars", "USD"),
        ("Trade was $100-110bn.", "$100-110bn", "USD"),
        ("Trade was $100–110 billion.", "$100–110 billion", "USD"),
        ("Trade was 100 to 110 billion.", "100 to 110 billion", "count"),
    ],
)
def test_ranges(text: str, span: str, unit: str) -> None:
    n = number(text, one(text))
    assert text[n.start : n.end] == span
    assert n.qualifier is Qualifier.RANGE
    assert (n.value, n.numeral, n.high, n.high_numeral, n.scale, n.unit) == (1e11, "100", 1.1e11, "110", 1e9, unit)


def test_from_a_to_b_is_two_figures() -> None:
    text = "The share rose from 5% to 6%."
    f = one(text)
    assert spans(text, f.numbers) == ["5%", "6%"]
    assert all(n.qualifier is Qualifier.EXACT for n in f.numbers)


def test_between_without_a_second_number() -> None:
    text = "Trade between 2019 and the pandemic grew."
    f = one(text)
    assert f.numbers == []
    assert [p.period for p in f.periods] == [Period.year(2019)]


# --- numbers that are not quantities --------------------------------------------------------------


def test_five_phone_calls_is_a_count_and_no_trade_flow() -> None:
    text = "Xi made five phone calls to Putin last year."
    f = one(text)
    n = number(text, f)
    assert (text[n.start : n.end], n.value, n.numeral, n.unit) == ("five", 5, "5", "count")
    assert n.role is NumberRole.PLAIN and n.qualifier is Qualifier.EXACT
    assert f.flows == [] and f.countries == [] and f.ranks == []


def test_covid_19() -> None:
    text = "The COVID-19 pandemic disrupted shipments."
    f = one(text)
    n = number(text, f)
    assert (text[n.start : n.end], n.value, n.unit) == ("19", 19, "count")
    assert f.periods == []


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov arrived on 19 March 2021.",
        "Lavrov arrived on March 19, 2021.",
        "Lavrov arrived on 2021-03-19 at 14:30.",
        "Lavrov arrived on 19/03/2021.",
        "Lavrov arrived on March 19th.",
    ],
)
def test_dates_are_not_numbers(text: str) -> None:
    f = one(text)
    assert f.numbers == [] and f.periods == []


@pytest.mark.parametrize(
    ("text", "span", "period"),
    [
        ("Trade grew in 2020.", "2020", Y2020),
        ("Trade grew in the year 2020.", "the year 2020", Y2020),
        ("2020 was a hard year.", "2020", Y2020),
        ("Trade in 2019-20 grew.", "2019-20", Period(start=date(2019, 1, 1), end=date(2020, 12, 31))),
        ("Trade grew in Q1 2021.", "Q1 2021", Period(start=date(2021, 1, 1), end=date(2021, 3, 31))),
        ("Trade grew in the first quarter of 2021.", "first quarter of 2021",
         Period(start=date(2021, 1, 1), end=date(2021, 3, 31))),
        ("Trade grew in the first half of last year.", "first half of last year",
         Period(start=date(2020, 1, 1), end=date(2020, 6, 30))),
        ("Trade grew in the first eight months of 2020.", "first eight months of 2020",
         Period(start=date(2020, 1, 1), end=date(2020, 8, 31))),
        ("Trade grew this year.", "this year", Period.year(2021)),
        ("Last year's trade grew.", "Last year", Y2020),
    ],
)
def test_periods(text: str, span: str, period: Period) -> None:
    f = one(text)
    assert [(text[p.start : p.end], p.period) for p in f.periods] == [(span, period)]
    assert f.numbers == []


def test_a_number_that_looks_like_a_year_but_counts_something() -> None:
    text = "They shipped 2000 tonnes."
    n = number(text, one(text))
    assert (n.value, n.unit) == (2000, "tonne")


def test_codes_and_ordinals_are_not_figures() -> None:
    assert one("The G20 met about 5G and the 20th anniversary.").numbers == []


# --- countries, pairs, sources -------------------------------------------------------------------


def test_sino_russian_is_two_countries_and_a_pair() -> None:
    text = "Sino-Russian trade grew."
    f = one(text)
    assert [(text[c.start : c.end], c.iso3) for c in f.countries] == [("Sino", "CHN"), ("Russian", "RUS")]
    assert spans(text, f.pairs) == ["Sino-Russian"]


def test_countries_and_what_is_not_one() -> None:
    text = "The U.S. and the EU sold Chinaware, turkey and US dollars to Turkey, Latin American and New Mexico buyers."
    f = one(text)
    assert [(text[c.start : c.end], c.iso3) for c in f.countries] == [
        ("U.S.", "USA"), ("EU", "EUU"), ("Turkey", "TUR")]


def test_curly_possessive() -> None:
    text = "China’s exports to Russia’s east grew."
    f = one(text)
    assert [(text[c.start : c.end], c.iso3, c.possessive) for c in f.countries] == [
        ("China", "CHN", True), ("Russia", "RUS", True)]


@pytest.mark.parametrize(
    ("text", "span", "reporter"),
    [
        ("According to Chinese customs, trade grew.", "According to Chinese customs", "CHN"),
        ("China's customs said trade grew.", "China's customs", "CHN"),
        ("Russian customs data show trade grew.", "Russian customs data", "RUS"),
        ("According to the General Administration of Customs, trade grew.",
         "According to the General Administration of Customs", "CHN"),
        ("Russia's Federal Customs Service said trade grew.", "Russia's Federal Customs Service", "RUS"),
        ("The Federal Customs Service said trade grew.", "The Federal Customs Service", "RUS"),
        ("Statistics Iceland said trade grew.", "Statistics Iceland", "ISL"),
    ],
)
def test_sources(text: str, span: str, reporter: str) -> None:
    f = one(text)
    assert [(text[s.start : s.end], s.reporter) for s in f.sources] == [(span, reporter)]


@pytest.mark.parametrize(
    ("text", "flows"),
    [
        ("Two-way trade grew.", [("Two-way trade", Flow.TOTAL)]),
        ("Trade turnover grew.", [("Trade turnover", Flow.TOTAL)]),
        ("The trade volume grew.", [("trade volume", Flow.TOTAL)]),
        ("The trade balance improved.", [("trade balance", Flow.BALANCE)]),
        ("The deficit narrowed.", [("deficit", Flow.BALANCE)]),
        ("Shipments to Russia grew.", [("Shipments to", Flow.EXPORT)]),
        ("Russia imported more.", [("imported", Flow.IMPORT)]),
        ("The trade war and trade talks and the budget deficit went on.", []),
    ],
)
def test_flows(text: str, flows: list[tuple[str, Flow]]) -> None:
    f = one(text)
    assert [(text[m.start : m.end], m.flow) for m in f.flows] == flows
    assert f.numbers == []


# --- sentences ------------------------------------------------------------------------------------


def test_sentence_splitter_keeps_abbreviations_and_decimals_together() -> None:
    text = (
        "The U.S. exported $1.2tn to China. Mr. Smith said trade hit 107.76 billion in Jan. 2021! "
        "Was it No. 1? Yes.\n\nA new paragraph\n- a bullet"
    )
    got = [text[a:b] for a, b in sentences(text)]
    assert got == [
        "The U.S. exported $1.2tn to China.",
        "Mr. Smith said trade hit 107.76 billion in Jan. 2021!",
        "Was it No. 1?",
        "Yes.",
        "A new paragraph",
        "- a bullet",
    ]
    facts = read(text, PUBLISHED)
    assert [(f.start, f.end) for f in facts] == sentences(text)
    check_offsets(text, facts)


def test_sentence_ends_after_a_closing_quote() -> None:
    text = 'He said "trade grew 5%." Then he left.'
    assert [text[a:b] for a, b in sentences(text)] == ['He said "trade grew 5%."', "Then he left."]


def test_empty_and_blank_text() -> None:
    assert read("", PUBLISHED) == []
    assert read("  \n\n ... !!", PUBLISHED) == []


# --- robustness -----------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list(
    "aAbBcCeEiInNoOrRsStTuUyY0123456789 .,;:!?'’\"()-–—$€£¥₽%~/\n\t"
)) | st.sampled_from([
    " billion", " bn", "US$", " USD ", " per cent", " years in a row", "the two countries ", "Russia's ",
    "China", "Sino-", " between ", " and ", " to ", "last year", " in 2020", "March ", "a fifth", "half",
    " more than ", "twenty-", "three", "11th ", " consecutive year", "No. ", "largest trading partner",
]) | st.characters()


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from([PUBLISHED, None]))
def test_read_never_raises_and_spans_stay_inside_the_text(text: str, published: date | None) -> None:
    facts = read(text, published)
    check_offsets(text, facts)
    previous_end = 0
    for f in facts:
        assert f.start >= previous_end  # sentences in order, not overlapping
        previous_end = f.end
        for n in f.numbers:
            assert n.unit == "count" or n.unit in ("percent", "year") or (len(n.unit) == 3 and n.unit.isupper())
            float(n.numeral)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_read_never_raises_on_any_unicode(text: str) -> None:
    check_offsets(text, read(text, PUBLISHED))


def test_every_mention_type_is_a_frozen_dataclass_with_offsets() -> None:
    f = one("China has been Russia's largest trading partner for 11 consecutive years, according to Chinese customs.")
    for name in MENTION_LISTS:
        for m in getattr(f, name):
            assert {"start", "end"} <= {fl.name for fl in fields(m)}


MEGABYTE = 1_000_000
DENSE = MEGABYTE // 4  # inputs where every token is a figure or a name: a quarter is enough to show linearity


@pytest.mark.parametrize(
    "text",
    [
        "1" * MEGABYTE,
        "a" * MEGABYTE,
        "(" * 100_000 + "x" + ")" * 100_000,
        "[" * 100_000 + "1" + "]" * 100_000,
        "." * MEGABYTE,
        "1," * (DENSE // 2),
        "A." * (MEGABYTE // 2),
        "$" * MEGABYTE,
        "between " * (MEGABYTE // 8),
        "Sino-" * (DENSE // 5),
        "United " * (MEGABYTE // 7),
    ],
    ids=["digits", "letters", "nested-parens", "nested-brackets-number", "dots", "comma-digits",
         "initials", "dollar-signs", "between", "sino", "united"],
)
def test_adversarial_megabyte_inputs_complete(text: str) -> None:
    """Not timed: pytest --durations shows how long each took. Each must simply finish."""
    facts = read(text, PUBLISHED)
    assert isinstance(facts, list)


def test_a_named_compilation_is_cited_by_its_name() -> None:
    from service.extract import extract

    found = extract("China supplied 15% of America's imports in 2023, according to the CIA World Factbook.", "en")
    assert [c.cited_source for c in found.claims] == ["CIA World Factbook"]
