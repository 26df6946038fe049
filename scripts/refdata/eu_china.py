"""EU-China (Eurostat): the EU's goods balance with China, and China's shares and ranks in extra-EU trade."""

from __future__ import annotations

from .common import BN, Build, Row, base_units, join, rank_row, share_row, trade_row

FACTS = "trade/eu_china_and_iceland_trade_facts__sourced.csv"
NEWS = "https://ec.europa.eu/eurostat/web/products-eurostat-news/w/ddn-20240304-2"
EXPLAINED = "https://ec.europa.eu/eurostat/statistics-explained/index.php?title=China-EU_-_international_trade_in_goods_statistics"
# Shares stated in the facts file's notes: (year, flow, percent, text in the note, url, published).
SHARES = (
    ("2023", "import", "20.5", "China 20.5% of extra-EU imports", NEWS, "2024-03-04"),
    ("2023", "export", "8.8", "8.8% of extra-EU exports (3rd)", NEWS, "2024-03-04"),
    ("2022", "import", "20.8", "2022 shares: 20.8% of imports", EXPLAINED, ""),
    ("2022", "export", "9.0", "9.0% of exports", EXPLAINED, ""),
)


def rows(build: Build) -> tuple[list[Row], list[Row], list[Row]]:
    trade = []
    notes = []
    for r in build.read(FACTS):
        if r["reporter_iso3"] != "EU27":
            continue
        notes.append(r["note"])
        if not r["value"]:
            build.skip(f"EU-China: {r['year']} {r['flow']} not found in the sources read (no value)")
            continue
        trade.append(trade_row(
            reporter="EUU", partner=r["partner_iso3"], year=r["year"], flow=r["flow"], value=base_units(r["value"], BN),
            currency="EUR", authority="Eurostat", standing="official", precision="exact", valuation="",
            status=r["status"], published=r["source_date"], url=r["source_url"],
            note=join("EU-27; balance = EU exports (fob) minus EU imports (cif) with China", r["note"]),
        ))
    shares, ranks = [], []
    for year, flow, share, text, url, date in SHARES:
        assert any(text in n for n in notes), text
        shares.append(share_row(
            country="EUU", partner="CHN", year=year, flow=flow, share=share, source="Eurostat", edition="",
            standing="official", precision="exact", status="confirmed", published=date, url=url,
            note="share of extra-EU trade (EU-27)" + ("" if date else "; publication date not stated in the page read"),
        ))
    for flow, rank, how in (("import", "1", "largest supplier, 20.5% of extra-EU imports"),
                            ("export", "3", "third largest customer, 8.8% of extra-EU exports")):
        ranks.append(rank_row(
            country="EUU", year="2023", rank=rank, partner="CHN", measure=flow, authority="Eurostat",
            standing="official", status="confirmed_by_statement", published="2024-03-04", url=NEWS,
            statement=f"Eurostat news item of 2024-03-04: in 2023 China was the EU's {how}",
        ))
    return trade, ranks, shares
