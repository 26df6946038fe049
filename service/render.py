"""Renderers: a :class:`~service.report.Report` as text for people, or JSON for machines.

One function per format (``render_text``, ``render_json``), registered in :data:`RENDERERS`,
so that later formats (line, SARIF, GitHub annotations, JUnit) are one function each.
Every renderer takes the report, the original text (to turn offsets into line:col) and
the path to show, and returns a ``str`` to print.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable
from typing import Protocol, TextIO

from checkers import Label, Reference

from .report import CheckedClaim, Report

#: ANSI colours per label; applied only when :func:`use_color` says so.
_COLORS: dict[Label, str] = {
    Label.SUPPORTED: "32",  # green
    Label.CONTRADICTED: "1;31",  # bold red
    Label.DISPUTED: "35",  # magenta
    Label.UNVERIFIABLE: "33",  # yellow
    Label.NOT_CHECKED: "2",  # dim
    Label.ERROR: "1;31",
}
_DIM = "2"
INDENT = "    "


class Renderer(Protocol):
    def __call__(self, report: Report, text: str, path: str, *, color: bool = False) -> str: ...


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class LineIndex:
    """Turns character offsets into 1-based (line, column) pairs, counting code points."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)  # 1-based: starts[0] == 0 <= offset
        return line, offset - self._starts[line - 1] + 1


def render_json(report: Report, text: str = "", path: str = "", *, color: bool = False) -> str:
    """Exactly the body of ``POST /v1/check``: the API and the CLI share this serializer."""
    return report.model_dump_json()


def render_text(report: Report, text: str, path: str, *, color: bool = False) -> str:
    """Vale-style findings: one block per checked claim, then a summary line.

    Claims no checker covers (``not_checked``) are counted in the summary only.
    """
    paint = _painter(color)
    index = LineIndex(text)
    blocks = [
        _claim_block(claim, index, path, paint) for claim in report.claims if claim.verdict.label != Label.NOT_CHECKED
    ]
    lines = [line for block in blocks for line in block]
    if lines:
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines)


def summary_line(report: Report) -> str:
    """``6 claims: 2 supported, 4 not_checked`` (labels in their documented order)."""
    counts = {label: 0 for label in Label}
    for claim in report.claims:
        counts[claim.verdict.label] += 1
    n = len(report.claims)
    head = f"{n} claim" if n == 1 else f"{n} claims"
    parts = [f"{count} {label.value}" for label, count in counts.items() if count]
    return f"{head}: {', '.join(parts)}" if parts else head


def _claim_block(claim: CheckedClaim, index: LineIndex, path: str, paint: Callable[[str, str], str]) -> list[str]:
    verdict = claim.verdict
    line, col = index.position(claim.start)
    label = paint(verdict.label.value, _COLORS.get(verdict.label, ""))
    quoted = '"' + " ".join(claim.text.split()) + '"'
    block = [f"{paint(f'{path}:{line}:{col}', _DIM)}  {label}  {verdict.checker}  {quoted}"]
    if verdict.explanation:
        block.append(INDENT + verdict.explanation)
    block.extend(INDENT + _reference_line(ref) for ref in verdict.references)
    return block


def _reference_line(ref: Reference) -> str:
    parts = [format_value(ref.value, ref.unit)]
    if ref.period:
        parts.append(ref.period)
    parts.append(ref.source)
    if ref.url:
        parts.append(ref.url)
    if ref.supports is False:
        parts.append("(does not match the claim)")
    return "  ".join(parts)


def format_value(value: float, unit: str) -> str:
    """``107.76 bn USD`` for money, ``rank 1`` for ranks, ``11 year`` otherwise."""
    if unit == "rank":
        return f"rank {value:g}"
    if len(unit) == 3 and unit.isalpha() and unit.isupper():
        for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
            if abs(value) >= scale:
                return f"{value / scale:.6g} {word} {unit}"
    return f"{value:.6g} {unit}"


def _painter(color: bool) -> Callable[[str, str], str]:
    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color and code else text

    return paint


RENDERERS: dict[str, Renderer] = {"text": render_text, "json": render_json}
FORMATS = tuple(RENDERERS)


def render(fmt: str, report: Report, text: str, path: str, *, color: bool = False) -> str:
    """Render ``report`` in the named format; ``KeyError`` for an unknown format."""
    return RENDERERS[fmt](report, text, path, color=color)
