"""The check shared by claims about one figure of trade in a year: a value or a balance.

:class:`FigureChecker` builds the claimed interval, asks its subclass for the figures that
answer the claim (each side's own and the mirror), judges each on its own (converting the
claim's currency where the figure is in another), decides the label and explains it.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from .. import explain
from ..base import CheckContext, Checker
from ..claim import Claim, Flow
from ..interval import claimed_interval, oriented
from ..judgement import LEVELS, Decision, MirrorTolerance, decide
from ..reference import TradeFigure
from ..units import is_currency
from ..verdict import Interval, Label, Reference, Verdict
from . import scope, wording
from .evidence import Evidence, conversions, judge_all, line, missing_rates


class FigureChecker(Checker):
    """Base of the trade-value and balance checkers."""

    tolerance: ClassVar[MirrorTolerance] = LEVELS
    #: whether the claim's direction (surplus / deficit) signs its quantity
    signed: ClassVar[bool] = False

    def accepts(self, claim: Claim) -> bool:
        return (
            claim.kind in self.kinds
            and claim.quantity is not None
            and is_currency(claim.quantity.unit)
        )

    @abstractmethod
    def figures(self, claim: Claim, year: int, context: CheckContext) -> Sequence[tuple[TradeFigure, bool]]:
        """The figures that answer ``claim`` for ``year``, each with whether it is a mirror
        figure whose sign was turned to the claim's side."""

    @abstractmethod
    def subject(self, claim: Claim, lang: str) -> str:
        """What the claim is about, as a nominative noun phrase."""

    def own(self, claim: Claim) -> str | None:
        """The reporter whose own trade the claim describes, if it is one country's flow."""
        return claim.reporter if claim.flow in (Flow.EXPORT, Flow.IMPORT, Flow.BALANCE) else None

    def _in_claim_currency(self, evidence: Sequence[Evidence]) -> MirrorTolerance:
        """The mirror tolerance, comparing figures in the claim's currency (EUR and USD figures
        of the two sides are compared after conversion)."""
        values = {id(e.reference): e.figure.value / e.conversion.factor for e in evidence if e.conversion is not None}
        base = self.tolerance

        def gap(a: Reference, b: Reference) -> float:
            return base.gap(
                a.model_copy(update={"value": values.get(id(a), a.value)}),
                b.model_copy(update={"value": values.get(id(b), b.value)}),
            )

        return MirrorTolerance(limit=base.limit, gap=gap, what=base.what)

    def select(self, evidence: list[Evidence]) -> list[Evidence]:
        """The judged figures that go on to the decision (a subclass may drop alternatives)."""
        return evidence

    def shown(self, ev: Evidence, lang: str) -> str:
        """A figure's value in words (a balance says 'a deficit of ...')."""
        return explain.amount(ev.figure.value, ev.figure.currency, lang)

    def claim_sentence(self, claim: Claim, interval: Interval, lang: str, year: int, either_sign: bool = False) -> str:
        """What the claim says, with the interval it stands for and the rule that made it."""
        subject = self.subject(claim, lang)
        span = explain.span(interval, lang)
        how = wording.rule(interval, claim.qualifier, lang)
        if lang == "is":
            return f"Fullyrt er að {subject} árið {year} hafi verið {span} („{claim.text}“; {how})."
        return f"The claim puts {subject} in {year} at {span} (\"{claim.text}\": {how})."

    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        assert claim.quantity is not None
        lang = explain.language(context.language)
        quantity, known = oriented(claim.quantity, scope.direction(claim)) if self.signed else (claim.quantity, True)
        either_sign = not known
        interval = claimed_interval(quantity, claim.qualifier)

        def unverifiable(text: str, evidence: Sequence[Evidence] = ()) -> Verdict:
            refs = [e.reference for e in evidence]
            return self.verdict(Label.UNVERIFIABLE, text, context, interval=interval, references=refs)

        problem = scope.pair_problem(claim) or scope.year_problem(claim, context)
        if problem:
            year = claim.period.start.year if claim.period else "?"
            return unverifiable(scope.text(lang, problem, year=year))
        assert claim.period is not None
        year = claim.period.start.year
        figures = self.figures(claim, year, context)
        if not figures:
            return unverifiable(scope.text(lang, "no_data", year=year))
        evidence = self.select(judge_all(figures, interval, quantity.magnitude, year, context, either_sign=either_sign))
        decision = decide(
            [e.reference for e in evidence], claim.cited_source, published=context.published,
            tolerance=self._in_claim_currency(evidence), own=self.own(claim),
        )
        if decision.label is Label.UNVERIFIABLE:
            if decision.reason == "named_source_missing":
                text = scope.text(lang, "named_missing", source=claim.cited_source)
                return unverifiable(wording.paragraph(text, wording.others(self._lines(evidence, lang), lang)), evidence)
            currencies = ", ".join(missing_rates(evidence))
            return unverifiable(scope.text(lang, "no_rate", year=year, currencies=currencies), evidence)
        ordered = [self._find(evidence, r) for r in (*decision.deciding, *decision.caveats)]
        text = self.explain(claim, interval, decision, ordered, lang, year, context, either_sign)
        deviation = decision.deciding[0].deviation if decision.deciding else None
        return self.verdict(
            decision.label, text, context, interval=interval, references=[e.reference for e in ordered],
            deviation=deviation,
        )

    @staticmethod
    def _find(evidence: Sequence[Evidence], ref: object) -> Evidence:
        return next(e for e in evidence if e.reference is ref)

    def _lines(self, evidence: Sequence[Evidence], lang: str) -> list[str]:
        return [line(e, lang, self.shown(e, lang)) for e in evidence]

    def explain(
        self, claim: Claim, interval: Interval, decision: Decision, ordered: list[Evidence], lang: str, year: int,
        context: CheckContext, either_sign: bool = False,
    ) -> str:
        assert claim.quantity is not None
        deciding = ordered[: len(decision.deciding)]
        caveats = ordered[len(decision.deciding):]
        head = self.claim_sentence(claim, interval, lang, year, either_sign)
        figures = "; ".join(self._deviation(e, lang) for e in deciding) + "."
        refs = [e.reference for e in ordered]
        return wording.paragraph(
            head,
            figures,
            wording.verdict(decision, lang, self.tolerance),
            " ".join(f"{explain.capitalised(c)}." for c in conversions(ordered, claim.quantity.magnitude, lang)),
            wording.others(self._lines(caveats, lang), lang),
            wording.differences(refs, lang, [e.figure.valuation for e in ordered]),
            wording.by_date(decision, refs, context.published, lang),
        )

    def _deviation(self, ev: Evidence, lang: str) -> str:
        text = line(ev, lang, self.shown(ev, lang))
        dev = ev.reference.deviation
        if dev is None:
            return text
        shown = explain.percent(dev, lang)
        return text + (f" (frávik uppgefinnar tölu {shown})" if lang == "is" else f" (the written figure is {shown} off)")
