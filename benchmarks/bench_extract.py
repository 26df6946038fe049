"""Extraction accuracy and speed on the spec corpus, side by side with the yardsticks.

The yardsticks are installed only for this script, in a virtualenv of their own, never as
tradecheck's dependencies::

    python3 -m venv /tmp/bench-venv
    /tmp/bench-venv/bin/pip install reynir quantulum3 -e .
    /tmp/bench-venv/bin/python benchmarks/bench_extract.py            # markdown tables
    /tmp/bench-venv/bin/python benchmarks/bench_extract.py --json     # machine-readable

Without them the yardstick columns say "not installed" and only tradecheck is measured.

What is measured, per language, on ``tests/corpus/extraction`` (text cases; Markdown and HTML
cases only for tradecheck's claims):

* claims (tradecheck only): precision and recall, a claim matching an expected one when their
  spans overlap and their kinds agree; exact-value accuracy (magnitude and unit exactly right,
  over expected claims with a value); and the share of cases right in every detail;
* quantities (tradecheck and the yardstick): every expected claim with a value is a quantity.
  A tool's quantity matches when the spans overlap; it is exactly right when the value agrees
  (relative 1e-6) and the unit is of the same class (the same currency, a percentage, or any
  other number). Yardsticks: ``reynir.bintokenizer`` AMOUNT / PERCENT / NUMBER tokens for
  Icelandic, ``quantulum3`` quantities for English;
* speed: each corpus file is an article (its cases, a blank line apart), and for Icelandic the
  seed article too when ``../shared/seed`` is beside the checkout. Every article is run once to
  warm caches, then tradecheck and the yardstick take turns; the median of the runs counts.
  MB/s is UTF-8 bytes over the summed medians.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "lavrov-visit-2021-03-19.is.txt"
HELDOUT = REPO / "benchmarks" / "heldout"
sys.path.insert(0, str(REPO))

from tokenizer import tokenize

from service.extract import extract


def _load_corpus() -> Any:
    spec = importlib.util.spec_from_file_location("extraction_corpus", REPO / "tests/corpus/extraction/corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction_corpus"] = module
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus()

#: (start, end, value, unit class)
Quantity = tuple[int, int, float, str]


def unit_class(unit: str) -> str:
    if unit in ("percent", "percentage_point"):
        return "percent"
    if len(unit) == 3 and unit.isupper():
        return unit
    return "number"


# --- the tools ----------------------------------------------------------------------------------------


def ours(text: str, language: str, published: date | None) -> list[Quantity]:
    found = extract(text, language, published).claims
    return [(c.start, c.end, c.quantity.magnitude, unit_class(c.quantity.unit)) for c in found if c.quantity]


def _reynir() -> Callable[[str], list[Quantity]] | None:
    try:
        from reynir.bintokenizer import tokenize
        from tokenizer import TOK
    except ImportError:
        return None
    kinds = {TOK.AMOUNT, TOK.PERCENT, TOK.NUMBER}

    def run(text: str) -> list[Quantity]:
        out: list[Quantity] = []
        pos = 0
        for tok in tokenize(text):
            original = tok.original or ""
            if tok.kind in kinds and isinstance(tok.val, tuple):
                start = pos + len(original) - len(original.lstrip())
                end = pos + len(original.rstrip())
                unit = (tok.val[1] or "number") if tok.kind == TOK.AMOUNT else (
                    "percent" if tok.kind == TOK.PERCENT else "number")
                out.append((start, end, float(tok.val[0]), unit_class(unit) if unit != "number" else "number"))
            pos += len(original)
        return out

    return run


def _quantulum() -> Callable[[str], list[Quantity]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def run(text: str) -> list[Quantity]:
        out: list[Quantity] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        for q in found:
            if q.unit.entity.name == "currency":
                unit = getattr(q.unit, "currency_code", None) or "currency"
            elif q.unit.name in ("percentage", "percent"):
                unit = "percent"
            else:
                unit = "number"
            out.append((q.span[0], q.span[1], float(q.value), unit))
        return out

    return run


# --- accuracy -----------------------------------------------------------------------------------------


@dataclass
class Counts:
    expected: int = 0
    found: int = 0
    hits: int = 0  # found items that match an expected one
    matched: int = 0  # expected items that a found one matches
    exact: int = 0  # expected items matched with exactly the right value and unit
    valued: int = 0  # expected items with a value

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def exact_accuracy(self) -> float:
        return self.exact / self.valued if self.valued else 0.0

    def as_dict(self) -> dict[str, float]:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "exact_value_accuracy": round(self.exact_accuracy, 4)}


def _match(expected: Sequence[tuple], found: Sequence[tuple], same: Callable[[tuple, tuple], bool]) -> list[tuple]:
    """Pairs (expected, found), one to one, in text order: spans overlap and ``same`` holds."""
    free = list(found)
    pairs = []
    for e in expected:
        hit = next((f for f in free if corpus.overlaps(e[:2], f[:2]) and same(e, f)), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((e, hit))
    return pairs


def _exact(e: tuple, f: tuple) -> bool:
    return corpus.close(e[2], f[2]) and e[3] == f[3]


def claim_accuracy(cases: Sequence[Any]) -> tuple[Counts, int]:
    """tradecheck's claims: (counts, cases right in every detail)."""
    counts, whole = Counts(), 0
    for case in cases:
        got = extract(case.text, case.language, case.published, text_format=case.format)
        spans = corpus.expected_spans(case)
        expected = [(s, e, x.get("value"), unit_class(x.get("unit", "count")), x["kind"])
                    for (s, e), x in zip(spans, case.claims)]
        found = [(c.start, c.end, c.quantity.magnitude if c.quantity else None,
                  unit_class(c.quantity.unit) if c.quantity else "", str(c.kind)) for c in got.claims]
        pairs = _match(expected, found, lambda e, f: e[4] == f[4])
        counts.expected += len(expected)
        counts.found += len(found)
        counts.hits += len(pairs)
        counts.matched += len(pairs)
        counts.exact += sum(1 for e, f in pairs if e[2] is not None and _exact(e, f))
        counts.valued += sum(1 for e in expected if e[2] is not None)
        whole += corpus.problems(case, got.claims, got.details) == []
    return counts, whole


