"""US-China goods trade as reported: the US Census side (first releases and revisions) and China's customs.

The candidate file gives each year's figure once, and names earlier (initial) releases in its notes.
Those earlier releases become rows of their own, with their own sources and dates, so a checker can
tell a first release from its revision. Each is listed in :data:`EARLIER_RELEASES` and must appear in
the note of the candidate row it comes from.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .common import BN, Build, Row, base_units, join, published, trade_row

SOURCED = "trade/us_china_goods_trade_2018-2024__sourced.csv"
CENSUS = "US Census Bureau"
GACC = "China GACC (General Administration of Customs)"
C5700_PAGE = "https://www.census.gov/foreign-trade/balance/c5700.html"
AUTHORITIES = {"US Census Bureau": CENSUS, "China GACC": GACC, "USTR (Census basis)": "USTR (US Census basis)"}
USITC = "https://www.usitc.gov/research_and_analysis/trade_shifts_2019/china.htm"
CAIXIN = ("https://www.caixinglobal.com/2019-08-15/"
          "chart-of-the-day-china-no-longer-no-1-for-us-as-trade-row-bites-101451434.html")

# Earlier releases named in candidate notes: (year, flow) -> (value as the note writes it, USD bn, url,
# published, note). The first two entries also cite the page where the release date was read.
EARLIER_RELEASES: dict[tuple[int, str], tuple[str, str, str, str, str]] = {
    (2018, "balance"): (
        "419.2", "-419.2", "https://journalrecord.com/2019/03/06/trade-gap-jumps-to-10-year-high-record-gap-with-china/",
        "2019-03-06", ("first release of the 2018 annual figures (2019-03-06, late because of the federal shutdown), "
        "reported by the Associated Press; the CNS report of 2022 also names 419.2 as the initial figure"),
    ),
    (2022, "balance"): (
        "382.9", "-382.9", "https://www.investopedia.com/us-trade-deficit-hit-nearly-one-trillion-in-2022-7106686",
        "2023-02-07", ("first release of the 2022 annual figures; release day (Tuesday 2023-02-07) per "
        "https://www.timesfreepress.com/news/2023/feb/07/americas-trade-deficit-surged-in-2022-tfp/"),
    ),
    (2018, "export"): ("120.15", "120.15", CAIXIN, "2019-08-15", ("as charted by Caixin; called the initial figure "
                       "in the research notes")),
    (2018, "import"): ("539.68", "539.68", CAIXIN, "2019-08-15", ("as charted by Caixin; called the initial figure "
                       "in the research notes")),
    (2019, "export"): ("106.6", "106.6", USITC, "", "initial annual figure as given by the USITC (page not dated)"),
    (2019, "import"): ("452.2", "452.2", USITC, "", "initial general imports as given by the USITC (page not dated)"),
    (2019, "balance"): ("345.6", "-345.6", USITC, "", ("initial annual figure as given by the USITC (page not dated); "
                        "other initial reports gave 345.2-345.6")),
}


def _is_c5700_sum(r: Row) -> bool:
    """A row that is the sum of the Census monthly table, which the build derives itself from the months."""
    note = r["note"].lower()
    return r["source_url"] == C5700_PAGE and ("monthly" in note or "same file" in note)


def _exact_from_note(value_bn: str, note: str) -> str:
    """The value in USD: a full dollar amount in the note that rounds to the row's value wins."""
    for amount in re.findall(r"\$([\d,]{11,})", note):
        dollars = Decimal(amount.replace(",", ""))
        if abs(dollars / BN - abs(Decimal(value_bn))) < Decimal("0.0005"):
            return ("-" if value_bn.startswith("-") else "") + base_units(dollars)
    return base_units(value_bn, BN)


def trade_rows(build: Build, c5700: dict[tuple[int, str], Decimal]) -> list[Row]:
    """Rows of the candidate file; ``c5700`` holds the build's own monthly sums (USD), to cross-check."""
    rows: list[Row] = []
    for r in build.read(SOURCED):
        reporter, year, flow = r["reporter_iso3"], int(r["year"]), r["flow"]
        earlier = EARLIER_RELEASES.get((year, flow)) if reporter == "USA" else None
        if earlier:
            assert earlier[0] in r["note"], (year, flow, "earlier release not named in the candidate note")
            _, value, url, date, note = earlier
            rows.append(trade_row(
                reporter="USA", partner="CHN", year=str(year), flow=flow, value=base_units(value, BN), currency="USD",
                authority=CENSUS, standing="official", precision="exact", valuation="", status="preliminary",
                published=date, url=url, note=note,
            ))
        if _is_c5700_sum(r):
            ours = c5700[(year, flow)]
            assert abs(ours / BN - Decimal(r["value"])) < Decimal("0.001"), (year, flow, ours, r["value"])
            build.skip("US-China: candidate row equal to the monthly Census sum the build derives itself")
            continue
        rows.append(_row(r, reporter, year, flow))
    return rows


def _row(r: Row, reporter: str, year: int, flow: str) -> Row:
    date, date_note = published(r["source_date"])
    yoy = r["yoy_pct_reported"]
    status, value = r["status"], _exact_from_note(r["value"], r["note"])
    precision = "exact"
    if status == "derived":
        status, precision = "confirmed", "derived"
    elif status == "confirmed_rounded" or r["note"].strip() == '"$427 billion"':  # a round figure as quoted
        status, precision = "confirmed_rounded", "rounded"
    authority = AUTHORITIES[r["reporting_authority"]]
    return trade_row(
        reporter=reporter, partner=r["partner_iso3"], year=str(year), flow=flow, value=value, currency="USD",
        authority=authority, standing="official", precision=precision, valuation="", status=status,
        published=date, url=r["source_url"],
        note=join(
            f"reported change on the year before {'' if yoy.startswith('-') else '+'}{yoy}%" if yoy else "",
            "derived by the source's reader: exports + imports as published" if precision == "derived" else "",
            f"published {date_note}" if date_note else "" if date else "publication date not stated in the source read",
            r["note"].strip().strip('"'),
        ),
    )
