"""The verdict corpus: claims we wrote, each run through the whole pipeline (real extraction,
real reference data), with the label, checker and reference a careful fact-checker expects.

Each file in ``tests/corpus/verdicts/`` is a JSON list of cases::

    {"id", "language", "published", "text",
     "claim":   a piece of the text inside (or around) the claim's span, to find the claim,
     "expect":  {"label", "checker", "reference": {"authority", "value"} or null},
     "sources_support": whether a source the claim could rest on supports it,
     "covers":  what the case exercises (qualifier, currency path, disagreement, gap...),
     "pending": null, or what extraction must still provide for this case to pass}

A pending case is expected to fail (strictly: when extraction catches up, the marker must go).
Across the whole corpus, no claim that its sources support may be ``contradicted``.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from service.pipeline import Pipeline
from service.report import CheckedClaim

CORPUS = Path(__file__).parent / "corpus" / "verdicts"
CASES: list[dict[str, Any]] = [case for path in sorted(CORPUS.glob("*.json")) for case in json.loads(path.read_text("utf-8"))]


@cache
def pipeline() -> Pipeline:
    return Pipeline.load()


def found(case: dict[str, Any]) -> CheckedClaim | None:
    """The claim of ``case``: the one whose span overlaps the case's ``claim`` text."""
    text = case["text"]
    at = text.index(case["claim"])
    report = pipeline().check(text, language=case["language"], published=date.fromisoformat(case["published"]))
    for claim in report.claims:
        if claim.start < at + len(case["claim"]) and at < claim.end:
            return claim
    return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(b) * 1e-4, 1e-9)


def judge(case: dict[str, Any]) -> list[str]:
    """What differs from the expectation (empty when the case passes)."""
    claim = found(case)
    if claim is None:
        return [f"no claim found at {case['claim']!r}"]
    expect, verdict = case["expect"], claim.verdict
    problems = []
    if verdict.label.value != expect["label"]:
        problems.append(f"label {verdict.label.value}, expected {expect['label']}")
    if verdict.checker != expect["checker"]:
        problems.append(f"checker {verdict.checker}, expected {expect['checker']}")
    wanted = expect["reference"]
    if wanted is not None and not any(
        r.source == wanted["authority"] and _close(r.value, wanted["value"]) for r in verdict.references
    ):
        shown = [(r.source, r.value) for r in verdict.references[:4]]
        problems.append(f"no reference {wanted['authority']} = {wanted['value']:g}; got {shown}")
    return problems


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case["pending"])] if case.get("pending") else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_the_corpus_is_large_and_covers_every_checker_and_both_languages() -> None:
    assert len(CASES) >= 150
    assert len({c["id"] for c in CASES}) == len(CASES)
    checkers = Counter(c["expect"]["checker"] for c in CASES)
    assert {"trade-value", "balance", "growth", "share", "partner-rank", "streak", "none"} <= set(checkers)
    labels = Counter(c["expect"]["label"] for c in CASES)
    assert {"supported", "contradicted", "disputed", "unverifiable", "not_checked"} <= set(labels)
    assert {c["language"] for c in CASES} == {"is", "en"}
    qualifiers = {t for c in CASES for t in c["covers"] if t.startswith("qualifier:")}
    assert {f"qualifier:{q}" for q in ("exact", "over", "just_over", "under", "just_under", "about", "nearly",
                                        "at_least", "up_to", "range")} <= qualifiers
    for case in CASES:
        assert case["claim"] in case["text"], case["id"]


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    problems = judge(case)
    assert not problems, f"{case['id']}: {case['text']!r}: " + "; ".join(problems)


def test_no_claim_its_sources_support_is_contradicted() -> None:
    """Zero false contradictions. Pending cases are left to their own (strict) expectations:
    there the claim is misread before any checker sees it."""
    wrong = []
    for case in CASES:
        if not case["sources_support"] or case.get("pending"):
            continue
        claim = found(case)
        if claim is not None and claim.verdict.label.value == "contradicted":
            wrong.append(f"{case['id']}: {case['text']}")
    assert wrong == []
