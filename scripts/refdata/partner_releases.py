"""Largest-partner releases for Germany, China, Russia and Iceland: ranks, and the values they state.

One candidate row gives a partner's rank by a measure and, often, its value. Each becomes a rank
statement (``partner_ranks.csv``) and, where a value is given, a trade row; values in percent
become shares. Facts the candidate notes state (another page's figure, a rank in another year, a
run of years, export/import splits, bloc totals) are read with patterns that must match, so a
changed note fails the build instead of being dropped.
"""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import urlparse

from .common import (
    BN,
    PARTNER_NAMES,
    Build,
    Row,
    base_units,
    join,
    published,
    rank_row,
    share_row,
    trade_row,
)

RELEASES = "trade/largest_trading_partners_DEU_CHN_RUS_ISL_official_releases__sourced.csv"
COUNTRY = {"DEU": "Germany", "CHN": "China", "RUS": "Russia", "ISL": "Iceland"}
WIRTSCHAFT_TV = "https://wirtschaft-tv.com/?p=29018"
MEASURES = {"total_trade": "total", "exports": "export", "imports": "import",
            "total_trade_non_CIS_Jan-Sep": "total", "total_trade_H1_ranking": "total"}
WORDS = {"total": "total trade", "export": "exports", "import": "imports"}
ICELAND = "Statistics Iceland (Hagstofa Íslands)"
# Candidate authority -> (authority as shipped, standing).
AUTHORITIES = {
    "Destatis": ("Destatis (Federal Statistical Office of Germany)", "official"),
    "GACC (via Wikipedia table)": ("China GACC (General Administration of Customs)", "official"),
    "FCS total + partner national statistics (RIA Novosti analysis)": (
        "RIA Novosti (analysis of partner countries' statistics)", "press"),
    "RIA Novosti analysis": ("RIA Novosti (analysis of partner countries' statistics)", "press"),
    "FCS": ("Russian customs (FCS)", "official"),
    "FCS (via RT)": ("Russian customs (FCS)", "official"),
    "Statistics Iceland": (ICELAND, "official"),
    "Statistics Iceland (quoted)": (ICELAND, "official"),
    "Statistics Iceland (Landshagir 2011)": (ICELAND, "official"),
    "Statistics Iceland (quoted by Viðskiptablaðið)": (ICELAND, "official"),
}
# Candidate status -> (trade status, rank status).
STATUSES = {
    "as quoted": ("confirmed", "confirmed_by_statement"),
    "rounded": ("confirmed_rounded", "confirmed_by_statement"),
    "conflicting": ("conflicting", "confirmed_by_statement"),
    "secondary (Wikipedia mirror)": ("secondary_source", "secondary_source"),
    "secondary": ("secondary_source", "secondary_source"),
    "partial year (Jan-Sep), non-CIS partners only": ("partial_year", "partial_year"),
    "ranking only, H1 2021": ("partial_year", "partial_year"),
    "ranking only": ("confirmed", "confirmed_by_statement"),
    "ranking only, secondary": ("secondary_source", "secondary_source"),
}
# Ranks the candidate file fills in although the report lists these partners without one (SOURCES-2.md
# shows them unranked): the values are kept, the rank is not.
UNSTATED_RANKS = {("RUS", "2023", "KOR"), ("RUS", "2023", "DEU")}
# Publication dates the candidates give for a page (in its address or its description): url -> YYYY[-MM].
DATES = {
    "https://www.finanznachrichten.de/nachrichten-2023-02/58331023-roundup-exportueberschuss-mehr-als-halbiert-"
    "niedrigster-stand-seit-2000-016.htm": "2023-02",
    "https://a.osmarks.net/wikipedia_en_all_maxi_2020-08/A/List_of_the_largest_trading_partners_of_China": "2020-08",
    "https://timarit.is/page/6951930?lang=fo": "2011",
    "https://hagstofa.is/utgafur/frettasafn/utanrikisverslun/voruvidskipti-endanlegar-tolur-fyrir-arid-2021": "2022",
    "http://statice.is/publications/news-archive/external-trade/trade-in-goods-final-data-for-the-year-2016-1/": "2017",
}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _site(url: str) -> str:
    return urlparse(url).netloc.removeprefix("www.")


def _date(url: str) -> tuple[str, str]:
    if url not in DATES:
        return "", "publication date not stated in the source read"
    day, only = published(DATES[url])
    return day, f"published {only}" if only else ""


def _value(text: str) -> tuple[str, str]:
    """(value as written without '~', precision)."""
    return (text[1:], "rounded") if text.startswith("~") else (text, "exact")


