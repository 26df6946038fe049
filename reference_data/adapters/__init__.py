"""Adapters to the official sources: fetch or read a response, map it to our codes, units and rows.

The one public surface::

    from reference_data.adapters import read_file, apply
    batch = read_file("comtrade", Path("response.json"))      # a saved response
    tables, counts = apply(batch, base_version_dir)            # rows merged into that version's tables

Per source (each module documents its format and gotchas): :mod:`.comtrade` (UN Comtrade API v1),
:mod:`.imf` (IMF SDMX 3.0 IMTS and the legacy SDMX_JSON DOT), :mod:`.pxweb` (Statistics Iceland
PX-Web JSON-stat2), :mod:`.fx` (ECB and Central Bank of Iceland rates). All HTTP goes through
:class:`.http.HttpClient`. Adapters are never called while answering a request.
"""

from __future__ import annotations

from .codes import M49Codes
from .errors import AdapterError, FetchError, ResponseError
from .http import HttpClient, Progress, Response, RetryPolicy
from .observation import TOTAL, AnnualRate, Batch, Observation, Provenance
from .sources import SOURCES, Source, read_file, source
from .table import DETAILS, FX, OWN_SCHEMAS, TRADE, Table, apply, derive, file_schema

__all__ = [
    "DETAILS",
    "FX",
    "OWN_SCHEMAS",
    "SOURCES",
    "TOTAL",
    "TRADE",
    "AdapterError",
    "AnnualRate",
    "Batch",
    "FetchError",
    "HttpClient",
    "M49Codes",
    "Observation",
    "Progress",
    "Provenance",
    "ResponseError",
    "Response",
    "RetryPolicy",
    "Source",
    "Table",
    "apply",
    "derive",
    "file_schema",
    "read_file",
    "source",
]
