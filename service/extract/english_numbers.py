"""Figures in an English sentence: the numeral (:mod:`.english_numerals`), then its scale, currency
or unit, qualifier, role (a change, a share, a streak, the level a change reached) and range; and
the bare years that are periods, not figures.
"""

from __future__ import annotations

from decimal import Decimal

from checkers import Period, Qualifier

from .english_numerals import Number, core
from .english_text import Sentence
from .english_words import (
    CHANGE_NOUNS,
    CHANGE_VERBS,
    CODES,
    CURRENCIES,
    DOLLAR_PREFIXES,
    DOWN_NOUNS,
    DOWN_VERBS,
    QUALIFIERS,
    SCALE_ABBR,
    SCALE_WORDS,
    SHARE_BEFORE,
    SPACED_ABBR,
    STREAK_WORDS,
    SYMBOLS,
    YEAR_AFTER,
    YEAR_BEFORE,
)
from .facts import Direction, NumberMention, NumberRole
from .numerals import plain
from .periods import years

_TONNES = frozenset({"tonnes", "tonne", "tons", "ton", "metric tons", "t"})
_BARRELS = frozenset({"barrels", "barrel", "bbl"})
_LEVEL_BEFORE = frozenset({"to", "at", "reaching", "totalling", "totaling", "hitting", "of"})


def _currency_symbol(s: Sentence, symbol: str) -> str:
    unit = SYMBOLS[symbol]
    return s.reader.yen(s) if unit == "¥" else unit


def _suffix(s: Sentence, num: Number) -> None:
    """Scale word, then currency, percent, unit or years after the numeral."""
    j = num.last + 1
    low = s.low(j)
    if num.fraction or num.role is NumberRole.CHANGE:
        return
    if low in SCALE_ABBR and s.glued(j) or low in SPACED_ABBR or low in SCALE_WORDS and not s.glued(j):
        num.scale, num.scaled, num.last = SCALE_ABBR.get(low) or SCALE_WORDS[low], True, j
        j += 1
        low = s.low(j)
    word = s.word(j)
    if low in ("%", "percent", "pct"):
        num.unit, num.last = "percent", j
    elif s.at(j, "per", "cent"):
        num.unit, num.last = "percent", j + 1
    elif s.at(j, "percentage", "points") or s.at(j, "percentage", "point") or low in ("pp", "ppt", "ppts"):
        num.unit, num.last = "percentage_point", j + (0 if low in ("pp", "ppt", "ppts") else 1)
    elif word in CODES:
        num.unit, num.last = CODES[word], j
        if not num.scaled and s.low(j + 1) in SPACED_ABBR:  # "107 USD bn"
            num.scale, num.scaled, num.last = SCALE_ABBR[s.lows[j + 1]], True, j + 1
    elif (k := s.phrase(CURRENCIES, j)) and not (low.startswith("pound") and s.low(j + k) == "of"):
        num.unit, num.last = s.value(CURRENCIES, j, k), j + k - 1
    elif low in SYMBOLS and low != "$" and s.glued(j):  # "5€"
        num.unit, num.last = _currency_symbol(s, low), j
    elif low in _TONNES and not (low == "t" and not s.glued(j)) or s.at(j, "metric", "tons"):
        num.unit, num.last = "tonne", j + (1 if low == "metric" else 0)
    elif low in _BARRELS:
        num.unit, num.last = "barrel", j
    elif low == "years" or low == "year" and num.numeral == "1":
        num.unit, num.last = "year", j
    elif low == "-" and s.glued(j) and s.glued(j + 1) and s.low(j + 1) == "year":  # "a five-year plan"
        num.unit, num.last = "year", j + 1


def _prefix(s: Sentence, num: Number) -> None:
    """Currency before the numeral: "$", "US$", "€", "¥", "USD ", "Rmb5bn", "USD bn 107"."""
    k = num.first - 1
    if k < 0 or num.fraction or num.is_words and num.role is NumberRole.CHANGE or s.used[k]:
        return
    word = s.words[k]
    if word in SYMBOLS:
        num.unit, num.start = _currency_symbol(s, word), k
        if word == "$" and s.glued(k) and s.words[k - 1] in DOLLAR_PREFIXES:
            num.unit, num.start = DOLLAR_PREFIXES[s.words[k - 1]], k - 1
        return
    if word in SPACED_ABBR and not num.scaled and s.word(k - 1) in CODES:
        num.scale, num.scaled = SCALE_ABBR[word], True
        k -= 1
        word = s.words[k]
    if word in CODES:
        num.unit, num.start = CODES[word], k


