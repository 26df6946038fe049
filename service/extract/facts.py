"""What a language front end finds in one sentence, before claims are assembled.

Each front end (icelandic.py, english.py) reads its language and fills :class:`SentenceFacts`;
:mod:`service.extract.assemble` turns them into claims the same way for every language.
All offsets are character offsets into the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from checkers import Flow, Period, Qualifier


class NumberRole(StrEnum):
    PLAIN = "plain"
    STREAK = "streak"  # "í 11 ár í röð", "for 11 consecutive years"
    CHANGE = "change"  # "jókst um 12,5%", "rose 12.5%"
    SHARE = "share"  # "20,5% af innflutningi", "a 20.5% share"


@dataclass(frozen=True)
class NumberMention:
    """A number with whatever the text says about it: unit, scale, qualifier.

    ``unit`` is an ISO 4217 code, "percent", "year" or "count" (a number with no unit).
    The span covers the qualifier, the number, the scale word and the unit as written.
    """

    start: int
    end: int
    value: float  # in base units (1.07e11 for "107 milljörðum")
    numeral: str  # as written, normalised to a dot decimal without grouping
    scale: float
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    role: NumberRole = NumberRole.PLAIN
    high: float | None = None
    high_numeral: str | None = None


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    iso3: str
    possessive: bool = False  # genitive "Rússlands", English "Russia's"


@dataclass(frozen=True)
class PairMention:
    """A phrase that means 'the two countries named nearby': "ríkjanna tveggja", "bilateral"."""

    start: int
    end: int


@dataclass(frozen=True)
class FlowMention:
    start: int
    end: int
    flow: Flow


@dataclass(frozen=True)
class RankMention:
    """ "stærsti viðskiptafélagi", "second-largest trading partner"."""

    start: int
    end: int
    rank: int


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    period: Period


@dataclass(frozen=True)
class SourceMention:
    """ "samkvæmt kínverskum tollyfirvöldum", "according to Chinese customs": whose figures."""

    start: int
    end: int
    reporter: str


@dataclass
class SentenceFacts:
    start: int
    end: int
    numbers: list[NumberMention] = field(default_factory=list)
    countries: list[CountryMention] = field(default_factory=list)
    pairs: list[PairMention] = field(default_factory=list)
    flows: list[FlowMention] = field(default_factory=list)
    ranks: list[RankMention] = field(default_factory=list)
    periods: list[PeriodMention] = field(default_factory=list)
    sources: list[SourceMention] = field(default_factory=list)
