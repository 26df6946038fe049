"""Contract tests of the UN Comtrade v1 adapter: recorded responses (when ../shared is there) and our own."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from checkers.claim import Flow
from reference_data.adapters import M49Codes, Provenance, ResponseError, comtrade, derive

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def prov(path: Path) -> Provenance:
    return Provenance("comtrade", comtrade.TITLE, "https://comtradeapi.un.org/data/v1/get/C/A/HS", WHEN, comtrade.LICENCE, file=str(path))


def by_key(batch: object) -> dict[tuple[str, str, int, Flow], object]:
    return {(o.reporter, o.partner, o.year, o.flow): o for o in batch.observations}  # type: ignore[attr-defined]


# -- recorded responses ---------------------------------------------------------------------------


def test_recorded_china_2010_values_units_and_valuation(recorded: Callable[[str], Path]) -> None:
    path = recorded("comtrade/comtrade_v1_data_get_C_A_HS__r156_p32-280-276_2010.body.json")
    raw = json.loads(path.read_text())["data"]
    batch = comtrade.parse(path.read_bytes(), prov(path))
    found = by_key(batch)
    assert len(batch.observations) == len(raw) == 4
    for record in raw:
        flow = Flow.EXPORT if record["flowCode"] == "X" else Flow.IMPORT
        obs = found[("CHN", record["partnerISO"], 2010, flow)]
        assert obs.value == Decimal(str(record["primaryValue"]))  # US dollars, no scaling
        assert obs.currency == "USD"
        # imports carry only a CIF value and exports only an FOB value
        assert obs.valuation == ("cif" if record["cifvalue"] is not None else "fob")
        assert obs.commodity == "TOTAL" and obs.month is None
        assert obs.authority == "UN Comtrade (China-reported)"
    # partner 280 (West Germany, until 1990) was asked for and is not in the answer
    assert {o.partner for o in batch.observations} == {"ARG", "DEU"}


def test_recorded_pretty_and_compact_bodies_agree(recorded: Callable[[str], Path]) -> None:
    compact = recorded("comtrade/comtrade_v1_data_get_C_A_HS__r156_p32-280-276_2010.body.json")
    pretty = recorded("comtrade/comtrade_v1_data_get_C_A_HS__r156_2010.pretty.json")
    a = {k: o.value for k, o in by_key(comtrade.parse(compact.read_bytes(), prov(compact))).items()}
    b = {k: o.value for k, o in by_key(comtrade.parse(pretty.read_bytes(), prov(pretty))).items()}
    assert a == b


def test_recorded_empty_result_is_an_empty_batch(recorded: Callable[[str], Path]) -> None:
    for name in ("comtrade/comtrade_v1_data_get_S_A_EB__empty_result.body.json", "comtrade/comtrade_v1_bulk_get_C_A_HS__empty.json"):
        path = recorded(name)
        batch = comtrade.parse(path.read_bytes(), prov(path))
        assert batch.observations == [] and not batch.skipped


def test_recorded_legacy_api_is_refused_with_a_reason(recorded: Callable[[str], Path]) -> None:
    path = recorded("comtrade/comtrade_legacy_api_get__BRA_beef_2015__trase_fixture.json")
    with pytest.raises(ResponseError, match="retired"):
        comtrade.parse(path.read_bytes(), prov(path))


def test_recorded_reporters_reference_maps_m49_per_year(recorded: Callable[[str], Path]) -> None:
    path = recorded("comtrade/comtrade_v1_files_reference_Reporters.body.json")
    codes = M49Codes.from_reference(json.loads(path.read_text()))
    assert codes.area(842, 2020) == "USA" and codes.code("USA", 2020) == 842
    assert codes.area(840, 2020) is None  # the ISO numeric code of the USA is not Comtrade's
    assert codes.area(280, 1985) == "DEU" and codes.area(280, 2010) is None
    assert codes.code("DEU", 1985) == 280 and codes.code("DEU", 2010) == 276
    assert codes.area(97, 2020) == "EUU" and codes.area(490, 2020) is None  # a group nobody can rank


def test_builtin_codes_agree_with_the_recorded_reference(recorded: Callable[[str], Path]) -> None:
    """Without the reference file the built-in table must give the same answer for every current reporter."""
    document = json.loads(recorded("comtrade/comtrade_v1_files_reference_Reporters.body.json").read_text())
    reference, builtin = M49Codes.from_reference(document), M49Codes.builtin()
    current = [r for r in document["results"] if not r.get("entryExpiredDate") and not r.get("isGroup")]
    assert len(current) > 150
    for record in current:
        assert builtin.area(record["reporterCode"], 2020) == reference.area(record["reporterCode"], 2020), record


def test_rebuilt_query_url_names_what_was_asked(recorded: Callable[[str], Path]) -> None:
    path = recorded("comtrade/comtrade_v1_data_get_C_A_HS__r156_p32-280-276_2010.body.json")
    url = comtrade.query_url(path.read_bytes())
    assert url.startswith("https://comtradeapi.un.org/data/v1/get/C/A/HS?")
    assert "reporterCode=156" in url and "period=2010" in url and "partnerCode=32,276" in url


# -- our own fixtures ---------------------------------------------------------------------------


def test_own_fixture_maps_codes_and_leaves_out_what_is_not_a_total(own: Path) -> None:
    path = own / "comtrade_v1_get_r352_2019.json"
    codes = M49Codes.from_reference(json.loads((own / "comtrade_reporters.json").read_text()))
    batch = comtrade.parse(path.read_bytes(), prov(path), codes)
    found = by_key(batch)
    assert found[("ISL", "USA", 2019, Flow.EXPORT)].value == Decimal("512345678.0")
    assert found[("ISL", "USA", 2019, Flow.IMPORT)].value == Decimal("734567890.5")
    assert found[("ISL", "NOR", 2019, Flow.IMPORT)].valuation == "cif"
    assert found[("ISL", "WLD", 2019, Flow.EXPORT)].valuation == "fob"
    assert len(batch.observations) == 7
    reasons = " | ".join(batch.skipped)
    assert "re-exports" in reasons and "motCode" in reasons and "899" in reasons
    assert sum(batch.skipped.values()) == 3


def test_derived_total_and_balance_come_from_one_reporters_two_flows(own: Path) -> None:
    path = own / "comtrade_v1_get_r352_2019.json"
    found = by_key(type("B", (), {"observations": derive(comtrade.parse(path.read_bytes(), prov(path)).observations)})())
    exports, imports = found[("ISL", "CHN", 2019, Flow.EXPORT)], found[("ISL", "CHN", 2019, Flow.IMPORT)]
    total, balance = found[("ISL", "CHN", 2019, Flow.TOTAL)], found[("ISL", "CHN", 2019, Flow.BALANCE)]
    assert total.value == exports.value + imports.value and balance.value == exports.value - imports.value
    assert total.precision == balance.precision == "derived" and total.valuation is None
    assert ("ISL", "NOR", 2019, Flow.TOTAL) not in found  # only imports: no total can be derived


def test_monthly_figures_sum_to_a_derived_year(own: Path) -> None:
    path = own / "comtrade_v1_get_r352_monthly_2019.json"
    batch = comtrade.parse(path.read_bytes(), prov(path))
    months = sorted(o.month for o in batch.observations)
    assert months == list(range(1, 13))
    annual = [o for o in derive(batch.observations) if o.month is None]
    assert len(annual) == 1
    assert annual[0].value == sum(o.value for o in batch.observations) and annual[0].precision == "derived"
    # eleven months are not a year
    eleven = [o for o in batch.observations if o.month != 6]
    assert all(o.month is not None for o in derive(eleven))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"statusCode": 401, "message": "Access denied"}', "401"),
        (b'{"elapsedTime":"0.1 secs","count":0,"data":[],"error":"Invalid parameter: period"}', "Invalid parameter"),
        (b'{"elapsedTime":"0.1 secs","count":3,"data":[],"error":""}', "count"),
        (b'{"elapsedTime":"0.1 secs","count":1,"data":[{"typeCode":"C"', "not valid JSON"),
        (b"<html>Service Unavailable</html>", "not valid JSON"),
        (b'[1, 2]', "expected a JSON object"),
    ],
)
def test_error_and_malformed_bodies_raise(body: bytes, message: str) -> None:
    with pytest.raises(ResponseError, match=message):
        comtrade.parse(body, prov(Path("body.json")))


def test_own_error_fixture_raises(own: Path) -> None:
    path = own / "comtrade_v1_error.json"
    with pytest.raises(ResponseError, match="invalid subscription key"):
        comtrade.parse(path.read_bytes(), prov(path))


def test_own_empty_fixture_is_empty(own: Path) -> None:
    path = own / "comtrade_v1_empty.json"
    assert len(comtrade.parse(path.read_bytes(), prov(path))) == 0