def quantity_accuracy(cases: Sequence[Any], tool: Callable[[Any], list[Quantity]]) -> Counts:
    counts = Counts()
    for case in cases:
        spans = corpus.expected_spans(case)
        expected = [(s, e, x["value"], unit_class(x.get("unit", "count")))
                    for (s, e), x in zip(spans, case.claims) if "value" in x]
        found = tool(case)
        pairs = _match(expected, found, lambda e, f: True)
        counts.expected += len(expected)
        counts.found += len(found)
        counts.hits += sum(1 for f in found if any(corpus.overlaps(f[:2], e[:2]) for e in expected))
        counts.matched += len(pairs)
        counts.exact += sum(1 for e, f in pairs if _exact(e, f))
        counts.valued += len(expected)
    return counts


# --- speed --------------------------------------------------------------------------------------------


@dataclass
class Speed:
    articles: int
    megabytes: float
    ms: dict[str, list[float]] = field(default_factory=dict)  # tool -> median ms per article

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles, "kilobytes": round(self.megabytes * 1000, 1)}
        for name, times in self.ms.items():
            total = sum(times) / 1000
            out[name] = {"ms_per_article": round(statistics.mean(times), 3),
                         "median_ms": round(statistics.median(times), 3),
                         "mb_per_s": round(self.megabytes / total, 3) if total else None}
        if "tradecheck" in self.ms and "yardstick" in self.ms:
            out["yardstick_over_tradecheck"] = round(sum(self.ms["yardstick"]) / sum(self.ms["tradecheck"]), 2)
        return out