def _qualify(s: Sentence, num: Number) -> None:
    if num.role is NumberRole.CHANGE and num.is_words:
        return  # "doubled" is its own qualifier
    k = s.phrase_before(QUALIFIERS, num.start)
    if k and not any(s.used[num.start - k : num.start]):
        num.start -= k
        num.qualifier = s.value(QUALIFIERS, num.start, k)


def _read_number(s: Sentence, i: int) -> Number | None:
    num = core(s, i)
    if num is not None:
        _suffix(s, num)
        _prefix(s, num)
    return num


def _change_word(s: Sentence, k: int) -> Direction | None:
    low = s.low(k)
    if low in CHANGE_VERBS:
        return Direction.DECREASE if low in DOWN_VERBS else Direction.INCREASE
    return None


def _role(s: Sentence, num: Number, previous: Number | None) -> None:
    """Streak, change, share, or the level a change reached, from the words around the number."""
    j = num.last + 1
    if num.role is NumberRole.CHANGE:
        return
    if num.unit == "year":
        if s.low(j - 1) == "years" and s.at(j, "in", "a", "row"):
            num.role, num.last = NumberRole.STREAK, j + 2
        elif s.low(j - 1) == "years" and s.low(j) == "running":
            num.role, num.last = NumberRole.STREAK, j
        return
    if num.unit == "count" and not num.fraction and s.low(j) in STREAK_WORDS and s.low(j + 1) == "years":
        num.unit, num.role, num.last = "year", NumberRole.STREAK, j + 1
        return
    q = num.start
    verb = q - 2 if s.low(q - 1) == "by" else q - 1
    direction = _change_word(s, verb)
    if direction is None and s.low(q - 1) == "of" and s.low(q - 2) in CHANGE_NOUNS:  # "an increase of 7%"
        direction = Direction.DECREASE if s.lows[q - 2] in DOWN_NOUNS else Direction.INCREASE
    if direction is None and s.low(j) in CHANGE_NOUNS:  # "a 7% increase"
        direction = Direction.DECREASE if s.lows[j] in DOWN_NOUNS else Direction.INCREASE
    if direction is None and s.low(q - 1) in ("was", "were", "is", "at", "reached", "of"):  # "export growth was 3.5%"
        for k in range(q - 2, max(q - 6, -1), -1):
            if s.kinds[k] == "n":
                break
            if s.lows[k] in CHANGE_NOUNS:
                direction = Direction.DECREASE if s.lows[k] in DOWN_NOUNS else Direction.INCREASE
                break
    if direction is None and (s.at(j, "year", "-", "on", "-", "year") or s.at(j, "year", "on", "year")):
        direction = _change_word(s, q - 1) or Direction.INCREASE
    if direction is not None and num.unit not in ("count", "year") and not (s.low(q - 1) == "to" or s.low(verb) == "to"):
        num.role, num.direction = NumberRole.CHANGE, direction
        return
    if direction is not None and num.fraction:
        num.role, num.direction = NumberRole.CHANGE, direction
        return
    if num.unit == "percent" and (s.low(j) in ("of", "share") or tuple(s.lows[max(0, q - 2) : q]) in SHARE_BEFORE
                                  or _share_before(s, q)):
        num.role = NumberRole.SHARE  # "20.5% of", "a 20.5% share", "a share of 20.5%"
        return
    if num.fraction:
        return
    before = s.low(q - 1)
    if previous is not None and previous.role is NumberRole.CHANGE and before in _LEVEL_BEFORE:
        num.role = NumberRole.LEVEL  # "rose 12.5% to 3.2 trillion yuan"
    elif before == "from" and num.qualifier is Qualifier.EXACT and _to_follows(s, num.last + 1):
        num.role = NumberRole.PREVIOUS  # "rose from $5bn to $6bn"
    elif previous is not None and previous.role is NumberRole.PREVIOUS and before == "to":
        num.role = NumberRole.LEVEL


def _share_before(s: Sentence, q: int) -> bool:
    """ "China's share of Iceland's imports was 9.5%": a share word shortly before, no figure between."""
    for k in range(q - 1, max(q - 8, -1), -1):
        if s.kinds[k] == "n":
            return False
        if s.lows[k] in ("share", "shares", "proportion", "portion"):
            return True
    return False


def _to_follows(s: Sentence, j: int) -> bool:
    """Whether "to" comes next, past a period ("from $5bn in 2019 to ...")."""
    while j < s.n and (s.used[j] or s.lows[j] in ("in", "of", ",") or s.year(j) is not None):
        j += 1
    return s.low(j) == "to"


