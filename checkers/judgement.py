"""From figures judged one by one to one label, as DESIGN.md lays down.

Each reference figure arrives already judged on its own (``Reference.supports``: does it meet
the claimed interval?). :func:`decide` turns those judgements into a label:

1. **A named source decides.** If the claim names a source (a reporter side, "according to
   Chinese customs", or an authority, "skv. Hagstofunni"), only that source's figures count;
   the rest are caveats. If the data holds nothing from it, the claim is ``unverifiable``.
2. **Each side speaks through its best figures.** Figures are grouped by reporter side; a
   side speaks through its best standing (official, then compiled, then press), so a
   country's own customs figure outranks an IMF compilation of it.
3. **Releases: what the claim could rest on.** Within a side, each office's releases count
   twice at most: the latest one published by the article's date (what the writer could
   have read) and the latest one there is (the current figure). Older releases are caveats,
   except that an older release supporting the claim where those contradict it makes the
   side disputed (the claim quoted a figure since revised), never contradicting.
   Without an article date, the current figure counts, with the same exception.
4. **Within a side**, figures that disagree about the claim (a first release and its
   revision, two offices of the same country) make the side ``disputed``.
5. **Across sides**, a side that supports the claim makes it ``supported``: mirror statistics
   differ as a rule, and that gap alone never makes a claim wrong. Only when a supporting
   side and a contradicting side are further apart than the mirror tolerance (see
   :class:`MirrorTolerance`) is the claim ``disputed``. If no side supports it, a disputed
   side makes it ``disputed``, otherwise it is ``contradicted``.
6. **A country's own flow.** A claim about one country's exports, imports or balance
   ("Germany's imports from China") describes that country's statistics: when they support
   it, the partner's mirror figures are caveats however far apart (origin vs destination,
   fob vs cif, transit), never a dispute.

Rules 2 and 3 never turn a claim one of its side's own figures supports into a contradiction:
a superseded release or a lower-standing figure that supports it makes the side disputed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .reference import Standing
from .verdict import Label, Reference

#: Mirror statistics of the same trade routinely differ by this much (fob/cif, timing, attribution).
MIRROR_GAP = 0.10

_STANDING_ORDER = (Standing.OFFICIAL, Standing.COMPILED, Standing.PRESS)


def relative_gap(a: Reference, b: Reference) -> float:
    """|a - b| relative to the larger of the two."""
    return abs(a.value - b.value) / max(abs(a.value), abs(b.value), 1e-300)


@dataclass(frozen=True)
class MirrorTolerance:
    """How far two reporter sides may be apart before their disagreement is a dispute.

    ``gap`` measures two figures' distance; ``limit`` is the most that counts as the usual
    mirror gap. Levels of trade use the relative gap and :data:`MIRROR_GAP`; checkers of
    derived quantities (balances, growth rates) pass their own.
    """

    limit: float = MIRROR_GAP
    gap: Callable[[Reference, Reference], float] = relative_gap
    what: str = "relative difference of the figures"


LEVELS = MirrorTolerance()


@dataclass(frozen=True)
class Decision:
    label: Label
    deciding: tuple[Reference, ...]  # the figures the label rests on
    caveats: tuple[Reference, ...]  # the other figures, shown beside it
    # named_source | named_source_missing | single_source | sides_agree | mirror_gap | own_statistics |
    # revised | same_reporter_disagree | standing_disagree | sides_disagree | no_data
    reason: str
    #: whether a figure published by the article's date supports the claim (None: no date or none such)
    matched_by_date: bool | None = None
    #: the largest gap between a supporting and a contradicting side, when there are both
    widest_gap: float | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


def names(ref: Reference, cited: str) -> bool:
    """Whether ``cited`` (a reporter code or an authority's name) is this figure's source.

    An ISO alpha-3 code matches the reporter side; a name matches when either contains the
    other, ignoring case ("GACC" names "China GACC (General Administration of Customs)").
    """
    cited = cited.strip()
    if len(cited) == 3 and cited.isupper():  # an ISO alpha-3 code names a reporter side
        return ref.reporter == cited
    wanted = cited.casefold()
    if not wanted:
        return False
    source = ref.source.casefold()
    return wanted in source or (len(source) >= 4 and source in wanted)


def _standing(ref: Reference) -> int:
    try:
        return _STANDING_ORDER.index(Standing(ref.standing))
    except ValueError:
        return len(_STANDING_ORDER)


def _restable(side: list[Reference], published: date | None, office: Callable[[Reference], str]) -> list[Reference]:
    """The releases of each office in ``side`` that a claim could rest on (rule 3)."""
    chosen: list[Reference] = []
    for key in dict.fromkeys(office(r) for r in side):
        releases = [r for r in side if office(r) == key]
        undated = [r for r in releases if r.published is None]
        dated = [r for r in releases if r.published is not None]
        keep = list(undated)
        if dated:
            latest = max(r.published for r in dated)  # type: ignore[type-var]
            dates = {latest}
            if published is not None:
                before = [r.published for r in dated if r.published <= published]  # type: ignore[operator]
                if before:
                    dates.add(max(before))  # type: ignore[type-var]
            keep += [r for r in dated if r.published in dates]
        chosen += keep
    return chosen


def _side_label(refs: Sequence[Reference]) -> tuple[Label, str]:
    yes = [r for r in refs if r.supports]
    no = [r for r in refs if r.supports is False]
    if yes and no:
        dated = {r.published for r in refs}
        offices = {r.source for r in refs}
        if len({r.standing for r in refs}) > 1:
            return Label.DISPUTED, "standing_disagree"
        return Label.DISPUTED, "revised" if len(offices) == 1 and len(dated) > 1 else "same_reporter_disagree"
    return (Label.SUPPORTED if yes else Label.CONTRADICTED), "sides_agree"


def _by_date(refs: Sequence[Reference], published: date | None) -> bool | None:
    if published is None:
        return None
    available = [r for r in refs if r.published is None or r.published <= published]
    if not available:
        return None
    return any(r.supports for r in available)


def _deciding(
    judged: list[Reference], published: date | None, office: Callable[[Reference], str]
) -> dict[str | None, list[Reference]]:
    sides: dict[str | None, list[Reference]] = {}
    for reporter in dict.fromkeys(r.reporter for r in judged):
        side = [r for r in judged if r.reporter == reporter]
        best = min(_standing(r) for r in side)
        top = [r for r in side if _standing(r) == best]
        sides[reporter] = _with_superseded(_restable(top, published, office), side)
    return sides


def _with_superseded(chosen: list[Reference], side: list[Reference]) -> list[Reference]:
    """The exception to rules 2 and 3: if the figures that count all contradict the claim but
    another figure of the same side supports it (an older release since revised, or a figure
    of lower standing such as a press report of the same customs figure), that figure joins
    them and the side is disputed: a claim one of its own sources supports is never
    contradicted."""
    if any(r.supports for r in chosen):
        return chosen
    return chosen + [r for r in side if r.supports and not any(r is c for c in chosen)]


def decide(
    references: Sequence[Reference],
    cited_source: str | None = None,
    *,
    published: date | None = None,
    tolerance: MirrorTolerance = LEVELS,
    office: Callable[[Reference], str] = lambda r: r.source,
    own: str | None = None,
) -> Decision:
    """Combine per-figure judgements (``Reference.supports``) into one decision.

    ``published`` is the article's date (for rule 3); ``tolerance`` the mirror gap between
    sides (rule 5); ``office`` groups the releases of one publisher (by default the source);
    ``own`` the reporter whose own trade the claim describes ("Germany's imports from China"),
    whose supporting statistics settle it whatever the mirror says (rule 6).
    """
    judged = [r for r in references if r.supports is not None]
    if not judged:
        return Decision(Label.UNVERIFIABLE, (), tuple(references), "no_data")

    def rest(deciding: Sequence[Reference]) -> tuple[Reference, ...]:
        return tuple(r for r in references if not any(r is d for d in deciding))

    def first_supporting(refs: list[Reference]) -> list[Reference]:
        return sorted(refs, key=lambda r: not r.supports)

    if cited_source:
        named = [r for r in judged if names(r, cited_source)]
        if not named:
            return Decision(Label.UNVERIFIABLE, (), tuple(references), "named_source_missing")
        best = min(_standing(r) for r in named)
        top = [r for r in named if _standing(r) == best]
        deciding = first_supporting(_with_superseded(_restable(top, published, office), named))
        label, reason = _side_label(deciding)
        return Decision(
            label, tuple(deciding), rest(deciding), reason if label is Label.DISPUTED else "named_source",
            matched_by_date=_by_date(deciding, published),
        )

    sides = _deciding(judged, published, office)
    labels = {reporter: _side_label(refs) for reporter, refs in sides.items()}
    deciding = first_supporting([r for refs in sides.values() for r in refs])
    by_date = _by_date(deciding, published)
    supporting = [rep for rep, (label, _) in labels.items() if label is Label.SUPPORTED]
    contradicting = [rep for rep, (label, _) in labels.items() if label is Label.CONTRADICTED]
    disputed = [rep for rep, (label, _) in labels.items() if label is Label.DISPUTED]
    if supporting:
        widest = None
        if contradicting:
            widest = max(
                tolerance.gap(y, n)
                for rep_y in supporting for y in sides[rep_y] if y.supports
                for rep_n in contradicting for n in sides[rep_n]
            )
        if own in supporting and contradicting:
            return Decision(Label.SUPPORTED, tuple(deciding), rest(deciding), "own_statistics", by_date, widest)
        if widest is not None and widest > tolerance.limit:
            return Decision(Label.DISPUTED, tuple(deciding), rest(deciding), "sides_disagree", by_date, widest)
        if len(sides) == 1:
            reason = "single_source"
        else:
            reason = "mirror_gap" if contradicting or disputed else "sides_agree"
        return Decision(Label.SUPPORTED, tuple(deciding), rest(deciding), reason, by_date, widest)
    if disputed:
        return Decision(Label.DISPUTED, tuple(deciding), rest(deciding), labels[disputed[0]][1], by_date)
    reason = "single_source" if len(sides) == 1 else "sides_agree"
    return Decision(Label.CONTRADICTED, tuple(deciding), rest(deciding), reason, by_date)
