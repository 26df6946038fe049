"""tradecheck's plugin API: the only package a third-party checker imports.

A checker subclasses :class:`Checker`, takes :class:`Claim` objects of the kinds it declares,
reads a :class:`ReferenceSource`, and returns a :class:`Verdict`.
"""

from .base import CheckContext, Checker
from .claim import Claim, ClaimKind, Flow, Period, Qualifier, Quantity
from .errors import (
    CheckerError,
    CheckerLoadError,
    InputError,
    InputTooLarge,
    ReferenceDataError,
    TradecheckError,
)
from .fx import FX_BAND, Conversion, convert
from .interval import (
    claimed_interval,
    figure_interval,
    meets,
    oriented,
    precision_unit,
    relative_deviation,
    written_interval,
)
from .judgement import MIRROR_GAP, Decision, MirrorTolerance, decide
from .reference import FxRate, RankFigure, ReferenceSource, ShareFigure, Standing, TradeFigure
from .registry import ENTRY_POINT_GROUP, CheckerRegistry, LoadedChecker
from .verdict import Interval, Label, Reference, Verdict

__version__ = "0.1.0"

__all__ = [
    "FX_BAND",
    "Conversion",
    "MirrorTolerance",
    "convert",
    "figure_interval",
    "meets",
    "oriented",
    "ENTRY_POINT_GROUP",
    "MIRROR_GAP",
    "CheckContext",
    "Checker",
    "CheckerError",
    "CheckerLoadError",
    "CheckerRegistry",
    "Claim",
    "ClaimKind",
    "Decision",
    "Flow",
    "FxRate",
    "InputError",
    "InputTooLarge",
    "Interval",
    "Label",
    "LoadedChecker",
    "Period",
    "Qualifier",
    "Quantity",
    "RankFigure",
    "Reference",
    "ReferenceDataError",
    "ReferenceSource",
    "ShareFigure",
    "Standing",
    "TradeFigure",
    "TradecheckError",
    "Verdict",
    "claimed_interval",
    "decide",
    "precision_unit",
    "relative_deviation",
    "written_interval",
]
