"""Reading one data file: decode, split, validate every field of every row, and keep the rows.

Every problem is raised as :class:`ReferenceDataError` with the file's path, the row number (the
header is row 1) and a message that names the column, e.g. ``column 'value': 'abc' is not a
number``. A field may not contain a line break, so a row number is also the file's line number.

Validation is complete at load time, but fast: the file is validated column by column, each
column's parser running once per distinct text (codes, flows, URLs and dates repeat thousands of
times), and a :class:`Table` builds its pydantic models only for the rows a look-up returns.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checkers.errors import ReferenceDataError

from .fields import FieldError

if TYPE_CHECKING:
    from .schema import FileSchema

#: Control characters other than the line breaks the reader handles itself.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Table:
    """The validated values of one file, column by column in the schema's order; models on demand."""

    def __init__(self, schema: FileSchema, path: Path, columns: dict[str, list[Any]]) -> None:
        self.schema = schema
        self.path = path
        self.columns = columns
        self._length = len(next(iter(columns.values())))
        self._built: list[Any] = [None] * self._length

    def __len__(self) -> int:
        return self._length

    def column(self, name: str) -> list[Any]:
        return self.columns[name]

    def model(self, i: int) -> Any:
        """Row ``i`` as the schema's model, built on first use and kept."""
        built = self._built[i]
        if built is None:
            built = self._built[i] = self.schema.model(**{name: col[i] for name, col in self.columns.items()})
        return built

    def models(self, indices: Iterable[int] | None = None) -> Iterator[Any]:
        for i in range(self._length) if indices is None else indices:
            yield self.model(i)


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
    if "\r" in content:
        lines = [line.removesuffix("\r") for line in lines]
        for number, line in enumerate(lines, start=1):
            if "\r" in line:
                raise ReferenceDataError(str(path), "stray carriage return (a field may not hold a line break)", row=number)
    return lines


def _reject_control_characters(path: Path, lines: list[str], header: list[str]) -> None:
    """One scan of the whole text; only when it finds something is the row and column worked out."""
    if not CONTROL.search("\n".join(lines)):
        return
    for number, line in enumerate(lines, start=1):
        if CONTROL.search(line):
            fields = next(csv.reader([line]), [])
            column = next((header[i] for i, f in enumerate(fields) if i < len(header) and CONTROL.search(f)), None)
            where = f"column {column!r}: " if column else ""
            raise ReferenceDataError(str(path), f"{where}holds a control character", row=number)


def _records(path: Path, lines: list[str], width: int) -> list[list[str]]:
    """The data records (header excluded); any record that is not one line of ``width`` fields raises.

    A line without a quote character is split at its commas, which is exactly what the csv module
    would do with it, only faster; a line with one is read by the csv module, strictly.
    """
    records = []
    for number, line in enumerate(lines[1:], start=2):
        if '"' in line:
            try:
                fields = next(csv.reader([line], strict=True))
            except csv.Error:
                raise ReferenceDataError(
                    str(path), "a field holds a line break or a quote is not closed", row=number
                ) from None
        else:
            fields = line.split(",")
        if len(fields) != width:
            raise ReferenceDataError(str(path), f"row has {len(fields)} fields, the header has {width}", row=number)
        records.append(fields)
    return records


def _header(path: Path, header: list[str], schema: FileSchema) -> list[str]:
    for column in schema.header:
        if column not in header:
            raise ReferenceDataError(str(path), f"missing column {column!r}", row=1)
    for column in header:
        if column not in schema.header:
            raise ReferenceDataError(str(path), f"unexpected column {column!r}", row=1)
    if len(set(header)) != len(header):
        raise ReferenceDataError(str(path), "a column is named twice", row=1)
    return header


def _parse_columns(path: Path, header: list[str], records: list[list[str]], schema: FileSchema) -> dict[str, list[Any]]:
    """Each column's distinct texts parsed once; the first problem in file order raises."""
    raw = list(zip(*records, strict=True))
    columns: dict[str, list[Any]] = {}
    problems: list[tuple[int, int, str]] = []  # (row index, column position, message)
    for position, (name, parse) in enumerate(schema.columns):
        texts = raw[header.index(name)]
        memo: dict[str, Any] = {}
        for text in set(texts):
            try:
                memo[text] = parse(text)
            except FieldError as err:
                problems.append((texts.index(text), position, f"column {name!r}: {err}"))
        if not problems:
            columns[name] = list(map(memo.__getitem__, texts))
    if problems:
        index, _, message = min(problems)
        raise ReferenceDataError(str(path), message, row=index + 2)
    return columns


def _check_key(path: Path, columns: dict[str, list[Any]], schema: FileSchema) -> None:
    keys = list(zip(*(columns[c] for c in schema.key), strict=True))
    if len(set(keys)) == len(keys):
        return
    seen: dict[tuple[Any, ...], int] = {}
    for number, key in enumerate(keys, start=2):
        first = seen.setdefault(key, number)
        if first != number:
            shown = ", ".join("" if v is None else str(v) for v in key)
            raise ReferenceDataError(
                str(path), f"duplicate key ({', '.join(schema.key)}) = ({shown}), first at row {first}", row=number
            )


def parse_table(path: Path, data: bytes, schema: FileSchema) -> Table:
    """Validate ``data`` (the bytes of ``path``) against ``schema``, every field of every row."""
    lines = _lines(path, decode(path, data))
    header = _header(path, next(csv.reader(lines[:1])), schema)
    _reject_control_characters(path, lines, header)
    records = _records(path, lines, len(header))
    if not records:
        raise ReferenceDataError(str(path), "file has a header but no data rows")
    return checked_table(path, _parse_columns(path, header, records, schema), schema)


def checked_table(path: Path, columns: dict[str, list[Any]], schema: FileSchema) -> Table:
    """Parsed columns (row ``i`` is data row ``i + 2``) checked against the schema's rule across
    columns and its key, as a :class:`Table`. The CSV and Parquet readers both end here."""
    if schema.check is not None and (problem := schema.check(columns)):
        index, message = problem
        raise ReferenceDataError(str(path), message, row=index + 2)
    _check_key(path, columns, schema)
    return Table(schema, path, columns)


def read_table(path: Path, schema: FileSchema) -> Table:
    """Read and validate one file; a missing file raises :class:`ReferenceDataError` too."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReferenceDataError(str(path), "file is missing") from None
    return parse_table(path, data, schema)
