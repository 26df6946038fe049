"""Extraction: text in, claims out, per language.

``extract`` picks the language (or detects it), finds the publication date (from the
request, else from the text), runs that language's front end and assembles claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from checkers import Claim

from . import english, icelandic
from .assemble import assemble
from .published import find_published

LANGUAGES = ("auto", "is", "en")
_FRONT_ENDS = {"is": icelandic.read, "en": english.read}

_IS_LETTERS = re.compile(r"[ðþæöÐÞÆÖ]")
_IS_WORDS = re.compile(r"\b(?:og|að|í|á|er|sem|um|til|með|við|hefur|voru|það)\b", re.I)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|was|with|has|that|for|by)\b", re.I)
_SAMPLE = 20_000


@dataclass(frozen=True)
class Extraction:
    claims: list[Claim]
    language: str
    published: date | None
    published_source: str  # request | text | none


def detect_language(text: str) -> str:
    """'is' or 'en', from Icelandic letters and common function words in the first 20,000 characters."""
    sample = text[:_SAMPLE]
    icelandic_score = 3 * len(_IS_LETTERS.findall(sample)) + len(_IS_WORDS.findall(sample))
    english_score = len(_EN_WORDS.findall(sample))
    return "is" if icelandic_score > english_score else "en"


def extract(text: str, language: str = "auto", published: date | None = None) -> Extraction:
    lang = detect_language(text) if language == "auto" else language
    source = "request" if published else "none"
    if published is None:
        published = find_published(text)
        source = "text" if published else "none"
    if not text.strip():
        return Extraction([], lang, published, source)
    facts = _FRONT_ENDS[lang](text, published)
    return Extraction(assemble(facts, text, lang, published), lang, published, source)


__all__ = ["LANGUAGES", "Extraction", "detect_language", "extract", "find_published"]
