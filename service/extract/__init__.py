"""Extraction: text in, claims out, per language.

``extract`` picks the language (or detects it), finds the publication date (from the
request, else from the text), runs that language's front end and assembles claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from checkers import Claim

from . import english, icelandic
from .assemble import ClaimDetail, assemble
from .published import find_published

LANGUAGES = ("auto", "is", "en")
_FRONT_ENDS = {"is": icelandic.read, "en": english.read}

_IS_LETTERS = re.compile(r"[ðþæöÐÞÆÖ]")
_IS_WORDS = re.compile(r"\b(?:og|að|í|á|er|sem|um|til|með|við|hefur|voru|það)\b", re.IGNORECASE)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|was|with|has|that|for|by)\b", re.IGNORECASE)
_SAMPLE = 20_000


@dataclass(frozen=True)
class Extraction:
    """The claims of a text; ``details[i]`` holds what ``claims[i]`` has no field for yet."""

    claims: list[Claim]
    language: str
    published: date | None
    published_source: str  # request | text | none
    details: list[ClaimDetail] = field(default_factory=list)


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
        prose, to_original, to_original_end = text, None, None
    else:
        from .markup import to_prose

        reading = to_prose(text, text_format)
        prose, to_original = reading.text, reading.original_offset
        to_original_end = reading.original_end
    lang = detect_language(prose) if language == "auto" else language
    source = "request" if published else "none"
    if published is None:
        published = find_published(prose)
        source = "text" if published else "none"
    if not prose.strip():
        return Extraction([], lang, published, source)
    found = assemble(_FRONT_ENDS[lang](prose, published), prose, lang, published)
    claims = [_with_detail(c, d) for c, d in found]
    if to_original is not None and to_original_end is not None:
        claims = [_relocate(c, text, to_original, to_original_end) for c in claims]
    return Extraction(claims, lang, published, source, [d for _, d in found])


def _with_detail(claim: Claim, detail: ClaimDetail) -> Claim:
    """Copy into the claim what the detail says, for every field :class:`Claim` has for it
    (``direction`` and the like, as the claim model grows); the rest stays in the detail."""
    if not _SHARED_FIELDS:
        return claim
    update = {name: _plain(getattr(detail, name)) for name in _SHARED_FIELDS}
    update = {k: v for k, v in update.items() if v is not None}
    return claim.model_copy(update=update) if update else claim


def _plain(value: object) -> object:
    return str(value) if isinstance(value, StrEnum) else value


_SHARED_FIELDS = tuple(name for name in ("direction", "valuation", "comparison", "since", "series", "compared_with")
                       if name in Claim.model_fields)


def _relocate(
    claim: Claim, original: str, to_original: Callable[[int], int], to_original_end: Callable[[int], int]
) -> Claim:
    """Move a claim found in the prose back onto the original text's offsets; markup that closes
    right after the claim ("**", "</b>") stays outside it."""
    start, end = to_original(claim.start), max(to_original(claim.start), to_original_end(claim.end))
    update: dict[str, object] = {"start": start, "end": end, "text": original[start:end]}
    if claim.sentence_start is not None and claim.sentence_end is not None:
        update |= {"sentence_start": to_original(claim.sentence_start),
                   "sentence_end": to_original_end(claim.sentence_end)}
    return claim.model_copy(update=update)


__all__ = ["LANGUAGES", "TEXT_FORMATS", "ClaimDetail", "Extraction", "detect_language", "extract", "find_published"]
