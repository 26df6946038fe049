"""Compose every source module's rows into the data files, MANIFEST.json included, and validate them."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from reference_data.schema import (
    FX_RATES,
    PARTNER_RANKS,
    PARTNER_SHARES,
    TRADE_IMF,
    TRADE_US_CENSUS,
    TRADE_VALUES,
)
from reference_data.store import MANIFEST, load

from . import (
    china_russia,
    eu_china,
    factbook,
    fx,
    iceland,
    imf_dots,
    partner_releases,
    us_census,
    us_china,
)
from .common import Build, Row, to_csv
from .sources import SOURCES

_FLOW_ORDER = {"total": 0, "export": 1, "import": 2, "balance": 3}
_STANDING_ORDER = {"official": 0, "compiled": 1, "press": 2}


def _trade_key(row: Row) -> tuple[object, ...]:
    return (int(row["year"]), row["reporter"], row["partner"], _FLOW_ORDER[row["flow"]],
            _STANDING_ORDER[row["standing"]], row["authority"], row["published"], row["url"], row["currency"])


def _rank_key(row: Row) -> tuple[object, ...]:
    return (row["country"], int(row["year"]), row["measure"], int(row["rank"]), row["authority"], row["published"],
            row["url"])


def _share_key(row: Row) -> tuple[object, ...]:
    return (row["country"], int(row["year"]), row["flow"], row["edition"], row["source"], row["partner"], row["url"])


def mark_revisions(rows: list[Row]) -> None:
    """Where an authority's first (preliminary) release of a figure is kept, its later vintages become 'revised'.

    A later vintage is a row of the same reporter, partner, year, flow and authority, marked
    ``confirmed``, with a publication date after the preliminary one (or any date, when the
    preliminary release is not dated).
    """
    groups: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row["reporter"], row["partner"], row["year"], row["flow"], row["authority"])].append(row)
    for group in groups.values():
        firsts = [r["published"] for r in group if r["status"] == "preliminary"]
        if not firsts:
            continue
        first = max(firsts)
        for row in group:
            if row["status"] == "confirmed" and row["published"] and (not first or row["published"] > first):
                row["status"] = "revised"


def _c5700_sums(rows: list[Row]) -> dict[tuple[int, str], Decimal]:
    return {(int(r["year"]), r["flow"]): Decimal(r["value"]) for r in rows}


def collect(build: Build) -> dict[str, list[Row]]:
    """Every file's rows, sorted, from the candidates in ``build``."""
    curated, listed_imf = china_russia.trade_rows(build)
    monthly = us_census.monthly_rows(build)
    curated += us_china.trade_rows(build, _c5700_sums(monthly))
    totals = iceland.total_rows(build)
    by_partner, iceland_shares = iceland.partner_rows(build)
    facts, iceland_ranks, fact_shares = iceland.fact_rows(build, totals)
    eu_trade, eu_ranks, eu_shares = eu_china.rows(build)
    rel_trade, rel_ranks, rel_shares = partner_releases.rows(build)
    curated += totals + by_partner + facts + eu_trade + rel_trade
    census = us_census.partner_rows(build) + monthly
    imf = imf_dots.trade_rows(build, listed_imf)
    mark_revisions(curated + census + imf)
    ranks = china_russia.rank_rows(build) + iceland_ranks + eu_ranks + rel_ranks
    shares = factbook.rows(build) + iceland_shares + fact_shares + eu_shares + rel_shares
    rates = fx.ecb_rows(build) + fx.cbi_rows(build)
    return {
        TRADE_VALUES.name: sorted(curated, key=_trade_key),
        TRADE_IMF.name: sorted(imf, key=_trade_key),
        TRADE_US_CENSUS.name: sorted(census, key=_trade_key),
        PARTNER_RANKS.name: sorted(ranks, key=_rank_key),
        PARTNER_SHARES.name: sorted(shares, key=_share_key),
        FX_RATES.name: sorted(rates, key=lambda r: (r["currency"], int(r["year"]), r["authority"])),
    }


HEADERS = {s.name: s.header for s in (TRADE_VALUES, TRADE_IMF, TRADE_US_CENSUS, PARTNER_RANKS, PARTNER_SHARES, FX_RATES)}


def manifest(version: str, files: dict[str, tuple[bytes, int]], build: Build) -> bytes:
    body = {
        "version": version,
        "built_by": "scripts/build_reference_data.py",
        "files": [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "rows": rows}
            for name, (data, rows) in files.items()
        ],
        "inputs": [
            {"file": f"reference-candidates/{name}", "sha256": hashlib.sha256((build.candidates / name).read_bytes()).hexdigest()}
            for name in sorted(build.inputs)
        ],
        "left_out": dict(sorted(build.skipped.items())),
        "sources": SOURCES,
    }
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build(candidates: Path, out: Path, version: str) -> tuple[dict[str, int], dict[str, int]]:
    """Write the data files into ``out``, validate them by loading; (row counts per file, rows left out per reason)."""
    run = Build(candidates)
    tables = collect(run)
    files = {name: (to_csv(HEADERS[name], rows), len(rows)) for name, rows in tables.items()}
    out.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in files.items():
        (out / name).write_bytes(data)
    (out / MANIFEST).write_bytes(manifest(version, files, run))
    load(out)  # raises ReferenceDataError if anything written does not validate
    return {name: rows for name, (_, rows) in files.items()}, dict(run.skipped)
