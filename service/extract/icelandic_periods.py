"""Periods in an Icelandic sentence: years, quarters, halves, runs of months, relative years.

"árið 2020", "á síðasta ári", "í fyrra", "á þessu ári", "fyrstu átta mánuði ársins 2019",
"á fyrsta ársfjórðungi", "á fyrri helmingi ársins", "janúar til ágúst", "árin 2010 til 2020";
and the periods a change is measured against: "á sama tíma fyrir ári", "milli ára".
Numbers that belong to a period or a date are taken, so they never become figures.
"""

from __future__ import annotations

from tokenizer import TOK

from checkers import Period

from .facts import PeriodMention
from .icelandic_text import NOT_FIGURES, Sentence
from .periods import (
    LAST_YEAR,
    THIS_YEAR,
    latest_months,
    months,
    part,
    plausible_year,
    relative_year,
    years,
)

_LAST = frozenset({"síðasta", "síðastliðnu", "síðastliðið", "liðnu", "liðið", "síðastliðna", "nýliðnu",
                   "nýliðið", "síðastliðins", "liðins", "nýliðins"})
_THIS = frozenset({"þessu", "þetta", "þessa", "yfirstandandi", "líðandi"})
_LATER_HALF = frozenset({"seinni", "síðari"})
_SAME = frozenset({"sama", "sambærilegum", "sambærilegu", "sambærilegs"})
#: The words a period phrase can start with (besides ordinals and forms of "ár").
_OPENERS = _LAST | _THIS | _SAME | {"í", "milli", "miðað", "frá", "fyrri", "seinni", "síðari", "síðustu",
                                    "undanfarin", "undanförnum", "síðastliðin", "síðastliðnum"}


def _year(s: Sentence, i: int) -> int | None:
    """The year token i names: a YEAR token ("árið 2020", "2020") or a bare four-digit number."""
    if not 0 <= i < s.n or s.taken[i]:
        return None
    tok = s.toks[i]
    if tok.kind == TOK.YEAR and isinstance(tok.val, int):
        return tok.val
    if tok.kind == TOK.NUMBER and tok.txt.isdigit() and len(tok.txt) == 4 and plausible_year(tok.val[0]):
        return int(tok.val[0])
    return None


def _of_year(s: Sentence, j: int) -> tuple[int, int | None, bool]:
    """The year named from token j on: (last index, year, whether it was written).

    "2021", "ársins 2021", "síðasta árs", "í fyrra", "þessa árs"; "ársins" alone means no
    particular year (the caller takes the latest part that had ended).
    """
    year = _year(s, j)
    if year is not None:
        return j, year, True
    published = s.published
    low = s.low(j)
    if low in _LAST and s.w(j + 1).year_noun:
        return j + 1, published.year - 1 if published else None, True
    if low in _THIS and s.w(j + 1).year_noun:
        return j + 1, published.year if published else None, True
    if low == "í" and s.low(j + 1) == "fyrra":
        return j + 1, published.year - 1 if published else None, True
    if s.w(j).year_noun and s.low(j) in ("ársins", "árs"):
        year = _year(s, j + 1)
        if year is not None:
            return j + 1, year, True
        return j, None, False
    return j - 1, None, False


def _ordinal(s: Sentence, i: int) -> int | None:
    tok = s.toks[i] if 0 <= i < s.n else None
    if tok is None:
        return None
    if tok.kind == TOK.ORDINAL and isinstance(tok.val, int):
        return tok.val
    return tok.w.ordinal if tok.kind == TOK.WORD else None


def _first_of(s: Sentence, i: int) -> int:
    """Where a period phrase starts: a preposition before it ("á", "í", "frá", "yfir") belongs to it."""
    return i - 1 if s.low(i - 1) in ("á", "í", "frá", "fyrir", "yfir", "um") and s.free(i - 1) else i


