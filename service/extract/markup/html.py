"""HTML read with the standard library's ``html.parser``: text outside tags is prose.

``html.parser`` is forgiving of broken markup, but in Python 3.11 it rescans to the end of the
input for every construct that is never closed (250,000 copies of ``<!--`` took five minutes).
So the parser reads a *shadow* of the source instead: the same length and the same line breaks,
with comments and CDATA sections blanked (we drop those ourselves), ``&`` hidden (we decode
character references ourselves) and every ``<`` after the last ``>`` hidden (nothing can close
there). Offsets into the shadow are offsets into the source, and the prose is always copied
from the source.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .prose import Prose, ProseBuilder

#: Elements whose content is not prose: code, scripts, styles, embedded documents, the head.
SKIPPED = frozenset(
    [
        "script",
        "style",
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "template",
        "noscript",
        "svg",
        "math",
        "head",
        "iframe",
        "object",
        "select",
        "textarea",
    ]
)
#: Elements that start and end a block: no sentence runs across their edges.
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "details",
        "dialog",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    ]
)
#: Table cells: kept, with a space between neighbours.
CELLS = frozenset({"td", "th"})
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)

_HIDDEN_OPEN = re.compile(r"<!--|<!\[")
_COMMENT_CLOSE = re.compile(r"--!?>")
_NOT_NEWLINE = re.compile(r"[^\n]")


def shadow(source: str) -> tuple[str, list[tuple[int, int]]]:
    """The text ``html.parser`` reads, and the (start, end) ranges of comments and CDATA."""
    hidden: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    while (m := _HIDDEN_OPEN.search(source, pos)) is not None:
        start = m.start()
        if m.group() == "<!--":
            close = _COMMENT_CLOSE.search(source, start + 2)
            end = close.end() if close is not None else len(source)
        else:
            close_at = source.find("]]>", start + 3)
            end = close_at + 3 if close_at >= 0 else len(source)
        hidden.append((start, end))
        parts.append(source[pos:start])
        parts.append(_NOT_NEWLINE.sub(" ", source[start:end]))
        pos = end
    parts.append(source[pos:])
    text = "".join(parts).replace("&", " ")
    last_close = text.rfind(">")
    if text.find("<", last_close + 1) >= 0:
        text = text[: last_close + 1] + text[last_close + 1 :].replace("<", " ")
    return text, hidden


class _Reader(HTMLParser):
    def __init__(self, source: str, hidden: list[tuple[int, int]]) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.out = ProseBuilder(source)
        self.hidden = hidden
        self._next_hidden = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[str] = []
        self.open_counts: dict[str, int] = {}
        self.skipping = 0  # how many SKIPPED elements are open

    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # --- tags ---------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._at()
        if tag == "body" and self.open_counts.get("head"):
            self.handle_endtag("head")  # a head left open ends where the body starts
        self._edge(tag, at)
        if tag in VOID:
            if tag == "br" and not self.skipping:
                self.out.replace("\n", at, at)
            return
        self.stack.append(tag)
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        if tag in SKIPPED:
            self.skipping += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._at()
        self._edge(tag, at)
        if tag == "br" and not self.skipping:
            self.out.replace("\n", at, at)

    def handle_endtag(self, tag: str) -> None:
        at = self._at()
        if self.open_counts.get(tag):
            while self.stack:  # close what was left open inside it (each element pops once)
                top = self.stack.pop()
                self.open_counts[top] -= 1
                if top in SKIPPED:
                    self.skipping -= 1
                if top == tag:
                    break
        self._edge(tag, at)

    def _edge(self, tag: str, at: int) -> None:
        if self.skipping:
            return
        if tag in BLOCKS:
            self.out.block(at)
        elif tag in CELLS:
            self.out.replace(" ", at, at)

    # --- text ---------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.skipping or not data:
            return
        start = self._at()
        self._text(start, start + len(data))

    def _text(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` less the hidden ranges in it, character references decoded."""
        hidden = self.hidden
        k = self._next_hidden
        while k < len(hidden) and hidden[k][1] <= start:
            k += 1
        self._next_hidden = k
        pos = start
        while k < len(hidden) and hidden[k][0] < end:
            self.out.copy_decoded(pos, max(pos, hidden[k][0]))
            pos = max(pos, hidden[k][1])
            k += 1
        if pos < end:
            self.out.copy_decoded(pos, end)


def read_html(source: str) -> Prose:
    """The prose of an HTML document or fragment: text outside tags, code and scripts."""
    text, hidden = shadow(source)
    reader = _Reader(source, hidden)
    reader.feed(text)
    reader.close()
    return reader.out.build()
