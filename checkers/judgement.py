"""From figures judged one by one to one label, as DESIGN.md lays down.

1. Each figure is judged on its own: does it lie in the claimed interval?
2. If the claim names a source (a reporter side or an authority), its figures decide.
3. Otherwise each reporter side speaks through its best-standing figures (official, then
   compiled, then press): a side's own customs figure outranks an IMF compilation of it.
   Supported if a side supports it and no side contradicts it beyond the usual mirror gap;
   contradicted if no side supports it.
4. Figures that disagree from the same reporter (two releases), or from two sides further
   apart than the mirror gap, make it disputed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .reference import Standing
from .verdict import Label, Reference

#: Mirror statistics of the same trade routinely differ by this much (fob/cif, timing, attribution).
MIRROR_GAP = 0.10

_STANDING_ORDER = (Standing.OFFICIAL, Standing.COMPILED, Standing.PRESS)


@dataclass(frozen=True)
class Decision:
    label: Label
    deciding: tuple[Reference, ...]  # the figures the label rests on
    caveats: tuple[Reference, ...]  # the other figures, shown beside it
    reason: str  # named_source | sides_agree | mirror_gap | same_reporter_disagree | sides_disagree | no_data


def _split(refs: Sequence[Reference]) -> tuple[list[Reference], list[Reference]]:
    return [r for r in refs if r.supports], [r for r in refs if r.supports is False]


def _gap(a: Reference, b: Reference) -> float:
    return abs(a.value - b.value) / max(abs(a.value), abs(b.value), 1e-300)


def _decide_tier(tier: list[Reference]) -> tuple[Label, str]:
    yes, no = _split(tier)
    if yes and not no:
        return Label.SUPPORTED, "sides_agree"
    if no and not yes:
        return Label.CONTRADICTED, "sides_agree"
    # Mixed: same reporter disagreeing with itself is a real dispute; two sides within
    # the mirror gap are not.
    for y in yes:
        for n in no:
            if y.reporter == n.reporter:
                return Label.DISPUTED, "same_reporter_disagree"
            if _gap(y, n) > MIRROR_GAP:
                return Label.DISPUTED, "sides_disagree"
    return Label.SUPPORTED, "mirror_gap"


def decide(references: Sequence[Reference], cited_source: str | None = None) -> Decision:
    """Combine per-figure judgements (``Reference.supports``) into one decision."""
    judged = [r for r in references if r.supports is not None]
    if not judged:
        return Decision(Label.UNVERIFIABLE, (), tuple(references), "no_data")
    if cited_source:
        named = [r for r in judged if r.reporter == cited_source or r.source == cited_source]
        if named:
            label, _ = _decide_tier(named)
            rest = tuple(r for r in references if r not in named)
            return Decision(label, tuple(named), rest, "named_source")
    deciding: list[Reference] = []
    for reporter in dict.fromkeys(r.reporter for r in judged):
        side = [r for r in judged if r.reporter == reporter]
        best = min(_STANDING_ORDER.index(Standing(r.standing)) for r in side)
        deciding += [r for r in side if _STANDING_ORDER.index(Standing(r.standing)) == best]
    label, reason = _decide_tier(deciding)
    rest = tuple(r for r in references if r not in deciding)
    return Decision(label, tuple(deciding), rest, reason)
