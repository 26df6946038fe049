"""Figures in an Icelandic sentence: the number, its scale, unit, qualifier, role and range.

A figure starts at a number token of the tokenizer (NUMBER, PERCENT, AMOUNT), at number words
("fimm", "tveggja", "tuttugu og þrjú", "hundrað og sjö"), at a fraction ("fimmtungur",
"tveir þriðju"), at a verb of multiplying ("tvöfaldaðist") or at a scale noun with a currency
and no number ("milljarði króna"). Words are recognised by BÍN lemma (:mod:`.icelandic_words`).
"""

from __future__ import annotations

from decimal import Decimal

from tokenizer import TOK

from checkers import Qualifier

from .facts import Direction, NumberMention, NumberRole
from .icelandic_text import Sentence
from .icelandic_words import (
    ISO_CURRENCIES,
    NATIONAL_CURRENCIES,
    QUALIFIERS_2,
    QUALIFIERS_3,
)
from .numerals import numeral, plain

_SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)
_KR = frozenset({"kr.", "kr", "ísk", "krónur"})
_DASHES = frozenset({"-", "–", "—"})


class _Figure:
    """A figure being read: token indices and what the words around it say."""

    __slots__ = (
        "direction",
        "first",
        "high",
        "high_numeral",
        "last",
        "numeral",
        "qualifier",
        "role",
        "scale",
        "start",
        "unit",
        "words",
    )

    def __init__(self, first: int, last: int, numeral_: str, unit: str = "count", scale: float = 1.0) -> None:
        self.first = first  # first token of the number
        self.last = last  # last token of the figure
        self.start = first  # first token of the mention (a qualifier may come before)
        self.numeral = numeral_
        self.scale = scale
        self.unit = unit
        self.qualifier = Qualifier.EXACT
        self.role = NumberRole.PLAIN
        self.high: float | None = None
        self.high_numeral: str | None = None
        self.direction: Direction | None = None
        self.words = False  # written in words: fractions and multiples take no scale

    def value(self) -> float:
        return float(Decimal(self.numeral) * Decimal(repr(self.scale)))


def _snap(ratio: float) -> float:
    return min(_SCALES, key=lambda s: abs(ratio - s))


