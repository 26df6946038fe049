"""Renderers: checked drafts as text for people, or as the formats linters and CI servers read.

``RENDERERS`` maps each ``--format`` name to its :class:`Renderer` class. A renderer is made
with :class:`RenderOptions`, then given ``start()``, ``draft(checked)`` for each
:class:`CheckedDraft` in turn, and ``finish(tally)``; each returns the text to write.
``render_json`` is the one serializer of a report that the API and the CLI share.
"""

from __future__ import annotations

from .claimreview import ClaimReviewRenderer
from .findings import (
    FAIL_LEVELS,
    CheckedDraft,
    CheckerInfo,
    LineIndex,
    Located,
    Renderer,
    RenderOptions,
    Severity,
    Tally,
    fail_threshold,
    severity_of,
    summary_line,
    use_color,
)
from .github import GithubRenderer
from .jsonl import JsonLinesRenderer, JsonRenderer, render_json
from .junit import JunitRenderer
from .line import LineRenderer
from .sarif import SarifRenderer
from .text import TextRenderer, format_value

RENDERERS: dict[str, type[Renderer]] = {
    "text": TextRenderer,
    "line": LineRenderer,
    "json": JsonRenderer,
    "jsonl": JsonLinesRenderer,
    "sarif": SarifRenderer,
    "github": GithubRenderer,
    "junit": JunitRenderer,
    "claimreview": ClaimReviewRenderer,
}
FORMATS = tuple(RENDERERS)

__all__ = [
    "FAIL_LEVELS",
    "FORMATS",
    "RENDERERS",
    "CheckedDraft",
    "CheckerInfo",
    "LineIndex",
    "Located",
    "RenderOptions",
    "Renderer",
    "Severity",
    "Tally",
    "fail_threshold",
    "format_value",
    "render_json",
    "severity_of",
    "summary_line",
    "use_color",
]
