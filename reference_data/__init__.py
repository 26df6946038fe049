"""tradecheck's shipped reference data: cited trade figures, partner ranks and shares, and FX rates.

The one public surface::

    from reference_data import load_store
    store = load_store()            # the shipped data, or $TRADECHECK_DATA_DIR if set
    store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)
    store.partner_figures("USA", 2023, Flow.TOTAL)     # every partner, WLD and blocs included
    store.partner_shares("RUS", 2023, Flow.EXPORT)     # CIA World Factbook and official shares
    store.fx_rate("ISK", 2020)                         # preferred complete annual average per USD

Area codes (which are countries, which are blocs) are in :mod:`reference_data.areas`. The data
files and their columns are documented in ``reference_data/data/README.md``.
"""

from __future__ import annotations

import os
from pathlib import Path

from checkers.errors import ReferenceDataError

from . import versions
from .areas import AGGREGATES, Area, AreaKind, is_country
from .coverage import Coverage, FxCoverage, PairCoverage, RankCoverage, ShareCoverage
from .records import CitedFxRate, CitedShare
from .store import FX_PREFERENCE, ReferenceStore, load

#: The folder of the data files shipped with the package.
DATA_DIR = Path(__file__).resolve().parent / "data"

#: Environment variable naming another data folder, used when ``load_store`` gets no folder.
DATA_DIR_ENV = "TRADECHECK_DATA_DIR"


def load_store(data_dir: Path | str | None = None) -> ReferenceStore:
    """Load, verify (MANIFEST.json checksums) and validate the data files in ``data_dir``.

    ``None`` means ``$TRADECHECK_DATA_DIR`` when it is set and not empty, else :data:`DATA_DIR`.
    Any problem raises :class:`ReferenceDataError` naming the file, row and column.
    """
    if data_dir is None:
        data_dir = os.environ.get(DATA_DIR_ENV) or DATA_DIR
    return load(versions.resolve(Path(data_dir)))


__all__ = [
    "AGGREGATES",
    "DATA_DIR",
    "DATA_DIR_ENV",
    "FX_PREFERENCE",
    "Area",
    "AreaKind",
    "CitedFxRate",
    "CitedShare",
    "Coverage",
    "FxCoverage",
    "PairCoverage",
    "RankCoverage",
    "ReferenceDataError",
    "ReferenceStore",
    "ShareCoverage",
    "is_country",
    "load_store",
]
