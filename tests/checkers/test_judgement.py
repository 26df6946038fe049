"""Figures judged one by one, then one label, as DESIGN.md lays down: each rule on its own."""

from datetime import date

from checkers import Label, Reference, decide
from checkers.judgement import MirrorTolerance, names


def ref(
    value: float, supports: bool | None, reporter: str, standing: str = "official", source: str = "A",
    published: date | None = None,
) -> Reference:
    return Reference(value=value, unit="USD", source=source, url="https://example.org", reporter=reporter,
                     standing=standing, supports=supports, published=published)


def test_no_figures_is_unverifiable() -> None:
    assert decide([]).label is Label.UNVERIFIABLE
    assert decide([ref(1.0, None, "CHN")]).reason == "no_data"  # figures not judged (e.g. no rate)


def test_official_support_with_compiled_mirror_inside_the_gap() -> None:
    d = decide([ref(107.76, True, "CHN"), ref(104.49, False, "RUS", "compiled")])
    assert (d.label, d.reason) == (Label.SUPPORTED, "mirror_gap")


def test_each_side_speaks_through_its_best_figure() -> None:
    d = decide([ref(107.76, True, "CHN"), ref(107.70, True, "CHN", "compiled"), ref(104.49, False, "RUS", "compiled")])
    assert d.label is Label.SUPPORTED
    assert [r.standing for r in d.caveats] == ["compiled"] and d.caveats[0].reporter == "CHN"


def test_press_figure_of_one_side_against_official_mirror_within_gap() -> None:
    # 2010: China's figure only in the press (55.45), Russia's customs 59.34: the mirror gap.
    d = decide([ref(55.45, True, "CHN", "press"), ref(59.34, False, "RUS")])
    assert (d.label, d.reason) == (Label.SUPPORTED, "mirror_gap")


def test_sides_far_apart_are_disputed() -> None:
    d = decide([ref(107.76, True, "CHN"), ref(80.0, False, "RUS")])
    assert (d.label, d.reason) == (Label.DISPUTED, "sides_disagree")
    assert d.widest_gap is not None and d.widest_gap > 0.25


def test_a_wider_tolerance_keeps_a_wider_gap_a_caveat() -> None:
    refs = [ref(-342.6, True, "USA"), ref(-295.8, False, "CHN")]  # balances: 14% apart
    assert decide(refs).label is Label.DISPUTED
    assert decide(refs, tolerance=MirrorTolerance(limit=0.25)).label is Label.SUPPORTED


def test_two_sources_of_one_side_disagreeing_are_disputed() -> None:
    d = decide([ref(419.2, True, "USA", source="Census"), ref(418.2, False, "USA", source="BEA")])
    assert (d.label, d.reason) == (Label.DISPUTED, "same_reporter_disagree")


def test_first_release_and_revision_both_restable_are_disputed() -> None:
    # Article after the first release, before the revision: it could rest on either.
    first = ref(-419.2, True, "USA", source="Census", published=date(2019, 3, 6))
    revised = ref(-418.23, False, "USA", source="Census", published=date(2020, 2, 5))
    d = decide([first, revised], published=date(2019, 4, 1))
    assert (d.label, d.reason) == (Label.DISPUTED, "revised")
    assert d.matched_by_date is True


def test_a_release_superseded_before_the_article_is_only_a_caveat() -> None:
    first = ref(-419.2, False, "USA", source="Census", published=date(2019, 3, 6))
    revised = ref(-418.23, True, "USA", source="Census", published=date(2020, 2, 5))
    d = decide([first, revised], published=date(2021, 6, 1))
    assert d.label is Label.SUPPORTED and d.caveats == (first,)


def test_without_an_article_date_the_current_release_decides() -> None:
    first = ref(-419.2, False, "USA", source="Census", published=date(2019, 3, 6))
    revised = ref(-418.23, True, "USA", source="Census", published=date(2020, 2, 5))
    d = decide([first, revised])
    assert d.label is Label.SUPPORTED and d.deciding == (revised,)


