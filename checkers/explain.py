"""Writing figures, names and phrases the way the article's language writes them.

English: "USD 107.76 billion", "2.9%", "14 January 2021".
Icelandic: "107,76 milljarðar Bandaríkjadala" (decimal comma, dot thousands, long scale:
milljón 1e6, milljarður 1e9, billjón 1e12), nouns in the case the sentence needs
(``case`` is one of "nf", "þf", "þgf", "ef": nominative, accusative, dative, genitive) and
in the singular after a number ending in 1 but not 11 ("21 milljarður", "1,71 milljarður").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import pycountry

from .claim import Flow
from .verdict import Interval

CASES = ("nf", "þf", "þgf", "ef")

# Icelandic names in the four cases (nf, þf, þgf, ef); other countries keep their English name.
_IS_NAMES: dict[str, tuple[str, str, str, str]] = {
    "CHN": ("Kína", "Kína", "Kína", "Kína"),
    "RUS": ("Rússland", "Rússland", "Rússlandi", "Rússlands"),
    "USA": ("Bandaríkin", "Bandaríkin", "Bandaríkjunum", "Bandaríkjanna"),
    "ISL": ("Ísland", "Ísland", "Íslandi", "Íslands"),
    "DEU": ("Þýskaland", "Þýskaland", "Þýskalandi", "Þýskalands"),
    "GBR": ("Bretland", "Bretland", "Bretlandi", "Bretlands"),
    "NOR": ("Noregur", "Noreg", "Noregi", "Noregs"),
    "JPN": ("Japan", "Japan", "Japan", "Japans"),
    "IND": ("Indland", "Indland", "Indlandi", "Indlands"),
    "BRA": ("Brasilía", "Brasilíu", "Brasilíu", "Brasilíu"),
    "MEX": ("Mexíkó", "Mexíkó", "Mexíkó", "Mexíkó"),
    "NLD": ("Holland", "Holland", "Hollandi", "Hollands"),
    "FRA": ("Frakkland", "Frakkland", "Frakklandi", "Frakklands"),
    "CAN": ("Kanada", "Kanada", "Kanada", "Kanada"),
    "URY": ("Úrúgvæ", "Úrúgvæ", "Úrúgvæ", "Úrúgvæ"),
    "ESP": ("Spánn", "Spán", "Spáni", "Spánar"),
    "DNK": ("Danmörk", "Danmörku", "Danmörku", "Danmerkur"),
    "SWE": ("Svíþjóð", "Svíþjóð", "Svíþjóð", "Svíþjóðar"),
    "FIN": ("Finnland", "Finnland", "Finnlandi", "Finnlands"),
    "FRO": ("Færeyjar", "Færeyjar", "Færeyjum", "Færeyja"),
    "POL": ("Pólland", "Pólland", "Póllandi", "Póllands"),
    "ITA": ("Ítalía", "Ítalíu", "Ítalíu", "Ítalíu"),
    "BEL": ("Belgía", "Belgíu", "Belgíu", "Belgíu"),
    "TUR": ("Tyrkland", "Tyrkland", "Tyrklandi", "Tyrklands"),
    "KOR": ("Suður-Kórea", "Suður-Kóreu", "Suður-Kóreu", "Suður-Kóreu"),
    "BLR": ("Hvíta-Rússland", "Hvíta-Rússland", "Hvíta-Rússlandi", "Hvíta-Rússlands"),
    "KAZ": ("Kasakstan", "Kasakstan", "Kasakstan", "Kasakstans"),
    "VNM": ("Víetnam", "Víetnam", "Víetnam", "Víetnams"),
    "AUS": ("Ástralía", "Ástralíu", "Ástralíu", "Ástralíu"),
    "HKG": ("Hong Kong", "Hong Kong", "Hong Kong", "Hong Kong"),
    "CHE": ("Sviss", "Sviss", "Sviss", "Sviss"),
    "IRL": ("Írland", "Írland", "Írlandi", "Írlands"),
    "PRT": ("Portúgal", "Portúgal", "Portúgal", "Portúgals"),
    "EUU": ("Evrópusambandið", "Evrópusambandið", "Evrópusambandinu", "Evrópusambandsins"),
    "WLD": ("umheimurinn", "umheiminn", "umheiminum", "umheimsins"),
}
_EN_OVERRIDES = {
    "RUS": "Russia", "USA": "the United States", "GBR": "the United Kingdom", "KOR": "South Korea",
    "NLD": "the Netherlands", "EUU": "the European Union", "WLD": "the world", "TWN": "Taiwan",
    "VNM": "Vietnam", "IRN": "Iran", "HKG": "Hong Kong", "CZE": "Czechia", "TUR": "Turkey",
}


def language(lang: str) -> str:
    """'is' or 'en': explanations are written in one of the two."""
    return "is" if lang == "is" else "en"


def country_name(iso3: str | None, lang: str, genitive: bool = False, case: str | None = None) -> str:
    """A country's name: "Russia's" / "Rússlands" when ``genitive``, or the Icelandic ``case``."""
    if not iso3:
        return "?"
    wanted = case or ("ef" if genitive else "nf")
    if lang == "is" and iso3 in _IS_NAMES:
        return _IS_NAMES[iso3][CASES.index(wanted)]
    if iso3 in _EN_OVERRIDES:
        name = _EN_OVERRIDES[iso3]
    else:
        country = pycountry.countries.get(alpha_3=iso3)
        name = (getattr(country, "common_name", None) or getattr(country, "name", iso3)) if country else iso3
    if lang == "en" and genitive:
        return name + "'" if name.endswith("s") else name + "'s"
    return name


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def number(value: float, lang: str, decimals: int = 2) -> str:
    """A plain number: '107.76' in English, '107,76' in Icelandic; grouping for thousands."""
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "+0"):
        text = "0"
    if lang == "is":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _singular(shown: str) -> bool:
    """Icelandic agreement: a number ending in 1 but not 11 takes the singular."""
    digits = shown.replace(".", "").replace(",", "").lstrip("-")
    return digits.endswith("1") and not digits.endswith("11")


