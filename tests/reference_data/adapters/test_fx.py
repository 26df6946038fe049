"""Contract tests of the exchange-rate adapters: ECB reference rates and Central Bank of Iceland rates."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from reference_data.adapters import Provenance, ResponseError, fx

WHEN = datetime(2026, 1, 2, tzinfo=UTC)


def prov(source: str, path: Path) -> Provenance:
    return Provenance(source, source, "https://example.org/rates", WHEN, "terms", file=str(path))


def rates(batch: object) -> dict[tuple[str, int], object]:
    return {(r.currency, r.year): r for r in batch.rates}  # type: ignore[attr-defined]


def test_ecb_recorded_file_matches_the_independent_annual_table(shared: Callable[[str], Path]) -> None:
    """Our means agree with the annual averages computed separately in ../shared (same daily file)."""
    daily = shared("fx/ecb_eurofxref_daily_USD_CNY_RUB_ISK_per_EUR_2009-2025.csv")
    table = shared("fx/annual_average_fx_rates_2009-2025__derived.csv")
    ours = rates(fx.parse_ecb(daily.read_bytes(), prov("ecb", daily)))
    checked = 0
    for row in csv.DictReader(table.open(encoding="utf-8")):
        if "ECB" not in row["source"] or (row["currency"], int(row["year"])) not in ours or row["coverage_note"]:
            continue
        mine = ours[(row["currency"], int(row["year"]))]
        assert abs(float(mine.per_usd) - float(row["units_per_USD"])) < 1e-5 * float(row["units_per_USD"]), row
        assert mine.observations == int(row["n_obs"])
        checked += 1
    assert checked > 40


def test_ecb_recorded_gaps_are_not_averaged(shared: Callable[[str], Path]) -> None:
    daily = shared("fx/ecb_eurofxref_daily_USD_CNY_RUB_ISK_per_EUR_2009-2025.csv")
    ours = rates(fx.parse_ecb(daily.read_bytes(), prov("ecb", daily)))
    assert ("ISK", 2017) not in ours and ("ISK", 2018) not in ours  # no ISK quotes 2008-12 .. 2018-02
    assert ("ISK", 2019) in ours
    assert ("RUB", 2021) in ours and ("RUB", 2022) not in ours  # RUB suspended after 2022-03-01


def test_cbi_recorded_file_agrees_with_ecb_cross_rates(shared: Callable[[str], Path]) -> None:
    cbi_path = shared("fx/cbi_isk_daily_rates_EUR_USD_GBP_2015-01-02_2025-07-31__hagstofan-datathon_copy.csv")
    ecb_path = shared("fx/ecb_eurofxref_daily_USD_CNY_RUB_ISK_per_EUR_2009-2025.csv")
    cbi = rates(fx.parse_cbi(cbi_path.read_bytes(), prov("cbi", cbi_path)))
    ecb = rates(fx.parse_ecb(ecb_path.read_bytes(), prov("ecb", ecb_path)))
    assert ("ISK", 2025) not in cbi  # the file stops in July
    common = [k for k in cbi if k in ecb]
    assert len(common) >= 5
    for key in common:  # two authorities, one market: within half a percent
        assert abs(cbi[key].per_usd / ecb[key].per_usd - 1) < Decimal("0.005"), key


def test_ecb_own_fixture_layout(own: Path) -> None:
    path = own / "ecb_eurofxref_hist.csv"
    batch = fx.parse_ecb(path.read_bytes(), prov("ecb", path))
    found = rates(batch)
    usd = [Decimal(f"{1.10 + m / 100:.4f}") for m in range(1, 13)]
    cny = [Decimal(f"{7.5 + m / 10:.4f}") for m in range(1, 13)]
    expected = (sum((c / u for c, u in zip(cny, usd, strict=True)), Decimal(0)) / 12).quantize(Decimal("0.000001"))
    assert found[("CNY", 2020)].per_usd == expected
    assert found[("EUR", 2020)].per_usd == (sum((1 / u for u in usd), Decimal(0)) / 12).quantize(Decimal("0.000001"))
    assert found[("CNY", 2020)].first_day == date(2020, 1, 15) and found[("CNY", 2020)].last_day == date(2020, 12, 15)
    assert ("ISK", 2020) not in found  # N/A in July: not every month quoted
    assert ("CNY", 2021) not in found  # January to March only
    assert found[("CNY", 2020)].authority == "ECB" and found[("CNY", 2020)].observations == 12


def test_ecb_zip_is_read_like_the_csv(own: Path) -> None:
    path = own / "ecb_eurofxref_hist.csv"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("eurofxref-hist.csv", path.read_bytes())
    from_zip = rates(fx.parse_ecb(buffer.getvalue(), prov("ecb", path)))
    assert {k: r.per_usd for k, r in from_zip.items()} == {k: r.per_usd for k, r in rates(fx.parse_ecb(path.read_bytes(), prov("ecb", path))).items()}
    with pytest.raises(ResponseError, match="zip"):
        fx.parse_ecb(buffer.getvalue()[:100], prov("ecb", path))


def test_cbi_own_fixture_layout(own: Path) -> None:
    path = own / "cbi_rates.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    found = rates(fx.parse_cbi(path.read_bytes(), prov("cbi", path)))
    assert set(found) == {("ISK", 2020)}  # 2021 has two months only
    isk = found[("ISK", 2020)]
    assert isk.per_usd == (sum((Decimal(125) + Decimal(m) / 4 for m in range(1, 13)), Decimal(0)) / 12).quantize(Decimal("0.000001"))
    assert isk.observations == 12 and isk.authority == "CBI"  # the '-' on 11 March is no quote


@pytest.mark.parametrize(
    ("parse", "body", "message"),
    [
        (fx.parse_ecb, b"Datum;USD\n", "eurofxref-hist"),
        (fx.parse_ecb, b"Date,USD,ISK\n2020-13-01,1.1,130\n", "not a date"),
        (fx.parse_ecb, b"Date,USD,ISK\n2020-01-02,1.1,13O.5\n", "not a rate"),
        (fx.parse_cbi, b"Date;USD\n", "Dagsetning"),
        (fx.parse_cbi, "Dagsetning;Evra EUR miðgengi\n".encode(), "USD"),
        (fx.parse_cbi, "Dagsetning;Bandaríkjadalur USD miðgengi;\n2020-01-02;130,5;\n".encode(), "dd.mm.yyyy"),
    ],
)
def test_malformed_rate_files_raise(parse: Callable[..., object], body: bytes, message: str) -> None:
    with pytest.raises(ResponseError, match=message):
        parse(body, prov("x", Path("rates.csv")))