def test_quoting_a_release_since_revised_is_disputed_never_contradicted() -> None:
    first = ref(84.07, True, "CHN", source="GACC", published=date(2018, 3, 20))
    revised = ref(84.2, False, "CHN", source="GACC", published=date(2020, 8, 1))
    for published in (None, date(2021, 1, 1)):
        d = decide([first, revised], published=published)
        assert (d.label, d.reason) == (Label.DISPUTED, "revised")


def test_claim_matching_only_a_later_revision_is_disputed_and_says_so() -> None:
    first = ref(620.9, False, "ISL", source="Statistics Iceland", published=date(2021, 1, 29))
    revised = ref(632.1, True, "ISL", source="Statistics Iceland", published=date(2022, 5, 1))
    d = decide([first, revised], published=date(2021, 3, 1))
    assert d.label is Label.DISPUTED and d.matched_by_date is False


def test_every_primary_source_contradicting_is_contradicted() -> None:
    d = decide([ref(107.76, False, "CHN"), ref(104.49, False, "RUS")])
    assert (d.label, d.reason) == (Label.CONTRADICTED, "sides_agree")


def test_named_source_decides_either_way() -> None:
    refs = [ref(107.76, True, "CHN"), ref(104.49, False, "RUS")]
    assert decide(refs, cited_source="RUS").label is Label.CONTRADICTED
    assert decide(refs, cited_source="CHN").label is Label.SUPPORTED
    assert decide(refs, cited_source="CHN").reason == "named_source"


def test_named_source_missing_is_unverifiable_not_judged_by_others() -> None:
    d = decide([ref(107.76, True, "CHN")], cited_source="RUS")
    assert (d.label, d.reason) == (Label.UNVERIFIABLE, "named_source_missing")
    assert len(d.caveats) == 1


def test_a_named_authority_matches_by_name() -> None:
    refs = [ref(107.76, True, "CHN", source="China GACC (General Administration of Customs)"),
            ref(104.49, False, "RUS", source="IMF DOTS (Russia-reported)", standing="compiled")]
    assert decide(refs, cited_source="GACC").label is Label.SUPPORTED
    assert decide(refs, cited_source="IMF DOTS").label is Label.CONTRADICTED


def test_names_keeps_codes_to_reporters() -> None:
    r = ref(1.0, True, "IND", source="Ministry of Industry")
    assert names(r, "IND") and not names(ref(1.0, True, "USA", source="Industry office"), "IND")
    assert names(r, "ministry of industry") and not names(r, "")


def test_lower_standing_decides_only_without_official_figures() -> None:
    assert decide([ref(88.0, True, "CHN", "compiled")]).label is Label.SUPPORTED
    assert decide([ref(88.0, False, "CHN", "compiled"), ref(80.0, True, "CHN")]).label is Label.SUPPORTED
    assert decide([ref(88.0, False, "CHN", "compiled"), ref(80.0, False, "CHN")]).label is Label.CONTRADICTED


def test_a_lower_standing_figure_that_supports_makes_a_dispute_not_a_contradiction() -> None:
    # China's customs 55.40 (via IMF) against a press report of China's 55.45: "55.5" is disputed
    d = decide([ref(55.403, False, "CHN", "compiled"), ref(55.45, True, "CHN", "press"), ref(59.34, False, "RUS")])
    assert (d.label, d.reason) == (Label.DISPUTED, "standing_disagree")


def test_a_countrys_own_statistics_settle_a_claim_about_its_own_flow() -> None:
    refs = [ref(155.7, True, "DEU"), ref(100.6, False, "CHN")]  # German imports vs Chinese exports: 35% apart
    assert decide(refs).label is Label.DISPUTED
    d = decide(refs, own="DEU")
    assert (d.label, d.reason) == (Label.SUPPORTED, "own_statistics")
    assert decide([ref(155.7, False, "DEU"), ref(100.6, True, "CHN")], own="DEU").label is Label.DISPUTED


def test_a_single_source_says_so() -> None:
    assert decide([ref(1.0, True, "ISL")]).reason == "single_source"
