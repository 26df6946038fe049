"""Iceland (Statistics Iceland): total goods trade in several vintages, exports by partner, and stated facts.

Totals keep every vintage the candidate file has, each with its own source and date: first
(preliminary) releases, final figures, yearbook (Landshagir) figures and the 2025 vintage of the
monthly table. Publication dates come from the candidates where they give one (the status text,
or the facts file's source date for the same release); otherwise the field is left empty.
"""

from __future__ import annotations

import re

from .common import (
    BN,
    MN,
    PARTNER_NAMES,
    Build,
    Row,
    base_units,
    github,
    join,
    published,
    rank_row,
    share_row,
    trade_row,
)

TOTALS = "trade/iceland_goods_trade_totals_ISK_million_2008-2024__sourced.csv"
BY_PARTNER = "trade/iceland_goods_exports_by_partner_annual_2015-2024__derived_from_hagstofa_extract.csv"
FACTS = "trade/eu_china_and_iceland_trade_facts__sourced.csv"
AUTHORITY = "Statistics Iceland (Hagstofa Íslands)"
DATATHON = "CircumAI/Hagstofan-Datathon"

# When each release cited by the totals file was published, as the candidates give it:
# url -> (date as YYYY[-MM], where the date comes from).
RELEASE_DATES = {
    "https://timarit.is/page/6951471?lang=en": ("2010-11", "the facts file dates this Landshagir 2010 page"),
    "https://timarit.is/page/6951930?lang=fo": ("2011", "Landshagir 2011 yearbook"),
    "https://timarit.is/page/6952390?lang=en": ("2012", "Landshagir 2012 yearbook"),
    "http://statice.is/publications/news-archive/external-trade/trade-in-goods-final-data-for-the-year-2016-1/": (
        "2017", "the candidate file: final data as published in 2017"),
    "https://statice.is/publications/news-archive/external-trade/trade-in-goods-january-december-2019-preliminary-figures/": (
        "2020-02", "the candidate file: preliminary figures of February 2020"),
    "https://old.statice.is/publications/news-archive/external-trade/trade-in-goods-january-december-2020-preliminary-figures/": (
        "2021-01", "the facts file's source date"),
    "https://hagstofa.is/utgafur/frettasafn/utanrikisverslun/voruvidskipti-endanlegar-tolur-fyrir-arid-2021": (
        "2022", "the facts file's source date for the same release in English"),
    "https://hagstofa.is/utgafur/frettasafn/utanrikisverslun/voruvidskipti-i-november-2022-og-bradabirgdatolur-i-desember-2022/": (
        "2023-01", "the candidate file: preliminary figures of January 2023"),
    "https://vb.is/frettir/323-milljarda-voruskiptahalli-i-fyrra": ("2023-01", "the candidate file: January 2023"),
}
PX_VINTAGE = "Hagstofa PX table, 2025 vintage"
# Balances (exports minus imports) stated in candidate notes:
# (year, text of the note, ISK bn, url, published as YYYY-MM, what the figure is).
BALANCES = (
    ("2020", "deficit 97.8 ISK bn", "-97.8",
     "https://old.statice.is/publications/news-archive/external-trade/trade-in-goods-january-december-2020-preliminary-figures/",
     "2021-01", "exports fob minus imports fob, preliminary figures"),
    ("2022", "balance -323 bn", "-323", "https://vb.is/frettir/323-milljarda-voruskiptahalli-i-fyrra", "2023-01",
     "exports fob minus imports cif, preliminary, as reported by Viðskiptablaðið"),
    ("2024", "397.6 bn", "-397.6", "https://vb.is/frettir/voruvidskipti-ohagstaed-um-467-milljarda", "2025-01",
     "12-month deficit to December 2024, preliminary, as reported by Viðskiptablaðið"),
)


def _date(url: str) -> tuple[str, str]:
    if url not in RELEASE_DATES:
        return "", "publication date not stated in the source read"
    when, why = RELEASE_DATES[url]
    day, only = published(when)
    return day, join(f"published {only}" if only else "", f"date from {why}")


def total_rows(build: Build) -> list[Row]:
    commit, _ = build.origin(TOTALS)
    px_url = github(DATATHON, commit, "The value of exports by month (2011-2025.csv")
    rows: list[Row] = []
    for r in build.read(TOTALS):
        status_text, url, note = r["status"], r["source"], r["note"]
        valuation = r["valuation"].split()[0]
        precision, status = "exact", "confirmed"
        if status_text.startswith(PX_VINTAGE):
            url, status = px_url, "revised"
            date, date_note = "", ("2025 vintage of the monthly table as copied in github CircumAI/Hagstofan-Datathon " \
                "(copy not dated); sum of 12 monthly values, unit stated in the table: M ISK")
            note = ""
        elif status_text == "derived (uncertain)":
            if r["year"] == "2023":  # the note's arithmetic subtracts a stated narrowing instead of adding it
                build.skip("Iceland: 2023 imports derived from a deficit whose sign of change is doubtful")
                continue
            url = re.match(r"\S+", url).group(0)  # type: ignore[union-attr]
            precision, status = "derived", "unconfirmed"
            date, date_note = "", ("derived by the research notes from two vintages, not a published total; " \
                "publication date not stated in the source read")
        else:
            date, date_note = _date(url)
            if status_text.startswith("preliminary"):
                status = "preliminary"
            elif status_text == "derived":
                precision = "derived"
            if "rounded" in note:
                precision = "rounded"
        if "inferred" in r["valuation"]:
            note = join(note, f"valuation {r['valuation']}")
        if precision == "derived" and "derived" not in note:
            note = join("derived", note)
        rows.append(trade_row(
            reporter="ISL", partner="WLD", year=r["year"], flow=r["flow"], value=base_units(r["value_isk_million"], MN),
            currency="ISK", authority=AUTHORITY, standing="official", precision=precision, valuation=valuation,
            status=status, published=date, url=url, note=join(note, date_note),
        ))
    for year, needle, value, url, when, how in BALANCES:
        assert any(needle in r["note"] for r in build.read(TOTALS) + build.read(FACTS)), needle
        date, only = published(when)
        rows.append(trade_row(
            reporter="ISL", partner="WLD", year=year, flow="balance", value=base_units(value, BN), currency="ISK",
            authority=AUTHORITY, standing="official", precision="exact", valuation="", status="preliminary",
            published=date, url=url, note=join(how, f"published {only}", "stated in a note of the candidate files"),
        ))
    return rows


