"""Country names in Icelandic and English, resolved to ISO 3166 alpha-3 codes.

Icelandic is keyed on the BÍN lemma (``Rússlands`` -> lemma ``Rússland`` -> RUS), so one table entry
covers every inflection. The table is seeded from pycountry's Icelandic translations, each single-word
name lemmatised through BÍN, with overrides where the translation is not the everyday name
("Rússneska sambandið" is not what a newspaper calls Russia). English is keyed on names, short forms
and adjectives, with capitalisation rules where a name is also a common word ("turkey", "china").

The European Union is a bloc, not an ISO 3166 country; it gets ``EUU`` (the code UN Comtrade and the
World Bank use for it).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from functools import cache
from itertools import pairwise

import pycountry

#: The code for the European Union as a trading bloc.
EU = "EUU"

# --- Icelandic --------------------------------------------------------------------------------

#: Everyday Icelandic names (BÍN lemmas) that the pycountry catalogue lacks or words differently.
_IS_OVERRIDES: dict[str, str] = {
    "Rússland": "RUS",
    "Bandaríki": "USA",
    "Bandaríkin": "USA",
    "Hvíta-Rússland": "BLR",
    "Hvítarússland": "BLR",
    "Suður-Kórea": "KOR",
    "Kórea": "KOR",
    "Norður-Kórea": "PRK",
    "Bretland": "GBR",
    "Stóra-Bretland": "GBR",
    "Holland": "NLD",
    "Niðurlönd": "NLD",
    "Japan": "JPN",
    "Tævan": "TWN",
    "Taívan": "TWN",
    "Hong Kong": "HKG",
    "Suður-Súdan": "SSD",
    "Sýrland": "SYR",
    "Laos": "LAO",
    "Laó": "LAO",
    "Moldóva": "MDA",
    "Moldavía": "MDA",
    "Makaó": "MAC",
    "Evrópusamband": EU,
    "Evrópusambandið": EU,
    "ESB": EU,
}

#: Nationality adjectives by BÍN lemma ("samkvæmt kínverskum tollyfirvöldum").
_IS_ADJECTIVES: dict[str, str] = {
    "kínverskur": "CHN", "rússneskur": "RUS", "bandarískur": "USA", "íslenskur": "ISL",
    "þýskur": "DEU", "breskur": "GBR", "japanskur": "JPN", "indverskur": "IND",
    "brasilískur": "BRA", "mexíkóskur": "MEX", "hollenskur": "NLD", "franskur": "FRA",
    "kanadískur": "CAN", "suðurkóreskur": "KOR", "suður-kóreskur": "KOR", "kóreskur": "KOR",
    "norðurkóreskur": "PRK", "norður-kóreskur": "PRK", "hvítrússneskur": "BLR",
    "hvít-rússneskur": "BLR", "úkraínskur": "UKR", "norskur": "NOR", "danskur": "DNK",
    "sænskur": "SWE", "finnskur": "FIN", "spænskur": "ESP", "ítalskur": "ITA",
    "tyrkneskur": "TUR", "pólskur": "POL", "írskur": "IRL", "svissneskur": "CHE",
    "austurrískur": "AUT", "belgískur": "BEL", "ástralskur": "AUS", "færeyskur": "FRO",
    "grænlenskur": "GRL", "sádiarabískur": "SAU", "sádi-arabískur": "SAU", "egypskur": "EGY",
    "ísraelskur": "ISR", "íranskur": "IRN", "íraskur": "IRQ", "víetnamskur": "VNM",
    "portúgalskur": "PRT", "grískur": "GRC", "ungverskur": "HUN", "tékkneskur": "CZE",
    "rúmenskur": "ROU", "búlgarskur": "BGR", "serbneskur": "SRB", "króatískur": "HRV",
    "slóvenskur": "SVN", "slóvakískur": "SVK", "eistneskur": "EST", "lettneskur": "LVA",
    "litháískur": "LTU", "nýsjálenskur": "NZL", "suðurafrískur": "ZAF", "suður-afrískur": "ZAF",
    "argentínskur": "ARG", "chileskur": "CHL", "kólumbískur": "COL", "perúskur": "PER",
    "indónesískur": "IDN", "malasískur": "MYS", "tælenskur": "THA", "taílenskur": "THA",
    "filippseyskur": "PHL", "singapúrskur": "SGP", "pakistanskur": "PAK", "nígerískur": "NGA",
    "tævanskur": "TWN", "taívanskur": "TWN", "kasakskur": "KAZ", "mongólskur": "MNG",
}

#: The people of a country by BÍN lemma ("Íslendingar fluttu út ...": Iceland's exports).
_IS_DEMONYMS: dict[str, str] = {
    "Íslendingur": "ISL", "Kínverji": "CHN", "Rússi": "RUS", "Bandaríkjamaður": "USA", "Þjóðverji": "DEU",
    "Norðmaður": "NOR", "Breti": "GBR", "Japani": "JPN", "Færeyingur": "FRO", "Dani": "DNK", "Svíi": "SWE",
    "Frakki": "FRA", "Spánverji": "ESP", "Pólverji": "POL", "Indverji": "IND", "Kanadamaður": "CAN",
    "Hollendingur": "NLD", "Ítali": "ITA", "Grænlendingur": "GRL", "Finni": "FIN", "Úkraínumaður": "UKR",
    "Tyrki": "TUR", "Brasilíumaður": "BRA", "Mexíkói": "MEX", "Ástrali": "AUS", "Svisslendingur": "CHE",
    "Belgi": "BEL", "Íri": "IRL", "Portúgali": "PRT", "Grikki": "GRC", "Víetnami": "VNM",
}

_PAREN = re.compile(r"\s*\([^()]*\)")


def _catalogue(language: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:  # a pycountry build without locales: the overrides still work
        return gettext.NullTranslations()


def _names(country: object) -> list[str]:
    """The English names pycountry has for one country, longest form first."""
    names = [getattr(country, attr, None) for attr in ("official_name", "name", "common_name")]
    return [n for n in names if n]


@cache
def _icelandic_table() -> dict[str, str]:
    from islenska import Bin

    bin_ = Bin()
    tr = _catalogue("is")
    table: dict[str, str] = {}
    short_forms: list[tuple[str, str]] = []
    for country in pycountry.countries:
        for english in _names(country):
            name = _PAREN.sub("", tr.gettext(english)).strip()
            if not name:
                continue
            head, comma, _ = name.partition(",")
            if comma:
                short_forms.append((head.strip(), country.alpha_3))
                continue
            table.setdefault(name, country.alpha_3)
            _, entries = bin_.lookup(name)
            for entry in entries:
                # 'lönd' marks a country; a multi-word BÍN entry ("Sameinuðu arabísku furstadæmi")
                # is a name too. Lower-case compound analyses ("hvíta-rúss-land") are not.
                multi_word = " " in name and entry.ord[:1].isupper() and entry.ord.count("-") <= name.count("-")
                if entry.hluti == "lönd" or multi_word:
                    table.setdefault(entry.ord, country.alpha_3)
    for name, iso3 in short_forms:  # "Kongó, sambandslýðveldið": "Kongó" only if still free
        table.setdefault(name, iso3)
        _, entries = bin_.lookup(name)
        for entry in entries:
            if entry.hluti == "lönd":
                table.setdefault(entry.ord, iso3)
    table.update(_IS_OVERRIDES)
    return table


def from_icelandic_lemma(lemma: str) -> str | None:
    """ISO 3166 alpha-3 for a BÍN lemma of a country name ("Rússland" -> "RUS"), else None.

    Case matters: BÍN writes names with a capital, and "kína" (the currency kina) is not "Kína".
    """
    return _icelandic_table().get(lemma.strip())


def icelandic_demonym(lemma: str) -> str | None:
    """ISO 3166 alpha-3 for the people of a country by BÍN lemma ("Íslendingur" -> "ISL")."""
    return _IS_DEMONYMS.get(lemma.strip())


def icelandic_adjective(lemma: str) -> str | None:
    """ISO 3166 alpha-3 for a nationality adjective by BÍN lemma ("kínverskur" -> "CHN")."""
    return _IS_ADJECTIVES.get(lemma.strip().lower())


# --- English ----------------------------------------------------------------------------------

#: Abbreviations: matched only exactly as written ("US" is a country, "us" is not).
_EN_ABBREVIATIONS: dict[str, str] = {
    "US": "USA", "U.S.": "USA", "USA": "USA", "U.S.A.": "USA",
    "UK": "GBR", "U.K.": "GBR", "GB": "GBR",
    "EU": EU, "E.U.": EU, "EEA": "EEA",
    "PRC": "CHN", "P.R.C.": "CHN",
    "UAE": "ARE", "U.A.E.": "ARE",
    "DPRK": "PRK", "ROK": "KOR", "DRC": "COD",
}

#: Names and short forms pycountry does not carry, keyed in lower case.
_EN_ALIASES: dict[str, str] = {
    "america": "USA", "united states of america": "USA",
    "britain": "GBR", "great britain": "GBR",
    "russia": "RUS", "mainland china": "CHN", "people's republic of china": "CHN",
    "european union": EU, "european economic area": "EEA",
    # the people of a country: "Icelanders exported ..."
    "icelanders": "ISL", "russians": "RUS", "americans": "USA", "germans": "DEU", "norwegians": "NOR",
    "britons": "GBR", "danes": "DNK", "swedes": "SWE", "finns": "FIN", "faroese": "FRO",
    "south korea": "KOR", "korea": "KOR", "republic of korea": "KOR", "north korea": "PRK",
    "holland": "NLD", "the netherlands": "NLD",
    "turkey": "TUR", "czech republic": "CZE", "vietnam": "VNM", "laos": "LAO", "syria": "SYR",
    "iran": "IRN", "taiwan": "TWN", "ivory coast": "CIV", "burma": "MMR", "swaziland": "SWZ",
    "cape verde": "CPV", "east timor": "TLS", "vatican": "VAT", "vatican city": "VAT",
    "macedonia": "MKD", "palestine": "PSE", "moldova": "MDA", "bolivia": "BOL",
    "venezuela": "VEN", "tanzania": "TZA", "brunei": "BRN", "democratic republic of the congo": "COD",
    # prefixes of compounds: "Sino-Russian", "Russo-Japanese", "Indo-Pakistani"
    "sino": "CHN", "russo": "RUS", "indo": "IND",
}

#: Nationality adjectives (and "South African" and the like), keyed in lower case.
_EN_ADJECTIVES: dict[str, str] = {
    "chinese": "CHN", "russian": "RUS", "american": "USA", "german": "DEU", "icelandic": "ISL",
    "british": "GBR", "japanese": "JPN", "indian": "IND", "brazilian": "BRA", "mexican": "MEX",
    "dutch": "NLD", "french": "FRA", "canadian": "CAN", "south korean": "KOR", "korean": "KOR",
    "north korean": "PRK", "belarusian": "BLR", "belarussian": "BLR", "ukrainian": "UKR",
    "norwegian": "NOR", "danish": "DNK", "swedish": "SWE", "finnish": "FIN", "spanish": "ESP",
    "italian": "ITA", "turkish": "TUR", "polish": "POL", "irish": "IRL", "swiss": "CHE",
    "austrian": "AUT", "belgian": "BEL", "australian": "AUS", "saudi": "SAU", "egyptian": "EGY",
    "israeli": "ISR", "iranian": "IRN", "iraqi": "IRQ", "vietnamese": "VNM", "kazakh": "KAZ",
    "portuguese": "PRT", "greek": "GRC", "hungarian": "HUN", "czech": "CZE", "romanian": "ROU",
    "bulgarian": "BGR", "serbian": "SRB", "croatian": "HRV", "estonian": "EST", "latvian": "LVA",
    "lithuanian": "LTU", "taiwanese": "TWN", "indonesian": "IDN", "malaysian": "MYS",
    "thai": "THA", "filipino": "PHL", "philippine": "PHL", "singaporean": "SGP",
    "pakistani": "PAK", "nigerian": "NGA", "south african": "ZAF", "argentine": "ARG",
    "argentinian": "ARG", "chilean": "CHL", "colombian": "COL", "peruvian": "PER",
    "emirati": "ARE", "qatari": "QAT", "kuwaiti": "KWT", "mongolian": "MNG", "uzbek": "UZB",
    "faroese": "FRO", "greenlandic": "GRL", "slovak": "SVK", "slovenian": "SVN",
    "syrian": "SYR", "venezuelan": "VEN", "cuban": "CUB", "moroccan": "MAR", "algerian": "DZA",
    "kenyan": "KEN", "ethiopian": "ETH", "bangladeshi": "BGD", "sri lankan": "LKA",
    "afghan": "AFG", "armenian": "ARM", "azerbaijani": "AZE", "moldovan": "MDA",
    "new zealand": "NZL", "hong kong": "HKG",
}

#: Names that are also ordinary English words: they need a capital letter.
_COMMON_WORDS = frozenset({
    "turkey", "chad", "jordan", "china", "japan", "guinea", "georgia", "jersey", "panama",
    "chile", "cuba", "malta", "niger", "oman", "peru", "togo", "mali", "polish", "swiss",
    "french", "dutch", "indian", "american", "greek", "russian", "german", "thai", "saudi",
    "sino", "russo", "indo", "korea", "iran", "india", "nauru", "tonga", "fiji", "monaco",
    "guernsey", "man", "christmas", "norfolk", "cook", "reunion", "martinique", "dominica",
    "grenada", "bermuda", "jamaica", "lebanon", "canada",
})

_SPACES = re.compile(r"\s+")


def _normal(name: str) -> str:
    return _SPACES.sub(" ", name.replace("’", "'").strip())


@cache
def _english_table() -> dict[str, str]:
    table: dict[str, str] = {}
    short_forms: list[tuple[str, str]] = []
    for country in pycountry.countries:
        for name in _names(country):
            clean = _PAREN.sub("", name).strip().lower()
            head, comma, _ = clean.partition(",")
            if comma:  # "Korea, Republic of": "korea" only if no country is called just that
                short_forms.append((head.strip(), country.alpha_3))
            else:
                table.setdefault(clean, country.alpha_3)
    for head, iso3 in short_forms:
        table.setdefault(head, iso3)
    table.update(_EN_ALIASES)
    table.update(_EN_ADJECTIVES)
    return table


def is_english_adjective(words: list[str]) -> bool:
    """Whether a matched English name (lower-case tokens) is a nationality adjective ("Chinese")."""
    return " ".join(w for w in words if w != "-") in _EN_ADJECTIVES


def from_english(name: str) -> str | None:
    """ISO 3166 alpha-3 for an English country name, short form or adjective, else None.

    "China", "People's Republic of China", "PRC", "the U.S.", "Russian", "Sino" (of "Sino-Russian"),
    "the EU" -> "EUU". Abbreviations must be written as such ("US", not "us"); names that are also
    common words ("Turkey", "China") need a capital; other names match in any case.
    """
    text = _normal(name)
    if text[:4].lower() == "the ":
        text = text[4:]
    if not text:
        return None
    if text in _EN_ABBREVIATIONS:
        return _EN_ABBREVIATIONS[text]
    key = text.lower()
    iso3 = _english_table().get(key)
    if iso3 is None:
        return None
    if not text[0].isupper() and (key in _COMMON_WORDS or len(key) <= 3):
        return None
    return iso3


_NAME_WORDS = re.compile(r"[^\s-]+|-")


@cache
def _english_prefixes() -> frozenset[tuple[str, ...]]:
    """Every leading run of words of every English name ("south",), ("south", "korea"), ..."""
    keys = [*_english_table(), *(k.lower() for k in _EN_ABBREVIATIONS)]
    prefixes: set[tuple[str, ...]] = set()
    for key in keys:
        words = tuple(_NAME_WORDS.findall(key))
        prefixes.update(words[:k] for k in range(1, len(words) + 1))
    return frozenset(prefixes)


def match_english(words: Iterable[str]) -> tuple[int, str, bool] | None:
    """The longest country name at the start of ``words`` (tokens as written; "-" is a token).

    Returns how many tokens the name takes, its alpha-3 and whether its last token is a
    possessive ("Russia's": the name is "Russia"), or None. Reads only as many tokens as could
    still be part of a name, so a scanner can call it at every capitalised word.
    """
    prefixes = _english_prefixes()
    lowered: list[str] = []
    written: list[str] = []
    best: tuple[int, str, bool] | None = None
    for word in words:
        possessive = False
        if (*lowered, word.lower()) not in prefixes:
            stem = word[:-2] if word[-2:] in ("'s", "’s") else ""
            if not stem or (*lowered, stem.lower()) not in prefixes:
                break
            word, possessive = stem, True
        lowered.append(word.lower())
        written.append(word)
        iso3 = from_english(_join(written))
        if iso3 is not None:
            best = (len(written), iso3, possessive)
        if possessive:
            break
    return best


def _join(words: list[str]) -> str:
    """Tokens back into a name: spaces between words, none around hyphens."""
    out = words[0]
    for before, word in pairwise(words):
        out += word if word == "-" or before == "-" else " " + word
    return out
