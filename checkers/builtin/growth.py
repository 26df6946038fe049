"""Growth: "fell 2.9%", "jukust um 35,8%" — the change from the year before, from the series.

Only year-on-year changes are taken; a change over several years is another claim.

The change is computed from two figures of the same source (same reporter side and
authority, same flow and pair): the claim's year and the year before. The base is the
previous year's release that was current when the later figure came out.

Offices compute a year-on-year rate on the *revised* figure for the year before, which the
data may not hold; the computed change is therefore an interval that lets the base have
been revised by up to :data:`BASE_REVISION` (and lets rounded figures be anything they round
from). The claim's written precision gives its own interval ("2.9%" is 2.85-2.95); they
must meet. Direction is the sign: a fall is negative. A claim that does not say which way
(no direction, positive number) is met by a rise or a fall of that size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import explain
from ..base import CheckContext, Checker
from ..claim import Claim, ClaimKind, Flow
from ..interval import claimed_interval, figure_interval, meets, negated, oriented, relative_deviation
from ..judgement import MIRROR_GAP, MirrorTolerance, decide
from ..reference import TradeFigure
from ..verdict import Interval, Label, Reference, Verdict
from . import scope, wording

#: How much an office may have revised the previous year's figure before computing its rate.
BASE_REVISION = 0.01


def _factor_gap(a: Reference, b: Reference) -> float:
    """Two changes compared as growth factors: +43% and +50% are 1.43 and 1.50, 4.7% apart."""
    fa, fb = 1 + a.value / 100, 1 + b.value / 100
    return abs(fa - fb) / max(abs(fa), abs(fb), 1e-300)


GROWTH_TOLERANCE = MirrorTolerance(limit=MIRROR_GAP, gap=_factor_gap, what="relative difference of the growth factors")


@dataclass(frozen=True)
class Change:
    """A change computed from two figures of one source."""

    later: TradeFigure
    base: TradeFigure
    value: float  # percent
    low: float
    high: float


def _base(fig: TradeFigure, previous: Sequence[TradeFigure]) -> TradeFigure | None:
    """The source's previous-year figure to compute ``fig``'s change from: one of the same
    release (same publication date, same precision) first, else the latest published by the
    time ``fig`` was, else the latest there is."""
    same = [p for p in previous if (p.reporter, p.authority, p.currency) == (fig.reporter, fig.authority, fig.currency)]
    if not same:
        return None
    release = [p for p in same if p.published == fig.published]
    if release:
        return next((p for p in release if p.precision == fig.precision), release[0])
    if fig.published is not None:
        before = [p for p in same if p.published is not None and p.published <= fig.published]
        if before:
            return max(before, key=lambda p: p.published)  # type: ignore[arg-type, return-value]
    dated = [p for p in same if p.published is not None]
    return max(dated, key=lambda p: p.published) if dated else same[0]  # type: ignore[arg-type, return-value]


def changes(current: Sequence[TradeFigure], previous: Sequence[TradeFigure]) -> list[Change]:
    """Each figure of the later year paired with its source's figure for the year before."""
    found = []
    for fig in current:
        base = _base(fig, previous)
        if base is None or base.value <= 0 or fig.value < 0:
            continue
        low1, high1 = figure_interval(fig.value, fig.precision)
        low0, high0 = figure_interval(base.value, base.precision)
        low0, high0 = low0 * (1 - BASE_REVISION), high0 * (1 + BASE_REVISION)
        value = (fig.value / base.value - 1) * 100
        found.append(Change(fig, base, value, (low1 / high0 - 1) * 100, (high1 / low0 - 1) * 100))
    return found


def _reference(change: Change, interval: Interval, claimed: float, year: int, either_sign: bool = False) -> Reference:
    fig, base = change.later, change.base
    supports = meets(interval, change.low, change.high)
    if either_sign and not supports:
        supports = meets(negated(interval), change.low, change.high)
        claimed = -claimed if supports else claimed
    return Reference(
        value=round(change.value, 4), unit="percent", source=fig.authority, url=fig.url, reporter=fig.reporter,
        published=fig.published, period=f"{year - 1}-{year}", standing=fig.standing.value, precision="derived",
        supports=supports, deviation=relative_deviation(claimed, change.value),
        note=(f"{year}: {fig.value:.6g} {fig.currency}; {year - 1}: {base.value:.6g} {base.currency} ({base.url}); "
              f"with the {year - 1} figure revised by up to {BASE_REVISION:.0%}: {change.low:.2f}% to {change.high:.2f}%"),
    )


