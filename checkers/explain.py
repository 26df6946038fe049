"""Writing figures, names and sentences the way the article's language writes them."""

from __future__ import annotations

import math

import pycountry

from .claim import Flow

# Icelandic (nominative, genitive) for the countries explanations most often name;
# others fall back to their ISO short name.
_IS_NAMES: dict[str, tuple[str, str]] = {
    "CHN": ("Kína", "Kína"),
    "RUS": ("Rússland", "Rússlands"),
    "USA": ("Bandaríkin", "Bandaríkjanna"),
    "ISL": ("Ísland", "Íslands"),
    "DEU": ("Þýskaland", "Þýskalands"),
    "GBR": ("Bretland", "Bretlands"),
    "NOR": ("Noregur", "Noregs"),
    "JPN": ("Japan", "Japans"),
    "IND": ("Indland", "Indlands"),
    "BRA": ("Brasilía", "Brasilíu"),
    "MEX": ("Mexíkó", "Mexíkó"),
    "NLD": ("Holland", "Hollands"),
    "FRA": ("Frakkland", "Frakklands"),
    "CAN": ("Kanada", "Kanada"),
    "URY": ("Úrúgvæ", "Úrúgvæ"),
}
_EN_OVERRIDES = {"RUS": "Russia", "USA": "the United States", "GBR": "the United Kingdom", "KOR": "South Korea"}


def country_name(iso3: str | None, language: str, genitive: bool = False) -> str:
    if not iso3:
        return "?"
    if language == "is" and iso3 in _IS_NAMES:
        return _IS_NAMES[iso3][1 if genitive else 0]
    if iso3 in _EN_OVERRIDES:
        name = _EN_OVERRIDES[iso3]
    else:
        country = pycountry.countries.get(alpha_3=iso3)
        name = getattr(country, "common_name", None) or getattr(country, "name", iso3) if country else iso3
    if language == "en" and genitive:
        return name + "'" if name.endswith("s") else name + "'s"
    return name


_SCALES_EN = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
_SCALES_IS = ((1e12, "billj."), (1e9, "ma."), (1e6, "millj."))


def number(value: float, language: str, decimals: int = 2) -> str:
    """A plain number: '107.76' in English, '107,76' in Icelandic; grouping for thousands."""
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if language == "is":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def money(value: float, currency: str, language: str) -> str:
    """'USD 107.76 billion' in English, '107,76 ma. USD' in Icelandic."""
    if not math.isfinite(value):
        return "∞"
    scales = _SCALES_IS if language == "is" else _SCALES_EN
    for factor, word in scales:
        if abs(value) >= factor:
            shown = number(value / factor, language, 3)
            return f"{shown} {word} {currency}" if language == "is" else f"{currency} {shown} {word}"
    shown = number(value, language, 2)
    return f"{shown} {currency}" if language == "is" else f"{currency} {shown}"


def percent(fraction: float, language: str, signed: bool = True) -> str:
    text = f"{fraction * 100:+.1f}" if signed else f"{fraction * 100:.1f}"
    if language == "is":
        return text.replace(".", ",") + "%"
    return text + "%"


_FLOW_EN = {Flow.TOTAL: "total trade", Flow.EXPORT: "exports", Flow.IMPORT: "imports", Flow.BALANCE: "the trade balance"}
_FLOW_IS = {Flow.TOTAL: "heildarviðskipti", Flow.EXPORT: "útflutningur", Flow.IMPORT: "innflutningur", Flow.BALANCE: "vöruskiptajöfnuður"}


def flow_name(flow: Flow | None, language: str) -> str:
    table = _FLOW_IS if language == "is" else _FLOW_EN
    return table.get(flow or Flow.TOTAL, table[Flow.TOTAL])


def interval(low: float, high: float, low_inclusive: bool, high_inclusive: bool, unit: str, language: str) -> str:
    """'more than USD 107 billion', 'á bilinu 106,5 ma. USD til 107,5 ma. USD'."""
    is_ = language == "is"
    if math.isinf(high) and not math.isinf(low):
        word = ("meira en" if not low_inclusive else "að minnsta kosti") if is_ else ("more than" if not low_inclusive else "at least")
        return f"{word} {money(low, unit, language)}"
    if math.isinf(low) and not math.isinf(high):
        word = ("minna en" if not high_inclusive else "mest") if is_ else ("less than" if not high_inclusive else "at most")
        return f"{word} {money(high, unit, language)}"
    if is_:
        return f"á bilinu {money(low, unit, language)} til {money(high, unit, language)}"
    return f"between {money(low, unit, language)} and {money(high, unit, language)}"
