"""Build reference_data/data/ (trade_values.csv, partner_ranks.csv, MANIFEST.json) from the candidates.

Usage::

    python scripts/build_reference_data.py [CANDIDATES_DIR] [--out DIR] [--version V]

CANDIDATES_DIR is the ``reference-candidates`` folder (default: ``../shared/reference-candidates``
beside the repository). The output is deterministic: the same inputs give the same bytes, and
tests check that the committed files are reproduced. Bump ``DATA_VERSION`` whenever the output
changes. Every row keeps the citation it was read from; this script only reshapes, maps the
authority to a standing, converts to base units and, where marked ``derived``, adds up.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reference_data.schema import PARTNER_RANKS, TRADE_VALUES  # noqa: E402
from reference_data.store import MANIFEST, load  # noqa: E402

DATA_VERSION = "2026.11.29-1"
DEFAULT_CANDIDATES = REPO.parent / "shared" / "reference-candidates"
DEFAULT_OUT = REPO / "reference_data" / "data"

SOURCED = "trade/china_russia_goods_trade_2008-2025__sourced.csv"
RANKS = "trade/russia_largest_trading_partner_by_year__sourced.csv"
IMF_TOTALS = "trade/imf_dots_bilateral_total_trade_BRA_CHN_MEX_RUS_URY_1948-2019__MultiATSM_TradeData.csv"
IMF_FLOWS = "trade/imf_dots_raw_flows_exportsFOB_importsCIF_BRA_CHN_IND_MEX_RUS_URY_1948-2020__MultiATSM_Dataset_CM_2023.csv"
PAIR = frozenset({"CHN", "RUS"})
IMF_YEARS = range(2008, 2021)
SIDE = {"CHN": "China", "RUS": "Russia"}

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
UNITS = {"USD_bn": ("USD", Decimal(10) ** 9), "CNY_bn": ("CNY", Decimal(10) ** 9)}
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
        'Xinhua, 2012-04-06: China became Russia\'s largest trade partner "overtaking Germany, in 2010 for the '
        'first time"; Germany in 2009 is inferred from this, not read from data',
    ),
    "https://estiw.ru/news/customs/274/za_i_polugodie_rossiisko_kitaiskii_tovarooborot_viros_na_33": (
        "Chinese diplomat (interview with Interfax)", "official", "2014-01-01",
        'Chinese diplomat to Interfax in 2014 (day not stated; published set to 1 January): China was Russia\'s '
        'main partner for the fourth year in a row ("четвертый год подряд"), i.e. 2010-2013',
    ),
    "http://tsrus.cn/kuaixun/2016/08/06/618739": (
        "China MOFCOM (commercial counsellor)", "official", "2016-08-06",
        'MOFCOM commercial counsellor, 2016-08-06: China has kept its place as Russia\'s largest trading partner '
        'for the sixth year ("第六年"), i.e. 2010-2015',
    ),
    "https://sputniknews.com/world/201709181057482034-china-russia-trade/": (
        "Chinese ambassador to Russia", "official", "2017-09-18",
        'Chinese ambassador Li Hui, 2017-09-18: China has been Russia\'s leading trade partner "for seven years '
        'now", i.e. 2010-2016',
    ),
    "http://en.people.cn/n3/2021/0129/c90000-9814312.html": (
        "China MOFCOM", "official", "2021-01-28",
        'MOFCOM, 2021-01-28: "China has been Russia\'s largest trading partner for 11 consecutive years", '
        "i.e. 2010-2020",
    ),
    "https://www.globaltimes.cn/page/202112/1241690.shtml": (
        "China MOFCOM", "official", "2021-12-16",
        'MOFCOM, 2021-12-16: China "remained Russia\'s largest trading partner for the 12th consecutive year", '
        "i.e. 2010-2021 (said before the year ended)",
    ),
    "https://precision.henu.edu.cn/info/1421/13246.htm": (
        "not stated", "press", "",
        'Web page (speaker and date not stated): "中国连续15年保持俄罗斯第一大贸易伙伴国地位" '
        "(15 consecutive years), read as 2010-2024",
    ),
}
RANK_STATUSES = {"confirmed_by_statement", "unconfirmed_by_data"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def base_units(value: str, scale: Decimal = Decimal(1)) -> str:
    """A figure in base units, written without exponent: '107.76' bn -> '107760000000'."""
    d = Decimal(value) * scale
    return str(int(d)) if d == d.to_integral_value() else format(d.normalize(), "f")


def published(source_date: str) -> tuple[str, str]:
    """(ISO date, note): a month or year alone becomes its first day, and the note says so."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", source_date.strip())
    if not m:
        return "", ""
    y, mo, d = m.groups()
    if d:
        return f"{y}-{mo}-{d}", ""
    if mo:
        return f"{y}-{mo}-01", f"date known to the month only ({y}-{mo})"
    return f"{y}-01-01", f"date known to the year only ({y})"


