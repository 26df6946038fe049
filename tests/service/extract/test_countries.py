"""Country names to ISO 3166 alpha-3, Icelandic through BÍN lemmas and English by name."""

from __future__ import annotations

import pytest
from islenska import Bin

from service.extract.countries import (
    EU,
    from_english,
    from_icelandic_lemma,
    icelandic_adjective,
    match_english,
)


@pytest.fixture(scope="module")
def bin_() -> Bin:
    return Bin()


def resolve_form(bin_: Bin, form: str) -> set[str]:
    """What the Icelandic front end does: look the word form up, keep 'lönd' lemmas, resolve."""
    _, entries = bin_.lookup(form)
    lemmas = {e.ord for e in entries if e.hluti == "lönd"}
    return {iso for lemma in lemmas if (iso := from_icelandic_lemma(lemma))}


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("Rússlands", "RUS"),  # genitive: "stærsti viðskiptafélagi Rússlands"
        ("Rússlandi", "RUS"),
        ("Rússland", "RUS"),
        ("Kína", "CHN"),
        ("Bandaríkjanna", "USA"),  # plural definite genitive of the lemma Bandaríki
        ("Bandaríkjunum", "USA"),
        ("Bandaríkin", "USA"),
        ("Þýskalands", "DEU"),
        ("Íslands", "ISL"),
        ("Bretlands", "GBR"),
        ("Noregi", "NOR"),
        ("Japans", "JPN"),
        ("Indlands", "IND"),
        ("Brasilíu", "BRA"),
        ("Mexíkó", "MEX"),
        ("Hollands", "NLD"),
        ("Frakklands", "FRA"),
        ("Kanada", "CAN"),
        ("Suður-Kóreu", "KOR"),
        ("Hvíta-Rússlands", "BLR"),
        ("Úkraínu", "UKR"),
        ("Spánar", "ESP"),
        ("Færeyja", "FRO"),
    ],
)
def test_inflected_icelandic_forms_resolve_through_bin(bin_: Bin, form: str, iso3: str) -> None:
    assert resolve_form(bin_, form) == {iso3}


@pytest.mark.parametrize(
    ("lemma", "iso3"),
    [
        ("Kína", "CHN"), ("Rússland", "RUS"), ("Bandaríki", "USA"), ("Þýskaland", "DEU"),
        ("Ísland", "ISL"), ("Bretland", "GBR"), ("Noregur", "NOR"), ("Japan", "JPN"),
        ("Indland", "IND"), ("Brasilía", "BRA"), ("Mexíkó", "MEX"), ("Holland", "NLD"),
        ("Frakkland", "FRA"), ("Kanada", "CAN"), ("Suður-Kórea", "KOR"), ("Hvíta-Rússland", "BLR"),
        ("Úkraína", "UKR"), ("Evrópusambandið", EU), ("Evrópusamband", EU), ("ESB", EU),
        ("Danmörk", "DNK"), ("Sviss", "CHE"), ("Tyrkland", "TUR"), ("Pakistan", "PAK"),
    ],
)
def test_icelandic_lemmas(lemma: str, iso3: str) -> None:
    assert from_icelandic_lemma(lemma) == iso3


def test_eu_is_the_comtrade_bloc_code() -> None:
    assert EU == "EUU"


def test_icelandic_lemmas_are_case_sensitive_and_unknown_words_are_none() -> None:
    assert from_icelandic_lemma("kína") is None  # the currency kina, not China
    assert from_icelandic_lemma("viðskiptafélagi") is None
    assert from_icelandic_lemma("") is None


