"""Properties of extraction on any input: it never raises, every offset is valid, time is linear.

Hypothesis feeds arbitrary Unicode and streams of trade words, numbers and markup; the
adversarial inputs (very long lines, thousands of digits, deep nesting) are a megabyte each and
must finish in seconds.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extract import extract

PUBLISHED = date(2021, 3, 19)
MARKUP = importlib.util.find_spec("service.extract.markup") is not None
FORMATS = ["text", "markdown", "html"] if MARKUP else ["text"]

_PIECES = [
    " 107", " 1.009,0", " 1,009.0", " 107,76", "%", " prósent", " milljörðum", " milljarða", " billjónir",
    " ma.kr.", " m.kr.", " kr.", " Bandaríkjadala", " dala", " evra", " júana", " billion", " bn", " $", "US$",
    " €", " ¥", " £", " tonnes", " tonnum", " yfir", " rúmlega", " tæplega", " um", " about", " over", " between",
    " and", " og", " til", " to", " from", " frá", " á bilinu", " Kína", " Rússlands", " China", " Russia's",
    " the two countries", " ríkjanna tveggja", " útflutningur", " innflutningur", " exports", " imports",
    " trade", " viðskipti", " halli", " deficit", " surplus", " jókst", " rose", " fell", " dróst saman",
    " fimmtung", " a fifth", " half", " tvöfaldaðist", " doubled", " á síðasta ári", " last year", " árið 2020",
    " in 2020", " Q1", " H1", " fyrsta ársfjórðungi", " first quarter", " janúar til ágúst", " January–August",
    " stærsti viðskiptafélagi", " largest trading partner", " í 11 ár í röð", " for 11 consecutive years",
    " samkvæmt kínverskum tollyfirvöldum", " according to Chinese customs", " fob", " cif", " the highest since",
    " 2014", " met", " a record", ".", ",", ";", "\n", "\n\n", "-", "–", "(", ")", "**", "<b>", "</b>", "&amp;",
    "# ", "| ", "[", "](x)", "<!--", "-->",
]
_TEXT = st.lists(st.sampled_from(_PIECES) | st.characters(), max_size=80).map("".join)


def check(text: str, language: str, text_format: str = "text") -> None:
    found = extract(text, language, PUBLISHED, text_format=text_format)
    assert len(found.details) == len(found.claims)
    previous = -1
    for claim in found.claims:
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert claim.start >= previous  # in text order
        previous = claim.start
        if claim.sentence_start is not None and claim.sentence_end is not None:
            assert 0 <= claim.sentence_start <= claim.start and claim.end <= claim.sentence_end <= len(text)
        if claim.quantity is not None:
            q = claim.quantity
            assert q.magnitude == q.magnitude and q.magnitude >= 0  # no NaN, no sign: direction says which way
            float(q.numeral)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.sampled_from(["is", "en"]), st.sampled_from(FORMATS))
def test_never_raises_and_offsets_are_valid(text: str, language: str, text_format: str) -> None:
    check(text, language, text_format)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["is", "en", "auto"]))
def test_any_unicode(text: str, language: str) -> None:
    found = extract(text, language, None)
    for claim in found.claims:
        assert text[claim.start : claim.end] == claim.text


MEGABYTE = 1_000_000
#: a megabyte must finish in this many seconds even on a busy two-core machine
BUDGET = 60.0

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n,
    "numbers": lambda n: "1 " * (n // 2),
    "grouped": lambda n: "1.000," * (n // 6),
    "years-and-numbers": lambda n: "5 milljarðar 2020 " * (n // 18),
    "trade-words": lambda n: "exports to China rose 5% to $5bn in 2020 and " * (n // 46),
    "icelandic-trade": lambda n: "útflutningur til Kína jókst um 5% í 5 milljarða króna árið 2020 og " * (n // 67),
    "one-long-line": lambda n: ("Kína og Rússland " * (n // 17)),
    "dots": lambda n: "." * n,
    "parens": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "ands": lambda n: "and " * (n // 4),
    "unicode": lambda n: "ð½€¥\u200b\u0301" * (n // 6),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
@pytest.mark.parametrize("language", ["is", "en"])
def test_adversarial_megabyte_finishes_in_seconds(name: str, language: str) -> None:
    text = ADVERSARIAL[name](MEGABYTE)
    started = time.perf_counter()
    found = extract(text, language, PUBLISHED)
    elapsed = time.perf_counter() - started
    assert elapsed < BUDGET, f"{name}/{language}: {elapsed:.1f} s"
    assert all(text[c.start : c.end] == c.text for c in found.claims[:1000])


@pytest.mark.skipif(not MARKUP, reason="service.extract.markup is not there yet")
@pytest.mark.parametrize("text_format", ["markdown", "html"])
def test_nested_markup_megabyte(text_format: str) -> None:
    depth = MEGABYTE // 12
    text = ("<b><i>" * depth + "5%" + "</i></b>" * depth) if text_format == "html" else ("> " * depth + "**5%**")
    started = time.perf_counter()
    extract(text, "en", PUBLISHED, text_format=text_format)
    assert time.perf_counter() - started < BUDGET


def _seconds(text: str, language: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extract(text, language, PUBLISHED)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("name", ["numbers", "trade-words", "icelandic-trade", "one-long-line"])
@pytest.mark.parametrize("language", ["is", "en"])
def test_time_grows_linearly(name: str, language: str) -> None:
    """Four times the input takes about four times as long (a quadratic step would take sixteen).

    Best of three runs each, and a bound of 10 rather than 4: a shared machine's noise must not
    fail the test, while a quadratic step still would."""
    small, large = ADVERSARIAL[name](25_000), ADVERSARIAL[name](100_000)
    ratio = _seconds(large, language) / max(_seconds(small, language), 1e-3)
    assert ratio < 10, f"{name}/{language}: x{ratio:.1f} for x4 input"
