"""The extraction spec corpus (tests/corpus/extraction): every case is its own test.

Each case lists every claim the text holds, in text order; extraction must find exactly those,
with the same spans, kinds and every detail the case states (see the corpus README).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from service.extract import extract

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus" / "extraction"
_spec = importlib.util.spec_from_file_location("extraction_corpus", CORPUS_DIR / "corpus.py")
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["extraction_corpus"] = corpus
_spec.loader.exec_module(corpus)

CASES = corpus.load(CORPUS_DIR)
_FIGURE_KINDS = {"trade_value", "balance", "growth", "share"}
_REQUIRED = {
    "trade_value": {"value", "unit", "period", "flow"},
    "balance": {"value", "unit", "period", "flow"},
    "growth": {"value", "unit", "period", "flow", "direction"},
    "share": {"value", "unit", "period", "flow"},
    "partner_rank": {"period", "reporter", "partner", "rank"},
    "streak": {"value", "period", "reporter", "partner", "rank"},
    "other": set(),
}


def _markup_available() -> bool:
    return importlib.util.find_spec("service.extract.markup") is not None


def test_the_corpus_is_large_enough_and_well_formed() -> None:
    by_language: dict[str, int] = {}
    for case in CASES:
        by_language[case.language] = by_language.get(case.language, 0) + 1
        corpus.expected_spans(case)  # every span is in its text
        for exp in case.claims:
            missing = _REQUIRED[exp["kind"]] - set(exp) - ({"reporter", "partner"} if "pair" in exp else set())
            assert not missing, (case.id, exp["text"], missing)
    assert by_language.get("is", 0) >= 200 and by_language.get("en", 0) >= 200, by_language
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Any) -> None:
    if case.format != "text" and not _markup_available():
        pytest.skip("service.extract.markup is not there yet")
    found = extract(case.text, case.language, case.published, text_format=case.format)
    for claim in found.claims:
        assert case.text[claim.start:claim.end] == claim.text
    trouble = corpus.problems(case, found.claims, found.details)
    assert not trouble, "\n".join([case.text, *trouble])
