"""Shares: "the Netherlands took 35.9% of Iceland's exports", "20,5% af innflutningi".

The claim's reporter is the country whose exports (imports, trade) are divided; the partner
is the one whose share is claimed. Two kinds of figure answer it:

* computed from the reporter's own table by partner: the partner's figure over the world
  figure (``WLD``) of the same office and release — official, the reporter's standing;
* cited shares (``partner_shares``), such as the CIA World Factbook's partner shares, each
  labelled with its edition. They are compilations unless the data marks them official (an
  office's own release), so a computed share outranks them; editions of one publication are
  releases of one office.

A share given in whole percent ("13%") stands for 12.5-13.5, one with decimals for half a
unit of its last decimal.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .. import explain
from ..base import CheckContext, Checker
from ..claim import Claim, ClaimKind, Flow
from ..interval import claimed_interval, figure_interval, meets, relative_deviation
from ..judgement import decide
from ..reference import ShareFigure, Standing, TradeFigure
from ..verdict import Interval, Label, Reference, Verdict
from . import scope, wording

WORLD = "WLD"


def _decimals(share: float) -> int:
    text = repr(float(share))
    return 0 if text.endswith(".0") else len(text.split(".", 1)[1])


def _tables(reference: object, reporter: str, year: int, flow: Flow) -> dict[tuple[str, object], dict[str, TradeFigure]]:
    """The reporter's figures by partner, per (office, release); totals as exports plus imports."""
    ask = reference.partner_figures  # type: ignore[attr-defined]
    rows = [f for f in ask(reporter, year, flow) if scope.annual(f.status)]
    tables: dict[tuple[str, object], dict[str, TradeFigure]] = defaultdict(dict)
    for f in rows:
        tables[(f.authority, f.published)][f.partner] = f
    if flow is Flow.TOTAL and not rows:
        exports = {(f.authority, f.published, f.partner): f for f in ask(reporter, year, Flow.EXPORT)}
        for f in ask(reporter, year, Flow.IMPORT):
            x = exports.get((f.authority, f.published, f.partner))
            if x is not None and x.currency == f.currency:
                precision = "rounded" if "rounded" in (x.precision, f.precision) else "derived"
                tables[(f.authority, f.published)][f.partner] = x.model_copy(
                    update={"flow": Flow.TOTAL, "value": x.value + f.value, "precision": precision, "valuation": None}
                )
    return tables


def computed(reference: object, reporter: str, partner: str, year: int, flow: Flow) -> list[tuple[TradeFigure, TradeFigure]]:
    """(partner figure, world figure) pairs from each office's table that has both."""
    found = []
    for table in _tables(reference, reporter, year, flow).values():
        if partner in table and WORLD in table and table[WORLD].value > 0:
            found.append((table[partner], table[WORLD]))
    return found


def _computed_reference(part: TradeFigure, world: TradeFigure, interval: Interval, claimed: float) -> Reference:
    lp, hp = figure_interval(part.value, part.precision)
    lw, hw = figure_interval(world.value, world.precision)
    share = part.value / world.value * 100
    return Reference(
        value=round(share, 4), unit="percent", source=part.authority, url=part.url, reporter=part.reporter,
        published=part.published, period=str(part.year), standing=part.standing.value, precision="derived",
        supports=meets(interval, lp / hw * 100, hp / lw * 100), deviation=relative_deviation(claimed, share),
        note=f"{part.partner}: {part.value:.6g} {part.currency} of {world.value:.6g} {world.currency} with the world",
    )


def _standing(fig: ShareFigure) -> str:
    """A cited share's standing as the data gives it (an office's own release is official,
    the Factbook a compilation)."""
    standing = getattr(fig, "standing", None)
    return Standing(standing).value if standing else Standing.COMPILED.value


def _cited_reference(fig: ShareFigure, interval: Interval, claimed: float) -> Reference:
    low, high = figure_interval(fig.share, "rounded", decimals=_decimals(fig.share))
    return Reference(
        value=fig.share, unit="percent", source=fig.source, url=fig.url, reporter=fig.country,
        published=fig.published, period=str(fig.year), standing=_standing(fig),
        precision="rounded" if _decimals(fig.share) == 0 else "exact",
        supports=meets(interval, low, high), deviation=relative_deviation(claimed, fig.share),
        note=f"cited share, {fig.partner}" + (f"; {fig.note}" if fig.note else ""),
    )