def partner_rows(build: Build) -> tuple[list[Row], list[Row]]:
    """Exports by partner (trade rows, with each year's total as WLD) and the shares they imply."""
    commit, _ = build.origin(BY_PARTNER)
    url = github(DATATHON, commit, "Exports-by-branches-of-processing-and-countries-2015-2025.parquet")
    how = ("derived by the research notes: Statistics Iceland export values (fob) summed over 48 processing "
           "branches and 12 months; unit ISK million inferred (annual sums within about 2% of published totals); "
           "publication date not stated in the source read")
    common = {"reporter": "ISL", "currency": "ISK", "authority": AUTHORITY, "standing": "official",
              "precision": "derived", "valuation": "fob", "status": "unit_inferred", "published": "", "url": url}
    trade, shares, totals = [], [], {}
    for r in build.read(BY_PARTNER):
        assert r["months_in_year"] == "12" and r["unit"].startswith("ISK million"), r
        partner = PARTNER_NAMES[r["partner_name"]]
        totals[r["year"]] = r["total_exports_all_partners"]
        trade.append(trade_row(partner=partner, year=r["year"], flow="export",
                               value=base_units(r["value"], MN), note=how, **common))
        shares.append(share_row(
            country="ISL", partner=partner, year=r["year"], flow="export", share=r["share_of_total_pct"],
            source="Statistics Iceland, exports by processing branch and country (summed)", edition="",
            standing="official", precision="derived", status="confirmed", published="", url=url,
            note=f"derived by the research notes: the partner's sum over the year's total; listed {r['rank_among_partners']}",
        ))
    for year, total in sorted(totals.items()):
        trade.append(trade_row(partner="WLD", year=year, flow="export", value=base_units(total, MN), note=how, **common))
    return trade, shares


def fact_rows(build: Build, totals: list[Row]) -> tuple[list[Row], list[Row], list[Row]]:
    """Iceland rows of the facts file (trade not already in the totals), with the ranks and shares their notes state."""
    have = {(r["year"], r["flow"], r["value"]) for r in totals}
    trade, ranks, shares = [], [], []
    for r in build.read(FACTS):
        if r["reporter_iso3"] != "ISL":
            continue
        flow = r["flow"].split("_")[0]
        value = base_units(r["value"], BN)
        if (r["year"], flow, value) in have:
            build.skip("Iceland facts: the same figure is already in the totals file")
            continue
        date, date_note = published(r["source_date"])
        trade.append(trade_row(
            reporter="ISL", partner=r["partner_iso3"], year=r["year"], flow=flow, value=value, currency="ISK",
            authority=AUTHORITY, standing="official", precision="exact", valuation="",
            status="secondary_source" if "secondary" in r["status"] else "confirmed", published=date,
            url=r["source_url"], note=join(f"published {date_note}" if date_note else "", r["note"]),
        ))
    china = "http://made-in-iceland.com.cn/IcelandNews/ShowArticle.asp?ArticleID=323"
    note_of: dict[str, str] = {}
    for r in build.read(FACTS):
        note_of[r["source_url"]] = join(note_of.get(r["source_url"], ""), r["note"])
    assert "0.99% of exports" in note_of[china] and "3.77% of imports" in note_of[china]
    assert "9th market, 3rd supplier" in note_of[china]
    for flow, share, rank in (("export", "0.99", "9"), ("import", "3.77", "3")):
        shares.append(share_row(
            country="ISL", partner="CHN", year="2017", flow=flow, share=share, source=AUTHORITY, edition="",
            standing="official", precision="exact", status="secondary_source", published="2018-01-01", url=china,
            note="Statistics Iceland figures quoted on a trade-promotion page; published date known to the year only",
        ))
        ranks.append(rank_row(
            country="ISL", year="2017", rank=rank, partner="CHN", measure=flow, authority=AUTHORITY,
            standing="official", status="secondary_source", published="2018-01-01", url=china,
            statement=f"Statistics Iceland figures quoted on a trade-promotion page (2018, day not stated): China was "
            f"Iceland's {'9th largest export market' if flow == 'export' else '3rd largest supplier'} in 2017",
        ))
    landshagir = "https://timarit.is/page/6951471?lang=en"
    assert "Netherlands (exports), Norway (imports)" in note_of[landshagir]
    for measure, partner, name in (("export", "NLD", "the Netherlands"), ("import", "NOR", "Norway")):
        ranks.append(rank_row(
            country="ISL", year="2009", rank="1", partner=partner, measure=measure, authority=AUTHORITY,
            standing="official", status="confirmed_by_statement", published="2010-11-01", url=landshagir,
            statement=f"Landshagir 2010 (Statistics Iceland yearbook, November 2010; day not stated): {name} was "
            f"Iceland's largest partner for {measure}s of goods in 2009",
        ))
    return trade, ranks, shares
