"""UN Comtrade API v1: goods trade, annual and monthly, totals and HS chapters.

Response envelope: ``{"elapsedTime", "count", "data": [record, ...], "error": ""}``. No data is
**HTTP 200 with count 0 and data []**, not an error. A record's ``primaryValue`` is the CIF value
for imports and the FOB value for exports (whichever of ``cifvalue``/``fobvalue`` is present), in
US dollars. Areas are Comtrade M49 codes (USA = 842); see :mod:`.codes`.

The keyed endpoint (``/data/v1/get``, key in ``TRADECHECK_COMTRADE_KEY``) returns up to 250 000
records; without a key the public preview endpoint is used, which returns at most 500, so the pull
asks for one reporter-year at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from checkers.claim import Flow
from checkers.reference import Standing

from .codes import M49Codes, country_name, is_area
from .errors import ResponseError
from .http import HttpClient
from .observation import TOTAL, Batch, Observation, Provenance

SOURCE = "comtrade"
TITLE = "UN Comtrade API v1"
LICENCE = "UN Comtrade data, United Nations terms of use: reuse with attribution to UN Comtrade (https://comtradeplus.un.org)"
BASE_URL = "https://comtradeapi.un.org"
KEY_ENV = "TRADECHECK_COMTRADE_KEY"
KEY_HEADER = "Ocp-Apim-Subscription-Key"
REPORTERS_PATH = "/files/v1/app/reference/Reporters.json"
PREVIEW_LIMIT = 500

_FLOWS = {"X": Flow.EXPORT, "M": Flow.IMPORT}
_TOTALS = {"partner2Code": 0, "motCode": 0, "customsCode": "C00"}  # the breakdowns we do not keep


def load_json(body: bytes, where: str) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResponseError(SOURCE, where, f"not valid JSON ({exc}); the body may be truncated") from None


def envelope(document: Any, where: str) -> list[dict[str, Any]]:
    """The records of a v1 response; raises on an error body, a legacy body, or a count that does not match."""
    if not isinstance(document, dict):
        raise ResponseError(SOURCE, where, "expected a JSON object with 'count' and 'data'")
    if "dataset" in document and "validation" in document:
        raise ResponseError(SOURCE, where, "this is the retired pre-2023 Comtrade API format (dataset/validation); use API v1")
    if "statusCode" in document and "data" not in document:
        raise ResponseError(SOURCE, where, f"error {document.get('statusCode')}: {document.get('message', '')}")
    if document.get("error"):
        raise ResponseError(SOURCE, where, f"the API reports an error: {document['error']}")
    data, count = document.get("data"), document.get("count")
    if not isinstance(data, list) or not isinstance(count, int):
        raise ResponseError(SOURCE, where, "expected 'count' (a number) and 'data' (a list)")
    if count != len(data):
        raise ResponseError(SOURCE, where, f"'count' says {count} records but 'data' holds {len(data)}")
    return data


def _valuation(record: dict[str, Any], value: Decimal) -> str | None:
    if record.get("fobvalue") is not None and Decimal(record["fobvalue"]) == value:
        return "fob"
    if record.get("cifvalue") is not None and Decimal(record["cifvalue"]) == value:
        return "cif"
    return None


def _area(codes: M49Codes, code: Any, iso: Any, year: int) -> str | None:
    if isinstance(code, int) and (found := codes.area(code, year)):
        return found
    return iso if isinstance(iso, str) and is_area(iso) else None


def observation(record: dict[str, Any], provenance: Provenance, codes: M49Codes) -> Observation | str:
    """The observation of one record, or the reason it is left out."""
    if record.get("typeCode", "C") != "C":
        return "not goods (services)"
    flow = _FLOWS.get(record.get("flowCode", ""))
    if flow is None:
        return f"flow {record.get('flowCode')!r} (re-exports/re-imports are not kept)"
    for key, wanted in _TOTALS.items():
        if key in record and record[key] != wanted:
            return f"a breakdown by {key}"
    year, freq = record.get("refYear"), record.get("freqCode")
    if not isinstance(year, int) or freq not in ("A", "M"):
        return "no reference year or an unknown frequency"
    month = record.get("refMonth") if freq == "M" else None
    if month is not None and not (isinstance(month, int) and 1 <= month <= 12):
        return "monthly record without a month"
    reporter = _area(codes, record.get("reporterCode"), record.get("reporterISO"), year)
    partner = _area(codes, record.get("partnerCode"), record.get("partnerISO"), year)
    if reporter is None or partner is None:
        side = "reporter" if reporter is None else "partner"
        return f"{side} area {record.get(side + 'Code')} has no ISO 3166 code"
    value = record.get("primaryValue")
    if value is None:
        return "no primaryValue"
    value = Decimal(value)
    if value < 0:
        return "negative value"
    cmd = str(record.get("cmdCode", ""))
    commodity = TOTAL if cmd == TOTAL else f"{record.get('classificationSearchCode') or 'HS'}:{cmd}"
    valuation = _valuation(record, value)
    return Observation(
        reporter=reporter,
        partner=partner,
        year=year,
        month=month,
        flow=flow,
        value=value,
        currency="USD",
        valuation=valuation,
        commodity=commodity,
        authority=f"UN Comtrade ({country_name(reporter)}-reported)",
        standing=Standing.COMPILED,
        provenance=provenance,
        note=f"Comtrade primaryValue ({valuation or 'valuation not stated'}), classification "
        f"{record.get('classificationCode', '?')}, commodity {cmd}",
    )


def parse(body: bytes, provenance: Provenance, codes: M49Codes | None = None) -> Batch:
    """Map a v1 ``/get`` or ``/preview`` response body to observations (an empty result is an empty batch)."""
    where = provenance.file or provenance.query_url
    records = envelope(load_json(body, where), where)
    codes = codes or M49Codes.builtin()
    batch = Batch(provenance=[provenance])
    for record in records:
        if not isinstance(record, dict):
            raise ResponseError(SOURCE, where, "a record in 'data' is not an object")
        found = observation(record, provenance, codes)
        if isinstance(found, str):
            batch.skipped[found] += 1
        else:
            batch.observations.append(found)
    return batch


def query_url(body: bytes, base_url: str = BASE_URL) -> str:
    """A v1 query that returns the records of ``body`` (for a response saved without its URL)."""
    records = [r for r in envelope(load_json(body, "response"), "response") if isinstance(r, dict)]
    freq = next((r.get("freqCode") for r in records), "A") or "A"
    search = next((r.get("classificationSearchCode") for r in records), "HS") or "HS"

    def values(key: str) -> str:
        return ",".join(sorted({str(r[key]) for r in records if r.get(key) is not None}, key=lambda v: (len(v), v)))

    params = {
        "reporterCode": values("reporterCode"),
        "partnerCode": values("partnerCode"),
        "period": values("period"),
        "cmdCode": values("cmdCode"),
        "flowCode": values("flowCode"),
        "partner2Code": "0",
        "motCode": "0",
        "customsCode": "C00",
    }
    query = urlencode({k: v for k, v in params.items() if v}, safe=",")
    return f"{base_url}/data/v1/get/C/{freq}/{search}" + (f"?{query}" if query else "")


def periods(years: Sequence[int], monthly: bool) -> list[str]:
    return [f"{y}{m:02d}" for y in years for m in range(1, 13)] if monthly else [str(y) for y in years]


def _chunks(items: Sequence[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def pull(
    client: HttpClient,
    reporters: Sequence[str],
    partners: Sequence[str],
    years: Sequence[int],
    *,
    monthly: bool = False,
    commodities: Sequence[str] = (TOTAL,),
    base_url: str = BASE_URL,
) -> Batch:
    """Fetch the reporters' goods trade with the partners (all when empty) and map it."""
    reference = client.get(base_url + REPORTERS_PATH, label="Comtrade Reporters reference")
    codes = M49Codes.from_reference(load_json(reference.body, reference.url))
    freq = "M" if monthly else "A"
    endpoint = f"{base_url}/data/v1/get/C/{freq}/HS" if client.has_key else f"{base_url}/public/v1/preview/C/{freq}/HS"
    per_request = 12 if (client.has_key or partners or monthly) else 1
    plan: list[dict[str, str]] = []
    for reporter in reporters:
        year_for_code = max(years)
        reporter_code = codes.code(reporter, year_for_code)
        partner_codes = ",".join(str(codes.code(p, year_for_code)) for p in partners)
        for chunk in _chunks(periods(years, monthly), per_request):
            params = {
                "reporterCode": str(reporter_code),
                "period": ",".join(chunk),
                "cmdCode": ",".join(commodities),
                "flowCode": "X,M",
                "partner2Code": "0",
                "motCode": "0",
                "customsCode": "C00",
                "includeDesc": "TRUE",
            }
            if partner_codes:
                params["partnerCode"] = partner_codes
            plan.append(params)
    client.total = len(plan) + 1
    batch = Batch()
    for params in plan:
        answer = client.get(endpoint, params=params, label=f"Comtrade {params['reporterCode']} {params['period'][:20]}")
        provenance = Provenance(SOURCE, TITLE, answer.url, answer.retrieved, LICENCE, sha256=answer.sha256)
        part = parse(answer.body, provenance, codes)
        if not client.has_key and len(part.observations) + sum(part.skipped.values()) >= PREVIEW_LIMIT:
            raise ResponseError(SOURCE, answer.url, f"the preview endpoint's {PREVIEW_LIMIT}-record cap was reached; set {KEY_ENV}")
        batch.extend(part)
    return batch
