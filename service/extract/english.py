"""The English front end: sentences, numbers and what the words around them say.

``read`` splits the text into sentences and each sentence into tokens (:mod:`.english_text`).
Passes then run over the tokens, each taking what it uses so that later passes leave it alone:

1. dates and periods (:mod:`.english_periods`): their numbers are not quantities;
2. comparisons ("a record", "the highest since 2014"), whose year is no period of the claim;
3. phrases that hold a number that is not a figure: "the two countries", "for the 11th
   consecutive year" (a streak, kept as a number), "second-largest trading partner";
4. every remaining number (:mod:`.english_numbers`);
5. words: countries and how they relate to the figure (to, from, with), sources, trade flows,
   fob / cif, the world, and words that point back ("there", "the country's").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checkers import Flow

from . import countries
from .english_numbers import numbers
from .english_periods import dates, named_periods, relative_periods
from .english_text import Sentence, TextReader, sentences
from .english_words import (
    CURRENCY_NOUNS,
    CUSTOMS_NOUNS,
    DEFICIT_WORDS,
    FLOWS,
    INSTITUTIONS,
    NOT_A_BALANCE_BEFORE,
    NOT_A_FLOW_AFTER,
    NOT_A_FLOW_BEFORE,
    NOT_AMERICA,
    ORDINAL_SUFFIXES,
    ORDINALS,
    OWNED_INSTITUTIONS,
    PAIRS,
    RANK_MODIFIERS,
    RANK_NOUNS,
    RECORD_WORDS,
    SIDE_WORDS,
    STREAK_WORDS,
    SUPERLATIVES,
    SURPLUS_WORDS,
    UNITS,
    VALUATIONS,
    WORLD,
)
from .facts import (
    WORLD as WORLD_CODE,
)
from .facts import (
    AnaphorMention,
    ComparisonMention,
    CountryMention,
    Direction,
    FlowMention,
    NumberMention,
    NumberRole,
    PairMention,
    RankMention,
    Relation,
    SentenceFacts,
    SourceMention,
    ValuationMention,
)

_RELATIONS = {"to": Relation.TO, "into": Relation.TO, "from": Relation.FROM, "with": Relation.WITH,
              "between": Relation.BETWEEN, "and": None, "vis-à-vis": Relation.WITH, "against": Relation.WITH}
_HIGH = {"highest": "highest_since", "biggest": "highest_since", "largest": "highest_since",
         "strongest": "highest_since", "lowest": "lowest_since", "smallest": "lowest_since",
         "weakest": "lowest_since", "widest": "highest_since", "narrowest": "lowest_since"}
_PAST_YEARS = frozenset({"past", "last", "previous"})


def read(text: str, published: date | None) -> list[SentenceFacts]:
    """What each sentence of an English ``text`` says; every offset indexes ``text`` itself.

    ``published`` resolves "last year" and "this year"; without it they give no period.
    """
    reader = TextReader(text, published)
    out = []
    for start, end in sentences(text):
        s = Sentence(reader, start, end)
        for step in (dates, named_periods, _comparisons, _ranks, relative_periods, _pairs, _streak_ordinals,
                     _past_streak, numbers, _countries, _sources, _flows, _others):
            step(s)
        s.facts.sort()
        out.append(s.facts)
    return out


# --- comparisons ----------------------------------------------------------------------------------


def _comparisons(s: Sentence) -> None:
    """ "a record", "an all-time high", "the highest since 2014", "the lowest level since 2009"."""
    i = 0
    while i < s.n:
        k = s.phrase(RECORD_WORDS, i)
        if k:
            s.facts.comparisons.append(ComparisonMention(s.starts[i], s.ends[i + k - 1],
                                                         s.value(RECORD_WORDS, i, k)))
            s.take(i, i + k - 1)
            i += k
            continue
        end = _HIGH.get(s.lows[i])
        if end is not None:
            j = i + 1
            while j < min(i + 4, s.n) and s.lows[j] != "since" and s.kinds[j] == "w":
                j += 1
            year = s.year(j + 1) if s.low(j) == "since" else None
            if year is not None:
                first = i - 1 if s.low(i - 1) == "the" else i
                s.facts.comparisons.append(ComparisonMention(s.starts[first], s.ends[j + 1], end, year))
                s.take(first, j + 1)
                i = j + 2
                continue
            if s.at(j, "on", "record") or s.at(j, "ever"):
                kind = "record_high" if end == "highest_since" else "record_low"
                first = i - 1 if s.low(i - 1) == "the" else i
                last = j + 1 if s.low(j) == "on" else j
                s.facts.comparisons.append(ComparisonMention(s.starts[first], s.ends[last], kind))
                s.take(first, last)
        i += 1


# --- phrases that hold a number that is not a plain figure ----------------------------------------


def _pairs(s: Sentence) -> None:
    """ "the two countries", "bilateral", "between them"; "two-way" is no figure either."""
    for i in range(s.n):
        k = s.phrase(PAIRS, i)
        if k:
            s.facts.pairs.append(PairMention(s.starts[i], s.ends[i + k - 1]))
            if s.value(PAIRS, i, k):
                s.take(i, i + k - 1)
        elif s.lows[i] in UNITS and s.low(i + 1) == "-" and s.low(i + 2) in ("way", "off", "sided"):
            s.take(i, i + 2)


def _streak_ordinals(s: Sentence) -> None:
    """ "for the 11th consecutive year", "a third straight year", "the 11th year in a row"."""
    for i in range(s.n):
        ordinal = s.ordinal(i)
        if ordinal is None:
            continue
        value, j = ordinal[0], ordinal[1] + 1
        if s.low(j) in STREAK_WORDS and s.low(j + 1) == "year":
            end = j + 1
        elif s.at(j, "year", "in", "a", "row"):
            end = j + 3
        elif s.at(j, "year", "running"):
            end = j + 1
        else:
            continue
        s.take(i, end)
        s.facts.numbers.append(NumberMention(
            s.starts[i], s.ends[end], float(value), str(value), 1.0, "year", role=NumberRole.STREAK))


def _past_streak(s: Sentence) -> None:
    """ "for the past five years" next to a rank: a streak."""
    if not s.facts.ranks:
        return
    for i in range(s.n - 2):
        if s.lows[i] in _PAST_YEARS and not s.used[i] and s.lows[i + 2] == "years":
            value = UNITS.get(s.lows[i + 1]) or s.integer(i + 1)
            if value and value > 1:
                first = i - 1 if s.low(i - 1) == "the" else i
                s.take(first, i + 2)
                s.facts.numbers.append(NumberMention(
                    s.starts[first], s.ends[i + 2], float(value), str(value), 1.0, "year", role=NumberRole.STREAK))


def _ranks(s: Sentence) -> None:
    """ "largest trading partner", "second-largest export market", "No. 1 trading partner"."""
    for i in range(s.n):
        low = s.lows[i]
        if low in SUPERLATIVES:
            nxt = i + 1
        elif low == "most" and s.low(i + 1) == "important" or low == "number" and s.low(i + 1) == "one":
            nxt = i + 2
        elif low == "no" and s.low(i + 1) == "." and s.integer(i + 2) == 1:
            nxt = i + 3
        else:
            continue
        j = nxt
        while s.low(j) in RANK_MODIFIERS and j < nxt + 2:
            j += 1
        if s.low(j) not in RANK_NOUNS:
            continue
        rank, first = 1, i
        o = i - 2 if s.low(i - 1) == "-" and s.glued(i) else i - 1  # where an ordinal would end
        if o >= 0 and s.lows[o] in ORDINALS:
            rank, first = ORDINALS[s.lows[o]], o
        elif o >= 1 and s.lows[o] in ORDINAL_SUFFIXES and s.glued(o) and s.integer(o - 1) is not None:
            rank, first = int(s.words[o - 1]), o - 1
        if any(s.at(k, "one", "of") or s.at(k, "among") for k in range(max(0, first - 4), first)):
            continue  # "one of the largest", "one of Iceland's largest": no rank
        s.take(first, nxt - 1)
        s.facts.ranks.append(RankMention(s.starts[first], s.ends[j], rank))


# --- words --------------------------------------------------------------------------------------


def _name_tokens(s: Sentence, i: int) -> Iterator[str]:
    """Tokens from i on that could be part of a country name."""
    for k in range(i, s.n):
        if s.used[k] or (s.kinds[k] != "w" and s.words[k] != "-"):
            return
        yield s.words[k]


def _relation(s: Sentence, first: int) -> Relation:
    """The preposition that governs a name at token ``first`` ("to China", "between China and Russia")."""
    k = first - 1
    if s.low(k) == "the":
        k -= 1
    while s.low(k) == "and" or s.low(k) == ",":  # "between China and Russia": the relation of the first
        k -= 1
        while k >= 0 and s.kinds[k] == "w" and s.words[k][:1].isupper():
            k -= 1
        if s.low(k) == "the":
            k -= 1
    return _RELATIONS.get(s.low(k)) or Relation.NONE


def _countries(s: Sentence) -> None:
    i = 0
    while i < s.n:
        if s.used[i] or s.kinds[i] != "w" or not s.words[i][:1].isupper():
            i += 1
            continue
        found = countries.match_english(_name_tokens(s, i))
        if found is None or (s.word(i - 1) == "New" and found[0] == 1):  # New Mexico, New Jersey
            i += 1
            continue
        count, iso3, possessive = found
        last = i + count - 1
        i = last + 1
        if s.lows[last] == "american" and s.low(last - count) in NOT_AMERICA:
            continue  # "Latin American"
        if s.low(last + 1) in CURRENCY_NOUNS or s.word(last + 1) == "$" and s.glued(last + 1):
            continue  # "the US dollar", "US$": a currency, not a country
        first = last - count + 1
        adjective = countries.is_english_adjective(s.lows[first : last + 1])
        relation = Relation.NONE if adjective else _relation(s, first)
        if s.low(last + 1) in ("share", "shares") or s.at(first - 3, "the", "share", "of"):
            relation = Relation.WITH  # "China's share of Iceland's imports": China is the partner
        s.facts.countries.append(CountryMention(
            s.starts[first], s.ends[last] - (2 if possessive else 0), iso3, possessive, relation, adjective))
        if s.lows[first] in ("sino", "russo", "indo") and count == 1 and s.low(i) == "-" and s.glued(i):
            other = countries.match_english(_name_tokens(s, i + 1))
            if other is not None:  # "Sino-Russian": the two countries
                s.facts.pairs.append(PairMention(s.starts[first], s.ends[i + other[0]]))


def _sources(s: Sentence) -> None:
    """Whose figures: "according to Chinese customs", "Russia's Federal Customs Service", "Statistics Iceland"."""
    index = {start: k for k, start in enumerate(s.starts)} if s.facts.countries else {}
    for c in s.facts.countries:
        first = last = index[c.start]
        while last + 1 < s.n and s.ends[last] < c.end:
            last += 1
        j, end = last + 1, -1
        if k := s.phrase(OWNED_INSTITUTIONS, j):
            end = j + k - 1
        elif s.low(j) == "customs":
            end = j + 1 if s.low(j + 1) in CUSTOMS_NOUNS else j
        elif s.low(j) in ("official", "trade") and s.low(j + 1) in ("data", "figures", "statistics"):
            end = j + 1
        elif s.low(j) in ("data", "figures"):
            end = j
        elif s.low(j) in ("statistics", "statistical") and s.low(j + 1) in ("office", "agency", "bureau", "service"):
            end = j + 1
        if end >= 0:
            _add_source(s, first, end, c.iso3)
    for i in range(s.n):
        k = s.phrase(INSTITUTIONS, i)
        if k and not any(src.start <= s.starts[i] < src.end for src in s.facts.sources):
            _add_source(s, i, i + k - 1, s.value(INSTITUTIONS, i, k))


def _add_source(s: Sentence, first: int, last: int, reporter: str) -> None:
    if s.low(first - 1) == "the":
        first -= 1
    if s.at(first - 2, "according", "to"):
        first -= 2
    s.facts.sources.append(SourceMention(s.starts[first], s.ends[last], reporter))


def _flows(s: Sentence) -> None:
    i = 0
    side: Direction | None = None
    found: list[FlowMention] = []
    while i < s.n:
        k = s.phrase(FLOWS, i)
        if not k:
            i += 1
            continue
        flow, last = s.value(FLOWS, i, k), i + k - 1
        head = s.lows[last]
        if not (
            head in ("trade", "export", "import", "exports", "imports") and s.low(last + 1) in NOT_A_FLOW_AFTER
            or head == "trade" and k == 1 and s.low(i - 1) in NOT_A_FLOW_BEFORE  # World Trade Organization
            or flow is Flow.BALANCE and k == 1 and s.low(i - 1) in NOT_A_BALANCE_BEFORE  # budget deficit
            or head == "trade" and s.low(last + 1) in ("in", "on") and s.low(last + 2) in ("shares", "stocks")
        ):
            direction = None
            if flow is Flow.BALANCE:
                direction = Direction.SURPLUS if head in SURPLUS_WORDS else (
                    Direction.DEFICIT if head in DEFICIT_WORDS else None)
                side = side or direction
            found.append(FlowMention(s.starts[i], s.ends[last], flow, direction))
        i = last + 1
    if side is None and found:
        word = next((SIDE_WORDS[w] for w in s.lows if w in SIDE_WORDS), None)
        side = Direction(word) if word else None
    s.facts.flows.extend(FlowMention(f.start, f.end, f.flow, f.direction or side) if f.flow is Flow.BALANCE
                         else f for f in found)


def _others(s: Sentence) -> None:
    """fob / cif, the world as a partner, and "there" / "the country's" pointing back."""
    f = s.facts
    for i in range(s.n):
        if s.used[i]:
            continue
        if k := s.phrase(VALUATIONS, i):
            f.valuations.append(ValuationMention(s.starts[i], s.ends[i + k - 1], s.value(VALUATIONS, i, k)))
        elif (k := s.phrase(WORLD, i)) and not (s.lows[i + k - 1] == "world" and s.low(i + k) in ("trade", "bank")):
            f.countries.append(CountryMention(s.starts[i], s.ends[i + k - 1], WORLD_CODE, relation=_relation(s, i)))
        elif s.lows[i] == "there" and s.low(i - 1) in ("exports", "shipments", "sales", "imports"):
            f.anaphora.append(AnaphorMention(s.starts[i], s.ends[i], Relation.TO if s.lows[i - 1] != "imports"
                                             else Relation.FROM))
        elif s.lows[i] in ("country's", "country’s", "nation's", "nation’s") and s.low(i - 1) == "the":
            f.anaphora.append(AnaphorMention(s.starts[i - 1], s.ends[i] - 2))


__all__ = ["read", "sentences"]
