"""What extraction finds in a text: a numeric claim, its quantity, period and entities."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class ClaimKind(StrEnum):
    TRADE_VALUE = "trade_value"
    BALANCE = "balance"
    GROWTH = "growth"
    SHARE = "share"
    PARTNER_RANK = "partner_rank"
    STREAK = "streak"
    OTHER = "other"


class Flow(StrEnum):
    TOTAL = "total"
    EXPORT = "export"
    IMPORT = "import"
    BALANCE = "balance"


class Qualifier(StrEnum):
    """How the written number relates to the true value."""

    EXACT = "exact"  # "107 billion": the value rounded to the written precision
    OVER = "over"  # yfir, meira en, more than, exceeded
    JUST_OVER = "just_over"  # rúmlega, ríflega, just over
    UNDER = "under"  # undir, minna en, less than
    JUST_UNDER = "just_under"  # tæplega, just under
    ABOUT = "about"  # um, u.þ.b., í kringum, about, roughly
    NEARLY = "nearly"  # nærri, næstum, nearly, almost
    AT_LEAST = "at_least"  # að minnsta kosti, at least
    UP_TO = "up_to"  # allt að, up to
    RANGE = "range"  # á bilinu A til B, between A and B


class Quantity(BaseModel):
    """A number with its unit, in base units (1.07e11 USD, not 107 billion).

    ``numeral`` is the number as written, normalised to a dot decimal ("107", "107.76"),
    and ``scale`` the multiplier the text applied to it (1e9 for "milljörðum"): together
    they give the written precision that the claimed interval is built from.
    """

    model_config = ConfigDict(frozen=True)

    magnitude: float
    unit: str = Field(description='ISO 4217 currency code, "percent", "year" or "count"')
    numeral: str = Field(description="the number as written, dot decimal, no grouping")
    scale: float = 1.0
    high: float | None = Field(default=None, description="upper end of a range, base units")
    high_numeral: str | None = None


class Period(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(start=date(year, 1, 1), end=date(year, 12, 31))

    @property
    def is_calendar_year(self) -> bool:
        return (
            self.start.year == self.end.year
            and (self.start.month, self.start.day) == (1, 1)
            and (self.end.month, self.end.day) == (12, 31)
        )


class Claim(BaseModel):
    """One number in the text, understood as far as extraction could.

    ``start`` and ``end`` are character offsets into the original text, so that
    ``text == original[start:end]`` always holds.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    kind: ClaimKind = ClaimKind.OTHER
    quantity: Quantity | None = None
    qualifier: Qualifier = Qualifier.EXACT
    period: Period | None = None
    reporter: str | None = Field(default=None, description="ISO 3166 alpha-3 of the reporting country")
    partner: str | None = Field(default=None, description="ISO 3166 alpha-3 of the partner")
    flow: Flow | None = None
    rank: int | None = None
    direction: str | None = Field(
        default=None, description='what the words say of the sign: "increase", "decrease", "surplus" or "deficit"'
    )
    valuation: str | None = Field(default=None, description="fob or cif, when the text says")
    compared_with: Period | None = Field(
        default=None, description='the period a change is measured against ("á sama tíma fyrir ári", "year on year")'
    )
    comparison: str | None = Field(default=None, description='"record", "highest_since" ... when the text compares')
    since: int | None = Field(default=None, description='the year of "the highest since 2014"')
    series: int | None = Field(
        default=None, description="claims with the same number are about one series (\"fell 2.9% to 107.76 bn\")"
    )
    cited_source: str | None = Field(
        default=None, description='the source the text names, e.g. "CHN" for "according to Chinese customs"'
    )
    language: str = "is"
    sentence_start: int | None = None
    sentence_end: int | None = None
