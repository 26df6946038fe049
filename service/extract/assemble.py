"""From sentence facts to claims, the same way for every language.

A number becomes a claim of the kind its neighbours say: a currency amount next to a trade
flow or a 'the two countries' phrase is a trade value (or balance), a run of years next to
a rank phrase is a streak, a rank phrase alone is a partner rank; every other number is
still reported, as ``other``. Countries come from the sentence, or, for 'the two countries'
and the like, from the sentences before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from checkers import Claim, ClaimKind, Flow, Period, Quantity

from .facts import CountryMention, NumberMention, NumberRole, SentenceFacts

_MONEY_UNITS_EXCLUDED = {"percent", "year", "count"}


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def _nearest(items: Sequence, start: int, end: int):
    return min(items, key=lambda m: _distance(m.start, m.end, start, end), default=None)


def _distinct(countries: Sequence[CountryMention]) -> list[str]:
    seen: list[str] = []
    for c in countries:
        if c.iso3 not in seen:
            seen.append(c.iso3)
    return seen


class _Context:
    """Countries named so far, for 'the two countries' in a later sentence."""

    def __init__(self) -> None:
        self.recent: list[str] = []

    def remember(self, isos: list[str]) -> None:
        for iso in isos:
            if iso in self.recent:
                self.recent.remove(iso)
            self.recent.append(iso)
        del self.recent[:-4]

    def pair(self, isos: list[str]) -> tuple[str | None, str | None]:
        names = list(isos)
        for iso in reversed(self.recent):
            if len(names) >= 2:
                break
            if iso not in names:
                names.append(iso)
        names += [None, None]  # type: ignore[list-item]
        return names[0], names[1]


def _pair(facts: SentenceFacts, ctx: _Context) -> tuple[str | None, str | None]:
    """The two countries a trade figure is between; 'the two countries' may reach back."""
    isos = _distinct(facts.countries)
    if facts.pairs:
        return ctx.pair(isos)
    isos += [None, None]  # type: ignore[list-item]
    return isos[0], isos[1]


def _quantity(n: NumberMention) -> Quantity:
    return Quantity(
        magnitude=n.value, unit=n.unit, numeral=n.numeral, scale=n.scale, high=n.high, high_numeral=n.high_numeral
    )


def _year_from(facts: SentenceFacts, start: int, end: int, published: date | None) -> Period | None:
    """The period named nearest to the span, unless another number stands nearer to it."""
    mention = _nearest(facts.periods, start, end)
    if mention is None:
        return None
    owner = _nearest(facts.numbers + facts.ranks, mention.start, mention.end)  # type: ignore[operator]
    if owner is not None and _distance(owner.start, owner.end, mention.start, mention.end) < _distance(
        start, end, mention.start, mention.end
    ):
        return None
    return mention.period


def _flow(facts: SentenceFacts, n: NumberMention) -> Flow | None:
    """The trade flow a figure is about; a balance word anywhere before it wins ("halli á vöruskiptum")."""
    if any(f.flow is Flow.BALANCE and f.start < n.start for f in facts.flows):
        return Flow.BALANCE
    mention = _nearest(facts.flows, n.start, n.end)
    return mention.flow if mention else None


def _rank_roles(facts: SentenceFacts, start: int, end: int) -> tuple[str | None, str | None]:
    """(whose partner, which partner): the possessive country is the one ranking its partners."""
    owner = _nearest([c for c in facts.countries if c.possessive], start, end)
    if owner is None:
        return None, None
    others = [c for c in facts.countries if c.iso3 != owner.iso3 and not c.possessive]
    partner = _nearest(others, start, end) if others else None
    if partner is None:
        others = [c for c in facts.countries if c.iso3 != owner.iso3]
        partner = _nearest(others, start, end)
    return owner.iso3, partner.iso3 if partner else None


def _streak(
    n: NumberMention, facts: SentenceFacts, text: str, language: str, published: date | None, used_ranks: set[int]
) -> Claim:
    rank = _nearest(facts.ranks, n.start, n.end)
    start, end = n.start, n.end
    reporter = partner = None
    if rank is not None:
        used_ranks.add(id(rank))
        start, end = min(start, rank.start), max(end, rank.end)
        reporter, partner = _rank_roles(facts, rank.start, rank.end)
    explicit = _year_from(facts, n.start, n.end, published)
    last = explicit.end.year if explicit else (published.year - 1 if published else None)
    period = None
    if last is not None and n.value >= 1 and float(n.value).is_integer():
        period = Period(start=date(last - int(n.value) + 1, 1, 1), end=date(last, 12, 31))
    return Claim(
        text=text[start:end], start=start, end=end, kind=ClaimKind.STREAK, quantity=_quantity(n),
        qualifier=n.qualifier, period=period, reporter=reporter, partner=partner,
        rank=rank.rank if rank else None, language=language,
    )


def _money(n: NumberMention, facts: SentenceFacts, ctx: _Context, text: str, language: str) -> Claim:
    flow = _flow(facts, n) or (Flow.TOTAL if facts.pairs else None)
    if flow is None:
        return _other(n, text, language)
    reporter, partner = _pair(facts, ctx)
    source = _nearest(facts.sources, n.start, n.end)
    return Claim(
        text=text[n.start:n.end], start=n.start, end=n.end,
        kind=ClaimKind.BALANCE if flow is Flow.BALANCE else ClaimKind.TRADE_VALUE,
        quantity=_quantity(n), qualifier=n.qualifier, period=_year_from(facts, n.start, n.end, None),
        reporter=reporter, partner=partner, flow=flow, cited_source=source.reporter if source else None,
        language=language,
    )


def _percent(n: NumberMention, facts: SentenceFacts, ctx: _Context, text: str, language: str) -> Claim:
    kind = {NumberRole.CHANGE: ClaimKind.GROWTH, NumberRole.SHARE: ClaimKind.SHARE}.get(n.role)
    if kind is None or not (facts.flows or facts.pairs):
        return _other(n, text, language)
    flow_mention = _nearest(facts.flows, n.start, n.end)
    reporter, partner = _pair(facts, ctx)
    return Claim(
        text=text[n.start:n.end], start=n.start, end=n.end, kind=kind, quantity=_quantity(n),
        qualifier=n.qualifier, period=_year_from(facts, n.start, n.end, None), reporter=reporter,
        partner=partner, flow=flow_mention.flow if flow_mention else Flow.TOTAL, language=language,
    )


def _other(n: NumberMention, text: str, language: str) -> Claim:
    return Claim(
        text=text[n.start:n.end], start=n.start, end=n.end, kind=ClaimKind.OTHER,
        quantity=_quantity(n), qualifier=n.qualifier, language=language,
    )


def assemble(sentences: Sequence[SentenceFacts], text: str, language: str, published: date | None) -> list[Claim]:
    """Claims in text order, one per number plus one per rank phrase no number took."""
    claims: list[Claim] = []
    ctx = _Context()
    for facts in sentences:
        used_ranks: set[int] = set()
        for n in facts.numbers:
            if n.role is NumberRole.STREAK:
                claim = _streak(n, facts, text, language, published, used_ranks)
            elif n.unit not in _MONEY_UNITS_EXCLUDED:
                claim = _money(n, facts, ctx, text, language)
            elif n.unit == "percent":
                claim = _percent(n, facts, ctx, text, language)
            else:
                claim = _other(n, text, language)
            claims.append(claim.model_copy(update={"sentence_start": facts.start, "sentence_end": facts.end}))
        for rank in facts.ranks:
            if id(rank) in used_ranks:
                continue
            reporter, partner = _rank_roles(facts, rank.start, rank.end)
            if reporter is None or partner is None:
                continue
            explicit = _year_from(facts, rank.start, rank.end, published)
            period = explicit or (Period.year(published.year - 1) if published else None)
            claims.append(Claim(
                text=text[rank.start:rank.end], start=rank.start, end=rank.end, kind=ClaimKind.PARTNER_RANK,
                period=period, reporter=reporter, partner=partner, rank=rank.rank, language=language,
                sentence_start=facts.start, sentence_end=facts.end,
            ))
        ctx.remember(_distinct(facts.countries))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
