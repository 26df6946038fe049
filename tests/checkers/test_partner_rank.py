"""The partner-rank checker: tables by partner, statements, Factbook shares; blocs apart."""

from datetime import date

from checkers import Flow, Label, Standing
from checkers.builtin import PartnerRankChecker
from checkers.builtin.blocs import eu_members, rankable
from checkers.testing import MemoryReference, context, rank_claim, rank_figure, share_figure, trade_figure


def census(partner: str, year: int, value: float, flow: Flow = Flow.TOTAL):
    return trade_figure("USA", partner, year, value, flow=flow, authority="US Census Bureau", published=date(year + 1, 2, 7))


DATA = MemoryReference(
    trade=[
        census("WLD", 2023, 5102e9), census("MEX", 2023, 798.0e9), census("CAN", 2023, 773.0e9),
        census("CHN", 2023, 574.7e9), census("DEU", 2023, 236.0e9), census("EUU", 2023, 851.0e9),
        *[census(p, 2023, 2600e9 / 40) for p in ("FRA", "ITA", "JPN", "KOR", "GBR", "IND", "VNM", "NLD",
                                                  "IRL", "CHE", "BRA", "TWN", "SGP", "THA", "MYS", "ISR",
                                                  "AUS", "ESP", "BEL", "SWE", "AUT", "POL", "CHL", "COL",
                                                  "PER", "ARG", "SAU", "ARE", "TUR", "PHL", "IDN", "NOR",
                                                  "DNK", "FIN", "CZE", "HUN", "PRT", "GRC", "NZL", "ZAF")],
        # China's partial table: Russia only, so it ranks nothing
        trade_figure("CHN", "RUS", 2020, 107.76e9, authority="China GACC"),
    ],
    ranks=[
        rank_figure("RUS", 2015, "CHN", authority="China MOFCOM"),
        rank_figure("DEU", 2024, "USA", authority="Destatis", published=date(2025, 2, 14)),
        rank_figure("DEU", 2024, "CHN", authority="Chinese press", standing=Standing.PRESS),
        rank_figure("ISL", 2021, "NOR", authority="Statistics Iceland", measure="import"),
        rank_figure("GRC", 2020, "ITA", authority="Ministry A"),
        rank_figure("GRC", 2020, "DEU", authority="Ministry B"),
    ],
    shares=[share_figure("ISL", "NLD", 2021, 28.0), share_figure("ISL", "ESP", 2021, 11.2),
            share_figure("ISL", "GBR", 2021, 10.1),
            share_figure("CHN", "USA", 2023, 7.0, flow=Flow.IMPORT), share_figure("CHN", "KOR", 2023, 7.0, flow=Flow.IMPORT),
            share_figure("CHN", "JPN", 2023, 6.0, flow=Flow.IMPORT),
            share_figure("ISL", "CHN", 2017, 0.99, source="Statistics Iceland")],
)


def check(claim, language="en", published=date(2025, 6, 1)):
    return PartnerRankChecker().check(claim, context(DATA, language, published))


def test_rank_computed_from_a_full_table() -> None:
    verdict = check(rank_claim("USA", "MEX", 2023))
    assert verdict.label is Label.SUPPORTED
    assert verdict.references[0].source == "US Census Bureau" and "MEX at rank 1" in (verdict.references[0].note or "")
    assert check(rank_claim("USA", "CAN", 2023)).label is Label.CONTRADICTED
    assert check(rank_claim("USA", "CAN", 2023, rank=2)).label is Label.SUPPORTED


def test_countries_and_blocs_are_ranked_apart() -> None:
    assert check(rank_claim("USA", "MEX", 2023)).label is Label.SUPPORTED  # the EU's 851 bn is not a country
    assert check(rank_claim("USA", "EUU", 2023)).label is Label.SUPPORTED  # a bloc claim ranks blocs too
    assert rankable(["EUU", "DEU", "MEX"], 2023, bloc_claim=True) == ["EUU", "MEX"]
    assert "GBR" in eu_members(2019) and "GBR" not in eu_members(2020) and "HRV" not in eu_members(2012)


def test_a_partial_table_ranks_nothing() -> None:
    assert check(rank_claim("CHN", "RUS", 2020)).label is Label.UNVERIFIABLE


def test_statements_and_their_standing() -> None:
    assert check(rank_claim("RUS", "CHN", 2015)).label is Label.SUPPORTED
    verdict = check(rank_claim("DEU", "USA", 2024))
    assert verdict.label is Label.SUPPORTED  # Destatis (official) decides; the press is a caveat
    assert len(verdict.references) == 2


def test_two_official_rankings_naming_different_partners_are_disputed() -> None:
    verdict = check(rank_claim("GRC", "ITA", 2020))
    assert verdict.label is Label.DISPUTED and "different partners" in verdict.explanation


def test_export_and_import_rankings_from_factbook_shares() -> None:
    assert check(rank_claim("ISL", "NLD", 2021, flow=Flow.EXPORT)).label is Label.SUPPORTED
    assert check(rank_claim("ISL", "ESP", 2021, flow=Flow.EXPORT)).label is Label.CONTRADICTED
    assert check(rank_claim("ISL", "NOR", 2021, flow=Flow.IMPORT)).label is Label.SUPPORTED
    # "largest trading partner" (total) is not answered by an export ranking
    assert check(rank_claim("ISL", "NLD", 2021)).label is Label.UNVERIFIABLE


def test_a_lone_cited_share_ranks_nothing() -> None:
    # "China took 0.99% of Iceland's exports" says nothing of who was first
    assert check(rank_claim("ISL", "NLD", 2017, flow=Flow.EXPORT)).label is Label.UNVERIFIABLE


def test_a_tie_at_a_rounded_share_decides_nothing() -> None:
    assert check(rank_claim("CHN", "USA", 2023, flow=Flow.IMPORT)).label is Label.UNVERIFIABLE
    assert check(rank_claim("CHN", "JPN", 2023, flow=Flow.IMPORT)).label is Label.CONTRADICTED


def test_future_year_and_missing_roles() -> None:
    assert check(rank_claim("RUS", "CHN", 2030)).label is Label.UNVERIFIABLE
    assert check(rank_claim("RUS", "CHN", 2015).model_copy(update={"partner": None})).label is Label.UNVERIFIABLE


def test_icelandic_wording() -> None:
    verdict = check(rank_claim("ISL", "NLD", 2021, flow=Flow.EXPORT), "is")
    assert "Holland hafi verið stærsti útflutningsmarkaður Íslands árið 2021" in verdict.explanation
    imports = check(rank_claim("ISL", "NOR", 2021, flow=Flow.IMPORT), "is")
    assert "stærsta upprunaland innflutnings Íslands" in imports.explanation
