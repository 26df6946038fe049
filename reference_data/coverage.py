"""What the loaded data covers: pairs, years and flows, ranks, shares and FX rates (for ``data info``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .tables import Table


@dataclass(frozen=True)
class PairCoverage:
    """What one reporter reports about one partner: years and flows, and how many rows."""

    reporter: str
    partner: str
    years: tuple[int, ...]
    flows: tuple[str, ...]
    rows: int


@dataclass(frozen=True)
class RankCoverage:
    country: str
    years: tuple[int, ...]
    rows: int


@dataclass(frozen=True)
class ShareCoverage:
    """Shares of one country's exports or imports by partner: data years, and editions where any."""

    country: str
    years: tuple[int, ...]
    editions: tuple[int, ...]
    rows: int


@dataclass(frozen=True)
class FxCoverage:
    """Annual rates of one currency from one authority; partial years are listed apart."""

    currency: str
    authority: str
    years: tuple[int, ...]
    partial_years: tuple[int, ...]


@dataclass(frozen=True)
class Coverage:
    version: str
    trade_rows: int
    rank_rows: int
    pairs: tuple[PairCoverage, ...]
    ranks: tuple[RankCoverage, ...]
    share_rows: int = 0
    fx_rows: int = 0
    shares: tuple[ShareCoverage, ...] = ()
    fx: tuple[FxCoverage, ...] = ()


def _columns(table: Table, *names: str) -> Iterable[tuple[Any, ...]]:
    return zip(*(table.column(n) for n in names), strict=True)


def _pairs(trade: Iterable[Table]) -> tuple[PairCoverage, ...]:
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    flows: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows: dict[tuple[str, str], int] = defaultdict(int)
    for table in trade:
        for reporter, partner, year, flow in _columns(table, "reporter", "partner", "year", "flow"):
            years[(reporter, partner)].add(year)
            flows[(reporter, partner)].add(flow.value)
            rows[(reporter, partner)] += 1
    return tuple(
        PairCoverage(r, p, tuple(sorted(years[(r, p)])), tuple(sorted(flows[(r, p)])), rows[(r, p)])
        for r, p in sorted(rows)
    )


def _ranks(ranks: Table) -> tuple[RankCoverage, ...]:
    years: dict[str, set[int]] = defaultdict(set)
    rows: dict[str, int] = defaultdict(int)
    for country, year in _columns(ranks, "country", "year"):
        years[country].add(year)
        rows[country] += 1
    return tuple(RankCoverage(c, tuple(sorted(years[c])), rows[c]) for c in sorted(rows))


def _shares(shares: Table) -> tuple[ShareCoverage, ...]:
    years: dict[str, set[int]] = defaultdict(set)
    editions: dict[str, set[int]] = defaultdict(set)
    rows: dict[str, int] = defaultdict(int)
    for country, year, edition in _columns(shares, "country", "year", "edition"):
        years[country].add(year)
        if edition is not None:
            editions[country].add(edition)
        rows[country] += 1
    return tuple(
        ShareCoverage(c, tuple(sorted(years[c])), tuple(sorted(editions[c])), rows[c]) for c in sorted(rows)
    )


def _fx(fx: Table) -> tuple[FxCoverage, ...]:
    years: dict[tuple[str, str], list[int]] = defaultdict(list)
    partial: dict[tuple[str, str], list[int]] = defaultdict(list)
    for currency, authority, year, status in _columns(fx, "currency", "authority", "year", "status"):
        (years if status == "complete" else partial)[(currency, authority)].append(year)
    keys = sorted(set(years) | set(partial))
    return tuple(FxCoverage(c, a, tuple(sorted(years[(c, a)])), tuple(sorted(partial[(c, a)]))) for c, a in keys)


def summarise(version: str, trade: tuple[Table, ...], ranks: Table, shares: Table, fx: Table) -> Coverage:
    return Coverage(
        version=version,
        trade_rows=sum(len(t) for t in trade),
        rank_rows=len(ranks),
        pairs=_pairs(trade),
        ranks=_ranks(ranks),
        share_rows=len(shares),
        fx_rows=len(fx),
        shares=_shares(shares),
        fx=_fx(fx),
    )
