"""Errors of the adapters: a source could not be reached, refused, or answered in a way we cannot read."""

from __future__ import annotations

from checkers.errors import TradecheckError


class AdapterError(TradecheckError):
    """A source failed: names the source, the URL or file, and what went wrong (one line)."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source = source
        self.where = where
        self.problem = problem
        super().__init__(f"{source}: {where}: {problem}")


class FetchError(AdapterError):
    """The request failed: timeout, connection, an HTTP error status, or the time budget ran out."""

    def __init__(self, source: str, where: str, problem: str, status: int | None = None) -> None:
        self.status = status
        super().__init__(source, where, problem)


class ResponseError(AdapterError):
    """The response arrived but is not what the source's format promises (malformed, truncated, an error body)."""
