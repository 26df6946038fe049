"""Helpers for testing checkers, tradecheck's own and third-party ones.

``MemoryReference`` is a complete :class:`~checkers.reference.ReferenceSource` held in
memory, so a plugin's tests need neither the shipped data files nor the service.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .base import CheckContext
from .claim import Claim, ClaimKind, Flow, Period, Qualifier, Quantity
from .reference import FxRate, RankFigure, ShareFigure, Standing, TradeFigure

_MIRROR = {Flow.EXPORT: Flow.IMPORT, Flow.IMPORT: Flow.EXPORT, Flow.TOTAL: Flow.TOTAL, Flow.BALANCE: Flow.BALANCE}


class MemoryReference:
    def __init__(
        self,
        trade: Iterable[TradeFigure] = (),
        ranks: Iterable[RankFigure] = (),
        version: str = "test",
        shares: Iterable[ShareFigure] = (),
        fx: Iterable[FxRate] = (),
    ) -> None:
        self._trade = list(trade)
        self._ranks = list(ranks)
        self._shares = list(shares)
        self._fx = {(r.currency, r.year): r for r in fx}
        self._version = version

    @property
    def version(self) -> str:
        return self._version

    def trade_figures(self, country_a: str, country_b: str, year: int, flow: Flow) -> Sequence[TradeFigure]:
        own = [f for f in self._trade if (f.reporter, f.partner, f.year, f.flow) == (country_a, country_b, year, flow)]
        mirror = [
            f for f in self._trade if (f.reporter, f.partner, f.year, f.flow) == (country_b, country_a, year, _MIRROR[flow])
        ]
        return own + mirror

    def partner_ranks(self, country: str, year: int, rank: int = 1) -> Sequence[RankFigure]:
        return [r for r in self._ranks if (r.country, r.year, r.rank) == (country, year, rank)]

    def partner_figures(self, reporter: str, year: int, flow: Flow) -> Sequence[TradeFigure]:
        return [f for f in self._trade if (f.reporter, f.year, f.flow) == (reporter, year, flow)]

    def partner_shares(self, country: str, year: int, flow: Flow) -> Sequence[ShareFigure]:
        return [s for s in self._shares if (s.country, s.year, s.flow) == (country, year, flow)]

    def fx_rate(self, currency: str, year: int) -> FxRate | None:
        if currency == "USD":
            return FxRate(currency="USD", year=year, per_usd=1.0, source="identity", url="", published=None, method="identity")
        return self._fx.get((currency, year))


def trade_figure(
    reporter: str, partner: str, year: int, value: float, *, flow: Flow = Flow.TOTAL, currency: str = "USD",
    authority: str = "Test authority", standing: Standing = Standing.OFFICIAL, precision: str = "exact",
    published: date | None = None, url: str = "https://example.org/figure",
) -> TradeFigure:
    return TradeFigure(
        reporter=reporter, partner=partner, year=year, flow=flow, value=value, currency=currency,
        authority=authority, standing=standing, precision=precision, valuation=None, url=url,
        published=published, status="confirmed",
    )


def rank_figure(country: str, year: int, partner: str, *, rank: int = 1, published: date | None = None) -> RankFigure:
    return RankFigure(
        country=country, year=year, rank=rank, partner=partner, measure="total", authority="Test ministry",
        standing=Standing.OFFICIAL, status="confirmed", url=f"https://example.org/rank/{country}/{year}",
        published=published, statement=f"{partner} was {country}'s partner of rank {rank} in {year}",
    )


def trade_claim(
    numeral: str, scale: float = 1e9, *, unit: str = "USD", qualifier: Qualifier = Qualifier.EXACT,
    year: int | None = 2020, reporter: str | None = "CHN", partner: str | None = "RUS",
    flow: Flow = Flow.TOTAL, cited_source: str | None = None,
) -> Claim:
    """A trade-value claim as extraction would produce it, for checker tests."""
    text = f"{numeral} x {scale:g} {unit}"
    return Claim(
        text=text, start=0, end=len(text), kind=ClaimKind.TRADE_VALUE,
        quantity=Quantity(magnitude=float(numeral) * scale, unit=unit, numeral=numeral, scale=scale),
        qualifier=qualifier, period=Period.year(year) if year else None, reporter=reporter, partner=partner,
        flow=flow, cited_source=cited_source,
    )


def context(reference: MemoryReference, language: str = "en", published: date | None = None) -> CheckContext:
    return CheckContext(reference=reference, language=language, published=published)
