"""The row schema of each reference data file, and the validation that reads it.

Every file is UTF-8 CSV with a header row. Rows are numbered as a spreadsheet shows them:
**the header is row 1, so the first data row is row 2**. Every problem is raised as
:class:`ReferenceDataError` with the file's path, that row number and a message that names the
column and what is wrong with it, e.g. ``column 'value': 'abc' is not a number``.

A field may not contain a line break, so a row number is also the file's line number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
from pydantic import BaseModel

from checkers.claim import Flow
from checkers.errors import ReferenceDataError
from checkers.reference import RankFigure, Standing, TradeFigure

#: Codes accepted besides ISO 3166 alpha-3: the world and the European Union (as the IMF and World Bank use them).
EXTRA_AREAS = frozenset({"WLD", "EUU"})
PRECISIONS = ("exact", "rounded", "derived")
VALUATIONS = ("fob", "cif")
MEASURES = ("total", "export", "import")
TRADE_STATUSES = ("confirmed", "confirmed_rounded", "conflict_resolved", "secondary_source", "unconfirmed")
RANK_STATUSES = ("confirmed_by_statement", "unconfirmed_by_data", "unconfirmed")

_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DIGITS = re.compile(r"[0-9]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class FieldError(ValueError):
    """A single field does not parse; the message says why (without the column name)."""


def _one_of(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise FieldError(f"{value!r} is not {what} ({', '.join(allowed)})")
    return value


def area(value: str) -> str:
    """An ISO 3166 alpha-3 code in capitals, or one of :data:`EXTRA_AREAS`."""
    if value in EXTRA_AREAS or (value.isupper() and len(value) == 3 and pycountry.countries.get(alpha_3=value)):
        return value
    raise FieldError(f"{value!r} is not an ISO 3166 alpha-3 code")


def currency(value: str) -> str:
    if value.isupper() and len(value) == 3 and pycountry.currencies.get(alpha_3=value):
        return value
    raise FieldError(f"{value!r} is not an ISO 4217 currency code")


def year(value: str) -> int:
    if not _DIGITS.fullmatch(value) or not 1900 <= int(value) <= 2100:
        raise FieldError(f"{value!r} is not a year (1900-2100)")
    return int(value)


def positive_int(value: str) -> int:
    if not _DIGITS.fullmatch(value) or int(value) < 1:
        raise FieldError(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def number(value: str) -> float:
    """A plain decimal in base units: digits, optional sign and decimal point, no exponent or grouping."""
    if not _PLAIN_NUMBER.fullmatch(value):
        raise FieldError(f"{value!r} is not a number (plain decimal, no exponent or grouping)")
    return float(value)


def iso_date(value: str) -> date | None:
    if value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise FieldError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def url(value: str) -> str:
    if not value:
        raise FieldError("url is empty")
    if not value.startswith(("http://", "https://")) or " " in value:
        raise FieldError(f"{value!r} is not an http(s) URL")
    return value


def text(value: str) -> str:
    if not value.strip():
        raise FieldError("is empty")
    return value


def optional_text(value: str) -> str:
    return value


def flow(value: str) -> Flow:
    return Flow(_one_of(value, [f.value for f in Flow], "a flow"))


def standing(value: str) -> Standing:
    return Standing(_one_of(value, [s.value for s in Standing], "a standing"))


def valuation(value: str) -> str | None:
    return None if value == "" else _one_of(value, VALUATIONS, "a valuation")


def choice(allowed: Sequence[str], what: str) -> Callable[[str], str]:
    return lambda value: _one_of(value, allowed, what)


@dataclass(frozen=True)
class FileSchema:
    """One CSV file: its columns in order, how each parses, and the key no two rows may share."""

    name: str
    columns: tuple[tuple[str, Callable[[str], Any]], ...]
    key: tuple[str, ...]
    model: type[BaseModel]
    check: Callable[[dict[str, Any]], str | None] | None = None  # a rule across columns

    @property
    def header(self) -> list[str]:
        return [c for c, _ in self.columns]


def _sign_rule(values: dict[str, Any]) -> str | None:
    if values["flow"] is not Flow.BALANCE and values["value"] < 0:
        return f"column 'value': {values['value']:g} is negative, which only a balance may be"
    return None


TRADE_VALUES = FileSchema(
    name="trade_values.csv",
    columns=(
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
    ),
    key=("reporter", "partner", "year", "flow", "authority", "published"),
    model=TradeFigure,
    check=_sign_rule,
)

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
    key=("country", "year", "rank", "measure", "authority", "published"),
    model=RankFigure,
)

SCHEMAS = (TRADE_VALUES, PARTNER_RANKS)


def decode(path: Path, data: bytes) -> str:
    """The file's text; an empty file or bytes that are not UTF-8 raise, naming the row."""
    if not data.strip():
        raise ReferenceDataError(str(path), "file is empty")
    if data.startswith(b"\xef\xbb\xbf"):  # a byte-order mark is tolerated, not required
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        row = data.count(b"\n", 0, err.start) + 1
        raise ReferenceDataError(
            str(path), f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}", row=row
        ) from None


