"""schema.org ClaimReview JSON-LD for each checked claim of a report.

One ClaimReview per claim that a checker judged; claims no checker covers (``not_checked``)
and claims whose checker failed (``error``) are left out, since nothing was reviewed.

The rating scale (``reviewRating``), with the label always given as ``alternateName``:

=============  ===========  ===========================================================
label          ratingValue  meaning
=============  ===========  ===========================================================
contradicted   1            the named source, or every primary source, contradicts it
disputed       2            sources of equal standing disagree about it
supported      3            the source it rests on supports it
unverifiable   (none)       in scope, but no reference data: no value on the scale
=============  ===========  ===========================================================

``worstRating`` is 1 and ``bestRating`` 3. ``ratingExplanation`` is the verdict's
explanation, in the article's language. The reference figures' sources are ``citation``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from checkers import Label

from . import __version__
from .report import CheckedClaim, Report

RATING_VALUES = {Label.CONTRADICTED: 1, Label.DISPUTED: 2, Label.SUPPORTED: 3}
WORST_RATING, BEST_RATING = 1, 3
REVIEWED = (Label.SUPPORTED, Label.CONTRADICTED, Label.DISPUTED, Label.UNVERIFIABLE)


def sentence(claim: CheckedClaim, text: str | None) -> str:
    """The sentence the claim stands in, when the original text is at hand; else the claim's span."""
    if text is not None and claim.sentence_start is not None and claim.sentence_end is not None:
        found = text[claim.sentence_start:claim.sentence_end].strip()
        if found:
            return " ".join(found.split())
    return claim.text


def _rating(claim: CheckedClaim) -> dict[str, Any]:
    verdict = claim.verdict
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": verdict.label.value,
        "worstRating": WORST_RATING,
        "bestRating": BEST_RATING,
        "ratingExplanation": verdict.explanation,
    }
    if verdict.label in RATING_VALUES:
        rating["ratingValue"] = RATING_VALUES[verdict.label]
    return rating


def _citations(claim: CheckedClaim) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for ref in claim.verdict.references:
        if not ref.url or ref.url in seen:
            continue
        work: dict[str, Any] = {"@type": "CreativeWork", "url": ref.url, "name": ref.source}
        if ref.published:
            work["datePublished"] = ref.published.isoformat()
        seen[ref.url] = work
    return list(seen.values())


def claim_review(claim: CheckedClaim, report: Report, text: str | None = None, reviewed: date | None = None) -> dict[str, Any]:
    """The ClaimReview of one checked claim."""
    verdict = claim.verdict
    item: dict[str, Any] = {"@type": "Claim", "text": claim.text}
    if report.published:
        item["datePublished"] = report.published.isoformat()
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": (reviewed or date.today()).isoformat(),
        "inLanguage": report.language,
        "claimReviewed": sentence(claim, text),
        "author": {
            "@type": "Organization",
            "name": "tradecheck",
            "description": f"checker {verdict.checker} {verdict.checker_version}; "
                           f"reference data {verdict.reference_data_version or report.reference_data_version}",
        },
        "isBasedOn": {
            "@type": "SoftwareApplication",
            "name": f"tradecheck {verdict.checker}",
            "softwareVersion": verdict.checker_version,
            "applicationSuite": f"tradecheck {__version__}",
        },
        "reviewRating": _rating(claim),
        "itemReviewed": item,
    }
    citations = _citations(claim)
    if citations:
        review["citation"] = citations
    return review


def claim_reviews(report: Report, text: str | None = None, reviewed: date | None = None) -> list[dict[str, Any]]:
    """ClaimReview JSON-LD for every claim a checker judged, in text order.

    ``text`` is the checked text (for ``claimReviewed``, the claim's sentence); ``reviewed``
    the review's date (today when not given).
    """
    return [claim_review(c, report, text, reviewed) for c in report.claims if c.verdict.label in REVIEWED]
