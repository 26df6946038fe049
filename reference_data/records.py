"""The store's answers where the checker protocol's models carry less than the data files do.

Each is a subclass of the protocol model it answers for, so a checker that knows only
``checkers.reference`` still gets a valid :class:`~checkers.reference.ShareFigure` or
:class:`~checkers.reference.FxRate`; the extra fields are there for whoever reads them.
"""

from __future__ import annotations

from datetime import date

from checkers.reference import FxRate, ShareFigure, Standing


class CitedShare(ShareFigure):
    """A share with the same citation fields a trade figure has."""

    standing: Standing
    precision: str  # exact | rounded | derived
    status: str  # see SHARE_STATUSES in reference_data.schema
    edition: int | None = None  # the edition of a yearly publication (CIA World Factbook), if any


class CitedFxRate(FxRate):
    """An annual average rate, with the authority that set the daily rates and how complete the year is."""

    authority: str  # ECB | CBI
    status: str  # complete | partial: a partial year is not an annual average
    first_day: date
    last_day: date
