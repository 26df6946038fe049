"""What a claim must say before the data can be asked about it, and the texts when it does not.

A claim in a checker's scope that misses one of these is ``unverifiable``, with the reason.
"""

from __future__ import annotations

from ..base import CheckContext
from ..claim import Claim

_TEXTS = {
    "en": {
        "no_pair": "The claim does not say between which two countries the trade was.",
        "no_reporter": "The claim does not say whose trade it is about.",
        "no_year": "The claim does not say which calendar year it is about.",
        "not_a_year": "The claim is about part of a year; the reference data holds whole calendar years only.",
        "future": "The claim is about {year}, which was not over when the article was published: a forecast or a target cannot be checked.",
        "no_data": "The reference data has no figure for this pair, flow and year ({year}).",
        "no_rate": "The reference data has figures for {year} only in {currencies}, and no annual exchange rate to convert the claim with.",
        "no_base": "The reference data has no figures for both {year} and {previous} from the same source, so the change cannot be computed.",
        "no_shares": "The reference data has neither {whose} trade by partner nor a cited share for {year}.",
        "no_ranking": "The reference data has no ranking of {whose} partners for {years}.",
        "named_missing": "The claim rests on {source}, and the reference data has no figure from that source; other sources are listed for reference.",
        "no_rank_year": "The claim does not say whose partner is meant, or for which year.",
        "no_rank_years": "The claim does not say whose partner is meant, or for which years.",
    },
    "is": {
        "no_pair": "Ekki kemur fram milli hvaða tveggja ríkja viðskiptin voru.",
        "no_reporter": "Ekki kemur fram um viðskipti hvaða ríkis er að ræða.",
        "no_year": "Ekki kemur fram við hvaða almanaksár er átt.",
        "not_a_year": "Fullyrðingin á við hluta úr ári; viðmiðunargögnin ná aðeins yfir heil almanaksár.",
        "future": "Fullyrðingin á við árið {year}, sem var ekki liðið þegar greinin birtist: spá eða markmið verður ekki sannreynt.",
        "no_data": "Viðmiðunargögnin hafa enga tölu fyrir þessi ríki, þetta flæði og árið {year}.",
        "no_rate": "Viðmiðunargögnin hafa tölur fyrir árið {year} aðeins í {currencies} og ekkert meðalgengi ársins til að umreikna fullyrðinguna.",
        "no_base": "Viðmiðunargögnin hafa ekki tölur frá sömu heimild fyrir bæði árið {year} og árið {previous}, svo breytingin verður ekki reiknuð.",
        "no_shares": "Viðmiðunargögnin hafa hvorki viðskipti {whose} eftir löndum né tilgreinda hlutdeild fyrir árið {year}.",
        "no_ranking": "Viðmiðunargögnin hafa enga röðun viðskiptalanda {whose} fyrir {years}.",
        "named_missing": "Fullyrðingin byggist á {source} og viðmiðunargögnin hafa enga tölu frá þeirri heimild; aðrar heimildir eru sýndar til fróðleiks.",
        "no_rank_year": "Ekki kemur fram við hvaða ríki eða hvaða ár er átt.",
        "no_rank_years": "Ekki kemur fram við hvaða ríki eða hvaða ár er átt.",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    return _TEXTS["is" if lang == "is" else "en"][key].format(**values)


def annual(status: str) -> bool:
    """Whether a figure with this data status covers the whole year (``partial_year`` does not)."""
    return not status.startswith("partial")


def year_problem(claim: Claim, context: CheckContext) -> str | None:
    """'no_year', 'not_a_year' or 'future' when the claim's period cannot be checked, else None."""
    if claim.period is None:
        return "no_year"
    if not claim.period.is_calendar_year:
        return "not_a_year"
    if context.published and claim.period.start.year >= context.published.year:
        return "future"
    return None


def direction(claim: Claim) -> str | None:
    """The direction the claim states: increase, decrease, surplus or deficit (None if it does not).

    Read from ``claim.direction`` where extraction provides it."""
    value = getattr(claim, "direction", None)
    return str(value.value if hasattr(value, "value") else value) if value else None


def pair_problem(claim: Claim) -> str | None:
    """'no_pair' unless the claim names both countries (the world counts as a partner: ``WLD``)."""
    if not claim.reporter or not claim.partner or claim.reporter == claim.partner:
        return "no_pair"
    return None
