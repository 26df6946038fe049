"""The checkers tradecheck ships; registered under ``tradecheck.checkers`` like any plugin.

One checker per kind of claim: trade value, balance, growth, share, partner rank and streak.
"""

from .balance import BalanceChecker
from .growth import GrowthChecker
from .partner_rank import PartnerRankChecker
from .share import ShareChecker
from .streak import StreakChecker
from .trade_value import TradeValueChecker

BUILTIN_CHECKERS = (BalanceChecker, GrowthChecker, PartnerRankChecker, ShareChecker, StreakChecker, TradeValueChecker)

__all__ = [
    "BUILTIN_CHECKERS",
    "BalanceChecker",
    "GrowthChecker",
    "PartnerRankChecker",
    "ShareChecker",
    "StreakChecker",
    "TradeValueChecker",
]
