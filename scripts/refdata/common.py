"""Helpers every source module of the build shares: reading candidates, units, dates, rows, the log."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reference_data.schema import FX_RATES, PARTNER_RANKS, PARTNER_SHARES, TRADE_VALUES

BN = Decimal(10) ** 9
MN = Decimal(10) ** 6

Row = dict[str, str]


@dataclass
class Build:
    """What one run of the build shares: where the candidates are, which files it read, what it left out."""

    candidates: Path
    inputs: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def path(self, name: str) -> Path:
        if name not in self.inputs:
            self.inputs.append(name)
        return self.candidates / name

    def read(self, name: str, **fmt: str) -> list[Row]:
        with self.path(name).open(encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f, **fmt))  # type: ignore[arg-type]

    def skip(self, reason: str, count: int = 1) -> None:
        self.skipped[reason] += count

    def manifest_row(self, name: str) -> Row:
        """The candidates' MANIFEST.csv row for ``name``."""
        for row in self.read("MANIFEST.csv"):
            if row["file"] == name:
                return row
        raise SystemExit(f"{name}: not listed in MANIFEST.csv")

    def origin(self, name: str) -> tuple[str, str]:
        """(commit, date or '') that the candidates' MANIFEST.csv gives as the origin of ``name``."""
        row = self.manifest_row(name)
        commit = re.search(r"[0-9a-f]{40}", row["origin_commit"])
        day = re.search(r"\d{4}-\d{2}-\d{2}", row["origin_commit"])
        if not commit:
            raise SystemExit(f"{name}: no origin commit in MANIFEST.csv")
        return commit.group(0), day.group(0) if day else ""


def github(repo: str, commit: str, path: str) -> str:
    return f"https://github.com/{repo}/blob/{commit}/{path}".replace(" ", "%20")


def base_units(value: str | Decimal, scale: Decimal = Decimal(1)) -> str:
    """A figure in base units, written without exponent: '107.76' bn -> '107760000000'."""
    d = Decimal(value) * scale
    return str(int(d)) if d == d.to_integral_value() else format(d.normalize(), "f")


def plain(value: Decimal, places: int) -> str:
    """``value`` rounded to ``places`` decimals, written without exponent or trailing zeros."""
    d = value.quantize(Decimal(1).scaleb(-places))
    return format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))


def published(source_date: str) -> tuple[str, str]:
    """(ISO date, note): a month or year alone becomes its first day, and the note says so."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", source_date.strip())
    if not m:
        return "", ""
    y, mo, d = m.groups()
    if d:
        return f"{y}-{mo}-{d}", ""
    if mo:
        return f"{y}-{mo}-01", f"date known to the month only ({y}-{mo})"
    return f"{y}-01-01", f"date known to the year only ({y})"


def join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _row(header: list[str], kw: dict[str, str]) -> Row:
    unknown = set(kw) - set(header)
    assert not unknown, unknown
    row = dict.fromkeys(header, "")
    row.update(kw)
    return row


def trade_row(**kw: str) -> Row:
    return _row(TRADE_VALUES.header, kw)


def rank_row(**kw: str) -> Row:
    return _row(PARTNER_RANKS.header, kw)


def share_row(**kw: str) -> Row:
    return _row(PARTNER_SHARES.header, kw)


def fx_row(**kw: str) -> Row:
    return _row(FX_RATES.header, kw)


def to_csv(header: list[str], rows: Iterable[Row]) -> bytes:
    import io

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        assert not any("\n" in v or "\r" in v for v in row.values()), row
        writer.writerow(row)
    return buf.getvalue().encode("utf-8")


# Partner names as the candidate files write them -> ISO 3166 alpha-3, for files without codes.
PARTNER_NAMES = {
    "Belgium": "BEL", "Canada": "CAN", "China": "CHN", "Denmark": "DNK", "Faroe Islands": "FRO",
    "France": "FRA", "Germany": "DEU", "Greenland": "GRL", "Italy": "ITA", "Japan": "JPN",
    "Lithuania": "LTU", "Netherlands": "NLD", "Nigeria": "NGA", "Norway": "NOR", "Poland": "POL",
    "Portugal": "PRT", "Russia": "RUS", "Spain": "ESP", "Sweden": "SWE", "Switzerland": "CHE",
    "Ukraine": "UKR", "United Kingdom": "GBR", "UK": "GBR", "United States": "USA", "US": "USA",
    "Belarus": "BLR",
}
