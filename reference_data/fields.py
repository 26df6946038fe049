"""Parsers for single CSV fields. Each returns the parsed value or raises :class:`FieldError`.

The message of a :class:`FieldError` says what is wrong with the text, without the column name;
the table reader adds the file, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

import pycountry

from checkers.claim import Flow
from checkers.reference import Standing

from . import areas

_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DIGITS = re.compile(r"[0-9]+")


class FieldError(ValueError):
    """A single field does not parse; the message says why (without the column name)."""


def _one_of(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise FieldError(f"{value!r} is not {what} ({', '.join(allowed)})")
    return value


def area(value: str) -> str:
    """An ISO 3166 alpha-3 code (current or former) in capitals, or a code of :data:`areas.AGGREGATES`."""
    if areas.kind(value) is None:
        raise FieldError(f"{value!r} is not an ISO 3166 alpha-3 code or an aggregate code of reference_data.areas")
    return value


def currency(value: str) -> str:
    if value.isupper() and len(value) == 3 and pycountry.currencies.get(alpha_3=value):
        return value
    raise FieldError(f"{value!r} is not an ISO 4217 currency code")


def year(value: str) -> int:
    if not _DIGITS.fullmatch(value) or not 1900 <= int(value) <= 2100:
        raise FieldError(f"{value!r} is not a year (1900-2100)")
    return int(value)


def optional_year(value: str) -> int | None:
    return None if value == "" else year(value)


def positive_int(value: str) -> int:
    if not _DIGITS.fullmatch(value) or int(value) < 1:
        raise FieldError(f"{value!r} is not a whole number of 1 or more")
    return int(value)


def number(value: str) -> float:
    """A plain decimal in base units: digits, optional sign and decimal point, no exponent or grouping."""
    if not _PLAIN_NUMBER.fullmatch(value):
        raise FieldError(f"{value!r} is not a number (plain decimal, no exponent or grouping)")
    return float(value)


def positive_number(value: str) -> float:
    parsed = number(value)
    if parsed <= 0:
        raise FieldError(f"{value!r} is not above zero")
    return parsed


def percent(value: str) -> float:
    parsed = number(value)
    if not 0 <= parsed <= 100:
        raise FieldError(f"{value!r} is not a percentage (0-100)")
    return parsed


def iso_date(value: str) -> date | None:
    if value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise FieldError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def required_date(value: str) -> date:
    parsed = iso_date(value)
    if parsed is None:
        raise FieldError("date is empty")
    return parsed


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


def share_flow(value: str) -> Flow:
    """A flow a share can be of: exports or imports."""
    return Flow(_one_of(value, (Flow.EXPORT.value, Flow.IMPORT.value), "a share flow"))


def standing(value: str) -> Standing:
    return Standing(_one_of(value, [s.value for s in Standing], "a standing"))


def choice(allowed: Sequence[str], what: str) -> Callable[[str], str]:
    return lambda value: _one_of(value, allowed, what)


def optional_choice(allowed: Sequence[str], what: str) -> Callable[[str], str | None]:
    return lambda value: None if value == "" else _one_of(value, allowed, what)


def valuation_of(allowed: Sequence[str]) -> Callable[[str], str | None]:
    """A valuation from ``allowed``, or ``None`` for an empty field (not stated, or mixed)."""
    return optional_choice(allowed, "a valuation")
