"""IMF trade by partner: the SDMX 3.0 API (dataflow ``IMF.STA/IMTS``) and the retired SDMX_JSON API (DOT).

SDMX 3.0 (``api.imf.org``) answers StructureSpecificData XML: ``Series COUNTRY="USA"
INDICATOR="XG_FOB_USD" COUNTERPART_COUNTRY="G001" FREQUENCY="A" SCALE="6"`` holding ``Obs
OBS_VALUE TIME_PERIOD``. **OBS_VALUE is already in US dollars although SCALE says 6**: the same
figure came from the old API as 2019551.635133 with UNIT_MULT 6 and from the new one as
2019551635133. Indicators: ``XG_FOB_USD`` exports fob, ``MG_CIF_USD`` imports cif, ``TBG_USD`` the
balance. Areas are ISO alpha-3; ``G001`` is the world and ``G998`` the European Union.

The legacy CompactData JSON (``dataservices.imf.org``, dataset DOT) names areas in ISO alpha-2
(``W00`` world, ``B0`` the EU), indicators ``TXG_FOB_USD``/``TMG_CIF_USD``/``TBG_USD``, and gives
values in units of ``10**UNIT_MULT`` (6 = millions).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from checkers.claim import Flow
from checkers.reference import Standing

from .codes import EU, WORLD, country_name, is_area, iso3_from_iso2
from .errors import ResponseError
from .http import HttpClient
from .observation import Batch, Observation, Provenance

SOURCE = "imf"
TITLE = "IMF International Trade in Goods by partner (IMTS), SDMX 3.0"
LEGACY_TITLE = "IMF Direction of Trade Statistics (DOT), SDMX_JSON CompactData"
LICENCE = "International Monetary Fund data: reuse with attribution under the IMF terms (https://www.imf.org/external/terms.htm)"
BASE_URL = "https://api.imf.org/external/sdmx/3.0"
KEY_ENV = "TRADECHECK_IMF_KEY"
KEY_HEADER = "Ocp-Apim-Subscription-Key"

#: indicator -> (flow, valuation); new names and the legacy DOT ones.
INDICATORS: dict[str, tuple[Flow, str | None]] = {
    "XG_FOB_USD": (Flow.EXPORT, "fob"),
    "MG_CIF_USD": (Flow.IMPORT, "cif"),
    "TBG_USD": (Flow.BALANCE, None),
    "TXG_FOB_USD": (Flow.EXPORT, "fob"),
    "TMG_CIF_USD": (Flow.IMPORT, "cif"),
}
_AGGREGATES = {"G001": WORLD, "G998": EU, "W00": WORLD, "B0": EU}
_MONTH = re.compile(r"^(\d{4})-M?(\d{2})$")


def _area(code: str) -> str | None:
    code = code.strip()
    if code in _AGGREGATES:
        return _AGGREGATES[code]
    if len(code) == 2:
        return iso3_from_iso2(code)
    return code if is_area(code) else None


def _period(text: str) -> tuple[int, int | None] | None:
    if re.fullmatch(r"\d{4}", text):
        return int(text), None
    if match := _MONTH.match(text):
        return int(match[1]), int(match[2])
    return None


def _observation(
    series: dict[str, str],
    period: str,
    raw: str,
    scale: int,
    provenance: Provenance,
    batch: Batch,
    note: str,
    dataset: str = "IMF IMTS",
) -> None:
    indicator = series.get("INDICATOR", "")
    if indicator not in INDICATORS:
        batch.skipped[f"indicator {indicator}"] += 1
        return
    reporter = _area(series.get("COUNTRY") or series.get("REF_AREA") or "")
    partner = _area(series.get("COUNTERPART_COUNTRY") or series.get("COUNTERPART_AREA") or "")
    if reporter is None or partner is None:
        batch.skipped["an area that is not a country, the world or the EU"] += 1
        return
    when = _period(period)
    if when is None:
        batch.skipped[f"period {period!r} (not a year or month)"] += 1
        return
    try:
        value = Decimal(raw) * (Decimal(10) ** scale)
    except InvalidOperation:
        raise ResponseError(SOURCE, provenance.file or provenance.query_url, f"OBS_VALUE {raw!r} is not a number") from None
    flow, valuation = INDICATORS[indicator]
    if value < 0 and flow is not Flow.BALANCE:
        batch.skipped["negative value"] += 1
        return
    batch.observations.append(
        Observation(
            reporter=reporter,
            partner=partner,
            year=when[0],
            month=when[1],
            flow=flow,
            value=value,
            currency="USD",
            valuation=valuation,
            authority=f"{dataset} ({country_name(reporter)}-reported)",
            standing=Standing.COMPILED,
            provenance=provenance,
            note=f"IMF indicator {indicator}; {note}",
        )
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def prepared(body: bytes) -> datetime | None:
    """The ``Prepared`` time in an SDMX message header, if any (when the IMF produced the response)."""
    match = re.search(rb"<(?:\w+:)?Prepared>([^<]+)</", body[:4000]) or re.search(rb'"Prepared"\s*:\s*"([^"]+)"', body[:4000])
    if not match:
        return None
    text = match[1].decode("ascii", "replace")
    text = re.sub(r"(\.\d{6})\d*", r"\1", text).replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def parse_sdmx3(body: bytes, provenance: Provenance) -> Batch:
    """Map an SDMX 3.0 StructureSpecificData XML body. SCALE is reported in the note, not applied."""
    where = provenance.file or provenance.query_url
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ResponseError(SOURCE, where, f"not well-formed XML ({exc}); the body may be truncated") from None
    if _local(root.tag) == "Error":
        raise ResponseError(SOURCE, where, f"SDMX error message: {' '.join(root.itertext()).strip()[:200]}")
    if _local(root.tag) != "StructureSpecificData":
        raise ResponseError(SOURCE, where, f"expected an SDMX StructureSpecificData message, got <{_local(root.tag)}>")
    batch = Batch(provenance=[provenance])
    for series in (e for e in root.iter() if _local(e.tag) == "Series"):
        attrs = dict(series.attrib)
        note = f"OBS_VALUE taken as US dollars (the series says SCALE={attrs.get('SCALE', '')}, which the IMTS API does not apply)"
        for obs in (e for e in series if _local(e.tag) == "Obs"):
            if "OBS_VALUE" not in obs.attrib or "TIME_PERIOD" not in obs.attrib:
                batch.skipped["an observation without a value"] += 1
                continue
            _observation(attrs, obs.attrib["TIME_PERIOD"], obs.attrib["OBS_VALUE"], 0, provenance, batch, note)
    return batch


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def parse_legacy(body: bytes, provenance: Provenance) -> Batch:
    """Map a legacy SDMX_JSON CompactData body; values are scaled by ``10**UNIT_MULT``."""
    where = provenance.file or provenance.query_url
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResponseError(SOURCE, where, f"not valid JSON ({exc}); the body may be truncated") from None
    try:
        dataset = document["CompactData"]["DataSet"]
    except (KeyError, TypeError):
        raise ResponseError(SOURCE, where, "expected CompactData.DataSet") from None
    batch = Batch(provenance=[provenance])
    for series in _listed((dataset or {}).get("Series")):
        attrs = {k.lstrip("@"): v for k, v in series.items() if k.startswith("@")}
        try:
            scale = int(attrs.get("UNIT_MULT", "0"))
        except ValueError:
            raise ResponseError(SOURCE, where, f"UNIT_MULT {attrs.get('UNIT_MULT')!r} is not a whole number") from None
        note = f"legacy DOT value x 10^{scale} (UNIT_MULT={scale})"
        for obs in _listed(series.get("Obs")):
            if "@OBS_VALUE" not in obs or "@TIME_PERIOD" not in obs:
                batch.skipped["an observation without a value"] += 1
                continue
            _observation(attrs, obs["@TIME_PERIOD"], obs["@OBS_VALUE"], scale, provenance, batch, note, "IMF DOTS")
    return batch


def parse(body: bytes, provenance: Provenance) -> Batch:
    """Either format, told apart by the first non-blank byte."""
    first = body.lstrip()[:1]
    return parse_sdmx3(body, provenance) if first == b"<" else parse_legacy(body, provenance)


def _years(years: Sequence[int]) -> str:
    return f"ge:{min(years)}+le:{max(years)}"


def keys(reporters: Sequence[str], partners: Sequence[str]) -> Iterator[str]:
    """One series key per reporter: COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY."""
    counterpart = "+".join({WORLD: "G001", EU: "G998"}.get(p, p) for p in partners) or "*"
    for reporter in reporters:
        yield f"{reporter}.XG_FOB_USD+MG_CIF_USD.{counterpart}.A"


def pull(
    client: HttpClient, reporters: Sequence[str], partners: Sequence[str], years: Sequence[int], base_url: str = BASE_URL
) -> Batch:
    plan = list(keys(reporters, partners))
    client.total = len(plan)
    batch = Batch()
    for key in plan:
        answer = client.get(
            f"{base_url}/data/dataflow/IMF.STA/IMTS/+/{key}",
            params={"c[TIME_PERIOD]": _years(years)},
            label=f"IMF IMTS {key}",
        )
        provenance = Provenance(SOURCE, TITLE, answer.url, answer.retrieved, LICENCE, sha256=answer.sha256)
        batch.extend(parse_sdmx3(answer.body, provenance))
    return batch


LEGACY_URL = "http://dataservices.imf.org/REST/SDMX_JSON.svc/CompactData/DOT"


def query_url(body: bytes, base_url: str = BASE_URL) -> str:
    """A query that returns the series of ``body`` (for a response saved without its URL)."""
    dims: dict[str, set[str]] = {}
    periods: set[str] = set()
    legacy = body.lstrip()[:1] != b"<"
    try:
        if legacy:
            dataset = json.loads(body.decode("utf-8-sig"))["CompactData"]["DataSet"] or {}
            for series in _listed(dataset.get("Series")):
                for dim in ("FREQ", "REF_AREA", "INDICATOR", "COUNTERPART_AREA"):
                    dims.setdefault(dim, set()).add(str(series.get("@" + dim, "")))
                periods.update(str(o.get("@TIME_PERIOD", "")) for o in _listed(series.get("Obs")))
        else:
            for element in ET.fromstring(body).iter():
                if _local(element.tag) == "Series":
                    for dim in ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "FREQUENCY"):
                        dims.setdefault(dim, set()).add(element.attrib.get(dim, ""))
                elif _local(element.tag) == "Obs":
                    periods.add(element.attrib.get("TIME_PERIOD", ""))
    except (ValueError, KeyError, TypeError, AttributeError, ET.ParseError):
        return LEGACY_URL if legacy else f"{base_url}/data/dataflow/IMF.STA/IMTS/+"
    key = ".".join("+".join(sorted(v for v in values if v)) or "*" for values in dims.values())
    periods.discard("")
    if legacy:
        span = f"?startPeriod={min(periods)[:4]}-01-01&endPeriod={max(periods)[:4]}-12-31" if periods else ""
        return f"{LEGACY_URL}/{key}{span}"
    span = f"?c%5BTIME_PERIOD%5D=ge%3A{min(periods)}%2Ble%3A{max(periods)}" if periods else ""
    return f"{base_url}/data/dataflow/IMF.STA/IMTS/+/{key}{span}"
