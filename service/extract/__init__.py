"""Extraction: text in, claims out, per language.

``extract`` picks the language (or detects it), finds the publication date (from the
request, else from the text), runs that language's front end and assembles claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


TEXT_FORMATS = ("text", "markdown", "html")


def extract(
    text: str, language: str = "auto", published: date | None = None, text_format: str = "text"
) -> Extraction:
    """Claims in ``text``; for Markdown and HTML only the prose is read, and every claim's
    offsets still point into ``text`` as given."""
    if text_format == "text":
        prose, to_original = text, None
    else:
        from .markup import to_prose

        reading = to_prose(text, text_format)
        prose, to_original = reading.text, reading.original_offset
    lang = detect_language(prose) if language == "auto" else language
    source = "request" if published else "none"
    if published is None:
        published = find_published(prose)
        source = "text" if published else "none"
    if not prose.strip():
        return Extraction([], lang, published, source)
    claims = assemble(_FRONT_ENDS[lang](prose, published), prose, lang, published)
    if to_original is not None:
        claims = [_relocate(c, text, to_original) for c in claims]
    return Extraction(claims, lang, published, source)


def _relocate(claim: Claim, original: str, to_original: Callable[[int], int]) -> Claim:
    """Move a claim found in the prose back onto the original text's offsets."""
    start, end = to_original(claim.start), to_original(claim.end)
    update: dict[str, object] = {"start": start, "end": end, "text": original[start:end]}
    if claim.sentence_start is not None and claim.sentence_end is not None:
        update |= {"sentence_start": to_original(claim.sentence_start), "sentence_end": to_original(claim.sentence_end)}
    return claim.model_copy(update=update)


__all__ = ["LANGUAGES", "TEXT_FORMATS", "Extraction", "detect_language", "extract", "find_published"]
