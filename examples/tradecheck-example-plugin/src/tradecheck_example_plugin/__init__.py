"""An example tradecheck plugin: changes in trade over several years."""

from .change import MultiYearChangeChecker

__all__ = ["MultiYearChangeChecker"]
