"""Runs over many drafts: a 200-page draft, a folder of 2000 files, memory, progress, scope."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tracemalloc
import weakref
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from service.batch import Progress, RunOptions, published_for, restrict, run
from service.diffscope import ChangedLines
from service.drafts import find_drafts
from service.pipeline import Pipeline
from service.renderers import RENDERERS, CheckedDraft, Renderer, RenderOptions, Tally
from service.report import Report
from service.settings import Settings

REPO = Path(__file__).resolve().parents[2]
TRUE = "Bilateral trade between China and Russia exceeded $107 billion in 2020."
FALSE = "Bilateral trade between China and Russia exceeded $110 billion in 2020."
WORDS = [
    "the",
    "ministers",
    "met",
    "in",
    "the",
    "capital",
    "and",
    "spoke",
    "about",
    "roads",
    "ports",
    "rail",
    "bridges",
    "schools",
    "for",
    "hours",
]


def prose_paragraph(rng: random.Random, words: int = 70) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def long_draft(pages: int, false_every: int) -> tuple[str, list[int]]:
    """A Markdown draft of ``pages`` pages of prose with a claim on each; the lines of the false ones."""
    rng = random.Random(pages)
    lines = ["---", "date: 2021-03-19", "---", ""]
    false_lines = []
    for page in range(pages):
        lines += [f"## Page {page + 1}", ""]
        for k in range(6):
            if k == 3:
                is_false = page % false_every == 0
                if is_false:
                    false_lines.append(len(lines) + 1)
                lines += [FALSE if is_false else TRUE, ""]
            lines += [prose_paragraph(rng), ""]
    return "\n".join(lines), false_lines


def check_command(*args: str) -> subprocess.CompletedProcess[str]:
    """``tradecheck check ...`` run for real, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "service", "check", *args], capture_output=True, cwd=REPO, timeout=600, check=False, text=True
    )


def test_a_200_page_draft(tmp_path: Path) -> None:
    text, false_lines = long_draft(200, false_every=20)
    assert len(text) > 400_000  # about 2,500 characters a page
    path = tmp_path / "long.md"
    path.write_text(text, encoding="utf-8")
    proc = check_command(str(path), "--format", "line")
    assert proc.returncode == 1, proc.stderr
    rows = proc.stdout.splitlines()
    assert [int(row.split(":")[1]) for row in rows] == false_lines
    assert all(": error trade-value: contradicted:" in row for row in rows)
    summary = check_command(str(path)).stdout.splitlines()[-1]
    assert summary.startswith("400 claims: 190 supported, 10 contradicted"), summary  # and 200 page numbers


def test_a_folder_of_2000_small_files(tmp_path: Path) -> None:
    for i in range(2000):
        claim = FALSE if i % 100 == 0 else TRUE
        (tmp_path / f"d{i:04}.md").write_text(f"---\ndate: 2021-03-19\n---\n\n{claim}\n", encoding="utf-8")
    proc = check_command(str(tmp_path), "--format", "line")
    assert proc.returncode == 1, proc.stderr
    flagged = [Path(row.split(":")[0]).name for row in proc.stdout.splitlines()]
    assert flagged == [f"d{i:04}.md" for i in range(0, 2000, 100)]
    assert proc.stderr == ""


class FirstLines:
    """An engine that checks only a draft's first 300 characters: the claims are there, and it is fast."""

    def __init__(self) -> None:
        self.pipeline = Pipeline.load(Settings())

    def check(
        self, text: str, language: str = "auto", published: date | None = None, text_format: str = "text"
    ) -> Report:
        return self.pipeline.check(text[:300], language, published, text_format)


class Watcher(Renderer):
    """Keeps weak references to every draft it is given, and counts how many are alive at once."""

    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self.refs: list[weakref.ref[CheckedDraft]] = []
        self.most_alive = 0

    def draft(self, checked: CheckedDraft) -> str:
        self.refs.append(weakref.ref(checked))
        self.most_alive = max(self.most_alive, sum(1 for ref in self.refs if ref() is not None))
        return ""


