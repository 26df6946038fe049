"""The reference store: the validated data files, indexed for the look-ups checkers make.

:func:`load` reads ``MANIFEST.json`` first (data version, files, sha256, row counts), checks
every listed file against it, validates each file with :mod:`reference_data.schema`, and indexes
the rows by dict so that every look-up is a few dictionary reads.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checkers.claim import Flow
from checkers.errors import ReferenceDataError
from checkers.reference import FxRate, RankFigure, ShareFigure, TradeFigure

from . import schema

MANIFEST = "MANIFEST.json"

# For a flow asked about (A, B), which (reporter, flow) rows answer it: A's own, then B's mirror.
_MIRROR = {
    Flow.EXPORT: Flow.IMPORT,
    Flow.IMPORT: Flow.EXPORT,
    Flow.TOTAL: Flow.TOTAL,
    Flow.BALANCE: Flow.BALANCE,
}


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
class Coverage:
    version: str
    trade_rows: int
    rank_rows: int
    pairs: tuple[PairCoverage, ...]
    ranks: tuple[RankCoverage, ...]


class ReferenceStore:
    """Cited trade figures and partner-rank statements; satisfies ``checkers.ReferenceSource``."""

    def __init__(
        self, version: str, trade: Iterable[TradeFigure], ranks: Iterable[RankFigure], source: Path | None = None
    ) -> None:
        self._version = version
        self.source = source
        self._trade: dict[tuple[str, str, int, Flow], list[TradeFigure]] = defaultdict(list)
        self._ranks: dict[tuple[str, int, int], list[RankFigure]] = defaultdict(list)
        self._by_reporter: dict[tuple[str, int, Flow], list[TradeFigure]] = defaultdict(list)
        for fig in trade:
            self._trade[(fig.reporter, fig.partner, fig.year, fig.flow)].append(fig)
            self._by_reporter[(fig.reporter, fig.year, fig.flow)].append(fig)
        for rank in ranks:
            self._ranks[(rank.country, rank.year, rank.rank)].append(rank)

    @property
    def version(self) -> str:
        return self._version

    def trade_figures(self, country_a: str, country_b: str, year: int, flow: Flow) -> Sequence[TradeFigure]:
        """``country_a``'s own figures first, then ``country_b``'s mirror figures.

        export: A's exports to B as A reports them, and B's imports from A as B reports them;
        import: the reverse; total: each side's total for the pair. A balance is returned as each
        reporter states it, from the reporter's own side (B's row has the opposite sign convention).
        """
        a, b, flow = country_a.upper(), country_b.upper(), Flow(flow)
        own = self._trade.get((a, b, year, flow), [])
        mirror = self._trade.get((b, a, year, _MIRROR[flow]), [])
        return tuple(own) + tuple(mirror)

    def partner_ranks(self, country: str, year: int, rank: int = 1) -> Sequence[RankFigure]:
        return tuple(self._ranks.get((country.upper(), year, rank), []))

    def partner_figures(self, reporter: str, year: int, flow: Flow) -> Sequence[TradeFigure]:
        return tuple(self._by_reporter.get((reporter.upper(), year, Flow(flow)), []))

    def partner_shares(self, country: str, year: int, flow: Flow) -> Sequence[ShareFigure]:
        return ()  # no cited share tables are shipped yet

    def fx_rate(self, currency: str, year: int) -> FxRate | None:
        if currency.upper() == "USD":
            return FxRate(currency="USD", year=year, per_usd=1.0, source="identity", url="", published=None, method="identity")
        return None  # no rate tables are shipped yet

    def coverage(self) -> Coverage:
        """Which pairs, years and flows the data covers (for ``data info``)."""
        by_pair: dict[tuple[str, str], list[TradeFigure]] = defaultdict(list)
        for (reporter, partner, _, _), figs in self._trade.items():
            by_pair[(reporter, partner)].extend(figs)
        pairs = tuple(
            PairCoverage(
                reporter=r,
                partner=p,
                years=tuple(sorted({f.year for f in figs})),
                flows=tuple(sorted({f.flow.value for f in figs})),
                rows=len(figs),
            )
            for (r, p), figs in sorted(by_pair.items())
        )
        by_country: dict[str, list[RankFigure]] = defaultdict(list)
        for (country, _, _), figs in self._ranks.items():
            by_country[country].extend(figs)
        ranks = tuple(
            RankCoverage(country=c, years=tuple(sorted({f.year for f in figs})), rows=len(figs))
            for c, figs in sorted(by_country.items())
        )
        return Coverage(
            version=self._version,
            trade_rows=sum(p.rows for p in pairs),
            rank_rows=sum(r.rows for r in ranks),
            pairs=pairs,
            ranks=ranks,
        )


def _manifest(data_dir: Path) -> dict[str, Any]:
    path = data_dir / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReferenceDataError(str(path), "file is missing") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ReferenceDataError(str(path), f"not valid UTF-8 JSON: {err}") from None
    version = manifest.get("version") if isinstance(manifest, dict) else None
    if not isinstance(version, str) or not version:
        raise ReferenceDataError(str(path), "'version' is missing or empty")
    files = manifest.get("files")
    if not isinstance(files, list) or not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in files):
        raise ReferenceDataError(str(path), "'files' must be a list of objects with a 'name'")
    return manifest


def _checked_bytes(data_dir: Path, entry: dict[str, Any]) -> bytes:
    path = data_dir / entry["name"]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReferenceDataError(str(path), f"file is missing (listed in {MANIFEST})") from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry.get("sha256"):
        raise ReferenceDataError(
            str(path), f"sha256 {digest} does not match {MANIFEST} ({entry.get('sha256')}): the file was changed"
        )
    return data


def load(data_dir: Path) -> ReferenceStore:
    """Read, verify and index the data files in ``data_dir``."""
    manifest = _manifest(data_dir)
    entries = {f["name"]: f for f in manifest["files"]}
    parsed: dict[str, list[Any]] = {}
    for file_schema in schema.SCHEMAS:
        entry = entries.get(file_schema.name)
        if entry is None:
            raise ReferenceDataError(str(data_dir / MANIFEST), f"does not list {file_schema.name}")
        path = data_dir / file_schema.name
        rows = schema.parse(path, _checked_bytes(data_dir, entry), file_schema)
        if entry.get("rows") != len(rows):
            raise ReferenceDataError(str(path), f"has {len(rows)} data rows, {MANIFEST} says {entry.get('rows')}")
        parsed[file_schema.name] = rows
    return ReferenceStore(
        manifest["version"],
        parsed[schema.TRADE_VALUES.name],
        parsed[schema.PARTNER_RANKS.name],
        source=data_dir,
    )
