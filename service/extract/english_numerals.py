"""English numerals: digits, number words, fractions and multiples, before any unit or qualifier.

:func:`core` reads the numeral at a token: "107.76", "1,234.5", the Icelandic "107,76" where
unambiguous, "eleven", "twenty-three", "one hundred and seven", "a billion" (one, the scale
follows), "a fifth" and "two-thirds" (as percentages), "doubled" (a change of about 100%).
"""

from __future__ import annotations

from decimal import Decimal

from checkers import Qualifier

from .english_text import Sentence
from .english_words import (
    AFTER_FRACTION,
    CODES,
    FRACTIONS,
    MULTIPLES,
    SCALE_ABBR,
    SCALE_WORDS,
    TEENS,
    TENS,
    UNITS,
)
from .facts import Direction, NumberRole
from .numerals import MAX_DIGITS, numeral, plain


class Number:
    """A number being read: its tokens (indices), and what the text says about it."""

    __slots__ = (
        "direction",
        "first",
        "fraction",
        "high",
        "high_numeral",
        "is_words",
        "last",
        "numeral",
        "qualifier",
        "role",
        "scale",
        "scaled",
        "start",
        "unit",
    )

    def __init__(self, first: int, last: int, numeral_: str, *, is_words: bool = False, fraction: bool = False):
        self.first = first  # the numeral's first token
        self.last = last  # the mention's last token
        self.start = first  # the mention's first token: a currency or qualifier may come before
        self.numeral = numeral_
        self.scale = 1.0
        self.scaled = False
        self.unit = "percent" if fraction else "count"
        self.qualifier = Qualifier.EXACT
        self.role = NumberRole.SHARE if fraction else NumberRole.PLAIN
        self.high: float | None = None
        self.high_numeral: str | None = None
        self.is_words = is_words
        self.fraction = fraction
        self.direction: Direction | None = None

    @property
    def value(self) -> float:
        return float(Decimal(self.numeral) * Decimal(self.scale))


def _small(s: Sentence, i: int) -> tuple[int, int] | None:
    """(value, last index) of "seven", "eleven", "twenty-three" at i."""
    low = s.low(i)
    if low in TENS:
        if s.low(i + 1) == "-" and s.glued(i + 1) and s.glued(i + 2) and UNITS.get(s.low(i + 2), 0) >= 1:
            return TENS[low] + UNITS[s.lows[i + 2]], i + 2
        return TENS[low], i
    value = UNITS.get(low, TEENS.get(low))
    return (value, i) if value is not None else None


def _fraction(s: Sentence, first: int, i: int, whole: int) -> Number | None:
    """ "a fifth", "two-thirds", "three quarters": ``whole`` over the fraction word, as a percentage."""
    j = i + 1 if s.low(i) == "-" and s.glued(i) and s.glued(i + 1) else i
    low = s.low(j)
    if low not in FRACTIONS or (low.endswith("s") and low != "halves") != (whole > 1):
        return None
    if whole == 1 and s.kinds[j + 1 : j + 2] == ["w"] and s.lows[j + 1] not in AFTER_FRACTION:
        return None  # "a third round", "a fifth consecutive year": ordinals
    denominator = FRACTIONS[low]
    value = Decimal(100 * whole) / Decimal(denominator)
    if denominator not in (2, 4, 5, 8, 10):  # thirds, sixths...: four decimals
        value = value.quantize(Decimal("0.0001"))
    return Number(first, j, plain(value), is_words=True, fraction=True)


def core(s: Sentence, i: int) -> Number | None:
    """The numeral at token i: digits, number words, a fraction or a multiple."""
    if s.used[i]:
        return None
    if s.kinds[i] == "n":
        word = s.words[i]
        if len(word) > MAX_DIGITS:
            return None
        if s.glued(i) and s.kinds[i - 1] == "w" and s.words[i - 1] not in CODES:
            return None  # G20, A380, Q1: part of a name ("Rmb5bn", "USD5bn" are currencies)
        if s.glued(i + 1) and s.kinds[i + 1] == "w" and s.lows[i + 1] not in SCALE_ABBR:
            return None  # 5G, 1990s, 11th (an ordinal outside a streak or rank)
        if s.glued(i) and s.low(i - 1) == "." and s.kinds[i - 2 : i - 1] == ["n"]:
            return None  # 1.2.3
        text = numeral(word, decimal_comma=False)
        return Number(i, i, text) if text is not None else None
    low = s.lows[i]
    if low in MULTIPLES:
        num = Number(i, i, str(abs(MULTIPLES[low])), is_words=True)
        num.unit, num.role, num.qualifier = "percent", NumberRole.CHANGE, Qualifier.ABOUT
        num.direction = Direction.INCREASE if MULTIPLES[low] > 0 else Direction.DECREASE
        return num
    if low in ("a", "an"):
        if s.low(i + 1) == "hundred":
            return Number(i, i + 1, "100", is_words=True)
        if s.low(i + 1) in SCALE_WORDS:
            return Number(i, i, "1", is_words=True)
        return _fraction(s, i, i + 1, 1)
    if low == "half":
        if s.low(i - 1) in ("first", "second") or s.low(i + 1) == "year" or s.at(i + 1, "-", "year"):
            return None
        if s.low(i + 1) in SCALE_WORDS:  # "half a billion", "half a trillion"
            return None
        return _fraction(s, i, i, 1)
    small = _small(s, i)
    if small is None:
        return None
    value, last = small
    if s.low(last + 1) == "hundred" and 1 <= value <= 9:  # "one hundred and seven"
        value, last = value * 100, last + 1
        rest = _small(s, last + 2) if s.low(last + 1) == "and" else _small(s, last + 1)
        if rest is not None and 0 < rest[0] < 100:
            value, last = value + rest[0], rest[1]
    elif 1 <= value <= 10 and (fraction := _fraction(s, i, last + 1, value)) is not None:
        return fraction
    return Number(i, last, str(value), is_words=True)
