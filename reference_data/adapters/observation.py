"""What an adapter produces: observations in our codes and units, each with the provenance of its response.

An :class:`Observation` is one figure after mapping: ISO 3166 alpha-3 areas (or ``WLD``/``EUU``), a
flow from the reporter's side, a value in **base units** of its currency (never millions), the
valuation the source states, a period (a year, or a year and month) and a commodity (``TOTAL`` or a
chapter such as ``HS:27`` / ``SITC:01``). Every observation carries the :class:`Provenance` of the
response it came from: source, query URL, retrieval time, licence and the sha256 of the body.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from checkers.claim import Flow
from checkers.reference import Standing

TOTAL = "TOTAL"


@dataclass(frozen=True)
class Provenance:
    """Where a batch of figures was read: one response (or one saved file of one)."""

    source: str  # key in adapters.sources.SOURCES, e.g. "comtrade"
    title: str  # e.g. "UN Comtrade API v1"
    query_url: str  # the request that returns these figures (no API key in it)
    retrieved: datetime  # when the response was produced or fetched (UTC)
    licence: str
    sha256: str = ""  # of the response body
    file: str = ""  # the saved response imported, when imported from a file

    @property
    def published(self) -> str:
        """The date written to a row's ``published`` column: the day the figure was read."""
        return self.retrieved.date().isoformat()

    def as_dict(self) -> dict[str, str]:
        return {
            "source": self.source,
            "title": self.title,
            "query_url": self.query_url,
            "retrieved": self.retrieved.isoformat(timespec="seconds"),
            "licence": self.licence,
            "sha256": self.sha256,
            "file": self.file,
        }


@dataclass(frozen=True)
class Observation:
    """One trade figure in our codes and units."""

    reporter: str
    partner: str
    year: int
    flow: Flow
    value: Decimal  # base units of ``currency``
    currency: str
    valuation: str | None  # fob | cif | None
    authority: str
    standing: Standing
    provenance: Provenance
    month: int | None = None  # 1-12 for a monthly figure
    commodity: str = TOTAL
    precision: str = "exact"
    note: str = ""

    @property
    def period(self) -> str:
        return f"{self.year}" if self.month is None else f"{self.year}-{self.month:02d}"

    @property
    def is_annual_total(self) -> bool:
        return self.month is None and self.commodity == TOTAL


@dataclass(frozen=True)
class AnnualRate:
    """An annual average exchange rate computed from daily quotes: ``per_usd`` units of ``currency`` per USD."""

    currency: str
    year: int
    per_usd: Decimal
    observations: int
    first_day: date
    last_day: date
    method: str
    authority: str  # the short code the data files use: ECB | CBI
    provenance: Provenance
    note: str = ""


@dataclass
class Batch:
    """What one response gave: the observations, the rates, and what was left out and why."""

    observations: list[Observation] = field(default_factory=list)
    rates: list[AnnualRate] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> how many records
    provenance: list[Provenance] = field(default_factory=list)

    def extend(self, other: Batch) -> None:
        self.observations.extend(other.observations)
        self.rates.extend(other.rates)
        self.skipped.update(other.skipped)
        self.provenance.extend(other.provenance)

    def __len__(self) -> int:
        return len(self.observations) + len(self.rates)


def plain(value: Decimal) -> str:
    """``value`` as the data files write numbers: plain decimal, no exponent, no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
