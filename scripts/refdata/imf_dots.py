"""IMF Direction of Trade Statistics for every pair of BRA, CHN, IND, MEX, RUS and URY, both reporter sides.

Directed flows (exports fob, imports cif) for 1948-2020 come from MultiATSM's Dataset_CM_2023.xlsx;
totals from its TradeData.xlsx where that file has them (1948-2019, not IND), otherwise derived here
as exports + imports when both flows are present.
"""

from __future__ import annotations

from decimal import Decimal

from .common import Build, Row, base_units, github, published, trade_row

IMF_TOTALS = "trade/imf_dots_bilateral_total_trade_BRA_CHN_MEX_RUS_URY_1948-2019__MultiATSM_TradeData.csv"
IMF_FLOWS = "trade/imf_dots_raw_flows_exportsFOB_importsCIF_BRA_CHN_IND_MEX_RUS_URY_1948-2020__MultiATSM_Dataset_CM_2023.csv"
REPO = "rubensmoura87/MultiATSM"
SIDE = {"BRA": "Brazil", "CHN": "China", "IND": "India", "MEX": "Mexico", "RUS": "Russia", "URY": "Uruguay"}
# The totals file is MultiATSM 1.2.0 as released on CRAN; the month is all that is known.
TOTALS_RELEASE = "2025-01"
# The totals file and the flows file round to whole dollars separately.
ROUNDING = Decimal(5)


def _authority(reporter: str) -> str:
    return f"IMF DOTS ({SIDE[reporter]}-reported)"


def trade_rows(build: Build, listed: dict[tuple[str, int], tuple[Decimal, str]]) -> list[Row]:
    """IMF rows; ``listed`` holds the China-Russia totals the curated file gives, which must agree."""
    totals_commit, _ = build.origin(IMF_TOTALS)
    flows_commit, flows_day = build.origin(IMF_FLOWS)
    totals_url = github(REPO, totals_commit, "inst/extdata/TradeData.xlsx")
    flows_url = github(REPO, flows_commit, "inst/extdata/Dataset_CM_2023.xlsx")
    rows: list[Row] = []
    flows: dict[tuple[str, str, int, str], Decimal] = {}
    for r in build.read(IMF_FLOWS):
        reporter, partner, year = r["reporter_iso3"], r["partner_iso3"], int(r["year"])
        flows[(reporter, partner, year, r["flow"])] = Decimal(r["value_usd"])
        rows.append(
            trade_row(
                reporter=reporter, partner=partner, year=str(year), flow=r["flow"], value=base_units(r["value_usd"]),
                currency="USD", authority=_authority(reporter), standing="compiled", precision="exact",
                valuation=r["valuation"].lower(), status="confirmed", published=flows_day, url=flows_url,
                note=f"IMF indicator {r['indicator']}; published = date of the MultiATSM commit of the file; "
                "IMF release vintage not stated",
            )
        )
    date, date_note = published(TOTALS_RELEASE)
    have_total = set()
    for r in build.read(IMF_TOTALS):
        reporter, partner, year = r["reporter_iso3"], r["partner_iso3"], int(r["year"])
        if not r["value_usd"]:
            build.skip("IMF DOTS totals: no value for the year")
            continue
        value = Decimal(r["value_usd"])
        if (reporter, year) in listed and {reporter, partner} == {"CHN", "RUS"}:
            listed_bn, _ = listed[(reporter, year)]
            assert abs(value / 10**9 - listed_bn) < Decimal("0.0006"), (reporter, year, value, listed_bn)
        parts = flows[(reporter, partner, year, "export")] + flows[(reporter, partner, year, "import")]
        agree = "equal to the directed flows' sum within a few USD" if abs(value - parts) <= ROUNDING else (
            f"differs from the directed flows' sum ({base_units(parts)}) by {base_units(value - parts)} USD: "
            "the two MultiATSM files hold different IMF vintages")
        have_total.add((reporter, partner, year))
        rows.append(
            trade_row(
                reporter=reporter, partner=partner, year=str(year), flow="total", value=base_units(r["value_usd"]),
                currency="USD", authority=_authority(reporter), standing="compiled", precision="exact",
                valuation="", status="confirmed", published=date, url=totals_url,
                note=f"exports fob + imports cif, as summed in MultiATSM TradeData.xlsx ({agree}); published = "
                f"MultiATSM 1.2.0 on CRAN, {date_note}; IMF release vintage not stated",
            )
        )
    for reporter, partner, year in sorted({k[:3] for k in flows} - have_total):
        exp, imp = flows.get((reporter, partner, year, "export")), flows.get((reporter, partner, year, "import"))
        if exp is None or imp is None:
            build.skip("IMF DOTS: no total derived where only one flow is reported")
            continue
        rows.append(
            trade_row(
                reporter=reporter, partner=partner, year=str(year), flow="total", value=base_units(exp + imp),
                currency="USD", authority=_authority(reporter), standing="compiled", precision="derived",
                valuation="", status="confirmed", published=flows_day, url=flows_url,
                note=f"derived by tradecheck: exports fob {base_units(exp)} + imports cif {base_units(imp)} as "
                f"{SIDE[reporter]} reported them to the IMF; the IMF totals file has no row for this year",
            )
        )
    return rows