class _Numbers:
    def __init__(self, s: Sentence, yuan: bool) -> None:
        self.s = s
        self.yuan = yuan  # ¥ means yuan: the text is about China

    # --- the number itself ---------------------------------------------------------------------
    def core(self, i: int) -> _Figure | None:
        s = self.s
        tok = s.toks[i]
        kind = tok.kind
        if kind in (TOK.NUMBER, TOK.PERCENT, TOK.MEASUREMENT):
            text = numeral(tok.txt, decimal_comma=True) if not any(ch in tok.txt for ch in "½¼¾⅓⅔") else plain(tok.val[0])
            if text is None or text.startswith("-"):
                return None
            unit = "percent" if kind == TOK.PERCENT else "count"
            return _Figure(i, i, text, unit)
        if kind == TOK.AMOUNT:
            text = numeral(tok.txt, decimal_comma=True)
            amount, iso = tok.val[0], tok.val[1]
            if text is None or not iso:
                return None
            scale = _snap(float(amount) / float(text)) if float(text) else 1.0
            iso = "CNY" if iso in ("RMB", "CNH") or (iso == "JPY" and "¥" in tok.txt and self.yuan) else iso
            fig = _Figure(i, i, text, iso, scale)
            before = s.toks[i - 1] if i > 0 else None
            if tok.txt.startswith("$") and before is not None and before.end == tok.start and before.txt in ("US", "U.S."):
                fig.start = fig.first = i - 1  # "US$50"
            return fig
        if kind == TOK.ORDINAL and isinstance(tok.val, int):
            return self.streak_ordinal(i, tok.val)
        if kind != TOK.WORD:
            return None
        w = tok.w
        if w.multiple is not None:
            fig = _Figure(i, i, str(abs(w.multiple)), "percent")
            fig.role, fig.qualifier, fig.words = NumberRole.CHANGE, Qualifier.ABOUT, True
            fig.direction = Direction.INCREASE if w.multiple > 0 else Direction.DECREASE
            return fig
        if w.fraction:
            return self.fraction(i, i, 1, w.fraction)
        if w.ordinal is not None and s.w(i + 1).year_noun and s.low(i + 2) == "í" and s.low(i + 3) == "röð":
            return self.streak_ordinal(i, w.ordinal)
        if w.cardinal is not None:
            return self.number_words(i)
        if "hálfur" in w.lemmas and s.w(i + 1).scale:
            return _Figure(i, i, "0.5")  # "hálfum milljarði"
        if w.scale and (s.w(i + 1).currency or s.low(i + 1) in _KR) and s.low(i - 1) not in ("þúsund",):
            return _Figure(i, i, "1", scale=w.scale)  # "milljarði króna": one milljarður
        return None

    def streak_ordinal(self, i: int, value: int) -> _Figure | None:
        """ "11. árið í röð", "ellefta árið í röð": the 11th year of a streak."""
        s = self.s
        if not (s.w(i + 1).year_noun and s.low(i + 2) == "í" and s.low(i + 3) == "röð"):
            return None
        fig = _Figure(i, i + 3, str(value), "year")
        fig.role, fig.words = NumberRole.STREAK, True
        return fig

    def fraction(self, first: int, i: int, whole: int, denominator: int) -> _Figure:
        value = Decimal(100 * whole) / Decimal(denominator)
        if denominator not in (2, 4, 5, 8, 10):
            value = value.quantize(Decimal("0.0001"))
        fig = _Figure(first, i, plain(value), "percent")
        fig.role, fig.words = NumberRole.SHARE, True
        if "hluti" in self.s.w(i + 1).lemmas:  # "þrír fjórðu hlutar", "tíundi hluti"
            fig.last = i + 1
        return fig

    def number_words(self, i: int) -> _Figure | None:
        """ "fimm", "tuttugu og þrjú", "hundrað og sjö", "tvö hundruð og fimmtíu", "tveir þriðju"."""
        s = self.s
        value, last = self._below_hundred(i)
        if value is None:
            return None
        if s.w(last + 1).cardinal == 100 and 1 <= value <= 9:
            value, last = value * 100, last + 1
        if value % 100 == 0 and value >= 100 and s.low(last + 1) == "og":
            rest, rest_last = self._below_hundred(last + 2)
            if rest is not None and 0 < rest < 100:
                value, last = value + rest, rest_last
        nxt = s.w(last + 1)
        if value <= 10 and nxt.plural_ordinal and nxt.ordinal and nxt.ordinal >= 3:  # tveir þriðju
            return self.fraction(i, last + 1, value, nxt.ordinal)
        if value == 1 and not (nxt.scale or nxt.currency):
            return None  # "einn af", "eitt helsta": not a figure
        return _Figure(i, last, str(value))

    def _below_hundred(self, i: int) -> tuple[int | None, int]:
        s = self.s
        value = s.w(i).cardinal if s.free(i) else None
        if value is None or value > 100:
            return None, i
        if value % 10 == 0 and 20 <= value <= 90 and s.low(i + 1) == "og":
            unit = s.w(i + 2).cardinal
            if unit is not None and 1 <= unit <= 9:
                return value + unit, i + 2
        return value, i

    # --- what follows: scale, currency, unit --------------------------------------------------
    def suffix(self, fig: _Figure) -> None:
        s = self.s
        j = fig.last + 1
        if fig.role is NumberRole.STREAK or fig.unit == "percent" and fig.words:
            return
        while (scale := s.w(j).scale) and s.free(j) and s.kind(j) == TOK.WORD:
            fig.scale, j = fig.scale * scale, j + 1  # "12 þúsund milljarðar"
        fig.last = j - 1
        if fig.unit not in ("count", "percent") and fig.unit != "year":
            if s.toks[j].txt in ISO_CURRENCIES if j < s.n else False:
                fig.last = j  # "$5 milljarðar USD" is rare; take the code with it
            return
        if j >= s.n:
            return
        tok, w = s.toks[j], s.w(j)
        low = tok.lower
        if fig.unit == "percent":
            return
        if tok.txt in ISO_CURRENCIES and tok.kind == TOK.WORD:
            fig.unit, fig.last = "CNY" if tok.txt == "RMB" else tok.txt, j
        elif low in ("kr.", "kr", "ísk"):
            fig.unit, fig.last = "ISK", j
        elif w.nationality and s.w(j + 1).currency:  # "danskar krónur", "kínverskra júana"
            fig.unit, fig.last = NATIONAL_CURRENCIES.get(w.nationality, s.w(j + 1).currency), j + 1
        elif w.currency:
            fig.unit, fig.last = w.currency, j
        elif w.percent or low == "%":
            fig.unit, fig.last = "percent", j
        elif low == "af" and s.low(j + 1) in ("hundraði", "hundraðinu"):
            fig.unit, fig.last = "percent", j + 1
        elif w.point:
            fig.unit, fig.last = "percentage_point", j
        elif w.tonne:
            fig.unit, fig.last = "tonne", j
        elif w.barrel:
            fig.unit, fig.last = "barrel", j
        elif w.year_noun and fig.scale == 1.0 and low not in ("ársins", "árs"):
            fig.unit, fig.last = "year", j

    # --- what comes before: qualifiers ----------------------------------------------------------
    def qualify(self, fig: _Figure) -> None:
        s = self.s
        i = fig.start
        l1, l2, l3 = s.low(i - 1), s.low(i - 2), s.low(i - 3)
        if l1 == "um" and self.um_is_by(i - 1):
            return  # "jókst um 12,5%", "óhagstæð um 5 ma.kr.": "um" is "by", not "about"
        if l1 == "undir" and "standa" in s.w(i - 2).lemmas:
            return  # "stóð undir 15% af innflutningi": accounted for, not "under"
        found: tuple[Qualifier, int] | None = None
        if (l3, l2, l1) in QUALIFIERS_3:
            found = QUALIFIERS_3[(l3, l2, l1)], i - 3
        elif (l2, l1) in QUALIFIERS_2:
            found = QUALIFIERS_2[(l2, l1)], i - 2
        elif (q := s.w(i - 1).qualifier) is not None and s.kind(i - 1) == TOK.WORD:
            found = q, i - 1
        if found is not None and all(s.free(k) for k in range(found[1], i)):
            fig.qualifier, fig.start = found

    def um_is_by(self, i: int) -> bool:
        """Whether "um" at i follows a word of change or of balance ("jókst um", "hagstæður um")."""
        s = self.s
        if self.change_before(i) is not None:
            return True
        return any(s.w(k).side is not None and s.kind(k) == TOK.WORD for k in range(max(0, i - 3), i))

    def change_before(self, i: int) -> Direction | None:
        """The direction of a verb or noun of change that governs position ``i`` ("jókst ... um")."""
        s = self.s
        for k in range(i - 1, max(i - 8, -1), -1):
            tok = s.toks[k]
            if tok.kind in (TOK.NUMBER, TOK.PERCENT, TOK.AMOUNT) or tok.txt in (";", ":"):
                return None
            w = tok.w
            if w.change is not None:
                return w.change
            if "draga" in w.lemmas and s.low(k + 1) == "saman":
                return Direction.DECREASE
            if tok.lower == "saman" and "draga" in s.w(k - 1).lemmas:
                return Direction.DECREASE
        return None

    # --- what the figure is for -----------------------------------------------------------------
    def role(self, fig: _Figure, previous: _Figure | None) -> None:
        s = self.s
        j = fig.last + 1
        if fig.role is NumberRole.STREAK:
            return
        if fig.unit == "year":
            if s.low(j) == "í" and s.low(j + 1) == "röð":
                fig.role, fig.last = NumberRole.STREAK, j + 1
            elif s.low(fig.start - 1) in ("undanfarin", "síðustu", "undanfarinna", "síðastliðin") and s.facts.ranks:
                fig.role, fig.start = NumberRole.STREAK, fig.start - 1
            return
        if fig.role is NumberRole.CHANGE:
            return
        before = s.low(fig.start - 1)
        direction = self.change_before(fig.start - 1) if before == "um" else None
        if direction is None and s.w(j).change is not None and s.kind(j) == TOK.WORD:
            direction = s.w(j).change  # "5% aukning", "12% samdráttur"
        if direction is None and before == "á" and s.low(fig.start - 2) == "upp":
            direction = s.w(fig.start - 3).change  # "aukning upp á 5%"
        if direction is None and before in ("nam", "var", "voru", "námu", "reyndist", "mældist"):
            direction = self.change_noun_before(fig.start - 1)  # "aukningin nam 12%"
        if direction is not None and fig.unit not in ("count", "year"):
            fig.role, fig.direction = NumberRole.CHANGE, direction
            return
        if fig.unit == "percent" and self.is_share(fig):
            fig.role = NumberRole.SHARE
            return
        if fig.unit == "percent" and fig.words and direction is not None:
            fig.role, fig.direction = NumberRole.CHANGE, direction
            return
        if fig.words and fig.unit == "percent":
            return
        if previous is not None and previous.role is NumberRole.CHANGE and before in ("í", "upp", "og", "nam", "námu"):
            fig.role = NumberRole.LEVEL
        elif before == "úr" and s.low(self.next_free(fig.last + 1)) in ("í", "upp"):
            fig.role = NumberRole.PREVIOUS
        elif previous is not None and previous.role is NumberRole.PREVIOUS and before in ("í", "upp"):
            fig.role = NumberRole.LEVEL

    def next_free(self, j: int) -> int:
        """The first token from j on that no period or date took."""
        while j < self.s.n and self.s.taken[j]:
            j += 1
        return j

    def change_noun_before(self, i: int) -> Direction | None:
        s = self.s
        for k in range(i - 1, max(i - 7, -1), -1):
            tok = s.toks[k]
            if tok.kind in (TOK.NUMBER, TOK.PERCENT, TOK.AMOUNT):
                return None
            if tok.w.change_noun:
                return tok.w.change
        return None

    def is_share(self, fig: _Figure) -> bool:
        s = self.s
        j = fig.last + 1
        if s.low(j) == "af" or s.w(j).share_noun:
            return True
        if s.low(j) == "alls" or s.w(j).flow is not None:  # "20% alls útflutnings", "20% innflutnings"
            return True
        return any(s.w(k).share_noun for k in range(max(0, fig.start - 6), fig.start))

    # --- ranges: "á bilinu A til B", "A–B", "milli A og B" --------------------------------------
    def range(self, fig: _Figure) -> None:
        s = self.s
        j = fig.last + 1
        if j + 1 >= s.n or fig.role is not NumberRole.PLAIN or fig.words:
            return
        joint = s.toks[j].txt.lower()
        before = s.low(fig.start - 1)
        if not (joint in _DASHES or joint == "til" and before != "úr" or joint == "og" and before in ("milli", "bilinu")):
            return
        if joint == "og" and before not in ("milli", "bilinu"):
            return
        high = self.core(j + 1) if s.free(j + 1) else None
        if high is None or high.role is not NumberRole.PLAIN or high.words and high.unit == "percent":
            return
        self.suffix(high)
        if fig.unit != "count" and high.unit not in ("count", fig.unit):
            return
        if fig.scale == 1.0 and high.scale != 1.0:
            fig.scale = high.scale  # "10 til 20 milljarðar": the scale is written once
        if Decimal(high.numeral) * Decimal(repr(high.scale)) < Decimal(fig.numeral) * Decimal(repr(fig.scale)):
            return
        fig.unit = high.unit if fig.unit == "count" else fig.unit
        fig.qualifier, fig.high = Qualifier.RANGE, high.value()
        fig.high_numeral = high.numeral if high.scale == fig.scale else plain(
            Decimal(high.numeral) * Decimal(repr(high.scale)) / Decimal(repr(fig.scale)))
        fig.last = high.last
        if before in ("bilinu", "milli", "frá"):
            fig.start -= 1
            if s.low(fig.start - 1) in ("á",) and before in ("bilinu", "milli"):
                fig.start -= 1

    def run(self) -> None:
        s = self.s
        previous: _Figure | None = None
        i = 0
        while i < s.n:
            if s.taken[i]:
                i += 1
                continue
            fig = self.core(i)
            if fig is None:
                i += 1
                continue
            self.suffix(fig)
            self.qualify(fig)
            self.range(fig)
            self.role(fig, previous)
            if fig.role is NumberRole.CHANGE and fig.direction is None:
                fig.direction = self.change_before(fig.start)
            s.take(fig.start, fig.last)
            start_tok, end_tok = s.toks[fig.start], s.toks[fig.last]
            s.facts.numbers.append(NumberMention(
                start=start_tok.start, end=end_tok.end, value=fig.value(), numeral=fig.numeral,
                scale=fig.scale, unit=fig.unit, qualifier=fig.qualifier, role=fig.role, high=fig.high,
                high_numeral=fig.high_numeral, direction=fig.direction,
            ))
            previous = fig
            i = fig.last + 1


def read_numbers(s: Sentence, yuan: bool) -> None:
    """Adds the sentence's figures to its facts; ``yuan``: read ¥ as the Chinese yuan."""
    _Numbers(s, yuan).run()
