"""China-Russia: press and official figures (China's customs, Russia's side), and Russia's largest partner."""

from __future__ import annotations

from decimal import Decimal

from .common import BN, Build, Row, base_units, join, published, rank_row, trade_row

SOURCED = "trade/china_russia_goods_trade_2008-2025__sourced.csv"
RANKS = "trade/russia_largest_trading_partner_by_year__sourced.csv"

# Authority as written in the candidate file -> (authority as we ship it, standing).
AUTHORITIES = {
    "China GACC (General Administration of Customs)": ("China GACC (General Administration of Customs)", "official"),
    "not stated (consistent with GACC)": ("not stated (figure consistent with China GACC)", "press"),
    "Chinese officials (rounded)": ("Chinese officials", "official"),
    "Chinese diplomat (Interfax)": ("Chinese diplomat (interview with Interfax)", "official"),
    "MOFCOM counsellor (rounded)": ("China MOFCOM (commercial counsellor)", "official"),
    "Russian customs (FCS)": ("Russian customs (FCS)", "official"),
    "Russian side (estimate)": ("Russian side, authority not named (estimate)", "press"),
    "Russian Export Center (rounded)": ("Russian Export Center", "official"),
}
STATUSES = {
    "confirmed": "confirmed",
    "confirmed_rounded": "confirmed_rounded",
    "confirmed_conflict_resolved": "conflict_resolved",
    "secondary_source": "secondary_source",
}
UNITS = {"USD_bn": ("USD", BN), "CNY_bn": ("CNY", BN)}
FLOWS = {"total": "total", "export": "export", "import": "import", "total_cny": "total"}
# Figures the press visibly rounded although the source row does not say so: (reporter, year, flow) -> why.
ROUNDED_BY_PRESS = {("CHN", 2017, "import"): "written as 41.2 by the press; 84.07 - 42.88 = 41.19"}
# Candidate notes that are about our test article, not the figure.
DROP_NOTE = {("CHN", 2020, "total")}

# Partner-rank statements, keyed by the URL the candidate row cites:
# (authority, standing, published, statement in our words with a short quote).
RANK_STATEMENTS = {
    "http://m.hxen.com/englishnews/nation/2012-04-07/175821.html": (
        "Xinhua (news agency)", "press", "2012-04-06",
        ('Xinhua, 2012-04-06: China became Russia\'s largest trade partner "overtaking Germany, in 2010 for the '
        'first time"; Germany in 2009 is inferred from this, not read from data'),
    ),
    "https://estiw.ru/news/customs/274/za_i_polugodie_rossiisko_kitaiskii_tovarooborot_viros_na_33": (
        "Chinese diplomat (interview with Interfax)", "official", "2014-01-01",
        ('Chinese diplomat to Interfax in 2014 (day not stated; published set to 1 January): China was Russia\'s '
        'main partner for the fourth year in a row ("четвертый год подряд"), i.e. 2010-2013'),
    ),
    "http://tsrus.cn/kuaixun/2016/08/06/618739": (
        "China MOFCOM (commercial counsellor)", "official", "2016-08-06",
        ('MOFCOM commercial counsellor, 2016-08-06: China has kept its place as Russia\'s largest trading partner '
        'for the sixth year ("第六年"), i.e. 2010-2015'),
    ),
    "https://sputniknews.com/world/201709181057482034-china-russia-trade/": (
        "Chinese ambassador to Russia", "official", "2017-09-18",
        ('Chinese ambassador Li Hui, 2017-09-18: China has been Russia\'s leading trade partner "for seven years '
        'now", i.e. 2010-2016'),
    ),
    "http://en.people.cn/n3/2021/0129/c90000-9814312.html": (
        "China MOFCOM", "official", "2021-01-28",
        ('MOFCOM, 2021-01-28: "China has been Russia\'s largest trading partner for 11 consecutive years", '
        "i.e. 2010-2020"),
    ),
    "https://www.globaltimes.cn/page/202112/1241690.shtml": (
        "China MOFCOM", "official", "2021-12-16",
        ('MOFCOM, 2021-12-16: China "remained Russia\'s largest trading partner for the 12th consecutive year", '
        "i.e. 2010-2021 (said before the year ended)"),
    ),
    "https://precision.henu.edu.cn/info/1421/13246.htm": (
        "not stated", "press", "",
        ('Web page (speaker and date not stated): "中国连续15年保持俄罗斯第一大贸易伙伴国地位" '
        "(15 consecutive years), read as 2010-2024"),
    ),
}
RANK_STATUSES = {"confirmed_by_statement", "unconfirmed_by_data"}


def trade_rows(build: Build) -> tuple[list[Row], dict[tuple[str, int], tuple[Decimal, str]]]:
    """Press and official rows; also the IMF totals the file lists, to cross-check and date the IMF rows."""
    rows, imf = [], {}
    for r in build.read(SOURCED):
        reporter, year, auth = r["reporter_iso3"], int(r["year"]), r["reporting_authority"]
        if auth.startswith("IMF DOTS"):  # taken from the IMF files themselves, at full precision
            if r["status"] == "imf_dots":
                imf[(reporter, year)] = (Decimal(r["value"]), r["source_date"])
            continue
        if not r["value"]:  # a change in percent without a level
            build.skip("China-Russia: a change in percent without a level")
            continue
        authority, standing = AUTHORITIES[auth]
        currency, scale = UNITS[r["unit"]]
        flow = FLOWS[r["flow"]]
        date, date_note = published(r["source_date"])
        rounded = "(rounded)" in auth or r["status"] == "confirmed_rounded"
        press_rounding = ROUNDED_BY_PRESS.get((reporter, year, flow))
        yoy = r["yoy_pct_reported"]
        rows.append(
            trade_row(
                reporter=reporter, partner=r["partner_iso3"], year=str(year), flow=flow,
                value=base_units(r["value"], scale), currency=currency, authority=authority, standing=standing,
                precision="rounded" if rounded or press_rounding else "exact", valuation="",
                status=STATUSES[r["status"]], published=date, url=r["source_url"],
                note=join(
                    f"reported change on the year before {'' if yoy.startswith('-') else '+'}{yoy}%" if yoy else "",
                    press_rounding or "",
                    f"published {date_note}" if date_note else "",
                    "" if (reporter, year, flow) in DROP_NOTE else r["note"].strip(),
                ),
            )
        )
    return rows, imf


def rank_rows(build: Build) -> list[Row]:
    rows = []
    for r in build.read(RANKS):
        authority, standing, date, statement = RANK_STATEMENTS[r["source_url"]]
        assert r["status"] in RANK_STATUSES, r["status"]
        rows.append(
            rank_row(
                country=r["country_iso3"], year=r["year"], rank="1", partner=r["largest_trading_partner_iso3"],
                measure="total", authority=authority, standing=standing, status=r["status"], published=date,
                url=r["source_url"], statement=statement,
            )
        )
    return rows
