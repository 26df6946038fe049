"""The row schema of each reference data file: its columns, how each parses, its key and rules.

Every file is UTF-8 CSV with a header row; reading and validating is :mod:`reference_data.tables`.
Rows are numbered as a spreadsheet shows them: **the header is row 1, so the first data row is
row 2**. The vocabularies below are documented in ``reference_data/data/README.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from checkers.claim import Flow
from checkers.reference import RankFigure, TradeFigure

from . import fields
from .fields import (  # noqa: F401  (re-exported: the parsers used to live here)
    FieldError,
    area,
    choice,
    currency,
    flow,
    iso_date,
    number,
    optional_text,
    positive_int,
    standing,
    text,
    url,
    valuation_of,
    year,
)
from .records import CitedFxRate, CitedShare
from .tables import parse_table, read_table

PRECISIONS = ("exact", "rounded", "derived")
#: fob / cif as usual; fas = free alongside ship (US export statistics); customs = the customs value
#: of US import statistics (the price paid, without freight and insurance).
VALUATIONS = ("fob", "cif", "fas", "customs")
MEASURES = ("total", "export", "import")
TRADE_STATUSES = (
    "confirmed",
    "confirmed_rounded",
    "conflict_resolved",
    "conflicting",
    "secondary_source",
    "preliminary",
    "revised",
    "partial_year",
    "unit_inferred",
    "unconfirmed",
)
RANK_STATUSES = ("confirmed_by_statement", "unconfirmed_by_data", "secondary_source", "partial_year", "unconfirmed")
SHARE_STATUSES = ("confirmed", "irregular_text", "secondary_source")
FX_STATUSES = ("complete", "partial")
FX_AUTHORITIES = ("ECB", "CBI")

valuation = valuation_of(VALUATIONS)


@dataclass(frozen=True)
class FileSchema:
    """One CSV file: its columns in order, how each parses, and the key no two rows may share."""

    name: str
    columns: tuple[tuple[str, Callable[[str], Any]], ...]
    key: tuple[str, ...]
    model: type[BaseModel]
    #: a rule across columns: given every column, the first (row index, problem) or None
    check: Callable[[dict[str, list[Any]]], tuple[int, str] | None] | None = None

    @property
    def header(self) -> list[str]:
        return [c for c, _ in self.columns]

    def path(self, data_dir: Path) -> Path:
        return data_dir / self.name


Columns = dict[str, list[Any]]


def _trade_rule(columns: Columns) -> tuple[int, str] | None:
    for i, (flow_, value) in enumerate(zip(columns["flow"], columns["value"], strict=True)):
        if value < 0 and flow_ is not Flow.BALANCE:
            return i, f"column 'value': {value:g} is negative, which only a balance may be"
    return None


def _fx_rule(columns: Columns) -> tuple[int, str] | None:
    names = ("first_day", "last_day", "year", "published", "status", "note")
    for i, (first, last, y, day, status, note) in enumerate(zip(*(columns[n] for n in names), strict=True)):
        if not (first.year == last.year == y and first <= last):
            return i, f"columns 'first_day', 'last_day': {first} to {last} is not a span within {y}"
        if day is not None and day < last:
            return i, f"column 'published': {day} is before the last rate used ({last})"
        if status == "partial" and not note.strip():
            return i, "column 'note': a partial year must say what it covers"
    return None


_TRADE_COLUMNS: tuple[tuple[str, Callable[[str], Any]], ...] = (
    ("reporter", area),
    ("partner", area),
    ("year", year),
    ("flow", flow),
    ("value", number),
    ("currency", currency),
    ("authority", text),
    ("standing", standing),
    ("precision", choice(PRECISIONS, "a precision")),
    ("valuation", valuation),
    ("status", choice(TRADE_STATUSES, "a status")),
    ("published", iso_date),
    ("url", url),
    ("note", optional_text),
)
_TRADE_KEY = ("reporter", "partner", "year", "flow", "valuation", "authority", "published", "url")


def _trade_file(name: str) -> FileSchema:
    return FileSchema(name=name, columns=_TRADE_COLUMNS, key=_TRADE_KEY, model=TradeFigure, check=_trade_rule)


#: Figures from releases and news reports, checked by hand (small).
TRADE_VALUES = _trade_file("trade_values.csv")
#: IMF Direction of Trade Statistics for the pairs of six economies.
TRADE_IMF = _trade_file("trade_imf_dots.csv")
#: US Census Bureau: US goods trade with every partner, and US-China by month summed to years.
TRADE_US_CENSUS = _trade_file("trade_us_census.csv")
TRADE_FILES = (TRADE_VALUES, TRADE_IMF, TRADE_US_CENSUS)

PARTNER_RANKS = FileSchema(
    name="partner_ranks.csv",
    columns=(
        ("country", area),
        ("year", year),
        ("rank", positive_int),
        ("partner", area),
        ("measure", choice(MEASURES, "a measure")),
        ("authority", text),
        ("standing", standing),
        ("status", choice(RANK_STATUSES, "a status")),
        ("published", iso_date),
        ("url", url),
        ("statement", text),
    ),
    key=("country", "year", "rank", "measure", "authority", "published", "url"),
    model=RankFigure,
)

PARTNER_SHARES = FileSchema(
    name="partner_shares.csv",
    columns=(
        ("country", area),
        ("partner", area),
        ("year", year),
        ("flow", fields.share_flow),
        ("share", fields.percent),
        ("source", text),
        ("edition", fields.optional_year),
        ("standing", standing),
        ("precision", choice(PRECISIONS, "a precision")),
        ("status", choice(SHARE_STATUSES, "a status")),
        ("published", iso_date),
        ("url", url),
        ("note", optional_text),
    ),
    key=("country", "partner", "year", "flow", "source", "url"),
    model=CitedShare,
)

FX_RATES = FileSchema(
    name="fx_rates.csv",
    columns=(
        ("currency", currency),
        ("year", year),
        ("per_usd", fields.positive_number),
        ("authority", choice(FX_AUTHORITIES, "an FX authority")),
        ("source", text),
        ("url", url),
        ("published", iso_date),
        ("method", text),
        ("observations", positive_int),
        ("status", choice(FX_STATUSES, "an FX status")),
        ("first_day", fields.required_date),
        ("last_day", fields.required_date),
        ("note", optional_text),
    ),
    key=("currency", "year", "authority"),
    model=CitedFxRate,
    check=_fx_rule,
)

SCHEMAS = (*TRADE_FILES, PARTNER_RANKS, PARTNER_SHARES, FX_RATES)


def read(path: Path, file_schema: FileSchema) -> list[Any]:
    """Read and validate one file into models (for tests and tools; the store builds models lazily)."""
    return list(read_table(path, file_schema).models())


def parse(path: Path, data: bytes, file_schema: FileSchema) -> list[Any]:
    """Validate ``data`` (the bytes of ``path``) against ``file_schema``; one model per data row."""
    return list(parse_table(path, data, file_schema).models())
