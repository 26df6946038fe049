"""Partner shares: CIA World Factbook editions, Eurostat and Statistics Iceland, labelled by source."""

from __future__ import annotations

from datetime import date

from checkers import Flow, Standing
from reference_data import (
    AGGREGATES,
    DATA_DIR,
    CitedShare,
    ReferenceStore,
    is_country,
    schema,
)


def test_russia_2023_shares_from_the_2025_edition(store: ReferenceStore) -> None:
    shares = [s for s in store.partner_shares("RUS", 2023, Flow.EXPORT) if s.edition == 2025]
    assert shares[0].partner == "CHN" and shares[0].share == 33.0
    assert {s.partner for s in shares} >= {"CHN", "IND", "TUR"}
    first = shares[0]
    assert isinstance(first, CitedShare)
    assert first.source == "CIA World Factbook (2025 edition)" and first.published == date(2025, 1, 1)
    assert first.standing is Standing.COMPILED and first.url.endswith("country_fields_2025.sql.gz")
    imports = [s for s in store.partner_shares("RUS", 2023, Flow.IMPORT) if s.edition == 2025]
    assert imports[0].partner == "CHN" and imports[0].share == 53.0


def test_editions_newest_first_each_by_share(store: ReferenceStore) -> None:
    shares = store.partner_shares("RUS", 2009, Flow.IMPORT)
    editions = [s.edition for s in shares]
    assert editions == sorted(editions, key=lambda e: -(e or 0))
    for edition in set(editions):
        values = [s.share for s in shares if s.edition == edition]
        assert values == sorted(values, reverse=True)
    assert shares[0].partner == "DEU" and shares[0].share == 14.39  # SOURCES-2: 2010 edition


def test_official_shares_come_before_the_factbook(store: ReferenceStore) -> None:
    shares = store.partner_shares("EUU", 2023, Flow.IMPORT)
    assert shares[0].source == "Eurostat" and shares[0].partner == "CHN" and shares[0].share == 20.5
    iceland = store.partner_shares("ISL", 2023, Flow.EXPORT)
    assert iceland[0].edition is None and iceland[0].partner == "NLD" and iceland[0].precision == "derived"
    factbook = [s for s in iceland if s.edition == 2025]
    assert factbook[0].partner == "NLD" and factbook[0].share == 27.0


def test_nested_eu_text_gives_the_eu_and_its_first_member() -> None:
    rows = [r for r in schema.read(DATA_DIR / schema.PARTNER_SHARES.name, schema.PARTNER_SHARES)
            if (r.country, r.year, r.flow, r.edition) == ("AUT", 1999, Flow.EXPORT, 2000)]
    by_partner = {r.partner: r for r in rows}
    assert by_partner["EUU"].share == 65 and by_partner["DEU"].share == 36.0
    assert all(r.status == "irregular_text" for r in rows)


def test_partners_are_countries_or_documented_aggregates() -> None:
    rows = schema.read(DATA_DIR / schema.PARTNER_SHARES.name, schema.PARTNER_SHARES)
    others = {r.partner for r in rows if not is_country(r.partner)}
    assert others <= set(AGGREGATES) and "EUU" in others
    assert {"XBN", "XCC", "XSU"} <= others  # blocs kept with their own codes, never as countries
    assert all(0 <= r.share <= 100 for r in rows)
    flagged = [r for r in rows if r.status == "irregular_text"]
    assert 500 < len(flagged) < 1000 and all(r.note for r in flagged)
