"""Trade balances: "a deficit of 418 billion", "afgangur", "óhagstæð um 231,8 milljarða".

Direction is the sign: a deficit is negative, a surplus positive (from the claim's direction,
or a negative quantity). A claim that does not say which ("a trade balance of 5 billion") is
met by a surplus or a deficit of that size, and the explanation says so. The figures, all
read from the claim's reporter's side:

* each side's stated balance (the partner's balance with the sign reversed: its surplus is
  the reporter's deficit in mirror statistics);
* where an office states exports and imports but no balance, exports minus imports of the
  same release (imports valued as the exports are, when both valuations are given).

Balances are differences of two large flows, so two sides' balances differ relatively more
than their flows do: the mirror tolerance is :data:`BALANCE_GAP`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import explain
from ..base import CheckContext
from ..claim import Claim, ClaimKind, Flow
from ..judgement import MirrorTolerance
from ..reference import TradeFigure
from ..verdict import Interval
from . import scope, wording
from .evidence import Evidence
from .figures import FigureChecker

#: Two reporter sides' balances for the same pair routinely differ by this much (relative).
BALANCE_GAP = 0.25


def _flipped(fig: TradeFigure) -> TradeFigure:
    return fig.model_copy(update={"value": -fig.value})


def _derived(exports: Sequence[TradeFigure], imports: Sequence[TradeFigure], reporter: str) -> list[TradeFigure]:
    """``reporter``'s balance as exports minus imports of the same office and release, once
    for each valuation of the imports the release gives (fob and cif bases both occur)."""
    found = []
    for x in exports:
        for m in imports:
            if (m.authority, m.published, m.currency) != (x.authority, x.published, x.currency):
                continue
            precision = "rounded" if "rounded" in (x.precision, m.precision) else "derived"
            basis = f"{x.valuation or '?'}/{m.valuation or '?'}"
            found.append(x.model_copy(update={
                "flow": Flow.BALANCE, "value": x.value - m.value, "precision": precision, "valuation": basis,
                "note": f"exports ({x.valuation or 'valuation not stated'}) minus imports "
                        f"({m.valuation or 'valuation not stated'}) as {x.authority} reports them",
                "reporter": reporter,
            }))
    return found


def _one_basis(group: list[Evidence]) -> Evidence:
    """Of one release's balances on different valuation bases, the one that supports the claim,
    else the closest: a claim may rest on either convention (fob/fob or fob/cif)."""
    supporting = [e for e in group if e.reference.supports]
    if supporting:
        return supporting[0]
    return min(group, key=lambda e: abs(e.reference.deviation) if e.reference.deviation is not None else float("inf"))


class BalanceChecker(FigureChecker):
    name = "balance"
    version = "0.1.0"
    kinds = frozenset({ClaimKind.BALANCE})
    description = (
        "Trade balance (surplus or deficit) of a country with a partner or the world in a calendar year, "
        "from stated balances or exports minus imports, read from the claim's side."
    )
    tolerance = MirrorTolerance(limit=BALANCE_GAP, what="relative difference of the two sides' balances")
    signed = True

    def figures(self, claim: Claim, year: int, context: CheckContext) -> Sequence[tuple[TradeFigure, bool]]:
        assert claim.reporter and claim.partner
        a, b, ref = claim.reporter, claim.partner, context.reference

        def ask(flow: Flow) -> list[TradeFigure]:
            return [f for f in ref.trade_figures(a, b, year, flow) if scope.annual(f.status)]

        stated = ask(Flow.BALANCE)
        found: list[tuple[TradeFigure, bool]] = [(f, False) if f.reporter == a else (_flipped(f), True) for f in stated]
        have = {(f.reporter, f.authority, f.published) for f in stated}
        exports = ask(Flow.EXPORT)  # a's exports; b's imports from a
        imports = ask(Flow.IMPORT)  # a's imports; b's exports to a
        own = _derived([f for f in exports if f.reporter == a], [f for f in imports if f.reporter == a], a)
        theirs = _derived([f for f in imports if f.reporter == b], [f for f in exports if f.reporter == b], b)
        found += [(f, False) for f in own if (f.reporter, f.authority, f.published) not in have]
        found += [(_flipped(f), True) for f in theirs if (f.reporter, f.authority, f.published) not in have]
        return found

    def select(self, evidence: list[Evidence]) -> list[Evidence]:
        groups: dict[tuple[object, ...], list[Evidence]] = {}
        for e in evidence:
            derived = e.figure.valuation is not None and "/" in e.figure.valuation
            key = (e.figure.reporter, e.figure.authority, e.figure.published, e.mirrored) if derived else (id(e),)
            groups.setdefault(key, []).append(e)
        return [_one_basis(group) if len(group) > 1 else group[0] for group in groups.values()]

    def subject(self, claim: Claim, lang: str) -> str:
        return explain.trade_between(Flow.BALANCE, claim.reporter, claim.partner, lang)

    def shown(self, ev: Evidence, lang: str) -> str:
        value, currency = ev.figure.value, ev.figure.currency
        size = explain.money(abs(value), currency, lang)
        if lang == "is":
            return f"{'halli' if value < 0 else 'afgangur'} {size}"
        return f"{'a deficit' if value < 0 else 'a surplus'} of {size}"

    def claim_sentence(self, claim: Claim, interval: Interval, lang: str, year: int, either_sign: bool = False) -> str:
        if either_sign:
            return self._unsigned_sentence(claim, interval, lang, year)
        deficit = interval.high <= 0
        size = interval.model_copy(update={
            "low": -interval.high, "high": -interval.low,
            "low_inclusive": interval.high_inclusive, "high_inclusive": interval.low_inclusive,
        }) if deficit else interval
        how = wording.rule(interval, claim.qualifier, lang)
        subject = self.subject(claim, lang)
        if lang == "is":
            kind = "óhagstæður og hallinn" if deficit else "hagstæður og afgangurinn"
            return (f"Fullyrt er að {subject} árið {year} hafi verið {kind} {explain.span(size, lang)} "
                    f"(„{claim.text}“; {how}).")
        kind = "a deficit" if deficit else "a surplus"
        return f"The claim puts {subject} in {year} at {kind} of {explain.span(size, lang)} (\"{claim.text}\": {how})."

    def _unsigned_sentence(self, claim: Claim, interval: Interval, lang: str, year: int) -> str:
        how = wording.rule(interval, claim.qualifier, lang)
        subject = self.subject(claim, lang)
        if lang == "is":
            return (f"Fullyrt er að {subject} árið {year} hafi verið {explain.span(interval, lang)} "
                    f"(„{claim.text}“; {how}); ekki kemur fram hvort um afgang eða halla var að ræða.")
        return (f"The claim puts {subject} in {year} at {explain.span(interval, lang)} (\"{claim.text}\": {how}); "
                f"it does not say whether a surplus or a deficit, so either counts.")
