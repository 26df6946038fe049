"""Figures judged one by one, then one label, as DESIGN.md lays down."""

from checkers import Label, Reference, decide


def ref(value: float, supports: bool, reporter: str, standing: str = "official", source: str = "A") -> Reference:
    return Reference(value=value, unit="USD", source=source, url="https://example.org", reporter=reporter,
                     standing=standing, supports=supports)


def test_no_figures_is_unverifiable() -> None:
    assert decide([]).label is Label.UNVERIFIABLE


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


def test_mirror_gap_within_tolerance_is_not_a_dispute() -> None:
    d = decide([ref(107.76, True, "CHN"), ref(104.49, False, "RUS")])
    assert (d.label, d.reason) == (Label.SUPPORTED, "mirror_gap")


def test_sides_far_apart_are_disputed() -> None:
    d = decide([ref(107.76, True, "CHN"), ref(80.0, False, "RUS")])
    assert (d.label, d.reason) == (Label.DISPUTED, "sides_disagree")


def test_same_reporter_releases_disagreeing_are_disputed() -> None:
    d = decide([ref(419.2, True, "USA"), ref(418.2, False, "USA")])
    assert (d.label, d.reason) == (Label.DISPUTED, "same_reporter_disagree")


def test_every_primary_source_contradicting_is_contradicted() -> None:
    assert decide([ref(107.76, False, "CHN"), ref(104.49, False, "RUS")]).label is Label.CONTRADICTED


def test_named_source_decides() -> None:
    refs = [ref(107.76, True, "CHN"), ref(104.49, False, "RUS")]
    assert decide(refs, cited_source="RUS").label is Label.CONTRADICTED
    assert decide(refs, cited_source="CHN").label is Label.SUPPORTED


def test_lower_standing_decides_only_without_official_figures() -> None:
    assert decide([ref(88.0, True, "CHN", "compiled")]).label is Label.SUPPORTED
    assert decide([ref(88.0, True, "CHN", "compiled"), ref(80.0, False, "CHN")]).label is Label.CONTRADICTED