class Discard(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


def test_drafts_are_let_go_one_by_one(tmp_path: Path) -> None:
    padding = "Words without numbers, many of them. " * 100  # ~3.7 kB a file
    for i in range(100):
        (tmp_path / f"d{i:03}.md").write_text(f"{TRUE}\n\n{padding}\n", encoding="utf-8")
    watcher = Watcher(RenderOptions(several=True))
    outcome = run(find_drafts([str(tmp_path)]), FirstLines(), watcher, RunOptions(), Discard(), io.StringIO())
    assert outcome.tally.drafts == 100 and outcome.tally.labels["supported"] == 100
    assert watcher.most_alive <= 2


def traced_run(drafts: list[Any], engine: FirstLines, fmt: str) -> tuple[int, int]:
    """(peak, still held after the run) bytes that a run over ``drafts`` allocates."""
    renderer = RENDERERS[fmt](RenderOptions(several=True))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        outcome = run(drafts, engine, renderer, RunOptions(), Discard(), io.StringIO())
        now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcome.tally.labels["contradicted"] == len(drafts)
    return peak - before, now - before


@pytest.mark.parametrize("fmt", ["sarif", "junit", "json", "text"])
def test_memory_does_not_grow_with_the_number_of_drafts(tmp_path: Path, fmt: str) -> None:
    padding = "Words without numbers, many of them. " * 100  # ~3.8 kB a file
    for i in range(500):
        (tmp_path / f"d{i:04}.md").write_text(f"{FALSE}\n\n{padding}\n", encoding="utf-8")
    total = sum(f.stat().st_size for f in tmp_path.iterdir())
    engine, drafts = FirstLines(), find_drafts([str(tmp_path)])
    engine.check(FALSE)  # whatever the pipeline loads on first use is not the drafts' memory
    few_peak, _ = traced_run(drafts[:50], engine, fmt)
    many_peak, held = traced_run(drafts, engine, fmt)
    # Ten times the drafts (1.9 MB in all): the peak grows by far less than their size, and
    # what the run still holds at its end (the tally, a format's rule list) is small.
    assert many_peak < few_peak + total / 10, (few_peak, many_peak, total)
    assert held < total / 10, (held, total)


def test_an_unreadable_draft_is_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(TRUE)
    (tmp_path / "b.md").write_bytes(b"\xff")
    (tmp_path / "c.md").write_text(FALSE)
    err = io.StringIO()
    out = io.StringIO()
    outcome = run(
        find_drafts([str(tmp_path)]), FirstLines(), RENDERERS["line"](RenderOptions()), RunOptions(), out, err
    )
    assert outcome.unreadable == 1 and outcome.tally.drafts == 2
    assert err.getvalue().startswith("tradecheck: error: ") and "b.md is not UTF-8" in err.getvalue()
    assert "c.md:1:" in out.getvalue()


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_only() -> None:
    stream = Tty()
    progress = Progress(stream, total=3, enabled=True)
    for name in ("a.md", "b.md", "c.md"):
        progress.step(name)
    progress.clear()
    assert "[1/3] a.md" in stream.getvalue() and "[3/3] c.md" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")
    quiet = io.StringIO()
    silent = Progress(quiet, total=3, enabled=False)
    silent.step("a.md")
    silent.clear()
    assert quiet.getvalue() == ""


def test_published_rules() -> None:
    text = "---\ndate: 2021-03-19\n---\nBody."
    assert published_for("front-matter", text) == date(2021, 3, 19)
    assert published_for("front-matter", "Body.") is None
    assert published_for("text", text) is None
    assert published_for("2020-01-02", text) == date(2020, 1, 2)


def test_restrict_keeps_claims_whose_sentence_touches_a_change() -> None:
    text = f"{TRUE}\n\n{FALSE.replace('Bilateral trade', 'Trade')}\nIt was\nsaid {FALSE}\n"
    report = Pipeline.load(Settings()).check(text, "en")
    assert len(report.claims) == 3
    assert [c.text for c in restrict(report, text, ChangedLines(((3, 3),))).claims] == ["exceeded $110 billion"]
    kept = restrict(report, text, ChangedLines(((4, 4),)))  # the third claim's sentence starts on line 4
    assert [c.start for c in kept.claims] == [report.claims[2].start]
    assert kept.summary.claims == 1
    assert restrict(report, text, ChangedLines(((2, 2),))).claims == []


def test_tally_counts_every_label() -> None:
    report = Pipeline.load(Settings()).check(f"{TRUE}\n\n{FALSE}\n", "en")
    tally = Tally()
    tally.add(CheckedDraft("a", "", report))
    tally.add(CheckedDraft("b", "", report, suppressed=frozenset({1})))
    assert (tally.drafts, tally.claims, tally.suppressed) == (2, 4, 1)
    assert dict(tally.labels) == {"supported": 2, "contradicted": 2}


def test_no_drafts_at_all() -> None:
    out = io.StringIO()
    outcome = run([], FirstLines(), RENDERERS["text"](RenderOptions(several=True)), RunOptions(), out, io.StringIO())
    assert outcome.tally.drafts == 0 and out.getvalue() == "0 files, 0 claims\n"
