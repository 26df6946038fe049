"""From sentence facts to claims, the same way for every language.

A number becomes a claim of the kind its neighbours say: an amount (money, tonnes, barrels) next
to a trade flow or a 'the two countries' phrase is a trade value, or a balance; a percentage
that changes is growth, one of a whole is a share; a run of years next to a rank phrase is a
streak, a rank phrase alone a partner rank. Every other number is still reported, as ``other``.
A change and the level it reached ("fell 2.9% to 107.76 bn") are one series: both claims get the
same flow, countries and period.

What a :class:`~checkers.Claim` has no field for yet (valuation, direction, comparisons, the
series, the base period of a change) is kept in a :class:`ClaimDetail` beside each claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from checkers import Claim, ClaimKind, Flow, Period, Quantity

from .facts import (
    ComparisonMention,
    Direction,
    FlowMention,
    NumberMention,
    NumberRole,
    RankMention,
    Relation,
    SentenceFacts,
)
from .periods import year_before
from .roles import Context, Index, is_money, parties, rank_parties
from .spans import Spans

_VOLUMES = frozenset({"tonne", "barrel"})
_PERCENTAGES = frozenset({"percent", "percentage_point"})


@dataclass(frozen=True)
class ClaimDetail:
    """What the text says about a claim beyond the fields of :class:`~checkers.Claim`."""

    valuation: str | None = None  # "fob" or "cif"
    direction: Direction | None = None  # a change's increase / decrease, a balance's surplus / deficit
    comparison: str | None = None  # "record_high", "record_low", "highest_since", "lowest_since"
    since: int | None = None  # the year of "the highest since 2014"
    series: int | None = None  # claims about one series share this number ("fell 2.9% to 107.76 bn")
    compared_with: Period | None = None  # the base of a change ("year on year", "á sama tíma fyrir ári")
    role: NumberRole = NumberRole.PLAIN


@dataclass
class _Setting:
    """Flow, countries, period and source of one figure (or one series of figures)."""

    flow: Flow | None
    reporter: str | None
    partner: str | None
    period: Period | None
    source: str | None
    pair: bool
    side: Direction | None


def _quantity(n: NumberMention) -> Quantity:
    return Quantity(
        magnitude=n.value, unit=n.unit, numeral=n.numeral, scale=n.scale, high=n.high, high_numeral=n.high_numeral
    )


class _Sentence:
    def __init__(self, facts: SentenceFacts, text: str, language: str, published: date | None, ctx: Context,
                 series_base: int) -> None:
        self.facts = facts
        self.text = text
        self.language = language
        self.published = published
        self.ctx = ctx
        self.index = Index(text, facts)
        self.where = {"sentence_start": facts.start, "sentence_end": facts.end, "language": language}
        self.series_base = series_base
        self.series_count = 0
        self.series: dict[int, int] = {}  # number index -> series id
        self.used_comparisons: set[int] = set()
        self.used_ranks: set[int] = set()
        self.parties: dict[tuple, tuple[str | None, str | None]] = {}  # one answer per clause and flow

    @cached_property
    def owners(self) -> Spans[NumberMention]:
        """The figures a comparison can belong to."""
        return Spans(m for m in self.facts.numbers if m.role is not NumberRole.PREVIOUS)

    def setting(self, n: NumberMention, own_period: bool = False) -> _Setting:
        ix = self.index
        lo, hi = ix.clause(n.start, n.end)
        flow_mention = ix.flow_of(n.start, n.end, lo, hi)
        pair = bool(ix.pairs.within(lo, hi) or ix.pairs)
        flow = flow_mention.flow if flow_mention else (Flow.TOTAL if pair else None)
        anaphor = ix.anaphora.nearest(n.start, n.end) if ix.anaphora else None
        relation = anaphor.relation if anaphor is not None and lo <= anaphor.start < hi else None
        reporter, partner = self.parties_in(lo, hi, flow, pair, relation)
        owner = self.flow_owner(flow_mention) if flow_mention is not None else None
        if owner is not None and owner != reporter:  # "17.6% of US exports": the US reports them
            reporter, partner = owner, (reporter if partner in (None, owner) else partner)
        source = ix.sources.nearest(n.start, n.end)
        period = ix.period_of(n.start, n.end, own_only=own_period)
        side = flow_mention.direction if flow_mention and flow is Flow.BALANCE else None
        return _Setting(flow, reporter, partner, period, source.reporter if source else None, pair, side)

    def parties_in(self, lo: int, hi: int, flow: Flow | None, pair: bool, relation: Relation | None
                   ) -> tuple[str | None, str | None]:
        key = (lo, hi, flow, pair, relation)
        if key not in self.parties:
            countries = self.index.countries.within(lo, hi) or self.facts.countries
            self.parties[key] = parties(countries, flow, pair, relation, self.ctx)
        return self.parties[key]

    def claims(self) -> list[tuple[Claim, ClaimDetail]]:
        out: list[tuple[Claim, ClaimDetail]] = []
        settings = self.series_settings()
        for k, n in enumerate(self.facts.numbers):
            if n.unit in ("count", "year") and n.role is not NumberRole.STREAK:  # no trade figure: "fimm símtöl"
                out.append((self.other(n), ClaimDetail(role=n.role)))
                continue
            setting = settings.get(k) or self.setting(n, own_period=n.role is NumberRole.PREVIOUS)
            out.append(self.claim(k, n, setting))
        out.extend(self.rank_claims())
        out.extend(self.loose_comparisons())
        return out

    def series_settings(self) -> dict[int, _Setting]:
        """A change and the level it reached, or a start and an end, share one setting."""
        numbers = self.facts.numbers
        settings: dict[int, _Setting] = {}
        for k in range(1, len(numbers)):
            first, second = numbers[k - 1], numbers[k]
            if second.role is not NumberRole.LEVEL or first.role not in (NumberRole.CHANGE, NumberRole.PREVIOUS):
                continue
            if k - 1 not in self.series:
                self.series_count += 1
                self.series[k - 1] = self.series_base + self.series_count
            self.series[k] = self.series[k - 1]
            shared = self.setting(second)
            settings[k] = shared
            if first.role is NumberRole.CHANGE:
                settings[k - 1] = shared
            else:
                own = self.setting(first, own_period=True)
                settings[k - 1] = _Setting(shared.flow, shared.reporter, shared.partner, own.period, shared.source,
                                           shared.pair, shared.side)
        return settings

    def claim(self, k: int, n: NumberMention, setting: _Setting) -> tuple[Claim, ClaimDetail]:
        kind = self.kind(n, setting)
        comparison = self.comparison_for(n)
        detail = ClaimDetail(
            valuation=self.valuation(n) if kind in (ClaimKind.TRADE_VALUE, ClaimKind.BALANCE) else None,
            direction=n.direction if kind is ClaimKind.GROWTH else setting.side if kind is ClaimKind.BALANCE else None,
            comparison=comparison.comparison if comparison else None,
            since=comparison.since if comparison else None,
            series=self.series.get(k),
            compared_with=self.compared_with(setting.period) if kind is ClaimKind.GROWTH else None,
            role=n.role,
        )
        if kind is ClaimKind.STREAK:
            return self.streak(n, setting), detail
        if kind is ClaimKind.OTHER:
            return self.other(n), detail
        return Claim(
            text=self.text[n.start:n.end], start=n.start, end=n.end, kind=kind, quantity=_quantity(n),
            qualifier=n.qualifier, period=setting.period, reporter=setting.reporter, partner=setting.partner,
            flow=setting.flow or Flow.TOTAL, cited_source=setting.source, **self.where,
        ), detail

    def kind(self, n: NumberMention, setting: _Setting) -> ClaimKind:
        if n.role is NumberRole.STREAK:
            return ClaimKind.STREAK
        trade = setting.flow is not None or setting.pair
        if n.role is NumberRole.CHANGE and trade and n.unit not in ("count", "year"):
            return ClaimKind.GROWTH
        if (is_money(n) or n.unit in _VOLUMES) and trade:
            return ClaimKind.BALANCE if setting.flow is Flow.BALANCE else ClaimKind.TRADE_VALUE
        if n.unit in _PERCENTAGES and trade and n.role is NumberRole.SHARE:
            return ClaimKind.SHARE
        return ClaimKind.OTHER

    def streak(self, n: NumberMention, setting: _Setting) -> Claim:
        rank = self.index.ranks.nearest(n.start, n.end)
        start, end = n.start, n.end
        reporter = partner = None
        if rank is not None:
            self.used_ranks.add(id(rank))
            start, end = min(start, rank.start), max(end, rank.end)
            reporter, partner = rank_parties(self.facts.countries, rank.start, rank.end, self.text)
        explicit = self.index.period_of(n.start, n.end, own_only=True)
        last = explicit.end.year if explicit else (self.published.year - 1 if self.published else None)
        period = None
        if last is not None and n.value >= 1 and float(n.value).is_integer() and n.value < 200:
            period = Period(start=date(last - int(n.value) + 1, 1, 1), end=date(last, 12, 31))
        return Claim(
            text=self.text[start:end], start=start, end=end, kind=ClaimKind.STREAK, quantity=_quantity(n),
            qualifier=n.qualifier, period=period, reporter=reporter, partner=partner,
            rank=rank.rank if rank else None, flow=self.rank_flow(rank) if rank else None,
            cited_source=setting.source, **self.where,
        )

    def other(self, n: NumberMention) -> Claim:
        return Claim(
            text=self.text[n.start:n.end], start=n.start, end=n.end, kind=ClaimKind.OTHER,
            quantity=_quantity(n), qualifier=n.qualifier, **self.where,
        )

    def rank_claims(self) -> list[tuple[Claim, ClaimDetail]]:
        out = []
        for rank in self.facts.ranks:
            if id(rank) in self.used_ranks:
                continue
            lo, hi = self.index.clause(rank.start, rank.end)
            countries = self.index.countries.within(lo, hi) or self.facts.countries
            reporter, partner = rank_parties(countries, rank.start, rank.end, self.text)
            if reporter is None:
                continue
            explicit = self.index.period_of(rank.start, rank.end, ranks=False)
            period = explicit or (Period.year(self.published.year - 1) if self.published else None)
            source = self.index.sources.nearest(rank.start, rank.end)
            out.append((Claim(
                text=self.text[rank.start:rank.end], start=rank.start, end=rank.end, kind=ClaimKind.PARTNER_RANK,
                period=period, reporter=reporter, partner=partner, rank=rank.rank, flow=self.rank_flow(rank),
                cited_source=source.reporter if source else None, **self.where,
            ), ClaimDetail()))
        return out

    def flow_owner(self, flow: FlowMention) -> str | None:
        """The country written right before a flow word ("US exports", "China's imports") owns it."""
        for c in self.facts.countries:
            if c.end <= flow.start and self.text[c.end:flow.start] in ("", " ", "'s ", "’s ", "-"):
                return c.iso3
        return None

    def rank_flow(self, rank: RankMention) -> Flow | None:
        """Which ranking a rank phrase means: "export market" and "source of imports" name theirs."""
        if rank.flow is not None:
            return rank.flow
        named = [f for f in self.facts.flows if rank.start <= f.start <= rank.end + 12 and f.flow in (Flow.EXPORT, Flow.IMPORT)]
        return named[0].flow if named else None

    def comparison_for(self, n: NumberMention) -> ComparisonMention | None:
        ix = self.index
        if not ix.comparisons or n.role in (NumberRole.STREAK, NumberRole.PREVIOUS):
            return None
        lo, hi = ix.clause(n.start, n.end)
        mention = ix.comparisons.nearest(n.start, n.end)
        if mention is None or not (lo <= mention.start and mention.end <= hi):
            return None
        if self.owners.nearest(mention.start, mention.end) is not n:  # another figure is nearer to it
            return None
        self.used_comparisons.add(id(mention))
        return mention

    def loose_comparisons(self) -> list[tuple[Claim, ClaimDetail]]:
        """ "Exports were the highest since 2014": a comparison with no figure is still a claim."""
        out = []
        for c in self.facts.comparisons:
            if id(c) in self.used_comparisons or not self.facts.flows:
                continue
            lo, hi = self.index.clause(c.start, c.end)
            flow = self.index.flow_of(c.start, c.end, lo, hi)
            reporter, partner = self.parties_in(self.facts.start, self.facts.end, flow.flow if flow else None,
                                                bool(self.facts.pairs), None)
            out.append((Claim(
                text=self.text[c.start:c.end], start=c.start, end=c.end, kind=ClaimKind.OTHER,
                period=self.index.period_of(c.start, c.end), reporter=reporter, partner=partner,
                flow=flow.flow if flow else None, **self.where,
            ), ClaimDetail(comparison=c.comparison, since=c.since)))
        return out

    def valuation(self, n: NumberMention) -> str | None:
        mention = self.index.valuations.nearest(n.start, n.end)
        return mention.valuation if mention else None

    def compared_with(self, period: Period | None) -> Period | None:
        base = self.index.base
        if base is None:
            return None
        if base.period is not None:
            return base.period
        return year_before(period) if period is not None else None


def assemble(
    sentences: Sequence[SentenceFacts], text: str, language: str, published: date | None
) -> list[tuple[Claim, ClaimDetail]]:
    """Claims in text order, each with its detail."""
    out: list[tuple[Claim, ClaimDetail]] = []
    ctx = Context()
    series = 0
    for facts in sentences:
        if not (facts.numbers or facts.ranks or facts.comparisons):  # only countries to remember
            ctx.remember(facts.countries)
            continue
        reader = _Sentence(facts, text, language, published, ctx, series)
        out.extend(reader.claims())
        series += reader.series_count
        ctx.remember(facts.countries)
    out.sort(key=lambda cd: (cd[0].start, cd[0].end))
    return out
