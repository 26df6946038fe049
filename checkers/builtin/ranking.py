"""Who ranked where among a country's partners in a year, by each source on its own.

Three kinds of source rank partners:

* a **table**: the country's own figures by partner (e.g. US Census, every partner), used only
  when it holds the country's partners: a world row with the listed countries covering at
  least :data:`COVERAGE` of it. Totals are exports plus imports of the same release.
* a **statement**: a cited sentence such as MOFCOM's "Russia's largest trading partner".
* **shares**: cited partner shares (a CIA World Factbook edition's top partners), for export
  and import rankings only, when the list is a top list (:func:`_ranks`); partners tied at a
  rounded share leave that rank undecided.

Countries and blocs are ranked apart (:mod:`.blocs`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .. import explain
from ..claim import Flow
from ..reference import ReferenceSource, Standing, TradeFigure
from ..verdict import Reference
from . import blocs
from .scope import annual

#: A table ranks partners only if its countries add up to at least this share of its world row.
COVERAGE = 0.9
_FLOWS = {"total": Flow.TOTAL, "export": Flow.EXPORT, "import": Flow.IMPORT}


def measure_of(flow: Flow | None) -> str:
    """The ranking a claim is about: 'export' for an export market, 'import' for a supplier."""
    return flow.value if flow in (Flow.EXPORT, Flow.IMPORT) else "total"


@dataclass(frozen=True)
class Ranking:
    """One source's ranking of ``country``'s partners in ``year`` by ``measure``."""

    country: str
    year: int
    measure: str
    source: str
    standing: Standing
    url: str
    published: date | None
    kind: str  # table | statement | shares
    order: tuple[tuple[str, float | None], ...]  # (partner, value), largest first
    statement: str = ""
    rank_given: int | None = None  # a statement's rank
    currency: str = ""  # a table's currency

    def at(self, rank: int) -> frozenset[str] | None:
        """The partner(s) at ``rank`` (several when tied), or None when this source does not say."""
        if self.kind == "statement":
            return frozenset({self.order[0][0]}) if rank == self.rank_given else None
        if rank > len(self.order):
            return None
        value = self.order[rank - 1][1]
        return frozenset(p for p, v in self.order if v == value)

    def position(self, partner: str) -> int | None:
        for i, (p, _) in enumerate(self.order, start=1):
            if p == partner:
                return i if self.kind != "statement" else self.rank_given
        return None


def _totals(rows: Sequence[TradeFigure], more: Sequence[TradeFigure]) -> list[TradeFigure]:
    imports = {(f.authority, f.published, f.partner): f for f in more}
    found = []
    for x in rows:
        m = imports.get((x.authority, x.published, x.partner))
        if m is not None and m.currency == x.currency:
            found.append(x.model_copy(update={"flow": Flow.TOTAL, "value": x.value + m.value}))
    return found


def tables(reference: ReferenceSource, country: str, year: int, measure: str, bloc_claim: bool) -> list[Ranking]:
    flow = _FLOWS[measure]
    rows = [f for f in reference.partner_figures(country, year, flow) if annual(f.status)]
    if not rows and flow is Flow.TOTAL:
        rows = _totals(reference.partner_figures(country, year, Flow.EXPORT), reference.partner_figures(country, year, Flow.IMPORT))
    releases: dict[tuple[str, date | None], list[TradeFigure]] = defaultdict(list)
    for f in rows:
        releases[(f.authority, f.published)].append(f)
    found = []
    for (authority, published), figs in releases.items():
        world = [f.value for f in figs if f.partner == "WLD"]
        countries = [f for f in figs if blocs.is_country(f.partner)]
        if not world or world[0] <= 0 or sum(f.value for f in countries) < COVERAGE * world[0]:
            continue
        keep = set(blocs.rankable([f.partner for f in figs], year, bloc_claim))
        order = sorted(((f.partner, f.value) for f in figs if f.partner in keep), key=lambda pv: -pv[1])
        first = figs[0]
        found.append(Ranking(
            country, year, measure, authority, first.standing, first.url, published, "table", tuple(order),
            currency=first.currency,
        ))
    return found


def statements(reference: ReferenceSource, country: str, year: int, rank: int, measure: str, bloc_claim: bool) -> list[Ranking]:
    found = []
    for s in reference.partner_ranks(country, year, rank):
        if s.measure != measure or blocs.is_bloc(s.partner) != bloc_claim or not annual(s.status):
            continue
        found.append(Ranking(
            country, year, measure, s.authority, s.standing, s.url, s.published, "statement",
            ((s.partner, None),), statement=s.statement, rank_given=s.rank,
        ))
    return found


#: A cited list of shares ranks partners if it lists at least this many ("top partners")...
TOP_LIST = 3


def _ranks(listed: list[tuple[str, float]]) -> bool:
    """... or if what it leaves unlisted is smaller than its smallest share, so no partner it
    leaves out can outrank one it lists. A lone share ("China took 0.99%") ranks nothing."""
    if len(listed) >= TOP_LIST:
        return True
    return bool(listed) and 100 - sum(v for _, v in listed) < min(v for _, v in listed)


def shares(reference: ReferenceSource, country: str, year: int, measure: str, bloc_claim: bool) -> list[Ranking]:
    if measure == "total":
        return []
    editions: dict[tuple[str, date | None, str], list[tuple[str, float]]] = defaultdict(list)
    for s in reference.partner_shares(country, year, _FLOWS[measure]):
        editions[(s.source, s.published, s.url)].append((s.partner, s.share))
    found = []
    for (source, published, url), listed in editions.items():
        if not _ranks(listed):
            continue
        keep = set(blocs.rankable([p for p, _ in listed], year, bloc_claim))
        order = sorted(((p, v) for p, v in listed if p in keep), key=lambda pv: -pv[1])
        found.append(Ranking(country, year, measure, source, Standing.COMPILED, url, published, "shares", tuple(order)))
    return found


def rankings(reference: ReferenceSource, country: str, year: int, rank: int, measure: str, partner: str) -> list[Ranking]:
    """Every source's ranking that can say who was at ``rank`` (countries, or blocs if ``partner`` is one)."""
    bloc_claim = blocs.is_bloc(partner)
    found = tables(reference, country, year, measure, bloc_claim)
    found += statements(reference, country, year, rank, measure, bloc_claim)
    found += shares(reference, country, year, measure, bloc_claim)
    return [r for r in found if r.at(rank) is not None]