# Scale nouns (sg nf, þf, þgf, ef; pl nf, þf, þgf, ef) and currencies' genitive plural.
# Icelandic news writes "1.300 milljarðar" rather than "1,3 billjónir", so milljarður is the largest.
_IS_SCALES = (
    (1e9, ("milljarður", "milljarð", "milljarði", "milljarðs", "milljarðar", "milljarða", "milljörðum", "milljarða")),
    (1e6, ("milljón", "milljón", "milljón", "milljónar", "milljónir", "milljónir", "milljónum", "milljóna")),
)
_IS_CURRENCY_GEN_PL = {
    "USD": "Bandaríkjadala", "ISK": "króna", "EUR": "evra", "CNY": "júana", "RUB": "rúblna",
    "GBP": "sterlingspunda", "DKK": "danskra króna", "NOK": "norskra króna", "SEK": "sænskra króna",
    "JPY": "jena",
}
_EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def scale_word(shown: str, factor: float, case: str = "nf") -> str:
    """The Icelandic scale noun agreeing with the number ``shown``: 'milljarðar', 'milljarður'."""
    forms = dict(_IS_SCALES)[factor]
    return forms[CASES.index(case) + (0 if _singular(shown) else 4)]


def money(value: float, currency: str, lang: str, case: str = "nf") -> str:
    """'USD 107.76 billion' in English, '107,76 milljarðar Bandaríkjadala' in Icelandic."""
    if not math.isfinite(value):
        return "∞"
    if lang == "is":
        for factor, _ in _IS_SCALES:
            if abs(value) >= factor:
                shown = number(value / factor, lang, 3)
                unit = _IS_CURRENCY_GEN_PL.get(currency, currency)
                return f"{shown} {scale_word(shown, factor, case)} {unit}"
        return f"{number(value, lang, 2)} {currency}"
    for factor, word in _EN_SCALES:
        if abs(value) >= factor:
            return f"{currency} {number(value / factor, lang, 3)} {word}"
    return f"{currency} {number(value, lang, 2)}"


