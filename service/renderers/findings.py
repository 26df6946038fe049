"""What every renderer reads: checked drafts, their claims located by line and column, severities.

A *finding* is a claim whose verdict a linter reports: contradicted is an error, disputed a
warning, unverifiable a notice. A checker that failed on a claim (label ``error``) is a warning:
the draft may be fine, but nobody checked that number. Supported and not-checked claims are
not findings.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from typing import TextIO

from checkers import Label

from ..report import CheckedClaim, Report


class Severity(IntEnum):
    NOTICE = 1
    WARNING = 2
    ERROR = 3

    @property
    def word(self) -> str:
        return self.name.lower()


SEVERITIES: dict[Label, Severity] = {
    Label.CONTRADICTED: Severity.ERROR,
    Label.DISPUTED: Severity.WARNING,
    Label.ERROR: Severity.WARNING,
    Label.UNVERIFIABLE: Severity.NOTICE,
}
#: ``--fail-on`` values, strictest last; ``never`` never fails.
FAIL_LEVELS = ("error", "warning", "notice", "never")


def severity_of(label: Label) -> Severity | None:
    return SEVERITIES.get(label)


def fail_threshold(level: str) -> Severity | None:
    """The least severity that makes the exit code 1; None for ``never``."""
    if level not in FAIL_LEVELS:
        raise ValueError(f"unknown fail level {level!r}: use one of {', '.join(FAIL_LEVELS)}")
    return None if level == "never" else Severity[level.upper()]


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class LineIndex:
    """Turns character offsets into 1-based (line, column) pairs, counting code points."""

    def __init__(self, text: str) -> None:
        starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)  # 1-based: starts[0] == 0 <= offset
        return line, offset - self._starts[line - 1] + 1

    def line_span(self, line: int, text_length: int) -> tuple[int, int]:
        """(start, end) offsets of 1-based ``line``, without its newline."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else text_length
        return start, end


@dataclass(frozen=True)
class Located:
    """A claim with its place in the file and what a linter makes of it."""

    claim: CheckedClaim
    index: int  # position in the report's claims
    line: int
    column: int
    end_line: int
    end_column: int  # 1-based, inclusive of the claim's last character
    severity: Severity | None
    suppressed: bool

    @property
    def is_finding(self) -> bool:
        return self.severity is not None and not self.suppressed


@dataclass
class CheckedDraft:
    """One draft after checking: the text as written, its report, and which claims are suppressed."""

    path: str
    text: str
    report: Report
    suppressed: frozenset[int] = frozenset()
    elapsed: float = 0.0

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def located(self) -> list[Located]:
        located = []
        for i, claim in enumerate(self.report.claims):
            line, column = self.lines.position(claim.start)
            end_line, end_column = self.lines.position(max(claim.start, claim.end - 1))
            severity = severity_of(claim.verdict.label)
            located.append(Located(claim, i, line, column, end_line, end_column, severity, i in self.suppressed))
        return located

    def findings(self) -> list[Located]:
        return [item for item in self.located if item.is_finding]


@dataclass
class Tally:
    """Counts over every draft of a run, for summaries and the exit code."""

    drafts: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    severities: Counter[Severity] = field(default_factory=Counter)
    suppressed: int = 0

    def add(self, draft: CheckedDraft) -> None:
        self.drafts += 1
        for item in draft.located:
            self.labels[item.claim.verdict.label.value] += 1
            if item.suppressed:
                self.suppressed += 1
            elif item.severity is not None:
                self.severities[item.severity] += 1

    @property
    def claims(self) -> int:
        return sum(self.labels.values())

    def fails(self, threshold: Severity | None) -> bool:
        return threshold is not None and any(n for s, n in self.severities.items() if s >= threshold)


@dataclass(frozen=True)
class CheckerInfo:
    """What a rule (a checker) is, for formats that describe their rules (SARIF)."""

    name: str
    version: str = ""
    description: str = ""
    help_uri: str | None = None


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    fail_on: Severity | None = Severity.ERROR
    several: bool = False  # more (or fewer) than one draft: formats that nest documents do so
    checkers: dict[str, CheckerInfo] = field(default_factory=dict)
    tool_version: str = ""


class Renderer:
    """A format: ``start()``, then ``draft()`` for each checked draft as it comes, then ``finish()``.

    Each returns text to write at once, so that a run over thousands of drafts never keeps
    them all in memory.
    """

    def __init__(self, options: RenderOptions) -> None:
        self.options = options

    def start(self) -> str:
        return ""

    def draft(self, checked: CheckedDraft) -> str:
        raise NotImplementedError

    def finish(self, tally: Tally) -> str:
        return ""


def one_line(text: str) -> str:
    """White space collapsed: for formats whose message is a single line."""
    return " ".join(text.split())


def summary_line(tally: Tally) -> str:
    """``6 claims: 2 supported, 4 not_checked`` (labels in their documented order)."""
    n = tally.claims
    head = f"{n} claim" if n == 1 else f"{n} claims"
    if tally.drafts != 1:
        head = f"{tally.drafts} file{'s' if tally.drafts != 1 else ''}, {head}"
    parts = [f"{tally.labels[label.value]} {label.value}" for label in Label if tally.labels[label.value]]
    line = f"{head}: {', '.join(parts)}" if parts else head
    return f"{line} ({tally.suppressed} suppressed)" if tally.suppressed else line
