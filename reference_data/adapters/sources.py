"""The sources ``tradecheck data`` knows: how to read a saved response of each, and what to cite."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import comtrade, fx, imf, pxweb
from .codes import M49Codes
from .errors import AdapterError
from .observation import Batch, Provenance


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    licence: str
    formats: str  # what ``data import`` reads, for help and errors
    endpoint: str  # cited when a saved response comes without its query URL
    read: Callable[[bytes, Provenance], Batch]
    key_env: str | None = None
    key_header: str | None = None
    attribution: str = ""

    def manifest_entry(self) -> dict[str, str]:
        return {
            "id": f"api-{self.name}",
            "covers": f"rows whose note or source names {self.title}",
            "what": self.title,
            "licence": self.licence,
            "attribution": self.attribution or f"cite {self.title} and the row's url",
        }


SOURCES: dict[str, Source] = {
    "comtrade": Source(
        "comtrade", comtrade.TITLE, comtrade.LICENCE, "API v1 JSON (/data/v1/get or /public/v1/preview)",
        f"{comtrade.BASE_URL}/data/v1/get/C/A/HS", lambda b, p: comtrade.parse(b, p),
        comtrade.KEY_ENV, comtrade.KEY_HEADER, "UN Comtrade Database, United Nations Statistics Division",
    ),
    "imf": Source(
        "imf", imf.TITLE, imf.LICENCE, "SDMX 3.0 XML (IMTS) or legacy SDMX_JSON CompactData (DOT)",
        f"{imf.BASE_URL}/data/dataflow/IMF.STA/IMTS/+", imf.parse, imf.KEY_ENV, imf.KEY_HEADER,
        "International Monetary Fund, International Trade in Goods (by partner country)",
    ),
    "pxweb": Source(
        "pxweb", pxweb.TITLE, pxweb.LICENCE, "PX-Web v1 JSON-stat2", f"{pxweb.BASE_URL}/{pxweb.TABLE}",
        lambda b, p: pxweb.parse(b, p), attribution="Statistics Iceland (Hagstofa Islands)",
    ),
    "ecb": Source(
        "ecb", fx.ECB_TITLE, fx.ECB_LICENCE, "eurofxref-hist CSV (or its zip)", fx.ECB_URL,
        lambda b, p: fx.parse_ecb(b, p), attribution="European Central Bank, euro foreign exchange reference rates",
    ),
    "cbi": Source(
        "cbi", fx.CBI_TITLE, fx.CBI_LICENCE, "Central Bank of Iceland rates CSV (';', decimal commas)",
        "https://www.sedlabanki.is/", fx.parse_cbi, attribution="Central Bank of Iceland (Sedlabanki Islands)",
    ),
}


def source(name: str) -> Source:
    try:
        return SOURCES[name]
    except KeyError:
        raise AdapterError(name, "source", f"unknown source; use one of {', '.join(SOURCES)}") from None


def read_file(
    name: str,
    path: Path,
    *,
    url: str | None = None,
    retrieved: datetime | None = None,
    reporters: Path | None = None,
) -> Batch:
    """Read a saved response of source ``name``.

    The cited URL is ``url``, else (Comtrade) a query rebuilt from the records, else the source's
    endpoint. The retrieval time is ``retrieved``, else the time the body says it was prepared (IMF),
    else the file's modification time. ``reporters`` is Comtrade's ``Reporters.json`` for M49 codes.
    """
    spec = source(name)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise AdapterError(name, str(path), f"cannot read the file: {exc.strerror or exc}") from None
    if url is None:
        url = comtrade.query_url(body) if name == "comtrade" else imf.query_url(body) if name == "imf" else spec.endpoint
    if retrieved is None:
        retrieved = imf.prepared(body) if name == "imf" else None
    if retrieved is None:
        retrieved = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    provenance = Provenance(
        spec.name, spec.title, url, retrieved, spec.licence, sha256=hashlib.sha256(body).hexdigest(), file=str(path)
    )
    if name == "comtrade" and reporters is not None:
        codes = M49Codes.from_reference(comtrade.load_json(reporters.read_bytes(), str(reporters)))
        return comtrade.parse(body, provenance, codes)
    return spec.read(body, provenance)
