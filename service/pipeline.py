"""Text in, report out: the one path shared by the API and the CLI."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date

from checkers import (
    CheckContext,
    CheckerRegistry,
    Claim,
    InputError,
    InputTooLarge,
    Label,
    ReferenceSource,
    Verdict,
)

from .extract import LANGUAGES, TEXT_FORMATS, extract
from .report import CheckedClaim, Report, Summary
from .settings import Settings

log = logging.getLogger("tradecheck")

UNCHECKED = "none"


class Pipeline:
    """Extraction, the checker registry and the reference data, put together once."""

    def __init__(self, registry: CheckerRegistry, reference: ReferenceSource, settings: Settings | None = None) -> None:
        self.registry = registry
        self.reference = reference
        self.settings = settings or Settings()

    @classmethod
    def load(cls, settings: Settings | None = None) -> Pipeline:
        """Load checkers and data; raises CheckerLoadError or ReferenceDataError naming the culprit."""
        from reference_data import load_store

        settings = settings or Settings.from_env()
        registry = CheckerRegistry.discover(only=settings.checkers)
        return cls(registry, load_store(settings.data_dir), settings)

    def validate(self, text: str, language: str, text_format: str = "text") -> None:
        if text_format not in TEXT_FORMATS:
            raise InputError(f"unknown text format {text_format!r}: use one of {', '.join(TEXT_FORMATS)}")
        if language not in LANGUAGES:
            raise InputError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
        size = len(text.encode("utf-8", errors="surrogatepass"))
        if size > self.settings.max_text_bytes:
            raise InputTooLarge(f"text is {size} bytes; the limit is {self.settings.max_text_bytes}")

    def check(
        self, text: str, language: str = "auto", published: date | None = None, text_format: str = "text"
    ) -> Report:
        self.validate(text, language, text_format)
        found = extract(text, language, published, text_format)
        context = CheckContext(reference=self.reference, language=found.language, published=found.published)
        checked = [CheckedClaim(**claim.model_dump(), verdict=self._judge(claim, context)) for claim in found.claims]
        counts = Counter(c.verdict.label.value for c in checked)
        return Report(
            language=found.language,
            published=found.published,
            published_source=found.published_source,
            reference_data_version=self.reference.version,
            claims=checked,
            summary=Summary(claims=len(checked), by_label=dict(sorted(counts.items()))),
        )

    def _judge(self, claim: Claim, context: CheckContext) -> Verdict:
        checker = self.registry.for_claim(claim)
        if checker is None:
            return Verdict(
                label=Label.NOT_CHECKED,
                checker=UNCHECKED,
                checker_version="",
                explanation=_not_checked(claim, context.language),
                reference_data_version=self.reference.version,
            )
        try:
            return checker.check(claim, context)
        except Exception as exc:  # a checker's failure is its verdict, never the request's
            log.exception("checker %s failed on %r", checker.name, claim.text)
            return Verdict(
                label=Label.ERROR,
                checker=checker.name,
                checker_version=checker.version,
                explanation=f"checker {checker.name} failed: {type(exc).__name__}: {exc}",
                reference_data_version=self.reference.version,
            )


def _not_checked(claim: Claim, language: str) -> str:
    if language == "is":
        if claim.kind == "other":
            return "Engin viðskiptafullyrðing: enginn yfirlesari tekur slíkar tölur."
        return f"Enginn uppsettur yfirlesari tekur fullyrðingar af tegundinni {claim.kind}."
    if claim.kind == "other":
        return "Not a trade claim: no checker covers this kind of number."
    return f"No installed checker takes {claim.kind} claims with these details."
