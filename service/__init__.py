"""tradecheck's service: text in, a cited :class:`Report` out, over HTTP or from the terminal.

The public surface::

    from service import check_text
    report = check_text("Bilateral trade exceeded $107 billion last year.", published=date(2021, 3, 19))

``Pipeline``, ``Report`` and ``Settings`` are imported on first use, so that ``tradecheck
--version`` and ``python -m service --help`` stay fast and never load the language data.
"""

from __future__ import annotations

import threading
from datetime import date
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .report import Report
    from .settings import Settings

try:
    __version__: str = version("tradecheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    from checkers import __version__

__all__ = ["Pipeline", "Report", "Settings", "__version__", "check_text"]

_LAZY = {"Pipeline": ".pipeline", "Report": ".report", "Settings": ".settings"}
_default: Pipeline | None = None
_default_lock = threading.Lock()


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_pipeline() -> Pipeline:
    """The process-wide pipeline built from the environment (``TRADECHECK_*``), loaded once."""
    global _default
    with _default_lock:
        if _default is None:
            from .pipeline import Pipeline

            _default = Pipeline.load()
        return _default


def check_text(text: str, language: str = "auto", published: date | None = None) -> Report:
    """Check ``text`` with the default pipeline; raises ``InputError`` for unusable input."""
    return default_pipeline().check(text, language=language, published=published)