_EDITION = re.compile(r"[,(]?\s*\(?\d{4} edition\)?\s*$")


def _publication(ref: Reference) -> str:
    """Editions of one publication ('CIA World Factbook (2022 edition)') are releases of one office."""
    return _EDITION.sub("", ref.source).strip(" ,")


class ShareChecker(Checker):
    name = "share"
    version = "0.1.0"
    kinds = frozenset({ClaimKind.SHARE})
    description = (
        "A partner's share (%) of a country's exports, imports or trade in a year, computed from the "
        "country's table by partner or read from cited shares (CIA World Factbook editions)."
    )

    def accepts(self, claim: Claim) -> bool:
        return claim.kind in self.kinds and claim.quantity is not None and claim.quantity.unit == "percent"

    def check(self, claim: Claim, context: CheckContext) -> Verdict:
        assert claim.quantity is not None
        lang = explain.language(context.language)
        interval = claimed_interval(claim.quantity, claim.qualifier)
        problem = scope.pair_problem(claim) or scope.year_problem(claim, context)
        if problem:
            year = claim.period.start.year if claim.period else "?"
            return self.verdict(Label.UNVERIFIABLE, scope.text(lang, problem, year=year), context, interval=interval)
        assert claim.period is not None and claim.reporter and claim.partner
        year, flow, value = claim.period.start.year, claim.flow or Flow.TOTAL, claim.quantity.magnitude
        refs = [_computed_reference(p, w, interval, value) for p, w in computed(context.reference, claim.reporter, claim.partner, year, flow)]
        if flow in (Flow.EXPORT, Flow.IMPORT):
            cited: Sequence[ShareFigure] = context.reference.partner_shares(claim.reporter, year, flow)
            refs += [_cited_reference(s, interval, value) for s in cited if s.partner == claim.partner]
        if not refs:
            whose = explain.country_name(claim.reporter, lang, case="ef") if lang == "is" else explain.country_name(claim.reporter, lang, genitive=True)
            return self.verdict(Label.UNVERIFIABLE, scope.text(lang, "no_shares", whose=whose, year=year), context, interval=interval)
        decision = decide(refs, claim.cited_source, published=context.published, office=_publication)
        if decision.label is Label.UNVERIFIABLE:
            text = scope.text(lang, "named_missing", source=claim.cited_source)
            return self.verdict(Label.UNVERIFIABLE, text, context, interval=interval, references=refs)
        ordered = [*decision.deciding, *decision.caveats]
        lines = [_line(r, lang) for r in ordered]
        text = wording.paragraph(
            _head(claim, interval, lang, year, flow),
            "; ".join(lines[: len(decision.deciding)]) + ".",
            wording.verdict(decision, lang),
            wording.others(lines[len(decision.deciding):], lang),
            wording.differences(ordered, lang),
            wording.by_date(decision, ordered, context.published, lang),
        )
        return self.verdict(
            decision.label, text, context, interval=interval, references=ordered,
            deviation=decision.deciding[0].deviation if decision.deciding else None,
        )


def _head(claim: Claim, interval: Interval, lang: str, year: int, flow: Flow) -> str:
    span, how = explain.span(interval, lang), wording.rule(interval, claim.qualifier, lang)
    if lang == "is":
        partner = explain.country_name(claim.partner, lang, case="ef")
        whole = f"{explain.flow_name(flow, lang, 'þgf')} {explain.country_name(claim.reporter, lang, case='ef')}"
        return f"Fullyrt er að hlutur {partner} í {whole} árið {year} hafi verið {span} („{claim.text}“; {how})."
    partner = explain.country_name(claim.partner, lang, genitive=True)
    whole = f"{explain.country_name(claim.reporter, lang, genitive=True)} {explain.flow_name(flow, lang).removeprefix('the ')}"
    return f"The claim puts {partner} share of {whole} in {year} at {span} (\"{claim.text}\": {how})."


def _line(ref: Reference, lang: str) -> str:
    shown = explain.points(ref.value, lang)
    when = f" ({explain.day(ref.published, lang)})" if ref.published else ""
    if ref.precision == "derived":
        return (f"{ref.source}{when}: {shown}, reiknað úr töflu eftir löndum" if lang == "is"
                else f"{ref.source}{when}: {shown}, computed from its table by partner")
    return f"{ref.source}{when}: {shown}"
