"""The checkers tradecheck ships; registered under ``tradecheck.checkers`` like any plugin."""

from .partner_rank import PartnerRankChecker
from .trade_value import TradeValueChecker

BUILTIN_CHECKERS = (PartnerRankChecker, TradeValueChecker)

__all__ = ["BUILTIN_CHECKERS", "PartnerRankChecker", "TradeValueChecker"]
