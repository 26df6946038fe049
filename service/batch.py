"""One run of ``tradecheck check``: each draft read, checked, rendered and counted in turn.

Only one draft's text and report are alive at a time; what outlives a draft is the tally (and
what a format keeps to write at the end, such as SARIF's rule list). A draft that cannot be read
or is refused as input gets one ``tradecheck: error:`` line on stderr and the run goes on; the
run's exit code is then 2. A service that cannot be reached stops the run (every draft would
fail the same way).
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TextIO

from checkers import InputError

from .diffscope import ChangedLines, DiffScope
from .drafts import Draft, read_draft
from .extract.markup import front_matter_date
from .renderers import CheckedDraft, LineIndex, Renderer, Tally
from .report import Report, Summary
from .suppress import find_suppressions

PROG = "tradecheck"


class Engine(Protocol):
    """What checks a text: the in-process :class:`~service.pipeline.Pipeline` or a remote service."""

    def check(self, text: str, language: str = ..., published: date | None = ..., text_format: str = ...) -> Report: ...


@dataclass(frozen=True)
class RunOptions:
    language: str = "auto"
    published: str = "front-matter"  # front-matter | text | YYYY-MM-DD
    max_bytes: int = 1_000_000
    scope: DiffScope | None = None


@dataclass
class Outcome:
    tally: Tally
    unreadable: int = 0  # drafts that could not be read or checked


class Progress:
    """``[12/2000] drafts/a.md`` on one self-erasing stderr line, redrawn at most ten times a second."""

    INTERVAL = 0.1

    def __init__(self, stream: TextIO, total: int, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = 0
        self._shown = False
        self._last = 0.0

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.INTERVAL and self.done < self.total:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self.stream.write("\r\x1b[K" + f"[{self.done}/{self.total}] {label}"[:width])
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def published_for(rule: str, text: str) -> date | None:
    """The publication date to read ``text`` against; None lets the pipeline look in the text."""
    if rule == "text":
        return None
    if rule == "front-matter":
        return front_matter_date(text)
    return date.fromisoformat(rule)


def in_scope(drafts: Sequence[Draft], scope: DiffScope | None) -> list[Draft]:
    """The drafts a diff touches (all of them without a diff)."""
    if scope is None:
        return list(drafts)
    return [d for d in drafts if d.path != "-" and scope.lines_for(d.path) is not None]


def restrict(report: Report, text: str, changed: ChangedLines) -> Report:
    """The report with only the claims whose sentence touches a changed line."""
    lines = LineIndex(text)
    kept = []
    for claim in report.claims:
        first = claim.sentence_start if claim.sentence_start is not None else claim.start
        last = claim.sentence_end if claim.sentence_end is not None else claim.end
        if changed.touches(lines.position(min(first, claim.start))[0], lines.position(max(last, claim.end) - 1)[0]):
            kept.append(claim)
    counts = Counter(c.verdict.label.value for c in kept)
    summary = Summary(claims=len(kept), by_label=dict(sorted(counts.items())))
    return report.model_copy(update={"claims": kept, "summary": summary})


def check_draft(draft: Draft, text: str, engine: Engine, options: RunOptions) -> CheckedDraft:
    started = time.perf_counter()
    published = published_for(options.published, text)
    report = engine.check(text, language=options.language, published=published, text_format=draft.text_format)
    if options.scope is not None:
        changed = options.scope.lines_for(draft.path)
        if changed is not None:
            report = restrict(report, text, changed)
    suppressions = find_suppressions(text)
    suppressed = frozenset(i for i, c in enumerate(report.claims) if suppressions and suppressions.covers(c.start))
    return CheckedDraft(draft.shown, text, report, suppressed, time.perf_counter() - started)


def run(
    drafts: Sequence[Draft],
    engine: Engine,
    renderer: Renderer,
    options: RunOptions,
    out: TextIO,
    err: TextIO,
    progress: Progress | None = None,
) -> Outcome:
    """Check, render and count every draft; returns the tally and how many drafts failed."""
    outcome = Outcome(Tally())
    out.write(renderer.start())
    for draft in drafts:
        if progress is not None:
            progress.step(draft.shown)
        try:
            text = read_draft(draft, options.max_bytes)
            checked = check_draft(draft, text, engine, options)
        except InputError as exc:
            if progress is not None:
                progress.clear()
            err.write(f"{PROG}: error: {exc}\n")
            outcome.unreadable += 1
            continue
        out.write(renderer.draft(checked))
        outcome.tally.add(checked)
    if progress is not None:
        progress.clear()
    out.write(renderer.finish(outcome.tally))
    return outcome
