"""``tradecheck data info``: where the data is, which version and engine, its sources and coverage."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checkers.errors import TradecheckError

if TYPE_CHECKING:
    from .settings import Settings

EXIT_OK = 0
DATA_DIR_ENV = "TRADECHECK_DATA_DIR"


def data_dir_of(args: argparse.Namespace, settings: Settings | None) -> Path | None:
    if getattr(args, "data_dir", None):
        return Path(args.data_dir)
    if settings is not None and settings.data_dir:
        return Path(settings.data_dir)
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else None


def reading_dir(args: argparse.Namespace, settings: Settings | None) -> Path:
    from reference_data import DATA_DIR

    return data_dir_of(args, settings) or DATA_DIR


def _csv_coverage(path: Path) -> dict[str, Any]:
    from reference_data.adapters import Table

    table = Table.read(path)
    item: dict[str, Any] = {"file": path.name, "rows": len(table.rows)}
    columns = set(table.header)
    period = "year" if "year" in columns else "period" if "period" in columns else None
    if period:
        spans = sorted({r[period][:4] for r in table.rows if r.get(period)})
        item["years"] = f"{spans[0]}-{spans[-1]}" if spans else ""
    if {"reporter", "partner"} <= columns:
        item["reporters"] = len({r["reporter"] for r in table.rows})
        item["pairs"] = len({(r["reporter"], r["partner"]) for r in table.rows})
    for column in ("flow", "currency", "authority"):
        if column in columns:
            item[column + "s"] = dict(Counter(r[column] for r in table.rows).most_common(6))
    return item


def coverage(version_dir: Path) -> list[dict[str, Any]]:
    """Per data file (CSV or Parquet): rows, and for trade files the reporters, pairs, years and flows it covers."""
    from reference_data.versions import manifest

    out = []
    for entry in manifest(version_dir)["files"]:
        path = version_dir / str(entry["name"])
        if not path.exists():
            continue
        if path.suffix == ".csv":
            out.append(_csv_coverage(path))
        elif path.suffix == ".parquet":
            from reference_data import columnar

            out.append(columnar.summary(path))
    return out


def _engine(version_dir: Path) -> dict[str, Any]:
    """Which store the service would load for this version, and from which files."""
    from reference_data import STORE_ENV, columnar, store_engine

    forced = os.environ.get(STORE_ENV, "").strip()
    try:
        name = store_engine(version_dir)
    except TradecheckError as exc:
        return {"name": "none", "forced": forced, "problem": str(exc)}
    parquet = columnar.parquet_files(version_dir)
    if name != columnar.ENGINE:
        how = "the CSV files, validated and indexed at start-up"
    elif parquet:
        how = f"DuckDB reads {len(parquet)} Parquet files into arrays at start-up"
    else:
        how = "no Parquet files in this version: the store cannot load; run 'tradecheck data compact'"
    return {"name": name, "forced": forced, "how": how, "parquet_files": parquet}


def _versions(data_dir: Path) -> list[dict[str, Any]]:
    """Every complete version, oldest first, with each file's row count as its manifest gives it
    (none for a Parquet file: ``versions.publish`` counts the rows of CSV files only)."""
    from reference_data import versions

    root = data_dir / versions.VERSIONS
    if not root.is_dir():
        return []
    selected = versions.current(data_dir)
    found = []
    for path in root.iterdir():
        if not path.is_dir() or path.name.startswith(".") or not (path / versions.MANIFEST).exists():
            continue
        document = versions.manifest(path)
        found.append({
            "id": path.name, "current": path.name == selected, "created": str(document.get("created") or ""),
            "base": document.get("base_version"), "files": {str(f.get("name")): f.get("rows") for f in document["files"]},
        })
    found.sort(key=lambda v: (v["created"], v["id"]))
    return [{**v, "created": v["created"] or "shipped"} for v in found]


def cmd_info(args: argparse.Namespace, settings: Settings | None) -> int:
    from reference_data import versions

    data_dir = reading_dir(args, settings)
    loaded = versions.resolve(data_dir)
    document = versions.manifest(loaded)
    provenance_path = loaded / versions.PROVENANCE
    report = {
        "data_dir": str(data_dir),
        "versioned": versions.is_versioned(data_dir),
        "loaded_from": str(loaded),
        "version": document.get("version"),
        "engine": _engine(loaded),
        "versions": _versions(data_dir),
        "sources": [
            {"id": s.get("id"), "what": s.get("what"), "licence": s.get("licence")} for s in document.get("sources", [])
        ],
        "imports": json.loads(provenance_path.read_text(encoding="utf-8")) if provenance_path.exists() else [],
        "coverage": coverage(loaded),
    }
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    engine = report["engine"]
    forced = f"; forced by TRADECHECK_STORE={engine['forced']}" if engine["forced"] else ""
    lines = [
        f"data directory: {data_dir} ({'versioned' if report['versioned'] else 'unversioned'})",
        f"data version:   {report['version']}  ({loaded})",
        f"engine:         {engine['name']} ({engine.get('how') or engine.get('problem')}{forced})",
    ]
    if report["versions"]:
        lines.append("versions:")
        lines += [
            f"  {'*' if v['current'] else ' '} {v['id']:<16} {v['created']:<26} base {v['base'] or '-':<16} "
            + ", ".join(n if r is None else f"{n} {r}" for n, r in v["files"].items())
            for v in report["versions"]
        ]
    lines.append("sources:")
    lines += [f"  {s['id']}: {s['what']} [{s['licence']}]" for s in report["sources"]]
    if report["imports"]:
        lines.append("imports:")
        lines += [
            f"  {p.get('version')}: {p.get('source')} retrieved {p.get('retrieved')} from {p.get('file') or p.get('query_url')}"
            for p in report["imports"]
        ]
    lines.append("coverage:")
    for item in report["coverage"]:
        extra = ", ".join(f"{k} {v}" for k, v in item.items() if k not in ("file", "rows") and not isinstance(v, dict))
        lines.append(f"  {item['file']}: {item['rows']} rows" + (f", {extra}" if extra else ""))
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK
