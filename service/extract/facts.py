"""What a language front end finds in one sentence, before claims are assembled.

Each front end (icelandic.py, english.py) reads its language and fills :class:`SentenceFacts`;
:mod:`service.extract.assemble` turns them into claims the same way for every language.
All offsets are character offsets into the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from checkers import Flow, Period, Qualifier

#: Pseudo-countries: the world as a partner, and the European Economic Area (the EU is ``EUU``).
WORLD = "WLD"
EEA = "EEA"


class NumberRole(StrEnum):
    PLAIN = "plain"
    STREAK = "streak"  # "í 11 ár í röð", "for 11 consecutive years"
    CHANGE = "change"  # "jókst um 12,5%", "rose 12.5%"
    SHARE = "share"  # "20,5% af innflutningi", "a 20.5% share"
    LEVEL = "level"  # the figure a change arrived at: "rose 12.5% to 3.2 trillion yuan"
    PREVIOUS = "previous"  # the figure a change started from: "rose from $5bn to $6bn"


class Direction(StrEnum):
    """Which way a change went, or which side of zero a balance is on."""

    INCREASE = "increase"
    DECREASE = "decrease"
    SURPLUS = "surplus"
    DEFICIT = "deficit"


class Relation(StrEnum):
    """How a country stands to the figure, by the word before it."""

    NONE = ""
    TO = "to"  # til, to, into: the destination of exports
    FROM = "from"  # frá, from: the origin of imports
    WITH = "with"  # við, with: the partner of a country's trade
    BETWEEN = "between"  # milli, between


@dataclass(frozen=True)
class NumberMention:
    """A number with whatever the text says about it: unit, scale, qualifier.

    ``unit`` is an ISO 4217 code, "percent", "percentage_point", "year", "tonne", "barrel" or
    "count" (a number with no unit). The span covers the qualifier, the number, the scale word and
    the unit as written. ``direction`` is set on changes ("fell" is a decrease).
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
    direction: Direction | None = None


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    iso3: str
    possessive: bool = False  # genitive "Rússlands", English "Russia's"
    relation: Relation = Relation.NONE
    adjective: bool = False  # "kínverskur", "Chinese": names the country, but is no place to refer back to


@dataclass(frozen=True)
class PairMention:
    """A phrase that means 'the two countries named nearby': "ríkjanna tveggja", "bilateral"."""

    start: int
    end: int


@dataclass(frozen=True)
class AnaphorMention:
    """A word that points at a country named before: "þangað" (to there), "þaðan", "the country"."""

    start: int
    end: int
    relation: Relation = Relation.NONE


@dataclass(frozen=True)
class FlowMention:
    start: int
    end: int
    flow: Flow
    direction: Direction | None = None  # halli / deficit, afgangur / surplus


@dataclass(frozen=True)
class ValuationMention:
    """ "fob", "cif", "free on board": how the goods were valued."""

    start: int
    end: int
    valuation: str  # "fob" or "cif"


@dataclass(frozen=True)
class ComparisonMention:
    """ "a record", "nýtt met", "the highest since 2014", "það lægsta síðan 2009"."""

    start: int
    end: int
    comparison: str  # "record_high", "record_low", "highest_since", "lowest_since"
    since: int | None = None


@dataclass(frozen=True)
class RankMention:
    """ "stærsti viðskiptafélagi", "second-largest trading partner"."""

    start: int
    end: int
    rank: int
    flow: Flow | None = None  # "útflutningsmarkaður", "export market": which ranking


@dataclass(frozen=True)
class PeriodMention:
    """A period named in the sentence; ``base`` marks the period a change is measured against
    ("á sama tíma fyrir ári", "year on year"), which is not the period of the claim itself."""

    start: int
    end: int
    period: Period | None
    base: bool = False


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
    valuations: list[ValuationMention] = field(default_factory=list)
    comparisons: list[ComparisonMention] = field(default_factory=list)
    anaphora: list[AnaphorMention] = field(default_factory=list)

    def sort(self) -> None:
        """Every list in text order."""
        for mentions in (self.numbers, self.countries, self.pairs, self.flows, self.ranks, self.periods,
                         self.sources, self.valuations, self.comparisons, self.anaphora):
            mentions.sort(key=lambda m: (m.start, m.end))
