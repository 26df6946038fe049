"""The reference store: the validated data files, indexed for the look-ups checkers make.

:class:`ReferenceStore` holds what every store answers the same way: the mirror rule, upper-casing,
ranks, shares and FX rates with their orders. Its trade figures come from a :class:`TradeIndex`:

- the CSV store (:func:`load`) reads ``MANIFEST.json`` first (data version, files, sha256, row
  counts), checks every listed file against it, validates every row of every file with
  :mod:`reference_data.tables`, and indexes the rows by dict (:class:`TableIndex`), so that every
  look-up is a few dictionary reads. Models are built for the rows a look-up returns, on first use;
- the columnar store (:mod:`reference_data.columnar`) reads Parquet files once into arrays.

Orders (each documented in ``reference_data/data/README.md``):

- :meth:`ReferenceStore.trade_figures`: the first country's own figures, then the partner's mirror figures;
- :meth:`ReferenceStore.partner_figures`: grouped by table (standing, authority, published, url), each
  table's partners by value, largest first, so a table's ``WLD`` row comes before its partners;
- :meth:`ReferenceStore.partner_shares`: sources without edition first, then editions newest first,
  each by share, largest first;
- :meth:`ReferenceStore.fx_rates`: the currency's own central bank (CBI for ISK) before the ECB;
  partial years only when asked for, after the complete ones.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from checkers.claim import Flow
from checkers.reference import FxRate, RankFigure, Standing, TradeFigure

from . import schema
from .coverage import Coverage, summarise
from .manifest import MANIFEST, Manifest
from .records import CitedFxRate, CitedShare
from .tables import Table, parse_table

__all__ = ["MANIFEST", "ReferenceStore", "TableIndex", "TradeIndex", "load", "partner_order", "table_order"]

# For a flow asked about (A, B), which (reporter, flow) rows answer it: A's own, then B's mirror.
_MIRROR = {
    Flow.EXPORT: Flow.IMPORT,
    Flow.IMPORT: Flow.EXPORT,
    Flow.TOTAL: Flow.TOTAL,
    Flow.BALANCE: Flow.BALANCE,
}
#: Official figures first, then compilations, then the press (the first key of :func:`partner_order`).
STANDING_ORDER = {Standing.OFFICIAL: 0, Standing.COMPILED: 1, Standing.PRESS: 2}
#: Per currency, the authorities whose rates are preferred, best first; others follow, then the ECB.
FX_PREFERENCE: dict[str, tuple[str, ...]] = {"ISK": ("CBI", "ECB")}
_DEFAULT_FX_PREFERENCE = ("ECB",)

Ref = tuple[int, int]  # (table number, row number in that table)


def table_order(standing: Standing, authority: str, published: date | None, url: str) -> tuple[Any, ...]:
    """Which table (of one authority's release) comes first in :meth:`ReferenceStore.partner_figures`."""
    return (STANDING_ORDER[standing], authority, published or date.min, url)


def partner_order(fig: TradeFigure) -> tuple[Any, ...]:
    """The order of :meth:`ReferenceStore.partner_figures`: by table (standing, authority, published,
    url; no date first), then by value, largest first. Equal keys keep the files' order."""
    return (*table_order(fig.standing, fig.authority, fig.published, fig.url), -fig.value)


class TradeIndex(Protocol):
    """Where a store finds its trade figures. The CSV store's is :class:`TableIndex`; the columnar
    store's is ``reference_data.columnar.index.ArrayIndex``."""

    def pair(self, reporter: str, partner: str, year: int, flow: Flow) -> tuple[TradeFigure, ...]:
        """What ``reporter`` reports about ``partner``: in the files' order (table by table, row by row)."""
        ...

    def partners(self, reporter: str, year: int, flow: Flow) -> tuple[TradeFigure, ...]:
        """Every figure ``reporter`` gives for ``year`` and ``flow``, in :func:`partner_order`."""
        ...

    def tables(self) -> tuple[Table, ...]:
        """Per trade file, at least its reporter, partner, year and flow columns (for coverage)."""
        ...

    def __len__(self) -> int:
        """How many trade rows the index holds."""
        ...


class TableIndex:
    """A :class:`TradeIndex` over validated tables held as Python lists: dicts of row references."""

    def __init__(self, trade: Sequence[Table]) -> None:
        self._trade = tuple(trade)
        self._pair: dict[tuple[str, str, int, Flow], list[Ref]] = defaultdict(list)
        self._by_reporter: dict[tuple[str, int, Flow], list[Ref]] = defaultdict(list)
        for t, table in enumerate(self._trade):
            columns = (table.column(c) for c in ("reporter", "partner", "year", "flow"))
            for i, (reporter, partner, year, flow) in enumerate(zip(*columns, strict=True)):
                self._pair[(reporter, partner, year, flow)].append((t, i))
                self._by_reporter[(reporter, year, flow)].append((t, i))

    def _figures(self, refs: list[Ref]) -> tuple[TradeFigure, ...]:
        return tuple(self._trade[t].model(i) for t, i in refs)

    def pair(self, reporter: str, partner: str, year: int, flow: Flow) -> tuple[TradeFigure, ...]:
        return self._figures(self._pair.get((reporter, partner, year, flow), []))

    def partners(self, reporter: str, year: int, flow: Flow) -> tuple[TradeFigure, ...]:
        return tuple(sorted(self._figures(self._by_reporter.get((reporter, year, flow), [])), key=partner_order))

    def tables(self) -> tuple[Table, ...]:
        return self._trade

    def __len__(self) -> int:
        return sum(len(t) for t in self._trade)


class ReferenceStore:
    """Cited trade figures, partner ranks and shares, and FX rates; satisfies ``checkers.ReferenceSource``.

    The trade figures come from a :class:`TradeIndex`; ranks, shares and rates, which are small,
    from validated tables. ``engine`` says which store was loaded: ``csv`` or ``columnar``.
    """

    def __init__(
        self,
        version: str,
        trade: TradeIndex,
        ranks: Table,
        shares: Table,
        fx: Table,
        source: Path | None = None,
        engine: str = "csv",
    ) -> None:
        self._version = version
        self.source = source
        self.engine = engine
        self._index = trade
        self._rank_table, self._share_table, self._fx_table = ranks, shares, fx
        self._ranks = _group(ranks, ("country", "year", "rank"))
        self._shares = _group(shares, ("country", "year", "flow"))
        self._fx = _group(fx, ("currency", "year"))

    @property
    def version(self) -> str:
        return self._version

    @property
    def trade_rows(self) -> int:
        """How many trade figures the store holds, from every trade file."""
        return len(self._index)

    # -- trade ------------------------------------------------------------------------------------

    def trade_figures(self, country_a: str, country_b: str, year: int, flow: Flow) -> Sequence[TradeFigure]:
        """``country_a``'s own figures first, then ``country_b``'s mirror figures.

        export: A's exports to B as A reports them, and B's imports from A as B reports them;
        import: the reverse; total: each side's total for the pair. A balance is returned as each
        reporter states it, from the reporter's own side (B's row has the opposite sign convention).
        """
        a, b, flow = country_a.upper(), country_b.upper(), Flow(flow)
        return self._index.pair(a, b, year, flow) + self._index.pair(b, a, year, _MIRROR[flow])

    def partner_figures(self, reporter: str, year: int, flow: Flow) -> Sequence[TradeFigure]:
        """Every figure ``reporter`` gives for ``year`` and ``flow``, with every partner, from every source.

        Partners include the world (``WLD``), blocs and regions: use :func:`reference_data.areas.is_country`
        to keep countries only. Rows from one table (same standing, authority, published date and url)
        come together, largest value first.
        """
        return self._index.partners(reporter.upper(), year, Flow(flow))

    # -- ranks and shares -----------------------------------------------------------------------

    def partner_ranks(self, country: str, year: int, rank: int = 1) -> Sequence[RankFigure]:
        return tuple(self._rank_table.models(self._ranks.get((country.upper(), year, rank), [])))

    def partner_shares(self, country: str, year: int, flow: Flow) -> Sequence[CitedShare]:
        """Cited shares of ``country``'s exports or imports by partner, for data year ``year``.

        Official sources (no edition) first, then CIA World Factbook editions newest first; within
        each source, largest share first. The same data year often appears in several editions.
        """
        rows = self._share_table.models(self._shares.get((country.upper(), year, Flow(flow)), []))
        return tuple(sorted(rows, key=lambda s: (s.edition is not None, -(s.edition or 0), s.source, -s.share)))

    # -- FX ------------------------------------------------------------------------------------

    def fx_rates(self, currency: str, year: int, *, include_partial: bool = False) -> Sequence[FxRate]:
        """The annual rates of ``currency`` per US dollar for ``year``, the preferred authority first.

        Only complete years unless ``include_partial`` is set; then partial rows (``status``
        ``partial``, covering ``first_day`` to ``last_day`` only, not an annual average) follow the
        complete ones. Years without rates (ECB ISK 2009-2017, RUB from 2023) give ``()``.
        """
        code = currency.upper()
        if code == "USD":
            return (_usd(year),)
        preference = FX_PREFERENCE.get(code, _DEFAULT_FX_PREFERENCE)
        rates: list[CitedFxRate] = list(self._fx_table.models(self._fx.get((code, year), [])))

        def rank(rate: CitedFxRate) -> tuple[bool, int]:
            order = preference.index(rate.authority) if rate.authority in preference else len(preference)
            return (rate.status != "complete", order)

        return tuple(r for r in sorted(rates, key=rank) if include_partial or r.status == "complete")

    def fx_rate(self, currency: str, year: int, *, allow_partial: bool = False) -> FxRate | None:
        """The preferred annual average rate of ``currency`` per US dollar in ``year``, or ``None``.

        The rule: a complete year from the currency's own central bank when there is one (the Central
        Bank of Iceland for ISK), else the ECB's. A partial year (e.g. RUB 2022, January-February only)
        is never returned unless ``allow_partial`` is set, and then only when no complete year exists.
        """
        rates = self.fx_rates(currency, year, include_partial=allow_partial)
        return rates[0] if rates else None

    def coverage(self) -> Coverage:
        """Which pairs, years and flows the data covers (for ``data info``)."""
        return summarise(self._version, self._index.tables(), self._rank_table, self._share_table, self._fx_table)


def _group(table: Table, columns: tuple[str, ...]) -> dict[tuple[Any, ...], list[int]]:
    groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, key in enumerate(zip(*(table.column(c) for c in columns), strict=True)):
        groups[key].append(i)
    return groups


def _usd(year: int) -> FxRate:
    return FxRate(currency="USD", year=year, per_usd=1.0, source="identity", url="", published=None, method="identity")


def load(data_dir: Path) -> ReferenceStore:
    """Read, verify and index the data files in ``data_dir``.

    The cyclic garbage collector is paused meanwhile: loading makes about a million small
    objects, none of them in cycles, and collection passes over them would double the time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(data_dir)
    finally:
        if collecting:
            gc.enable()


def _load(data_dir: Path) -> ReferenceStore:
    manifest = Manifest(data_dir)
    tables: dict[str, Table] = {}
    for file_schema in schema.SCHEMAS:
        data = manifest.checked_bytes(file_schema.name)
        table = parse_table(file_schema.path(data_dir), data, file_schema)
        manifest.check_rows(file_schema.name, len(table))
        tables[file_schema.name] = table
    return ReferenceStore(
        manifest.version,
        TableIndex([tables[s.name] for s in schema.TRADE_FILES]),
        tables[schema.PARTNER_RANKS.name],
        tables[schema.PARTNER_SHARES.name],
        tables[schema.FX_RATES.name],
        source=data_dir,
    )
