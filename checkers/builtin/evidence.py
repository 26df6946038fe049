"""Reference figures judged one by one against a claimed interval, currency included.

Every figure becomes a :class:`~checkers.verdict.Reference` with its own judgement
(``supports``) before any label is chosen; :class:`Evidence` keeps the figure and the
conversion beside it so the explanation can say why figures differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .. import explain
from ..base import CheckContext
from ..fx import Conversion, convert
from ..interval import figure_interval, meets, negated, relative_deviation
from ..reference import TradeFigure
from ..verdict import Interval, Reference


@dataclass(frozen=True)
class Evidence:
    """One figure, what it says about the claim, and how the claim was carried to its currency."""

    figure: TradeFigure
    reference: Reference
    conversion: Conversion | None  # None when no rate could be found; identity when no conversion needed
    mirrored: bool = False  # the figure is the other side's, sign turned to the claim's side


def after(published: date | None, article: date | None) -> bool:
    """Whether a figure was published after the article (so the writer could not have read it)."""
    return bool(article and published and published > article)


def _notes(fig: TradeFigure, conversion: Conversion | None, mirrored: bool, article: date | None) -> str | None:
    notes = []
    if after(fig.published, article):
        notes.append(f"published {fig.published.isoformat()}, after the article")  # type: ignore[union-attr]
    if mirrored:
        notes.append(f"{fig.reporter}'s own figure with the sign reversed, to read from the claim's side")
    if conversion is not None and not conversion.identity:
        notes.append(f"claim converted at {conversion.factor:.6g} {conversion.target} per {conversion.source}, ±{conversion.band:.1%}")
    elif conversion is None:
        notes.append("no exchange rate for the year: not judged")
    if fig.precision == "rounded":
        low, high = figure_interval(fig.value, "rounded")
        notes.append(f"rounded figure: stands for {low:.6g} to {high:.6g}")
    if fig.note:
        notes.append(fig.note)
    return "; ".join(notes) or None


def judge(
    fig: TradeFigure, claimed: Interval, claimed_value: float, year: int, context: CheckContext,
    *, mirrored: bool = False, either_sign: bool = False,
) -> Evidence:
    """Judge one figure: does it meet the claimed interval (converted to its currency)?

    ``either_sign``: the claim does not say which way (surplus or deficit), so the figure
    may meet the interval or its mirror image."""
    conversion = convert(claimed.unit, fig.currency, year, context.reference)
    supports = deviation = None
    if conversion is not None:
        low, high = figure_interval(fig.value, fig.precision)
        supports = meets(conversion.interval(claimed), low, high)
        if either_sign and not supports:
            supports = meets(conversion.interval(negated(claimed)), low, high)
        value = conversion.value(claimed_value)
        if either_sign and (value < 0) != (fig.value < 0):
            value = -value
        deviation = relative_deviation(value, fig.value)
    reference = Reference(
        value=fig.value,
        unit=fig.currency,
        source=fig.authority,
        url=fig.url,
        reporter=fig.reporter,
        published=fig.published,
        period=str(fig.year),
        standing=fig.standing.value,
        precision=fig.precision,
        supports=supports,
        deviation=deviation,
        note=_notes(fig, conversion, mirrored, context.published),
    )
    return Evidence(fig, reference, conversion, mirrored)


def judge_all(
    figures: Iterable[TradeFigure | tuple[TradeFigure, bool]], claimed: Interval, claimed_value: float, year: int,
    context: CheckContext, *, either_sign: bool = False,
) -> list[Evidence]:
    """Judge every figure; an item may be ``(figure, mirrored)``."""
    found = []
    for item in figures:
        fig, mirrored = item if isinstance(item, tuple) else (item, False)
        found.append(judge(fig, claimed, claimed_value, year, context, mirrored=mirrored, either_sign=either_sign))
    return found


def whose(ref: Reference, lang: str) -> str:
    """'China's figures' / 'tölur Kína'."""
    if lang == "is":
        return f"tölur {explain.country_name(ref.reporter, lang, case='ef')}"
    return f"{explain.country_name(ref.reporter, lang, genitive=True)} figures"


def line(ev: Evidence, lang: str, value: str | None = None) -> str:
    """One figure in words: 'China GACC (China's figures, published 14 January 2021): USD 107.76 billion'.

    ``value`` replaces the figure as shown (a balance says 'a deficit of ...')."""
    ref = ev.reference
    when = ""
    if ref.published:
        when = f", birtar {explain.day(ref.published, lang)}" if lang == "is" else f", published {explain.day(ref.published, lang)}"
    value = value or explain.amount(ref.value, ref.unit, lang)
    if ref.precision == "rounded":
        value += " (námunduð)" if lang == "is" else " (rounded)"
    return f"{ref.source} ({whose(ref, lang)}{when}): {value}"


def conversions(evidence: Iterable[Evidence], claimed_value: float, lang: str) -> list[str]:
    """Each distinct conversion that was applied, described once."""
    seen: dict[tuple[str, str], str] = {}
    for ev in evidence:
        c = ev.conversion
        if c is not None and not c.identity and (c.source, c.target) not in seen:
            seen[(c.source, c.target)] = c.describe(claimed_value, lang)
    return list(seen.values())


def missing_rates(evidence: Iterable[Evidence]) -> list[str]:
    """Currencies for which no rate could be found."""
    return sorted({ev.figure.currency for ev in evidence if ev.conversion is None})