def percent(fraction: float, lang: str, signed: bool = True) -> str:
    """A fraction as a percentage: 0.029 -> '+2.9%' / '+2,9%'."""
    text = f"{fraction * 100:+.1f}" if signed else f"{fraction * 100:.1f}"
    return (text.replace(".", ",") if lang == "is" else text) + "%"


def points(value: float, lang: str, decimals: int = 2, signed: bool = False) -> str:
    """A value already in percent: 2.9 -> '2.9%', -2.7 -> '-2.7%' ('+' only when ``signed``)."""
    shown = number(value, lang, decimals)
    if signed and value > 0:
        shown = "+" + shown
    return shown + "%"


def amount(value: float, unit: str, lang: str, case: str = "nf") -> str:
    """A figure in its unit: money, a percentage, years or a plain count."""
    if unit == "percent":
        return points(value, lang)
    if unit in ("year", "count", "rank"):
        return number(value, lang, 2)
    return money(value, unit, lang, case)


def span(interval: Interval, lang: str) -> str:
    """An interval in words, nominative in Icelandic.

    'more than USD 107 billion' / 'meira en 107 milljarðar Bandaríkjadala';
    'between 2.85% and 2.95%' / 'á bilinu 2,85% til 2,95%'.
    """
    low, high, unit = interval.low, interval.high, interval.unit
    is_ = lang == "is"
    if math.isinf(high) and not math.isinf(low):
        if is_:
            word = "meira en" if not interval.low_inclusive else "að minnsta kosti"
        else:
            word = "more than" if not interval.low_inclusive else "at least"
        return f"{word} {amount(low, unit, lang)}"
    if math.isinf(low) and not math.isinf(high):
        if is_:
            word = "minna en" if not interval.high_inclusive else "í mesta lagi"
        else:
            word = "less than" if not interval.high_inclusive else "at most"
        return f"{word} {amount(high, unit, lang)}"
    if low == high:
        return amount(low, unit, lang)
    if is_:
        if unit in ("percent", "year", "count", "rank"):
            return f"á bilinu {amount(low, unit, lang)} til {amount(high, unit, lang)}"
        same = _same_scale(low, high)
        if same is not None and low >= 0:
            shown_high = number(high / same, lang, 3)
            currency = _IS_CURRENCY_GEN_PL.get(unit, unit)
            return f"á bilinu {number(low / same, lang, 3)}–{shown_high} {scale_word(shown_high, same)} {currency}"
        return f"frá {amount(low, unit, lang, 'þgf')} til {amount(high, unit, lang, 'ef')}"
    return f"between {amount(low, unit, lang)} and {amount(high, unit, lang)}"


def _same_scale(low: float, high: float) -> float | None:
    """The Icelandic scale both bounds are written in, if it is one and the same."""
    def scale(x: float) -> float | None:
        return next((f for f, _ in _IS_SCALES if abs(x) >= f), None)

    return scale(low) if scale(low) is not None and scale(low) == scale(high) else None


def interval(low: float, high: float, low_inclusive: bool, high_inclusive: bool, unit: str, lang: str) -> str:
    """:func:`span` for loose bounds."""
    return span(
        Interval(low=low, high=high, low_inclusive=low_inclusive, high_inclusive=high_inclusive, unit=unit, rule=""),
        lang,
    )


_MONTHS_IS = ("janúar", "febrúar", "mars", "apríl", "maí", "júní", "júlí", "ágúst", "september", "október",
              "nóvember", "desember")


def day(when: date, lang: str) -> str:
    """'14 January 2021' / '14. janúar 2021'."""
    if lang == "is":
        return f"{when.day}. {_MONTHS_IS[when.month - 1]} {when.year}"
    return f"{when.day} {when.strftime('%B')} {when.year}"


