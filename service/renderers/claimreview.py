"""schema.org ClaimReview JSON-LD: one object per judged claim, all drafts in one JSON array.

The objects come from :func:`service.claimreview.claim_reviews`, the same the API answers for
``?format=claimreview``; it is imported when the format is first used.
"""

from __future__ import annotations

import json
from typing import Any

from checkers import InputError

from .findings import CheckedDraft, Renderer, RenderOptions, Tally


def _claim_reviews() -> Any:
    try:
        from ..claimreview import claim_reviews
    except ImportError as exc:  # pragma: no cover - only when the module is missing from an install
        raise InputError(f"the claimreview format is not available: {exc}") from None
    return claim_reviews


class ClaimReviewRenderer(Renderer):
    def __init__(self, options: RenderOptions) -> None:
        super().__init__(options)
        self._count = 0

    def start(self) -> str:
        self._reviews = _claim_reviews()
        return "["

    def draft(self, checked: CheckedDraft) -> str:
        chunks = []
        for review in self._reviews(checked.report, checked.text):
            self._count += 1
            chunks.append(("\n" if self._count == 1 else ",\n") + json.dumps(review, ensure_ascii=False))
        return "".join(chunks)

    def finish(self, tally: Tally) -> str:
        return "\n]\n" if self._count else "]\n"
