"""Written numbers to plain dot-decimal numerals, in either language's convention.

Icelandic groups thousands with dots and writes a decimal comma ("1.009,0", "107,76"); English
does the opposite ("1,009.0", "107.76"). A number that can only be read one way is read that way
whichever language the text is in; only a single separator followed by exactly three digits
("1,234", "1.234") is ambiguous, and then the text's own convention decides.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_DIGITS = re.compile(r"[0-9][0-9.,]*")
MAX_DIGITS = 30  # a longer run of digits is not a figure anyone wrote


def numeral(txt: str, decimal_comma: bool) -> str | None:
    """The first number written in ``txt`` as a dot decimal without grouping, or None.

    >>> numeral("1.009,0", True), numeral("1,009.0", True), numeral("107,76", False), numeral("1,234", False)
    ('1009.0', '1009.0', '107.76', '1234')
    """
    m = _DIGITS.search(txt)
    if m is None:
        return None
    raw: str | None = m.group().rstrip(".,")
    if raw is None or len(raw) > MAX_DIGITS:
        return None
    commas, dots = raw.count(","), raw.count(".")
    if commas and dots:
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        head, _, tail = raw.rpartition(decimal_mark)
        raw = None if decimal_mark in head or not _grouped(head, group_mark) else head.replace(group_mark, "") + "." + tail
    elif commas or dots:
        mark = "," if commas else "."
        parts = raw.split(mark)
        if len(parts) > 2:
            raw = raw.replace(mark, "") if _grouped(raw, mark) else None
        elif len(parts[1]) == 3 and len(parts[0]) <= 3:  # "1,234" / "1.234": the text's convention
            groups = mark == "." if decimal_comma else mark == ","
            raw = raw.replace(mark, "") if groups else parts[0] + "." + parts[1]
        else:
            raw = parts[0] + "." + parts[1]
    if not raw:
        return None
    try:
        return format(Decimal(raw), "f")
    except InvalidOperation:
        return None


def _grouped(text: str, mark: str) -> bool:
    parts = text.split(mark)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def plain(value: object) -> str:
    """A number as a plain decimal numeral without exponent or trailing zeros ("0.5", "100")."""
    return format(Decimal(str(value)).normalize(), "f")
