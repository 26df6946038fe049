"""Statistics Iceland external trade through PX-Web API v1, answered as JSON-stat 2.0.

A table (e.g. ``UTA06201``, imports by SITC and country) is queried by POSTing
``{"query": [...], "response": {"format": "json-stat2"}}``; every code must be listed (``"filter":
"all"`` is refused). What the answers teach:

- values are **ISK million** although the response never says so; cells are laid out row-major
  over ``id``/``size`` with the last dimension varying fastest, and a cell may be ``null``;
- labels carry a trailing no-break space (``"China\\u00a0"``), so they are stripped;
- months are written ``2020M01``;
- there is **no all-countries total code**: a world total has to be summed, which is only right
  when every country code of the table was asked for (the pull does that; see ``world_total``);
- the ``Unit`` dimension names the flow and valuation (``Import cif``, ``Export fob``);
- the ``updated`` stamp is not trustworthy (2005 on a 2026 response) and is not used.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from itertools import product
from typing import Any

from checkers.claim import Flow
from checkers.reference import Standing

from .codes import WORLD, iso2_from_iso3, iso3_from_iso2
from .errors import ResponseError
from .http import HttpClient
from .observation import TOTAL, Batch, Observation, Provenance

SOURCE = "pxweb"
TITLE = "Statistics Iceland PX-Web API v1 (external trade)"
LICENCE = "Statistics Iceland (Hagstofa Islands) data: free reuse with attribution to Statistics Iceland"
AUTHORITY = "Statistics Iceland"
BASE_URL = "https://px.hagstofa.is/pxen/api/v1/en"
TABLE = "Efnahagur/utanrikisverslun/1_voruvidskipti/01_voruskipti/UTA06201.px"
SCALE = Decimal(1_000_000)  # ISK million
_TIME = re.compile(r"^(\d{4})(?:M(\d{2}))?$")
_TOTAL_LABEL = re.compile(r"\b(total|alls|samtals)\b", re.IGNORECASE)


def _label(text: str) -> str:
    return text.replace("\u00a0", " ").strip()


def _flow(unit_label: str) -> tuple[Flow, str | None] | None:
    text = unit_label.lower()
    valuation = "cif" if "cif" in text else "fob" if "fob" in text else None
    if "import" in text or "innflutning" in text:
        return Flow.IMPORT, valuation
    if "export" in text or "útflutning" in text:
        return Flow.EXPORT, valuation
    return None


def _codes(dimension: dict[str, Any]) -> list[str]:
    index = dimension["category"]["index"]
    if isinstance(index, list):
        return [str(c) for c in index]
    return [code for code, _ in sorted(index.items(), key=lambda item: item[1])]


def _cells(document: dict[str, Any], total: int) -> list[Any]:
    values = document.get("value")
    if isinstance(values, dict):  # the sparse form: {"position": value}
        dense: list[Any] = [None] * total
        for position, value in values.items():
            dense[int(position)] = value
        return dense
    if not isinstance(values, list) or len(values) != total:
        got = len(values) if isinstance(values, list) else type(values).__name__
        raise ResponseError(SOURCE, "response", f"'value' holds {got} cells, the dimension sizes make {total}")
    return values


def parse(body: bytes, provenance: Provenance, world_total: bool = False) -> Batch:
    """Map a JSON-stat2 body of a trade-by-country table; ``world_total`` adds summed ``WLD`` rows."""
    where = provenance.file or provenance.query_url
    try:
        document = json.loads(body.decode("utf-8-sig"), parse_float=Decimal, parse_int=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResponseError(SOURCE, where, f"not valid JSON ({exc}); the body may be truncated") from None
    if not isinstance(document, dict) or document.get("class") != "dataset":
        raise ResponseError(SOURCE, where, "expected a JSON-stat 2.0 dataset (class 'dataset')")
    try:
        ids = [str(i) for i in document["id"]]
        sizes = [int(s) for s in document["size"]]
        dims = {i: document["dimension"][i] for i in ids}
        codes = {i: _codes(dims[i]) for i in ids}
        labels = {i: {c: _label(str(t)) for c, t in dims[i]["category"].get("label", {}).items()} for i in ids}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResponseError(SOURCE, where, f"malformed JSON-stat dimensions ({type(exc).__name__}: {exc})") from None
    if [len(codes[i]) for i in ids] != sizes:
        raise ResponseError(SOURCE, where, "the dimension sizes do not match their category lists")
    time_id = ((document.get("role") or {}).get("time") or [None])[0] or next((i for i in ids if i.lower() in ("month", "year", "time")), None)
    country_id = next((i for i in ids if i.lower() in ("country", "land", "countries")), None)
    unit_id = next((i for i in ids if i.lower() in ("unit", "eining")), None)
    if time_id is None or country_id is None or unit_id is None:
        raise ResponseError(SOURCE, where, f"expected time, Country and Unit dimensions, got {ids}")
    total = 1
    for size in sizes:
        total *= size
    cells = _cells(document, total)
    batch = Batch(provenance=[provenance])
    world: dict[tuple[int, int | None, Flow, str | None, str], Decimal] = defaultdict(Decimal)
    for position, combo in enumerate(product(*(codes[i] for i in ids))):
        cell = dict(zip(ids, combo, strict=True))
        value = cells[position]
        if value is None:
            batch.skipped["no value (missing or confidential)"] += 1
            continue
        when = _TIME.match(cell[time_id])
        flow = _flow(labels[unit_id].get(cell[unit_id], cell[unit_id]))
        if when is None or flow is None:
            batch.skipped["a period or unit this adapter does not read"] += 1
            continue
        year, month = int(when[1]), int(when[2]) if when[2] else None
        others = [i for i in ids if i not in (time_id, country_id, unit_id)]
        commodity = TOTAL
        for dim in others:
            code = cell[dim]
            if not _TOTAL_LABEL.search(labels[dim].get(code, "")):
                commodity = f"{dim}:{code}"
        amount = Decimal(value) * SCALE
        world[(year, month, flow[0], flow[1], commodity)] += amount
        partner = iso3_from_iso2(cell[country_id])
        if partner is None:
            batch.skipped[f"partner {cell[country_id]} ({labels[country_id].get(cell[country_id], '')}) has no ISO 3166 code"] += 1
            continue
        if amount == 0:
            batch.skipped["zero value"] += 1
            continue
        batch.observations.append(_observation(partner, year, month, flow, commodity, amount, provenance, "ISK million x 1000000"))
    if world_total:
        count = len(codes[country_id])
        for (year, month, flow_, valuation, commodity), amount in world.items():
            batch.observations.append(
                _observation(
                    WORLD, year, month, (flow_, valuation), commodity, amount, provenance,
                    f"derived: sum over all {count} partner codes of the table (it has no total code)", "derived",
                )
            )
    return batch


def _observation(
    partner: str,
    year: int,
    month: int | None,
    flow: tuple[Flow, str | None],
    commodity: str,
    value: Decimal,
    provenance: Provenance,
    note: str,
    precision: str = "exact",
) -> Observation:
    return Observation(
        reporter="ISL",
        partner=partner,
        year=year,
        month=month,
        flow=flow[0],
        value=value,
        currency="ISK",
        valuation=flow[1],
        commodity=commodity,
        authority=AUTHORITY,
        standing=Standing.OFFICIAL,
        provenance=provenance,
        precision=precision,
        note=f"PX-Web {provenance.query_url.rsplit('/', 1)[-1]}; {note}",
    )


def query(metadata: dict[str, Any], partners: Sequence[str], years: Sequence[int], commodity: str | None) -> dict[str, Any]:
    """The POST body for ``years``: every country code (or the partners'), every unit, one commodity."""
    parts = []
    wanted_years = {str(y) for y in years}
    for variable in metadata.get("variables", []):
        code, values = variable["code"], [str(v) for v in variable["values"]]
        texts = [_label(str(t)) for t in variable.get("valueTexts", values)]
        if variable.get("time") or code.lower() in ("month", "year"):
            chosen = [v for v in values if v[:4] in wanted_years]
        elif code.lower() == "country":
            chosen = [c for c in (iso2_from_iso3(p) for p in partners) if c] if partners else values
        elif code.lower() == "unit":
            chosen = values
        else:
            if commodity:
                chosen = [commodity]
            else:
                chosen = [v for v, t in zip(values, texts, strict=False) if _TOTAL_LABEL.search(t)][:1]
                if not chosen:
                    shown = ", ".join(f"{v} ({t})" for v, t in list(zip(values, texts, strict=False))[:8])
                    raise ResponseError(SOURCE, "table metadata", f"no total in {code}; choose one with --commodity: {shown}")
        parts.append({"code": code, "selection": {"filter": "item", "values": chosen}})
    return {"query": parts, "response": {"format": "json-stat2"}}


def pull(
    client: HttpClient,
    partners: Sequence[str],
    years: Sequence[int],
    *,
    table: str = TABLE,
    commodity: str | None = None,
    base_url: str = BASE_URL,
) -> Batch:
    url = f"{base_url}/{table}"
    client.total = len(years) + 1
    meta = client.get(url, label="PX-Web table metadata")
    try:
        metadata = json.loads(meta.body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResponseError(SOURCE, url, f"table metadata is not valid JSON ({exc})") from None
    batch = Batch()
    for year in years:
        body = query(metadata, partners, [year], commodity)
        answer = client.post(url, json=body, label=f"PX-Web {table.rsplit('/', 1)[-1]} {year}")
        provenance = Provenance(SOURCE, TITLE, answer.url, answer.retrieved, LICENCE, sha256=answer.sha256)
        batch.extend(parse(answer.body, provenance, world_total=not partners))
    return batch