def listing(items: Sequence[str], lang: str) -> str:
    """'A, B and C' / 'A, B og C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    joiner = " og " if lang == "is" else " and "
    return ", ".join(items[:-1]) + joiner + items[-1]


def years(values: Sequence[int], lang: str) -> str:
    """'2009' / 'árið 2009'; '2006 and 2007' / 'árin 2006 og 2007' (Icelandic number agreement)."""
    shown = listing([str(y) for y in values], lang)
    if lang == "is":
        return ("árið " if len(values) == 1 else "árin ") + shown
    return shown


# Flow names: English, and Icelandic in four cases with the verb number ("var"/"voru").
_FLOW_EN = {Flow.TOTAL: "total trade", Flow.EXPORT: "exports", Flow.IMPORT: "imports", Flow.BALANCE: "the trade balance"}
_FLOW_IS = {
    Flow.TOTAL: ("heildarviðskipti", "heildarviðskipti", "heildarviðskiptum", "heildarviðskipta"),
    Flow.EXPORT: ("útflutningur", "útflutning", "útflutningi", "útflutnings"),
    Flow.IMPORT: ("innflutningur", "innflutning", "innflutningi", "innflutnings"),
    Flow.BALANCE: ("vöruskiptajöfnuður", "vöruskiptajöfnuð", "vöruskiptajöfnuði", "vöruskiptajafnaðar"),
}


def flow_name(flow: Flow | None, lang: str, case: str = "nf") -> str:
    if lang == "is":
        return _FLOW_IS[flow or Flow.TOTAL][CASES.index(case)]
    return _FLOW_EN[flow or Flow.TOTAL]


def flow_verb(flow: Flow | None, lang: str) -> str:
    """The past of 'to be' agreeing with the flow noun: 'voru' for heildarviðskipti."""
    if lang == "is":
        return "voru" if (flow or Flow.TOTAL) is Flow.TOTAL else "var"
    return "were" if (flow or Flow.TOTAL) in (Flow.TOTAL, Flow.EXPORT, Flow.IMPORT) else "was"


def trade_between(flow: Flow | None, reporter: str | None, partner: str | None, lang: str, case: str = "nf") -> str:
    """The trade a claim is about, as a noun phrase (the head noun in the Icelandic ``case``).

    'China's exports to Russia' / 'útflutningur Kína til Rússlands';
    'trade between China and Russia' / 'heildarviðskipti Kína og Rússlands';
    'Iceland's exports' / 'útflutningur Íslands' (the world as partner).
    """
    flow = flow or Flow.TOTAL
    world = partner in (None, "WLD")
    if lang == "is":
        noun = flow_name(flow, lang, case)
        a = country_name(reporter, lang, case="ef")
        if world:
            return f"{noun} {a}"
        if flow is Flow.EXPORT:
            return f"{noun} {a} til {country_name(partner, lang, case='ef')}"
        if flow is Flow.IMPORT:
            return f"{noun} {a} frá {country_name(partner, lang, case='þgf')}"
        if flow is Flow.BALANCE:
            return f"{noun} {a} gagnvart {country_name(partner, lang, case='þgf')}"
        return f"{noun} {a} og {country_name(partner, lang, case='ef')}"
    a = country_name(reporter, lang)
    if world:
        return f"{country_name(reporter, lang, genitive=True)} {_FLOW_EN[flow].removeprefix('the ')}"
    if flow is Flow.EXPORT:
        return f"{country_name(reporter, lang, genitive=True)} exports to {country_name(partner, lang)}"
    if flow is Flow.IMPORT:
        return f"{country_name(reporter, lang, genitive=True)} imports from {country_name(partner, lang)}"
    if flow is Flow.BALANCE:
        return f"{country_name(reporter, lang, genitive=True)} trade balance with {country_name(partner, lang)}"
    return f"trade between {a} and {country_name(partner, lang)}"