def manifest_origin(candidates: Path, file: str) -> tuple[str, str]:
    """(commit, file-commit date or '') that the candidates' MANIFEST.csv gives for ``file``."""
    for row in read_csv(candidates / "MANIFEST.csv"):
        if row["file"] == file:
            commit = re.search(r"[0-9a-f]{40}", row["origin_commit"])
            day = re.search(r"\d{4}-\d{2}-\d{2}", row["origin_commit"])
            if commit:
                return commit.group(0), day.group(0) if day else ""
    raise SystemExit(f"{file}: no origin commit in MANIFEST.csv")


def multiatsm_url(commit: str, path: str) -> str:
    return f"https://github.com/rubensmoura87/MultiATSM/blob/{commit}/{path}"


def trade_row(**kw: str) -> dict[str, str]:
    row = dict.fromkeys(TRADE_VALUES.header, "")
    row.update(kw)
    return row


def sourced_rows(candidates: Path) -> tuple[list[dict[str, str]], dict[tuple[str, int], tuple[Decimal, str]]]:
    """Press and official rows; also the IMF totals the file lists, to cross-check and date them."""
    rows, imf = [], {}
    for r in read_csv(candidates / SOURCED):
        reporter, year, auth = r["reporter_iso3"], int(r["year"]), r["reporting_authority"]
        if auth.startswith("IMF DOTS"):  # taken from the IMF files themselves, at full precision
            if r["status"] == "imf_dots":
                imf[(reporter, year)] = (Decimal(r["value"]), r["source_date"])
            continue
        if not r["value"]:  # a change in percent without a level
            continue
        authority, standing = AUTHORITIES[auth]
        currency, scale = UNITS[r["unit"]]
        flow = FLOWS[r["flow"]]
        date, date_note = published(r["source_date"])
        rounded = "(rounded)" in auth or r["status"] == "confirmed_rounded"
        press_rounding = ROUNDED_BY_PRESS.get((reporter, year, flow))
        yoy = r["yoy_pct_reported"]
        notes = [
            f"reported change on the year before {'' if yoy.startswith('-') else '+'}{yoy}%" if yoy else "",
            press_rounding or "",
            f"published {date_note}" if date_note else "",
            "" if (reporter, year, flow) in DROP_NOTE else r["note"].strip(),
        ]
        rows.append(
            trade_row(
                reporter=reporter, partner=r["partner_iso3"], year=str(year), flow=flow,
                value=base_units(r["value"], scale), currency=currency, authority=authority, standing=standing,
                precision="rounded" if rounded or press_rounding else "exact", valuation="",
                status=STATUSES[r["status"]], published=date, url=r["source_url"],
                note="; ".join(n for n in notes if n),
            )
        )
    return rows, imf


