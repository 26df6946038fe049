"""Who, which flow and when, for one figure: read from the facts of its sentence.

The same rules for every language:

* a sentence is cut into clauses at strong joints (";", "en", "but", "while"), and a figure's
  countries and flow come from its own clause when it names any;
* a country's relation (to / from / with / between), its possessive case and the flow decide
  the reporter (whose trade) and the partner: "útflutningur Íslands til Kína" and "Iceland's
  exports to China" are ISL reporting, CHN partner; the world is never the reporter;
* 'the two countries' and "þangað" / "there" reach back to the countries named before;
* the period is the only one the sentence names, else the nearest one that no other figure
  stands closer to.

:class:`Index` answers these questions for one sentence in logarithmic time per figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property

from checkers import Flow, Period

from .facts import (
    WORLD,
    AnaphorMention,
    ComparisonMention,
    CountryMention,
    FlowMention,
    NumberMention,
    PairMention,
    PeriodMention,
    RankMention,
    Relation,
    SentenceFacts,
    SourceMention,
    ValuationMention,
)
from .spans import Spans, distance

_JOINTS = re.compile(r";|,?\s(?:en|but|while|whereas|meðan|whilst)\s", re.IGNORECASE)
_ANDS = re.compile(r",?\s(?:og|and)\s", re.IGNORECASE)


def nearest(items: Sequence, start: int, end: int):
    """The nearest of a few items (a clause's countries); :class:`Spans` for many."""
    return min(items, key=lambda m: distance(m.start, m.end, start, end), default=None)


class Context:
    """Countries named so far, most recent last: 'the two countries' and "þangað" look here."""

    def __init__(self) -> None:
        self.recent: list[str] = []

    def remember(self, countries: Sequence[CountryMention]) -> None:
        for c in countries:
            if c.iso3 == WORLD or c.adjective:
                continue
            if c.iso3 in self.recent:
                self.recent.remove(c.iso3)
            self.recent.append(c.iso3)
        del self.recent[:-6]

    def others(self, named: Sequence[str]) -> list[str]:
        """Countries named before, most recent first, that are not in ``named``."""
        return [iso for iso in reversed(self.recent) if iso not in named]


class Index:
    """One sentence's facts, sorted for look-ups by position."""

    def __init__(self, text: str, facts: SentenceFacts) -> None:
        self.facts = facts
        self.text = text
        self.base = next((p for p in facts.periods if p.base), None)

    # Each look-up table is built on first use: most sentences need only a few of them.
    @cached_property
    def numbers(self) -> Spans[NumberMention]:
        return Spans(self.facts.numbers)

    @cached_property
    def flows(self) -> Spans[FlowMention]:
        return Spans(self.facts.flows)

    @cached_property
    def balances(self) -> Spans[FlowMention]:
        return Spans(f for f in self.facts.flows if f.flow is Flow.BALANCE)

    @cached_property
    def countries(self) -> Spans[CountryMention]:
        return Spans(self.facts.countries)

    @cached_property
    def pairs(self) -> Spans[PairMention]:
        return Spans(self.facts.pairs)

    @cached_property
    def anaphora(self) -> Spans[AnaphorMention]:
        return Spans(self.facts.anaphora)

    @cached_property
    def sources(self) -> Spans[SourceMention]:
        return Spans(self.facts.sources)

    @cached_property
    def valuations(self) -> Spans[ValuationMention]:
        return Spans(self.facts.valuations)

    @cached_property
    def comparisons(self) -> Spans[ComparisonMention]:
        return Spans(self.facts.comparisons)

    @cached_property
    def ranks(self) -> Spans[RankMention]:
        return Spans(self.facts.ranks)

    @cached_property
    def periods(self) -> Spans[PeriodMention]:
        return Spans(p for p in self.facts.periods if not p.base and p.period is not None)

    @cached_property
    def joints(self) -> list[tuple[int, int]]:
        return self._joints(self.text)

    @cached_property
    def joint_ends(self) -> list[int]:
        return [e for _, e in self.joints]

    @cached_property
    def joint_starts(self) -> list[int]:
        return [s for s, _ in self.joints]

    def _joints(self, text: str) -> list[tuple[int, int]]:
        """Where clauses meet: ";", "en", "but", "while", and "og"/"and" just before a flow word
        with no figure between ("... og útflutningur Kína til Rússlands 50 milljörðum")."""
        f = self.facts
        found = [(m.start(), m.end()) for m in _JOINTS.finditer(text, f.start, f.end)]
        if len(self.flows) > 1:
            for m in _ANDS.finditer(text, f.start, f.end):
                i = bisect_left(self.flows.starts, m.end())
                if i == len(self.flows) or self.flows.starts[i] - m.end() > 25:
                    continue
                k = bisect_left(self.numbers.starts, m.end())
                if k == len(self.numbers) or self.numbers.starts[k] >= self.flows.starts[i]:
                    found.append((m.start(), m.end()))
        return sorted(found)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause that holds [start, end)."""
        i = bisect_right(self.joint_ends, start)
        lo = self.joint_ends[i - 1] if i else self.facts.start
        k = bisect_left(self.joint_starts, end)
        hi = self.joint_starts[k] if k < len(self.joint_starts) else self.facts.end
        return lo, max(hi, end)

    def flow_of(self, start: int, end: int, lo: int, hi: int) -> FlowMention | None:
        """The trade flow a figure is about, in its clause if the clause names one: a balance word
        before it wins ("halli á vöruskiptum"), else the nearest flow before it, else after."""
        if not self.flows:
            return None
        if not self.flows.within(lo, hi):
            lo, hi = self.facts.start, self.facts.end
        balance = self.balances.last_before(start)
        if balance is not None and balance.start >= lo:
            return balance
        before = self.flows.last_before(start)
        if before is not None and before.start >= lo:
            return before
        i = bisect_left(self.flows.starts, start)
        after = self.flows.items[i] if i < len(self.flows) else None
        return after if after is not None and after.end <= hi else before

    def period_of(self, start: int, end: int, *, own_only: bool = False, ranks: bool = True) -> Period | None:
        """The period of a figure or phrase at [start, end).

        The only period the sentence names is everyone's; of several, the nearest that no other
        figure (or rank phrase) stands closer to. ``own_only`` asks for the nearest rule even when
        the sentence names one period ("rose from $5bn to $6bn in 2020": the $5bn is not of 2020).
        """
        periods = self.periods
        if not periods:
            return None
        if len(periods) == 1 and not own_only:
            return periods.items[0].period
        mention = self._nearest_period(start, end)
        mine = distance(start, end, mention.start, mention.end)
        rivals: list[Spans] = [self.numbers, self.ranks] if ranks else [self.numbers]
        for spans in rivals:
            other = spans.nearest(mention.start, mention.end, skip=(start, end))
            if other is not None and distance(other.start, other.end, mention.start, mention.end) < mine:
                if own_only or len(periods) == 1:
                    return None
                before = periods.last_before(start)  # "árið 2020 ... nam X": the period before it
                return before.period if before else None
        return mention.period

    def _nearest_period(self, start: int, end: int) -> PeriodMention:
        """The nearest period; of two as near, the one after ("$5bn in 2019 to $6bn in 2020")."""
        i = bisect_left(self.periods.starts, start)
        near = self.periods.items[max(0, i - 2) : i + 3]
        return min(near, key=lambda p: (distance(p.start, p.end, start, end), p.start < start))


def _distinct(countries: Sequence[CountryMention]) -> list[CountryMention]:
    seen: dict[str, CountryMention] = {}
    for c in countries:
        if c.iso3 not in seen or c.relation is not Relation.NONE and seen[c.iso3].relation is Relation.NONE:
            seen[c.iso3] = c
    return list(seen.values())


def parties(
    countries: Sequence[CountryMention], flow: Flow | None, pair: bool, anaphor: Relation | None, ctx: Context
) -> tuple[str | None, str | None]:
    """(reporter, partner) from the countries of a clause, the flow and the words that reach back."""
    named = _distinct(countries)
    isos = [c.iso3 for c in named]
    if anaphor is not None:  # "útflutningur þangað", "exports there"; "landsins", "the country's": the possessor
        back = ctx.others(isos)
        if back:
            named.append(CountryMention(-1, -1, back[0], possessive=anaphor is Relation.NONE, relation=anaphor))
    if pair and len([c for c in named if c.iso3 != WORLD]) < 2:
        for iso in ctx.others([c.iso3 for c in named]):
            named.append(CountryMention(-1, -1, iso))
            if len([c for c in named if c.iso3 != WORLD]) >= 2:
                break
    if not named:
        return None, None
    if flow is Flow.EXPORT:
        reporter_rel, partner_rel = (Relation.FROM,), (Relation.TO, Relation.WITH)
    elif flow is Flow.IMPORT:
        reporter_rel, partner_rel = (Relation.TO,), (Relation.FROM, Relation.WITH)
    else:
        reporter_rel, partner_rel = (), (Relation.WITH, Relation.BETWEEN, Relation.TO, Relation.FROM)
    partner = next((c for c in named if c.relation in partner_rel), None)
    reporter = next((c for c in named if c.relation in reporter_rel and c is not partner), None)
    if reporter is None:
        free = [c for c in named if c is not partner and c.relation not in partner_rel and c.iso3 != WORLD]
        reporter = next((c for c in free if c.possessive), None) or (free[0] if free else None)
    if reporter is None and partner is not None and partner.relation is Relation.BETWEEN:
        rest = [c for c in named if c is not partner and c.iso3 != WORLD]
        reporter = rest[0] if rest else None
    if partner is None:
        rest = [c for c in named if c is not reporter]
        partner = next((c for c in rest if c.iso3 != WORLD), None) or (rest[0] if rest else None)
    if reporter is not None and reporter.iso3 == WORLD:
        reporter, partner = partner, reporter
    if reporter is not None and partner is None and not pair:
        return reporter.iso3, WORLD  # "Iceland's exports", "útflutningur Íslands": with the whole world
    return (reporter.iso3 if reporter else None), (partner.iso3 if partner else None)


#: Words before a country that put it out of a rank: "overtook China as", "fór fram úr Kína sem".
_DISPLACED = ("overtook", "overtaking", "surpassed", "surpassing", "replaced", "replacing", "ousted",
              "fram úr", "framúr", "við af")


def rank_parties(
    countries: Sequence[CountryMention], start: int, end: int, text: str = ""
) -> tuple[str | None, str | None]:
    """(whose partner, which partner) of a rank phrase: the possessive country ranks its partners,
    or the one right after it ("the largest trading partner of the United States")."""
    owners = [c for c in countries if c.possessive and c.relation is Relation.NONE] or [
        c for c in countries if c.possessive]
    owner = nearest(owners, start, end)
    if owner is None and text:
        after = [c for c in countries if c.start >= end and text[end:c.start].strip().lower() in ("of", "of the")]
        owner = after[0] if after else None
    if owner is None:
        return None, None
    if text:
        countries = [c for c in countries if not text[max(0, c.start - 12):c.start].rstrip().lower().endswith(_DISPLACED)]
    others = [c for c in countries if c.iso3 != owner.iso3]
    subject = [c for c in others if not c.possessive] or others
    partner = nearest(subject, start, end)
    return owner.iso3, partner.iso3 if partner else None


def is_money(n: NumberMention) -> bool:
    return len(n.unit) == 3 and n.unit.isupper()
