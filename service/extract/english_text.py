"""English text to sentences and tokens, with offsets into the original text.

``sentences`` finds sentence spans; :class:`Sentence` splits one into tokens (numbers, words,
single punctuation marks) and keeps which of them a pass has taken and the facts found so far.
Every regular expression here is linear: no quantified group can match the same text in two
ways, and a pattern that starts with a repeated class consumes the whole run in one match.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

from checkers import Period

from .english_words import (
    CHINA_IN_TEXT,
    CHINA_WORDS,
    JAPAN_IN_TEXT,
    JAPAN_WORDS,
    ORDINAL_SUFFIXES,
    ORDINALS,
    Phrases,
    words,
)
from .facts import PeriodMention, SentenceFacts
from .periods import plausible_year

V = TypeVar("V")

# --- sentences ----------------------------------------------------------------------------------

_STOPS = re.compile(r"[.!?]+|\n[^\S\n]*\n|\n(?=[^\S\n]*(?:[-*+•#]|\d{1,3}[.)])\s)")
_CLOSERS = frozenset("\"'”’)]»")
_NON_SPACE = re.compile(r"\S")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WORD_BEFORE_DOT = re.compile(r"[A-Za-z.]{1,20}\Z")
_ABBREVIATIONS = words("mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt rev hon mt ft vs inc corp co "
                         "approx est fig jan feb mar apr jun jul aug sep sept oct nov dec")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, without surrounding white space.

    A sentence ends at . ! or ? followed by white space (after any closing quotes or brackets),
    at a blank line, or before a list item or heading line. Not after an abbreviation ("Mr.",
    "U.S.", "Jan."), an initial, or where the next sentence would start in lower case.
    """
    spans: list[tuple[int, int]] = []
    begin = 0
    for stop in _STOPS.finditer(text):
        end = stop.end()
        if stop.group()[0] in ".!?":
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            if end < len(text) and not text[end].isspace():
                continue  # "107.76", "$1.2tn", "U.S.-China"
            if stop.group() == "." and _abbreviation(text, stop.start(), end):
                continue
            cut = end
        else:
            cut = stop.start()
        _add_sentence(text, begin, cut, spans)
        begin = end
    _add_sentence(text, begin, len(text), spans)
    return spans


def _abbreviation(text: str, dot: int, after: int) -> bool:
    following = _NON_SPACE.search(text, after)
    nxt = following.group() if following is not None else ""
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - 20), dot)
    if word is not None:
        w = word.group().lstrip(".")
        if "." in w or w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper()):
            return True
        if w.lower() in ("no", "nos") and nxt.isdigit():  # "No. 1"
            return True
    return nxt.islower()


#: A longer "sentence" is no prose anyone wrote; it is read in pieces of about this size, cut at spaces.
MAX_SENTENCE = 1500


def _add_sentence(text: str, begin: int, end: int, spans: list[tuple[int, int]]) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    while end - begin > MAX_SENTENCE:
        cut = text.rfind(" ", begin + MAX_SENTENCE // 2, begin + MAX_SENTENCE)
        cut = cut if cut > begin else begin + MAX_SENTENCE
        _add_sentence(text, begin, cut, spans)
        begin = cut
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end and _LETTER_OR_DIGIT.search(text, begin, end):
        spans.append((begin, end))


# --- tokens -------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<n>[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+"  # 1.009,0: Icelandic grouping, decimal comma
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"  # 1,234.5
    r"|[0-9]+,[0-9]{1,2}(?![0-9])"  # 107,76: a decimal comma (two decimals cannot be grouping)
    r"|[0-9]+(?:\.[0-9]+)?)"  # 107.76 / 2021
    r"|(?P<a>(?:[A-Z]\.){2,})"  # U.S. / U.K. / E.U.
    r"|(?P<w>[^\W\d_]+(?:['’][^\W\d_]+)*)"  # words, with apostrophes inside: Russia's, d'Ivoire
    r"|(?P<p>[^\w\s])"  # any other single character but white space
)