class Releases:
    """Turns the candidate rows into trade, rank and share rows; see the module docstring."""

    def __init__(self, build: Build) -> None:
        self.build = build
        self.trade: list[Row] = []
        self.ranks: list[Row] = []
        self.shares: list[Row] = []
        self._blocs: set[tuple[str, str, str]] = set()

    def run(self) -> tuple[list[Row], list[Row], list[Row]]:
        for r in self.build.read(RELEASES):
            if r["measure"] == "total_trade_H1_ranking":
                self._ranking_list(r)
                continue
            self._one(r)
        return self.trade, self.ranks, self.shares

    def _one(self, r: Row) -> None:
        country, year, partner = r["reporter_iso3"], r["year"], r["partner_iso3"]
        measure = MEASURES[r["measure"]]
        authority, standing = AUTHORITIES[r["reporting_authority"]]
        trade_status, rank_status = STATUSES[r["status"]]
        url, note = r["source_url"], r["note"]
        date, date_note = _date(url)
        rank = int(float(r["rank"])) if r["rank"] else None
        if rank is None and (m := re.fullmatch(r"(\d+)(st|nd|rd|th)", note)):
            rank, note = int(m.group(1)), ""
        value_text = ""
        if r["unit"] in ("EUR bn", "USD bn"):
            value, precision = _value(r["value"])
            value_text = f"{'about ' if precision == 'rounded' else ''}{r['unit'][:3]} {value} bn"
            self._trade_value(r, measure, value, precision, authority, standing, trade_status, date, date_note, note)
        elif r["unit"].startswith("% of"):
            self.shares.append(share_row(
                country=country, partner=partner, year=year, flow=measure, share=r["value"], source=authority,
                edition="", standing=standing, precision="exact", status="confirmed", published=date, url=url,
                note=join(date_note, r["reporting_authority"]),
            ))
            value_text = f"{r['value']}% of {WORDS[measure]}"
        if (country, year, partner) in UNSTATED_RANKS:
            self.build.skip("Russia 2023: a rank the report does not state (South Korea, Germany)")
            rank = None
        if rank is not None:
            self._rank(country, year, rank, partner, r["partner"], measure, authority, standing, rank_status,
                       date, url, value_text, _site(url))
        self._note_facts(r, measure, authority, standing, date, date_note)

    def _trade_value(self, r: Row, measure: str, value: str, precision: str, authority: str, standing: str,
                     status: str, date: str, date_note: str, note: str) -> None:
        country, partner, year, url = r["reporter_iso3"], r["partner_iso3"], r["year"], r["source_url"]
        currency = r["unit"][:3]
        reporter, other = country, partner
        how = ""
        if authority.startswith("RIA Novosti"):  # partner values from the partners' own statistics
            reporter, other = partner, country
            how = f"{COUNTRY[country]}'s trade with this partner as the partner's statistics report it (RIA analysis)"
        if status == "partial_year":
            how = "January-September 2021 only; the ranking it comes from covers partners outside the CIS only"
        note = re.sub(r"(;\s*)?(exports|imports) [\d.]+", "", note) if authority.startswith("China GACC") else note
        note = re.sub(r"(;\s*)?blocs? .*$|(;\s*)?EU bloc .*$", "", note).strip("; ")
        self.trade.append(trade_row(
            reporter=reporter, partner=other, year=year, flow=measure, value=base_units(value, BN), currency=currency,
            authority=authority, standing=standing, precision=precision, valuation="", status=status,
            published=date, url=url, note=join(how, date_note, note),
        ))

    def _rank(self, country: str, year: str, rank: int, partner: str, name: str, measure: str, authority: str,
              standing: str, status: str, date: str, url: str, value_text: str, site: str, extra: str = "") -> None:
        by = {"total": "total trade", "export": "exports", "import": "imports"}[measure]
        self.ranks.append(rank_row(
            country=country, year=year, rank=str(rank), partner=partner, measure=measure, authority=authority,
            standing=standing, status=status, published=date, url=url,
            statement=join(f"{authority} figures as published on {site}: {name} ranked {_ordinal(rank)} among "
                           f"{COUNTRY[country]}'s partners by {by} in {year}"
                           + (f" ({value_text})" if value_text else ""), extra),
        ))

    def _note_facts(self, r: Row, measure: str, authority: str, standing: str, date: str, date_note: str) -> None:
        """Facts that only the note states."""
        country, year, partner, url, note = (r["reporter_iso3"], r["year"], r["partner_iso3"], r["source_url"],
                                             r["note"])
        site = _site(url)
        if m := re.search(r"wirtschaft-tv gives ([\d.]+)", note):  # the same figure on another page
            status = "conflicting" if r["status"] == "conflicting" else "confirmed"
            self.trade.append(trade_row(
                reporter=country, partner=partner, year=year, flow=measure, value=base_units(m.group(1), BN),
                currency=r["unit"][:3], authority=authority, standing=standing, precision="exact", valuation="",
                status=status, published="", url=WIRTSCHAFT_TV,
                note=join(f"{site} gives {r['value']}", "publication date not stated in the source read"),
            ))
        if m := re.fullmatch(r"rank (\d+) in (\d{4})", note):  # the same partner's rank a year earlier
            self._rank(country, m.group(2), int(m.group(1)), partner, r["partner"], measure, authority, standing,
                       "confirmed_by_statement", date, url, "", site, f"stated in the report on {year}")
        if m := re.fullmatch(r"USA was #1 in (\d{4})", note):
            self._rank(country, m.group(1), 1, "USA", "the United States", "total", authority, standing,
                       "confirmed_by_statement", date, url, "", site, f"stated in the report on {year}")
        if m := re.match(r"(\d+)th year in a row", note):  # a run of years, e.g. "8th year in a row" in 2023
            first = int(year) - int(m.group(1)) + 1
            for y in range(first, int(year)):
                self._rank(country, str(y), 1, partner, r["partner"], measure, authority, standing,
                           "confirmed_by_statement", date, url, "", site,
                           f"from the report on {year}: the {_ordinal(int(m.group(1)))} year in a row ({first}-{year})")
        if authority.startswith("China GACC") and (m := re.match(r"exports ([\d.]+); imports ([\d.]+)", note)):
            self._splits(r, m.group(1), m.group(2), authority, standing, date, date_note)
        for bloc, code, value in self._blocs_in(note) if authority.startswith("China GACC") else ():
            key = (country, year, code)
            if key not in self._blocs:
                self._blocs.add(key)
                self.trade.append(trade_row(
                    reporter=country, partner=code, year=year, flow="total", value=base_units(value, BN),
                    currency="USD", authority=authority, standing=standing, precision="exact", valuation="",
                    status="secondary_source", published=date, url=url,
                    note=join(f"{bloc} as one partner (a bloc, ranked apart from countries)", date_note),
                ))
        if m := re.match(r"FCS total ([\d.]+) bn", note):
            self._world(r, m.group(1), date, date_note)
        if m := re.match(r"2011: (\d+)%; US and Germany next; total imports ~(\d+) bn ISK", note):
            self._iceland_2012(r, m.group(1), m.group(2), date, date_note)

    @staticmethod
    def _blocs_in(note: str) -> list[tuple[str, str, str]]:
        codes = {"ASEAN": "XAN", "EU": "EUU"}
        return [(b, codes[b], v) for b, v in re.findall(r"\b(ASEAN|EU)(?: bloc)? ([\d.]+)", note)]

    def _splits(self, r: Row, exports: str, imports: str, authority: str, standing: str, date: str,
                date_note: str) -> None:
        total = Decimal(r["value"])
        consistent = abs(Decimal(exports) + Decimal(imports) - total) <= total / 100  # beyond rounding and revision
        for flow, value in (("export", exports), ("import", imports)):
            self.trade.append(trade_row(
                reporter="CHN", partner=r["partner_iso3"], year=r["year"], flow=flow, value=base_units(value, BN),
                currency="USD", authority=authority, standing=standing, precision="exact", valuation="",
                status="secondary_source" if consistent else "unconfirmed", published=date, url=r["source_url"],
                note=join(date_note, "" if consistent else
                          f"exports {exports} + imports {imports} do not add up to the total {r['value']} as printed"),
            ))

    def _world(self, r: Row, total: str, date: str, date_note: str) -> None:
        key = ("RUS", r["year"], "WLD")
        if key in self._blocs:
            return
        self._blocs.add(key)
        self.trade.append(trade_row(
            reporter="RUS", partner="WLD", year=r["year"], flow="total", value=base_units(total, BN), currency="USD",
            authority="Russian customs (FCS)", standing="official", precision="exact", valuation="",
            status="secondary_source", published=date, url=r["source_url"],
            note=join("Russia's total goods trade as stated by the FCS, read in a RIA analysis", date_note),
        ))

    def _iceland_2012(self, r: Row, share_2011: str, imports_bn: str, date: str, date_note: str) -> None:
        url, site = r["source_url"], _site(r["source_url"])
        self.shares.append(share_row(
            country="ISL", partner="NOR", year="2011", flow="import", share=share_2011, source=ICELAND, edition="",
            standing="official", precision="rounded", status="confirmed", published=date, url=url,
            note=join("stated in the report on 2012", date_note),
        ))
        for rank, partner, name in ((2, "USA", "the United States"), (3, "DEU", "Germany")):
            self._rank("ISL", "2012", rank, partner, name, "import", ICELAND, "official", "confirmed_by_statement",
                       date, url, "", site, "the report names the United States and then Germany after Norway")
        self.trade.append(trade_row(
            reporter="ISL", partner="WLD", year="2012", flow="import", value=base_units(imports_bn, BN),
            currency="ISK", authority=ICELAND, standing="official", precision="rounded", valuation="",
            status="preliminary", published=date, url=url,
            note=join("about 598 bn ISK, preliminary; valuation (fob or cif) not stated", date_note),
        ))

    def _ranking_list(self, r: Row) -> None:
        names = re.fullmatch(r"(.+) \(in that order\)", r["partner"])
        assert names, r["partner"]
        authority, standing = AUTHORITIES[r["reporting_authority"]]
        _, status = STATUSES[r["status"]]
        date, _ = _date(r["source_url"])
        for rank, name in enumerate(names.group(1).split(", "), start=1):
            self._rank(r["reporter_iso3"], r["year"], rank, PARTNER_NAMES[name], name, "total", authority, standing,
                       status, date, r["source_url"], "", _site(r["source_url"]),
                       "first half of the year only (January-June), as reported by RT")


def rows(build: Build) -> tuple[list[Row], list[Row], list[Row]]:
    return Releases(build).run()
