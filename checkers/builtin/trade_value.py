"""The value of trade between two countries in a year: total, exports or imports.

Both reporter sides answer: for China's exports to Russia, China's own export figure and
Russia's import figure (the mirror). A claim in a currency other than a figure's is carried
into the figure's currency at the year's annual average rate (:mod:`checkers.fx`). A
country's trade with the world is asked about with the partner ``WLD``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import explain
from ..base import CheckContext
from ..claim import Claim, ClaimKind, Flow
from ..reference import TradeFigure
from . import scope
from .figures import FigureChecker


class TradeValueChecker(FigureChecker):
    name = "trade-value"
    version = "0.2.0"
    kinds = frozenset({ClaimKind.TRADE_VALUE})
    description = (
        "Value of goods trade between two countries, or of a country with the world, in a calendar "
        "year (total, exports, imports), against each reporter side's figures, in any currency."
    )

    def accepts(self, claim: Claim) -> bool:
        return super().accepts(claim) and claim.flow in (Flow.TOTAL, Flow.EXPORT, Flow.IMPORT)

    def figures(self, claim: Claim, year: int, context: CheckContext) -> Sequence[tuple[TradeFigure, bool]]:
        assert claim.reporter and claim.partner
        found = context.reference.trade_figures(claim.reporter, claim.partner, year, claim.flow or Flow.TOTAL)
        return [(f, False) for f in found if scope.annual(f.status)]

    def subject(self, claim: Claim, lang: str) -> str:
        return explain.trade_between(claim.flow, claim.reporter, claim.partner, lang)