class GrowthChecker(Checker):
    name = "growth"
    version = "0.1.0"
    kinds = frozenset({ClaimKind.GROWTH})
    description = (
        "Percentage change of trade (total, exports, imports) from the year before, computed from each "
        "source's own series."
    )

    def accepts(self, claim: Claim) -> bool:
        """Year-on-year changes only: a change over several years ("from 2015 to 2020") is left
        to other checkers (the example plugin in ``examples/`` takes it)."""
        return (
            claim.kind in self.kinds and claim.quantity is not None and claim.quantity.unit == "percent"
            and claim.flow in (None, Flow.TOTAL, Flow.EXPORT, Flow.IMPORT)
            and (claim.period is None or claim.period.start.year == claim.period.end.year)
        )

    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        assert claim.quantity is not None
        lang = explain.language(context.language)
        quantity, known = oriented(claim.quantity, scope.direction(claim))
        interval = claimed_interval(quantity, claim.qualifier)
        problem = scope.pair_problem(claim) or scope.year_problem(claim, context)
        if problem:
            year = claim.period.start.year if claim.period else "?"
            return self.verdict(Label.UNVERIFIABLE, scope.text(lang, problem, year=year), context, interval=interval)
        assert claim.period is not None and claim.reporter and claim.partner
        year, flow = claim.period.start.year, claim.flow or Flow.TOTAL
        def ask(y: int) -> list[TradeFigure]:
            figures = context.reference.trade_figures(claim.reporter, claim.partner, y, flow)  # type: ignore[arg-type]
            return [f for f in figures if scope.annual(f.status)]

        found = changes(ask(year), ask(year - 1))
        if not found:
            text = scope.text(lang, "no_base", year=year, previous=year - 1)
            return self.verdict(Label.UNVERIFIABLE, text, context, interval=interval)
        refs = [_reference(c, interval, quantity.magnitude, year, either_sign=not known) for c in found]
        own = claim.reporter if flow in (Flow.EXPORT, Flow.IMPORT) else None
        decision = decide(refs, claim.cited_source, published=context.published, tolerance=GROWTH_TOLERANCE, own=own)
        if decision.label is Label.UNVERIFIABLE:
            text = scope.text(lang, "named_missing", source=claim.cited_source)
            return self.verdict(Label.UNVERIFIABLE, text, context, interval=interval, references=refs)
        by_ref = {id(r): c for r, c in zip(refs, found, strict=True)}
        ordered = [*decision.deciding, *decision.caveats]
        lines = [_line(by_ref[id(r)], r, lang) for r in ordered]
        subject = explain.trade_between(flow, claim.reporter, claim.partner, lang, case="þgf")
        how = wording.rule(interval, claim.qualifier, lang)
        span = explain.span(interval, lang)
        if lang == "is":
            head = f"Fullyrt er að breytingin á {subject} frá {year - 1} til {year} hafi verið {span} („{claim.text}“; {how})."
            if not known:
                head += " Ekki kemur fram hvort um aukningu eða samdrátt var að ræða."
        else:
            subject = explain.trade_between(flow, claim.reporter, claim.partner, lang)
            head = f"The claim puts the change in {subject} from {year - 1} to {year} at {span} (\"{claim.text}\": {how})."
            if not known:
                head += " It does not say whether a rise or a fall, so either counts."
        allowance = (
            f"Hver breyting er reiknuð úr tölum sömu heimildar, og leyft er að tala fyrra árs hafi verið endurskoðuð um allt að {explain.percent(BASE_REVISION, lang, signed=False)}."
            if lang == "is" else
            f"Each change is computed from one source's own figures, allowing the {year - 1} figure to have been revised by up to {explain.percent(BASE_REVISION, lang, signed=False)}."
        )
        text = wording.paragraph(
            head, allowance, "; ".join(lines[: len(decision.deciding)]) + ".",
            wording.verdict(decision, lang, GROWTH_TOLERANCE),
            wording.others(lines[len(decision.deciding):], lang),
            wording.by_date(decision, ordered, context.published, lang),
        )
        return self.verdict(
            decision.label, text, context, interval=interval, references=ordered,
            deviation=decision.deciding[0].deviation if decision.deciding else None,
        )


def _line(change: Change, ref: Reference, lang: str) -> str:
    fig, base = change.later, change.base
    side = explain.country_name(fig.reporter, lang, case="ef") if lang == "is" else explain.country_name(fig.reporter, lang, genitive=True)
    y0 = explain.money(base.value, base.currency, lang)
    y1 = explain.money(fig.value, fig.currency, lang)
    value = explain.points(change.value, lang, signed=True)
    low, high = explain.points(change.low, lang), explain.points(change.high, lang)
    if lang == "is":
        return f"{fig.authority} (tölur {side}): {base.year}: {y0}, {fig.year}: {y1}, breyting {value} (á bilinu {low} til {high})"
    return f"{fig.authority} ({side} figures): {base.year} {y0}, {fig.year} {y1}, a change of {value} ({low} to {high})"
