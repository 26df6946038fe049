"""What a checker answers about a claim."""

from __future__ import annotations

import math
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator


class Label(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"
    UNVERIFIABLE = "unverifiable"
    NOT_CHECKED = "not_checked"
    ERROR = "error"


class Interval(BaseModel):
    """The set of true values a claim admits, with the rule that produced it."""

    model_config = ConfigDict(frozen=True)

    low: float
    high: float
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str
    rule: str = Field(description="plain-language statement of how the interval was derived")

    def contains(self, value: float) -> bool:
        above = value >= self.low if self.low_inclusive else value > self.low
        below = value <= self.high if self.high_inclusive else value < self.high
        return above and below

    @field_validator("low", mode="before")
    @classmethod
    def _open_low(cls, value: float | None) -> float:
        return -math.inf if value is None else value

    @field_validator("high", mode="before")
    @classmethod
    def _open_high(cls, value: float | None) -> float:
        return math.inf if value is None else value

    @field_serializer("low", "high")
    def _finite_or_none(self, value: float) -> float | None:
        # JSON has no infinity: an open end is null.
        return value if math.isfinite(value) else None


class Reference(BaseModel):
    """One reference figure a verdict rests on, with its citation and how it judged the claim."""

    model_config = ConfigDict(frozen=True)

    value: float
    unit: str
    source: str = Field(description="reporting authority, e.g. 'China GACC (General Administration of Customs)'")
    url: str
    reporter: str | None = Field(default=None, description="whose statistics: ISO alpha-3 of the reporter side")
    published: date | None = None
    period: str | None = None
    standing: str = Field(default="official", description="official | compiled | press")
    precision: str = Field(default="exact", description="exact | rounded | derived")
    supports: bool | None = Field(default=None, description="whether this figure alone supports the claim")
    deviation: float | None = Field(default=None, description="relative deviation of the claim from this figure")
    note: str | None = None


class Verdict(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: Label
    checker: str
    checker_version: str
    explanation: str
    claimed_interval: Interval | None = None
    references: list[Reference] = Field(default_factory=list)
    deviation: float | None = Field(default=None, description="relative deviation from the deciding figure")
    reference_data_version: str | None = None