def test_evropusambandid_inflected_through_bin(bin_: Bin) -> None:
    # 'Evrópusamband' is an 'alm' word in BÍN, not 'lönd', so it resolves by lemma directly
    _, entries = bin_.lookup("Evrópusambandsins")
    assert {from_icelandic_lemma(e.ord) for e in entries} == {EU}


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("kínverskum", "CHN"),  # "samkvæmt kínverskum tollyfirvöldum"
        ("rússneskra", "RUS"),
        ("bandarískum", "USA"),
        ("íslenskum", "ISL"),
        ("þýskum", "DEU"),
        ("breskum", "GBR"),
        ("japönskum", "JPN"),
        ("hollenskum", "NLD"),
    ],
)
def test_icelandic_adjectives_through_bin(bin_: Bin, form: str, iso3: str) -> None:
    _, entries = bin_.lookup(form)
    found = {icelandic_adjective(e.ord) for e in entries if e.ofl == "lo"}
    assert found == {iso3}


def test_icelandic_adjective_lemmas() -> None:
    assert icelandic_adjective("kínverskur") == "CHN"
    assert icelandic_adjective("rússneskur") == "RUS"
    assert icelandic_adjective("Kínverskur") == "CHN"
    assert icelandic_adjective("evrópskur") is None  # European is not the EU
    assert icelandic_adjective("stór") is None


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("China", "CHN"), ("People's Republic of China", "CHN"), ("People’s Republic of China", "CHN"),
        ("PRC", "CHN"), ("Russia", "RUS"), ("Russian Federation", "RUS"), ("the Russian Federation", "RUS"),
        ("United States", "USA"), ("the United States", "USA"), ("US", "USA"), ("U.S.", "USA"),
        ("USA", "USA"), ("America", "USA"), ("Germany", "DEU"), ("Iceland", "ISL"), ("Britain", "GBR"),
        ("UK", "GBR"), ("U.K.", "GBR"), ("United Kingdom", "GBR"), ("the EU", EU), ("EU", EU),
        ("European Union", EU), ("Chinese", "CHN"), ("Russian", "RUS"), ("American", "USA"),
        ("German", "DEU"), ("Icelandic", "ISL"), ("British", "GBR"), ("Sino", "CHN"),
        ("South Korea", "KOR"), ("North Korea", "PRK"), ("Viet Nam", "VNM"), ("Vietnam", "VNM"),
        ("Netherlands", "NLD"), ("Côte d'Ivoire", "CIV"), ("Bolivia", "BOL"), ("Iran", "IRN"),
        ("Taiwan", "TWN"), ("Türkiye", "TUR"), ("Czechia", "CZE"), ("Guinea-Bissau", "GNB"),
        ("Turkey", "TUR"), ("Chad", "TCD"), ("Jordan", "JOR"), ("CHINA", "CHN"), ("russia", "RUS"),
        ("  United\n States ", "USA"),
    ],
)
def test_english_names(name: str, iso3: str) -> None:
    assert from_english(name) == iso3


@pytest.mark.parametrize(
    "name",
    ["us", "u.s.", "Us", "china", "Chinaware", "turkey", "chad", "jordan", "japan", "Trade", "", "the", "Sinology"],
)
def test_english_non_names(name: str) -> None:
    assert from_english(name) is None


def test_match_english_takes_the_longest_name_and_the_possessive() -> None:
    assert match_english(["United", "States", "and"]) == (2, "USA", False)
    assert match_english(["People's", "Republic", "of", "China's", "exports"]) == (4, "CHN", True)
    assert match_english(["Russia's"]) == (1, "RUS", True)
    assert match_english(["Russia’s"]) == (1, "RUS", True)
    assert match_english(["Sino", "-", "Russian"]) == (1, "CHN", False)
    assert match_english(["Guinea", "-", "Bissau"]) == (3, "GNB", False)
    assert match_english(["South", "African"]) == (2, "ZAF", False)
    assert match_english(["Latin", "America"]) is None
    assert match_english(["United", "United", "United"]) is None
    assert match_english([]) is None


def test_match_english_reads_no_further_than_a_name_could_go() -> None:
    read: list[str] = []

    def words() -> object:
        for w in ["Iceland", "exported", "fish", "to", "Russia"]:
            read.append(w)
            yield w

    assert match_english(words()) == (1, "ISL", False)  # type: ignore[arg-type]
    assert read == ["Iceland", "exported"]
