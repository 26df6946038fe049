"""The response body of ``POST /v1/check`` and of ``tradecheck check --format json``."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from checkers import Claim, Verdict

#: Bump the major part when a field changes meaning or disappears; the minor part when one is added.
SCHEMA_VERSION = "1.1"


class CheckedClaim(Claim):
    """A claim as found in the text, with the verdict of the checker that took it."""

    verdict: Verdict


class Summary(BaseModel):
    claims: int = 0
    by_label: dict[str, int] = Field(default_factory=dict)


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    language: str = Field(description="language the text was read as: is or en")
    published: date | None = Field(description="publication date the periods were resolved against")
    published_source: str = Field(description="request | text | none: where the publication date came from")
    reference_data_version: str
    claims: list[CheckedClaim] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
