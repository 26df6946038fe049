"""How ``tradecheck check`` copes with big drafts and big folders: a script, not a test.

    python benchmarks/bench_drafts.py                    # markdown table
    python benchmarks/bench_drafts.py --json             # machine-readable
    python benchmarks/bench_drafts.py --pages 400 --files 5000

Generates, in a temporary folder:

* one Markdown draft of ``--pages`` pages of prose (~2,500 characters a page, a heading, six
  paragraphs and one trade claim per page, every twentieth claim false), and the same text as
  HTML;
* a folder of ``--files`` small Markdown drafts (front matter, a heading, one claim each).

For each it runs the real command (``python -m service check ... --format line``) in a fresh
process, three times, and reports the median wall time and the child's peak resident memory
(``os.wait4``'s resource usage, which includes the interpreter and the loaded data). In process it
also checks the big draft with ``tracemalloc`` on, to show how much the check itself allocates
at its peak, and the folder, to show that the peak does not grow with the number of files.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from service.batch import RunOptions, run
from service.drafts import find_drafts
from service.pipeline import Pipeline
from service.renderers import RENDERERS, RenderOptions
from service.settings import Settings

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
    "at",
    "length",
    "about",
    "roads",
    "ports",
    "rail",
    "bridges",
    "schools",
    "harvests",
    "and",
    "the",
    "weather",
    "while",
    "reporters",
    "waited",
    "outside",
    "for",
    "a",
    "statement",
]


def long_markdown(pages: int) -> str:
    rng = random.Random(pages)
    parts = ["---\ndate: 2021-03-19\n---\n"]
    for page in range(pages):
        parts.append(f"## Page {page + 1}\n")
        for k in range(6):
            if k == 3:
                parts.append(FALSE if page % 20 == 0 else TRUE)
            parts.append(" ".join(rng.choice(WORDS) for _ in range(70)).capitalize() + ".")
    return "\n\n".join(parts) + "\n"


def as_html(markdown: str) -> str:
    body = markdown.split("---\n", 2)[2]
    blocks = []
    for block in body.split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            blocks.append(f"<h2>{block[3:]}</h2>")
        elif block:
            blocks.append(f"<p>{block.replace('&', '&amp;')}</p>")
    return "<!DOCTYPE html>\n<html><head><title>Draft</title></head><body>\n" + "\n".join(blocks) + "\n</body></html>\n"


def small_files(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        claim = FALSE if i % 100 == 0 else TRUE
        (folder / f"d{i:05}.md").write_text(f"---\ndate: 2021-03-19\n---\n# Draft {i}\n\n{claim}\n", encoding="utf-8")


def command(path: Path, repeat: int = 3) -> dict[str, Any]:
    """Median wall time and peak RSS of ``python -m service check PATH --format line`` (fresh processes)."""
    times, peaks, findings = [], [], 0
    for _ in range(repeat):
        with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
            started = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "service", "check", str(path), "--format", "line"],
                stdout=out,
                stderr=err,
                cwd=REPO,
            )
            _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the largest so far
            proc.returncode = os.waitstatus_to_exitcode(status)
            times.append(time.perf_counter() - started)
            out.seek(0)
            err.seek(0)
            if proc.returncode not in (0, 1):
                raise SystemExit(f"tradecheck failed on {path}: {err.read()}")
            findings = len(out.read().splitlines())
            peaks.append(usage.ru_maxrss)
    return {
        "seconds": round(statistics.median(times), 3),
        "peak_rss_mb": round(max(peaks) / 1024, 1),
        "findings": findings,
    }


class _Discard(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


def in_process(pipeline: Pipeline, path: Path) -> dict[str, Any]:
    """Time and tracemalloc peak of checking ``path`` (a file or a folder) with a loaded pipeline."""
    drafts = find_drafts([str(path)])
    renderer = RENDERERS["sarif"](RenderOptions(several=len(drafts) != 1))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        outcome = run(drafts, pipeline, renderer, RunOptions(), _Discard(), io.StringIO())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    return {
        "drafts": len(drafts),
        "claims": outcome.tally.claims,
        "seconds_traced": round(seconds, 3),
        "traced_peak_mb": round(peak / 1e6, 2),
    }


def measure(pages: int, files: int) -> dict[str, Any]:
    pipeline = Pipeline.load(Settings())
    pipeline.check(TRUE, "en")  # first-use loading is not the drafts' cost
    results: dict[str, Any] = {"python": platform.python_version(), "machine": platform.machine()}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        markdown = long_markdown(pages)
        (root / "long.md").write_text(markdown, encoding="utf-8")
        (root / "long.html").write_text(as_html(markdown), encoding="utf-8")
        small_files(root / "folder", files)
        tenth = root / "tenth"
        small_files(tenth, max(1, files // 10))
        for name, path, size in (
            (f"{pages}-page Markdown draft", root / "long.md", len(markdown.encode())),
            (f"{pages}-page HTML draft", root / "long.html", (root / "long.html").stat().st_size),
            (f"folder of {files} small drafts", root / "folder", None),
            (f"folder of {max(1, files // 10)} small drafts", tenth, None),
        ):
            row = {"bytes": size, **command(path), **in_process(pipeline, path)}
            results[name] = row
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    results = measure(args.pages, args.files)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"Python {results['python']} on {results['machine']}\n")
    print("| input | size | command: median s | command: peak RSS MB | findings | in process: traced peak MB |")
    print("|---|---|---|---|---|---|")
    for name, row in results.items():
        if isinstance(row, dict):
            size = f"{row['bytes'] / 1e3:.0f} kB" if row["bytes"] else f"{row['drafts']} files"
            print(
                f"| {name} | {size} | {row['seconds']} | {row['peak_rss_mb']} | {row['findings']} "
                f"| {row['traced_peak_mb']} |"
            )


if __name__ == "__main__":
    main()