def imf_rows(candidates: Path, listed: dict[tuple[str, int], tuple[Decimal, str]]) -> list[dict[str, str]]:
    """IMF DOTS for the pair: directed flows 2008-2020, totals 2008-2019, derived totals where none."""
    totals_commit, _ = manifest_origin(candidates, IMF_TOTALS)
    flows_commit, flows_day = manifest_origin(candidates, IMF_FLOWS)
    totals_url = multiatsm_url(totals_commit, "inst/extdata/TradeData.xlsx")
    flows_url = multiatsm_url(flows_commit, "inst/extdata/Dataset_CM_2023.xlsx")
    rows: list[dict[str, str]] = []
    flows: dict[tuple[str, int, str], Decimal] = {}
    for r in read_csv(candidates / IMF_FLOWS):
        reporter, year = r["reporter_iso3"], int(r["year"])
        if {reporter, r["partner_iso3"]} != PAIR or year not in IMF_YEARS:
            continue
        flows[(reporter, year, r["flow"])] = Decimal(r["value_usd"])
        rows.append(
            trade_row(
                reporter=reporter, partner=r["partner_iso3"], year=str(year), flow=r["flow"],
                value=base_units(r["value_usd"]), currency="USD", authority=f"IMF DOTS ({SIDE[reporter]}-reported)",
                standing="compiled", precision="exact", valuation=r["valuation"].lower(), status="confirmed",
                published=flows_day, url=flows_url,
                note=f"IMF indicator {r['indicator']}; published = date of the MultiATSM commit of the file; "
                "IMF release vintage not stated",
            )
        )
    have_total = set()
    for r in read_csv(candidates / IMF_TOTALS):
        reporter, year = r["reporter_iso3"], int(r["year"])
        if {reporter, r["partner_iso3"]} != PAIR or year not in IMF_YEARS or not r["value_usd"]:
            continue
        value = Decimal(r["value_usd"])
        listed_bn, source_date = listed[(reporter, year)]
        assert abs(value / 10**9 - listed_bn) < Decimal("0.0006"), (reporter, year, value, listed_bn)
        parts = flows[(reporter, year, "export")] + flows[(reporter, year, "import")]
        assert abs(value - parts) <= 1, (reporter, year, value, parts)
        date, date_note = published(source_date)
        have_total.add((reporter, year))
        rows.append(
            trade_row(
                reporter=reporter, partner=r["partner_iso3"], year=str(year), flow="total",
                value=base_units(r["value_usd"]), currency="USD", authority=f"IMF DOTS ({SIDE[reporter]}-reported)",
                standing="compiled", precision="exact", valuation="", status="confirmed", published=date,
                url=totals_url,
                note="exports fob + imports cif, as summed in MultiATSM TradeData.xlsx (equal to the directed flows' "
                f"sum within 1 USD); published = MultiATSM 1.2.0 on CRAN, {date_note}; IMF release vintage not stated",
            )
        )
    for reporter in sorted(PAIR):
        partner = next(iter(PAIR - {reporter}))
        for year in IMF_YEARS:
            if (reporter, year) in have_total or (reporter, year, "export") not in flows:
                continue
            exp, imp = flows[(reporter, year, "export")], flows[(reporter, year, "import")]
            rows.append(
                trade_row(
                    reporter=reporter, partner=partner, year=str(year), flow="total", value=base_units(str(exp + imp)),
                    currency="USD", authority=f"IMF DOTS ({SIDE[reporter]}-reported)", standing="compiled",
                    precision="derived", valuation="", status="confirmed", published=flows_day, url=flows_url,
                    note=f"derived by tradecheck: exports fob {base_units(str(exp))} + imports cif "
                    f"{base_units(str(imp))} as {SIDE[reporter]} reported them to the IMF; the IMF totals file has "
                    "no row for this year",
                )
            )
    return rows


def rank_rows(candidates: Path) -> list[dict[str, str]]:
    rows = []
    for r in read_csv(candidates / RANKS):
        authority, standing, date, statement = RANK_STATEMENTS[r["source_url"]]
        assert r["status"] in RANK_STATUSES, r["status"]
        rows.append(
            {
                "country": r["country_iso3"], "year": r["year"], "rank": "1",
                "partner": r["largest_trading_partner_iso3"], "measure": "total", "authority": authority,
                "standing": standing, "status": r["status"], "published": date, "url": r["source_url"],
                "statement": statement,
            }
        )
    return rows


