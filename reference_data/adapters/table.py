"""Observations and rates as rows of the data files, merged into a version's tables.

Three files take adapter output:

- ``trade_values.csv`` (the store's schema): annual figures for all goods (``TOTAL``);
- ``trade_details.csv``: monthly figures and commodity chapters (``HS:27``, ``SITC:01``), same columns
  plus ``period`` (``2020`` or ``2020-01``) and ``commodity``, instead of ``year``;
- ``fx_rates.csv``: annual average rates with their authority (ECB, CBI), first and last day.

When the store's schema module defines one of these files, its columns are used; provenance goes to
``source``/``query_url``/``retrieved``/``licence`` columns when the schema has them, otherwise the
row's ``url`` is the query URL and its ``note`` ends with source, retrieval time and licence.

Merging a new row into a table: a row with the same key replaces the old one; a row that repeats a
figure already there (same key but for ``published``, same value) is dropped, so the figure keeps the
date it was first read; a different value is kept beside the old one as a revision.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from checkers.claim import Flow
from checkers.reference import Standing

from .. import schema
from .observation import AnnualRate, Batch, Observation, Provenance, plain

#: The file API figures go to: ``trade_api.csv`` once the store's schema defines it, else ``trade_values.csv``.
TRADE = "trade_api.csv" if any(s.name == "trade_api.csv" for s in schema.SCHEMAS) else "trade_values.csv"
DETAILS = "trade_details.csv"
FX = "fx_rates.csv"
PROVENANCE_COLUMNS = ("source", "query_url", "retrieved", "licence")


class DetailFigure(BaseModel):
    """A row of ``trade_details.csv``: a monthly figure, or one commodity chapter."""

    model_config = ConfigDict(frozen=True)

    reporter: str
    partner: str
    period: str
    flow: Flow
    commodity: str
    value: float
    currency: str
    authority: str
    standing: Standing
    precision: str
    valuation: str | None
    status: str
    published: date | None
    url: str
    note: str = ""


def _period(value: str) -> str:
    if len(value) == 4 and value.isdigit() or (len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit() and 1 <= int(value[5:]) <= 12):
        return value
    raise schema.FieldError(f"{value!r} is not a period (YYYY or YYYY-MM)")


def _commodity(value: str) -> str:
    if value == "TOTAL" or (":" in value and all(value.split(":", 1))):
        return value
    raise schema.FieldError(f"{value!r} is not a commodity (TOTAL or CLASSIFICATION:CODE)")


DETAIL_VALUES = schema.FileSchema(
    name=DETAILS,
    columns=(
        ("reporter", schema.area),
        ("partner", schema.area),
        ("period", _period),
        ("flow", schema.flow),
        ("commodity", _commodity),
        ("value", schema.number),
        ("currency", schema.currency),
        ("authority", schema.text),
        ("standing", schema.standing),
        ("precision", schema.choice(schema.PRECISIONS, "a precision")),
        ("valuation", schema.valuation),
        ("status", schema.choice(schema.TRADE_STATUSES, "a status")),
        ("published", schema.iso_date),
        ("url", schema.url),
        ("note", schema.optional_text),
    ),
    key=("reporter", "partner", "period", "flow", "commodity", "authority", "published"),
    model=DetailFigure,
)

#: Files whose schema this package defines when :mod:`reference_data.schema` does not (yet).
OWN_SCHEMAS = (DETAIL_VALUES,)
_VALUE_COLUMN = {DETAILS: "value", FX: "per_usd"}


def file_schema(name: str) -> schema.FileSchema | None:
    """The schema of a data file: the store's own first, then this package's."""
    for candidate in (*schema.SCHEMAS, *OWN_SCHEMAS):
        if candidate.name == name:
            return candidate
    return None


def value_column(name: str) -> str:
    return _VALUE_COLUMN.get(name, "value")


def _provenance(row: dict[str, str], header: Sequence[str], provenance: Provenance) -> dict[str, str]:
    fields = {
        "source": provenance.title,
        "query_url": provenance.query_url,
        "retrieved": provenance.retrieved.isoformat(timespec="seconds"),
        "licence": provenance.licence,
    }
    if all(c in header for c in PROVENANCE_COLUMNS):
        row.update(fields)
    else:
        tail = f"source: {provenance.title}; retrieved {fields['retrieved']}; licence: {provenance.licence}"
        if provenance.file:
            tail += f"; imported from {Path(provenance.file).name}"
        row["note"] = f"{row['note']}; {tail}" if row.get("note") else tail
    row["url"] = provenance.query_url
    return {column: row.get(column, "") for column in header}


def observation_row(obs: Observation, header: Sequence[str]) -> dict[str, str]:
    row = {
        "reporter": obs.reporter,
        "partner": obs.partner,
        "year": str(obs.year),
        "period": obs.period,
        "commodity": obs.commodity,
        "flow": obs.flow.value,
        "value": plain(obs.value),
        "currency": obs.currency,
        "authority": obs.authority,
        "standing": obs.standing.value,
        "precision": obs.precision,
        "valuation": obs.valuation or "",
        "status": "confirmed",
        "published": obs.provenance.published,
        "note": obs.note,
    }
    return _provenance(row, header, obs.provenance)


def rate_row(rate: AnnualRate, header: Sequence[str]) -> dict[str, str]:
    row = {
        "currency": rate.currency,
        "year": str(rate.year),
        "per_usd": plain(rate.per_usd),
        "authority": rate.authority,
        "status": "complete",
        "first_day": rate.first_day.isoformat(),
        "last_day": rate.last_day.isoformat(),
        "source": rate.provenance.title,
        "published": rate.provenance.published,
        "method": rate.method,
        "observations": str(rate.observations),
        "note": rate.note,
    }
    out = _provenance(row, header, rate.provenance)
    out["source"] = rate.provenance.title  # fx_rates names its source in its own column
    return out


def derive(observations: Iterable[Observation]) -> list[Observation]:
    """Add what a source implies but does not state, each marked ``derived`` with how in its note.

    - an annual figure from twelve monthly ones (when the source gave no annual one);
    - a total (exports + imports) and a balance (exports - imports) from one reporter's two flows.
    """
    given = list(observations)
    out = list(given)

    def ident(o: Observation) -> tuple[object, ...]:
        return (o.reporter, o.partner, o.commodity, o.authority, o.provenance.source, o.currency)

    months: dict[tuple[object, ...], dict[int, Observation]] = defaultdict(dict)
    annual = {(ident(o), o.flow, o.year) for o in given if o.month is None}
    for o in given:
        if o.month is not None:
            months[(ident(o), o.flow, o.year)][o.month] = o
    for (key, flow, year), by_month in months.items():
        if len(by_month) == 12 and (key, flow, year) not in annual:
            first = by_month[1]
            total = sum((o.value for o in by_month.values()), Decimal(0))
            note = f"derived: sum of the 12 monthly figures of {year}; {first.note}"
            out.append(replace(first, month=None, value=total, precision="derived", note=note))
    flows: dict[tuple[object, ...], dict[Flow, Observation]] = defaultdict(dict)
    for o in out:
        if o.month is None:
            flows[(ident(o), o.year)][o.flow] = o
    for by_flow in flows.values():
        exports, imports = by_flow.get(Flow.EXPORT), by_flow.get(Flow.IMPORT)
        if exports is None or imports is None:
            continue
        how = f"exports ({exports.valuation or 'valuation not stated'}) and imports ({imports.valuation or 'valuation not stated'}) as the same reporter states them"
        for flow, value, word in (
            (Flow.TOTAL, exports.value + imports.value, "sum"),
            (Flow.BALANCE, exports.value - imports.value, "difference"),
        ):
            if flow not in by_flow:
                note = f"derived: {word} of {how}"
                out.append(replace(exports, flow=flow, value=value, valuation=None, precision="derived", note=note))
    return out


@dataclass
class Table:
    """A data file's rows, in its header's column order."""

    name: str
    header: list[str]
    rows: list[dict[str, str]]

    @classmethod
    def empty(cls, name: str) -> Table:
        found = file_schema(name)
        if found is None:
            raise KeyError(name)
        return cls(name, found.header, [])

    @classmethod
    def read(cls, path: Path) -> Table:
        text = path.read_bytes().decode("utf-8-sig")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        return cls(path.name, list(reader.fieldnames or []), [dict(r) for r in reader])

    def key(self) -> tuple[str, ...]:
        found = file_schema(self.name)
        return found.key if found else tuple(self.header)

    def merge(self, new: Iterable[Mapping[str, str]]) -> dict[str, int]:
        """Merge rows in place; returns how many were added, replaced and already there."""
        key_columns = self.key()
        figure_columns = tuple(c for c in key_columns if c != "published")
        value = value_column(self.name)
        at = {tuple(r.get(c, "") for c in key_columns): i for i, r in enumerate(self.rows)}
        values: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for r in self.rows:
            values[tuple(r.get(c, "") for c in figure_columns)].add(_number(r.get(value, "")))
        stats = {"added": 0, "replaced": 0, "unchanged": 0}
        for raw in new:
            row = {c: raw.get(c, "") for c in self.header}
            full = tuple(row[c] for c in key_columns)
            figure = tuple(row[c] for c in figure_columns)
            if full in at:
                if self.rows[at[full]] == row:
                    stats["unchanged"] += 1
                else:
                    self.rows[at[full]] = row
                    stats["replaced"] += 1
            elif _number(row.get(value, "")) in values[figure]:
                stats["unchanged"] += 1
            else:
                at[full] = len(self.rows)
                self.rows.append(row)
                values[figure].add(_number(row.get(value, "")))
                stats["added"] += 1
        return stats

    def to_bytes(self) -> bytes:
        """UTF-8, ``\\n`` line ends, minimal quoting: the data files' format."""
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, fieldnames=self.header, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(self.rows)
        return out.getvalue().encode("utf-8")


def _number(text: str) -> str:
    try:
        return plain(Decimal(text))
    except ArithmeticError:
        return text


def apply(batch: Batch, base_dir: Path | None) -> tuple[dict[str, Table], dict[str, dict[str, int]]]:
    """The tables of ``base_dir`` that ``batch`` changes, with its rows merged in, and per-file counts."""
    observations = derive(batch.observations)
    wanted: dict[str, list[Observation]] = defaultdict(list)
    for obs in observations:
        wanted[TRADE if obs.is_annual_total else DETAILS].append(obs)
    tables: dict[str, Table] = {}
    stats: dict[str, dict[str, int]] = {}

    def table(name: str) -> Table:
        if name not in tables:
            path = base_dir / name if base_dir is not None else None
            tables[name] = Table.read(path) if path is not None and path.exists() else Table.empty(name)
        return tables[name]

    for name, found in wanted.items():
        target = table(name)
        stats[name] = target.merge(observation_row(o, target.header) for o in found)
    if batch.rates:
        target = table(FX)
        stats[FX] = target.merge(rate_row(r, target.header) for r in batch.rates)
    return tables, stats
