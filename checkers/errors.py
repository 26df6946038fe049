"""The one error hierarchy of tradecheck.

Every error that tradecheck raises on purpose derives from :class:`TradecheckError`,
so the API and the CLI can turn it into a 4xx answer or exit code 2 without a traceback.
"""

from __future__ import annotations


class TradecheckError(Exception):
    """Base class of every error tradecheck raises on purpose."""


class InputError(TradecheckError):
    """The text, language, date or options given to tradecheck cannot be used."""

    status_code = 422
    code = "invalid_input"


class InputTooLarge(InputError):
    status_code = 413
    code = "input_too_large"


class CheckerError(TradecheckError):
    """A checker plugin could not be loaded or misbehaved."""


class CheckerLoadError(CheckerError):
    """A checker registered through an entry point failed to load; names the plugin."""

    def __init__(self, name: str, origin: str, reason: str) -> None:
        self.name = name
        self.origin = origin
        self.reason = reason
        super().__init__(f"checker {name!r} ({origin}) failed to load: {reason}")


class ReferenceDataError(TradecheckError):
    """A reference data file is missing or malformed; names the file, row and problem."""

    def __init__(self, path: str, problem: str, row: int | None = None) -> None:
        self.path = path
        self.row = row
        self.problem = problem
        where = f"{path}, row {row}" if row is not None else path
        super().__init__(f"{where}: {problem}")