_FLOW_ORDER = {"total": 0, "export": 1, "import": 2, "balance": 3}
_STANDING_ORDER = {"official": 0, "compiled": 1, "press": 2}


def _trade_sort_key(row: dict[str, str]) -> tuple[object, ...]:
    return (int(row["year"]), row["reporter"], row["partner"], _FLOW_ORDER[row["flow"]],
            _STANDING_ORDER[row["standing"]], row["authority"], row["published"], row["currency"])


def to_csv(header: list[str], rows: Iterable[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        assert not any("\n" in v or "\r" in v for v in row.values()), row
        writer.writerow(row)
    return buf.getvalue().encode("utf-8")


def manifest(version: str, files: dict[str, tuple[bytes, int]], candidates: Path) -> bytes:
    body = {
        "version": version,
        "built_by": "scripts/build_reference_data.py",
        "files": [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "rows": rows}
            for name, (data, rows) in files.items()
        ],
        "inputs": [
            {"file": f"reference-candidates/{name}", "sha256": hashlib.sha256((candidates / name).read_bytes()).hexdigest()}
            for name in (SOURCED, RANKS, IMF_TOTALS, IMF_FLOWS)
        ],
        "sources": [
            {
                "id": "news-and-official-statements",
                "covers": "trade_values.csv rows of standing official or press; all of partner_ranks.csv",
                "what": "figures stated by China's customs (GACC), MOFCOM, Chinese diplomats, Russia's customs (FCS) "
                "and the Russian Export Center, as read in news reports and official pages",
                "licence": "figures are facts; each row links the page it was read from; partner_ranks.csv "
                "quotes at most one short phrase per statement",
                "attribution": "cite the authority and the url of the row",
            },
            {
                "id": "imf-dots-via-multiatsm",
                "covers": "trade_values.csv rows of standing compiled",
                "what": "IMF Direction of Trade Statistics (DOTS/IMTS): goods exports fob (TXG_FOB_USD), imports cif "
                "(TMG_CIF_USD) and their sums, read from the data files of the R package MultiATSM "
                "(github.com/rubensmoura87/MultiATSM, inst/extdata/TradeData.xlsx and Dataset_CM_2023.xlsx)",
                "licence": "data: International Monetary Fund, reuse with attribution under the IMF's terms "
                "(https://www.imf.org/external/terms.htm); the MultiATSM package is GPL-2|GPL-3 and only "
                "figures, not its files, are shipped here",
                "attribution": "International Monetary Fund, Direction of Trade Statistics, as compiled in MultiATSM",
            },
        ],
    }
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build(candidates: Path, out: Path, version: str = DATA_VERSION) -> dict[str, int]:
    """Write the data files into ``out``, validate them by loading, and return their row counts."""
    trade, listed_imf = sourced_rows(candidates)
    trade = sorted(trade + imf_rows(candidates, listed_imf), key=_trade_sort_key)
    ranks = sorted(rank_rows(candidates), key=lambda r: (r["country"], int(r["year"]), int(r["rank"])))
    files = {
        TRADE_VALUES.name: (to_csv(TRADE_VALUES.header, trade), len(trade)),
        PARTNER_RANKS.name: (to_csv(PARTNER_RANKS.header, ranks), len(ranks)),
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in files.items():
        (out / name).write_bytes(data)
    (out / MANIFEST).write_bytes(manifest(version, files, candidates))
    load(out)  # raises ReferenceDataError if anything written does not validate
    return {name: rows for name, (_, rows) in files.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("candidates", nargs="?", type=Path, default=DEFAULT_CANDIDATES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--version", default=DATA_VERSION)
    args = parser.parse_args(argv)
    counts = build(args.candidates, args.out, args.version)
    for name, rows in counts.items():
        print(f"{args.out / name}: {rows} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
