"""tradecheck's shipped reference data: cited trade figures, partner ranks and shares, and FX rates.

The one public surface::

    from reference_data import load_store
    store = load_store()            # the shipped data, or $TRADECHECK_DATA_DIR if set
    store.trade_figures("CHN", "RUS", 2020, Flow.TOTAL)
    store.partner_figures("USA", 2023, Flow.TOTAL)     # every partner, WLD and blocs included
    store.partner_shares("RUS", 2023, Flow.EXPORT)     # CIA World Factbook and official shares
    store.fx_rate("ISK", 2020)                         # preferred complete annual average per USD

Two stores answer the same look-ups the same way (``store.engine`` says which one was loaded):

- ``csv``: the CSV files, validated row by row and indexed in dicts. Quick to start on small data;
- ``columnar``: Parquet files (``tradecheck data compact``) read once by DuckDB into arrays, for
  full tables (millions of rows) at about 50 bytes a row.

:func:`load_store` picks the columnar store when the version's MANIFEST.json lists Parquet files,
else the CSV store; ``TRADECHECK_STORE=csv`` or ``=columnar`` forces one. Area codes (which are
countries, which are blocs) are in :mod:`reference_data.areas`. The data files and their columns are
documented in ``reference_data/data/README.md``.
"""

from __future__ import annotations

import os
from pathlib import Path

from checkers.errors import ReferenceDataError

from . import columnar, versions
from .areas import AGGREGATES, Area, AreaKind, is_country
from .coverage import Coverage, FxCoverage, PairCoverage, RankCoverage, ShareCoverage
from .records import CitedFxRate, CitedShare
from .store import FX_PREFERENCE, ReferenceStore, load

#: The folder of the data files shipped with the package.
DATA_DIR = Path(__file__).resolve().parent / "data"

#: Environment variable naming another data folder, used when ``load_store`` gets no folder.
DATA_DIR_ENV = "TRADECHECK_DATA_DIR"
#: Environment variable forcing a store: ``csv`` or ``columnar`` (unset or empty: chosen by the data).
STORE_ENV = "TRADECHECK_STORE"
ENGINES = ("csv", columnar.ENGINE)


def store_engine(version_dir: Path | str) -> str:
    """The store :func:`load_store` uses for ``version_dir`` (a resolved version): ``$TRADECHECK_STORE``
    when set, else ``columnar`` when its MANIFEST.json lists Parquet files, else ``csv``."""
    forced = os.environ.get(STORE_ENV, "").strip().lower()
    if forced:
        if forced not in ENGINES:
            raise ReferenceDataError(STORE_ENV, f"{forced!r} is not a store ({', '.join(ENGINES)})")
        return forced
    return columnar.ENGINE if columnar.parquet_files(Path(version_dir)) else "csv"


def load_store(data_dir: Path | str | None = None) -> ReferenceStore:
    """Load, verify (MANIFEST.json checksums) and validate the data version in ``data_dir``.

    ``None`` means ``$TRADECHECK_DATA_DIR`` when it is set and not empty, else :data:`DATA_DIR`.
    The store is chosen by :func:`store_engine`. Any problem raises :class:`ReferenceDataError`
    naming the file, row and column.
    """
    if data_dir is None:
        data_dir = os.environ.get(DATA_DIR_ENV) or DATA_DIR
    version_dir = versions.resolve(Path(data_dir))
    if store_engine(version_dir) == columnar.ENGINE:
        return columnar.load(version_dir)
    return load(version_dir)


__all__ = [
    "AGGREGATES",
    "DATA_DIR",
    "DATA_DIR_ENV",
    "ENGINES",
    "FX_PREFERENCE",
    "STORE_ENV",
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
    "store_engine",
]