class _Periods:
    def __init__(self, s: Sentence) -> None:
        self.s = s
        # "undanfarin 11 ár" next to a rank is a streak, read with the figures
        self.ranked = any(t.w.superlative for t in s.toks)

    def add(self, first: int, last: int, period: Period | None, base: bool = False) -> None:
        s = self.s
        s.take(first, last)
        if period is not None or base:
            s.facts.periods.append(PeriodMention(s.toks[first].start, s.toks[last].end, period, base))

    def run(self) -> None:
        s = self.s
        for i in range(s.n):
            if s.taken[i]:
                continue
            tok = s.toks[i]
            if tok.kind == TOK.WORD:
                w = tok.w
                if not (tok.lower in _OPENERS or w.ordinal or w.year_noun):
                    continue  # most words open no period: skip the matchers
                matchers = (self.base, self.relative, self.part_of_year, self.first_months)
            elif tok.kind in (TOK.YEAR, TOK.NUMBER):
                matchers = (self.year_range, self.year)
            elif tok.kind == TOK.ORDINAL:
                matchers = (self.part_of_year,)
            elif tok.kind == TOK.DATEREL:
                matchers = (self.month_range,)
            else:
                matchers = ()
            for matcher in matchers:
                if matcher(i):
                    break
            else:
                if tok.kind in NOT_FIGURES:
                    s.take(i, i)

    # --- the period a change is measured against ------------------------------------------------
    def base(self, i: int) -> bool:
        s, low = self.s, self.s.low(i)
        if low in _SAME and s.low(i + 1) in ("tíma", "tímabili", "tímabils", "leyti", "ársfjórðungi", "mánuði"):
            j = i + 2
            if s.low(j) == "fyrir" and s.w(j + 1).year_noun or s.low(j) == "í" and s.low(j + 1) == "fyrra":  # á sama tíma fyrir ári
                last = j + 1
            elif s.low(j) in _LAST | {"árið", "ársins", "árinu"} or s.w(j).year_noun:
                last = j + 1 if s.w(j + 1).year_noun else j
                last = last + 1 if s.low(last + 1) in ("áður", "á", "undan") else last
            else:
                return False
            first = i - 1 if s.low(i - 1) in ("á", "og", "við", "frá") else i
            first = first - 1 if s.low(first - 1) == "miðað" else first
            self.add(first, last, None, base=True)
            return True
        if low == "milli" and s.low(i + 1) == "ára":  # "jókst um 5% á milli ára"
            self.add(i - 1 if s.low(i - 1) == "á" else i, i + 1, None, base=True)
            return True
        if low == "milli":  # "milli áranna 2019 og 2020", "milli 2019 og 2020": the later year, against the earlier
            k = i + 2 if s.low(i + 1) == "áranna" else i + 1
            first_year, last_year = _year(s, k), _year(s, k + 2)
            if s.low(k + 1) == "og" and first_year and last_year and first_year < last_year:
                self.add(k + 2, k + 2, Period.year(last_year))
                self.add(i - 1 if s.low(i - 1) == "á" else i, k + 1, Period.year(first_year), base=True)
                return True
        if low == "miðað" and s.low(i + 1) == "við":
            year = _year(s, i + 2)
            if year is not None:
                self.add(i, i + 2, Period.year(year), base=True)
                return True
            nxt = s.toks[i + 2] if i + 2 < s.n else None
            if nxt is not None and nxt.kind == TOK.DATEREL and _is_month(nxt.val) and nxt.val[0]:
                self.add(i, i + 2, months(nxt.val[0], nxt.val[1], nxt.val[1]), base=True)  # miðað við janúar 2020
                return True
            if s.low(i + 2) in ("fyrra", "árið") and s.w(i + 3).year_noun:  # miðað við fyrra ár
                self.add(i, i + 3, None, base=True)
                return True
        if low == "frá" and s.low(i + 1) in ("fyrra", "síðasta") and s.low(i + 2) in ("ári", "árinu"):
            self.add(i, i + 2, None, base=True)  # "jókst um 5% frá fyrra ári"
            return True
        return False

    # --- years relative to the publication date ------------------------------------------------
    def relative(self, i: int) -> bool:
        s, low = self.s, self.s.low(i)
        published = s.published
        if low == "í" and s.low(i + 1) == "fyrra":
            self.add(i, i + 1, relative_year(LAST_YEAR, published))
            return True
        if low in _LAST and s.w(i + 1).year_noun and s.low(i + 1) != "ársins":
            first = i - 1 if s.low(i - 1) in ("á", "allt", "yfir", "fyrir") else i
            self.add(first, i + 1, relative_year(LAST_YEAR, published))
            return True
        if low in _THIS and s.w(i + 1).year_noun and s.low(i - 1) in ("á", "allt", "fyrir", "yfir", "það", "sem"):
            self.add(i - 1, i + 1, relative_year(THIS_YEAR, published))
            return True
        if low == "í" and s.low(i + 1) == "ár" and s.low(i + 2) not in ("í",) and s.kind(i - 1) != TOK.NUMBER:
            self.add(i, i + 1, relative_year(THIS_YEAR, published))
            return True
        if low in ("síðustu", "undanfarin", "undanförnum", "síðastliðin", "síðastliðnum") and not self.ranked:
            count = s.w(i + 1).cardinal
            if count is None and s.kind(i + 1) == TOK.NUMBER and s.toks[i + 1].txt.isdigit():
                count = int(s.toks[i + 1].val[0])
            if count and 1 < count < 100 and s.w(i + 2).year_noun and published is not None:
                first = i - 1 if s.low(i - 1) in ("á", "yfir", "um") else i
                self.add(first, i + 2, years(published.year - count, published.year - 1))
                return True
        if s.w(i).year_noun and low in ("árinu", "árið") and s.low(i + 1) == "sem" and s.low(i + 2) in ("leið", "er"):
            offset = LAST_YEAR if s.low(i + 2) == "leið" else THIS_YEAR
            first = i - 1 if s.low(i - 1) == "á" else i
            self.add(first, i + 2, relative_year(offset, published))
            return True
        return False

    # --- quarters and halves ---------------------------------------------------------------------
    def part_of_year(self, i: int) -> bool:
        s = self.s
        w = s.w(i + 1)
        n = _ordinal(s, i)
        size = 0
        if n is not None and w.quarter_noun:
            size = 3
        elif s.low(i) in ("fyrri", "seinni", "síðari") and (w.half_noun or "hluti" in w.lemmas):
            size, n = 6, 2 if s.low(i) in _LATER_HALF else 1
        if not size or n is None:
            return False
        last, year, written = _of_year(s, i + 2)
        first = _first_of(s, i)
        if written:
            period = part(year, size, n) if year else None
        else:
            period = None
            if s.published is not None:
                candidate = part(s.published.year, size, n)
                if candidate is not None:
                    period = latest_months(candidate.start.month, candidate.end.month, s.published)
        self.add(first, max(last, i + 1), period)
        return True

    def first_months(self, i: int) -> bool:
        """ "fyrstu átta mánuði ársins 2019", "fyrstu 8 mánuðum ársins"."""
        s = self.s
        if s.w(i).ordinal != 1 or not s.low(i).startswith("fyrst"):
            return False
        count = s.w(i + 1).cardinal
        if count is None and s.kind(i + 1) == TOK.NUMBER and s.toks[i + 1].txt.isdigit():
            count = int(s.toks[i + 1].val[0])
        if count is None or not 1 <= count <= 12 or not s.w(i + 2).month_noun:
            return False
        last, year, written = _of_year(s, i + 3)
        if written:
            period = months(year, 1, count) if year else None
        else:
            period = latest_months(1, count, s.published)
        self.add(_first_of(s, i), max(last, i + 2), period)
        return True

    def month_range(self, i: int) -> bool:
        """ "janúar til ágúst 2019", "frá janúar til ágúst", "janúar–ágúst", "í mars 2021"."""
        s = self.s
        tok = s.toks[i]
        if tok.kind != TOK.DATEREL or not _is_month(tok.val):
            return False
        first_year, first_month, _ = tok.val
        last, last_month, year = i, first_month, first_year
        j = i + 1
        if (s.low(j) in ("til", "og") or s.toks[j].txt in ("-", "–", "—") if j < s.n else False) and (
            j + 1 < s.n and s.toks[j + 1].kind == TOK.DATEREL and _is_month(s.toks[j + 1].val)
        ):
            last, (year2, last_month, _) = j + 1, s.toks[j + 1].val
            year = year2 or year
        if not year:
            following = _year(s, last + 1)
            if following is not None:
                year, last = following, last + 1
        if year:
            period = months(year, first_month, last_month)
        else:
            period = latest_months(first_month, last_month, s.published)
        self.add(_first_of(s, i), last, period)
        return True

    # --- years -----------------------------------------------------------------------------------
    def year_range(self, i: int) -> bool:
        """ "árin 2010 til 2020", "frá 2015 til 2020", "2010–2020", "á árunum 2010-2020"."""
        s = self.s
        first_year = _year(s, i)
        if first_year is None or i + 2 >= s.n:
            return False
        joint = s.toks[i + 1].txt
        last_year = _year(s, i + 2)
        if last_year is None or last_year <= first_year or joint not in ("til", "-", "–", "—"):
            return False
        first = i
        if s.low(i - 1) in ("árin", "árunum", "áranna"):
            first = i - 1
        if s.low(first - 1) in ("frá", "á", "yfir", "um") and s.free(first - 1):
            first -= 1
        self.add(first, i + 2, years(first_year, last_year))
        return True

    def year(self, i: int) -> bool:
        s = self.s
        year = _year(s, i)
        if year is None:
            return False
        tok = s.toks[i]
        if tok.kind == TOK.NUMBER and self._counts_something(i):
            return False
        first = i - 1 if s.low(i - 1) == "á" and tok.txt.lower().startswith("ári") else i
        self.add(first, i, Period.year(year))
        return True

    def _counts_something(self, i: int) -> bool:
        """ "2000 tonn", "1990 milljónir": a unit or scale after the number makes it a figure."""
        w = self.s.w(i + 1)
        return bool(w.scale or w.currency or w.percent or w.point or w.tonne or w.barrel or w.year_noun
                    or self.s.toks[i + 1].txt in ("%",) if i + 1 < self.s.n else False)


def _is_month(val: object) -> bool:
    return isinstance(val, tuple) and len(val) == 3 and val[2] == 0 and 1 <= (val[1] or 0) <= 12


def read_periods(s: Sentence) -> None:
    """Adds the sentence's periods to its facts and takes their tokens."""
    _Periods(s).run()


__all__ = ["read_periods"]
