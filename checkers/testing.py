"""Helpers for testing checkers, tradecheck's own and third-party ones.

``MemoryReference`` is a complete :class:`~checkers.reference.ReferenceSource` held in
memory, so a plugin's tests need neither the shipped data files nor the service. The
``*_figure`` and ``*_claim`` functions build data rows and claims with sensible defaults::

    data = MemoryReference(trade=[trade_figure("CHN", "RUS", 2020, 107.76e9)])
    verdict = MyChecker().check(trade_claim("107", qualifier=Qualifier.OVER), context(data))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .base import CheckContext
from .claim import Claim, ClaimKind, Flow, Period, Qualifier, Quantity
from .reference import FxRate, RankFigure, ShareFigure, Standing, TradeFigure

_MIRROR = {Flow.EXPORT: Flow.IMPORT, Flow.IMPORT: Flow.EXPORT, Flow.TOTAL: Flow.TOTAL, Flow.BALANCE: Flow.BALANCE}


class MemoryReference:
    """Reference data in lists. Several rates for one currency and year are all kept
    (``fx_rates``); ``fx_rate`` answers with the first given."""

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
        self._fx: dict[tuple[str, int], list[FxRate]] = {}
        for rate in fx:
            self._fx.setdefault((rate.currency, rate.year), []).append(rate)
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
        found = self.fx_rates(currency, year)
        return found[0] if found else None

    def fx_rates(self, currency: str, year: int) -> Sequence[FxRate]:
        if currency == "USD":
            return [FxRate(currency="USD", year=year, per_usd=1.0, source="identity", url="", published=None, method="identity")]
        return list(self._fx.get((currency, year), []))


def trade_figure(
    reporter: str, partner: str, year: int, value: float, *, flow: Flow = Flow.TOTAL, currency: str = "USD",
    authority: str = "Test authority", standing: Standing = Standing.OFFICIAL, precision: str = "exact",
    published: date | None = None, url: str = "https://example.org/figure", valuation: str | None = None,
    note: str = "",
) -> TradeFigure:
    return TradeFigure(
        reporter=reporter, partner=partner, year=year, flow=flow, value=value, currency=currency,
        authority=authority, standing=standing, precision=precision, valuation=valuation, url=url,
        published=published, status="confirmed", note=note,
    )


def rank_figure(
    country: str, year: int, partner: str, *, rank: int = 1, published: date | None = None,
    authority: str = "Test ministry", standing: Standing = Standing.OFFICIAL, measure: str = "total",
) -> RankFigure:
    return RankFigure(
        country=country, year=year, rank=rank, partner=partner, measure=measure, authority=authority,
        standing=standing, status="confirmed_by_statement", url=f"https://example.org/rank/{country}/{year}",
        published=published, statement=f"{partner} was {country}'s partner of rank {rank} in {year}",
    )


def share_figure(
    country: str, partner: str, year: int, share: float, *, flow: Flow = Flow.EXPORT,
    source: str = "CIA World Factbook, 2022 edition", published: date | None = None,
    standing: Standing = Standing.COMPILED,
) -> ShareFigure:
    """A cited share; a compilation (the Factbook) unless ``standing`` says otherwise."""
    return ShareFigure(
        country=country, partner=partner, year=year, flow=flow, share=share, source=source,
        url=f"https://example.org/shares/{country}/{year}", published=published, standing=standing,
    )


def fx_rate(currency: str, year: int, per_usd: float, *, source: str = "ECB", published: date | None = None) -> FxRate:
    return FxRate(
        currency=currency, year=year, per_usd=per_usd, source=source, url=f"https://example.org/fx/{currency}",
        published=published, method="mean of daily reference rates",
    )


def trade_claim(
    numeral: str, scale: float = 1e9, *, unit: str = "USD", qualifier: Qualifier = Qualifier.EXACT,
    year: int | None = 2020, reporter: str | None = "CHN", partner: str | None = "RUS",
    flow: Flow = Flow.TOTAL, cited_source: str | None = None, kind: ClaimKind = ClaimKind.TRADE_VALUE,
    negative: bool = False, high: str | None = None, direction: str | None = None,
) -> Claim:
    """A money claim as extraction would produce it; ``negative`` for a deficit."""
    sign = -1.0 if negative else 1.0
    text = f"{numeral} x {scale:g} {unit}"
    quantity = Quantity(
        magnitude=sign * float(numeral) * scale, unit=unit, numeral=numeral, scale=scale,
        high=sign * float(high) * scale if high else None, high_numeral=high,
    )
    return Claim(
        text=text, start=0, end=len(text), kind=kind, quantity=quantity, qualifier=qualifier,
        period=Period.year(year) if year else None, reporter=reporter, partner=partner, flow=flow,
        cited_source=cited_source, direction=direction,
    )


def balance_claim(
    numeral: str, scale: float = 1e9, *, deficit: bool | None = True, **kwargs: object
) -> Claim:
    """A balance claim: a deficit unless ``deficit=False`` (a surplus); ``None`` leaves it unstated."""
    direction = None if deficit is None else ("deficit" if deficit else "surplus")
    return trade_claim(  # type: ignore[arg-type]
        numeral, scale, flow=Flow.BALANCE, kind=ClaimKind.BALANCE, direction=direction, **kwargs
    )


def percent_claim(
    numeral: str, kind: ClaimKind, *, negative: bool = False, qualifier: Qualifier = Qualifier.EXACT,
    year: int | None = 2020, reporter: str | None = "CHN", partner: str | None = "RUS", flow: Flow = Flow.TOTAL,
    cited_source: str | None = None, direction: str | None = None,
) -> Claim:
    """A growth (``negative`` for a fall) or share claim."""
    text = f"{numeral}%"
    value = float(numeral) * (-1 if negative else 1)
    if kind is ClaimKind.GROWTH and direction is None:
        direction = "decrease" if negative else "increase"
    return Claim(
        text=text, start=0, end=len(text), kind=kind,
        quantity=Quantity(magnitude=value, unit="percent", numeral=numeral, scale=1.0), qualifier=qualifier,
        period=Period.year(year) if year else None, reporter=reporter, partner=partner, flow=flow,
        cited_source=cited_source, direction=direction,
    )


def rank_claim(
    reporter: str, partner: str, year: int, *, rank: int = 1, flow: Flow | None = None, years: int | None = None,
) -> Claim:
    """A partner-rank claim, or a streak of ``years`` years ending in ``year``."""
    if years is None:
        return Claim(
            text="largest trading partner", start=0, end=23, kind=ClaimKind.PARTNER_RANK, period=Period.year(year),
            reporter=reporter, partner=partner, rank=rank, flow=flow,
        )
    return Claim(
        text=f"{years} years in a row", start=0, end=8, kind=ClaimKind.STREAK,
        quantity=Quantity(magnitude=years, unit="year", numeral=str(years)),
        period=Period(start=date(year - years + 1, 1, 1), end=date(year, 12, 31)),
        reporter=reporter, partner=partner, rank=rank, flow=flow,
    )


def context(reference: MemoryReference, language: str = "en", published: date | None = None) -> CheckContext:
    return CheckContext(reference=reference, language=language, published=published)