class TextReader:
    """What every sentence of one text shares: the text, its publication date, its currency for ¥."""

    def __init__(self, text: str, published: date | None):
        self.text = text
        self.published = published
        self._text_yen: str | None = None

    def yen(self, s: Sentence) -> str:
        """¥ is the yuan where the sentence (else the text) is about China and not Japan, else the yen."""
        found = set(s.lows)
        if found & JAPAN_WORDS:
            return "JPY"
        if found & CHINA_WORDS:
            return "CNY"
        if self._text_yen is None:
            china = CHINA_IN_TEXT.search(self.text) is not None
            self._text_yen = "CNY" if china and JAPAN_IN_TEXT.search(self.text) is None else "JPY"
        return self._text_yen


class Sentence:
    """One sentence: its tokens, which of them a pass has taken, and the facts found so far."""

    def __init__(self, reader: TextReader, start: int, end: int):
        self.reader = reader
        self.kinds: list[str] = []  # "n" number, "w" word, "p" punctuation
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.words: list[str] = []
        for m in _TOKEN.finditer(reader.text, start, end):
            self.kinds.append("p" if m.lastgroup == "p" else "n" if m.lastgroup == "n" else "w")
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.words.append(m.group())
        self.lows = [w.lower() for w in self.words]
        self.n = len(self.words)
        self.used = [False] * self.n
        self.facts = SentenceFacts(start, end)

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Whether token i touches token i-1."""
        return 0 < i < self.n and self.ends[i - 1] == self.starts[i]

    def at(self, i: int, *phrase: str) -> bool:
        if i < 0 or i + len(phrase) > self.n or self.lows[i] != phrase[0]:
            return False
        for k in range(1, len(phrase)):
            if self.lows[i + k] != phrase[k]:
                return False
        return True

    def phrase(self, table: Phrases[V], i: int) -> int:
        """Length of the longest phrase of ``table`` starting at token i, 0 if none."""
        if not 0 <= i < self.n or self.lows[i] not in table.firsts:
            return 0
        for k in range(min(table.most, self.n - i), 0, -1):
            if tuple(self.lows[i : i + k]) in table.table:
                return k
        return 0

    def phrase_before(self, table: Phrases[V], i: int) -> int:
        """Length of the longest phrase of ``table`` ending just before token i, 0 if none."""
        if not 0 < i <= self.n or self.lows[i - 1] not in table.lasts:
            return 0
        for k in range(min(table.most, i), 0, -1):
            if tuple(self.lows[i - k : i]) in table.table:
                return k
        return 0

    def value(self, table: Phrases[V], i: int, k: int) -> V:
        return table.table[tuple(self.lows[i : i + k])]

    def free_number(self, i: int) -> bool:
        return 0 <= i < self.n and self.kinds[i] == "n" and not self.used[i]

    def integer(self, i: int) -> int | None:
        if 0 <= i < self.n and self.kinds[i] == "n" and self.words[i].isdigit() and len(self.words[i]) <= 6:
            return int(self.words[i])
        return None

    def year(self, i: int) -> int | None:
        y = self.integer(i)
        return y if y is not None and len(self.words[i]) == 4 and plausible_year(y) else None

    def ordinal(self, i: int) -> tuple[int, int] | None:
        """(value, index of its last token) of "11th" or "eleventh" at token i."""
        if self.free_number(i) and self.glued(i + 1) and self.low(i + 1) in ORDINAL_SUFFIXES:
            value = self.integer(i)
            return (value, i + 1) if value is not None else None
        if 0 <= i < self.n and self.lows[i] in ORDINALS and not self.used[i]:
            return ORDINALS[self.lows[i]], i
        return None

    def take(self, first: int, last: int) -> None:
        for k in range(first, last + 1):
            self.used[k] = True

    def period(self, first: int, last: int, period: Period | None, base: bool = False) -> None:
        if period is not None or base:
            self.facts.periods.append(PeriodMention(self.starts[first], self.ends[last], period, base))