def top(ranking: Ranking, lang: str, count: int = 3) -> str:
    """'1. Mexico USD 798 billion, 2. Canada ...' / '1. Holland 35,9%, ...' / a statement's partner."""
    shown = []
    for i, (p, v) in enumerate(ranking.order[:count], start=1):
        name = explain.country_name(p, lang)
        if v is None:
            shown.append(name)
        elif ranking.kind == "shares":
            shown.append(f"{i}. {name} {explain.points(v, lang)}")
        else:
            shown.append(f"{i}. {name} {explain.money(v, ranking.currency, lang)}")
    return ", ".join(shown)


def judge(ranking: Ranking, rank: int, partner: str, lang: str = "en") -> Reference:
    """One source's ranking as a reference: does it put ``partner`` at ``rank``?"""
    at = ranking.at(rank)
    supports = None if at is None else (partner in at if len(at) == 1 else (None if partner in at else False))
    position = ranking.position(partner)
    if ranking.kind == "statement":
        note = ranking.statement
    else:
        note = f"top partners ({ranking.measure}): {top(ranking, 'en')}"
        if at is not None and len(at) > 1:
            note += f"; tied at rank {rank}: {', '.join(sorted(at))}"
    leader = sorted(at)[0] if at else partner
    return Reference(
        value=float(position if position is not None else 0), unit="rank", source=ranking.source, url=ranking.url,
        reporter=ranking.country, published=ranking.published, period=str(ranking.year),
        standing=ranking.standing.value, precision="derived" if ranking.kind != "statement" else "exact",
        supports=supports, note=f"{leader} at rank {rank}; {note}",
    )
