"""Markup read as prose: Markdown and HTML in, the text a reader reads out, offsets kept.

``to_prose(source, text_format)`` returns a :class:`Prose`: its ``text`` holds the headings,
paragraphs, list items, link texts and table cells (character references decoded, a blank line
between blocks), and leaves out front matter, code, tags, comments, scripts, link targets and
images. ``Prose.original_offset(i)`` maps an offset in that text back into ``source``, so that
claims found in the prose point into the file as written.

Both readers take time linear in the size of the source, whatever it holds.
"""

from __future__ import annotations

import re
from datetime import date

from .html import read_html
from .markdown import read_markdown
from .prose import Prose, ProseBuilder

TEXT_FORMATS = ("text", "markdown", "html")

_FRONT_MATTER_DATE = re.compile(
    r"""^(?:date|published|pubDate)[ \t]*[:=][ \t]*["']?(\d{4}-\d{2}-\d{2})(?:[ Tt][0-9:.+\-Zz ]*)?["']?[ \t]*$""",
    re.MULTILINE,
)


def to_prose(source: str, text_format: str) -> Prose:
    """The prose of ``source`` read as ``text_format`` (text, markdown or html)."""
    if text_format == "markdown":
        return read_markdown(source)
    if text_format == "html":
        return read_html(source)
    if text_format == "text":
        builder = ProseBuilder(source)
        builder.copy(0, len(source))
        return builder.build()
    raise ValueError(f"unknown text format {text_format!r}: use one of {', '.join(TEXT_FORMATS)}")


def front_matter(source: str) -> str | None:
    """The YAML (``---``) or TOML (``+++``) front matter at the very start of ``source``, if any."""
    first = source.find("\n")
    fence = source[:first].rstrip() if first >= 0 else ""
    if fence not in ("---", "+++"):
        return None
    closers = ("---", "...") if fence == "---" else ("+++",)
    pos = first + 1
    while pos < len(source):
        newline = source.find("\n", pos)
        following = len(source) if newline < 0 else newline + 1
        if source[pos:following].rstrip() in closers:
            return source[first + 1 : pos]
        pos = following
    return None


def front_matter_date(source: str) -> date | None:
    """The ``date:`` (or ``published:``, ``pubDate:``) in a draft's front matter, if it is a date."""
    header = front_matter(source)
    if header is None:
        return None
    match = _FRONT_MATTER_DATE.search(header)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


__all__ = ["TEXT_FORMATS", "Prose", "front_matter", "front_matter_date", "to_prose"]