def _lines(path: Path, content: str) -> list[str]:
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    for number, line in enumerate(lines, start=1):
        if "\r" in line:
            raise ReferenceDataError(str(path), "stray carriage return (a field may not hold a line break)", row=number)
    return lines


def _records(path: Path, reader: Any) -> Iterator[list[str]]:
    """The reader's records; a record the csv module cannot read raises with its row number."""
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise ReferenceDataError(str(path), f"not readable as CSV: {err}", row=reader.line_num) from None
        yield fields


def _rows(path: Path, content: str, schema: FileSchema) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.reader(_lines(path, content))
    header = next(reader, None)
    if header is None:
        raise ReferenceDataError(str(path), "file is empty")
    for column in schema.header:
        if column not in header:
            raise ReferenceDataError(str(path), f"missing column {column!r}", row=1)
    for column in header:
        if column not in schema.header:
            raise ReferenceDataError(str(path), f"unexpected column {column!r}", row=1)
    if len(set(header)) != len(header):
        raise ReferenceDataError(str(path), "a column is named twice", row=1)
    expected = 2
    for fields in _records(path, reader):
        row_number = expected
        expected = reader.line_num + 1
        if reader.line_num != row_number:
            raise ReferenceDataError(
                str(path), "a field holds a line break or a quote is not closed", row=row_number
            )
        if len(fields) != len(header):
            raise ReferenceDataError(
                str(path), f"row has {len(fields)} fields, the header has {len(header)}", row=row_number
            )
        yield row_number, dict(zip(header, fields, strict=True))


def parse(path: Path, data: bytes, schema: FileSchema) -> list[Any]:
    """Validate ``data`` (the bytes of ``path``) against ``schema``; one model per data row."""
    content = decode(path, data)
    parsers = dict(schema.columns)
    seen: dict[tuple[Any, ...], int] = {}
    out: list[Any] = []
    for row_number, raw in _rows(path, content, schema):
        values: dict[str, Any] = {}
        for column, field in raw.items():
            if _CONTROL.search(field):
                raise ReferenceDataError(str(path), f"column {column!r}: holds a control character", row=row_number)
            try:
                values[column] = parsers[column](field)
            except FieldError as err:
                raise ReferenceDataError(str(path), f"column {column!r}: {err}", row=row_number) from None
        if schema.check is not None and (problem := schema.check(values)):
            raise ReferenceDataError(str(path), problem, row=row_number)
        key = tuple(values[c] for c in schema.key)
        if key in seen:
            shown = ", ".join("" if v is None else str(v) for v in key)
            raise ReferenceDataError(
                str(path),
                f"duplicate key ({', '.join(schema.key)}) = ({shown}), first at row {seen[key]}",
                row=row_number,
            )
        seen[key] = row_number
        out.append(schema.model(**values))
    if not out:
        raise ReferenceDataError(str(path), "file has a header but no data rows")
    return out


def read(path: Path, schema: FileSchema) -> list[Any]:
    """Read and validate one file; a missing file raises :class:`ReferenceDataError` too."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReferenceDataError(str(path), "file is missing") from None
    return parse(path, data, schema)