def _ms(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def speed(articles: Sequence[tuple[str, date | None]], tools: dict[str, Callable[[str, date | None], object]],
          rounds: int) -> Speed:
    """Median time per article of each tool; the tools take turns, so a busy machine slows all alike."""
    result = Speed(len(articles), sum(len(a.encode()) for a, _ in articles) / 1e6)
    for text, published in articles:
        runs: dict[str, list[float]] = {name: [] for name in tools}
        for name, tool in tools.items():
            tool(text, published)  # warm: BÍN look-ups, tables, first-parse costs
        for _ in range(rounds):
            for name, tool in tools.items():
                runs[name].append(_ms(partial(tool, text, published)))
        for name, times in runs.items():
            result.ms.setdefault(name, []).append(statistics.median(times))
    return result


def articles_of(cases: Sequence[Any]) -> list[tuple[str, date | None]]:
    """Each corpus file's text cases, a blank line apart, as one article."""
    by_file: dict[str, list[Any]] = {}
    for case in cases:
        if case.format == "text":
            by_file.setdefault(case.file, []).append(case)
    return [("\n\n".join(c.text for c in group), group[0].published) for group in by_file.values()]


# --- the report ---------------------------------------------------------------------------------------


def accuracy(cases: Sequence[Any], yard_name: str, yard: Callable[[str], list[Quantity]] | None) -> dict[str, Any]:
    text_cases = [c for c in cases if c.format == "text"]
    claims, whole = claim_accuracy(cases)
    out: dict[str, Any] = {
        "cases": len(cases),
        "cases_right_in_every_detail": whole,
        "claims": claims.as_dict(),
        "quantities": {"tradecheck": quantity_accuracy(
            text_cases, lambda c: ours(c.text, c.language, c.published)).as_dict()},
    }
    if yard is not None:
        out["quantities"][yard_name] = quantity_accuracy(text_cases, lambda c: yard(c.text)).as_dict()
    return out


def measure(language: str, rounds: int) -> dict[str, Any]:
    cases = [c for c in corpus.load() if c.language == language]
    heldout = [c for c in corpus.load(HELDOUT) if c.language == language]
    name, yard = ("reynir.bintokenizer", _reynir()) if language == "is" else ("quantulum3", _quantulum())
    out: dict[str, Any] = {
        "yardstick": name if yard else f"{name} (not installed)",
        "spec": accuracy(cases, name, yard),
        "heldout": accuracy(heldout, name, yard),
    }
    tools: dict[str, Callable[[str, date | None], object]] = {
        "tradecheck": lambda text, published: extract(text, language, published)}
    if yard is not None:
        tools["yardstick"] = lambda text, published: yard(text)
    if language == "is":
        tools["tokenizer alone"] = lambda text, published: list(tokenize(text))
    out["speed_corpus"] = speed(articles_of(cases), tools, rounds).summary()
    if language == "is" and SEED.exists():
        out["speed_seed"] = speed([(SEED.read_text(encoding="utf-8"), None)], tools, rounds * 4).summary()
    return out


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def markdown(report: dict[str, Any]) -> str:
    lines = [f"Machine: {report['machine']}; Python {report['python']}; {report['rounds']} rounds per article.", ""]
    langs = [report["languages"][k] for k in ("is", "en")]
    lines += ["| | Icelandic spec | English spec | Icelandic held out | English held out |", "|---|---|---|---|---|"]
    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("cases (right in every detail)", lambda r: f"{r['cases']} ({r['cases_right_in_every_detail']})"),
        ("claims: precision (span + kind)", lambda r: _pct(r["claims"]["precision"])),
        ("claims: recall (span + kind)", lambda r: _pct(r["claims"]["recall"])),
        ("claims: exact value + unit", lambda r: _pct(r["claims"]["exact_value_accuracy"])),
    ]
    sets = [r["spec"] for r in langs] + [r["heldout"] for r in langs]
    for label, get in rows:
        lines.append(f"| {label} | " + " | ".join(get(r) for r in sets) + " |")
    lines += ["", "Quantities (expected claims with a value; text cases):", "",
              "| set | language | tool | precision | recall | exact value + unit |", "|---|---|---|---|---|---|"]
    for which in ("spec", "heldout"):
        for code, r in zip(("is", "en"), langs):
            for tool, c in r[which]["quantities"].items():
                lines.append(f"| {which} | {code} | {tool} | {_pct(c['precision'])} | {_pct(c['recall'])} | "
                             f"{_pct(c['exact_value_accuracy'])} |")
            if r["yardstick"].endswith("(not installed)"):
                lines.append(f"| {which} | {code} | {r['yardstick']} | – | – | – |")
    header = ("| language | articles | tool | ms per article | MB/s | yardstick time / tradecheck time |",
              "|---|---|---|---|---|---|")
    lines += ["", "Speed (median per article; MB/s over the summed medians):", "", *header]
    for code, r in zip(("is", "en"), langs):
        for key, label in (("speed_corpus", "corpus files"), ("speed_seed", "seed article")):
            sp = r.get(key)
            if not sp:
                continue
            for tool in ("tradecheck", "yardstick", "tokenizer alone"):
                if tool in sp:
                    name = r["yardstick"] if tool == "yardstick" else tool
                    ratio = sp.get("yardstick_over_tradecheck", "–") if tool == "tradecheck" else ""
                    lines.append(f"| {code} ({label}) | {sp['articles']} | {name} | {sp[tool]['ms_per_article']} | "
                                 f"{sp[tool]['mb_per_s']} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    args.add_argument("--rounds", type=int, default=15, help="timed runs per article (default 15)")
    opts = args.parse_args(argv)
    report = {
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "python": platform.python_version(),
        "rounds": opts.rounds,
        "languages": {language: measure(language, opts.rounds) for language in ("is", "en")},
    }
    print(json.dumps(report, indent=2, ensure_ascii=False) if opts.json else markdown(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