def _range(s: Sentence, num: Number) -> None:
    """ "between A and B", "A to B", "A-B", "A–B": one mention with a high end."""
    j = num.last + 1
    joint = s.low(j)
    between = num.qualifier is Qualifier.RANGE
    if between:
        possible = joint == "and"
    else:
        possible = (
            joint in ("to", "-", "–", "—") and num.qualifier in (Qualifier.EXACT, Qualifier.ABOUT)
            and num.role is NumberRole.PLAIN
            and not num.fraction and s.low(num.start - 1) != "from"  # "from 5% to 6%": two figures
            and not (joint == "to" and _change_word(s, num.start - 1) is not None)  # "rose 5% to $6bn"
        )
    high = None
    if possible:
        k = j + 1  # past a currency before B: "$110 billion", "US$110bn", "USD 110 billion"
        while k < min(j + 3, s.n - 1) and (s.words[k] in SYMBOLS or s.words[k] in DOLLAR_PREFIXES or
                                           s.words[k] in CODES):
            k += 1
        high = _read_number(s, k) if k < s.n else None
    if high is not None and high.start == j + 1 and _join(s, num, high, joint, j):
        return
    if between:  # "between" without "and B" is no range and no qualifier
        num.qualifier, num.start = Qualifier.EXACT, num.start + 1


def _join(s: Sentence, num: Number, high: Number, joint: str, j: int) -> bool:
    if high.fraction or high.role is not NumberRole.PLAIN or not (
        num.unit == high.unit or "count" in (num.unit, high.unit)
    ):
        return False
    if joint == "-" and not (s.glued(j) and s.glued(j + 1)) and high.unit == "count":
        return False  # "5 - 6" is more likely a list or a score than a range
    if not num.scaled and high.scaled:  # "between 100 and 110 billion"
        num.scale = high.scale
    if not high.scaled:
        high.scale = num.scale
    if high.value < num.value:
        return False
    num.unit = high.unit if num.unit == "count" else num.unit
    num.qualifier = Qualifier.RANGE
    num.high = high.value
    num.high_numeral = high.numeral if high.scale == num.scale else plain(
        Decimal(high.numeral) * Decimal(high.scale) / Decimal(num.scale))
    num.last = high.last
    return True


def _year_mention(s: Sentence, num: Number) -> bool:
    """A bare plausible year is a period, not a quantity: "in 2020", "the year 2020", "between 2010 and 2020"."""
    if num.qualifier is Qualifier.RANGE and s.low(num.first + 1) == "and" and num.last == num.first:
        first_year, last_year = s.year(num.first), s.year(num.first + 2)
        if first_year and last_year and last_year > first_year:
            s.take(num.first, num.first + 2)
            s.period(num.first, num.first + 2, years(first_year, last_year))
            return True
    year = s.year(num.first)
    if year is None or num.is_words or num.unit != "count" or num.qualifier is not Qualifier.EXACT or (
        num.last != num.first or num.start != num.first
    ):
        return False
    before, after = s.low(num.first - 1), num.first + 1
    if before not in YEAR_BEFORE and not (
        after >= s.n or s.kinds[after] != "w" or s.words[after][:1].isupper() or s.lows[after] in YEAR_AFTER
    ):
        return False  # "they shipped 2000 tonnes"
    first = num.first
    if before == "year":
        first -= 2 if s.low(first - 2) == "the" else 1
    s.take(num.first, num.first)
    s.period(first, num.first, Period.year(year))
    return True


def numbers(s: Sentence) -> None:
    """Adds every figure of the sentence to its facts."""
    i = 0
    previous: Number | None = None
    while i < s.n:
        num = _read_number(s, i)
        if num is None:
            i += 1
            continue
        i = num.first + 1
        _qualify(s, num)
        if _year_mention(s, num):
            continue
        _range(s, num)
        if _year_mention(s, num):  # "between 2019 and the pandemic": no range after all
            continue
        _role(s, num, previous)
        if num.is_words and num.numeral == "1" and not num.scaled and num.unit == "count":
            continue  # a bare "one" ("one of the largest") is not a figure
        s.take(num.start, num.last)
        s.facts.numbers.append(NumberMention(
            s.starts[num.start], s.ends[num.last], num.value, num.numeral, num.scale, num.unit,
            num.qualifier, num.role, num.high, num.high_numeral, num.direction,
        ))
        previous = num
        i = num.last + 1
