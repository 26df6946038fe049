"""What checkers may ask of reference data.

Checkers never import the shipped data package: they receive an object that satisfies
:class:`ReferenceSource`. The service passes its store; tests and plugin authors may pass
:class:`checkers.testing.MemoryReference`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from .claim import Flow


class Standing(StrEnum):
    """How directly a figure comes from the statistics it reports."""

    OFFICIAL = "official"  # a national authority's own figure (customs, statistical office, ministry)
    COMPILED = "compiled"  # an international compilation of reporters' figures (IMF DOTS, Comtrade)
    PRESS = "press"  # reported in the press without naming the authority


class TradeFigure(BaseModel):
    """One cited figure: what ``reporter`` says it traded with ``partner`` in ``year``."""

    model_config = ConfigDict(frozen=True)

    reporter: str
    partner: str
    year: int
    flow: Flow
    value: float  # base units of ``currency``
    currency: str
    authority: str
    standing: Standing
    precision: str  # exact | rounded | derived
    valuation: str | None  # fob | cif | None
    url: str
    published: date | None
    status: str
    note: str = ""


class RankFigure(BaseModel):
    """A cited statement of who was ``country``'s partner of rank ``rank`` in ``year``."""

    model_config = ConfigDict(frozen=True)

    country: str
    year: int
    rank: int
    partner: str
    measure: str  # total | export | import
    authority: str
    standing: Standing
    status: str
    url: str
    published: date | None
    statement: str


@runtime_checkable
class ReferenceSource(Protocol):
    """The look-ups a checker may make."""

    @property
    def version(self) -> str: ...

    def trade_figures(self, country_a: str, country_b: str, year: int, flow: Flow) -> Sequence[TradeFigure]:
        """Figures for trade between two countries in one year, from both reporter sides.

        For ``flow`` export, ``country_a``'s exports to ``country_b`` as ``country_a`` reports
        them and ``country_b``'s imports from ``country_a`` as ``country_b`` reports them (the
        mirror); import is the reverse; total and balance are symmetric in the pair.
        """
        ...

    def partner_ranks(self, country: str, year: int, rank: int = 1) -> Sequence[RankFigure]:
        """Cited statements of ``country``'s partner of the given rank in ``year``."""
        ...
