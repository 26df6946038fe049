"""Contract tests of the Statistics Iceland PX-Web (JSON-stat 2.0) adapter."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from checkers.claim import Flow
from reference_data.adapters import Provenance, ResponseError, derive, pxweb

WHEN = datetime(2026, 3, 11, tzinfo=UTC)


def prov(path: Path) -> Provenance:
    return Provenance("pxweb", pxweb.TITLE, f"{pxweb.BASE_URL}/{pxweb.TABLE}", WHEN, pxweb.LICENCE, file=str(path))


RECORDED = "pxweb/hagstofa_pxweb_v1_UTA06201_SITC01_allcountries_2015M01-2026M01.jsonstat2.json"


def test_recorded_response_units_periods_and_codes(recorded: Callable[[str], Path]) -> None:
    path = recorded(RECORDED)
    document = json.loads(path.read_text())
    batch = pxweb.parse(path.read_bytes(), prov(path))
    countries = list(document["dimension"]["Country"]["category"]["index"])
    months = list(document["dimension"]["Month"]["category"]["index"])
    # one cell checked against the raw layout: row-major, the last dimension fastest (size 1 here)
    row, column = countries.index("DK"), months.index("2020M01")
    raw = document["value"][row * len(months) + column]
    (denmark,) = [o for o in batch.observations if o.partner == "DNK" and (o.year, o.month) == (2020, 1)]
    assert denmark.value == Decimal(str(raw)) * 1_000_000  # ISK million -> ISK
    assert (denmark.currency, denmark.flow, denmark.valuation) == ("ISK", Flow.IMPORT, "cif")
    assert denmark.commodity == "SITC:01" and denmark.reporter == "ISL" and denmark.authority == "Statistics Iceland"
    assert {o.year for o in batch.observations} <= set(range(2015, 2027))
    # labels lose their trailing no-break space; codes without an ISO country are left out, by name
    assert "partner NN (Not specified by country) has no ISO 3166 code" in batch.skipped
    assert not any("\u00a0" in reason for reason in batch.skipped)


def test_recorded_response_world_total_is_summed_over_every_code(recorded: Callable[[str], Path]) -> None:
    path = recorded(RECORDED)
    document = json.loads(path.read_text())
    batch = pxweb.parse(path.read_bytes(), prov(path), world_total=True)
    months = list(document["dimension"]["Month"]["category"]["index"])
    column = months.index("2020M06")
    expected = sum(Decimal(str(document["value"][r * len(months) + column] or 0)) for r in range(document["size"][1]))
    (world,) = [o for o in batch.observations if o.partner == "WLD" and (o.year, o.month) == (2020, 6)]
    assert world.value == expected * 1_000_000 and world.precision == "derived"
    # without world_total there is none: the table has no total code
    assert not [o for o in pxweb.parse(path.read_bytes(), prov(path)).observations if o.partner == "WLD"]


def test_own_fixture_total_commodity_nulls_and_a_derived_year(own: Path) -> None:
    path = own / "pxweb_exports_total_2019.jsonstat2.json"
    batch = pxweb.parse(path.read_bytes(), prov(path))
    assert {o.commodity for o in batch.observations} == {"TOTAL"}
    assert {(o.flow, o.valuation) for o in batch.observations} == {(Flow.EXPORT, "fob")}
    assert batch.skipped["no value (missing or confidential)"] == 1
    china = sorted((o for o in batch.observations if o.partner == "CHN"), key=lambda o: o.month or 0)
    assert len(china) == 12 and china[0].value == Decimal("1500.5") * 1_000_000
    annual = {o.partner: o for o in derive(batch.observations) if o.month is None}
    assert annual["CHN"].value == sum(o.value for o in china)
    assert "USA" not in annual  # June is missing: eleven months are no year


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(value=d["value"][:-1]), "cells"),
        (lambda d: d.update({"class": "collection"}), "JSON-stat"),
        (lambda d: d["dimension"].pop("Unit"), "malformed"),
        (lambda d: d.update(id=["SITC", "Land", "Month"], size=[1, 3, 12]) or d["dimension"].pop("Unit"), "dimensions"),
    ],
)
def test_malformed_documents_raise(own: Path, mutate: Callable[[dict], object], message: str) -> None:
    document = json.loads((own / "pxweb_exports_total_2019.jsonstat2.json").read_text())
    mutate(document)
    with pytest.raises(ResponseError, match=message):
        pxweb.parse(json.dumps(document).encode(), prov(Path("body.json")))


def test_truncated_body_raises(own: Path) -> None:
    body = (own / "pxweb_exports_total_2019.jsonstat2.json").read_bytes()
    with pytest.raises(ResponseError, match="truncated"):
        pxweb.parse(body[: len(body) // 2], prov(Path("body.json")))


def test_query_lists_every_code_and_picks_the_total() -> None:
    metadata = {
        "title": "Exports",
        "variables": [
            {"code": "SITC", "text": "SITC", "values": ["T", "0"], "valueTexts": ["Total\u00a0", "Food"]},
            {"code": "Country", "text": "Country", "values": ["CN", "NN", "US"], "valueTexts": ["China", "n.s.", "US"]},
            {"code": "Month", "text": "Month", "values": ["2018M12", "2019M01", "2019M02"], "time": True},
            {"code": "Unit", "text": "Unit", "values": ["0"], "valueTexts": ["Export fob"]},
        ],
    }
    body = pxweb.query(metadata, [], [2019], None)
    chosen = {part["code"]: part["selection"]["values"] for part in body["query"]}
    assert chosen == {"SITC": ["T"], "Country": ["CN", "NN", "US"], "Month": ["2019M01", "2019M02"], "Unit": ["0"]}
    assert all(part["selection"]["filter"] == "item" for part in body["query"])  # "all" is refused by the API
    assert pxweb.query(metadata, ["CHN"], [2019], "0")["query"][1]["selection"]["values"] == ["CN"]
    metadata["variables"][0]["valueTexts"] = ["Meat", "Food"]
    with pytest.raises(ResponseError, match="--commodity"):
        pxweb.query(metadata, [], [2019], None)
