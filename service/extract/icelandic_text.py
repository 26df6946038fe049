"""Icelandic text to sentences of tokens, with exact offsets and BÍN word records.

Miðeind's ``tokenizer`` splits sentences and reads numbers, percentages, amounts and dates.
It is the costliest step, so the text is first cut into blocks (paragraphs, and lines that end a
sentence) and only blocks that could hold a figure are tokenized: a block with a digit or a word
that BÍN knows as a number, fraction, scale, rank or record. The other blocks are only scanned
for country names, which later sentences may refer back to ("ríkjanna tveggja").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from tokenizer import TOK, tokenize

from .facts import CountryMention, SentenceFacts
from .icelandic_words import Word, word

_NO_WORD = Word(frozenset())
_BLOCK_END = re.compile(r"\n[^\S\n]*\n\s*|(?<=[.!?])[\"'“”»)]*[^\S\n]*\n\s*")
_WORD = re.compile(r"[^\W\d_]+(?:[-.][^\W\d_]+)*\.?")
_DIGIT = re.compile(r"\d")
_LONG_RUN = re.compile(r"\S{100,}")
_MAX_BLOCK = 20_000  # a longer block is tokenized in slices cut at white space
MAX_SENTENCE_TOKENS = 300

#: Token kinds whose number is part of a date or a code, never a figure.
NOT_FIGURES = frozenset({TOK.DATEABS, TOK.DATEREL, TOK.DATE, TOK.TIMESTAMP, TOK.TIMESTAMPABS, TOK.TIMESTAMPREL,
                         TOK.TIME, TOK.TELNO, TOK.SSN, TOK.SERIALNUMBER, TOK.URL, TOK.EMAIL, TOK.DOMAIN,
                         TOK.HASHTAG, TOK.MOLECULE, TOK.USERNAME, TOK.NUMWLETTER,
                         TOK.COMPANY, TOK.ENTITY, TOK.PERSON})


class Tok:
    """One token: kind, text, tokenizer value, offsets, and the BÍN record of a word."""

    __slots__ = ("end", "kind", "lower", "start", "txt", "val", "w")

    def __init__(self, kind: int, txt: str, val: Any, start: int, end: int) -> None:
        self.kind = kind
        self.txt = txt
        self.val = val
        self.start = start
        self.end = end
        self.lower = txt.lower()
        self.w = word(txt) if kind == TOK.WORD else _NO_WORD

    def __repr__(self) -> str:
        return f"Tok({TOK.descr.get(self.kind, self.kind)}, {self.txt!r}, {self.start}, {self.end})"


class Sentence:
    """One sentence's tokens, which of them a pass has taken, and the facts found so far."""

    def __init__(self, toks: list[Tok], published: date | None) -> None:
        self.toks = toks
        self.n = len(toks)
        self.published = published
        self.facts = SentenceFacts(start=toks[0].start, end=toks[-1].end)
        self.taken = [False] * self.n

    def low(self, i: int) -> str:
        """The lower-case text of token i if it is a word, else ''."""
        if 0 <= i < self.n and self.toks[i].kind == TOK.WORD:
            return self.toks[i].lower
        return ""

    def w(self, i: int) -> Word:
        return self.toks[i].w if 0 <= i < self.n else _NO_WORD

    def kind(self, i: int) -> int:
        return self.toks[i].kind if 0 <= i < self.n else -1

    def take(self, first: int, last: int) -> None:
        for k in range(max(first, 0), min(last + 1, self.n)):
            self.taken[k] = True

    def free(self, i: int) -> bool:
        return 0 <= i < self.n and not self.taken[i]


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of paragraphs and sentence-ending lines, each at most about _MAX_BLOCK long."""
    begin = 0
    for m in _BLOCK_END.finditer(text):
        yield from _sliced(text, begin, m.start())
        begin = m.end()
    yield from _sliced(text, begin, len(text))


def _sliced(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > _MAX_BLOCK:
        cut = text.rfind(" ", start + _MAX_BLOCK // 2, start + _MAX_BLOCK)
        cut = cut if cut > start else start + _MAX_BLOCK
        yield start, cut
        start = cut
    if start < end:
        yield start, end


def worth_tokenizing(text: str, start: int, end: int) -> bool:
    """Whether the block could hold a figure, a rank or a comparison: a digit, or a word BÍN reads
    as a number, fraction, scale, multiple, superlative or record. A number that names a pair
    ("ríkjanna tveggja", "löndin tvö") and an ordinal before no period or rank do not count."""
    if _DIGIT.search(text, start, end):
        return True
    words = [word(m.group().rstrip(".")) for m in _WORD.finditer(text, start, end)]
    for k, w in enumerate(words):
        if w.fraction or w.scale or w.superlative or w.multiple or w.record or w.extreme:
            return True
        before = words[k - 1] if k else _NO_WORD
        after = words[k + 1] if k + 1 < len(words) else _NO_WORD
        if w.cardinal and not (before.pair_noun or after.pair_noun):
            return True
        if w.ordinal and (after.year_noun or after.quarter_noun or after.month_noun or after.superlative
                          or after.cardinal or after.partner):
            return True
        if w.lemmas and "aldrei" in w.lemmas:
            return True
    return False


def countries_only(text: str, start: int, end: int) -> SentenceFacts:
    """The countries a block names, for blocks with no figure: later sentences may refer to them."""
    facts = SentenceFacts(start, end)
    for m in _WORD.finditer(text, start, end):
        form = m.group().rstrip(".")
        if form[:1].isupper() or form.isupper():
            iso = word(form).country
            if iso:
                facts.countries.append(CountryMention(m.start(), m.start() + len(form), iso))
    return facts


def sentences(text: str, start: int, end: int, cuts: list[int] | None = None) -> list[list[Tok]]:
    """Tokens with exact offsets into ``text``, grouped by sentence, for text[start:end].

    ``cuts`` are offsets (ends of blocks) where a sentence ends even if the tokenizer ran on.
    A run of 100 or more characters without white space is no word or figure anyone reads; it
    is left out (the tokenizer's time grows with the square of such a run, and it fails on more
    than 4,300 digits).
    """
    out: list[list[Tok]] = []
    begin = start
    for run in _LONG_RUN.finditer(text, start, end):
        out += _sentences(text, begin, run.start(), cuts)
        begin = run.end()
    return out + _sentences(text, begin, end, cuts)


def _sentences(text: str, start: int, end: int, cuts: list[int] | None) -> list[list[Tok]]:
    if start >= end:
        return []
    out: list[list[Tok]] = []
    current: list[Tok] = []
    pending = sorted(cuts or ())
    k = 0
    pos = start
    for tok in tokenize(text[start:end]):
        kind = tok.kind
        if kind == TOK.S_BEGIN or kind == TOK.S_END:  # a sentence end may hold the blank line after it
            if current:
                out.append(current)
            current = []
            pos += len(tok.original or "")
            continue
        spans = tok.origin_spans
        if tok.txt and spans:
            t = Tok(kind, tok.txt, tok.val, pos + spans[0], pos + spans[-1] + 1)
            while k < len(pending) and pending[k] <= t.start:
                if current and current[-1].end <= pending[k]:
                    out.append(current)
                    current = []
                k += 1
            current.append(t)
            if len(current) >= MAX_SENTENCE_TOKENS:  # no prose sentence is this long: read it in pieces
                out.append(current)
                current = []
        pos += len(tok.original or "")
    if current:
        out.append(current)
    return out
