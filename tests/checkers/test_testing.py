"""The plugin-testing helpers are a complete reference source."""

from checkers import ClaimKind, Flow, ReferenceSource
from checkers.fx import FxRates
from checkers.testing import MemoryReference, balance_claim, fx_rate, percent_claim, rank_claim, trade_figure


def test_memory_reference_satisfies_the_protocols() -> None:
    data = MemoryReference(fx=[fx_rate("ISK", 2020, 135.38), fx_rate("ISK", 2020, 135.27, source="CBI")])
    assert isinstance(data, ReferenceSource) and isinstance(data, FxRates)
    assert data.fx_rate("ISK", 2020).source == "ECB"  # type: ignore[union-attr]
    assert [r.source for r in data.fx_rates("ISK", 2020)] == ["ECB", "CBI"]
    assert data.fx_rate("USD", 1999).per_usd == 1.0  # type: ignore[union-attr]
    assert data.fx_rate("ISK", 2012) is None


def test_mirror_and_partner_lookups() -> None:
    data = MemoryReference(trade=[
        trade_figure("CHN", "RUS", 2020, 50.58e9, flow=Flow.EXPORT),
        trade_figure("RUS", "CHN", 2020, 54.91e9, flow=Flow.IMPORT),
    ])
    assert [f.reporter for f in data.trade_figures("CHN", "RUS", 2020, Flow.EXPORT)] == ["CHN", "RUS"]
    assert data.trade_figures("CHN", "RUS", 2020, Flow.IMPORT) == []
    assert len(data.partner_figures("RUS", 2020, Flow.IMPORT)) == 1


def test_claim_builders_carry_direction() -> None:
    deficit = balance_claim("418")
    assert deficit.kind is ClaimKind.BALANCE and getattr(deficit, "direction") == "deficit"
    assert getattr(balance_claim("1", deficit=None), "direction") is None
    fall = percent_claim("2.9", ClaimKind.GROWTH, negative=True)
    assert fall.quantity is not None and fall.quantity.magnitude == -2.9 and getattr(fall, "direction") == "decrease"
    streak = rank_claim("RUS", "CHN", 2020, years=11)
    assert streak.period is not None and streak.period.start.year == 2010
