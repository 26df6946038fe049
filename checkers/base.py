"""The Checker base class: what a built-in or third-party checker implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from .claim import Claim, ClaimKind
from .reference import ReferenceSource
from .verdict import Interval, Label, Reference, Verdict


@dataclass(frozen=True)
class CheckContext:
    """What a checker knows besides the claim: the data, the article's language and date."""

    reference: ReferenceSource
    language: str = "en"
    published: date | None = None


class Checker(ABC):
    """Subclass this and register the class under the entry-point group ``tradecheck.checkers``.

    ``name`` is stable (it appears in verdicts and SARIF rule ids); ``version`` changes when
    the checker's judgement may change; ``kinds`` lists the claim kinds it may take.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "0.1.0"
    kinds: ClassVar[frozenset[ClaimKind]] = frozenset()
    description: ClassVar[str] = ""

    def accepts(self, claim: Claim) -> bool:
        """Whether this checker takes the claim; override to narrow it further."""
        return claim.kind in self.kinds

    @abstractmethod
    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        """Judge one claim. Raising is allowed: the pipeline turns it into an ``error`` verdict."""

    def verdict(
        self,
        label: Label,
        explanation: str,
        context: CheckContext,
        *,
        interval: Interval | None = None,
        references: list[Reference] | None = None,
        deviation: float | None = None,
    ) -> Verdict:
        """Build a verdict stamped with this checker's name, version and the data version."""
        return Verdict(
            label=label,
            checker=self.name,
            checker_version=self.version,
            explanation=explanation,
            claimed_interval=interval,
            references=references or [],
            deviation=deviation,
            reference_data_version=context.reference.version,
        )
