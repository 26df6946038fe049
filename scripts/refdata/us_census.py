"""US Census Bureau: US goods trade with every partner (1985-2023), and US-China monthly summed to years.

Partner table (country.xlsx): exports are total exports at FAS value, imports general imports at
customs value, USD millions, Census basis, not seasonally adjusted. Census codes are mapped to ISO
3166 alpha-3, and its aggregates to WLD / EUU / our X-codes (``reference_data.areas``). Where two
Census codes belong to one ISO code in the same year, they are added up and the row says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from .common import MN, Build, Row, base_units, github, trade_row

PARTNERS = "trade/us_census_goods_trade_by_partner_annual_1985-2023_USD_millions__cesinco_country_xlsx_snapshot.csv"
MONTHLY = "trade/us_census_c5700_us-china_monthly_2001-2019_USD_millions__mizydorczyk_copy.csv"
AUTHORITY = "US Census Bureau"
VALUATION = {"export": "fas", "import": "customs"}

# Census code -> our code, for partners without an ISO code in the candidate file.
AGGREGATE_CODES = {
    "0015": "WLD", "0003": "EUU", "0009": "XSC", "0010": "XNA", "0012": "XER", "0013": "XAF", "0014": "XPR",
    "0016": "XAS", "0017": "XCD", "0018": "XOC", "0019": "XSS",
    "4610": "SUN", "5082": "PSE", "5083": "PSE", "5160": "XNZ", "8220": "XUN", "8500": "XIO",
}
# Census codes left out, and why (counted in the build log).
LEFT_OUT = {
    "0004": "US Census: World, seasonally adjusted (the not seasonally adjusted code 0015 is kept as WLD)",
    "0005": "US Census: NAFTA/USMCA consumption series (not a partner)",
    "0006": "US Census: NAFTA/USMCA consumption series (not a partner)",
    "0021": "US Census: NAFTA/USMCA consumption series (not a partner)",
    "0022": "US Census: NAFTA/USMCA consumption series (not a partner)",
    "0007": "US Census: Advanced Technology Products (a product group, not a partner)",
}


def _derived(exp: Decimal, imp: Decimal, **common: str) -> list[Row]:
    return [
        trade_row(flow="total", value=base_units(exp + imp), precision="derived", valuation="",
                  note="derived by tradecheck: exports + imports of this table", **common),
        trade_row(flow="balance", value=base_units(exp - imp), precision="derived", valuation="",
                  note="derived by tradecheck: exports - imports of this table (negative = US deficit)", **common),
    ]


def partner_rows(build: Build) -> list[Row]:
    commit, day = build.origin(PARTNERS)
    common = {"reporter": "USA", "currency": "USD", "authority": AUTHORITY, "standing": "official",
              "status": "confirmed", "published": day, "url": github("cesinco/tableau-dashboard-extension-d3js",
                                                                      commit, "country.xlsx")}
    parts: dict[tuple[str, str, str], list[tuple[str, str, Decimal]]] = defaultdict(list)
    for r in build.read(PARTNERS):
        code = r["partner_census_code"]
        if code in LEFT_OUT:
            build.skip(LEFT_OUT[code])
            continue
        partner = r["partner_iso3"] or AGGREGATE_CODES[code]
        parts[(partner, r["year"], r["flow"])].append((code, r["partner_census_name"], Decimal(r["value_usd_millions"])))
    rows: list[Row] = []
    values: dict[tuple[str, str, str], Decimal] = {}
    for (partner, year, flow), found in sorted(parts.items()):
        value = sum((v for _, _, v in found), Decimal(0))
        values[(partner, year, flow)] = value
        if len(found) > 1:
            listed = " + ".join(f"{c} {n} ({v})" for c, n, v in sorted(found))
            precision, note = "derived", f"derived by tradecheck: sum of Census codes {listed}, USD m"
        else:
            code, name, _ = found[0]
            precision = "exact"
            note = f"Census code {code} {name}" if code in AGGREGATE_CODES else ""
        rows.append(trade_row(partner=partner, year=year, flow=flow, value=base_units(value, MN),
                              precision=precision, valuation=VALUATION[flow], note=note, **common))
    for (partner, year, flow), exp in sorted(values.items()):
        imp = values.get((partner, year, "import"))
        if flow == "export" and imp is not None:
            rows += _derived(exp * MN, imp * MN, partner=partner, year=year, **common)
    return rows


def _million(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def monthly_rows(build: Build) -> list[Row]:
    """US-China exports, imports and balance per full calendar year, summed from Census c5700 months."""
    commit, _ = build.origin(MONTHLY)
    accessed = re.search(r"\d{4}-\d{2}-\d{2}", build.manifest_row(MONTHLY)["recorded_at"])
    assert accessed, "the access date of the c5700 copy is not in MANIFEST.csv"
    url = github("mizydorczyk/relationship-between-trade-and-the-exchange-rate", commit,
                 "assets/usa-china-trade-data.csv")
    sums: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    months: dict[int, int] = defaultdict(int)
    for r in build.read(MONTHLY, delimiter=";"):
        year = int(r["Month"].split()[-1])
        months[year] += 1
        for column in ("Exports", "Imports", "Balance"):
            sums[year][column] += _million(r[column])
    rows: list[Row] = []
    for year in sorted(sums):
        if months[year] != 12:
            build.skip("US Census c5700: a year without all 12 months")
            continue
        s = sums[year]
        assert abs(s["Exports"] - s["Imports"] - s["Balance"]) < Decimal("0.5"), (year, s)
        for flow, column in (("export", "Exports"), ("import", "Imports"), ("balance", "Balance")):
            rows.append(
                trade_row(
                    reporter="USA", partner="CHN", year=str(year), flow=flow, value=base_units(s[column], MN),
                    currency="USD", authority=AUTHORITY, standing="official", precision="derived",
                    valuation=VALUATION.get(flow, ""), status="confirmed", published=accessed.group(0), url=url,
                    note="derived by tradecheck: sum of the 12 monthly values (USD m, not seasonally adjusted) of "
                    "Census table c5700 (https://www.census.gov/foreign-trade/balance/c5700.html); published = "
                    "the date the copy was taken from that page",
                )
            )
    return rows
