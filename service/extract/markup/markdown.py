"""Markdown read line by line: which lines are prose, and where each block ends.

Not a full CommonMark parser: a scanner that knows enough of it to keep every number that is
not prose (front matter, fenced and indented code, raw HTML, link targets, table rules) out of
the text, to keep headings, list items and table cells in, and to put a blank line between
blocks. Each line is looked at once, plus one look ahead for a table's header row.
"""

from __future__ import annotations

import re

from .inline import write_inline
from .prose import Prose, ProseBuilder

_INDENT = re.compile(r"[ \t]*")
_QUOTE = re.compile(r" {0,3}>[ \t]?")
_FENCE = re.compile(r" {0,3}(`{3,}(?=[^`]*$)|~{3,})")
_RAW_BLOCK = re.compile(r" {0,3}<(script|pre|style|textarea)(?=[\s>]|$)", re.IGNORECASE)
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_TABLE_RULE = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]\n]{1,999}\]:[ \t]*\S")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)")
_HTML_BLOCK = re.compile(
    r" {0,3}</?(?:address|article|aside|blockquote|details|dialog|div|dl|dt|dd|fieldset|figcaption|figure|footer"
    r"|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?=[\s/>]|$)",
    re.IGNORECASE,
)


class _Scanner:
    def __init__(self, source: str) -> None:
        self.source = source
        self.out = ProseBuilder(source)
        self.fence: tuple[str, int] | None = None
        self.raw_close: re.Pattern[str] | None = None
        self.in_comment = False
        self.in_list = False
        self.in_table = False
        self.previous = "blank"  # blank | para | other

    def run(self) -> Prose:
        source = self.source
        pos = self._front_matter()
        n = len(source)
        while pos < n:
            newline = source.find("\n", pos)
            following = n if newline < 0 else newline + 1
            end = n if newline < 0 else newline
            if end > pos and source[end - 1] == "\r":
                end -= 1
            self._line(pos, end, following)
            pos = following
        return self.out.build()

    def _front_matter(self) -> int:
        """Skip YAML (``---``) or TOML (``+++``) front matter; the offset where the body starts."""
        source = self.source
        first = source.find("\n")
        if first < 0 or source[:first].rstrip() not in _FRONT_MATTER:
            return 0
        closers = _FRONT_MATTER[source[:first].rstrip()]
        pos = first + 1
        while pos < len(source):
            newline = source.find("\n", pos)
            following = len(source) if newline < 0 else newline + 1
            if source[pos:following].rstrip() in closers:
                return following
            pos = following
        return 0  # never closed: a thematic break, not front matter

    def _line(self, start: int, end: int, following: int) -> None:
        source, out = self.source, self.out
        if self.in_comment:
            close = source.find("-->", start, end)
            if close < 0:
                return
            self.in_comment = False
            start = close + 3
        if self.fence is not None:
            char, length = self.fence
            match = _FENCE.match(source, start, end)
            if (
                match
                and match.group(1)[0] == char
                and len(match.group(1)) >= length
                and not source[match.end() : end].strip()
            ):
                self.fence = None
                self._ended("other", end)
            return
        if self.raw_close is not None:
            if self.raw_close.search(source, start, end):
                self.raw_close = None
                self._ended("other", end)
            return
        body = source[start:end]
        if not body.strip():
            out.line_break(end, following)
            self.previous = "blank"
            self.in_table = False
            return
        indent = _INDENT.match(source, start, end)
        assert indent is not None
        if _width(indent.group()) >= 4 and not self.in_list and self.previous != "para":
            self._begin(start)  # indented code
            self.previous = "other"
            return
        while quote := _QUOTE.match(source, start, end):
            start = quote.end()
        if start == end or not source[start:end].strip():
            out.line_break(end, following)
            self.previous = "blank"
            return
        self._block_line(start, end, following)

    def _block_line(self, start: int, end: int, following: int) -> None:
        source, out = self.source, self.out
        if source[start].isalpha() and not self.in_table and "|" not in source[start:end]:
            self._paragraph(start, end, following)  # no block construct starts with a letter
            return
        if fence := _FENCE.match(source, start, end):
            self.fence = (fence.group(1)[0], len(fence.group(1)))
            self._begin(start)
            return
        if raw := _RAW_BLOCK.match(source, start, end):
            closing = re.compile(rf"</{raw.group(1)}\s*>", re.IGNORECASE)
            self._begin(start)
            if not closing.search(source, raw.end(), end):
                self.raw_close = closing
            return
        if heading := _HEADING.match(source, start, end):
            self._begin(start)
            self.in_comment = write_inline(source, heading.end(), _heading_end(source, heading.end(), end), out)
            self._ended("other", end)
            return
        if self.previous == "para" and _SETEXT.match(source, start, end):
            self._ended("other", end)  # the paragraph above was a heading
            return
        if _THEMATIC.match(source, start, end):
            self._ended("other", end)
            return
        is_row = "|" in source[start:end]
        if is_row and (self.in_table or self._table_rule_follows(following)):
            if _TABLE_RULE.match(source, start, end) and self.in_table and self.previous == "other":
                return  # the rule under the header row
            self.in_table = True
            self._begin(start)
            self.in_comment = write_inline(source, start, end, out, table=True)
            self._ended("other", end)
            return
        self.in_table = False
        if _LINK_DEFINITION.match(source, start, end):
            return
        if item := _LIST_ITEM.match(source, start, end):
            self._begin(start)
            self.in_list = True
            self._prose(item.end(), end, following)
            return
        if _HTML_BLOCK.match(source, start, end):
            self._begin(start)
            self.in_comment = write_inline(source, start, end, out)
            self._ended("other", end)
            return
        self._paragraph(start, end, following)

    def _paragraph(self, start: int, end: int, following: int) -> None:
        if self.previous == "blank" and self.source[start] not in " \t":
            self.in_list = False
        self._prose(start, end, following)

    def _prose(self, start: int, end: int, following: int) -> None:
        self.in_comment = write_inline(self.source, start, end, self.out)
        self.out.copy(end, following)
        self.previous = "para"

    def _table_rule_follows(self, following: int) -> bool:
        source = self.source
        newline = source.find("\n", following)
        end = len(source) if newline < 0 else newline
        return "|" in source[following:end] and bool(_TABLE_RULE.match(source, following, end))

    def _begin(self, at: int) -> None:
        self.out.block(at)

    def _ended(self, kind: str, at: int) -> None:
        self.out.block(at)
        self.previous = kind


def _heading_end(source: str, start: int, end: int) -> int:
    """Where an ATX heading's text ends: before an optional closing run of ``#``."""
    stop = end
    while stop > start and source[stop - 1] in " \t":
        stop -= 1
    hashes = stop
    while hashes > start and source[hashes - 1] == "#":
        hashes -= 1
    if hashes == stop:
        return stop
    if hashes == start:
        return start
    if source[hashes - 1] in " \t":
        while hashes > start and source[hashes - 1] in " \t":
            hashes -= 1
        return hashes
    return stop


def _width(indent: str) -> int:
    width = 0
    for char in indent:
        width = width + 4 - width % 4 if char == "\t" else width + 1
    return width


def read_markdown(source: str) -> Prose:
    """The prose of a Markdown document; see the module docstring for what counts as prose."""
    return _Scanner(source).run()
