"""CIA World Factbook partner shares, every edition 2000-2025, as ``partner_shares.csv`` rows.

Each row is one partner's share of one economy's exports or imports in one data year, as one
edition states it (the same data year often appears in several editions; all are kept, each
labelled with its edition). Partners the parsed file leaves without an ISO code are mapped when
they name the EU or a bloc with a defined membership, or a country with a misspelt name; vague
regions ("Asia", "other EU") and unparseable text are left out and counted in the build log.
"""

from __future__ import annotations

import re

from reference_data import areas

from .common import Build, Row, github, join, share_row

SHARES = "trade/cia_world_factbook_top_export_import_partner_shares_editions_2000-2025.csv"
REPO = "MilkMp/CIA-World-Factbooks-Archive-1990-2025"
REPORTERS = {"European Union": "EUU", "World": "WLD", "Kosovo": "XKX"}
# Former countries the parsed file codes with their ISO alpha-2 code: alpha-2 -> ISO 3166-3 alpha-3.
FORMER = {"AN": "ANT", "CS": "SCG"}
# Factbook entries (FIPS codes) that share one ISO code, so neither can stand for it: Gaza Strip, West Bank.
SHARED_ISO = {"GZ", "WE"}
EU = {"EU": "", "European Union": "", "EU (excluding UK)": "the edition writes 'EU (excluding UK)'",
      "EU excluding UK": "the edition writes 'EU excluding UK'", "EU (mainly Denmark)": "the edition writes "
      "'EU (mainly Denmark)'"}
BLOCS = {
    "Benelux": "XBN", "Belgium-Luxembourg": "XBL", "Caricom": "XCC", "Caricom countries": "XCC",
    "Caribbean Community": "XCC", "Southern African Customs Union (SACU)": "XSU", "ASEAN": "XAN", "EFTA": "XEF",
    "European Free Trade Association (EFTA)": "XEF", "Mercosur": "XMC", "Mercosur partners": "XMC",
    "MERCOSUR partners": "XMC", "OPEC": "XOP", "Andean Community": "XAC", "Andean Community of Nations": "XAC",
    "OECS": "XOE",
}
MISSPELT = {"Columbia": "COL", "Gernamy": "DEU", "Untied States": "USA", "Yugoslavia": "YUG"}
# "EU 65% (Germany": the EU's share, then the first member named inside the brackets, whose share the
# parser put in share_pct.
NESTED_EU = re.compile(r"EU (\d+(?:\.\d+)?)% \((\w+)$")
NESTED_MEMBERS = {"Germany": "DEU", "UK": "GBR", "France": "FRA", "Italy": "ITA", "Sweden": "SWE", "Spain": "ESP",
                  "Belgium": "BEL", "Netherlands": "NLD"}
IRREGULAR = "parsed from nested or irregular text in the edition; check against the edition"
EDITION_DATE = "edition dated by year only"


def _partners(r: Row) -> list[tuple[str, str, str, bool]]:
    """[(partner code, share, note, irregular)] for one candidate row; empty when it cannot be coded."""
    name, code, share, flagged = r["partner_name"], r["partner_iso3"], r["share_pct"], bool(r["parse_flag"])
    if code == "EU":
        return [("EUU", share, "", flagged)]
    if code and areas.kind(code) is not None:
        return [(code, share, "", flagged)]
    if name in EU:
        return [("EUU", share, EU[name], flagged)]
    if name in BLOCS:
        return [(BLOCS[name], share, f"the edition names the bloc '{name}'", flagged)]
    if name in MISSPELT:
        return [(MISSPELT[name], share, f"the edition writes '{name}'", True)]
    if (m := NESTED_EU.fullmatch(name)) and m.group(2) in NESTED_MEMBERS:
        text = f"the edition writes 'EU {m.group(1)}% ({m.group(2)} {share}% ...'"
        return [("EUU", m.group(1), text, True), (NESTED_MEMBERS[m.group(2)], share, text, True)]
    return []


def rows(build: Build) -> list[Row]:
    commit, _ = build.origin(SHARES)
    out: dict[tuple[str, str, str, str, str], Row] = {}
    for r in build.read(SHARES):
        country = FORMER.get(r["reporter_iso3"], r["reporter_iso3"]) or REPORTERS.get(r["reporter_name"], "")
        assert areas.kind(country) is not None, r
        if r["reporter_fips"] in SHARED_ISO:
            build.skip("CIA Factbook: Gaza Strip and West Bank are separate entries that share one ISO code (PSE)")
            continue
        if not r["data_year"]:
            build.skip("CIA Factbook: the edition states no data year")
            continue
        found = _partners(r)
        if not found:
            build.skip("CIA Factbook: partner is a region or text without a code (e.g. 'Asia', 'other EU')")
            continue
        edition = r["edition"]
        for partner, share, note, irregular in found:
            key = (country, partner, r["data_year"], r["flow"], edition)
            if key in out:
                first = out[key]
                if first["share"] != share:
                    first["status"] = "irregular_text"
                    first["note"] = join(first["note"], f"the edition lists this partner again with {share}%")
                build.skip("CIA Factbook: a partner listed twice for the same economy, year and flow in one edition")
                continue
            out[key] = share_row(
                country=country, partner=partner, year=r["data_year"], flow=r["flow"], share=share,
                source=f"CIA World Factbook ({edition} edition)", edition=edition, standing="compiled",
                precision="exact", status="irregular_text" if irregular else "confirmed",
                published=f"{edition}-01-01", url=github(REPO, commit, f"data/fields/country_fields_{edition}.sql.gz"),
                note=join(note, IRREGULAR if irregular else "", EDITION_DATE),
            )
    return list(out.values())
