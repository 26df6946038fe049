"""Contract tests of the IMF adapters: SDMX 3.0 IMTS XML (values in USD despite SCALE 6) and legacy DOT JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from checkers.claim import Flow
from reference_data.adapters import Provenance, ResponseError, imf

WHEN = datetime(2026, 1, 2, tzinfo=UTC)


def prov(path: Path) -> Provenance:
    return Provenance("imf", imf.TITLE, imf.BASE_URL, WHEN, imf.LICENCE, file=str(path))


def values(path: Path) -> dict[tuple[str, str, int, Flow], Decimal]:
    return {(o.reporter, o.partner, o.year, o.flow): o.value for o in imf.parse(path.read_bytes(), prov(path)).observations}


def test_new_and_legacy_api_give_the_same_dollars(recorded: Callable[[str], Path]) -> None:
    """The new API's OBS_VALUE is plain USD (SCALE=6 notwithstanding); the old one's is millions."""
    new = values(recorded("imf/imf_api_sdmx3_data_IMTS_USA.XG_FOB_USD.G001+G998.A_2023-2024.body.xml"))
    old = values(recorded("imf/imf_dataservices_SDMX_JSON_CompactData_DOT_A.US.TXG_FOB_USD.W00+B0_2020-2023.body.json"))
    for partner in ("WLD", "EUU"):
        key = ("USA", partner, 2023, Flow.EXPORT)
        assert new[key] == old[key]
        assert new[key] > Decimal(10) ** 11  # hundreds of billions of dollars, not of millions
    assert set(new) == {("USA", p, y, Flow.EXPORT) for p in ("WLD", "EUU") for y in (2023, 2024)}


def test_new_api_valuation_authority_and_retrieval_time(recorded: Callable[[str], Path]) -> None:
    path = recorded("imf/imf_api_sdmx3_data_IMTS_USA.XG_FOB_USD.G001+G998.A_2023-2024.body.xml")
    batch = imf.parse(path.read_bytes(), prov(path))
    assert {o.valuation for o in batch.observations} == {"fob"}
    assert {o.authority for o in batch.observations} == {"IMF IMTS (United States-reported)"}
    assert all("SCALE=6" in o.note for o in batch.observations)
    assert imf.prepared(path.read_bytes()) == datetime(2025, 12, 16, 5, 16, 36, 306712, tzinfo=UTC)


def test_availability_lists_the_indicators_the_adapter_reads(recorded: Callable[[str], Path]) -> None:
    import json

    document = json.loads(recorded("imf/imf_api_sdmx3_availability_IMTS_USA.INDICATOR.body.json").read_text())
    listed = {v["value"] for r in document["data"]["dataConstraints"][0]["cubeRegions"] for c in r["components"] for v in c["values"]}
    assert listed <= set(imf.INDICATORS)


def test_own_sdmx3_fixture(own: Path) -> None:
    path = own / "imf_sdmx3_imts_ISL.xml"
    batch = imf.parse(path.read_bytes(), prov(path))
    found = {(o.partner, o.year, o.month, o.flow): o for o in batch.observations}
    assert found[("CHN", 2022, None, Flow.EXPORT)].value == Decimal("123456789.5")
    assert found[("CHN", 2022, None, Flow.IMPORT)].valuation == "cif"
    assert found[("WLD", 2022, None, Flow.BALANCE)].value == Decimal("-987654321")
    assert found[("WLD", 2022, 3, Flow.EXPORT)].value == Decimal("410000000")  # 2022-M03
    assert ("CHN", 2023, None, Flow.IMPORT) not in found  # an Obs without OBS_VALUE
    assert sum(batch.skipped.values()) == 2  # that Obs, and the region G110
    assert imf.prepared(path.read_bytes()) == datetime(2026, 1, 5, 10, 20, 30, 123456, tzinfo=UTC)


def test_own_legacy_fixture_with_single_objects_and_unit_mult(own: Path) -> None:
    path = own / "imf_sdmx_json_dot_IS.json"
    (obs,) = imf.parse(path.read_bytes(), prov(path)).observations
    assert (obs.reporter, obs.partner, obs.year, obs.flow) == ("ISL", "WLD", 2021, Flow.IMPORT)
    assert obs.value == Decimal("7812345678") and obs.valuation == "cif"
    assert obs.authority.startswith("IMF DOTS")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<?xml version='1.0'?><message:StructureSpecificData xmlns:message='m'><Series", "not well-formed"),
        (b"<Error><ErrorMessage code='404'>NoResultsFound</ErrorMessage></Error>", "NoResultsFound"),
        (b"<html><body>Bad gateway</body></html>", "StructureSpecificData"),
        (b'{"CompactData": {"DataSet": {"Series": {"@INDICATOR": "TXG_FOB_USD", "@UNIT_MULT": "six"}}}}', "UNIT_MULT"),
        (b'{"CompactData": {"Header": {}}}', "CompactData.DataSet"),
        (b'{"CompactData": {"DataSet": {"Ser', "not valid JSON"),
    ],
)
def test_malformed_bodies_raise(body: bytes, message: str) -> None:
    with pytest.raises(ResponseError, match=message):
        imf.parse(body, prov(Path("body")))


def test_rebuilt_query_url(recorded: Callable[[str], Path]) -> None:
    path = recorded("imf/imf_api_sdmx3_data_IMTS_USA.XG_FOB_USD.G001+G998.A_2023-2024.body.xml")
    assert imf.query_url(path.read_bytes()).endswith("/IMTS/+/USA.XG_FOB_USD.G001+G998.A?c%5BTIME_PERIOD%5D=ge%3A2023%2Ble%3A2024")
