"""Area codes: which codes may name a reporter or a partner, and which of them are countries.

Three kinds of code are accepted:

- ISO 3166-1 alpha-3 codes of current countries and territories (``CHN``, ``ISL``, ``HKG``);
- ISO 3166-3 alpha-3 codes of former countries, for old figures (``SUN`` USSR, ``SCG`` Serbia and
  Montenegro, ``ANT`` Netherlands Antilles);
- the aggregate and special codes in :data:`AGGREGATES`: ``WLD`` and ``EUU`` as the World Bank and IMF
  use them, ``XKX`` for Kosovo as the EU and IMF use it, and codes of our own for blocs, regions and
  unallocated trade. Our own codes all start with ``X``, in the range ISO 3166 leaves to its users
  (``XAA``-``XZZ``), so they can never clash with a country code ISO assigns later.

A *country* (for "largest trading partner" and other rank claims) is any ISO 3166 code, current or
former, and ``XKX``; every other code is an aggregate and must not be ranked among countries.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import pycountry


class AreaKind(StrEnum):
    COUNTRY = "country"  # a country or territory (ISO 3166-1, or XKX)
    FORMER_COUNTRY = "former_country"  # ISO 3166-3
    WORLD = "world"
    BLOC = "bloc"  # a group of countries by treaty (EU, ASEAN, Mercosur ...)
    REGION = "region"  # a geographic grouping as one statistics office defines it
    UNALLOCATED = "unallocated"  # trade that no country is named for


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    kind: AreaKind
    definition: str


def _areas(*rows: tuple[str, str, AreaKind, str]) -> dict[str, Area]:
    return {code: Area(code, name, kind, definition) for code, name, kind, definition in rows}


_CENSUS = "grouping of the US Census Bureau (country.xlsx code {}), as Census defines it for each year"

#: Codes other than ISO 3166 that the data files may use, with what each means.
AGGREGATES: dict[str, Area] = _areas(
    ("WLD", "World", AreaKind.WORLD, "all partners together: the reporter's total trade"),
    ("EUU", "European Union", AreaKind.BLOC,
     "the EU with the membership the source counts for that year (EU-27 since 2020 in Eurostat figures)"),
    ("XKX", "Kosovo", AreaKind.COUNTRY, "Kosovo; the user-assigned code the EU, IMF and World Bank use"),
    ("XAN", "ASEAN", AreaKind.BLOC, "Association of Southeast Asian Nations"),
    ("XAC", "Andean Community", AreaKind.BLOC, "Andean Community (Comunidad Andina)"),
    ("XBN", "Benelux", AreaKind.BLOC, "Belgium, the Netherlands and Luxembourg together"),
    ("XBL", "Belgium-Luxembourg", AreaKind.BLOC, "Belgium-Luxembourg Economic Union, reported as one partner"),
    ("XCC", "Caricom", AreaKind.BLOC, "Caribbean Community"),
    ("XCD", "CAFTA-DR", AreaKind.BLOC, "Central America-Dominican Republic free trade agreement partners; "
     + _CENSUS.format("0017")),
    ("XEF", "EFTA", AreaKind.BLOC, "European Free Trade Association"),
    ("XMC", "Mercosur", AreaKind.BLOC, "Southern Common Market (Mercosur)"),
    ("XOE", "OECS", AreaKind.BLOC, "Organisation of Eastern Caribbean States"),
    ("XOP", "OPEC", AreaKind.BLOC, "Organization of the Petroleum Exporting Countries"),
    ("XSU", "SACU", AreaKind.BLOC, "Southern African Customs Union"),
    ("XAF", "Africa", AreaKind.REGION, _CENSUS.format("0013")),
    ("XAS", "Asia", AreaKind.REGION, _CENSUS.format("0016")),
    ("XER", "Europe", AreaKind.REGION, _CENSUS.format("0012")),
    ("XNA", "North America", AreaKind.REGION, _CENSUS.format("0010")),
    ("XOC", "Australia and Oceania", AreaKind.REGION, _CENSUS.format("0018")),
    ("XPR", "Pacific Rim", AreaKind.REGION, _CENSUS.format("0014")),
    ("XSC", "South and Central America", AreaKind.REGION, _CENSUS.format("0009")),
    ("XSS", "Sub-Saharan Africa", AreaKind.REGION, _CENSUS.format("0019")),
    ("XIO", "International organizations", AreaKind.UNALLOCATED, "US Census code 8500"),
    ("XNZ", "Iraq-Saudi Arabia Neutral Zone", AreaKind.UNALLOCATED, "US Census code 5160"),
    ("XUN", "Unidentified countries", AreaKind.UNALLOCATED, "US Census code 8220"),
)


@cache
def kind(code: str) -> AreaKind | None:
    """The kind of area ``code`` names, or ``None`` when it is not a code the data may use."""
    if code in AGGREGATES:
        return AGGREGATES[code].kind
    if not (len(code) == 3 and code.isalpha() and code.isupper()):
        return None
    if pycountry.countries.get(alpha_3=code) is not None:
        return AreaKind.COUNTRY
    if pycountry.historic_countries.get(alpha_3=code) is not None:
        return AreaKind.FORMER_COUNTRY
    return None


def is_country(code: str) -> bool:
    """True for a country or territory, current or former; false for the world, blocs and regions.

    Case-insensitive, as the store's look-ups are; :func:`kind` reads codes as the files hold them.
    """
    return kind(code.upper()) in (AreaKind.COUNTRY, AreaKind.FORMER_COUNTRY)


def name(code: str) -> str:
    """A readable name for ``code`` (the ISO short name, or ours for an aggregate)."""
    code = code.upper()
    if code in AGGREGATES:
        return AGGREGATES[code].name
    found = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)
    if found is None:
        raise KeyError(code)
    return str(getattr(found, "common_name", None) or found.name)
