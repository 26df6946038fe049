"""Countries and blocs kept apart: "largest trading partner" is about countries unless the
claim names a bloc. Ranking a bloc means ranking it among blocs and the countries outside it.
"""

from __future__ import annotations

import pycountry

_EU15 = frozenset("AUT BEL DNK FIN FRA DEU GRC IRL ITA LUX NLD PRT ESP SWE GBR".split())
_EU2004 = frozenset("CYP CZE EST HUN LVA LTU MLT POL SVK SVN".split())


def eu_members(year: int) -> frozenset[str]:
    """EU member states for trade statistics of ``year`` (the UK counts through 2019)."""
    members = set(_EU15) if year >= 1995 else set(_EU15 - {"AUT", "FIN", "SWE"})
    if year >= 2004:
        members |= _EU2004
    if year >= 2007:
        members |= {"BGR", "ROU"}
    if year >= 2013:
        members.add("HRV")
    if year >= 2020:
        members.discard("GBR")
    return frozenset(members)


#: Bloc codes the reference data uses, with their members by year.
BLOCS = {"EUU": eu_members}
#: Codes that are neither a country nor a bloc one can rank.
AGGREGATES = frozenset({"WLD"})


def is_bloc(code: str) -> bool:
    return code in BLOCS


def is_country(code: str) -> bool:
    return code not in BLOCS and code not in AGGREGATES and pycountry.countries.get(alpha_3=code) is not None


def members(code: str, year: int) -> frozenset[str]:
    return BLOCS[code](year) if code in BLOCS else frozenset()


def rankable(partners: list[str], year: int, bloc_claim: bool) -> list[str]:
    """The partners that compete in a ranking: countries only, or (for a claim naming a bloc)
    blocs and the countries in none of them."""
    if not bloc_claim:
        return [p for p in partners if is_country(p)]
    blocs = [p for p in partners if is_bloc(p)]
    inside = frozenset().union(*(members(b, year) for b in blocs)) if blocs else frozenset()
    return blocs + [p for p in partners if is_country(p) and p not in inside]
