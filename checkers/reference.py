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


class FxRate(BaseModel):
    """An annual average exchange rate: ``per_usd`` units of ``currency`` buy one US dollar."""

    model_config = ConfigDict(frozen=True)

    currency: str
    year: int
    per_usd: float
    source: str
    url: str
    published: date | None
    method: str  # e.g. "mean of 255 daily ECB reference rates"
    observations: int | None = None
    status: str = "complete"  # complete | partial: a partial year is not an annual average
    note: str = ""


class ShareFigure(BaseModel):
    """A cited share: ``partner`` took ``share`` percent of ``country``'s exports (or imports)."""

    model_config = ConfigDict(frozen=True)

    country: str
    partner: str  # ISO alpha-3, or a bloc code such as EUU
    year: int  # the year the figure is about
    flow: Flow  # export or import
    share: float  # percent
    source: str  # e.g. "CIA World Factbook, 2021 edition"
    url: str
    published: date | None
    standing: Standing = Standing.OFFICIAL
    status: str = "confirmed"
    note: str = ""


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

    def partner_figures(self, reporter: str, year: int, flow: Flow) -> Sequence[TradeFigure]:
        """Everything ``reporter`` reports for ``year`` and ``flow`` with each partner (and the
        world as partner ``WLD``), for ranks and shares. Empty when the data has no table."""
        ...

    def partner_shares(self, country: str, year: int, flow: Flow) -> Sequence[ShareFigure]:
        """Cited shares of ``country``'s exports or imports by partner for ``year``."""
        ...

    def fx_rate(self, currency: str, year: int) -> FxRate | None:
        """The annual average rate of ``currency`` against the US dollar, with its source."""
        ...
