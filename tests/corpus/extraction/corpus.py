"""Loads the extraction spec corpus and compares claims with it (see README.md here).

Used by ``tests/service/extract/test_corpus.py`` and ``benchmarks/bench_extract.py``; it imports
nothing from tradecheck, so the benchmark's yardsticks can use it too.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REL_TOL = 1e-9

_YEARS = re.compile(r"^(\d{4})(?:/(\d{4}))?$")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})(?:/(\d{4})-(\d{2}))?$")
_PART = re.compile(r"^(\d{4})-([QH])([1-4])$")
_DAYS = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


def period(spec: str) -> tuple[date, date]:
    """A period written as "2020", "2010/2020", "2021-03", "2019-01/2019-08", "2021-Q1", "2020-H2"
    or "2019-01-01/2019-08-31"."""
    if m := _YEARS.match(spec):
        return date(int(m[1]), 1, 1), date(int(m[2] or m[1]), 12, 31)
    if m := _MONTHS.match(spec):
        y1, m1 = int(m[1]), int(m[2])
        y2, m2 = (int(m[3]), int(m[4])) if m[3] else (y1, m1)
        return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])
    if m := _PART.match(spec):
        size = 3 if m[2] == "Q" else 6
        first, last = size * (int(m[3]) - 1) + 1, size * int(m[3])
        y = int(m[1])
        return date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1])
    if m := _DAYS.match(spec):
        return date.fromisoformat(m[1]), date.fromisoformat(m[2])
    raise ValueError(f"not a period: {spec!r}")


@dataclass(frozen=True)
class Case:
    id: str
    topic: str
    language: str
    text: str
    published: date | None
    format: str
    claims: list[dict[str, Any]]
    note: str = ""
    file: str = field(default="", compare=False)


def load(directory: Path = HERE) -> list[Case]:
    """Every case of every ``*.json`` file, in file and case order."""
    cases: list[Case] = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        default = data.get("published")
        for k, raw in enumerate(data["cases"], start=1):
            published = raw.get("published", default)
            cases.append(Case(
                id=raw.get("id", f"{path.stem}-{k:03d}"), topic=data["topic"], language=data["language"],
                text=raw["text"], published=date.fromisoformat(published) if published else None,
                format=raw.get("format", "text"), claims=raw["claims"], note=raw.get("note", ""), file=path.name,
            ))
    return cases


def find_span(text: str, span: str, after: int = 0) -> tuple[int, int]:
    """Offsets of ``span`` in ``text`` (the first occurrence at or after ``after``)."""
    start = text.find(span, after)
    if start < 0:
        raise ValueError(f"{span!r} is not in the case text")
    return start, start + len(span)


def expected_spans(case: Case) -> list[tuple[int, int]]:
    """Offsets of each expected claim; a span written twice is looked for after the previous one."""
    spans: list[tuple[int, int]] = []
    for claim in case.claims:
        after = max((s for s, e in spans if case.text[s:e] == claim["text"]), default=-1) + 1
        spans.append(find_span(case.text, claim["text"], max(0, after)))
    return spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1e-12)


def cases_by(language: str) -> Iterator[Case]:
    return (c for c in load() if c.language == language)


# --- comparing claims with a case --------------------------------------------------------------------


def _period(spec: str | None) -> tuple[date, date] | None:
    return None if spec is None else period(spec)


def problems(case: Case, claims: list[Any], details: list[Any]) -> list[str]:
    """What differs between the case and the claims found; empty when they agree."""
    found = [f"{c.kind}:{c.text!r}" for c in claims]
    wanted = [f"{e['kind']}:{e['text']!r}" for e in case.claims]
    if found != wanted:
        return [f"claims differ\n  found:  {found}\n  wanted: {wanted}"]
    out: list[str] = []
    series: dict[str, int | None] = {}
    for exp, claim, detail, span in zip(case.claims, claims, details, expected_spans(case)):
        where = f"{exp['kind']} {exp['text']!r}"
        if (claim.start, claim.end) != span:
            out.append(f"{where}: at {claim.start}-{claim.end}, wanted {span}")
        out += [f"{where}: {p}" for p in _fields(exp, claim, detail)]
        label = exp.get("series")
        if label is None and detail.series is not None:
            out.append(f"{where}: in series {detail.series}, wanted none")
        elif label is not None and (detail.series is None or series.setdefault(label, detail.series) != detail.series):
            out.append(f"{where}: series {detail.series} does not match label {label!r}")
    ids = {series[k] for k in series}
    if len(ids) != len(series):
        out.append("two series labels share one series")
    return out


def _fields(exp: dict[str, Any], claim: Any, detail: Any) -> list[str]:
    out: list[str] = []
    q = claim.quantity
    if "value" in exp:
        if q is None:
            return ["no quantity"]
        if not close(q.magnitude, exp["value"]):
            out.append(f"value {q.magnitude!r}, wanted {exp['value']!r}")
        if q.unit != exp.get("unit", "count"):
            out.append(f"unit {q.unit!r}, wanted {exp.get('unit', 'count')!r}")
        if not close(q.high, exp.get("high")):
            out.append(f"high {q.high!r}, wanted {exp.get('high')!r}")
        if claim.qualifier != exp.get("qualifier", "exact"):
            out.append(f"qualifier {claim.qualifier}, wanted {exp.get('qualifier', 'exact')}")
    if "period" in exp:
        got = (claim.period.start, claim.period.end) if claim.period else None
        if got != _period(exp["period"]):
            out.append(f"period {got}, wanted {exp['period']}")
    if "pair" in exp and sorted(map(str, (claim.reporter, claim.partner))) != sorted(map(str, exp["pair"])):
        out.append(f"countries {claim.reporter}/{claim.partner}, wanted {exp['pair']}")
    for key, attr in (("reporter", "reporter"), ("partner", "partner"), ("flow", "flow"), ("rank", "rank")):
        if key in exp and getattr(claim, attr) != exp[key]:
            out.append(f"{key} {getattr(claim, attr)!r}, wanted {exp[key]!r}")
    if claim.kind != "other" and claim.cited_source != exp.get("source"):
        out.append(f"source {claim.cited_source!r}, wanted {exp.get('source')!r}")
    for key in ("direction", "valuation", "comparison", "since"):
        if (key in exp or claim.kind != "other") and getattr(detail, key) != exp.get(key):
            out.append(f"{key} {getattr(detail, key)!r}, wanted {exp.get(key)!r}")
    if "compared_with" in exp or detail.compared_with is not None:
        got = (detail.compared_with.start, detail.compared_with.end) if detail.compared_with else None
        if got != _period(exp.get("compared_with")):
            out.append(f"compared_with {got}, wanted {exp.get('compared_with')}")
    return out
